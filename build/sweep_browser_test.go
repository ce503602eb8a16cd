package main

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
)

// The sweep on the calculator follows the reader: an edit redraws it for
// the new scenario, a picked input or headline redraws it for that, and
// every line is core's sweep of the scenario shown (a gap where a stage
// cannot build the cluster).
func TestSweepFollowsTheReader(t *testing.T) {
	browser := newBrowser(t)
	ctx, tr := openCalculator(t, browser, "")
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
