package core

import (
	"encoding/json"
	"errors"
	"math"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cpocalc/cpocalc/core/label"
)

// walkJSON calls fn with the path and value of every number and bool in
// a JSON document.
func walkJSON(prefix string, v any, fn func(path string, v any)) {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			walkJSON(p, c, fn)
		}
	case []any:
		for i, c := range x {
			walkJSON(prefix+"["+strconv.Itoa(i)+"]", c, fn)
		}
	case float64, bool:
		fn(prefix, x)
	}
}

// leaves lists the paths of every number and bool in a JSON document.
func leaves(prefix string, v any, out *[]string) {
	walkJSON(prefix, v, func(p string, _ any) { *out = append(*out, p) })
}

// resultPaths is every number's and flag's path in a result's JSON, and
// the JSON itself, sorted.
func resultPaths(t *testing.T, r Result) ([]string, map[string]any) {
	t.Helper()
	b, _ := json.Marshal(r)
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	var paths []string
	leaves("", doc, &paths)
	sort.Strings(paths)
	return paths, doc
}

// Every number of a result can be explained: a formula, its value as in
// the result, and for physical numbers the parameters behind it.
func TestEveryResultNumberExplains(t *testing.T) {
	units := map[string]string{}
	for _, f := range ResultFields(label.English) {
		units[f.Key] = f.Unit
	}
	for name, s := range contractScenarios() {
		r := mustEvaluate(s)
		paths, doc := resultPaths(t, r)
		if len(paths) < 200 {
			t.Fatalf("%s: only %d leaves", name, len(paths))
		}
		for _, p := range paths {
			e, err := Explain(label.English, s, p)
			if err != nil {
				t.Errorf("%s: %s: %v", name, p, err)
				continue
			}
			if e.Formula == "" || e.Label == "" {
				t.Errorf("%s: %s: no formula or label", name, p)
			}
			if want := jsonAt(doc, p); !sameValue(e.Value, want) {
				t.Errorf("%s: %s: explained %v, the result has %v", name, p, e.Value, want)
			}
			if u, ok := units[e.Key]; ok && u != e.Unit {
				t.Errorf("%s: %s: unit %q, the field's is %q", name, p, e.Unit, u)
			}
			if e.Text == "" {
				t.Errorf("%s: %s: no text", name, p)
			}
			physical := false
			for _, suffix := range []string{"max_reach_m", "electrical_loss_db", "pj_per_bit", "watts_per_end", "link_watts", "].watts", "scale_up.watts", "interconnect_watts", "latency_ns"} {
				physical = physical || strings.HasSuffix(p, suffix)
			}
			// With no scale-up domain its numbers are zeros that depend on nothing.
			noScaleUp := (strings.HasPrefix(p, "scale_up.") || strings.HasSuffix(p, "scale_up_latency_ns")) && !r.ScaleUp.Present
			if physical && len(e.Params) == 0 && !strings.HasPrefix(p, "scenario.") && !noScaleUp {
				t.Errorf("%s: %s: a physical number with no parameters behind it", name, p)
			}
		}
	}
}

// The parameters named are the ones the computation read: the DSP
// module's power depends on the DSP energy, and not on the fibre.
func TestExplainNamesTheRightParameters(t *testing.T) {
	e, err := ExplainLink(label.English, Link{Tech: DSP, LaneGbps: 200, Lanes: 8, LengthM: 100}, "watts_per_end")
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, p := range e.Params {
		ids[p.ID] = true
		if p.Source == "" {
			t.Errorf("%s without source", p.ID)
		}
	}
	for _, want := range []string{"dsp_pj", "eml_wpe", "eml_cooler_w", "cmos_scale", "launch_step_db"} {
		if !ids[want] {
			t.Errorf("watts_per_end: %s missing from %v", want, ids)
		}
	}
	if ids["smf_db_per_km"] {
		t.Error("watts_per_end names the fibre attenuation")
	}
	e, _ = ExplainLink(label.English, Link{Tech: DSP, LaneGbps: 200, Lanes: 8, LengthM: 100}, "max_reach_m")
	ids = map[string]bool{}
	for _, p := range e.Params {
		ids[p.ID] = true
	}
	for _, want := range []string{"dr_tx_dbm", "dr_rx_dbm", "dr_connection_db", "smf_db_per_km"} {
		if !ids[want] {
			t.Errorf("max_reach_m: %s missing", want)
		}
	}
	if ids["dsp_pj"] {
		t.Error("max_reach_m names the DSP energy")
	}
	// An override shows as such.
	s := DefaultScenario()
	s.Params = map[string]float64{"switch_ns": 500}
	e, err = Explain(label.English, s, "totals.latency_ns")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range e.Params {
		if p.ID == "switch_ns" {
			found = p.Overridden && p.Value == 500 && p.Default == 300
		}
	}
	if !found {
		t.Errorf("switch_ns override not shown: %+v", e.Params)
	}
}

func TestExplainBadPaths(t *testing.T) {
	for _, p := range []string{"", "totals", "totals.nothing", "tiers[9].watts", "tiers[0", "tiers[-1].watts", "scale_up.link.breakdown", "by_stage[7].totals.switches", "tiers[0].link.tech"} {
		_, err := Explain(label.English, DefaultScenario(), p)
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Errorf("%q: got %v, want an *InputError", p, err)
		}
	}
}

// Mangled paths give errors, never panics.
func TestExplainHostilePaths(t *testing.T) {
	base := []string{"totals.interconnect_watts", "tiers[1].link.breakdown.path[2].loss_db", "by_stage[0].blocked[0].max_reach_m", "scale_up.as_tech[5].watts"}
	mangle := []func(string) string{
		func(s string) string { return s[:len(s)/2] },
		func(s string) string { return strings.ReplaceAll(s, "[", "[[") },
		func(s string) string { return strings.ReplaceAll(s, "]", "") },
		func(s string) string { return strings.ReplaceAll(s, ".", "..") },
		func(s string) string { return strings.ReplaceAll(s, "1", "999999999999999999999") },
		func(s string) string { return s + "[0]" },
		func(s string) string { return s + ".x" },
		func(s string) string { return "." + s },
		func(s string) string { return strings.Repeat(s, 20) },
	}
	for _, b := range base {
		for _, m := range mangle {
			p := m(b)
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%q panics: %v", p, r)
					}
				}()
				Explain(label.English, DefaultScenario(), p)
			}()
		}
	}
}

// jsonAt reads the value at a path of a decoded JSON document.
func jsonAt(doc map[string]any, path string) any {
	keys, err := parsePath(path)
	if err != nil {
		return err
	}
	var cur any = doc
	for _, k := range keys {
		if k.index >= 0 {
			cur = cur.([]any)[k.index]
			continue
		}
		cur = cur.(map[string]any)[k.key]
	}
	return cur
}

func sameValue(a, b any) bool {
	if x, ok := a.(float64); ok {
		y, ok := b.(float64)
		return ok && x == y
	}
	return a == b
}

// Every number of every field the result can hold has a label and, for
// numbers, a unit or is a count.
func TestFieldsDescribed(t *testing.T) {
	for _, f := range ResultFields(label.English) {
		if f.Label == "" || !label.English.Has("field."+f.Key) {
			t.Errorf("%s: no label", f.Pattern)
		}
	}
	for _, key := range []string{"totals.interconnect_watts", "link.max_reach_m", "tier.watts", "energy.laser"} {
		if _, ok := LookupField(key); !ok {
			t.Errorf("no field %s", key)
		}
	}
	if got := FieldPath("tiers[].link.breakdown.path[].loss_db", 2, 3); got != "tiers[2].link.breakdown.path[3].loss_db" {
		t.Errorf("FieldPath: %s", got)
	}
}

// An explanation costs about one evaluation: the scenario is evaluated
// once and only the code behind the number is re-run.
func BenchmarkExplainPerNumber(b *testing.B) {
	s := DefaultScenario()
	paths := numberPaths(s)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := Explain(label.English, s, paths[i%len(paths)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// The cost of an explanation in evaluations of the same scenario, over
// every number of the default result, measured side by side so that the
// machine's noise cancels: make bench prints it as evaluates/explain.
func BenchmarkExplainRatio(b *testing.B) {
	s := DefaultScenario()
	paths := numberPaths(s)
	var tEval, tExplain time.Duration
	i := 0
	for b.Loop() {
		t0 := time.Now()
		Evaluate(s)
		t1 := time.Now()
		Explain(label.English, s, paths[i%len(paths)])
		t2 := time.Now()
		tEval += t1.Sub(t0)
		tExplain += t2.Sub(t1)
		i++
	}
	b.ReportMetric(float64(tExplain)/float64(tEval), "evaluates/explain")
	b.ReportMetric(float64(len(paths)), "numbers")
}

// numberPaths lists the paths of every number of a scenario's result.
func numberPaths(s Scenario) []string {
	js, _ := json.Marshal(mustEvaluate(s))
	var doc map[string]any
	json.Unmarshal(js, &doc)
	var paths []string
	leaves("", doc, &paths)
	sort.Strings(paths)
	return paths
}

// An explanation's inputs are the numbers its arithmetic used: an input
// that is another number of the result has that number's value, and an
// input named by a catalogue parameter is the value the run read. (A
// formula's text, its listed inputs and its arithmetic are written apart;
// this is where they must agree.)
func TestExplanationInputsAreTheirNumbers(t *testing.T) {
	ids := map[string]bool{}
	for _, p := range Catalogue() {
		ids[p.ID] = true
	}
	deps, params := 0, 0
	for name, s := range contractScenarios() {
		r := mustEvaluate(s)
		paths, _ := resultPaths(t, r)
		explained := map[string]Explanation{}
		explain := func(path string) (Explanation, error) {
			if e, ok := explained[path]; ok {
				return e, nil
			}
			e, err := Explain(label.English, s, path)
			if err == nil {
				explained[path] = e
			}
			return e, err
		}
		for _, p := range paths {
			e, err := explain(p)
			if err != nil {
				continue
			}
			read := map[string]float64{}
			for _, u := range e.Params {
				read[u.ID] = u.Value
			}
			for _, in := range e.Inputs {
				if in.Path != "" {
					deps++
					d, err := explain(in.Path)
					if err != nil {
						t.Errorf("%s: %s: input %s names %s, which has no explanation: %v", name, p, in.Name, in.Path, err)
						continue
					}
					v, ok := d.Value.(float64)
					if b, isBool := d.Value.(bool); isBool {
						v, ok = b2f(b), true
					}
					if !ok || math.Abs(v-in.Value) > 1e-9*math.Max(1, math.Abs(v)) {
						t.Errorf("%s: %s: input %s = %v, but %s is %v", name, p, in.Name, in.Value, in.Path, d.Value)
					}
					continue
				}
				id := in.Name
				if i := strings.LastIndex(id, "= "); i >= 0 {
					id = id[i+2:] // "η = eml_wpe"
				}
				if !ids[id] {
					continue
				}
				params++
				if v, ok := read[id]; !ok {
					t.Errorf("%s: %s: input %s names a parameter the run did not read", name, p, in.Name)
				} else if v != in.Value {
					t.Errorf("%s: %s: input %s = %v, the run read %v", name, p, in.Name, in.Value, v)
				}
			}
		}
	}
	if deps < 1000 || params < 500 {
		t.Errorf("checked %d inputs that are numbers and %d that are parameters", deps, params)
	}
}
