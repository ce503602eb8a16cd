package core

import (
	"errors"
	"testing"
)

// Everything the site exports reads back as what it holds, and a mistake
// in it names its field by its path in the file.
func TestReadExport(t *testing.T) {
	b := DefaultScenario()
	b.GPUs = 4096
	a := DefaultScenario()
	a.GPUs = 8192
	sj, _ := b.MarshalJSON()
	aj, _ := a.MarshalJSON()
	rb := evaluate(t, b)
	resultJSON, err := rb.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, file string
		kind       ExportKind
		wantA      int
	}{
		{"scenario", string(sj), ExportScenario, 0},
		{"partial scenario", `{"gpus": 4096}`, ExportScenario, 0},
		{"pair", `{"a": ` + string(aj) + `, "b": ` + string(sj) + `}`, ExportPair, 8192},
		{"results", string(resultJSON), ExportResults, 0},
		{"comparison", `{"a": {"permalink": "v=1&gpus=8192", "scenario": ` + string(aj) + `, "result": {}}, "b": {"permalink": "v=1&gpus=4096", "scenario": ` + string(sj) + `, "result": {}}, "deltas": []}`, ExportComparison, 8192},
	} {
		e, err := ReadExport([]byte(c.file))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if e.Kind != c.kind || e.B.GPUs != 4096 || (e.A == nil) != (c.wantA == 0) || (e.A != nil && e.A.GPUs != c.wantA) {
			t.Errorf("%s: read as %s, B %d GPUs, A %v", c.name, e.Kind, e.B.GPUs, e.A)
		}
	}
	for file, field := range map[string]string{
		`{"a": {"gpus": -1}, "b": {}}`:                           "a.gpus",
		`{"a": {}, "b": {"gpus": "x"}}`:                          "b.gpus",
		`{"a": {"scenario": {}}, "b": {"scenario": {"pue": 9}}}`: "b.scenario.pue",
		`{"scenario": {"lane_gbps": 123}, "totals": {}}`:         "scenario.lane_gbps",
		`{"a": 1, "b": 2}`:                                       "a",
		`{"gpus": 0}`:                                            "gpus",
	} {
		_, err := ReadExport([]byte(file))
		var ie *InputError
		if !errors.As(err, &ie) || ie.Field != field {
			t.Errorf("%s: %v, want an error at %s", file, err, field)
		}
	}
	for _, bad := range []string{"", "null", "[]", "3", `{"gpus":`} {
		if _, err := ReadExport([]byte(bad)); err == nil {
			t.Errorf("%q read as an export", bad)
		}
	}
}
