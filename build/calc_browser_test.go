package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	keys "github.com/chromedp/chromedp/kb"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/figures"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/report"
)

// Browser tests of the live calculator: real Chromium, the real WebAssembly.

// openCalculator opens the calculator (with an optional URL fragment) in a
// new tab and waits until it is live.
func openCalculator(t *testing.T, browser context.Context, fragment string) (context.Context, *traffic) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	tr := watch(ctx)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(siteURL(t)+"/calculator/"+fragment)); err != nil {
		t.Fatal(err)
	}
	waitLive(t, ctx)
	return ctx, tr
}

// calculatorTab opens the calculator, live, in a browser of its own.
func calculatorTab(t *testing.T) (context.Context, *traffic) {
	t.Helper()
	return openCalculator(t, newBrowser(t), "")
}

func waitLive(t *testing.T, ctx context.Context) {
	t.Helper()
	// Two minutes: a busy machine runs several browsers at once.
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const s = document.getElementById("calc-status").dataset.state; return s === "failed" || (s === "live" && window.cpocharts && window.cpocharts.ids().length === document.querySelectorAll("[data-chart]").length); })()`, chromedp.WithPollingTimeout(120*time.Second)))
	if err != nil {
		// Where it stopped: the status, and how many charts were drawn.
		where, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const s = document.getElementById("calc-status"); return location.hash + " | state " + s.dataset.state + " | " + s.textContent + " | charts " + (window.cpocharts ? window.cpocharts.ids().length : "none") + " of " + document.querySelectorAll("[data-chart]").length; })()`))
		t.Fatalf("the calculator did not become live: %v (%s)", err, where)
	}
	if st := eval[string](t, ctx, `document.getElementById("calc-status").dataset.state`); st != "live" {
		t.Fatalf("the calculator failed: %s", text(t, ctx, "calc-status"))
	}
}

// eval runs JavaScript and decodes its result.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// typeInto sets an input's text as a reader would, and lets the page
// update.
func typeInto(t *testing.T, ctx context.Context, field, text string) {
	t.Helper()
	js := fmt.Sprintf(`(() => { const el = document.querySelector('[data-field=%q]'); if (!el) throw new Error("no field %s"); el.value = %q; el.dispatchEvent(new Event("input", {bubbles: true})); window.cpocalcPage.update(); return true; })()`, field, field, text)
	eval[bool](t, ctx, js)
}

func text(t *testing.T, ctx context.Context, id string) string {
	return eval[string](t, ctx, fmt.Sprintf(`document.getElementById(%q).textContent`, id))
}

// htmlText is the text content of an HTML fragment, as the browser reads it.
func htmlText(t *testing.T, ctx context.Context, html string) string {
	b, _ := json.Marshal(html)
	return eval[string](t, ctx, `(() => { const d = document.createElement("div"); d.innerHTML = `+string(b)+`; return d.textContent; })()`)
}

// The shown numbers are those core computes natively for the same scenario.
func checkAgainstCore(t *testing.T, ctx context.Context, s core.Scenario) {
	t.Helper()
	r, err := core.Evaluate(s)
	if err != nil {
		t.Fatalf("native evaluation: %v", err)
	}
	supply, err := report.In(label.English).Supply(&r)
	if err != nil {
		t.Fatalf("native supply outlook: %v", err)
	}
	for id, html := range map[string]string{"r-tiers": report.In(label.English).Tiers(&r), "r-totals": report.In(label.English).Totals(&r), "r-stages": report.In(label.English).Stages(&r), "r-scaleup": report.In(label.English).ScaleUp(&r), "r-supply": supply} {
		// The bands and deltas the page adds to core's tables aside.
		got := eval[string](t, ctx, `(() => { const c = document.getElementById("`+id+`").cloneNode(true); c.querySelectorAll(".band, .delta").forEach(e => e.remove()); return c.textContent; })()`)
		if want := htmlText(t, ctx, html); got != want {
			t.Errorf("%s shows\n%s\nbut core computes\n%s", id, got, want)
		}
	}
}

// Before scripts, the page shows the build's results; live, it shows the
// same text, so nothing jumps when the calculator arrives.
func TestCalculatorLiveMatchesPrerendered(t *testing.T) {
	browser := newBrowser(t)
	ids := []string{"r-headline", "r-keyfacts", "r-tiers", "r-totals", "r-stages", "r-scaleup", "r-supply"}
	noJS, cancel := chromedp.NewContext(browser)
	defer cancel()
	off := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return chromedp.Void{}, err
	}
	if err := chromedp.Do(noJS, off, chromedp.Navigate(siteURL(t)+"/calculator/")); err != nil {
		t.Fatal(err)
	}
	before := map[string]string{}
	for _, id := range ids {
		v, err := chromedp.Run(noJS, chromedp.Text(chromedp.ID(id)))
		if err != nil {
			t.Fatal(err)
		}
		before[id] = v
	}
	ctx, tr := openCalculator(t, browser, "")
	for _, id := range ids {
		after, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID(id)))
		if err != nil {
			t.Fatal(err)
		}
		if after != before[id] {
			t.Errorf("%s changes when the calculator comes alive:\nbefore %q\nafter  %q", id, before[id], after)
		}
	}
	checkAgainstCore(t, ctx, core.DefaultScenario())
	screenshot(t, ctx, "calculator-live-1280")
	checkAxe(t, ctx, "calculator")
	checkTraffic(t, "calculator", tr)
}

// Changing inputs changes every number to what core computes natively; a
// permalink restores exactly that state.
func TestCalculatorInputsAndPermalink(t *testing.T) {
	browser := newBrowser(t)
	ctx, tr := openCalculator(t, browser, "")
	typeInto(t, ctx, "gpus", "16,384")
	typeInto(t, ctx, "lane_gbps", "100")
	typeInto(t, ctx, "tiers[1].tech", "lpo")
	typeInto(t, ctx, "params.smf_db_per_km", "0.4")
	want := core.DefaultScenario()
	want.GPUs, want.LaneGbps = 16384, 100
	want.Tiers[1].Tech = core.LPO
	want.Params = map[string]float64{"smf_db_per_km": 0.4}
	checkAgainstCore(t, ctx, want)

	// The charts follow: the energy chart's DSP bar is the 100G one now.
	links, err := core.EvaluateLink(core.Link{Tech: core.DSP, LaneGbps: 100, Lanes: 8, LengthM: 1, Params: want.Params})
	if err != nil {
		t.Fatal(err)
	}
	// Off screen, the chart waits to be seen; scrolled into view it redraws.
	if n := eval[int](t, ctx, `window.cpocalcPage.pendingCharts().length`); n == 0 {
		t.Error("no chart waits for its redraw, though all are off screen")
	}
	eval[bool](t, ctx, `(() => { document.getElementById("fig-energy-per-bit").scrollIntoView(); return true; })()`)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!window.cpocalcPage.pendingCharts().includes("energy-per-bit")`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("the energy chart did not redraw when it came into view: %v", err)
	}
	dspBar := eval[float64](t, ctx, `(() => { const o = window.cpocharts.get("energy-per-bit").getOption(); const v = d => (d && typeof d === "object" ? d.value : d) || 0; return o.series.reduce((a, s) => a + v(s.data[3]), 0); })()`)
	if d := dspBar - links.PJPerBit().PJ(); d > 0.01 || d < -0.01 {
		t.Errorf("energy chart's DSP bar sums to %v pJ/bit; core says %v", dspBar, links.PJPerBit().PJ())
	}

	hash := eval[string](t, ctx, `(() => { window.cpocalcPage.flushURL(); return location.hash; })()`)
	link, err := core.EncodePermalink(want)
	if err != nil {
		t.Fatal(err)
	}
	if link = core.VersionedLink(link); hash != "#"+link {
		t.Errorf("URL fragment %q, want #%s", hash, link)
	}
	if n := eval[int](t, ctx, `history.length`); n > 2 {
		t.Errorf("%d history entries after four edits: the URL should be replaced, not pushed", n)
	}
	// Open the link in a fresh tab: the same inputs and the same numbers.
	ctx2, _ := openCalculator(t, browser, hash)
	for field, value := range map[string]string{"gpus": "16384", "lane_gbps": "100", "tiers[1].tech": "lpo", "params.smf_db_per_km": "0.4"} {
		got := eval[string](t, ctx2, fmt.Sprintf(`document.querySelector('[data-field=%q]').value`, field))
		if got != value {
			t.Errorf("after the permalink, %s = %q, want %q", field, got, value)
		}
	}
	checkAgainstCore(t, ctx2, want)
	screenshot(t, ctx2, "calculator-permalink-1280")
	checkTraffic(t, "calculator inputs", tr)
}

// A bad value is marked at its field with the allowed range; the results
// keep their last good values; nothing typed is lost; fixing it updates.
func TestCalculatorBadInput(t *testing.T) {
	ctx, tr := calculatorTab(t)
	good := text(t, ctx, "r-totals")
	typeInto(t, ctx, "gpus", "-5")
	msg := text(t, ctx, "e-gpus")
	if !strings.Contains(msg, "GPUs") || !strings.Contains(msg, "-5") || !strings.Contains(msg, "1 to 10,000,000") {
		t.Errorf("message for -5 GPUs: %q", msg)
	}
	if eval[string](t, ctx, `document.getElementById("f-gpus").getAttribute("aria-invalid")`) != "true" {
		t.Error("the field is not marked invalid")
	}
	if text(t, ctx, "r-totals") != good {
		t.Error("the results changed on a bad value")
	}
	if v := eval[string](t, ctx, `document.getElementById("f-gpus").value`); v != "-5" {
		t.Errorf("the typed value was lost: %q", v)
	}
	typeInto(t, ctx, "gpus", "lots")
	if msg := text(t, ctx, "e-gpus"); !strings.Contains(msg, "not a number") || !strings.Contains(msg, "lots") {
		t.Errorf("message for text: %q", msg)
	}
	screenshot(t, ctx, "calculator-error-1280")
	// A cluster too large for three tiers gets a fourth from the model (as
	// many as needed), and the page goes on (TestTiersSizeThemselves has
	// the rest).
	typeInto(t, ctx, "gpus", "131072")
	if eval[bool](t, ctx, `!document.getElementById("e-tiers").hidden || !!document.querySelector(".calc-results.stale")`) {
		t.Errorf("131,072 GPUs did not update: %s %s", text(t, ctx, "e-tiers"), text(t, ctx, "results-error"))
	}
	s := core.DefaultScenario()
	s.GPUs = 131072
	checkAgainstCore(t, ctx, s)
	// The copper chart marks each tier's length: the fourth tier's too.
	r, err := core.Evaluate(s)
	if err != nil {
		t.Fatal(err)
	}
	marks := eval[[]float64](t, ctx, `(() => { window.cpocalcPage.drawPending(); return window.cpocharts.get("copper-wall").getOption().series.slice(0, 2).flatMap(s => s.markLine ? s.markLine.data.map(d => d.yAxis) : []); })()`)
	if len(marks) != len(r.Tiers) {
		t.Errorf("the copper chart marks %v, for %d tiers", marks, len(r.Tiers))
	}
	// A mark too close under the next one up (the hall's 300 m under the
	// campus' 400 m) is labelled below its line: it is on the second series.
	f, err := figures.Compute(label.English, s)
	if err != nil {
		t.Fatal(err)
	}
	var want []float64
	for _, m := range f.CopperWall.Marks {
		if m.Below {
			want = append(want, m.LengthM)
		}
	}
	below := eval[[]float64](t, ctx, `(() => { const m = window.cpocharts.get("copper-wall").getOption().series[1].markLine; return m && m.data ? m.data.map(d => d.yAxis) : []; })()`)
	if len(want) == 0 || fmt.Sprint(below) != fmt.Sprint(want) {
		t.Errorf("the marks labelled below their lines: %v, want %v", below, want)
	}
	checkTraffic(t, "bad input", tr)
}

// A broken, tampered or old link says so, shows its text, and falls back
// to the defaults.
func TestCalculatorBrokenLink(t *testing.T) {
	browser := newBrowser(t)
	for _, frag := range []string{"#s=1.bm90IGpzb24", "#s=7.abc", "#s=1.eyJncHVzIjotMX0", "#s=%", "#v=1&gpus=%", "#v=1&gpus=%E0%A4%A", "#v=2&gpus=1", "#v=1&gpus=abc"} {
		ctx, _ := openCalculator(t, browser, frag)
		msg := text(t, ctx, "permalink-message")
		if !strings.Contains(msg, "could not be read") || !strings.Contains(msg, strings.TrimPrefix(frag, "#")) {
			t.Errorf("%s: message %q", frag, msg)
		}
		checkAgainstCore(t, ctx, core.DefaultScenario())
	}
	// A link of the first release still opens its scenario, and the address
	// then reads as today's links do.
	ctx, _ := openCalculator(t, browser, "#s=1.eyJncHVzIjoxMDAwfQ")
	want := core.DefaultScenario()
	want.GPUs = 1000
	checkAgainstCore(t, ctx, want)
	if hash := eval[string](t, ctx, `(() => { window.cpocalcPage.flushURL(); return location.hash; })()`); hash != "#"+core.VersionedLink("v=1&gpus=1000") {
		t.Errorf("after an old link the address reads %q, want #v=1&gpus=1000", hash)
	}
	// A bad link typed into a live page's address: its message, and the
	// page keeps answering.
	eval[bool](t, ctx, `(() => { location.hash = "#v=1&gpus=%"; return true; })()`)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(document.getElementById("permalink-message") || document.getElementById("form-error")).textContent.includes("gpus=%")`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("a bad link on a live page shows no message: %v", err)
	}
	eval[bool](t, ctx, `(() => { location.hash = "#v=1&gpus=2048"; return true; })()`)
	want.GPUs = 2048
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("f-gpus").value === "2048"`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("a good link after a bad one did not open: %v", err)
	}
	checkAgainstCore(t, ctx, want)
	if shown := eval[bool](t, ctx, `!document.getElementById("permalink-message").hidden`); shown {
		t.Error("after a good link the bad link's message stays on screen")
	}
}

// Click a result: the panel says how it was computed, with sources.
func TestCalculatorExplain(t *testing.T) {
	ctx, _ := calculatorTab(t)
	eval[bool](t, ctx, `(() => { document.querySelector('#r-tiers [data-path="tiers[2].max_reach_m"]').click(); return true; })()`)
	body := text(t, ctx, "explain")
	for _, want := range []string{"maximum reach", "dr_connection_db", "smf_db_per_km", "TIA"} {
		if !strings.Contains(body, want) {
			t.Errorf("explanation lacks %q: %s", want, body)
		}
	}
	// The formula is worked with this cluster's numbers, from the same run
	// of the model that computed the table.
	ex := eval[string](t, ctx, `document.querySelector("#explain .example") ? document.querySelector("#explain .example").textContent : ""`)
	if !strings.Contains(ex, "B_f = 0.25 dB") || !strings.Contains(ex, "→ L_max = 500 m") {
		t.Errorf("worked example: %q", ex)
	}
	viewportShot(t, ctx, "calculator-explain-1280")
	// Keyboard: focus a cell and press Enter.
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(`#r-totals [data-path="totals.mtbf_hours"]`)), chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	if body := text(t, ctx, "explain"); !strings.Contains(body, "Σ FIT") {
		t.Errorf("keyboard explanation: %s", body)
	}
	// A plain ratio with many parameters upstream: its own inputs first,
	// the parameters folded, so that it does not cover the page.
	eval[bool](t, ctx, `(() => { document.querySelector('#r-totals [data-path="totals.interconnect_share"]').click(); return true; })()`)
	got := eval[map[string]any](t, ctx, `(() => { const d = document.querySelector("#explain .explain-params"); return {folded: !!d && !d.open, rows: document.querySelectorAll("#explain-body table tbody tr").length, height: document.getElementById("explain").getBoundingClientRect().height, summary: d ? d.querySelector("summary").textContent : ""}; })()`)
	if got["folded"] != true || got["rows"].(float64) <= 5 || got["height"].(float64) > 900 || !strings.Contains(got["summary"].(string), "catalogue parameters behind it") {
		t.Errorf("the explanation of a share: %v", got)
	}
}

// Export as CSV and JSON, and load a scenario back.
func TestCalculatorExportImport(t *testing.T) {
	ctx, tr := calculatorTab(t)
	typeInto(t, ctx, "gpus", "4096")
	byName := exportAll(t, ctx)
	if len(byName) != 3 {
		t.Fatalf("%d downloads", len(byName))
	}
	// The columns are the result's fields, as core lists them.
	var tierCols []string
	for _, f := range core.ResultFields(label.English) {
		if rest, ok := strings.CutPrefix(f.Pattern, "tiers[]."); ok && !strings.ContainsAny(rest, ".[") {
			tierCols = append(tierCols, rest)
		}
	}
	if csv := byName["cpocalc-results.csv"]; !strings.Contains(csv, "# tiers\n"+strings.Join(tierCols, ",")+"\n") {
		t.Errorf("CSV tier columns are not the result's fields %v: %.300s", tierCols, csv)
	}
	if csv := byName["cpocalc-results.csv"]; !strings.Contains(csv, "# tiers") || !strings.Contains(csv, "interconnect_watts,") || strings.Count(csv, "\n") < 30 {
		t.Errorf("CSV: %.300s", csv)
	}
	// One column per quantity, and numbers without float noise.
	lines := strings.Split(byName["cpocalc-results.csv"], "\n")
	for i, line := range lines {
		header := i > 0 && strings.HasPrefix(lines[i-1], "# ")
		seen := map[string]bool{}
		for _, cell := range strings.Split(line, ",") {
			if header && seen[cell] {
				t.Errorf("CSV header repeats %q: %s", cell, line)
			}
			seen[cell] = true
			if regexp.MustCompile(`\.\d*0000000|\.\d*9999999`).MatchString(cell) {
				t.Errorf("CSV value with float noise: %s", cell)
			}
		}
	}
	var res map[string]any
	if err := json.Unmarshal([]byte(byName["cpocalc-results.json"]), &res); err != nil || res["totals"] == nil {
		t.Errorf("results JSON: %v", err)
	}
	scenario := byName["cpocalc-scenario.json"]
	s, err := core.ParseScenario([]byte(scenario))
	if err != nil || s.GPUs != 4096 {
		t.Fatalf("scenario JSON: %v %.200s", err, scenario)
	}
	// Load it back after a reset.
	eval[bool](t, ctx, `(() => { document.getElementById("reset-all").click(); return true; })()`)
	if v := eval[string](t, ctx, `document.getElementById("f-gpus").value`); v != "65536" {
		t.Errorf("reset left gpus at %s", v)
	}
	path := filepath.Join(t.TempDir(), "scenario.json")
	if err := os.WriteFile(path, []byte(scenario), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("import-scenario"), []string{path})); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("f-gpus").value === "4096"`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("the scenario did not load: %v; status %q", err, text(t, ctx, "action-status"))
	}
	checkAgainstCore(t, ctx, s)

	// (The CSV's cells, formulas kept as text, are core/report's: its
	// TestCSVCells.)

	// Files that are not a scenario say why, and change nothing.
	dir := t.TempDir()
	bad := []struct{ name, body, want string }{
		{"empty.json", "", "the file is empty"},
		{"nulls.json", `{"gpus": null}`, "GPUs"},
		{"quote.json", `{"a\"b": 1}`, `a"b`},
		{"results.csv", "# tiers\ntier,tech\n1,cpo\n", "cannot read back"},
		{"huge.json", `{"gpus": 1024, "x": "` + strings.Repeat("a", 1<<20) + `"}`, "up to 1 MB"},
		{"nan.json", `{"gpus": "NaN"}`, "NaN"},
	}
	for _, b := range bad {
		msg, err := importFile(t, ctx, filepath.Join(dir, b.name), b.body)
		if err != nil {
			t.Errorf("%s: no message: %v", b.name, err)
			continue
		}
		if !strings.HasPrefix(msg, "Could not load "+b.name) || !strings.Contains(msg, b.want) {
			t.Errorf("%s: %q, want a refusal mentioning %q", b.name, msg, b.want)
		}
		if v := eval[string](t, ctx, `document.getElementById("f-gpus").value`); v != "4096" {
			t.Errorf("%s changed the form: gpus %s", b.name, v)
		}
	}
	for _, e := range tr.snapshot().exceptions {
		t.Errorf("uncaught exception while importing: %s", e)
	}
}

// importFile writes a file and loads it through the calculator's import
// button, as a reader would, and returns what the page says of it.
func importFile(t *testing.T, ctx context.Context, path, body string) (string, error) {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	eval[bool](t, ctx, `(() => { document.getElementById("action-status").textContent = ""; return true; })()`)
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("import-scenario"), []string{path})); err != nil {
		t.Fatal(err)
	}
	return chromedp.Run(ctx, chromedp.Poll[string](`document.getElementById("action-status").textContent || null`, chromedp.WithPollingTimeout(10*time.Second)))
}

// A thousand random and hostile inputs through window.cpocalc leave the
// runtime alive and answering.
func TestCalculatorSurvivesHostileInput(t *testing.T) {
	ctx, tr := calculatorTab(t)
	got := eval[map[string]int](t, ctx, `(() => {
		const rnd = (() => { let x = 12345; return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648; })();
		const values = [0, -1, 1e308, -1e308, NaN, Infinity, "", "x", null, undefined, [], {}, true, 1.5, 2**53 + 1, "1e999", {gpus: {}}, [1, [2]]];
		const fields = ["gpus", "gpu_watts", "lane_gbps", "pue", "tiers", "params", "scale_up", "scale_out", "v"];
		const fns = ["evaluate", "evaluateLink", "encode", "decode", "explain", "figures", "update"];
		let answered = 0, errors = 0;
		for (let i = 0; i < 1000; i++) {
			const s = {};
			for (let k = 0; k < 3; k++) s[fields[Math.floor(rnd() * fields.length)]] = values[Math.floor(rnd() * values.length)];
			let arg = rnd() < 0.3 ? JSON.stringify(s) : (rnd() < 0.5 ? s : values[Math.floor(rnd() * values.length)]);
			if (rnd() < 0.05) { arg = {}; arg.self = arg; }
			const fn = fns[Math.floor(rnd() * fns.length)];
			const out = window.cpocalc[fn](arg, arg);
			if (out && typeof out === "object") answered++;
			if (out && out.error) errors++;
		}
		const ok = window.cpocalc.evaluate({}).totals.switches;
		return {answered, errors, ok};
	})()`)
	if got["answered"] != 1000 || got["ok"] != 5120 {
		t.Errorf("after hostile input: %v", got)
	}
	if got["errors"] < 100 {
		t.Errorf("only %d errors from 1,000 hostile calls: the test is not hostile", got["errors"])
	}
	// And the page still updates.
	typeInto(t, ctx, "gpus", "2048")
	s := core.DefaultScenario()
	s.GPUs = 2048
	checkAgainstCore(t, ctx, s)
	checkTraffic(t, "hostile", tr)
}

// On a phone the calculator stacks and still fits the screen.
func TestCalculatorPhone(t *testing.T) {
	browser := newBrowser(t)
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 800), chromedp.Navigate(siteURL(t)+"/calculator/")); err != nil {
		t.Fatal(err)
	}
	waitLive(t, ctx)
	if eval[bool](t, ctx, `document.documentElement.scrollWidth > window.innerWidth + 1`) {
		t.Error("the calculator is wider than a 360 px screen")
	}
	screenshot(t, ctx, "calculator-live-360")
	checkAxe(t, ctx, "calculator at 360 px")
}

// The calculator comes first: its WebAssembly is asked for before the
// charts' library, which comes once the calculator is live, and the
// response travels compressed.
func TestCalculatorFirst(t *testing.T) {
	browser := newBrowser(t)
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	tr := watch(ctx)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(siteURL(t)+"/calculator/")); err != nil {
		t.Fatal(err)
	}
	waitLive(t, ctx)
	wasm, lib := -1, -1
	for i, u := range tr.snapshot().requests {
		switch {
		case wasm < 0 && strings.Contains(u, "/assets/calc.") && strings.HasSuffix(u, ".wasm"):
			wasm = i
		case lib < 0 && strings.Contains(u, "echarts"):
			lib = i
		}
	}
	if wasm < 0 || lib < 0 || lib < wasm {
		t.Errorf("requests: calculator wasm at %d, charts' library at %d; want the wasm first, then the library", wasm, lib)
	}
	// Fetched by the preload: one request for the wasm, not two.
	n := 0
	for _, u := range tr.snapshot().requests {
		if strings.Contains(u, "/assets/calc.") && strings.HasSuffix(u, ".wasm") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the calculator's wasm was requested %d times", n)
	}
	enc := eval[string](t, ctx, `performance.getEntriesByType("resource").filter(e => /calc\.[0-9a-f]+\.wasm$/.test(e.name)).map(e => e.encodedBodySize < e.decodedBodySize ? "compressed" : "raw").join()`)
	if enc != "compressed" {
		t.Errorf("the calculator's wasm came %q", enc)
	}
}

// With "as many as needed", the tier rows follow the cluster: a cluster
// that outgrows them gets the tiers it lacks (shown, marked, editable),
// one that needs fewer says which rows it does not use, and no size
// leaves the page stuck. A forced tier count the rows cannot meet says so
// at the tiers.
func TestTiersSizeThemselves(t *testing.T) {
	ctx, _ := calculatorTab(t)
	rows := func() []map[string]any {
		return eval[[]map[string]any](t, ctx, `Array.from(document.querySelectorAll("#tier-rows tr.tier-row")).map(r => ({
			added: r.hasAttribute("data-added"),
			note: r.querySelector(".tier-note").hidden ? "" : r.querySelector(".tier-note").textContent,
			length: r.querySelector('[data-field$=".length_m"]').value,
			field: r.querySelector('[data-field$=".length_m"]').getAttribute("data-field")}))`)
	}
	stale := func() string {
		return eval[string](t, ctx, `document.querySelector(".calc-results.stale") ? document.getElementById("results-error").textContent : ""`)
	}
	resultTiers := func() int {
		return eval[int](t, ctx, `document.querySelectorAll("#t-tiers tbody tr").length`)
	}

	for _, gpus := range []string{"131072", "1000000"} {
		typeInto(t, ctx, "gpus", gpus)
		if s := stale(); s != "" {
			t.Fatalf("%s GPUs: %s", gpus, s)
		}
		r := rows()
		if len(r) != 4 || r[3]["added"] != true || r[3]["length"] != "400" || r[3]["field"] != "tiers[3].length_m" || !strings.Contains(r[3]["note"].(string), "Added") {
			t.Fatalf("%s GPUs: tier rows %v, want a fourth row added at 400 m", gpus, r)
		}
		if n := resultTiers(); n != 4 {
			t.Errorf("%s GPUs: the tier table has %d rows, want 4", gpus, n)
		}
	}
	// The link keeps "as many as needed": no tiers written for the added one.
	hash := eval[string](t, ctx, `(() => { window.cpocalcPage.flushURL(); return location.hash; })()`)
	s, err := core.DecodePermalink(hash)
	if err != nil || len(s.Tiers) != 3 || s.GPUs != 1000000 {
		t.Errorf("the link %q reads as %d tiers, %d GPUs (%v); want the 3 the reader gave", hash, len(s.Tiers), s.GPUs, err)
	}
	// Editing the added row makes it the reader's.
	typeInto(t, ctx, "tiers[3].length_m", "600")
	if r := rows(); len(r) != 4 || r[3]["added"] != false || r[3]["length"] != "600" {
		t.Errorf("after editing the added tier, rows %v; want it kept at 600 m", r)
	}
	if s := stale(); s != "" {
		t.Fatal(s)
	}
	// A small cluster: the rows it does not use say so, the page goes on.
	typeInto(t, ctx, "gpus", "1000")
	r := rows()
	if len(r) != 4 || r[1]["note"] != "" || !strings.Contains(r[2]["note"].(string), "Not used") || !strings.Contains(r[3]["note"].(string), "Not used") {
		t.Errorf("1,000 GPUs: rows %v; want tiers 3 and 4 marked not used", r)
	}
	if n := resultTiers(); n != 2 {
		t.Errorf("1,000 GPUs: the tier table has %d rows, want 2", n)
	}
	// A forced count the rows cannot meet: said at the tiers, and the next
	// good input updates again.
	eval[bool](t, ctx, `(() => { document.querySelectorAll("#tier-rows .remove-tier")[3].click(); document.querySelectorAll("#tier-rows .remove-tier")[2].click(); return true; })()`)
	typeInto(t, ctx, "scale_out.tiers", "4")
	msg := eval[string](t, ctx, `document.getElementById("e-tiers").hidden ? "" : document.getElementById("e-tiers").textContent`)
	if stale() == "" || !strings.Contains(msg, "too few") {
		t.Errorf("4 tiers forced with 2 rows: tiers say %q, results stale %q", msg, stale())
	}
	typeInto(t, ctx, "scale_out.tiers", "0")
	if s := stale(); s != "" {
		t.Errorf("back to as many as needed, still not updated: %s", s)
	}
	viewportShot(t, ctx, "calculator-added-tier")
}

// Explanations by keyboard: focus alone opens nothing, Enter opens and
// keeps focus on the number, an input of the formula is a link to its own
// explanation with a trail back, Escape closes and gives focus back; Tab
// through the whole page never falls to <body>. Values read with their
// units; sources with an address are links.
func TestExplanationKeyboard(t *testing.T) {
	browser := newBrowser(t)
	ctx, _ := openCalculator(t, browser, "")
	active := func() string {
		return eval[string](t, ctx, `(() => { const a = document.activeElement; return !a || a === document.body ? "body" : a.id === "explain" ? "explain" : (a.getAttribute("data-path") || a.id || a.tagName + "." + a.className); })()`)
	}
	shown := func() string {
		return eval[string](t, ctx, `document.getElementById("explain").hidden ? "" : document.getElementById("explain").dataset.shown`)
	}
	start := `#r-keyfacts [data-path="totals.interconnect_watts"]`
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(start))); err != nil {
		t.Fatal(err)
	}
	if p := shown(); p != "" {
		t.Errorf("focus alone opened the explanation of %s", p)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	if p, a := shown(), active(); p != "totals.interconnect_watts" || a != "totals.interconnect_watts" {
		t.Fatalf("after Enter: explanation of %q, focus on %q; want both on the number", p, a)
	}
	// Walk to an input: its own explanation, a trail back, focus inside.
	eval[bool](t, ctx, `(() => { document.querySelector("#explain-body ul .link-button").click(); return true; })()`)
	if p, a := shown(), active(); p != "totals.scale_out_watts" || a != "explain" {
		t.Errorf("after walking to an input: explanation of %q, focus on %q", p, a)
	}
	trail := eval[string](t, ctx, `document.querySelector("#explain-body .explain-trail") ? document.querySelector("#explain-body .explain-trail").textContent : ""`)
	if !strings.Contains(trail, "interconnect power") || !strings.Contains(trail, "›") {
		t.Errorf("trail: %q", trail)
	}
	eval[bool](t, ctx, `(() => { document.querySelector("#explain-body .explain-trail .link-button").click(); return true; })()`)
	if p := shown(); p != "totals.interconnect_watts" {
		t.Errorf("the trail led back to %q", p)
	}
	// Parameters read with their units, and no "1" for a pure number.
	vals := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#explain-body table tbody tr td:first-of-type")).map(td => td.textContent)`)
	if len(vals) == 0 {
		t.Fatal("no parameters in the explanation")
	}
	for _, v := range vals {
		if strings.HasSuffix(v, " 1") || !regexp.MustCompile(`\d`).MatchString(v) {
			t.Errorf("parameter value reads %q", v)
		}
	}
	// Escape closes and gives focus back to the number.
	eval[bool](t, ctx, `(() => { document.getElementById("explain").focus(); return true; })()`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent(keys.Escape)); err != nil {
		t.Fatal(err)
	}
	if p, a := shown(), active(); p != "" || a != "totals.interconnect_watts" {
		t.Errorf("after Escape: explanation %q, focus on %q", p, a)
	}
	// A source with an address is a link.
	eval[bool](t, ctx, `(() => { const el = document.querySelector('[data-path="totals.households"]'); if (el) el.click(); return true; })()`)
	if shown() == "totals.households" {
		if n := eval[int](t, ctx, `document.querySelectorAll('#explain-body a[href^="https://"]').length`); n == 0 {
			t.Error("the household parameter's source is not a link")
		}
	}
	// Tab through the page, an explanation open: never on <body>.
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(start)), chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	// The page's last stop, after which Tab leaves for the browser.
	last := eval[string](t, ctx, `(() => {
		const all = Array.from(document.querySelectorAll('a[href], button, input, select, textarea, summary, iframe, [tabindex]')).filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length && getComputedStyle(e).visibility !== "hidden");
		const e = all[all.length - 1];
		return e.getAttribute("data-path") || e.id || e.tagName + "." + e.className;
	})()`)
	seen := map[string]bool{}
	prev := active()
	for i := 0; i < 600; i++ {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(keys.Tab)); err != nil {
			t.Fatal(err)
		}
		a := active()
		if a == "body" {
			if prev != last {
				t.Fatalf("Tab %d fell to <body> from %q (after %d distinct stops; the page's last is %q)", i+1, prev, len(seen), last)
			}
			t.Logf("Tab left the page after %d stops, from its last (%s)", i, last)
			break
		}
		seen[a] = true
		prev = a
	}
	// From the results to the end of the page: each group of numbers is
	// one stop (TestNumbersOneTabStopPerGroup), then the rest.
	if len(seen) < 8 {
		t.Errorf("Tab reached only %d distinct elements", len(seen))
	}
}

// Every select of the calculator shows its whole choice, on a phone and on
// a desktop; on a phone the key figures stay in view while the reader is
// among the inputs.
func TestSelectsShowTheirValue(t *testing.T) {
	browser := newBrowser(t)
	for _, c := range []struct {
		w    int64
		page string
	}{{360, "/calculator/"}, {1280, "/calculator/"}, {360, "/zh/calculator/"}, {1280, "/zh/calculator/"}} {
		w := c.w
		ctx, cancel := openTab(t, browser, siteURL(t)+c.page, w, 800)
		waitLive(t, ctx)
		// Every option, not only the one chosen: a reader may pick any.
		cut := eval[[]string](t, ctx, `(() => {
			const ctx2 = document.createElement("canvas").getContext("2d");
			const out = [];
			document.querySelectorAll("#calc-form select").forEach(s => {
				if (!s.getClientRects().length) return;
				const cs = getComputedStyle(s);
				ctx2.font = cs.fontWeight + " " + cs.fontSize + " " + cs.fontFamily;
				const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 18; // the arrow
				for (const o of s.options) {
					const need = ctx2.measureText(o.textContent).width;
					if (need > room) out.push(s.getAttribute("data-field") + ": " + o.textContent + " (" + Math.round(need) + " px in " + Math.round(room) + ")");
				}
			});
			return out;
		})()`)
		if len(cut) > 0 {
			t.Errorf("%s at %d px: selects that cut a choice: %s", c.page, w, strings.Join(cut, "; "))
		}
		offscreen := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#calc-form button, #calc-form select, #calc-form input")).filter(e => e.getClientRects().length && (e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 || e.getBoundingClientRect().right > (e.closest("fieldset") || document.body).getBoundingClientRect().right + 1)).map(e => e.id || e.className)`)
		if len(offscreen) > 0 {
			t.Errorf("%s at %d px: controls past the edge: %v", c.page, w, offscreen)
		}
		if w == 360 && c.page == "/calculator/" {
			eval[bool](t, ctx, `(() => { document.getElementById("tiers-fieldset").scrollIntoView(); return true; })()`)
			if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const s = document.getElementById("r-summary"); return !s.hidden && s.getBoundingClientRect().bottom <= innerHeight + 1 && s.textContent.includes("MW"); })()`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
				t.Errorf("360 px: no summary of the key figures in view among the inputs: %v", err)
			}
			typeInto(t, ctx, "gpus", "131072")
			if got := eval[string](t, ctx, `document.getElementById("r-summary").textContent`); !strings.Contains(got, eval[string](t, ctx, `document.querySelector("#r-keyfacts .big").textContent`)) {
				t.Errorf("the summary %q does not follow the key figures", got)
			}
			viewportShot(t, ctx, "calculator-tiers-360")
			eval[bool](t, ctx, `(() => { window.scrollTo(0, document.getElementById("r-keyfacts").getBoundingClientRect().top + scrollY - 100); return true; })()`)
			if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("r-summary").hidden`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
				t.Errorf("360 px: the summary stays over the key figures themselves")
			}
		} else if w > 360 && eval[bool](t, ctx, `getComputedStyle(document.getElementById("r-summary")).display !== "none"`) {
			t.Errorf("%s at %d px: the phone's summary shows on a desktop", c.page, w)
		}
		cancel()
	}
}

// Every bad field of the form is marked at once, each with its own
// message; fixing them all updates again.
func TestAllErrorsAtOnce(t *testing.T) {
	ctx, _ := calculatorTab(t)
	typeInto(t, ctx, "gpus", "-5")
	typeInto(t, ctx, "pue", "9")
	typeInto(t, ctx, "tiers[1].length_m", "0")
	for _, id := range []string{"e-gpus", "e-pue", "e-tiers-1-length_m"} {
		if eval[bool](t, ctx, fmt.Sprintf(`(() => { const e = document.getElementById(%q); return !e || e.hidden || !e.textContent; })()`, id)) {
			t.Errorf("%s: no message, though its field is bad", id)
		}
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#calc-form [aria-invalid="true"]').length`); n != 3 {
		t.Errorf("%d fields marked invalid, want 3", n)
	}
	if msg := text(t, ctx, "results-error"); !strings.Contains(msg, "2 more") {
		t.Errorf("the results say %q; want the count of the other problems", msg)
	}
	typeInto(t, ctx, "gpus", "65536")
	typeInto(t, ctx, "pue", "1.3")
	typeInto(t, ctx, "tiers[1].length_m", "30")
	if eval[bool](t, ctx, `!!document.querySelector(".calc-results.stale")`) {
		t.Errorf("still not updated once every field is good: %s", text(t, ctx, "results-error"))
	}
}

// The calculator in trouble still passes axe-core: an error shown at its
// field, the results marked stale, an explanation open, on a phone's width
// and a desktop's, light and dark.
func TestAxeErrorStateWithExplanation(t *testing.T) {
	browser := newBrowser(t)
	for _, c := range []struct {
		w    int64
		dark bool
	}{{1280, false}, {360, false}, {1280, true}} {
		ctx, cancel := chromedp.NewContext(browser)
		steps := []chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(c.w, 900)}
		if c.dark {
			steps = append(steps, chromedp.Action[chromedp.Void](func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
				_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}})
				return chromedp.Void{}, err
			}))
		}
		steps = append(steps, chromedp.Navigate(siteURL(t)+"/calculator/"))
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatal(err)
		}
		waitLive(t, ctx)
		eval[bool](t, ctx, `(() => { document.querySelector('#r-keyfacts [data-path]').click(); return true; })()`)
		typeInto(t, ctx, "gpus", "-5")
		typeInto(t, ctx, "pue", "9")
		if eval[bool](t, ctx, `document.getElementById("explain").hidden || !document.querySelector(".calc-results.stale")`) {
			t.Fatalf("%d px: not in the error state with an explanation open", c.w)
		}
		checkAxe(t, ctx, fmt.Sprintf("%d px, dark %v", c.w, c.dark))
		cancel()
	}
}

// Each key figure says how sure it is: the build's words for the default
// scenario, and after an edit the page's worker's, the same as core's
// native run of the same draws.
func TestKeyFigureBands(t *testing.T) {
	ctx, tr := calculatorTab(t)
	words := func(s core.Scenario) map[string]string {
		r, u := coreRun(t, s)
		return report.In(label.English).BandWords(&r, &u)
	}
	shown := func() map[string]string {
		return eval[map[string]string](t, ctx, `Object.fromEntries([...document.querySelectorAll("#r-keyfacts [data-band-for], #r-stages [data-band-for]")].map(e => [e.getAttribute("data-band-for"), e.textContent]))`)
	}
	sure := func(s core.Scenario) string {
		u, err := core.Uncertainty(s, bandSamples, bandSeed)
		if err != nil {
			t.Fatal(err)
		}
		return report.In(label.English).SureWords(&u)
	}
	checkSure := func(what string, s core.Scenario) {
		t.Helper()
		if got, want := text(t, ctx, "r-sure"), sure(s); got != want || want == "" {
			t.Errorf("%s: the page says\n%s\ncore says\n%s", what, got, want)
		}
	}
	check := func(what string, want map[string]string) {
		t.Helper()
		sameWords(t, what, "bands", shown(), want, 4)
	}
	check("the default scenario", words(core.DefaultScenario()))
	checkSure("the default scenario", core.DefaultScenario())
	typeInto(t, ctx, "gpus", "16384")
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const e = document.querySelector('#r-keyfacts [data-band-for="totals.interconnect_watts"]'); return !!e && e.textContent !== "" && !e.classList.contains("band-pending"); })()`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Fatalf("no band after an edit: %v", err)
	}
	s := core.DefaultScenario()
	s.GPUs = 16384
	check("16,384 GPUs", words(s))
	checkSure("16,384 GPUs", s)
	// Back to the default: its words at once, from what the page knows.
	typeInto(t, ctx, "gpus", "65536")
	check("the default again", words(core.DefaultScenario()))
	for _, e := range tr.snapshot().exceptions {
		t.Errorf("uncaught exception: %s", e)
	}
}

// exportAll clicks the three export buttons and returns the files they
// save, by name. The downloads are captured from the blob each download
// link points to (kept as it is made: the site's policy lets no script
// fetch a blob: URL).
func exportAll(t *testing.T, ctx context.Context) map[string]string {
	t.Helper()
	eval[bool](t, ctx, `(() => { window.__downloads = []; if (window.__blobs) return true; const click = HTMLAnchorElement.prototype.click; HTMLAnchorElement.prototype.click = function () { if (this.download) { const name = this.download; window.__downloads.push(window.__blobs[this.href].text().then(text => ({name, text}))); return; } return click.call(this); }; window.__blobs = {}; const make = URL.createObjectURL; URL.createObjectURL = function (b) { const u = make.call(URL, b); window.__blobs[u] = b; return u; }; return true; })()`)
	eval[bool](t, ctx, `(() => { for (const id of ["export-csv", "export-json", "export-scenario"]) document.getElementById(id).click(); return true; })()`)
	type file struct{ Name, Text string }
	out := map[string]string{}
	files := eval[[]file](t, ctx, `Promise.all(window.__downloads)`)
	for _, f := range files {
		out[f.Name] = f.Text
	}
	// The status says the last save in the page's own words.
	if n := len(files); n > 0 {
		want := eval[string](t, ctx, `window.cpoT("js.saved", {file: `+strconv.Quote(files[n-1].Name)+`})`)
		if got := text(t, ctx, "action-status"); got != want || strings.HasPrefix(want, "js.") {
			t.Errorf("after saving, the status says %q, want %q", got, want)
		}
	}
	return out
}

// The numbers are one Tab stop per group (the key figures, each table);
// the arrow keys move inside a group as in a grid, and Enter explains the
// number reached.
func TestNumbersOneTabStopPerGroup(t *testing.T) {
	ctx, _ := calculatorTab(t)
	stops := eval[map[string]int](t, ctx, `(() => { const out = {};
		for (const id of ["r-keyfacts", "r-tiers", "r-totals", "r-stages", "r-scaleup"]) {
			const box = document.getElementById(id);
			const groups = box.querySelector("table") ? [...box.querySelectorAll("table")] : [box];
			groups.forEach((g, i) => { out[id + i] = g.querySelectorAll('[data-path][tabindex="0"]').length; });
		} return out; })()`)
	for g, n := range stops {
		if n != 1 {
			t.Errorf("%s: %d Tab stops among its numbers, want 1", g, n)
		}
	}
	press := func(key string) string {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.KeyEvent(key)); err != nil {
			t.Fatal(err)
		}
		return eval[string](t, ctx, `document.activeElement.getAttribute("data-path") || document.activeElement.tagName`)
	}
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(`#r-tiers [data-path][tabindex="0"]`))); err != nil {
		t.Fatal(err)
	}
	first := eval[string](t, ctx, `document.activeElement.getAttribute("data-path")`)
	right := press(keys.ArrowRight)
	down := press(keys.ArrowDown)
	if first != "tiers[0].watts" || right != "tiers[0].pj_per_bit" || down != "tiers[1].pj_per_bit" {
		t.Errorf("arrows moved %s → %s → %s; want tiers[0].watts → tiers[0].pj_per_bit → tiers[1].pj_per_bit", first, right, down)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#r-tiers [data-path][tabindex="0"]').length`); n != 1 {
		t.Errorf("after the arrows, %d Tab stops in the tiers table", n)
	}
	press(keys.Enter)
	if shown := eval[string](t, ctx, `document.getElementById("explain").dataset.shown || ""`); shown != "tiers[1].pj_per_bit" {
		t.Errorf("Enter explained %q", shown)
	}
}

// Wide tables show what a reader needs first. On a desktop the tiers'
// power and energy per bit are in view without scrolling, and a table
// that scrolls says so (a shadow at its hidden edge) and keeps its rows'
// names in view. On a phone every table of records is a card per row:
// nothing runs past the screen's edge, each figure carries its column's
// name, the less-asked ones are one tap away, and a card the reader
// opened stays open through an edit.
func TestTablesShowTheirKeyColumns(t *testing.T) {
	browser := newBrowser(t)
	// cardsOf measures every card table of the page: whether it runs past
	// its column, whether its head shows, whether each shown figure is
	// named as its column is, how many figures are folded away.
	const cardsOf = `[...document.querySelectorAll("table.cards")].map(tb => {
		const wrap = tb.closest(".table-wrap"), heads = [...tb.tHead.rows[0].cells].map(c => c.textContent);
		const body = [...tb.tBodies[0].rows], cells = body.flatMap(r => [...r.cells].slice(1).filter(c => c.colSpan === 1 && !c.classList.contains("card-toggle")));
		const shown = cells.filter(c => c.getClientRects().length > 0);
		const misnamed = shown.filter(c => getComputedStyle(c, "::before").content !== JSON.stringify(heads[c.cellIndex])).length;
		const toggles = tb.querySelectorAll(".card-toggle button").length, seenToggles = [...tb.querySelectorAll(".card-toggle button")].filter(b => b.getClientRects().length > 0).length;
		return {id: tb.id || tb.caption.textContent.slice(0, 40), overflow: wrap.scrollWidth - wrap.clientWidth, headShown: tb.tHead.getBoundingClientRect().height > 2,
			cells: cells.length, shown: shown.length, misnamed, toggles, seenToggles, role: tb.getAttribute("role")};
	})`
	for _, page := range []string{"/calculator/", "/", "/methodology/", "/zh/calculator/", "/zh/"} {
		for _, w := range []int64{390, 1280} {
			if strings.HasPrefix(page, "/zh/") && w > 390 {
				continue // the Chinese pages' cards; their desktop tables are the English ones'
			}
			ctx, cancel := openTab(t, browser, siteURL(t)+page, w, 844)
			if strings.HasSuffix(page, "calculator/") {
				waitLive(t, ctx)
			}
			tables := eval[[]map[string]any](t, ctx, cardsOf)
			if len(tables) == 0 {
				t.Errorf("%s at %d px: no table of records", page, w)
			}
			for _, tb := range tables {
				where := fmt.Sprintf("%s at %d px, table %v", page, w, tb["id"])
				if tb["role"] != "table" {
					t.Errorf("%s: a card table keeps its role as a table: %v", where, tb)
				}
				if w == 390 {
					if tb["overflow"].(float64) > 1 || tb["headShown"] == true || tb["misnamed"].(float64) != 0 || tb["seenToggles"] != tb["toggles"] {
						t.Errorf("%s: not a card per row that fits and names its figures: %v", where, tb)
					}
					if tb["toggles"].(float64) > 0 && tb["shown"] == tb["cells"] {
						t.Errorf("%s: a card with a button for all its figures shows them all already: %v", where, tb)
					}
				} else if tb["headShown"] != true || tb["seenToggles"].(float64) != 0 || tb["shown"] != tb["cells"] {
					t.Errorf("%s: a desktop shows the whole table with its head: %v", where, tb)
				}
			}
			if page == "/calculator/" && w == 390 {
				// One tap opens a tier's card; an edit keeps it open.
				open := `(() => { const tr = document.querySelector("#t-tiers tbody tr"), b = tr.querySelector(".card-toggle button");
					return {expanded: b.getAttribute("aria-expanded"), hidden: [...tr.cells].filter(c => c.getClientRects().length === 0).length, fibre: tr.querySelector('[data-path="tiers[0].fiber_km"]').getClientRects().length > 0}; })()`
				before := eval[map[string]any](t, ctx, open)
				if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#t-tiers tbody tr .card-toggle button`))); err != nil {
					t.Fatal(err)
				}
				after := eval[map[string]any](t, ctx, open)
				typeInto(t, ctx, "gpu_watts", "1100")
				edited := eval[map[string]any](t, ctx, open)
				if before["expanded"] != "false" || before["fibre"] != false || after["expanded"] != "true" || after["fibre"] != true || after["hidden"].(float64) != 0 || edited["fibre"] != true || edited["expanded"] != "true" {
					t.Errorf("a tier's card did not open to all its figures and stay open: before %v, after %v, after an edit %v", before, after, edited)
				}
			}
			if page == "/calculator/" && w == 1280 {
				got := eval[map[string]any](t, ctx, `(() => {
					const wrap = document.querySelector("#r-tiers .table-wrap"), wr = wrap.getBoundingClientRect();
					const heads = [...wrap.querySelectorAll("thead th")].map(th => th.textContent);
					const seen = i => { const r = wrap.querySelectorAll("thead th")[i].getBoundingClientRect(); return r.right <= wr.right + 1; };
					return {power: heads[2], energy: heads[3], powerSeen: seen(2), energySeen: seen(3), scrolls: wrap.scrollWidth > wrap.clientWidth,
						cue: getComputedStyle(wrap).backgroundImage.includes("gradient"), sticky: getComputedStyle(wrap.querySelector("tbody th")).position};
				})()`)
				if got["power"] != "power" || got["energy"] != "energy per bit" || got["powerSeen"] != true || got["energySeen"] != true {
					t.Errorf("%d px: the tiers table's key columns: %v", w, got)
				}
				if got["scrolls"] == true && (got["cue"] != true || got["sticky"] != "sticky") {
					t.Errorf("%d px: the tiers table scrolls without a sign of it: %v", w, got)
				}
			}
			if page == "/" {
				// The claims' verdict beside the topic, on a desktop and in
				// a phone's card.
				claims := eval[map[string]any](t, ctx, `(() => { const tb = document.querySelector("table.claims"), wrap = tb.closest(".table-wrap"), wr = wrap.getBoundingClientRect(), v = tb.tBodies[0].rows[0].cells[1];
					return {head: tb.tHead.rows[0].cells[1].textContent, seen: v.getBoundingClientRect().right <= wr.right + 1 && v.getBoundingClientRect().top < tb.tBodies[0].rows[0].cells[2].getBoundingClientRect().top + 1}; })()`)
				if claims["head"] != "verdict" || claims["seen"] != true {
					t.Errorf("%d px: the claims' verdict: %v", w, claims)
				}
			}
			if page == "/calculator/" || page == "/" {
				sel := map[string]string{"/calculator/": "#r-tiers", "/": "table.claims"}[page]
				if buf, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(sel))); err == nil {
					os.WriteFile(filepath.Join(outDir(t), fmt.Sprintf("tables-%s-%d.png", map[string]string{"/calculator/": "tiers", "/": "claims"}[page], w)), buf, 0o644)
				}
			}
			cancel()
		}
	}
}

// Planes: a GPU's two ports on two planes save a tier, in the tables and
// the totals as core computes them; a plane count that does not divide
// the ports is refused at its field, in both editions, and the results
// stay those of the last valid input.
func TestPlanesInTheCalculator(t *testing.T) {
	eachEdition(t, func(ctx context.Context, page string) {
		typeInto(t, ctx, "scale_out.port_gbps", "400")
		rows := `document.querySelectorAll("#t-tiers tbody tr").length`
		if n := eval[int](t, ctx, rows); n != 4 {
			t.Errorf("%s: two ports per GPU in one tree: %d tiers, want 4", page, n)
		}
		typeInto(t, ctx, "scale_out.planes", "2")
		if n := eval[int](t, ctx, rows); n != 3 {
			t.Errorf("%s: two planes: %d tiers, want 3 (%s)", page, n, text(t, ctx, "results-error"))
		}
		if page == "/calculator/" {
			s := core.DefaultScenario()
			s.ScaleOut.PortGbps, s.ScaleOut.Planes = 400, 2
			checkAgainstCore(t, ctx, s)
		}
		good := text(t, ctx, "r-totals")
		typeInto(t, ctx, "scale_out.planes", "3")
		msg := text(t, ctx, "e-scale_out-planes")
		want := []string{"Planes", "3", "1, 2"}
		if page != "/calculator/" {
			want = []string{"平面数", "3", "1, 2", "约数"}
		}
		for _, w := range want {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: three planes for two ports: the message %q lacks %q", page, msg, w)
			}
		}
		if text(t, ctx, "r-totals") != good {
			t.Errorf("%s: the results changed on a bad plane count", page)
		}
	})
}

// Error correction is each tier's and the domain's choice: auto shows the
// code it chose, the numbers are core's, and an inner code on copper is
// refused at its field with the page kept.
func TestFECInTheCalculator(t *testing.T) {
	eachEdition(t, func(ctx context.Context, page string) {
		if n := eval[int](t, ctx, `document.querySelectorAll('select[data-field$=".fec"]').length`); n < 4 {
			t.Fatalf("%s: %d error-correction choices, want the domain's and each tier's", page, n)
		}
		typeInto(t, ctx, "lane_gbps", "100")
		before := text(t, ctx, "r-scaleup")
		typeInto(t, ctx, "scale_up.fec", "auto")
		typeInto(t, ctx, "tiers[0].fec", "auto")
		su := text(t, ctx, "r-scaleup")
		want := []string{"none (auto)"}
		if page != "/calculator/" {
			want = []string{"无（自动）"}
		}
		for _, w := range want {
			if !strings.Contains(su, w) {
				t.Errorf("%s: the domain's table %q lacks %q", page, su, w)
			}
		}
		if su == before {
			t.Errorf("%s: auto error correction changed nothing", page)
		}
		if page == "/calculator/" {
			s := core.DefaultScenario()
			s.LaneGbps = 100
			s.ScaleUp.FEC = core.FECAuto
			s.Tiers[0].FEC = core.FECAuto
			checkAgainstCore(t, ctx, s)
		}
		typeInto(t, ctx, "tiers[0].tech", "dac")
		good := text(t, ctx, "r-totals")
		typeInto(t, ctx, "tiers[0].fec", "rs_inner")
		msg := text(t, ctx, "e-tiers-0-fec")
		if !strings.Contains(msg, "rs_inner") || !strings.Contains(msg, "auto") {
			t.Errorf("%s: an inner code on copper: the message %q", page, msg)
		}
		if text(t, ctx, "r-totals") != good {
			t.Errorf("%s: the results changed on a refused code", page)
		}
	})
}

// Copper signalling is the domain's choice: both directions on a pair
// carry twice the bandwidth over the reference rack's pairs, as core
// computes; optics refuse it at the field.
func TestSignallingInTheCalculator(t *testing.T) {
	eachEdition(t, func(ctx context.Context, page string) {
		typeInto(t, ctx, "scale_up.gbps_per_gpu", "14400")
		typeInto(t, ctx, "scale_up.signalling", "pam4_bidi")
		su := text(t, ctx, "r-scaleup")
		want := []string{"PAM4, both directions on one pair", "5,184"}
		if page != "/calculator/" {
			want = []string{"PAM4，两个方向共用一对线", "5,184"}
		}
		for _, w := range want {
			if !strings.Contains(su, w) {
				t.Errorf("%s: the domain's table %q lacks %q", page, su, w)
			}
		}
		if page == "/calculator/" {
			s := core.DefaultScenario()
			s.ScaleUp.GbpsPerGPU = 14400
			s.ScaleUp.Signalling = core.SigPAM4Bidi
			checkAgainstCore(t, ctx, s)
		}
		typeInto(t, ctx, "scale_up.signalling", "")
		typeInto(t, ctx, "scale_up.tech", "cpo")
		good := text(t, ctx, "r-scaleup")
		typeInto(t, ctx, "scale_up.signalling", "pam6")
		if msg := text(t, ctx, "e-scale_up-signalling"); !strings.Contains(msg, "pam6") || !strings.Contains(msg, "pam4") {
			t.Errorf("%s: PAM6 on optics: the message %q", page, msg)
		}
		if text(t, ctx, "r-scaleup") != good {
			t.Errorf("%s: the results changed on a refused signalling", page)
		}
	})
}

// A domain past one chip's ports is two levels, shown with its spine, as
// core computes; a spine the domain's copper cannot reach is named at its
// input.
func TestTwoLevelDomainInTheCalculator(t *testing.T) {
	browser := newBrowser(t)
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(siteURL(t)+"/calculator/")); err != nil {
		t.Fatal(err)
	}
	waitLive(t, ctx)
	typeInto(t, ctx, "gpus", "9216")
	typeInto(t, ctx, "scale_up.domain_gpus", "144")
	typeInto(t, ctx, "scale_up.spine_length_m", "5")
	su := text(t, ctx, "r-scaleup")
	for _, w := range []string{"levels of switch chips", "spine switch chips", "spine links"} {
		if !strings.Contains(su, w) {
			t.Errorf("the domain's table %q lacks %q", su, w)
		}
	}
	if !strings.Contains(text(t, ctx, "results-error")+text(t, ctx, "r-scaleup"), "spine") {
		t.Errorf("a DAC spine of 5 m: nothing says the spine fails")
	}
	typeInto(t, ctx, "scale_up.tech", "auto")
	s := core.DefaultScenario()
	s.GPUs = 9216
	s.ScaleUp.DomainGPUs = 144
	s.ScaleUp.SpineLengthM = 5
	s.ScaleUp.Tech = core.Auto
	checkAgainstCore(t, ctx, s)
	typeInto(t, ctx, "scale_up.domain_gpus", "3000")
	if msg := text(t, ctx, "e-scale_up-domain_gpus"); !strings.Contains(msg, "2,592") {
		t.Errorf("a domain beyond two levels: the message %q", msg)
	}
}

// eachEdition runs check on the live calculator of each edition, at
// desktop width.
func eachEdition(t *testing.T, check func(ctx context.Context, page string)) {
	t.Helper()
	browser := newBrowser(t)
	for _, page := range []string{"/calculator/", "/zh/calculator/"} {
		ctx, cancel := openTab(t, browser, siteURL(t)+page, 1280, 900)
		waitLive(t, ctx)
		check(ctx, page)
		cancel()
	}
}

// coreRun is core's result of s and its uncertainty run with the page's
// draws and seed.
func coreRun(t *testing.T, s core.Scenario) (core.Result, core.UncertaintyResult) {
	t.Helper()
	r, err := core.Evaluate(s)
	if err != nil {
		t.Fatal(err)
	}
	u, err := core.Uncertainty(s, bandSamples, bandSeed)
	if err != nil {
		t.Fatal(err)
	}
	return r, u
}

// sameWords checks that the page shows, at each result path, what core
// words for it: at least least of them, and no others.
func sameWords(t *testing.T, what, noun string, got, want map[string]string, least int) {
	t.Helper()
	if len(want) < least || len(got) != len(want) {
		t.Errorf("%s: %d %s shown, core has %d", what, len(got), noun, len(want))
	}
	for p, w := range want {
		if got[p] != w {
			t.Errorf("%s: %s shows %q, core says %q", what, p, got[p], w)
		}
	}
}
