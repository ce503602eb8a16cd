//go:build js

package main

// Drawing primitives, the header and its axis, a stage's geometry, and
// the parts every stage draws: the package, the path, the scale and the eye.

import (
	"image/color"
	"math"
	"strconv"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/scene"
)

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
	g.write(st.Name(lang), margin, 8, titleSize, true, p.fg, 0)
	lanes := strconv.Itoa(max(1, g.params.Lanes)) + " × " + core.BitRate(g.params.LaneGbps*1e9).In(lang)
	sub := lang.Format("anim.header", "tech", st.Tech.Name(lang), "port", st.Port.In(lang), "lanes", lanes, "length", st.Length.In(lang))
	if g.w < 560 { // a phone: the short form fits its width
		sub = lang.Format("anim.header_short", "tech", st.Tech.Abbrev(), "lanes", lanes, "length", st.Length.In(lang))
	}
	if !g.m.Playing {
		sub += " " + lang.Get("anim.paused")
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
	g.write(lang.Get("anim.log_scale"), x1, 44, fontSize-3, false, p.muted, 2)
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
	g.write(lang.Get("anim.switch_chip"), gm.x0, gm.yc+gm.pkg/2+4, fontSize-3, false, p.muted, 1)
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
			g.write(lang.Get("anim.retimer"), x, gm.yc-gm.ampH-20, fontSize-3, false, p.muted, 1)
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
	g.write(lang.Format("anim.to_scale", "length", l.In(lang)), x+float64(l)*ppm+6, y-7, fontSize-3, false, p.fg, 0)
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
	g.write(lang.Format("anim.eye", "open", core.Ratio(math.Round(open*100)/100).Percent(lang)), ex+ew/2, ey+eh+2, fontSize-3, false, p.muted, 1)
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
		lang.Format("anim.path", "length", st.PathLength.In(lang)),
		lossLabel(st),
		st.PJPerBit.In(lang),
		lang.Format("anim.per_end", "watts", st.Watts.In(lang)),
		lang.Format("anim.latency", "latency", st.Latency.In(lang)),
	}
	g.texts = append(g.texts, overlayText{s: strings.Join(items, "\n"), x: margin, y: g.h - controlsBand - g.labelsHeight() + 4, size: fontSize - 1, c: p.fg, chips: true})
}

func lossLabel(st *scene.Stage) string {
	if st.Worst < st.Loss-0.01 {
		return lang.Format("anim.loss_retimed", "worst", st.Worst.In(lang), "loss", st.Loss.In(lang))
	}
	return lang.Format("anim.loss", "loss", st.Loss.In(lang))
}
