package report

import (
	"strings"
	"testing"

	"github.com/cpocalc/cpocalc/core"
)

// The reader's questions are answered with their shares, and a share of
// a handful of draws is not given as if it meant something.
func TestSureWords(t *testing.T) {
	u := &core.UncertaintyResult{Samples: 2000, Probabilities: []core.Probability{
		{Key: "a", Text: "co-packaged optics draw less", Judged: "that can build both", Share: 1, N: 1},
		{Key: "b", Text: "linear optics draw less", Judged: "that can build both", Share: 0.5, N: 400},
		{Key: "c", Text: "passive copper reaches the first tier", Share: 0.003, N: 2000},
	}}
	got := SureWords(u)
	for _, want := range []string{"whether co-packaged optics draw less cannot be told: only 1 of the 2,000 draws that can build both",
		"linear optics draw less in 50 % of the 400 draws that can build both", "passive copper reaches the first tier in 0.3 %"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q lacks %q", got, want)
		}
	}
	if SureWords(&core.UncertaintyResult{Samples: 10}) != "" {
		t.Error("words with no questions")
	}
}
