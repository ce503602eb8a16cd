package main

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	keys "github.com/chromedp/chromedp/kb"

	"github.com/cpocalc/cpocalc/core"
)

// The generations' section, as a reader uses it in both editions, at a
// phone's and a desktop's width: the slider moves through the years by
// keyboard and by touch, and every number of the section, its link to the
// calculator and the charts' pointer follow; each row's link is core's
// permalink of that generation.
func TestGenerations(t *testing.T) {
	gens, err := core.EvaluateGenerations()
	if err != nil {
		t.Fatal(err)
	}
	base := siteURL(t)
	browser := newBrowserForPages(t, 2)
	for _, page := range []struct{ name, path string }{{"generations", "/"}, {"zh-generations", "/zh/"}} {
		atEachWidth(t, browser, base+page.path, page.name, func(t *testing.T, ctx context.Context, name string, width int64, tr *traffic) {
			waitCharts(t, ctx, 9)
			type state struct {
				Value  int      `json:"value"`
				Year   string   `json:"year"`
				Text   string   `json:"text"`
				Values []string `json:"values"`
				Href   string   `json:"href"`
				Rows   []genRow `json:"rows"`
				Tip    string   `json:"tip"`
			}
			read := func() state {
				t.Helper()
				raw := eval[string](t, ctx, `(() => { const b = document.getElementById("generations").parentElement.querySelector("[data-gen]"); const i = b.querySelector("[data-gen-input]");
					const tip = [...document.querySelectorAll("#generations-power div, #generations-reach div")].filter(d => d.offsetParent !== null && getComputedStyle(d).position === "absolute").map(d => d.textContent).join(" | ");
					return JSON.stringify({value: Number(i.value), year: b.querySelector("[data-gen-year]").textContent, text: i.getAttribute("aria-valuetext"),
						values: [...b.querySelectorAll("[data-gen-key]")].map(d => d.textContent), href: b.querySelector("[data-gen-open]").getAttribute("href"),
						rows: JSON.parse(b.querySelector(".gen-data").textContent), tip: tip}); })()`)
				var s state
				if err := json.Unmarshal([]byte(raw), &s); err != nil {
					t.Fatal(err)
				}
				return s
			}
			check := func(what string, s state) {
				t.Helper()
				row := s.Rows[s.Value]
				if s.Year != row.Year || s.Text != row.Year {
					t.Errorf("%s: the year shows %q (aria %q), row %q", what, s.Year, s.Text, row.Year)
				}
				if strings.Join(s.Values, "|") != strings.Join(row.Values, "|") {
					t.Errorf("%s: the numbers\n%q\nthe row's\n%q", what, s.Values, row.Values)
				}
				if want := "#" + gens[s.Value].Permalink; !strings.HasSuffix(s.Href, want) {
					t.Errorf("%s: the calculator link %q, core's %q", what, s.Href, want)
				}
			}
			if n := eval[int](t, ctx, `document.querySelectorAll('#generations ~ * input[type="range"]#gen-year, input[type="range"]#gen-year[min="0"]').length`); n != 1 {
				t.Fatalf("no range input for the generations")
			}
			start := read()
			if len(start.Rows) != len(gens) {
				t.Fatalf("%d rows for %d generations", len(start.Rows), len(gens))
			}
			check("at first", start)
			if gens[start.Value].Generation.Year != core.Today {
				t.Errorf("the picker opens on %d, not today (%d)", gens[start.Value].Generation.Year, core.Today)
			}
			eval[bool](t, ctx, `(() => { document.getElementById("gen-year").scrollIntoView({block: "center"}); return true; })()`)
			// By keyboard: one year on.
			if err := chromedp.Do(ctx, chromedp.Focus(chromedp.ID("gen-year")), chromedp.KeyEvent(keys.ArrowRight)); err != nil {
				t.Fatal(err)
			}
			next := read()
			if next.Value != start.Value+1 {
				t.Fatalf("ArrowRight moved the picker from %d to %d", start.Value, next.Value)
			}
			check("after a key", next)
			if strings.Join(next.Values, "|") == strings.Join(start.Values, "|") {
				t.Error("the numbers did not change with the year")
			}
			if year := strconv.Itoa(gens[next.Value].Generation.Year); !strings.Contains(next.Tip, year) || !strings.Contains(next.Tip, " | ") {
				t.Errorf("the charts' pointer is not on %s: %q", next.Year, next.Tip)
			}
			// By touch: a tap near the slider's start picks the first year.
			box := eval[[]float64](t, ctx, `(() => { const r = document.getElementById("gen-year").getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()`)
			x, y := box[0]+4, box[1]+box[3]/2
			tap := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
				if _, err := chromedp.Call(ctx, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: true, MaxTouchPoints: 1}); err != nil {
					return chromedp.Void{}, err
				}
				if _, err := chromedp.Call(ctx, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchStart, TouchPoints: []*input.TouchPoint{{X: x, Y: y}}}); err != nil {
					return chromedp.Void{}, err
				}
				_, err := chromedp.Call(ctx, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchEnd, TouchPoints: []*input.TouchPoint{}})
				return chromedp.Void{}, err
			}
			if err := chromedp.Do(ctx, tap); err != nil {
				t.Fatal(err)
			}
			var tapped state
			for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
				if tapped = read(); tapped.Value == 0 {
					break
				}
			}
			if tapped.Value != 0 {
				t.Fatalf("a tap at the slider's start left it at %d", tapped.Value)
			}
			check("after a tap", tapped)
			checkTraffic(t, name, tr)
		})
	}
}

// On the calculator, the generations' picker opens a generation in place:
// its link is core's permalink of the generation, and the form then holds
// that generation's cluster.
func TestGenerationOpensInCalculator(t *testing.T) {
	gens, err := core.EvaluateGenerations()
	if err != nil {
		t.Fatal(err)
	}
	browser := newBrowser(t)
	ctx, tr := openCalculator(t, browser, "")
	eval[bool](t, ctx, `(() => { const i = document.getElementById("gen-year"); i.value = "0"; i.dispatchEvent(new Event("input")); document.querySelector("[data-gen-open]").click(); return true; })()`)
	want := gens[0].Scenario
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("[data-field=gpus]").value.replace(/,/g, "") === "`+strconv.Itoa(want.GPUs)+`" && !document.querySelector(".calc-results.stale")`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Fatalf("the calculator did not open %d: gpus %q, address %q", gens[0].Generation.Year, eval[string](t, ctx, `document.querySelector("[data-field=gpus]").value`), eval[string](t, ctx, `location.hash`))
	}
	// The address is core's link of the generation: as followed, or as
	// the page writes it back with the model version (either may be
	// there first).
	h := eval[string](t, ctx, `location.hash`)
	if link, v := core.SplitVersion(strings.TrimPrefix(h, "#")); link != gens[0].Permalink || (v != "" && v != core.ModelVersion) {
		t.Errorf("the address is %q, core's link %q", h, "#"+gens[0].Permalink)
	}
	checkAgainstCore(t, ctx, want)
	checkTraffic(t, "generation in the calculator", tr)
}

// "Predict, then see": the reader's guess, moved by keyboard, is shown in
// the page's words; the answer is core's value with its band (BandOf over
// the parameters' ranges) and says where the guess falls; a skip shows
// the answer alone; both are remembered for the session, in both
// editions.
func TestPredictThenSee(t *testing.T) {
	base := siteURL(t)
	browser := newBrowserForPages(t, 2)
	s := core.DefaultScenario()
	r, err := core.Evaluate(s)
	if err != nil {
		t.Fatal(err)
	}
	q := predictQuestions["copper"]
	band, err := core.BandOf(s, predictSamples, bandSeed, q.read)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := q.read(&r); !(band.P5 <= v && v <= band.P95) {
		t.Errorf("the model's reach %v is outside its own band %v to %v", v, band.P5, band.P95)
	}
	for _, page := range []struct{ name, path string }{{"predict", "/"}, {"zh-predict", "/zh/"}} {
		atEachWidth(t, browser, base+page.path, page.name, func(t *testing.T, ctx context.Context, name string, width int64, tr *traffic) {
			waitCharts(t, ctx, 9)
			state := func(id string) []string {
				return eval[[]string](t, ctx, `(() => { const b = document.querySelector('[data-predict="`+id+`"]'); const i = b.querySelector("input");
					return [i.value, b.querySelector(".predict-guess").textContent, i.getAttribute("aria-valuetext"), String(b.querySelector("[data-predict-answer]").hidden),
						b.querySelector("[data-predict-verdict]").textContent, b.getAttribute("data-low"), b.getAttribute("data-high"), String(b.querySelector(".predict-pick").hidden)]; })()`)
			}
			st := state("copper")
			if st[3] != "true" || st[7] != "false" {
				t.Fatalf("the answer shows before a guess: %q", st)
			}
			if lo, hi := st[5], st[6]; lo != strconv.FormatFloat(band.P5, 'g', -1, 64) || hi != strconv.FormatFloat(band.P95, 'g', -1, 64) {
				t.Errorf("the band on the page %s to %s, core's %v to %v", lo, hi, band.P5, band.P95)
			}
			eval[bool](t, ctx, `(() => { document.getElementById("predict-copper").scrollIntoView({block: "center"}); return true; })()`)
			if err := chromedp.Do(ctx, chromedp.Focus(chromedp.ID("predict-copper")), chromedp.KeyEvent(keys.ArrowLeft), chromedp.KeyEvent(keys.ArrowLeft)); err != nil {
				t.Fatal(err)
			}
			st = state("copper")
			i, _ := strconv.Atoi(st[0])
			if i != q.start-2 || st[1] == "" || st[1] != st[2] {
				t.Fatalf("after two ArrowLefts: %q", st)
			}
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-predict="copper"] [data-predict-see]`))); err != nil {
				t.Fatal(err)
			}
			st = state("copper")
			guess := q.stops[i]
			want := "js.predict.within"
			switch {
			case guess < band.P5:
				want = "js.predict.below"
			case guess > band.P95:
				want = "js.predict.above"
			}
			if w := eval[string](t, ctx, `window.cpoT("`+want+`", {guess: `+strconv.Quote(st[1])+`})`); st[3] != "false" || st[4] != w {
				t.Errorf("the answer: hidden %s, verdict %q, want %q", st[3], st[4], w)
			}
			eval[bool](t, ctx, `(() => { document.querySelector('[data-predict="saving"] [data-predict-skip]').click(); return true; })()`)
			if sv := state("saving"); sv[3] != "false" || sv[4] != "" || sv[7] != "true" || eval[bool](t, ctx, `document.querySelector('[data-predict="saving"] .predict-pick').offsetParent !== null`) {
				t.Errorf("a skip: %q", sv)
			}
			// Remembered for the session.
			if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
				t.Fatal(err)
			}
			waitCharts(t, ctx, 9)
			if again := state("copper"); again[0] != st[0] || again[3] != "false" || again[4] != st[4] {
				t.Errorf("after a reload: %q, before %q", again, st)
			}
			eval[bool](t, ctx, `(() => { sessionStorage.clear(); return true; })()`)
			checkTraffic(t, name, tr)
		})
	}
}
