//go:build js

// Command anim draws the three-step compression with ebiten: the signal's
// electrical path from metres of copper to tens of centimetres to a
// pluggable module to millimetres to a co-packaged engine, with the numbers
// core computes for the reader's scenario. The state lives in
// core/scene (tested natively); this command only draws it and wires the
// page's controls (window.cpoanim).
package main

import (
	"image/color"
	"math"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/scene"
)

type game struct {
	m      *scene.Model
	params scene.Params
	dark   bool
	scale  float64       // device pixels per CSS pixel
	w, h   float64       // screen in CSS pixels
	texts  []overlayText // this frame's text, drawn by the page over the canvas
	sent   []overlayText // what the page shows
	dirty  bool
	label  string // the canvas's accessible description, last set
	frames int64
	drawMS [256]float64 // the last draws' durations, for make bench
	nDraw  int
	white  *ebiten.Image
	eyeBox [4]float64 // where the eye and its words were drawn: x, y, w, h
}

func (g *game) pal() palette {
	if g.dark {
		return darkPalette
	}
	return lightPalette
}

func (g *game) Update() error {
	before := g.m.Tick
	g.m.Update()
	if g.m.Tick != before {
		g.dirty = true
	}
	g.describe()
	return nil
}

func (g *game) Layout(outsideWidth, outsideHeight int) (int, int) {
	s := ebiten.Monitor().DeviceScaleFactor()
	if s <= 0 {
		s = 1
	}
	w, h := float64(outsideWidth), float64(outsideHeight)
	if w != g.w || h != g.h || s != g.scale {
		g.w, g.h, g.scale, g.dirty = w, h, s, true
	}
	return int(math.Ceil(w * s)), int(math.Ceil(h * s))
}

// Draw draws the frame; when nothing changed it leaves the last one (the
// screen is not cleared every frame), so a paused or hidden animation
// costs nearly nothing.
func (g *game) Draw(screen *ebiten.Image) {
	if !g.dirty {
		return
	}
	g.dirty = false
	g.frames++
	perf := js.Global().Get("performance")
	t0 := perf.Call("now").Float()
	defer func() {
		g.drawMS[g.nDraw%len(g.drawMS)] = perf.Call("now").Float() - t0
		g.nDraw++
	}()
	p := g.pal()
	screen.Fill(p.bg)
	if g.m.Comparing() {
		g.drawCompare(screen)
		g.sendText()
		return
	}
	a, b, t := g.m.Shown()
	g.drawHeader(screen, a, b, t)
	g.drawScene(screen, a, b, t)
	st := &g.m.Stages[b]
	if t < 0.5 {
		st = &g.m.Stages[a]
	}
	g.drawLabels(screen, st)
	g.sendText()
}

// px converts CSS pixels to device pixels.
func (g *game) px(v float64) float32 { return float32(v * g.scale) }

// params reads the page's configuration: the scenario (a permalink, from
// the URL) and the reader's preferences.
// Without a scenario in the address it shows the prose's link
// (scene.Prose), as the explainer does; a link it cannot read shows that
// too, and says why.
func readConfig() (scene.Params, bool, bool) {
	cfg := js.Global().Get("cpoanimConfig")
	p := scene.Prose()
	reduced, dark := false, false
	if cfg.Type() == js.TypeObject {
		if l := cfg.Get("permalink"); l.Type() == js.TypeString && l.String() != "" {
			d, _, err := core.DecodePair(l.String()) // a comparison's link draws B
			if err == nil {
				p = scene.FromScenario(d)
			} else {
				linkErr = err
			}
		}
		reduced = cfg.Get("reducedMotion").Truthy()
		dark = cfg.Get("dark").Truthy()
	}
	return p, reduced, dark
}

func main() {
	params, reduced, dark := readConfig()
	m, err := scene.New(params, reduced)
	if err != nil {
		m, _ = scene.New(scene.FromScenario(core.DefaultScenario()), reduced)
	}
	white := ebiten.NewImage(3, 3)
	white.Fill(color.White)
	g := &game{m: m, params: params, dark: dark, dirty: true, white: white, scale: 1}
	install(g)
	ebiten.SetScreenClearedEveryFrame(false)
	ebiten.SetTPS(scene.TPS)
	ebiten.SetRunnableOnUnfocused(true)
	if err := ebiten.RunGameWithOptions(g, &ebiten.RunGameOptions{ScreenTransparent: true}); err != nil {
		js.Global().Get("console").Call("error", "anim: "+err.Error())
	}
}

// linkErr is why the address's permalink could not be read (the
// animation then draws the default link), for the page to show.
var linkErr error

// linkWhy says in the page's language why a link cannot be read, without
// the link (the page shows it beside its own words): a permalink's reason,
// or any other error's message.
func linkWhy(err error) string {
	inner := err
	if pe, ok := err.(*core.PairError); ok {
		inner = pe.Err
	}
	if pe, ok := inner.(*core.PermalinkError); ok {
		return pe.Why(lang)
	}
	return core.ErrorText(lang, err)
}

// lang is the page's language (setLang): the overlay's words, the
// description and the numbers are in it.
var lang = label.English
