//go:build js

// Command anim draws the three-step compression with ebiten: the signal's
// electrical path from metres of copper to tens of centimetres to a
// pluggable module to millimetres to a co-packaged engine, with the numbers
// core computes for the reader's scenario. The state lives in
// core/scene (tested natively); this file only draws it and wires the
// page's controls (window.cpoanim).
package main

import (
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/scene"
	"github.com/cpocalc/cpocalc/wasm/jslang"
)

// Layout constants, in CSS pixels.
const (
	margin       = 14.0
	headerHeight = 84.0
	controlsBand = 0.0  // the page's HTML controls sit below the canvas
	labelsBand   = 46.0 // two lines of numbers; three on narrow screens
	fontSize     = 13.0
	titleSize    = 17.0
)

// palette is a colour scheme that reads in light and dark mode and for the
// common colour-vision deficiencies (Okabe-Ito hues).
type palette struct {
	bg, fg, muted, rule, copper, light, heat, bad, panel color.RGBA
}

var lightPalette = palette{
	bg: rgb(0xfd, 0xfd, 0xfb), fg: rgb(0x1b, 0x1d, 0x21), muted: rgb(0x50, 0x55, 0x5c), rule: rgb(0xc9, 0xcc, 0xcf),
	copper: rgb(0xb2, 0x4a, 0x00), light: rgb(0x00, 0x72, 0xb2), heat: rgb(0xe6, 0x9f, 0x00), bad: rgb(0xa3, 0x26, 0x1d), panel: rgb(0xf1, 0xf3, 0xf4),
}

var darkPalette = palette{
	bg: rgb(0x11, 0x14, 0x18), fg: rgb(0xe7, 0xe9, 0xec), muted: rgb(0xb2, 0xb7, 0xbe), rule: rgb(0x3a, 0x40, 0x48),
	copper: rgb(0xff, 0x9a, 0x4d), light: rgb(0x56, 0xb4, 0xe9), heat: rgb(0xe6, 0x9f, 0x00), bad: rgb(0xff, 0x8f, 0x86), panel: rgb(0x1b, 0x20, 0x27),
}

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 0xff} }

func alpha(c color.RGBA, a float64) color.RGBA {
	a = math.Max(0, math.Min(1, a))
	return color.RGBA{uint8(float64(c.R) * a), uint8(float64(c.G) * a), uint8(float64(c.B) * a), uint8(255 * a)}
}

func mix(a, b color.RGBA, t float64) color.RGBA {
	l := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t) }
	return color.RGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), l(a.A, b.A)}
}

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

// overlayText is one text of the frame. The page draws it in HTML over
// the canvas (window.cpoanimText), in the page's own fonts: no font is
// rasterised here, which keeps the binary free of fonts, and the text is
// as sharp as the page's and readable at any size.
type overlayText struct {
	s     string  // the text; for chips, the chips' texts separated by "\n"
	x, y  float64 // CSS pixels: the anchor (by align) and the top
	size  float64 // CSS pixels
	bold  bool
	c     color.RGBA // premultiplied, as the palette has it
	align int        // 0 left, 1 centre, 2 right
	chips bool       // a row of labelled chips, wrapping within the canvas
}

// write puts text with its anchor at (x, y) in CSS pixels (align: 0 left
// edge, 1 centre, 2 right edge).
func (g *game) write(s string, x, y, size float64, bold bool, c color.RGBA, align int) {
	g.texts = append(g.texts, overlayText{s: s, x: x, y: y, size: size, bold: bold, c: c, align: align})
}

// sendText gives the page the frame's text when it changed.
func (g *game) sendText() {
	// Whatever happens, the next frame collects its text afresh. An
	// exception in the page's code comes back as a panic, which would end
	// the program: the page's text is then left as it was.
	defer func() {
		recover()
		g.texts = g.texts[:0]
	}()
	f := js.Global().Get("cpoanimText")
	if slices.Equal(g.texts, g.sent) || f.Type() != js.TypeFunction {
		return
	}
	list := make([]any, len(g.texts))
	for i, t := range g.texts {
		list[i] = map[string]any{"s": t.s, "x": t.x, "y": t.y, "size": t.size, "bold": t.bold, "color": cssColor(t.c), "align": t.align, "chips": t.chips}
	}
	f.Invoke(list, cssColor(g.pal().panel))
	g.sent, g.texts = g.texts, g.sent
}

// cssColor writes a premultiplied colour as CSS.
func cssColor(c color.RGBA) string {
	if c.A == 0 {
		return "transparent"
	}
	un := func(v uint8) string { return strconv.Itoa(int(math.Round(float64(v) * 255 / float64(c.A)))) }
	return "rgba(" + un(c.R) + "," + un(c.G) + "," + un(c.B) + "," + strconv.FormatFloat(float64(c.A)/255, 'f', 3, 64) + ")"
}

func (g *game) line(dst *ebiten.Image, x0, y0, x1, y1, w float64, c color.Color) {
	vector.StrokeLine(dst, g.px(x0), g.px(y0), g.px(x1), g.px(y1), g.px(w), c, true)
}

func (g *game) rect(dst *ebiten.Image, x, y, w, h float64, c color.Color) {
	vector.DrawFilledRect(dst, g.px(x), g.px(y), g.px(w), g.px(h), c, true)
}

func (g *game) box(dst *ebiten.Image, x, y, w, h, sw float64, c color.Color) {
	vector.StrokeRect(dst, g.px(x), g.px(y), g.px(w), g.px(h), g.px(sw), c, true)
}

func (g *game) circle(dst *ebiten.Image, x, y, r float64, c color.Color) {
	vector.DrawFilledCircle(dst, g.px(x), g.px(y), g.px(r), c, true)
}

// fill fills a vector path drawn in CSS pixels.
func (g *game) fill(dst *ebiten.Image, path *vector.Path, c color.RGBA) {
	vs, is := path.AppendVerticesAndIndicesForFilling(nil, nil)
	g.drawVertices(dst, vs, is, c)
}

// stroke strokes a vector path drawn in CSS pixels, w wide.
func (g *game) stroke(dst *ebiten.Image, path *vector.Path, w float64, c color.RGBA) {
	vs, is := path.AppendVerticesAndIndicesForStroke(nil, nil, &vector.StrokeOptions{Width: float32(w), LineJoin: vector.LineJoinRound, LineCap: vector.LineCapRound})
	g.drawVertices(dst, vs, is, c)
}

// drawVertices draws triangles given in CSS pixels at the device's scale.
func (g *game) drawVertices(dst *ebiten.Image, vs []ebiten.Vertex, is []uint16, c color.RGBA) {
	s := float32(g.scale)
	for i := range vs {
		vs[i].DstX *= s
		vs[i].DstY *= s
		vs[i].SrcX, vs[i].SrcY = 1, 1
		vs[i].ColorR, vs[i].ColorG, vs[i].ColorB, vs[i].ColorA = float32(c.R)/255, float32(c.G)/255, float32(c.B)/255, float32(c.A)/255
	}
	dst.DrawTriangles(vs, is, g.white.SubImage(g.white.Bounds()).(*ebiten.Image), &ebiten.DrawTrianglesOptions{AntiAlias: true})
}

// drawHeader draws the stage's title and the log axis on which the three
// stages' electrical paths sit.
func (g *game) drawHeader(dst *ebiten.Image, a, b int, t float64) {
	p := g.pal()
	st := &g.m.Stages[a]
	if t >= 0.5 {
		st = &g.m.Stages[b]
	}
	g.write(st.Name, margin, 8, titleSize, true, p.fg, 0)
	lanes := strconv.Itoa(max(1, g.params.Lanes)) + " × " + core.BitRate(g.params.LaneGbps*1e9).String()
	sub := label.Format("anim.header", "tech", st.Tech.Name(), "port", st.Port.String(), "lanes", lanes, "length", st.Length.String())
	if g.w < 560 { // a phone: the short form fits its width
		sub = label.Format("anim.header_short", "tech", st.Tech.Abbrev(), "lanes", lanes, "length", st.Length.String())
	}
	if !g.m.Playing {
		sub += " " + label.Get("anim.paused")
	}
	g.write(sub, margin, 30, fontSize-1, false, p.muted, 0)

	// The log axis: 1 mm to 10 m.
	x0, x1, y := margin+4, g.w-margin-4, 66.0
	g.line(dst, x0, y, x1, y, 1, p.rule)
	for i, lbl := range []string{"1 mm", "1 cm", "10 cm", "1 m", "10 m"} {
		x := x0 + (x1-x0)*float64(i)/4
		g.line(dst, x, y-3, x, y+3, 1, p.muted)
		align := 1
		if i == 0 {
			align = 0
		} else if i == 4 {
			align = 2
		}
		g.write(lbl, x, y+5, fontSize-3, false, p.muted, align)
	}
	g.write(label.Get("anim.log_scale"), x1, 44, fontSize-3, false, p.muted, 2)
	cur := float64(a)*(1-t) + float64(b)*t
	for i := 0; i < scene.NumStages; i++ {
		x := x0 + (x1-x0)*g.m.Compression(i)
		c := p.copper
		if g.m.Stages[i].Optical {
			c = p.light
		}
		r := 4.0
		if math.Abs(float64(i)-cur) < 0.5 {
			r = 7
			g.circle(dst, x, y, r+2, p.bg)
		}
		g.circle(dst, x, y, r, c)
	}
}

// geometry is a stage's drawing, in CSS pixels.
type geometry struct {
	pkg      float64 // package size
	x0, x1   float64 // electrical path, die to conversion point (or far die)
	yc       float64 // the path's line
	ampH     float64 // height of a pulse of amplitude 1
	pxPerM   float64
	fiberEnd float64
}

func (g *game) geometryOf(i int) geometry {
	top := headerHeight
	bottom := g.h - controlsBand - g.labelsHeight()
	band := math.Max(60, bottom-top)
	pkg := math.Min(64, band*0.42)
	gm := geometry{pkg: pkg, yc: top + band*0.58, ampH: math.Min(50, band*0.42)}
	gm.x0 = margin + 6 + pkg/2
	full := g.w - 2*margin - pkg - 12
	gm.x1 = gm.x0 + math.Max(pkg/2+8, full*views[i].reach(pkg))
	if l := g.m.Stages[i].PathLength; l > 0 {
		gm.pxPerM = (gm.x1 - gm.x0) / float64(l)
	}
	gm.fiberEnd = g.w - margin
	return gm
}

func lerp(a, b, t float64) float64 { return a + (b-a)*t }

// stageView draws what differs between the stages: where the electrical
// path ends, and where the eye is drawn. One type per stage, as ebiten's
// examples/blocks scene manager has one type per scene; drawScene draws
// what they share and asks the stage's view for the rest.
type stageView interface {
	// reach is how much of the drawing's width the path takes, 0 to 1
	// (the package's width aside).
	reach(pkg float64) float64
	// end draws what the path ends in: the far chip, a module, an engine.
	end(g *game, dst *ebiten.Image, gm *geometry, st *scene.Stage, idx int, optical, glow float64)
	// eyeBelow says the eye sits below the path (the copper stage's long
	// path leaves no room there).
	eyeBelow() bool
}

// views are the stages' drawings, in the order of the stages.
var views = [scene.NumStages]stageView{copperView{}, pluggableView{}, cpoView{}}

// copperView: the path runs the whole width, die to the far chip's die.
type copperView struct{}

func (copperView) reach(float64) float64 { return 1 }
func (copperView) eyeBelow() bool        { return false }
func (copperView) end(g *game, dst *ebiten.Image, gm *geometry, st *scene.Stage, idx int, optical, glow float64) {
	g.farChip(dst, gm)
	// The cable's plugs in their cages, at each box's front panel: where
	// the host's board trace ends and the cable begins (and, for active
	// cables, where their electronics sit, glowing with their watts).
	p := g.pal()
	var pos core.Length
	var ends []float64
	for _, pc := range st.Profile {
		if pc.Kind == core.SegCable && st.PathLength > 0 {
			ends = append(ends, gm.x0+float64(pos/st.PathLength)*(gm.x1-gm.x0), gm.x0+float64((pos+pc.Length)/st.PathLength)*(gm.x1-gm.x0))
		}
		pos += pc.Length
	}
	if len(ends) < 2 {
		return
	}
	for k, x := range []float64{ends[0], ends[len(ends)-1]} {
		for r := 3; r >= 1; r-- {
			g.circle(dst, x, gm.yc, 6+float64(r)*3*glow, alpha(p.heat, 0.08*glow))
		}
		w := 12.0
		if k == 0 {
			x -= w
		}
		g.rect(dst, x, gm.yc-6, w, 12, p.panel)
		g.box(dst, x, gm.yc-6, w, 12, 1.2, p.copper)
	}
	// Each plug's name on the cable's side of it, clear of the chip's box.
	g.write(label.Get("anim.plug"), ends[0]+4, gm.yc+9, fontSize-3, false, p.muted, 0)
	g.write(label.Get("anim.plug"), ends[len(ends)-1]-4, gm.yc+9, fontSize-3, false, p.muted, 2)
}

// pluggableView: tens of centimetres to a module with its DSP, then fibre.
type pluggableView struct{}

func (pluggableView) reach(float64) float64 { return pluggableReach }
func (pluggableView) eyeBelow() bool        { return true }
func (pluggableView) end(g *game, dst *ebiten.Image, gm *geometry, st *scene.Stage, idx int, optical, glow float64) {
	// The box's front panel, and the cage the module plugs into through
	// it: the host's tens of centimetres of board end at the cage.
	p := g.pal()
	panel := gm.x1 + 30
	// The panel stops at the cage and leaves room for the module's name.
	g.line(dst, panel, gm.yc-gm.pkg*0.9, panel, gm.yc-19, 2, p.muted)
	g.line(dst, panel, gm.yc+34, panel, gm.yc+math.Max(gm.pkg*0.9, 40), 2, p.muted)
	g.write(label.Get("anim.front_panel"), panel, gm.yc-gm.pkg*0.9-16, fontSize-3, false, p.muted, 1)
	g.box(dst, gm.x1-4, gm.yc-19, 54, 38, 1, alpha(p.muted, 0.8))
	g.converter(dst, gm, idx, 46, 30, label.Get("anim.module"), optical, glow)
}

// cpoView: a few millimetres to the engine beside the chip, then fibre.
type cpoView struct{}

func (cpoView) reach(pkg float64) float64 { return cpoReach }
func (cpoView) eyeBelow() bool            { return true }
func (cpoView) end(g *game, dst *ebiten.Image, gm *geometry, st *scene.Stage, idx int, optical, glow float64) {
	// Zoomed in, the package: its substrate under the switch die and the
	// engine at the end of the few millimetres of trace.
	p := g.pal()
	sx, sw := margin+2, gm.x1+24-margin-2
	sh := gm.pkg * 1.25
	g.box(dst, sx, gm.yc-sh/2, sw, sh, 1, alpha(p.muted, 0.7))
	g.write(label.Get("anim.substrate"), sx+sw, gm.yc-sh/2-16, fontSize-3, false, p.muted, 2)
	g.converter(dst, gm, idx, 18, 16, label.Get("anim.engine"), optical, glow)
}

// cpoReach is the share of the width CPO's path takes, zoomed in to the
// package (its scale bar says by how much).
const cpoReach = 0.35

// pluggableReach is the share of the width the pluggable's path takes.
const pluggableReach = 0.45

// farChip draws the far chip the copper path ends at.
func (g *game) farChip(dst *ebiten.Image, gm *geometry) {
	p := g.pal()
	d := gm.pkg * 0.42
	fx := gm.x1 // the path ends at the far chip's die
	g.rect(dst, fx-gm.pkg/2, gm.yc-gm.pkg/2, gm.pkg, gm.pkg, p.panel)
	g.box(dst, fx-gm.pkg/2, gm.yc-gm.pkg/2, gm.pkg, gm.pkg, 1.5, p.fg)
	g.rect(dst, fx-d/2, gm.yc-d/2, d, d, p.muted)
	g.write(label.Get("anim.far_chip"), fx, gm.yc+gm.pkg/2+4, fontSize-3, false, p.muted, 1)
}

// converter draws where electricity becomes light (a module or an engine)
// of the given size, and the fibre with its light pulses.
func (g *game) converter(dst *ebiten.Image, gm *geometry, idx int, bw, bh float64, name string, optical, glow float64) {
	p := g.pal()
	if optical <= 0.5 {
		g.farChip(dst, gm)
		return
	}
	for k := 5; k >= 1; k-- {
		g.circle(dst, gm.x1+bw/2, gm.yc, bh*0.6+float64(k)*bh*0.12*glow, alpha(p.heat, 0.05*glow))
	}
	g.rect(dst, gm.x1, gm.yc-bh/2, bw, bh, p.panel)
	g.box(dst, gm.x1, gm.yc-bh/2, bw, bh, 1.5, p.light)
	g.write(name, gm.x1+bw/2, gm.yc+bh/2+4, fontSize-3, false, p.muted, 1)
	fx0 := gm.x1 + bw
	g.line(dst, fx0, gm.yc, gm.fiberEnd, gm.yc, 3, alpha(p.light, optical))
	g.write(label.Get("anim.fibre"), gm.fiberEnd, gm.yc-18, fontSize-3, false, p.light, 2)
	drawn := core.Length((gm.fiberEnd - fx0) / math.Max(g.geometryOf(idx).pxPerM, 1e-9))
	for _, lp := range g.m.LightPulses(idx, drawn) {
		x := fx0 + lp.Position*(gm.fiberEnd-fx0)
		g.circle(dst, x, gm.yc, 6, alpha(p.light, 0.25))
		g.circle(dst, x, gm.yc, 3, p.light)
	}
}

func (g *game) drawScene(dst *ebiten.Image, a, b int, t float64) {
	p := g.pal()
	ga, gb := g.geometryOf(a), g.geometryOf(b)
	gm := geometry{pkg: lerp(ga.pkg, gb.pkg, t), x0: lerp(ga.x0, gb.x0, t), x1: lerp(ga.x1, gb.x1, t), yc: lerp(ga.yc, gb.yc, t),
		ampH: lerp(ga.ampH, gb.ampH, t), fiberEnd: gb.fiberEnd}
	st := &g.m.Stages[a]
	idx := a
	if t >= 0.5 {
		st, idx = &g.m.Stages[b], b
	}
	optical := lerp(boolf(g.m.Stages[a].Optical), boolf(g.m.Stages[b].Optical), t)
	// Heat at each end, as its own watts: the switch chip's SerDes, and
	// the link's device (a cable's electronics, a module, an engine).
	chipA, devA := g.m.Heat(a)
	chipB, devB := g.m.Heat(b)
	g.drawPackage(dst, &gm, lerp(chipA, chipB, t))
	g.drawPath(dst, &gm, st, idx)
	views[idx].end(g, dst, &gm, st, idx, optical, lerp(devA, devB, t))
	g.drawScaleBar(dst, &gm, idx)
	g.drawEye(dst, &gm, st, views[idx].eyeBelow())
	if !st.Feasible {
		msg := label.Format("anim.beyond", "reason", st.Reason)
		if st.Tech.Copper() {
			msg = label.Format("anim.no_copper", "length", st.Length.String())
		}
		g.write(msg, margin, headerHeight+2, fontSize-1, true, p.bad, 0)
	}
}

// compareWidths are the widths the compare view gives a path: at the
// common scale (the longest path fills it) and, zoomed into a row, at the
// row's own.
func (g *game) compareWidths() (common, own float64) {
	w := math.Max(60, g.w-2*margin-compareChip-compareEnd)
	return w, w
}

// Room in the compare view, in CSS pixels: the chip at the left of each
// row, and the converter and fibre (or the far chip) at its right.
const (
	compareChip = 26.0
	compareEnd  = 70.0
)

// drawCompare draws the three electrical paths one above the other on one
// scale (or, while the camera zooms, each on the scale it has reached):
// copper's metres, the pluggable's tens of centimetres, CPO's millimetres.
func (g *game) drawCompare(dst *ebiten.Image) {
	p := g.pal()
	common, own := g.compareWidths()
	title, subKey := "anim.compare.title", "anim.compare.sub"
	if g.w < 560 { // a phone: the short words fit its width
		title, subKey = "anim.compare.title_short", "anim.compare.sub_short"
	}
	g.write(label.Get(title), margin, 8, titleSize, true, p.fg, 0)
	sub := label.Format(subKey, "lane", core.BitRate(g.params.LaneGbps*1e9).String(), "length", core.Length(g.params.LengthM).String())
	if !g.m.Playing {
		sub += " " + label.Get("anim.paused")
	}
	g.write(sub, margin, 30, fontSize-1, false, p.muted, 0)
	top := 56.0
	bottom := g.h - controlsBand - 8
	rowH := math.Max(40, (bottom-top)/scene.NumStages)
	x0 := margin + compareChip
	for i := 0; i < scene.NumStages; i++ {
		st := &g.m.Stages[i]
		y := top + rowH*float64(i) + rowH*0.62
		scale := g.m.Scale(i, common, own) // mm per px
		length := st.PathLength.Millimetres() / scale
		chipHeat, devHeat := g.m.Heat(i)
		// The chip, glowing with its SerDes' watts.
		for k := 4; k >= 1; k-- {
			g.circle(dst, margin+compareChip/2-2, y, 9+float64(k)*3*chipHeat, alpha(p.heat, 0.07*chipHeat))
		}
		g.rect(dst, margin, y-9, compareChip-6, 18, p.panel)
		g.box(dst, margin, y-9, compareChip-6, 18, 1.2, p.fg)
		// The electrical path at its scale, its pulses as high as core's
		// loss leaves them, on one clock.
		x1 := x0 + length
		g.line(dst, x0, y, x1, y, 2, p.copper)
		ampH := math.Min(16, rowH*0.28)
		for _, pl := range g.m.ComparePulses(i) {
			f := 0.0
			if st.PathLength > 0 {
				f = float64(pl.Position / st.PathLength)
			}
			x := x0 + f*length
			hgt := math.Max(1.5, pl.Amplitude*ampH)
			var bump vector.Path
			bump.MoveTo(float32(x-4), float32(y))
			bump.QuadTo(float32(x), float32(y-2*hgt), float32(x+4), float32(y))
			bump.Close()
			g.fill(dst, &bump, alpha(p.copper, 0.85))
		}
		// Where electricity becomes light, or the far chip.
		// The device's own heat, where it sits.
		for k := 4; k >= 1; k-- {
			g.circle(dst, x1, y, 5+float64(k)*3*devHeat, alpha(p.heat, 0.07*devHeat))
		}
		if st.Optical {
			g.line(dst, x1, y-8, x1, y+8, 2, p.light)
			g.line(dst, x1, y, g.w-margin, y, 2.5, alpha(p.light, 0.8))
			g.write(label.Get("anim.compare.light"), x1+4, y+4, fontSize-3, false, p.light, 0)
			// Light pulses at c/n, on the electrical pulses' clock.
			for _, mm := range g.m.CompareLight(i, (g.w-margin-x1)*scale) {
				x := x1 + mm/scale
				g.circle(dst, x, y, 5, alpha(p.light, 0.25))
				g.circle(dst, x, y, 2.5, p.light)
			}
		} else {
			g.rect(dst, x1, y-9, 14, 18, p.panel)
			g.box(dst, x1, y-9, 14, 18, 1.2, p.fg)
		}
		// The stage's other technologies, where the model puts their
		// path: a mark on the row at their length, named (NPO on the
		// board beside the package, linear pluggables with the DSP's).
		var marked []string
		for _, v := range st.Variants {
			if !st.Optical {
				break // a cable's path is the cable, whichever it is
			}
			vmm := v.PathLength.Millimetres()
			if math.Abs(vmm-st.PathLength.Millimetres()) < 0.05*st.PathLength.Millimetres() {
				marked = append(marked, v.Tech.Abbrev())
				continue // the same path as the row's: named with it
			}
			vx := x0 + vmm/scale
			if vx > g.w-margin {
				continue
			}
			g.line(dst, vx, y-12, vx, y-3, 1.5, alpha(p.muted, 0.9))
			g.write(v.Tech.Abbrev(), vx, y-26, fontSize-4, false, p.muted, 1)
		}
		words := label.Format("anim.compare.row", "stage", st.Name, "path", st.PathLength.String(), "loss", st.Loss.String(), "energy", st.PJPerBit.String())
		if len(marked) > 0 && g.w >= 560 {
			words += label.Format("anim.compare.marked", "techs", strings.Join(marked, label.Get("anim.list_sep")), "same", label.Get("anim.compare.same"))
		}
		if !st.Feasible {
			words += label.Format("anim.compare.aside", "words", label.Get("anim.compare.beyond"))
		}
		g.write(words, margin, y-rowH*0.5, fontSize-1, i == g.m.Target, p.fg, 0)
	}
	// The scale bar: one for all three while the scale is one; while the
	// camera zooms, the scale of the stage it zooms into, changing with it.
	scale, words := g.m.CompareScale(common), "anim.compare.scale"
	if g.m.Zoom > 0 {
		scale, words = g.m.Scale(g.m.Target, common, own), "anim.compare.scale_zoom"
	}
	l := niceLength(120 * scale / 1000)
	px := float64(l) * 1000 / scale
	y := bottom - 4
	g.line(dst, g.w-margin-px, y, g.w-margin, y, 2, p.fg)
	g.write(label.Format(words, "length", l.String()), g.w-margin, y-18, fontSize-3, false, p.fg, 2)
}

// drawPackage draws the switch chip on its package, glowing with the watts
// per end.
func (g *game) drawPackage(dst *ebiten.Image, gm *geometry, glow float64) {
	p := g.pal()
	px, py := margin+6, gm.yc-gm.pkg/2
	for k := 6; k >= 1; k-- {
		r := gm.pkg*0.55 + float64(k)*gm.pkg*0.12*glow
		g.circle(dst, gm.x0, gm.yc, r, alpha(p.heat, 0.06*glow))
	}
	g.rect(dst, px, py, gm.pkg, gm.pkg, p.panel)
	g.box(dst, px, py, gm.pkg, gm.pkg, 1.5, p.fg)
	d := gm.pkg * 0.42
	g.rect(dst, gm.x0-d/2, gm.yc-d/2, d, d, p.muted)
	g.write(label.Get("anim.switch_chip"), gm.x0, gm.yc+gm.pkg/2+4, fontSize-3, false, p.muted, 1)
}

// drawPath draws the electrical path, the envelope of the signal along
// it, the retimers that restore it, and the pulses whose height is the
// amplitude core's loss leaves.
func (g *game) drawPath(dst *ebiten.Image, gm *geometry, st *scene.Stage, idx int) {
	p := g.pal()
	pathCol := p.copper
	g.line(dst, gm.x0, gm.yc, gm.x1, gm.yc, 2, pathCol)
	var env vector.Path
	steps := 60
	for k := 0; k <= steps; k++ {
		f := float64(k) / float64(steps)
		amp := st.Amplitude(core.Length(f) * st.PathLength)
		x, y := float32(gm.x0+f*(gm.x1-gm.x0)), float32(gm.yc-amp*gm.ampH)
		if k == 0 {
			env.MoveTo(x, y)
		} else {
			env.LineTo(x, y)
		}
	}
	g.stroke(dst, &env, 1, alpha(pathCol, 0.45))
	var pos core.Length
	labelled := false
	for _, pc := range st.Profile {
		pos += pc.Length
		if pc.Kind != core.SegRetimer || st.PathLength <= 0 {
			continue
		}
		x := gm.x0 + float64(pos/st.PathLength)*(gm.x1-gm.x0)
		g.rect(dst, x-5, gm.yc-5, 10, 10, p.fg)
		if !labelled { // above the path: below it sit the chips' names
			g.write(label.Get("anim.retimer"), x, gm.yc-gm.ampH-20, fontSize-3, false, p.muted, 1)
			labelled = true
		}
	}
	for _, pl := range g.m.Pulses(idx) {
		f := 0.0
		if st.PathLength > 0 {
			f = float64(pl.Position / st.PathLength)
		}
		x := gm.x0 + f*(gm.x1-gm.x0)
		hgt := math.Max(1.5, pl.Amplitude*gm.ampH)
		var bump vector.Path
		bump.MoveTo(float32(x-7), float32(gm.yc))
		bump.QuadTo(float32(x), float32(gm.yc-2*hgt), float32(x+7), float32(gm.yc))
		bump.Close()
		g.fill(dst, &bump, alpha(pathCol, 0.85))
	}
}

// drawScaleBar draws a round length on this stage's scale.
func (g *game) drawScaleBar(dst *ebiten.Image, gm *geometry, idx int) {
	p := g.pal()
	ppm := g.geometryOf(idx).pxPerM
	if ppm <= 0 {
		return
	}
	l := niceLength(60 / ppm)
	y := gm.yc + gm.pkg/2 + 22
	x := gm.x0
	g.line(dst, x, y, x+float64(l)*ppm, y, 2, p.fg)
	g.line(dst, x, y-4, x, y+4, 1.5, p.fg)
	g.line(dst, x+float64(l)*ppm, y-4, x+float64(l)*ppm, y+4, 1.5, p.fg)
	g.write(label.Format("anim.to_scale", "length", l.String()), x+float64(l)*ppm+6, y-7, fontSize-3, false, p.fg, 0)
}

// drawEye draws the receiver's eye, as open as core's margin leaves it.
func (g *game) drawEye(dst *ebiten.Image, gm *geometry, st *scene.Stage, below bool) {
	p := g.pal()
	ew, eh := 104.0, 64.0 // room for the traces to read as an eye
	if g.w < 560 {
		ew, eh = 72, 46
	}
	ex, ey := g.w-margin-ew, headerHeight+6
	if below {
		// Below the path, but never down into the chips' row (a short or
		// narrow picture): there it goes up to the header's corner.
		low := gm.yc + gm.pkg/2 + 8
		chipsTop := g.h - controlsBand - g.labelsHeight() - 4
		if low+eh+fontSize+2 <= chipsTop && g.w >= 560 {
			ey = low
		}
	}
	g.eyeBox = [4]float64{ex, ey, ew, eh + fontSize + 2}
	g.rect(dst, ex, ey, ew, eh, p.panel)
	open := st.EyeOpening()
	eyeCol := p.light
	if open < 0.15 {
		eyeCol = p.bad
	}
	// The PAM4 eye as an oscilloscope overlays it: symbol traces whose
	// scatter is what core's margin leaves (scene.EyeTraces).
	// One path of all the traces, stroked at once: one draw, not 48.
	padX, padY := 4.0, 5.0
	var pth vector.Path
	for _, tr := range st.EyeTraces(48, 17) {
		for j, pt := range tr {
			x, y := float32(ex+padX+pt[0]*(ew-2*padX)), float32(ey+eh-padY-pt[1]*(eh-2*padY))
			if j == 0 {
				pth.MoveTo(x, y)
			} else {
				pth.LineTo(x, y)
			}
		}
	}
	g.stroke(dst, &pth, 1, alpha(eyeCol, 0.35))
	g.write(label.Format("anim.eye", "open", core.Ratio(math.Round(open*100)/100).Percent()), ex+ew/2, ey+eh+2, fontSize-3, false, p.muted, 1)
}

func boolf(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// niceLength returns a round length (1, 2 or 5 × 10^k) near l metres.
func niceLength(l float64) core.Length {
	if l <= 0 || math.IsInf(l, 0) || math.IsNaN(l) {
		return 1
	}
	e := math.Pow(10, math.Floor(math.Log10(l)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*e >= l {
			return core.Length(m * e)
		}
	}
	return core.Length(10 * e)
}

// labelsHeight is the height the numbers along the bottom take.
func (g *game) labelsHeight() float64 {
	if g.w < 560 {
		return labelsBand + 36
	}
	return labelsBand
}

// drawLabels writes the stage's numbers along the bottom.
func (g *game) drawLabels(dst *ebiten.Image, st *scene.Stage) {
	p := g.pal()
	items := []string{
		label.Format("anim.path", "length", st.PathLength.String()),
		lossLabel(st),
		st.PJPerBit.String(),
		label.Format("anim.per_end", "watts", st.Watts.String()),
		label.Format("anim.latency", "latency", st.Latency.String()),
	}
	g.texts = append(g.texts, overlayText{s: strings.Join(items, "\n"), x: margin, y: g.h - controlsBand - g.labelsHeight() + 4, size: fontSize - 1, c: p.fg, chips: true})
}

func lossLabel(st *scene.Stage) string {
	if st.Worst < st.Loss-0.01 {
		return label.Format("anim.loss_retimed", "worst", st.Worst.String(), "loss", st.Loss.String())
	}
	return label.Format("anim.loss", "loss", st.Loss.String())
}

// describe keeps the canvas's accessible description current.
func (g *game) describe() {
	a, b, t := g.m.Shown()
	i := a
	if t >= 0.5 {
		i = b
	}
	st := &g.m.Stages[i]
	s := label.Format("anim.describe", "stage", st.Name, "path", st.PathLength.String(), "loss", st.Loss.String(),
		"energy", st.PJPerBit.String(), "watts", st.Watts.String(), "latency", st.Latency.String())
	if !st.Feasible {
		s += label.Format("anim.describe.fails", "reason", st.Reason)
	}
	if g.m.Comparing() {
		s = label.Get("anim.describe.compare")
		for i := range g.m.Stages {
			c := &g.m.Stages[i]
			s += label.Format("anim.describe.row", "stage", c.Name, "path", c.PathLength.String(), "loss", c.Loss.String())
		}
	}
	if !g.m.Playing {
		s += label.Get("anim.describe.paused")
	}
	s += label.Get("anim.describe.keys")
	if s == g.label {
		return
	}
	g.label = s
	doc := js.Global().Get("document")
	if c := doc.Call("querySelector", "canvas"); c.Truthy() {
		c.Call("setAttribute", "role", "img")
		c.Call("setAttribute", "aria-label", s)
		c.Call("setAttribute", "tabindex", "0")
	}
	if d := doc.Call("getElementById", "anim-desc"); d.Truthy() {
		d.Set("textContent", label.Format("anim.live", "stage", st.Name, "path", st.PathLength.String(), "loss", st.Loss.String()))
	}
	if f := js.Global().Get("cpoanimChanged"); f.Type() == js.TypeFunction {
		f.Invoke(g.state())
	}
}

func (g *game) state() any {
	n := g.nDraw
	if n > len(g.drawMS) {
		n = len(g.drawMS)
	}
	draws := make([]any, n)
	for i := 0; i < n; i++ {
		draws[i] = g.drawMS[i]
	}
	// The paths drawn and their scales: the three in the compare view,
	// the one shown otherwise.
	var pathMM, mmPerPx []any
	if g.m.Comparing() {
		common, own := g.compareWidths()
		for i := range g.m.Stages {
			pathMM = append(pathMM, g.m.Stages[i].PathLength.Millimetres())
			mmPerPx = append(mmPerPx, g.m.Scale(i, common, own))
		}
	} else {
		a, b, t := g.m.Shown()
		i := a
		if t >= 0.5 {
			i = b
		}
		gm := g.geometryOf(i)
		pathMM = append(pathMM, g.m.Stages[i].PathLength.Millimetres())
		if gm.pxPerM > 0 {
			mmPerPx = append(mmPerPx, 1000/gm.pxPerM)
		} else {
			mmPerPx = append(mmPerPx, 0.0)
		}
	}
	return map[string]any{
		"mode": g.m.Mode.String(), "zoom": g.m.Zoom, "pathMm": pathMM, "mmPerPx": mmPerPx,
		"stage": g.m.Target, "stageName": g.m.Stages[g.m.Target].Name, "playing": g.m.Playing, "speed": g.m.Speed,
		"tick": float64(g.m.Tick), "frames": float64(g.frames), "visible": g.m.Visible, "drawMs": draws,
		"laneGbps": g.params.LaneGbps, "lengthM": g.params.LengthM, "copper": string(g.m.Stages[scene.Copper].Tech),
		"lanes": laneList(),
		"eye":   g.m.Stages[g.m.Target].EyeOpening(), "eyeBox": []any{g.eyeBox[0], g.eyeBox[1], g.eyeBox[2], g.eyeBox[3]},
	}
}

// laneList is the model's lane rates, for the page's keys and drag.
func laneList() []any {
	out := make([]any, len(core.LaneRates))
	for i, l := range core.LaneRates {
		out[i] = l
	}
	return out
}

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
				linkProblem = err.Error()
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

// install puts the controls on window.cpoanim. Each call only changes the
// model (ebiten's loop draws), so none blocks; none can panic out.
func install(g *game) {
	api := js.Global().Get("Object").New()
	safe := func(f func(args []js.Value) any) js.Func {
		return js.FuncOf(func(this js.Value, args []js.Value) (out any) {
			defer func() {
				if r := recover(); r != nil {
					out = map[string]any{"error": "bad argument"}
				}
			}()
			res := f(args)
			g.dirty = true
			g.describe()
			return res
		})
	}
	api.Set("toggle", safe(func([]js.Value) any { g.m.Toggle(); return g.state() }))
	api.Set("play", safe(func([]js.Value) any { g.m.Playing = true; return g.state() }))
	api.Set("pause", safe(func([]js.Value) any { g.m.Playing = false; return g.state() }))
	api.Set("next", safe(func([]js.Value) any { g.m.Next(); return g.state() }))
	api.Set("prev", safe(func([]js.Value) any { g.m.Prev(); return g.state() }))
	api.Set("go", safe(func(a []js.Value) any {
		if len(a) > 0 && a[0].Type() == js.TypeNumber {
			g.m.Tour = false
			g.m.Go(a[0].Int())
		}
		return g.state()
	}))
	api.Set("setMode", safe(func(a []js.Value) any {
		if len(a) == 0 || a[0].Type() != js.TypeString {
			return map[string]any{"error": "setMode takes \"stage\" or \"compare\""}
		}
		mode, err := scene.ParseMode(a[0].String())
		if err != nil {
			return map[string]any{"error": err.Error()}
		}
		g.m.SetMode(mode)
		return g.state()
	}))
	// setLink(lengthM, laneGbps): the link drawn, as the canvas's drag and
	// arrow keys change it; each value is kept within the model's range.
	api.Set("setLink", safe(func(a []js.Value) any {
		if len(a) < 2 || a[0].Type() != js.TypeNumber || a[1].Type() != js.TypeNumber {
			return map[string]any{"error": "setLink takes a length in metres and a lane rate in Gb/s"}
		}
		p := g.params
		p.LengthM = math.Max(scene.MinLengthM, math.Min(scene.MaxLengthM, a[0].Float()))
		p.LaneGbps = scene.StepLane(a[1].Float(), 0)
		if err := g.m.SetParams(p); err != nil {
			return map[string]any{"error": err.Error()}
		}
		g.params = p
		return g.state()
	}))
	api.Set("setTour", safe(func(a []js.Value) any { g.m.Tour = len(a) > 0 && a[0].Truthy(); return g.state() }))
	api.Set("setSpeed", safe(func(a []js.Value) any {
		if len(a) > 0 && a[0].Type() == js.TypeNumber {
			g.m.SetSpeed(a[0].Float())
		}
		return g.state()
	}))
	api.Set("setVisible", safe(func(a []js.Value) any { g.m.Visible = len(a) > 0 && a[0].Truthy(); return g.state() }))
	api.Set("setDark", safe(func(a []js.Value) any { g.dark = len(a) > 0 && a[0].Truthy(); return g.state() }))
	api.Set("setScenario", safe(func(a []js.Value) any {
		if len(a) == 0 || a[0].Type() != js.TypeString {
			return map[string]any{"error": "setScenario takes a permalink"}
		}
		// No scenario: the prose's link, as when the page opened without one.
		p := scene.Prose()
		if a[0].String() != "" {
			s, _, err := core.DecodePair(a[0].String()) // a comparison's link draws B
			if err != nil {
				return map[string]any{"error": err.Error()}
			}
			p = scene.FromScenario(s)
		}
		if err := g.m.SetParams(p); err != nil {
			return map[string]any{"error": err.Error()}
		}
		g.params = p
		return g.state()
	}))
	api.Set("setParams", safe(func(a []js.Value) any {
		if len(a) == 0 || a[0].Type() != js.TypeString {
			return map[string]any{"error": "setParams takes the calculator's anim JSON"}
		}
		var p scene.Params
		if err := p.UnmarshalJSON([]byte(a[0].String())); err != nil {
			return map[string]any{"error": "bad parameters: " + err.Error()}
		}
		if err := g.m.SetParams(p); err != nil {
			return map[string]any{"error": err.Error()}
		}
		g.params = p
		return g.state()
	}))
	// setLang(lang, words): the page's language, for the overlay's words,
	// the description and the numbers; the stages are named again.
	api.Set("setLang", safe(func(a []js.Value) any {
		if len(a) < 2 {
			a = append(a, js.Undefined(), js.Undefined())
		}
		if err := jslang.Use(a[0], a[1]); err != nil {
			return map[string]any{"error": err.Error()}
		}
		if err := g.m.SetParams(g.params); err != nil {
			return map[string]any{"error": err.Error()}
		}
		g.label = ""
		return g.state()
	}))
	api.Set("state", js.FuncOf(func(js.Value, []js.Value) any { return g.state() }))
	js.Global().Set("cpoanim", api)
	if f := js.Global().Get("cpoanimReady"); f.Type() == js.TypeFunction {
		f.Invoke(linkProblem)
	}
}

// linkProblem says why the address's permalink could not be read (the
// animation then draws the default link), for the page to show.
var linkProblem string
