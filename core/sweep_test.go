package core

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/cpocalc/cpocalc/core/label"
)

// A sweep is the model evaluated along the input: where the input is at
// the scenario's own value, each stage's line is the result's number; a
// stage that cannot build the cluster has no value there.
func TestSweepIsTheModel(t *testing.T) {
	s := DefaultScenario()
	r := evaluate(t, s)
	sw, err := Sweep(label.English, s, "years", "totals.tco_usd", 30)
	if err != nil {
		t.Fatal(err)
	}
	if len(sw.X) != 30 || sw.X[0] != minYears || sw.X[29] != maxYears || sw.Current != s.Years || sw.Unit != "USD" {
		t.Fatalf("x %v, current %v, unit %q", sw.X, sw.Current, sw.Unit)
	}
	at := -1
	for i, x := range sw.X {
		if x == s.Years {
			at = i
		}
	}
	if at < 0 || len(sw.Lines) != len(r.ByStage) {
		t.Fatalf("%d lines; the scenario's value at %d", len(sw.Lines), at)
	}
	for j, l := range sw.Lines {
		st := &r.ByStage[j]
		got := l.Values[at]
		if st.Feasible != !math.IsNaN(got) || st.Feasible && got != float64(st.Totals.TCO) {
			t.Errorf("%s: %v at the scenario's years, the result %v (feasible %v)", l.Stage, got, st.Totals.TCO, st.Feasible)
		}
		if l.Name == "" || l.Stage != st.Stage {
			t.Errorf("line %d: %q %q", j, l.Stage, l.Name)
		}
	}
	// The JSON says a gap as null.
	b, _ := json.Marshal(sw)
	if !strings.Contains(string(b), `"values":[null`) || !strings.Contains(string(b), `"x_unit":""`) {
		t.Errorf("JSON: %.300s", b)
	}
}

// The lane rate sweeps through the model's lanes only, and a tier's reach
// at each stage is that of the technology the stage puts on the tier at
// that lane.
func TestSweepLanes(t *testing.T) {
	s := DefaultScenario()
	sw, err := Sweep(label.English, s, "lane_gbps", "tiers[0].max_reach_m", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(sw.X) != len(LaneRates) || sw.Unit != "m" || sw.Lines[0].Stage != "copper" {
		t.Fatalf("x %v, unit %q", sw.X, sw.Unit)
	}
	for i, x := range sw.X {
		p := s
		p.LaneGbps = x
		r, err := Evaluate(p)
		if err != nil {
			continue
		}
		for j, l := range sw.Lines {
			want := stageReach(&r.Tiers[0], r.ByStage[j].Tiers[0]).Metres()
			if got := l.Values[i]; got != want && !(math.IsNaN(got) && want == 0) {
				t.Errorf("%v Gb/s, %s: %v, the tier's %s reaches %v", x, l.Stage, got, r.ByStage[j].Tiers[0], want)
			}
		}
	}
}

// Every input moves and every headline follows; a bad request names its
// field.
func TestSweepInputs(t *testing.T) {
	s := DefaultScenario()
	for _, in := range SweepInputs(&s) {
		if !(in.Low < in.High) || in.get == nil || in.set == nil {
			t.Errorf("%s: range %v to %v", in.Key, in.Low, in.High)
		}
	}
	for _, h := range SweepHeadlines {
		if _, err := Sweep(label.English, s, "params.laser_fit", h, 3); err != nil {
			t.Errorf("%s: %v", h, err)
		}
	}
	_, err := Sweep(label.English, s, "nothing", SweepHeadlines[0], 5)
	refusedAt(t, err, "input", "an unknown input")
	_, err = Sweep(label.English, s, "gpus", "totals.nothing", 5)
	refusedAt(t, err, "headline", "an unknown headline")
	_, err = Sweep(label.English, s, "gpus", SweepHeadlines[0], MaxSweepPoints+1)
	refusedAt(t, err, "points", "too many points")
	s.GPUs = 0
	_, err = Sweep(label.English, s, "pue", SweepHeadlines[0], 5)
	refusedAt(t, err, "gpus", "a scenario that does not validate")
}

// The reader's own value is always on the chart, even outside the range
// a sweep explores; a share reads in per cent.
func TestSweepHoldsTheReadersValue(t *testing.T) {
	s := DefaultScenario()
	s.ScaleUp.DomainGPUs = 2048
	sw, err := Sweep(label.English, s, "scale_up.domain_gpus", "totals.interconnect_share", 9)
	if err != nil {
		t.Fatal(err)
	}
	if sw.X[len(sw.X)-1] < 2048 || sw.Unit != "%" {
		t.Errorf("x ends at %v for a domain of 2048; unit %q", sw.X[len(sw.X)-1], sw.Unit)
	}
	r := evaluate(t, s)
	share, _ := r.Number(FieldPath("by_stage[].totals.interconnect_share", 5))
	if got := sw.Lines[5].Values[len(sw.X)-1]; math.Abs(got-share.Value*100) > 1e-9 {
		t.Errorf("the share at 2048: %v %%, the result %v", got, share.Value)
	}
}
