package main

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/report"
)

// Two scenarios side by side, as a reader uses them: pin the default as
// A, change the GPU count, and every number shows B − A as core words
// it; the charts draw A as ghosts; the address carries both and opens
// both again; the exports hold both; unpinning takes it all away.
func TestCompareScenarios(t *testing.T) {
	browser := newBrowser(t)
	ctx, tr := openCalculator(t, browser, "")
	click := func(id string) {
		t.Helper()
		eval[bool](t, ctx, `(() => { document.getElementById("`+id+`").click(); return true; })()`)
	}
	click("pin-a")
	if eval[string](t, ctx, `document.getElementById("pin-a").getAttribute("aria-pressed")`) != "true" || eval[bool](t, ctx, `document.getElementById("compare-bar").hidden`) {
		t.Fatal("pinning did not show the comparison")
	}
	typeInto(t, ctx, "gpus", "131072")
	eval[bool](t, ctx, `(() => { window.cpocalcPage.flushURL(); return true; })()`)
	if h := eval[string](t, ctx, `location.hash`); h != "#"+core.VersionedLink("v=1&gpus=131072&a.v=1") {
		t.Errorf("the address is %q, want B's link and A's", h)
	}

	sa, sb := core.DefaultScenario(), core.DefaultScenario()
	sb.GPUs = 131072
	ra, _ := core.Evaluate(sa)
	rb, _ := core.Evaluate(sb)
	want := report.In(label.English).Deltas(&ra, &rb, report.In(label.English).Render(&rb, nil))
	shown := func() map[string]string {
		return eval[map[string]string](t, ctx, `Object.fromEntries([...document.querySelectorAll("#r-keyfacts [data-path], #r-tiers [data-path], #r-totals [data-path], #r-stages [data-path], #r-scaleup [data-path]")].filter(e => e.querySelector(".delta")).map(e => [e.getAttribute("data-path"), e.querySelector(".delta").textContent]))`)
	}
	checkDeltas := func(what string) {
		t.Helper()
		got := shown()
		sameWords(t, what, "deltas", got, want, 50)
		if !strings.HasPrefix(got["totals.interconnect_watts"], "+") {
			t.Errorf("%s: the interconnect power's delta is %q", what, got["totals.interconnect_watts"])
		}
	}
	checkDeltas("after pinning")
	eval[bool](t, ctx, `(() => { document.getElementById("compare-bar").scrollIntoView(); return true; })()`)
	viewportShot(t, ctx, "compare-1280")

	// The charts: A's dashed lines beside B's, and A's totals on the bars.
	eval[bool](t, ctx, `(() => { window.cpocalcPage.drawPending(); return true; })()`)
	type series struct {
		Name string
		N    int
	}
	ghosts := func(id string) []series {
		return eval[[]series](t, ctx, `window.cpocharts.get("`+id+`").getOption().series.filter(s => /^A: /.test(s.name)).map(s => ({name: s.name, n: (s.data || []).length}))`)
	}
	if g := ghosts("cluster-power"); len(g) < 5 || g[0].N == 0 {
		t.Errorf("cluster chart ghosts: %+v", g)
	}
	if g := ghosts("energy-per-bit"); len(g) != 1 || g[0].N == 0 {
		t.Errorf("energy chart ghost: %+v", g)
	}
	if g := ghosts("copper-wall"); len(g) < 3 || g[0].N == 0 {
		t.Errorf("copper-wall ghosts: %+v", g)
	}

	// The exports hold both.
	files := exportAll(t, ctx)
	var c struct {
		A, B   struct{ Permalink string }
		Deltas []struct {
			Path       string
			A, B, Diff float64
		}
	}
	if err := json.Unmarshal([]byte(files["cpocalc-comparison.json"]), &c); err != nil {
		t.Fatalf("comparison JSON: %v (files %v)", err, len(files))
	}
	if c.A.Permalink != "v=1" || c.B.Permalink != "v=1&gpus=131072" || len(c.Deltas) < 100 {
		t.Errorf("comparison JSON: A %q, B %q, %d deltas", c.A.Permalink, c.B.Permalink, len(c.Deltas))
	}
	for _, d := range c.Deltas {
		if d.Path == "totals.interconnect_watts" && (d.Diff != d.B-d.A || d.A != float64(ra.Totals.InterconnectPower) || d.B != float64(rb.Totals.InterconnectPower)) {
			t.Errorf("interconnect watts in the export: %+v", d)
		}
	}
	if csv := files["cpocalc-comparison.csv"]; !regexp.MustCompile(`\nA,http://[^\n#]+/calculator/\nB,http://[^\n]+/calculator/#v=1&gpus=131072\n`).MatchString(csv) || !strings.Contains(csv, "\ntotals.interconnect_watts,W,") || !strings.Contains(csv, "# tiers") {
		t.Errorf("comparison CSV: %.400s", csv)
	}
	var both struct{ A, B core.Scenario }
	if err := json.Unmarshal([]byte(files["cpocalc-scenarios.json"]), &both); err != nil || both.A.GPUs != 65536 || both.B.GPUs != 131072 {
		t.Errorf("scenarios JSON: %v %.200s", err, files["cpocalc-scenarios.json"])
	}

	// The shared link opens both.
	ctx2, _ := openCalculator(t, browser, "#v=1&gpus=131072&a.v=1")
	if eval[bool](t, ctx2, `!window.cpocalcPage.pinned() || document.getElementById("compare-bar").hidden`) {
		t.Fatal("the shared link did not pin A")
	}
	ctx, ctx2 = ctx2, ctx
	checkDeltas("from the shared link")
	ctx = ctx2

	// Swap, then unpin.
	click("swap-ab")
	if v := eval[string](t, ctx, `document.getElementById("f-gpus").value`); v != "65536" {
		t.Errorf("after the swap B has %s GPUs", v)
	}
	if p := eval[string](t, ctx, `window.cpocalcPage.pinned().permalink`); p != "v=1&gpus=131072" {
		t.Errorf("after the swap A is %q", p)
	}
	click("unpin-a")
	eval[bool](t, ctx, `(() => { window.cpocalcPage.flushURL(); return true; })()`)
	if n := eval[int](t, ctx, `document.querySelectorAll(".delta").length`); n != 0 {
		t.Errorf("%d deltas after unpinning", n)
	}
	if h := eval[string](t, ctx, `location.hash`); h != "" {
		t.Errorf("after unpinning the address is %q", h)
	}
	eval[bool](t, ctx, `(() => { window.cpocalcPage.drawPending(); return true; })()`)
	if g := ghosts("cluster-power"); len(g) > 0 && g[0].N != 0 {
		t.Errorf("ghosts after unpinning: %+v", g)
	}
	if g := ghosts("copper-wall"); len(g) > 0 {
		t.Errorf("the copper wall keeps %d ghost series after unpinning", len(g))
	}

	// A link whose A cannot be read says so and shows no comparison.
	ctx3, _ := openCalculator(t, browser, "#v=1&gpus=4096&a.v=1&a.gpus=-5")
	if _, err := chromedp.Run(ctx3, chromedp.Poll[bool](`!document.getElementById("permalink-message").hidden`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatal("no message for a bad scenario A")
	}
	if msg := text(t, ctx3, "permalink-message"); !strings.Contains(msg, "scenario A") || !strings.Contains(msg, "gpus") {
		t.Errorf("bad A: %q", msg)
	}
	for _, e := range tr.snapshot().exceptions {
		t.Errorf("uncaught exception: %s", e)
	}
}

// Everything the calculator saves loads back: a pinned pair's scenarios,
// a comparison, and results restore what they hold (A pinned again, B in
// the form), and say what they restored; a CSV is still refused with its
// message, the form untouched.
func TestExportsLoadBack(t *testing.T) {
	ctx, _ := calculatorTab(t)
	click := func(id string) {
		t.Helper()
		eval[bool](t, ctx, `(() => { document.getElementById("`+id+`").click(); return true; })()`)
	}
	typeInto(t, ctx, "gpus", "8192")
	click("pin-a")
	typeInto(t, ctx, "gpus", "4096")
	pairFiles := exportAll(t, ctx)
	// The comparison's CSV cites A and B by their whole addresses.
	if csv := pairFiles["cpocalc-comparison.csv"]; !regexp.MustCompile(`\nA,http://[^\n]+/calculator/#v=1&gpus=8192\nB,http://[^\n]+/calculator/#v=1&gpus=4096\n`).MatchString(csv) {
		t.Errorf("the comparison's CSV does not give A's and B's addresses: %.300s", csv)
	}
	click("unpin-a")
	resultFiles := exportAll(t, ctx)
	if csv := resultFiles["cpocalc-results.csv"]; !regexp.MustCompile(`(?m)^# scenario,http://[^\n]+/calculator/#v=1&gpus=4096$`).MatchString(csv) {
		t.Errorf("the results' CSV does not give its scenario's address: %.300s", csv)
	}
	dir := t.TempDir()
	state := func() (string, string) {
		return eval[string](t, ctx, `document.getElementById("f-gpus").value`),
			eval[string](t, ctx, `(() => { const p = window.cpocalcPage.pinned(); return p ? p.permalink : ""; })()`)
	}
	for _, c := range []struct {
		name, body, say, pinned string
	}{
		{"cpocalc-scenarios.json", pairFiles["cpocalc-scenarios.json"], "scenario A is pinned", "v=1&gpus=8192"},
		{"cpocalc-comparison.json", pairFiles["cpocalc-comparison.json"], "comparison's scenario B", "v=1&gpus=8192"},
		{"cpocalc-results.json", resultFiles["cpocalc-results.json"], "the scenario these results are for", ""},
		{"cpocalc-scenario.json", resultFiles["cpocalc-scenario.json"], "Loaded cpocalc-scenario.json.", ""},
	} {
		if c.body == "" {
			t.Fatalf("no %s was saved: %v", c.name, keysOf(pairFiles, resultFiles))
		}
		click("reset-all")
		if g, p := state(); g != "65536" || p != "" {
			t.Fatalf("reset: %s GPUs, pinned %q", g, p)
		}
		msg, err := importFile(t, ctx, filepath.Join(dir, c.name), c.body)
		if err != nil || !strings.Contains(msg, c.say) {
			t.Errorf("%s: %q (%v), want it to say %q", c.name, msg, err, c.say)
		}
		if g, p := state(); g != "4096" || p != c.pinned {
			t.Errorf("%s restored %s GPUs and A %q, want 4096 and %q", c.name, g, p, c.pinned)
		}
		if c.pinned != "" {
			click("unpin-a")
		}
	}
	// A CSV: refused, the form as it was.
	msg, err := importFile(t, ctx, filepath.Join(dir, "cpocalc-results.csv"), resultFiles["cpocalc-results.csv"])
	if err != nil || !strings.Contains(msg, "cannot read back") {
		t.Errorf("a CSV: %q (%v)", msg, err)
	}
	if g, _ := state(); g != "4096" {
		t.Errorf("a refused CSV changed the form: %s GPUs", g)
	}
}

func keysOf(ms ...map[string]string) []string {
	var out []string
	for _, m := range ms {
		for k := range m {
			out = append(out, k)
		}
	}
	return out
}
