package core

import (
	"github.com/cpocalc/cpocalc/core/format"
	"github.com/cpocalc/cpocalc/core/label"
)

// A Knob is an input of the scenario that the explainer's sentences let a
// reader move in place: a sweep input (its key, unit and allowed range)
// and the values a step goes through.
type Knob struct {
	Key   string    // the sweep's key: "gpus", "tiers.2.length_m"
	Fact  string    // the prose fact that says its value ("gpus", "hall_m")
	Steps []float64 // the values, in order; each within the input's range
}

// ProseKnobs are the explainer's knobs. Their steps keep every stage the
// prose compares buildable, so that each sentence keeps its sense: the
// lane rates up to today's (400 Gb/s lanes are the prose's "next lane
// rate", where a pluggable's DSP no longer works), clusters from a few
// hundred GPUs to the largest announced, the hall's tier over the lengths
// a hall has up to what a pluggable module of the hall spans (500 m), electricity from cheap hydro to expensive retail.
var ProseKnobs = []Knob{
	{Key: "lane_gbps", Fact: "lane", Steps: []float64{25, 50, 100, 200}},
	{Key: "gpus", Fact: "gpus", Steps: []float64{512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144}},
	{Key: "tiers.2.length_m", Fact: "hall_m", Steps: []float64{50, 100, 150, 200, 300, 400, 500}},
	{Key: "usd_per_kwh", Fact: "usd_per_kwh", Steps: []float64{0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3}},
}

// KnobInput is the sweep input of a knob of s.
func KnobInput(s *Scenario, key string) (SweepInput, bool) {
	for _, in := range SweepInputs(s) {
		if in.Key == key {
			return in, true
		}
	}
	return SweepInput{}, false
}

// Value is the input's value in s.
func (in *SweepInput) Value(s *Scenario) float64 { return in.get(s) }

// MoveKnob returns s with the knob key at v: an input the explainer does
// not offer, or a value outside the input's range, is refused with the
// field, the value and the range; the result is validated as any scenario.
func MoveKnob(s Scenario, key string, v float64) (Scenario, error) {
	known := false
	for _, k := range ProseKnobs {
		known = known || k.Key == key
	}
	in, ok := KnobInput(&s, key)
	if !known || !ok {
		return s, refuse("knob", key, label.Msg("err.knob_allowed"), "err.knob_unknown")
	}
	if !(v >= in.Low && v <= in.High) || (in.Whole && v != float64(int64(v))) {
		return s, refuse(key, format.English.Input(v), label.Msg("err.range", "low", format.English.Input(in.Low), "high", format.English.Input(in.High)), "err.out_of_range")
	}
	s = s.Canonical() // its own tiers
	in.set(&s, v)
	return s, Validate(s)
}
