package main

import (
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Printed, a page is its story, its figures with their tables (open), a
// still of the animation, and no controls; no table runs past the page.
func TestPrint(t *testing.T) {
	browser := newBrowser(t)
	for _, path := range []string{"/", "/calculator/"} {
		ctx, cancel := openTab(t, browser, siteURL(t)+path, 800, 1100)
		waitCharts(t, ctx, map[string]int{"/": 9, "/calculator/": 6}[path])
		openBefore := eval[int](t, ctx, `document.querySelectorAll("details.chart-data[open]").length`)
		eval[bool](t, ctx, `(() => { window.dispatchEvent(new Event("beforeprint")); return true; })()`)
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			t.Fatal(err)
		}
		got := eval[map[string]float64](t, ctx, `(() => {
			const shown = e => e.getClientRects().length > 0;
			const all = s => Array.from(document.querySelectorAll(s));
			const width = document.documentElement.clientWidth;
			return {
				buttons: all("button, .button-like, .figure-tools a").filter(shown).length,
				closedTables: all("details.chart-data").filter(d => !d.open || !shown(d.querySelector("table"))).length,
				tables: all("details.chart-data").length,
				stills: all(".anim-still").filter(shown).length,
				frames: all(".anim-embed iframe").filter(shown).length,
				wide: all("table").filter(t => shown(t) && t.getBoundingClientRect().right > width + 1).length,
			};
		})()`)
		if got["buttons"] != 0 || got["closedTables"] != 0 || got["tables"] == 0 || got["stills"] != 1 || got["frames"] != 0 || got["wide"] != 0 {
			wide := eval[string](t, ctx, `Array.from(document.querySelectorAll("table")).filter(t => t.getClientRects().length && t.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map(t => (t.id || t.className) + ": " + Math.round(t.getBoundingClientRect().right) + " px").join(", ")`)
			t.Errorf("%s printed: %v (wide: %s); want no controls, every data table open, one still of the animation, no frame, no table past the page", path, got, wide)
		}
		screenshot(t, ctx, "print"+map[string]string{"/": "-index", "/calculator/": "-calculator"}[path])
		eval[bool](t, ctx, `(() => { window.dispatchEvent(new Event("afterprint")); return true; })()`)
		if n := eval[int](t, ctx, `document.querySelectorAll("details.chart-data[open]").length`); n != openBefore {
			t.Errorf("%s: %d data tables open after printing, %d before", path, n, openBefore)
		}
		cancel()
	}
}
