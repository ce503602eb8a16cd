package report

import (
	"math"
	"strings"
	"testing"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
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
		if got := In(label.English).DeltaText(c.d); got != c.want {
			t.Errorf("In(label.English).DeltaText(%+v) = %q, want %q", c.d, got, c.want)
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
	l := In(label.English).Render(&rb, nil)
	paths := Paths(l.KeyFacts, l.Tiers, l.Totals, l.Stages, l.ScaleUp)
	if len(paths) < 50 {
		t.Fatalf("only %d paths on the page", len(paths))
	}
	d := In(label.English).Deltas(&ra, &rb, l)
	for _, p := range paths {
		na, _ := ra.Number(p)
		if _, ok := d[p]; !ok && !na.Flag && !math.IsNaN(na.Value) {
			t.Errorf("%s shown without a delta", p)
		}
	}
	want := In(label.English).DeltaText(core.Compare(&ra, &rb, []string{"totals.interconnect_watts"})[0])
	if d["totals.interconnect_watts"] != want || want == "" || want[0] != '+' {
		t.Errorf("interconnect watts delta %q, want %q", d["totals.interconnect_watts"], want)
	}
	if self := In(label.English).Deltas(&rb, &rb, l); self["totals.interconnect_watts"] != "no change" {
		t.Errorf("B against itself: %q", self["totals.interconnect_watts"])
	}
}

// The tornado's words and table are core's numbers: one row per
// parameter, the two that move it most named with their sources.
func TestTornadoParts(t *testing.T) {
	s, r, _ := defaultRun(t)
	u, err := core.Uncertainty(s, 50, 1)
	if err != nil {
		t.Fatal(err)
	}
	parts := In(label.English).Tornadoes(&r, &u)
	if len(parts) < 10 || parts[0].Figure.Path != "totals.interconnect_watts" || parts[0].Figure.Unit != "MW" {
		t.Fatalf("%d tornadoes, first %+v", len(parts), parts[0].Figure.Path)
	}
	for _, p := range parts {
		f := p.Figure
		if len(f.IDs) < 1 || f.Path == "totals.interconnect_watts" && len(f.IDs) < 8 || len(f.Low) != len(f.IDs) || len(f.High) != len(f.IDs) || len(f.Names) != len(f.IDs) {
			t.Errorf("%s: %d parameters", f.Path, len(f.IDs))
		}
		if n := strings.Count(p.Table, "<tr>") - 1; n != len(f.IDs) {
			t.Errorf("%s: %d table rows for %d parameters", f.Path, n, len(f.IDs))
		}
		if len(f.IDs) >= 2 && (!strings.Contains(p.Words, In(label.English).paramWords(f.IDs[0])) || !strings.Contains(p.Words, In(label.English).paramWords(f.IDs[1]))) {
			t.Errorf("%s: the words do not name the top two: %s", f.Path, p.Words)
		}
		// The largest swing first, as core ranks them.
		sw := u.Tornado[f.Path]
		if sw[0].ID != f.IDs[0] {
			t.Errorf("%s: first %s, core's %s", f.Path, f.IDs[0], sw[0].ID)
		}
	}
	w := parts[0].Figure
	if want := label.English.Number(w.Default, 3) + " MW"; !strings.Contains(parts[0].Words, want) || math.Abs(w.Default*1e6-u.Bands[w.Path].Default) > 1e-9*u.Bands[w.Path].Default {
		t.Errorf("words %q lack %q", parts[0].Words, want)
	}
}
