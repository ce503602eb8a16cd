package core

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// flatten collects every number of a JSON document by its path.
func flatten(v any, prefix string, out map[string]float64) {
	walkJSON(prefix, v, func(p string, x any) {
		if f, ok := x.(float64); ok {
			out[p] = f
		}
	})
}

// The comparison's deltas are B − A, number by number, as the JSON of
// each result has them; every number of the JSON is compared.
func TestCompareDeltas(t *testing.T) {
	a := DefaultScenario()
	b := DefaultScenario()
	b.GPUs = 131072
	b.LaneGbps = 400
	b.Params = map[string]float64{"eml_wpe": 0.1}
	ra := evaluate(t, a)
	rb := evaluate(t, b)
	var ja, jb any
	for _, x := range []struct {
		r   *Result
		dst *any
	}{{&ra, &ja}, {&rb, &jb}} {
		buf, _ := x.r.MarshalJSON()
		if err := json.Unmarshal(buf, x.dst); err != nil {
			t.Fatal(err)
		}
	}
	na, nb := map[string]float64{}, map[string]float64{}
	flatten(ja, "", na)
	flatten(jb, "", nb)

	ds := Compare(&ra, &rb, nil)
	if len(ds) < 100 {
		t.Fatalf("only %d numbers compared", len(ds))
	}
	seen := map[string]bool{}
	for _, d := range ds {
		seen[d.Path] = true
		va, okA := na[d.Path]
		vb, okB := nb[d.Path]
		if okB && d.B != vb || okA && d.A != va {
			t.Errorf("%s: A %v B %v, JSON has %v and %v", d.Path, d.A, d.B, va, vb)
		}
		if !math.IsNaN(d.Diff) && d.Diff != d.B-d.A {
			t.Errorf("%s: delta %v, want B − A = %v", d.Path, d.Diff, d.B-d.A)
		}
		if d.A != 0 && !math.IsNaN(d.Diff) && d.Rel != d.Diff/math.Abs(d.A) {
			t.Errorf("%s: relative %v, want %v", d.Path, d.Rel, d.Diff/math.Abs(d.A))
		}
	}
	// Every number of B's JSON that A also has is among them (the
	// scenario's own inputs aside: they are not results).
	for p := range nb {
		if _, ok := na[p]; ok && !seen[p] && !strings.HasPrefix(p, "scenario.") {
			t.Errorf("%s is a number of both results but was not compared", p)
		}
	}
	d := Compare(&ra, &rb, []string{"totals.interconnect_watts"})
	if len(d) != 1 || d[0].Diff != float64(rb.Totals.InterconnectPower-ra.Totals.InterconnectPower) || d[0].Unit != "W" {
		t.Errorf("interconnect watts delta: %+v", d)
	}
	// A path only one result has, or that is not a number, is left out.
	if d := Compare(&ra, &rb, []string{"tiers[9].watts", "totals.feasible", "nonsense"}); len(d) != 0 {
		t.Errorf("left out nothing: %+v", d)
	}
}
