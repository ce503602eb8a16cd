package main

import (
	"encoding/json"
	"flag"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/report"
)

func decodeAny(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("not JSON: %v: %.200s", err, s)
	}
	return m
}

// The calls answer with the same numbers as core, natively computed.
func TestEvaluateMatchesCore(t *testing.T) {
	out := decodeAny(t, evaluate(`{"gpus": 8192, "lane_gbps": 100}`))
	if _, bad := out["error"]; bad {
		t.Fatalf("error: %v", out["error"])
	}
	s := core.DefaultScenario()
	s.GPUs, s.LaneGbps = 8192, 100
	r, err := core.Evaluate(s)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(r)
	got, _ := json.Marshal(out)
	var a, b any
	json.Unmarshal(want, &a)
	json.Unmarshal(got, &b)
	wa, _ := json.Marshal(a)
	wb, _ := json.Marshal(b)
	if string(wa) != string(wb) {
		t.Error("evaluate differs from core.Evaluate")
	}
}

func TestErrorsNameTheField(t *testing.T) {
	for in, field := range map[string]string{
		`{"gpus": -1}`: "gpus",
		`{"tiers": [{"tech": "x", "length_m": 3}]}`: "tiers[0].tech",
		`{"gpus": "lots"}`:                          "gpus",
		`not json`:                                  "scenario",
		`{"params": {"nope": 1}}`:                   "params.nope",
	} {
		out := decodeAny(t, evaluate(in))
		e, ok := out["error"].(map[string]any)
		if !ok {
			t.Errorf("%s: no error", in)
			continue
		}
		if e["field"] != field || e["message"] == "" || e["allowed"] == "" {
			t.Errorf("%s: %v, want field %s with a message and the allowed range", in, e, field)
		}
	}
}

func TestPermalinkCalls(t *testing.T) {
	enc := decodeAny(t, encode(`{"gpus": 1000}`))
	link, _ := enc["permalink"].(string)
	if link != "v=1&gpus=1000" {
		t.Fatalf("encode: %v", enc)
	}
	dec := decodeAny(t, decode(link))
	sc, _ := dec["scenario"].(map[string]any)
	if sc == nil || sc["gpus"] != float64(1000) {
		t.Errorf("decode: %v", dec)
	}
	// A link of the first release still decodes.
	if old, _ := decodeAny(t, decode("1.eyJncHVzIjoxMDAwfQ"))["scenario"].(map[string]any); old == nil || old["gpus"] != float64(1000) {
		t.Errorf("an old link does not decode")
	}
	bad := decodeAny(t, decode("2.xyz"))
	if _, ok := bad["error"]; !ok {
		t.Errorf("an old version decoded: %v", bad)
	}
	// A link shared with an older model version says which; today's says
	// nothing; both give their scenario.
	for v, want := range map[string]any{"3.0": "3.0", core.ModelVersion: nil} {
		d := decodeAny(t, decode(link+"&mv="+v))
		if d["made_with"] != want || d["model_version"] != core.ModelVersion || d["scenario"].(map[string]any)["gpus"] != float64(1000) {
			t.Errorf("a link made with %s: %v", v, d)
		}
	}
	if up := decodeAny(t, update(`{"gpus": 1000}`, "")); up["link"] != core.VersionedLink(link) || up["permalink"] != link {
		t.Errorf("update's link %v, permalink %v", up["link"], up["permalink"])
	}
	// A link that cannot be read says why without the link, for the page
	// that shows the link beside it; the message says what is wrong too.
	for _, link := range []string{"v=1&gpus=5&gpus=6", "v=1&gpus=-3", "v=1&nonsense=1"} {
		e, _ := decodeAny(t, decode(link))["error"].(map[string]any)
		why, _ := e["why"].(string)
		msg, _ := e["message"].(string)
		if why == "" || strings.Contains(why, link) || msg == "" {
			t.Errorf("%s: why %q, message %q", link, why, msg)
		}
	}
}

func TestExplainAndFigures(t *testing.T) {
	evaluate(`{"gpus": 4096}`)
	e := decodeAny(t, explain("totals.switches", ""))
	if e["formula"] == "" || e["value"] == nil {
		t.Errorf("explain: %v", e)
	}
	f := decodeAny(t, chartData(`{}`))
	if _, ok := f["cluster_power"]; !ok {
		t.Errorf("figures: %v", f)
	}
	c := catalogue()
	if !strings.Contains(c, `"smf_db_per_km"`) {
		t.Error("catalogue lacks a parameter")
	}
	if d := decodeAny(t, defaults()); d["gpus"] != float64(65536) {
		t.Errorf("defaults: %v", d)
	}
}

// update gives the page the same tables the build pre-rendered.
func TestUpdate(t *testing.T) {
	resetFigures()
	out := decodeAny(t, update(`{}`, ""))
	h, _ := out["html"].(map[string]any)
	r, _ := core.Evaluate(core.DefaultScenario())
	if h == nil || h["tiers"] != report.In(label.English).Tiers(&r) || h["totals"] != report.In(label.English).Totals(&r) || out["figures"] == nil {
		t.Errorf("update's tables differ from report's")
	}
	if out["permalink"] != "v=1" {
		t.Errorf("permalink %v", out["permalink"])
	}
	// Figures come only when they change: not for another GPU count with
	// the same tiers, yes for one with other tiers (the copper chart marks
	// each tier's length), yes for another lane rate.
	if f := decodeAny(t, update(`{"gpus": 16384}`, ""))["figures"]; f != nil {
		t.Error("figures sent again for a GPU count with the same tiers")
	}
	marks := func(out map[string]any) []any {
		f, _ := out["figures"].(map[string]any)
		cw, _ := f["copper_wall"].(map[string]any)
		m, _ := cw["marks"].([]any)
		return m
	}
	for _, gpus := range []int{1000, 65536, 131072} {
		s := core.DefaultScenario()
		s.GPUs = gpus
		r, err := core.Evaluate(s)
		if err != nil {
			t.Fatal(err)
		}
		out := decodeAny(t, update(`{"gpus": `+strconv.Itoa(gpus)+`}`, ""))
		if m := marks(out); len(m) != len(r.Tiers) {
			t.Errorf("%d GPUs: %d tiers, the copper chart got %d marks (%v)", gpus, len(r.Tiers), len(m), out["figures"] != nil)
		}
	}
	if f := decodeAny(t, update(`{"gpus": 131072, "lane_gbps": 100}`, ""))["figures"]; f == nil {
		t.Error("no figures for a new lane rate")
	}
}

// A panic inside becomes an error object.
func TestGuard(t *testing.T) {
	out := decodeAny(t, guard(func() (string, error) { panic("boom") }))
	if e, ok := out["error"].(map[string]any); !ok || !strings.Contains(e["message"].(string), "boom") {
		t.Errorf("guard: %v", out)
	}
}

// Hostile input of every kind gets an answer, never a panic.
func TestHostileInput(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	fields := []string{"gpus", "gpu_watts", "lane_gbps", "pue", "usd_per_kwh", "fiber_cny_per_core_km"}
	values := []string{"-1", "0", "1e308", "-1e308", "1e-320", "null", `"x"`, "[]", "{}", "true", "65536.5", "9007199254740993"}
	for i := 0; i < 300; i++ {
		f := fields[rng.Intn(len(fields))]
		v := values[rng.Intn(len(values))]
		in := `{"` + f + `": ` + v + `, "tiers": [{"tech": "auto", "length_m": ` + strconv.Itoa(rng.Intn(3000)-100) + `}]}`
		for _, out := range []string{evaluate(in), chartData(in), encode(in), explain("totals.fit", in), evaluateLink(in), decode(in), update(in, "")} {
			decodeAny(t, out)
		}
	}
}

// The uncertainty of a small run is this file's, byte for byte, natively
// and in WebAssembly (bindings_js_test.go reads the same file): the same
// seed gives the same answer on both.
const uncertaintyGolden = "testdata/uncertainty-200-seed-3.json"

var updateGolden = flag.Bool("update", false, "rewrite the golden file")

func TestUncertaintyCall(t *testing.T) {
	out := uncertainty(`{"gpus": 8192}`, "200", "3")
	s := core.DefaultScenario()
	s.GPUs = 8192
	u, err := core.Uncertainty(s, 200, 3)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := u.MarshalJSON()
	if out != string(want) {
		t.Fatalf("the call differs from core")
	}
	if *updateGolden {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(uncertaintyGolden, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	golden, err := os.ReadFile(uncertaintyGolden)
	if err != nil || string(golden) != out {
		t.Errorf("the answer differs from %s (go test -run Uncertainty -update rewrites it): %v", uncertaintyGolden, err)
	}
	for in, field := range map[[2]string]string{{"0", "1"}: "samples", {"x", "1"}: "samples", {"10", "-1"}: "seed", {"10", "1e+21"}: "seed"} {
		e := decodeAny(t, uncertainty("{}", in[0], in[1]))["error"].(map[string]any)
		if e["field"] != field {
			t.Errorf("uncertainty(%q, %q): %v, want an error on %s", in[0], in[1], e, field)
		}
	}
}

// A comparison: update with a pinned A gives every shown number's delta,
// compare gives both results and B − A for each of their numbers, and a
// mistake in A is named as A's.
func TestCompareCalls(t *testing.T) {
	a, b := `{"gpus": 65536}`, `{"gpus": 131072, "lane_gbps": 400}`
	out := decodeAny(t, update(b, a))
	deltas, _ := out["deltas"].(map[string]any)
	if len(deltas) < 50 || deltas["totals.interconnect_watts"] == nil {
		t.Fatalf("update with A: %d deltas: %v", len(deltas), deltas["totals.interconnect_watts"])
	}
	if w, _ := deltas["totals.interconnect_watts"].(string); !strings.HasPrefix(w, "+") || !strings.Contains(w, "MW, +") {
		t.Errorf("interconnect watts delta %q", w)
	}
	if d := decodeAny(t, update(b, ""))["deltas"]; d != nil {
		t.Errorf("deltas without A: %v", d)
	}
	c := decodeAny(t, compare(a, b))
	list, _ := c["deltas"].([]any)
	if len(list) < 100 {
		t.Fatalf("compare: %d deltas", len(list))
	}
	for _, x := range list {
		d := x.(map[string]any)
		da, okA := d["a"].(float64)
		db, okB := d["b"].(float64)
		if diff, ok := d["diff"].(float64); okA && okB && (!ok || diff != db-da) {
			t.Errorf("%v: diff %v, want %v", d["path"], d["diff"], db-da)
		}
	}
	for _, side := range []string{"a", "b"} {
		s, _ := c[side].(map[string]any)
		if p, _ := s["permalink"].(string); !strings.HasPrefix(p, "v=1") || s["result"] == nil {
			t.Errorf("compare %s: %v", side, s["permalink"])
		}
	}
	p := decodeAny(t, pin(a))
	if p["figures"] == nil || p["permalink"] != "v=1&gpus=65536" && p["permalink"] != "v=1" {
		t.Errorf("pin: %v", p["permalink"])
	}
	e := decodeAny(t, update(b, `{"gpus": -1}`))
	if err, _ := e["error"].(map[string]any); err == nil || err["field"] != "gpus" || err["side"] != "a" {
		t.Errorf("bad A: %v", e)
	}
}

// load reads back each file the calculator saves, and says what it was.
func TestLoadCall(t *testing.T) {
	b := `{"gpus": 4096}`
	res := evaluate(b)
	cmp := compare(`{"gpus": 8192}`, b)
	for _, c := range []struct{ file, kind, pinned string }{
		{b, "scenario", ""},
		{`{"a": {"gpus": 8192}, "b": {"gpus": 4096}}`, "pair", "8192"},
		{res, "results", ""},
		{cmp, "comparison", "8192"},
	} {
		var out struct {
			Kind     string
			Scenario struct{ GPUs int }
			Pinned   *struct{ GPUs int }
			Error    any
		}
		raw := load(c.file)
		if err := json.Unmarshal([]byte(raw), &out); err != nil || out.Error != nil {
			t.Fatalf("%s: %v %s", c.kind, err, raw)
		}
		if out.Kind != c.kind || out.Scenario.GPUs != 4096 || (out.Pinned != nil) != (c.pinned != "") {
			t.Errorf("%s: %s", c.kind, raw)
		}
	}
	if out := load(`{"a": {"gpus": -1}, "b": {}}`); !strings.Contains(out, `"field":"a.gpus"`) {
		t.Errorf("a bad A: %s", out)
	}
}

// The CSV comes from core: a result's, or with a pinned A the
// comparison's; a bad scenario is an error answer.
func TestCSVExport(t *testing.T) {
	one := decodeAny(t, csvExport(`{"gpus": 4096}`, "", "http://h/calculator/"))
	if c, _ := one["csv"].(string); !strings.Contains(c, "# scenario,http://h/calculator/#v=1&gpus=4096\n") || one["comparison"] != false {
		t.Errorf("results CSV: %.200v", one)
	}
	two := decodeAny(t, csvExport(`{"gpus": 4096}`, `{"gpus": 8192}`, "http://h/calculator/"))
	if c, _ := two["csv"].(string); !strings.Contains(c, "\nA,http://h/calculator/#v=1&gpus=8192\n") || two["comparison"] != true {
		t.Errorf("comparison CSV: %.200v", two)
	}
	if bad := decodeAny(t, csvExport(`{"gpus": -1}`, "", "")); bad["error"] == nil {
		t.Errorf("a bad scenario: %v", bad)
	}
}

// The sweep call is core's sweep of the scenario given; its mistakes name
// their field.
func TestSweepCall(t *testing.T) {
	out := sweep(`{"gpus": 8192}`, "pue", "totals.interconnect_watts", "7")
	s := core.DefaultScenario()
	s.GPUs = 8192
	r, err := core.Sweep(label.English, s, "pue", "totals.interconnect_watts", 7)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := r.MarshalJSON()
	if out != string(want) {
		t.Fatalf("the call differs from core:\n%.300s\n%.300s", out, want)
	}
	if d := decodeAny(t, sweep("{}", "gpus", "totals.tco_usd", "")); len(d["x"].([]any)) != 25 {
		t.Errorf("the default sweep has %d points", len(d["x"].([]any)))
	}
	for in, field := range map[[3]string]string{{"gpus", "totals.tco_usd", "x"}: "points", {"gpus", "totals.tco_usd", "1"}: "points", {"nope", "totals.tco_usd", "5"}: "input", {"gpus", "nope", "5"}: "headline"} {
		e := decodeAny(t, sweep("{}", in[0], in[1], in[2]))["error"].(map[string]any)
		if e["field"] != field {
			t.Errorf("sweep(%q): %v, want an error on %s", in, e, field)
		}
	}
}

// The explainer's call: a knob moves the scenario, and every fact, knob,
// claim and chart of the answer is core's for the moved scenario; a knob
// the explainer does not offer, or a value out of its range, is refused
// at its field; the worker's call adds the draws.
func TestProseCall(t *testing.T) {
	out := decodeAny(t, prose("", "gpus", "8192", "../calculator/", "", ""))
	if e, bad := out["error"]; bad {
		t.Fatalf("error: %v", e)
	}
	s := core.DefaultScenario()
	s.GPUs = 8192
	r, err := core.Evaluate(s)
	if err != nil {
		t.Fatal(err)
	}
	want, err := report.In(lang).ProseFacts(s, &r, nil)
	if err != nil {
		t.Fatal(err)
	}
	facts := out["facts"].(map[string]any)
	if len(facts) != len(want) || facts["gpus"] != "8,192" || facts["stage_cpo"] != want["stage_cpo"] || facts["stage_cpo"] == "" {
		t.Errorf("facts: gpus %v, stage_cpo %v (want %q), %d of %d", facts["gpus"], facts["stage_cpo"], want["stage_cpo"], len(facts), len(want))
	}
	if _, ok := facts["unc_samples"]; ok {
		t.Error("the draws' facts without a run")
	}
	if out["permalink"] != r.Permalink() {
		t.Errorf("permalink %v, want %s", out["permalink"], r.Permalink())
	}
	claims := out["claims"].([]any)
	if len(claims) != 14 {
		t.Fatalf("%d claims", len(claims))
	}
	says := claims[2].(map[string]any)["says"].(string)
	if !strings.Contains(says, `href="../calculator/#`+strings.ReplaceAll(r.Permalink(), "&", "&amp;")+`"`) {
		t.Errorf("a claim of the moved scenario links elsewhere: %s", says)
	}
	if out["figures"] == nil || out["charts"] == nil {
		t.Error("no figures or chart tables")
	}
	knobs := out["knobs"].([]any)
	if len(knobs) != len(core.ProseKnobs) || knobs[1].(map[string]any)["value"] != 8192.0 {
		t.Errorf("knobs %v", knobs)
	}
	// From the moved scenario, another knob: both moves hold.
	sc, _ := json.Marshal(out["scenario"])
	out = decodeAny(t, prose(string(sc), "usd_per_kwh", "0.2", "../calculator/", "", ""))
	if f := out["facts"].(map[string]any); f["gpus"] != "8,192" || f["usd_per_kwh"] != core.USD(0.2).In(lang) {
		t.Errorf("after a second move: %v, %v", f["gpus"], f["usd_per_kwh"])
	}
	for _, c := range []struct{ knob, value, field string }{
		{"gpus", "5000000000", "gpus"},
		{"gpus", "1.5", "gpus"},
		{"gpus", "many", "gpus"},
		{"gpu_watts", "500", "knob"},
		{"tiers.2.length_m", "-3", "tiers.2.length_m"},
	} {
		e, ok := decodeAny(t, prose("", c.knob, c.value, "", "", ""))["error"].(map[string]any)
		if !ok || e["field"] != c.field {
			t.Errorf("%s = %s: %v, want a refusal at %s", c.knob, c.value, e, c.field)
		}
	}
	out = decodeAny(t, prose("", "lane_gbps", "100", "", "200", "1"))
	f := out["facts"].(map[string]any)
	if out["draws"] != true || f["unc_samples"] != "200" || f["lane"] != "100 Gb/s" {
		t.Errorf("with draws: %v %v %v", out["draws"], f["unc_samples"], f["lane"])
	}
	if _, ok := out["figures"]; ok {
		t.Error("the draws' call computed the charts too")
	}
	if !strings.Contains(out["claims"].([]any)[0].(map[string]any)["says"].(string), "claim-sure") {
		t.Error("the draws' claims say nothing of the draws")
	}
}

// cite answers the three forms for a scenario's link, with the model
// version and the link (versioned) in each; a damaged link is refused.
func TestCiteCall(t *testing.T) {
	out := decodeAny(t, cite("https://example.org/calculator/", "v=1&gpus=4096", "2026-12-08"))
	for _, k := range []string{"bibtex", "csl", "plain"} {
		s, _ := out[k].(string)
		if !strings.Contains(s, core.ModelVersion) || !strings.Contains(s, "4096") {
			t.Errorf("%s: %q", k, s)
		}
	}
	var csl []map[string]any
	if err := json.Unmarshal([]byte(out["csl"].(string)), &csl); err != nil || len(csl) != 1 || csl[0]["URL"] != "https://example.org/calculator/#v=1&gpus=4096&mv="+core.ModelVersion {
		t.Errorf("CSL-JSON %v: %v", out["csl"], err)
	}
	if bad := decodeAny(t, cite("https://example.org/calculator/", "v=1&gpus=-5", "")); bad["error"] == nil {
		t.Errorf("a damaged link was cited: %v", bad)
	}
}
