package main

import (
	"fmt"
	"html"
	"math"
	"strings"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/scene"
)

// animPosterOf is the animation's first frame for the link the
// parameters name, drawn by the build from the same scene model the
// animation runs: the three stages' electrical paths on one logarithmic
// scale, with their length, loss and power. It shows at once, with the
// controls, and the live canvas takes its place when its WebAssembly is
// ready (or it stays, when that cannot run).
func animPosterOf(params scene.Params) (string, error) {
	stages, err := scene.Build(params)
	if err != nil {
		return "", err
	}
	const (
		w, h         = 800.0, 300.0
		left, right  = 24.0, 24.0
		top, rowH    = 64.0, 74.0
		minM, maxM   = 1e-3, 10.0 // the scale: 1 mm to 10 m, as the animation's
		barH         = 18.0
		labelOffset  = 22.0
		legendOffset = 44.0
	)
	scale := func(l core.Length) float64 {
		m := math.Max(float64(l), minM)
		return (w - left - right) * math.Log10(m/minM) / math.Log10(maxM/minM)
	}
	colour := map[core.SegmentKind]string{core.SegTrace: "#0072B2", core.SegCable: "#D55E00", core.SegTransition: "#999999", core.SegRetimer: "#E69F00"}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg id="anim-poster" class="anim-poster" viewBox="0 0 %g %g" role="img" aria-labelledby="anim-poster-title" preserveAspectRatio="xMidYMid meet">`, w, h)
	fmt.Fprintf(&b, `<title id="anim-poster-title">%s</title>`, html.EscapeString(ed.Cat.Get("page.poster.title")))
	fmt.Fprintf(&b, `<text x="%g" y="30" class="poster-title">%s</text>`, left, html.EscapeString(ed.Cat.Get("page.poster.heading")))
	for i, st := range stages {
		y := top + float64(i)*rowH
		fmt.Fprintf(&b, `<text x="%g" y="%g" class="poster-stage">%s</text>`, left, y, html.EscapeString(st.Name(ed.Cat)))
		// The path, piece by piece, on the log scale of its running length.
		var run core.Length
		for _, p := range st.Profile {
			x0, x1 := left+scale(run), left+scale(run+p.Length)
			run += p.Length
			if x1-x0 < 0.5 {
				continue
			}
			fmt.Fprintf(&b, `<rect x="%.1f" y="%g" width="%.1f" height="%g" fill="%s"/>`, x0, y+labelOffset-barH+4, x1-x0, barH, colour[p.Kind])
		}
		fmt.Fprintf(&b, `<text x="%g" y="%g" class="poster-figures">%s</text>`, left, y+legendOffset,
			html.EscapeString(ed.Cat.Format("page.poster.figures", "path", st.PathLength.In(ed.Cat), "loss", st.Loss.In(ed.Cat), "watts", st.Watts.In(ed.Cat))))
	}
	// The scale's marks.
	for _, m := range []struct {
		l    core.Length
		text string
	}{{core.Millimetre, "1 mm"}, {10 * core.Millimetre, "1 cm"}, {100 * core.Millimetre, "10 cm"}, {core.Metre, "1 m"}, {10 * core.Metre, "10 m"}} {
		x := left + scale(m.l)
		anchor := "start"
		if m.l >= 10*core.Metre {
			anchor, x = "end", x-1
		}
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%g" y2="%g" class="poster-tick"/><text x="%.1f" y="%g" class="poster-scale" text-anchor="%s">%s</text>`, x, x, top-8, h-12, x+3, h-4, anchor, m.text)
	}
	b.WriteString(`</svg>`)
	return b.String(), nil
}
