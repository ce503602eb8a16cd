package report

import (
	"strings"
	"testing"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
)

// The reader's questions are answered with their shares, and a share of
// a handful of draws is not given as if it meant something.
func TestSureWords(t *testing.T) {
	u := &core.UncertaintyResult{Samples: 2000, Probabilities: []core.Probability{
		{Key: "cpo_below_dsp", Text: "(the run's own words)", Judged: "that can build both", Share: 1, N: 1},
		{Key: "lpo_below_dsp", Text: "(the run's own words)", Judged: "that can build both", Share: 0.5, N: 400},
		{Key: "dac_reaches_tier1", Text: "(the run's own words)", Share: 0.003, N: 2000},
	}}
	got := In(label.English).SureWords(u)
	if strings.Contains(got, "run's own") {
		t.Errorf("the run's words, not the Writer's: %q", got)
	}
	// The Writer words the statements itself, in its own language.
	for _, want := range []string{"whether co-packaged optics draw less than pluggable optics with DSPs cannot be told: only 1 of the 2,000 draws that can build both",
		"linear pluggable optics draw less than pluggable optics with DSPs in 50 % of the 400 draws that can build both", "passive copper reaches the first tier's length in 0.3 %"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q lacks %q", got, want)
		}
	}
	if In(label.English).SureWords(&core.UncertaintyResult{Samples: 10}) != "" {
		t.Error("words with no questions")
	}
}
