package main

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/figures"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/label/pagewords"
	"github.com/cpocalc/cpocalc/core/report"
)

// What moves the numbers: the build draws the default's interconnect
// power; the reader picks another headline, or changes the scenario, and
// the chart, its caption and its table follow core's tornado.
func TestTornado(t *testing.T) {
	ctx, tr := calculatorTab(t)
	parts := func(s core.Scenario, path string) report.TornadoParts {
		t.Helper()
		r, u := coreRun(t, s)
		for _, p := range report.In(label.English).Tornadoes(&r, &u) {
			if p.Figure.Path == path {
				return p
			}
		}
		t.Fatalf("no tornado for %s", path)
		return report.TornadoParts{}
	}
	type shown struct {
		Axis, Unit, Words, Table string
		Names                    []string
		Low, High                []float64
	}
	read := func() shown {
		t.Helper()
		eval[bool](t, ctx, `(() => { document.getElementById("fig-tornado").scrollIntoView(); window.cpocalcPage.drawPending(); return true; })()`)
		return eval[shown](t, ctx, `(() => { const v = d => (d !== null && typeof d === "object") ? d.value : d; const o = window.cpocharts.get("tornado").getOption(); const f = document.getElementById("fig-tornado");
			return {axis: o.xAxis[0].name, unit: document.getElementById("tornado").getAttribute("data-unit"), words: f.querySelector(".cap-text").textContent,
				table: f.querySelector("details.chart-data .table-wrap").outerHTML, names: o.yAxis[0].data, low: o.series[0].data.map(v), high: o.series[1].data.map(v)}; })()`)
	}
	check := func(what string, want report.TornadoParts) {
		t.Helper()
		got := read()
		f := want.Figure
		if got.Axis != "change ("+f.Unit+")" || got.Unit != f.Unit || got.Words != want.Words {
			t.Errorf("%s: axis %q unit %q words %q; core: %q, %q", what, got.Axis, got.Unit, got.Words, f.Unit, want.Words)
		}
		if strings.Join(got.Names, "|") != strings.Join(f.Names, "|") || len(got.Low) != len(f.Low) {
			t.Fatalf("%s: parameters %v, core %v", what, got.Names, f.Names)
		}
		for i := range f.Low {
			if !near(got.Low[i], f.Low[i]) || !near(got.High[i], f.High[i]) {
				t.Errorf("%s: %s at %v/%v, core %v/%v", what, f.Names[i], got.Low[i], got.High[i], f.Low[i], f.High[i])
			}
		}
		if htmlText(t, ctx, got.Table) != htmlText(t, ctx, want.Table) {
			t.Errorf("%s: the table is not core's", what)
		}
	}
	def := core.DefaultScenario()
	check("the build's default", parts(def, "totals.interconnect_watts"))
	viewportShot(t, ctx, "tornado-1280")

	// Another headline: the worker runs the default and the chart follows.
	eval[bool](t, ctx, `(() => { const s = document.getElementById("tornado-for"); s.value = "totals.mtbf_hours"; s.dispatchEvent(new Event("change")); return true; })()`)
	waitTornado := func(unit string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!document.getElementById("fig-tornado").classList.contains("band-pending") && document.getElementById("tornado").getAttribute("data-unit") === "`+unit+`"`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
			t.Fatalf("the tornado did not follow: %v", err)
		}
	}
	waitTornado("h")
	check("the default's MTBF", parts(def, "totals.mtbf_hours"))

	// Another scenario: the pick stays, the bars are the new scenario's.
	typeInto(t, ctx, "gpus", "16384")
	s := def
	s.GPUs = 16384
	want := parts(s, "totals.mtbf_hours")
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("#fig-tornado .cap-text").textContent === `+jsString(want.Words), chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Fatalf("the tornado did not follow the scenario: %q", read().Words)
	}
	check("16,384 GPUs' MTBF", want)

	// A parameter the reader sets: the caption says so, and its bar stays,
	// marked.
	typeInto(t, ctx, "params.serdes_lr_pj", "6")
	eval[bool](t, ctx, `(() => { const s = document.getElementById("tornado-for"); s.value = "totals.interconnect_watts"; s.dispatchEvent(new Event("change")); return true; })()`)
	s.Params = map[string]float64{"serdes_lr_pj": 6}
	want = parts(s, "totals.interconnect_watts")
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("#fig-tornado .cap-text").textContent === `+jsString(want.Words), chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Fatalf("the tornado did not follow a parameter the reader set: %q, want %q", read().Words, want.Words)
	}
	check("a parameter set", want)
	if got := read(); !strings.Contains(got.Words, "you set") || !strings.Contains(strings.Join(got.Names, "|"), "(you set it)") {
		t.Errorf("a parameter the reader set: caption %q, bars %v", got.Words, got.Names)
	}
	viewportShot(t, ctx, "tornado-set-1280")

	// The cluster chart's error bars are core's, for the scenario shown.
	r, _ := core.Evaluate(s)
	u, err := core.Uncertainty(s, bandSamples, bandSeed)
	if err != nil {
		t.Fatal(err)
	}
	bars := figures.ClusterBars(label.English, &r, &u)
	eval[bool](t, ctx, `(() => { document.getElementById("fig-cluster-power").scrollIntoView(); window.cpocalcPage.drawPending(); return true; })()`)
	type bar struct {
		Name string
		Data [][2]float64
	}
	got := eval[[]bar](t, ctx, `window.cpocharts.get("cluster-power").getOption().series.filter(s => /^90 % range: /.test(s.name) && s.data.length).map(s => ({name: s.name, data: s.data}))`)
	if len(bars) < 4 || len(got) != len(bars) {
		t.Fatalf("%d error bars drawn, core has %d", len(got), len(bars))
	}
	for i, b := range bars {
		g := got[i]
		if g.Name != pagewords.English.Format("js.chart.band", "name", b.Name) || len(g.Data) != 2 || !near(g.Data[0][1], b.Low) || !near(g.Data[1][1], b.High) || g.Data[0][0] < 0.6*16384 || g.Data[0][0] > 1.6*16384 {
			t.Errorf("error bar %d: %+v, core %+v", i, g, b)
		}
	}
	for _, e := range tr.snapshot().exceptions {
		t.Errorf("uncaught exception: %s", e)
	}
}

// near compares a chart's value (four figures) with core's.
func near(a, b float64) bool {
	d := a - b
	if d < 0 {
		d = -d
	}
	m := b
	if m < 0 {
		m = -m
	}
	return d <= 1e-3*m+1e-9
}

// jsString writes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// The sweep on the calculator follows the reader: an edit redraws it for
// the new scenario, a picked input or headline redraws it for that, and
// every line is core's sweep of the scenario shown (a gap where a stage
// cannot build the cluster).
func TestSweepFollowsTheReader(t *testing.T) {
	ctx, tr := calculatorTab(t)
	type line struct {
		Name string   `json:"name"`
		Data [][2]any `json:"data"`
	}
	shown := func() []line {
		t.Helper()
		raw := eval[string](t, ctx, `JSON.stringify(window.cpocharts.get("sweep").getOption().series.map(s => ({name: s.name, data: s.data})))`)
		var out []line
		if err := json.Unmarshal([]byte(raw), &out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	wait := func(what string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!document.getElementById("fig-sweep").classList.contains("band-pending")`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			t.Fatalf("%s: the sweep still computing: %v", what, err)
		}
	}
	check := func(what string, s core.Scenario, input, headline string) {
		t.Helper()
		want, err := core.Sweep(label.English, s, input, headline, 25)
		if err != nil {
			t.Fatal(err)
		}
		got := shown()
		if len(got) != len(want.Lines) {
			t.Fatalf("%s: %d lines, core has %d", what, len(got), len(want.Lines))
		}
		for j, l := range want.Lines {
			if got[j].Name != l.Name || len(got[j].Data) != len(want.X) {
				t.Errorf("%s: line %d is %q with %d points; core's %q with %d", what, j, got[j].Name, len(got[j].Data), l.Name, len(want.X))
				continue
			}
			for i, v := range l.Values {
				y, isNum := got[j].Data[i][1].(float64)
				if math.IsNaN(v) != !isNum || isNum && math.Abs(y-v) > 1e-6*math.Abs(v) {
					t.Errorf("%s: %s at %v shows %v, core %v", what, l.Stage, want.X[i], got[j].Data[i][1], v)
					break
				}
			}
		}
	}
	eval[bool](t, ctx, `(() => { document.getElementById("fig-sweep").scrollIntoView(); return true; })()`)
	typeInto(t, ctx, "pue", "1.5")
	wait("after an edit")
	s := core.DefaultScenario()
	s.PUE = 1.5
	check("after an edit", s, "gpus", "totals.interconnect_watts_per_gpu")
	eval[bool](t, ctx, `(() => { const i = document.getElementById("sweep-input"); i.value = "lane_gbps"; i.dispatchEvent(new Event("change")); const h = document.getElementById("sweep-headline"); h.value = "tiers[0].max_reach_m"; h.dispatchEvent(new Event("change")); return true; })()`)
	wait("after a pick")
	check("after a pick", s, "lane_gbps", "tiers[0].max_reach_m")
	checkTraffic(t, "sweep", tr)
}
