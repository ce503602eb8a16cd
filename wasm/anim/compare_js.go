//go:build js

package main

// The compare view: the three stages' paths side by side, to scale.

import (
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/scene"
)

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
	g.write(lang.Get(title), margin, 8, titleSize, true, p.fg, 0)
	sub := lang.Format(subKey, "lane", core.BitRate(g.params.LaneGbps*1e9).In(lang), "length", core.Length(g.params.LengthM).In(lang))
	if !g.m.Playing {
		sub += " " + lang.Get("anim.paused")
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
			g.write(lang.Get("anim.compare.light"), x1+4, y+4, fontSize-3, false, p.light, 0)
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
		words := lang.Format("anim.compare.row", "stage", st.Name(lang), "path", st.PathLength.In(lang), "loss", st.Loss.In(lang), "energy", st.PJPerBit.In(lang))
		if len(marked) > 0 && g.w >= 560 {
			words += lang.Format("anim.compare.marked", "techs", strings.Join(marked, lang.Get("anim.list_sep")), "same", lang.Get("anim.compare.same"))
		}
		if !st.Feasible {
			words += lang.Format("anim.compare.aside", "words", lang.Get("anim.compare.beyond"))
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
	g.write(lang.Format(words, "length", l.In(lang)), g.w-margin, y-18, fontSize-3, false, p.fg, 2)
}
