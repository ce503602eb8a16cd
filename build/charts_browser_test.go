package main

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cpocalc/cpocalc/core"
)

// The charts as a reader sees them, at a phone's width and a desktop's:
// each x axis's name drawn inside its box, the whole legend shown (not
// paged), tooltips with units, without zero rows, and a stacked bar's
// total.
func TestChartsReadable(t *testing.T) {
	browser := newBrowser(t)
	for _, w := range []int64{360, 1280} {
		ctx, cancel := openTab(t, browser, siteURL(t)+"/", w, 900)
		eval[bool](t, ctx, `(() => { window.cpocharts.drawPending(); return true; })()`)
		waitCharts(t, ctx, 9)
		problems := eval[[]string](t, ctx, `(() => {
			const out = [];
			for (const id of window.cpocharts.ids()) {
				const c = window.cpocharts.get(id), box = c.getDom().getBoundingClientRect(), o = c.getOption();
				// The x axis's name, inside the box.
				const name = o.xAxis && o.xAxis[0] && o.xAxis[0].name;
				if (name) {
					const el = Array.from(c.getDom().querySelectorAll("svg text")).find(t => t.textContent === name);
					if (!el) { out.push(id + ": no x-axis name drawn"); }
					else {
						const r = el.getBoundingClientRect();
						if (r.bottom > box.bottom + 1 || r.top < box.top) out.push(id + ": x-axis name outside the box");
					}
				}
				// Every legend name drawn, none paged away.
				if (o.legend && o.legend[0] && o.legend[0].show !== false) {
					if (o.legend[0].type === "scroll") out.push(id + ": a paged legend");
					const texts = Array.from(c.getDom().querySelectorAll("svg text")).map(t => t.textContent);
					for (const s of o.series) if (s.name && !texts.includes(s.name)) out.push(id + ": legend lacks " + s.name);
				}
				// No label cut at the box's edges.
				for (const t of c.getDom().querySelectorAll("svg text")) {
					const r = t.getBoundingClientRect();
					if (r.width && (r.left < box.left - 1 || r.right > box.right + 1)) out.push(id + ": text cut at the edge: " + t.textContent);
				}
			}
			return out;
		})()`)
		for _, p := range problems {
			t.Errorf("%d px: %s", w, p)
		}
		tip := eval[string](t, ctx, `(() => {
			const c = window.cpocharts.get("energy-per-bit");
			const f = c.getOption().tooltip[0].formatter;
			if (typeof f !== "function") return "no formatter";
			const o = c.getOption(), i = 0;
			const params = o.series.map(s => ({ seriesName: s.name, value: s.data[i] && typeof s.data[i] === "object" ? s.data[i].value : s.data[i], marker: "", axisValueLabel: o.xAxis[0].data[i] }));
			return f(params);
		})()`)
		if !strings.Contains(tip, "pJ/bit") || !strings.Contains(tip, "total") || strings.Contains(tip, ">0 pJ") {
			t.Errorf("%d px: energy tooltip %q: want units, a total and no zero rows", w, tip)
		}
		viewportShot(t, ctx, "index-charts-"+map[int64]string{360: "360", 1280: "1280"}[w])
		cancel()
	}
}

// A chart's words describe the scenario it shows: the calculator's charts
// and a chart's embed, for a scenario that is not the default, say its
// switches and its scale-up domains, not the default's.
func TestChartWordsFollowTheScenario(t *testing.T) {
	s := core.DefaultScenario()
	s.ScaleOut.SwitchRadix = 128
	s.ScaleUp.Tech = core.CPO
	link, err := core.EncodePermalink(s)
	if err != nil {
		t.Fatal(err)
	}
	browser := newBrowser(t)
	for _, page := range []string{"/calculator/", "/embed/chart/cluster-power/"} {
		ctx, cancel := openTab(t, browser, siteURL(t)+page+"#"+link, 1280, 900)
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("calc-status").dataset.state === "live"`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
			t.Fatalf("%s: not live: %v", page, err)
		}
		var words string
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("#fig-cluster-power figcaption").textContent.includes("128-port")`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			words = eval[string](t, ctx, `document.querySelector("#fig-cluster-power figcaption").textContent`)
			t.Errorf("%s: the cluster chart's words do not describe the scenario's 128-port switches: %s", page, words)
		}
		words = eval[string](t, ctx, `document.querySelector("#fig-cluster-power figcaption").textContent`)
		if strings.Contains(words, "64-port") || strings.Contains(words, "passive copper") || !strings.Contains(words, "co-packaged") {
			t.Errorf("%s: the cluster chart says %q for a CPO scale-up on 128-port switches", page, words)
		}
		cancel()
	}
}

// The fibre-price chart never puts two units on one scale: the prices per
// sheath-km (a cable's, not a fibre's) stand on an axis of their own,
// named for that unit, and the core-km axis holds only core-km prices.
func TestFibrePricesOwnUnits(t *testing.T) {
	browser := newBrowser(t)
	for _, path := range []string{"/embed/chart/fiber-prices/", "/zh/embed/chart/fiber-prices/"} {
		ctx, cancel := openTab(t, browser, siteURL(t)+path, 1280, 800)
		waitCharts(t, ctx, 1)
		bad := eval[[]string](t, ctx, `(() => {
			const o = window.cpocharts.get("fiber-prices").getOption(), cats = o.yAxis[0].data, out = [];
			if (o.xAxis.length !== 2) out.push(o.xAxis.length + " value axes");
			o.series.forEach(s => s.data.forEach((d, i) => {
				const v = d && typeof d === "object" ? d.value : d;
				if (v === "-" || v === undefined || v === null) return;
				const sheath = /sheath|皮长/.test(cats[i]), axis = o.xAxis[s.xAxisIndex || 0].name;
				if (sheath !== /sheath|皮长/.test(axis)) out.push(cats[i] + " on the axis " + axis);
			}));
			return out;
		})()`)
		for _, b := range bad {
			t.Errorf("%s: %s", path, b)
		}
		cancel()
	}
}

// The copper wall's bars stand on the axis' floor, and a cable that does
// not reach is said where its bar would be: a mark, and its words in the
// tooltip; live, for the reader's scenario, as in the build's.
func TestCopperWallSaysDoesNotReach(t *testing.T) {
	browser := newBrowser(t)
	for _, path := range []string{"/embed/chart/copper-wall/", "/embed/chart/copper-wall/#v=1&gpus=4096"} {
		ctx, cancel := openTab(t, browser, siteURL(t)+path, 1000, 700)
		waitCharts(t, ctx, 1)
		if strings.Contains(path, "#") {
			if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("calc-status").dataset.state === "live"`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
				t.Fatal(err)
			}
		}
		got := eval[map[string]any](t, ctx, `(() => {
			const c = window.cpocharts.get("copper-wall"), o = c.getOption(), y = o.yAxis[0];
			const lanes = o.xAxis[0].data, at400 = lanes.indexOf("400 Gb/s");
			const marks = o.series.filter(s => !/^A: /.test(s.name)).map(s => s.data[at400]).filter(d => d && typeof d === "object" && d.label && d.label.formatter === "✕");
			const f = o.tooltip[0].formatter;
			const tip = typeof f === "function" ? f(o.series.map(s => ({seriesName: s.name, value: typeof s.data[at400] === "object" ? s.data[at400].value : s.data[at400], data: s.data[at400], marker: "", axisValueLabel: "400 Gb/s"}))) : "";
			return {start: y.startValue, min: y.min, marks: marks.length, tip: tip};
		})()`)
		if got["start"] != got["min"] || got["marks"].(float64) < 2 || !strings.Contains(got["tip"].(string), "does not reach") {
			t.Errorf("%s: the copper wall at 400 Gb/s: %v", path, got)
		}
		cancel()
	}
}
