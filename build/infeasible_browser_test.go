package main

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/label/zh"
	"github.com/cpocalc/cpocalc/core/report"
)

// A cluster that cannot be built never looks like a result: every figure
// says so where it stands (the key figures, the phone's summary of them,
// the totals, the scale-up table), the headline says first what fails,
// naming the part, the technology and the budget, the input that makes it
// fail carries the message, and the CSV says so before its numbers. The
// stages' messages name the end that fails. A buildable cluster shows
// none of it. Both editions; at a phone's width and a desktop's.
func TestInfeasibleSaysSo(t *testing.T) {
	browser := newBrowser(t)
	type state struct {
		Cards, Badges, SummaryBadges  int
		Headline, Caption, FirstTotal string
		ScaleUpReaches, Stages        string
		FieldErrors                   map[string]string
	}
	for _, c := range []struct {
		name, path, link, field, part, badge string
		width                                int64
	}{
		{"lane-400-1280", "/calculator/", "#v=1&lane_gbps=400", "scale_up.tech", "at the scale-up domain, passive copper (DAC) cannot run 400 Gb/s lanes", "not buildable", 1280},
		{"lane-400-390", "/calculator/", "#v=1&lane_gbps=400", "scale_up.tech", "at the scale-up domain, passive copper (DAC) cannot run 400 Gb/s lanes", "not buildable", 390},
		{"dac-3m-1280", "/calculator/", "#v=1&tiers.0.tech=dac", "tiers[0].length_m", "passive copper (DAC) reaches", "not buildable", 1280},
		{"zh-lane-400-390", "/zh/calculator/", "#v=1&lane_gbps=400", "scale_up.tech", "纵向扩展域", zh.Catalogue.Get("report.not_buildable"), 390},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(browser)
			defer cancel()
			tr := watch(ctx)
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(c.width, 844), chromedp.Navigate(siteURL(t)+c.path+c.link)); err != nil {
				t.Fatal(err)
			}
			waitLive(t, ctx)
			got := eval[state](t, ctx, `(() => {
				const txt = id => { const e = document.getElementById(id); return e ? e.textContent : ""; };
				const errs = {};
				document.querySelectorAll("[data-field][aria-invalid=true]").forEach(el => { errs[el.getAttribute("data-field")] = txt(el.id.replace(/^f-/, "e-")); });
				const te = document.getElementById("e-tiers"); if (te && !te.hidden) errs["tiers"] = te.textContent;
				const rows = [...document.querySelectorAll("#t-scaleup tbody tr")];
				return {
					Cards: document.querySelectorAll("#r-keyfacts [role=listitem]").length,
					Badges: document.querySelectorAll("#r-keyfacts [role=listitem] .not-buildable").length,
					SummaryBadges: document.querySelectorAll("#r-summary-facts .not-buildable").length,
					Headline: txt("r-headline"),
					Caption: (document.querySelector("#t-totals caption") || {}).textContent || "",
					FirstTotal: (document.querySelector("#t-totals tbody tr") || {}).textContent || "",
					ScaleUpReaches: rows.map(r => r.textContent).join(" | "),
					Stages: txt("r-stages"),
					FieldErrors: errs,
				};
			})()`)
			if got.Cards == 0 || got.Badges != got.Cards || got.SummaryBadges != got.Cards {
				t.Errorf("%d key figures, %d marked, %d marked in the summary bar", got.Cards, got.Badges, got.SummaryBadges)
			}
			if !strings.Contains(got.Headline, c.part) || !strings.Contains(got.Caption, c.badge) || !strings.Contains(got.FirstTotal, c.part) {
				t.Errorf("the headline %q, the totals' caption %q and first row %q do not say what fails (%q)", got.Headline, got.Caption, got.FirstTotal, c.part)
			}
			if msg := got.FieldErrors[c.field]; !strings.Contains(msg, c.part) {
				t.Errorf("the input %s says %q; the fields marked: %v", c.field, msg, got.FieldErrors)
			}
			if strings.Contains(c.link, "400") && !strings.HasPrefix(c.path, "/zh/") {
				if !strings.Contains(got.Stages, "at tier 1 (GPU to leaf), its NIC end, pluggable optics with DSP cannot run 400 Gb/s lanes: its host-to-module (chip to module) channel is") {
					t.Errorf("the stages do not name the NIC end's DSP module: %s", got.Stages)
				}
				if strings.Contains(got.Stages, "co-packaged optics (CPO) cannot run") {
					t.Errorf("the stages still say co-packaged optics cannot run 400 Gb/s lanes: %s", got.Stages)
				}
				if !strings.Contains(got.ScaleUpReaches, "reaches its length") || !strings.Contains(got.ScaleUpReaches, "no") {
					t.Errorf("the scale-up table: %s", got.ScaleUpReaches)
				}
				csv := exportAll(t, ctx)["cpocalc-results.csv"]
				if !strings.HasPrefix(csv, "# not buildable") || !strings.Contains(strings.SplitN(csv, "# tiers", 2)[0], c.part) {
					t.Errorf("the CSV does not start by saying what fails: %.300s", csv)
				}
			}
			viewportShot(t, ctx, "infeasible-"+c.name)
			checkNoRawKeys(t, ctx, c.name)
			checkAxe(t, ctx, c.name)
			for _, e := range tr.snapshot().exceptions {
				t.Errorf("exception: %s", e)
			}
		})
	}
	// The model agrees: these clusters cannot be built, and the default
	// can; the default's page marks nothing.
	s := core.DefaultScenario()
	s.LaneGbps = 400
	if r, err := core.Evaluate(s); err != nil || r.Totals.Feasible {
		t.Fatalf("400 Gb/s lanes: feasible %v (%v)", r.Totals.Feasible, err)
	}
	ctx, _ := openCalculator(t, browser, "")
	if n := eval[int](t, ctx, `document.querySelectorAll(".not-buildable, [aria-invalid=true], table.infeasible").length`); n != 0 {
		t.Errorf("the default scenario shows %d marks of a cluster that cannot be built", n)
	}
	if r, _ := core.Evaluate(core.DefaultScenario()); !r.Totals.Feasible || strings.Contains(report.In(label.English).Headline(&r), "cannot be built") {
		t.Error("the default scenario is not buildable")
	}
}
