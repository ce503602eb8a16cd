package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	keys "github.com/chromedp/chromedp/kb"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/report"
)

// The explainer's numbers move, as a reader moves them in both editions
// at a phone's and a desktop's width: before the model loads each knob
// says it cannot act yet and the page reads as built; a key, a drag and a
// tap each step a knob; then every fact of the prose is core's for the
// moved scenario (report.ProseFacts, natively), a chart and the claims
// follow, the calculator's links carry the scenario, and the way back
// restores the built page.
func TestProseKnobs(t *testing.T) {
	base := siteURL(t)
	browser := newBrowserForPages(t, 2)
	for i, page := range []struct{ name, path string }{{"prose", "/"}, {"zh-prose", "/zh/"}} {
		cat := editions[i].Cat
		atEachWidth(t, browser, base+page.path, page.name, func(t *testing.T, ctx context.Context, name string, width int64, tr *traffic) {
			facts := func() map[string]string {
				t.Helper()
				raw := eval[string](t, ctx, `JSON.stringify([...document.querySelectorAll("[data-fact]")].map(e => [e.getAttribute("data-fact"), e.textContent]))`)
				var pairs [][2]string
				if err := json.Unmarshal([]byte(raw), &pairs); err != nil {
					t.Fatal(err)
				}
				m := map[string]string{}
				for _, p := range pairs {
					if old, ok := m[p[0]]; ok && old != p[1] {
						t.Errorf("fact %s reads %q in one place and %q in another", p[0], old, p[1])
					}
					m[p[0]] = p[1]
				}
				return m
			}
			want := func(s core.Scenario) map[string]string {
				t.Helper()
				r, err := core.Evaluate(s)
				if err != nil {
					t.Fatal(err)
				}
				f, err := report.In(cat).ProseFacts(s, &r, nil)
				if err != nil {
					t.Fatal(err)
				}
				return f
			}
			same := func(what string, got, want map[string]string) {
				t.Helper()
				n := 0
				for k, v := range got {
					if strings.HasPrefix(k, "unc_") {
						continue
					}
					w, ok := want[k]
					if !ok {
						t.Errorf("%s: the page has a fact %s that core does not write", what, k)
					} else if v != w {
						t.Errorf("%s: %s reads %q, core's %q", what, k, v, w)
					}
					n++
				}
				if n < 20 {
					t.Errorf("%s: only %d facts follow the scenario", what, n)
				}
			}
			built := facts()
			same("as built", built, want(core.DefaultScenario()))
			if n := eval[int](t, ctx, `document.querySelectorAll('[data-knob] [role=slider][aria-valuemin][aria-valuemax][aria-valuenow][aria-valuetext][aria-label][tabindex="0"][aria-disabled="true"]').length`); n != 4 {
				t.Fatalf("%d knobs that say they cannot act yet, with their name, value and range", n)
			}
			sel := func(key string) string { return `[data-knob="` + key + `"] [role=slider]` }
			// By keyboard: half the GPUs.
			eval[bool](t, ctx, `(() => { document.querySelector('`+sel("gpus")+`').scrollIntoView({block: "center"}); return true; })()`)
			if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(sel("gpus"))), chromedp.KeyEvent(keys.ArrowLeft)); err != nil {
				t.Fatal(err)
			}
			s := core.DefaultScenario()
			s.GPUs = 32768
			waitFact := func(key, value string) {
				t.Helper()
				js := `[...document.querySelectorAll('[data-fact="` + key + `"]')].every(e => e.textContent === ` + quoteJS(value) + `)`
				if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
					t.Fatalf("%s did not become %q: %v (status %q)", key, value, err, eval[string](t, ctx, `document.querySelector("[data-prose-status]").textContent`))
				}
			}
			w := want(s)
			waitFact("gpus", w["gpus"])
			same("after a key", facts(), w)
			if v := eval[string](t, ctx, `document.querySelector('`+sel("gpus")+`').getAttribute("aria-valuenow") + "|" + document.querySelector('`+sel("gpus")+`').getAttribute("aria-valuetext") + "|" + document.querySelector('`+sel("gpus")+`').hasAttribute("aria-disabled")`); v != "32768|"+w["gpus"]+"|false" {
				t.Errorf("the GPUs' knob says %q", v)
			}
			if built["stage_dsp"] == w["stage_dsp"] {
				t.Error("the interconnect power did not change with the GPUs")
			}
			r, err := core.Evaluate(s)
			if err != nil {
				t.Fatal(err)
			}
			link := eval[string](t, ctx, `document.querySelector(".cta a.button").getAttribute("href")`)
			if !strings.HasSuffix(link, "#"+r.Permalink()) {
				t.Errorf("the calculator's button leads to %q, not to %s", link, r.Permalink())
			}
			// The claims follow, and once the draws are in say how sure.
			heatSays := mustClaims(t, cat, s, &r)[2].Says
			if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const c = document.querySelectorAll("table.claims tbody tr")[2].children[3]; return c.textContent.startsWith(`+quoteJS(heatSays)+`) && document.querySelector("table.claims").getAttribute("aria-busy") === "false" && !!document.querySelector("table.claims .claim-sure"); })()`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
				t.Errorf("the heat claim does not say core's words for the moved cluster, with the draws: %q, want it to begin %q", eval[string](t, ctx, `document.querySelectorAll("table.claims tbody tr")[2].children[3].textContent`), heatSays)
			}
			if n := eval[int](t, ctx, `document.querySelectorAll("table.claims tbody tr .claim-sure").length`); n == 0 {
				t.Error("after the draws no claim says how sure")
			}
			// By a drag: the lane rate one step down, and the charts that
			// follow the lane (energy per bit) are redrawn.
			waitCharts(t, ctx, 9)
			eval[bool](t, ctx, `(() => { window.cpocharts.drawPending(); return true; })()`)
			energy := eval[string](t, ctx, `JSON.stringify(window.cpocharts.get("energy-per-bit").getOption().series.map(s => s.data))`)
			eval[bool](t, ctx, `(() => { document.querySelector('`+sel("lane_gbps")+`').scrollIntoView({block: "center"}); return true; })()`)
			box := eval[[]float64](t, ctx, `(() => { const r = document.querySelector('`+sel("lane_gbps")+`').getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
			drag := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
				steps := []*input.DispatchMouseEventParams{
					{Type: input.DispatchMouseEventTypeMousePressed, X: box[0], Y: box[1], Button: input.MouseButtonLeft, ClickCount: 1},
					{Type: input.DispatchMouseEventTypeMouseMoved, X: box[0] - 15, Y: box[1], Button: input.MouseButtonLeft},
					{Type: input.DispatchMouseEventTypeMouseMoved, X: box[0] - 30, Y: box[1], Button: input.MouseButtonLeft},
					{Type: input.DispatchMouseEventTypeMouseReleased, X: box[0] - 30, Y: box[1], Button: input.MouseButtonLeft, ClickCount: 1},
				}
				for _, p := range steps {
					if _, err := chromedp.Call(ctx, input.DispatchMouseEvent, *p); err != nil {
						return chromedp.Void{}, err
					}
				}
				return chromedp.Void{}, nil
			}
			if err := chromedp.Do(ctx, drag); err != nil {
				t.Fatal(err)
			}
			s.LaneGbps = 100
			w = want(s)
			waitFact("lane", w["lane"])
			same("after a drag", facts(), w)
			eval[bool](t, ctx, `(() => { window.cpocharts.drawPending(); return true; })()`)
			if after := eval[string](t, ctx, `JSON.stringify(window.cpocharts.get("energy-per-bit").getOption().series.map(s => s.data))`); after == energy {
				t.Error("the energy chart did not follow the lane rate")
			}
			// By a tap on +: the hall's links one step longer.
			// (The button's own click: a click at coordinates may land
			// while the page still scrolls on a loaded machine.)
			eval[bool](t, ctx, `(() => { const b = document.querySelector('[data-knob="tiers.2.length_m"] .knob-step[data-dir="1"]'); b.scrollIntoView({block: "center"}); b.click(); return true; })()`)
			s.Tiers = append([]core.Tier(nil), s.Tiers...)
			s.Tiers[2].LengthM = 400
			w = want(s)
			waitFact("hall_m", w["hall_m"])
			same("after a tap", facts(), w)
			viewportShot(t, ctx, name+"-moved")
			// The calculator opens on the reader's cluster.
			r, err = core.Evaluate(s)
			if err != nil {
				t.Fatal(err)
			}
			if h := eval[string](t, ctx, `document.querySelector("[data-prose-open]").getAttribute("href")`); !strings.HasSuffix(h, "#"+r.Permalink()) {
				t.Errorf("the prose's calculator link %q, core's %s", h, r.Permalink())
			}
			// The way back.
			eval[bool](t, ctx, `(() => { document.querySelector("[data-prose-reset]").click(); return true; })()`)
			waitFact("hall_m", built["hall_m"])
			if back := facts(); len(back) != len(built) {
				t.Errorf("%d facts after the way back, %d built", len(back), len(built))
			} else {
				for k, v := range built {
					if back[k] != v {
						t.Errorf("after the way back %s reads %q, built %q", k, back[k], v)
					}
				}
			}
			checkTraffic(t, name, tr)
		})
	}
}

func mustClaims(t *testing.T, cat *label.Catalogue, s core.Scenario, r *core.Result) []report.Claim {
	t.Helper()
	c, err := report.In(cat).Claims(s, r, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// quoteJS writes a string as a JavaScript literal.
func quoteJS(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
