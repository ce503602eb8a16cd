package report

import (
	"math"
	"testing"

	"github.com/cpocalc/cpocalc/core"
)

func TestDeltaText(t *testing.T) {
	for _, c := range []struct {
		d    core.Delta
		want string
	}{
		{core.Delta{Unit: "W", A: 6.6e6, B: 7.8e6, Diff: 1.2e6, Rel: 1.2 / 6.6}, "+1.2 MW, +18 %"},
		{core.Delta{Unit: "W", A: 7.8e6, B: 6.6e6, Diff: -1.2e6, Rel: -1.2 / 7.8}, "−1.2 MW, −15 %"},
		{core.Delta{Unit: "share", A: 0.10, B: 0.121, Diff: 0.021, Rel: 0.21}, "+2.1 points, +21 %"},
		{core.Delta{Count: true, A: 100, B: 150, Diff: 50, Rel: 0.5}, "+50, +50 %"},
		{core.Delta{Unit: "W", A: 0, B: 5, Diff: 5, Rel: math.NaN()}, "+5 W"},
		{core.Delta{Unit: "W", A: 5, B: 5, Diff: 0, Rel: 0}, "no change"},
		{core.Delta{Unit: "W", A: math.NaN(), B: 5, Diff: math.NaN(), Rel: math.NaN()}, ""},
	} {
		if got := DeltaText(c.d); got != c.want {
			t.Errorf("DeltaText(%+v) = %q, want %q", c.d, got, c.want)
		}
	}
}

// Every number the calculator shows gets its delta, and the key figure's
// is B − A in words.
func TestDeltas(t *testing.T) {
	sa := core.DefaultScenario()
	sb := core.DefaultScenario()
	sb.GPUs = 2 * sa.GPUs
	ra, _ := core.Evaluate(sa)
	rb, _ := core.Evaluate(sb)
	l := Render(&rb, nil)
	paths := Paths(l.KeyFacts, l.Tiers, l.Totals, l.Stages, l.ScaleUp)
	if len(paths) < 50 {
		t.Fatalf("only %d paths on the page", len(paths))
	}
	d := Deltas(&ra, &rb, l)
	for _, p := range paths {
		na, _ := ra.Number(p)
		if _, ok := d[p]; !ok && !na.Flag && !math.IsNaN(na.Value) {
			t.Errorf("%s shown without a delta", p)
		}
	}
	want := DeltaText(core.Compare(&ra, &rb, []string{"totals.interconnect_watts"})[0])
	if d["totals.interconnect_watts"] != want || want == "" || want[0] != '+' {
		t.Errorf("interconnect watts delta %q, want %q", d["totals.interconnect_watts"], want)
	}
	if self := Deltas(&rb, &rb, l); self["totals.interconnect_watts"] != "no change" {
		t.Errorf("B against itself: %q", self["totals.interconnect_watts"])
	}
}
