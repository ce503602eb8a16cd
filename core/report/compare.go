package report

import (
	"math"
	"strings"

	"github.com/cpocalc/cpocalc/core"
)

// DeltaText says how a number of B differs from A, in its own unit and
// relative to A: "+1.2 MW, +18 %". A share moves by points ("+2.1
// points, +18 %"); a number A has as zero gives the difference alone.
func (x Writer) DeltaText(d core.Delta) string {
	if math.IsNaN(d.Diff) || math.IsInf(d.Diff, 0) {
		return ""
	}
	if d.Diff == 0 {
		return x.Get("report.delta.same")
	}
	sign := "+"
	if d.Diff < 0 {
		sign = "−"
	}
	a := math.Abs(d.Diff)
	var diff string
	switch {
	case d.Unit == "share":
		diff = x.Format("report.delta.points", "n", x.Number(a*100, 3))
	case d.Count:
		diff = x.Count(int(math.Round(a)))
	default:
		diff = x.Quantity(a, d.Unit)
	}
	if math.IsNaN(d.Rel) || math.IsInf(d.Rel, 0) {
		return sign + diff
	}
	rsign := "+"
	if d.Rel < 0 {
		rsign = "−"
	}
	return x.Format("report.delta", "diff", sign+diff, "rel", rsign+x.PercentTo(math.Abs(d.Rel), 2))
}

// Paths lists the result paths of the numbers in the HTML the report
// wrote (its data-path attributes), each once, in their order.
func Paths(html ...string) []string {
	var out []string
	seen := map[string]bool{}
	const attr = `data-path="`
	for _, h := range html {
		for {
			i := strings.Index(h, attr)
			if i < 0 {
				break
			}
			h = h[i+len(attr):]
			j := strings.IndexByte(h, '"')
			if j < 0 {
				break
			}
			if p := h[:j]; !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
			h = h[j:]
		}
	}
	return out
}

// Deltas says, for every number the live parts of B show, how it differs
// from A, keyed by its path.
func (x Writer) Deltas(a, b *core.Result, l Live) map[string]string {
	out := map[string]string{}
	for _, d := range core.Compare(a, b, Paths(l.KeyFacts, l.Tiers, l.Totals, l.Stages, l.ScaleUp)) {
		if t := x.DeltaText(d); t != "" {
			out[d.Path] = t
		}
	}
	return out
}
