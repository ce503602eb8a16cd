//go:build js

package main

// What differs between the three stages, one view each, and the scene
// that moves between them.

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/scene"
)

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
	g.write(lang.Get("anim.plug"), ends[0]+4, gm.yc+9, fontSize-3, false, p.muted, 0)
	g.write(lang.Get("anim.plug"), ends[len(ends)-1]-4, gm.yc+9, fontSize-3, false, p.muted, 2)
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
	g.write(lang.Get("anim.front_panel"), panel, gm.yc-gm.pkg*0.9-16, fontSize-3, false, p.muted, 1)
	g.box(dst, gm.x1-4, gm.yc-19, 54, 38, 1, alpha(p.muted, 0.8))
	g.converter(dst, gm, idx, 46, 30, lang.Get("anim.module"), optical, glow)
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
	g.write(lang.Get("anim.substrate"), sx+sw, gm.yc-sh/2-16, fontSize-3, false, p.muted, 2)
	g.converter(dst, gm, idx, 18, 16, lang.Get("anim.engine"), optical, glow)
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
	g.write(lang.Get("anim.far_chip"), fx, gm.yc+gm.pkg/2+4, fontSize-3, false, p.muted, 1)
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
	g.write(lang.Get("anim.fibre"), gm.fiberEnd, gm.yc-18, fontSize-3, false, p.light, 2)
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
		msg := lang.Format("anim.beyond", "reason", st.Reason)
		if st.Tech.Copper() {
			msg = lang.Format("anim.no_copper", "length", st.Length.In(lang))
		}
		g.write(msg, margin, headerHeight+2, fontSize-1, true, p.bad, 0)
	}
}
