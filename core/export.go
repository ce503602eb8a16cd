package core

import (
	"github.com/cpocalc/cpocalc/core/wire"
)

// What the site exports, read back. The calculator saves a scenario
// ("Scenario as JSON"), a pinned pair of them ({"a": A, "b": B}), a
// result ("Results as JSON": the numbers with the scenario they are for)
// and a comparison ({"a": {"scenario", "result", …}, "b": {…},
// "deltas"}); ReadExport takes any of them and says which it was, so that
// everything the site writes loads back.

// ExportKind names what an exported file holds.
type ExportKind string

// The kinds of exported files.
const (
	ExportScenario   ExportKind = "scenario"
	ExportPair       ExportKind = "pair"
	ExportResults    ExportKind = "results"
	ExportComparison ExportKind = "comparison"
)

// Export is what a file restores: scenario B (the one the form shows),
// and, for a pair or a comparison, scenario A (the pinned one).
type Export struct {
	Kind ExportKind
	B    Scenario
	A    *Scenario
}

// ReadExport reads a file the site exported. The scenarios are read as
// ParseScenario reads them (fields left out take their defaults) and
// validated; a mistake names its field by its path in the file
// ("a.gpus", "scenario.tiers[0].tech").
func ReadExport(data []byte) (Export, error) {
	v, err := wire.Parse(data)
	if err != nil {
		return Export{}, syntaxError(err)
	}
	if v.Kind != wire.Object {
		return Export{}, typeError("", &v, "json.a_json_object")
	}
	a, hasA := v.Get("a")
	b, hasB := v.Get("b")
	if hasA && hasB && a.Kind == wire.Object && b.Kind == wire.Object {
		kind, pathA, pathB := ExportPair, "a", "b"
		if sa, ok := a.Get("scenario"); ok {
			if sb, ok := b.Get("scenario"); ok {
				kind, a, b, pathA, pathB = ExportComparison, sa, sb, "a.scenario", "b.scenario"
			}
		}
		sa, err := readValid(a, pathA)
		if err != nil {
			return Export{}, err
		}
		sb, err := readValid(b, pathB)
		if err != nil {
			return Export{}, err
		}
		return Export{Kind: kind, B: sb, A: &sa}, nil
	}
	if s, ok := v.Get("scenario"); ok {
		if _, ok := v.Get("totals"); ok {
			sb, err := readValid(s, "scenario")
			return Export{Kind: ExportResults, B: sb}, err
		}
	}
	s, err := readValid(&v, "")
	return Export{Kind: ExportScenario, B: s}, err
}

// readValid reads and validates a scenario found at path in a file.
func readValid(v *wire.Value, path string) (Scenario, error) {
	s, err := readScenario(v)
	if err == nil {
		err = Validate(s)
	}
	if err != nil {
		return s, underPath(err, path)
	}
	return s.Canonical(), nil
}

// underPath puts an input error's field under path.
func underPath(err error, path string) error {
	ie := AsInputError(err)
	if path == "" || ie == nil {
		return err
	}
	c := *ie
	if c.Field == "" {
		c.Field = path
	} else {
		c.Field = path + "." + c.Field
	}
	return &c
}
