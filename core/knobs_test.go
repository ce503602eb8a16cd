package core

import "testing"

// Every knob of the explainer is an input of the default scenario whose
// value is one of its steps; its steps lie within the input's range and
// rise; a step moves that input alone, and every stage the prose
// compares (pluggable and co-packaged optics) can still be built, while
// copper between racks still cannot.
func TestProseKnobs(t *testing.T) {
	d := DefaultScenario()
	for _, k := range ProseKnobs {
		in, ok := KnobInput(&d, k.Key)
		if !ok {
			t.Fatalf("%s: no such input", k.Key)
		}
		found := false
		for i, v := range k.Steps {
			if v < in.Low || v > in.High || (i > 0 && v <= k.Steps[i-1]) {
				t.Errorf("%s: step %g outside %g–%g or out of order", k.Key, v, in.Low, in.High)
			}
			found = found || v == in.Value(&d)
			s, err := MoveKnob(d, k.Key, v)
			if err != nil {
				t.Errorf("%s = %g: %v", k.Key, v, err)
				continue
			}
			if got := in.Value(&s); got != v {
				t.Errorf("%s = %g moved it to %g", k.Key, v, got)
			}
			r, err := Evaluate(s)
			if err != nil {
				t.Errorf("%s = %g: %v", k.Key, v, err)
				continue
			}
			for _, st := range r.ByStage {
				if want := st.Stage != "copper"; (st.Stage == "dsp" || st.Stage == "cpo" || st.Stage == "copper") && st.Feasible != want {
					t.Errorf("%s = %g: stage %s buildable %v", k.Key, v, st.Stage, st.Feasible)
				}
			}
		}
		if !found {
			t.Errorf("%s: the default %g is not a step", k.Key, in.Value(&d))
		}
		if d.Tiers[2].LengthM != HallM || d.GPUs != DefaultScenario().GPUs {
			t.Fatal("a knob moved the scenario it was given")
		}
	}
	for _, bad := range []struct {
		key string
		v   float64
	}{{"gpus", 0}, {"gpus", 2.5}, {"pue", 1.2}, {"tiers.2.length_m", 1e9}} {
		if _, err := MoveKnob(d, bad.key, bad.v); err == nil {
			t.Errorf("%s = %g: no refusal", bad.key, bad.v)
		}
	}
}
