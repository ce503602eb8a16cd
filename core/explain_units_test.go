package core

import (
	"regexp"
	"testing"

	"github.com/cpocalc/cpocalc/core/label"
)

// readerUnit finds what a reader should never see in a value: seconds or
// metres with a prefix above kilo ("1.73 ks", "4.32 Mm"), kiloseconds,
// a bare "1" as a unit, or a long run of digits with no grouping and no
// unit scaling ("6641000 W").
var unreadable = regexp.MustCompile(`\d (ks|Ms|Gs|Mm|Gm|Tm|1)\b|\d{5,}(\.\d+)?\s?[A-Za-z$]`)

// Every value an explanation writes, its own, its inputs' and its
// parameters', is in the units a reader reads: hours, km, grouped digits.
func TestExplanationsInReadersUnits(t *testing.T) {
	for name, s := range contractScenarios() {
		paths, _ := resultPaths(t, mustEvaluate(s))
		for _, p := range paths {
			e, err := Explain(label.English, s, p)
			if err != nil {
				continue
			}
			check := func(what, text string) {
				if unreadable.MatchString(text) {
					t.Errorf("%s: %s: %s reads %q", name, p, what, text)
				}
			}
			check("value", e.Text)
			check("example", e.Example)
			for _, in := range e.Inputs {
				check("input "+in.Name, in.Text)
			}
			for _, pu := range e.Params {
				check("param "+pu.ID, pu.Text)
				check("param default "+pu.ID, pu.DefaultText)
			}
		}
	}
}
