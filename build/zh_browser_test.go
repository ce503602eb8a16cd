package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The Chinese edition, as its readers get it: real Chromium, the real
// WebAssembly with the Chinese catalogue.

// chineseShare is the JavaScript that measures, after the scripts ran,
// what share of the page's visible letters are Chinese (Han characters
// against Latin letters), and lists any catalogue key that shows instead
// of its words, in the text or in the attributes a reader hears.
var chineseShare = fmt.Sprintf(`(() => {
	const text = document.body.innerText;
	const han = (text.match(/\p{Script=Han}/gu) || []).length;
	const latin = (text.match(/[A-Za-z]/g) || []).length;
	const hear = keep => Array.from(document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")).filter(keep)
		.map(e => ["aria-label", "title", "placeholder", "alt"].map(a => e.getAttribute(a)).filter(Boolean).join(" ")).join(" ");
	const heard = hear(() => true);
	const key = /\b(?:js|form|chart|table|claim|verdict|question|site|nav|page|report|field|anim|err|embed|thumb|tier|stage|tech|series|energy|latency|unit|kind|confidence)\.[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)*/g;
	const keys = ((text + " " + heard + " " + document.title).match(key) || []).filter(k => !/\.(go|js|json|md|css|html)$/.test(k));
	// English sentences: the whole text, hidden parts and what is heard
	// included, less what is marked English, quotations and cited titles.
	const copy = document.body.cloneNode(true);
	copy.querySelectorAll("script, style, code, noscript, template, [lang^=en]").forEach(e => e.remove());
	let all = copy.textContent + " " + hear(e => !e.closest("[lang^=en]"));
	all = all.replace(/“[^”]*”/g, " ");
	for (const c of %s) all = all.split(c).join(" ");
	const english = (all.match(/(?:\b[A-Za-z][a-z'’-]+\b[ ,;:()]*){4,}/g) || []).map(s => s.trim());
	return {han: han, latin: latin, keys: keys.slice(0, 10), english: english.slice(0, 10), lang: document.documentElement.lang};
})()`, mustJSON(citedTitles))

type shareOut struct {
	Han, Latin int
	Keys       []string
	English    []string
	Lang       string
}

// checkChinese checks a page in the Chinese edition: its language, Chinese
// at least half its letters, no key in place of words, no English
// sentence (as TestChineseHasNoEnglishProse, after the scripts ran).
func checkChinese(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	s := eval[shareOut](t, ctx, chineseShare)
	if s.Lang != "zh-CN" {
		t.Errorf("%s: html lang %q, want zh-CN", name, s.Lang)
	}
	if s.Han < s.Latin || s.Han == 0 {
		t.Errorf("%s: %d Chinese characters against %d Latin letters: less than half the letters are Chinese", name, s.Han, s.Latin)
	} else {
		t.Logf("%s: %d Chinese characters, %d Latin letters (%.0f %% Chinese)", name, s.Han, s.Latin, 100*float64(s.Han)/float64(s.Han+s.Latin))
	}
	if len(s.Keys) > 0 {
		t.Errorf("%s: untranslated keys on the page: %v", name, s.Keys)
	}
	for _, e := range s.English {
		t.Errorf("%s: English in the Chinese edition: %q", name, e)
	}
}

var chinesePages = []struct {
	name, path string
	charts     int
	live       bool // waits for the live calculator
}{
	{"zh-index", "/zh/", 9, false},
	{"zh-calculator", "/zh/calculator/", 6, true},
	{"zh-methodology", "/zh/methodology/", 0, false},
	{"zh-embed-calculator", "/zh/embed/calculator/", 0, true},
	{"zh-embed-chart", "/zh/embed/chart/cluster-power/", 1, false},
}

// Each page of the Chinese edition, at a phone's and a desktop's width,
// after its scripts ran (the live tables and explanations included).
func TestChineseEdition(t *testing.T) {
	base := siteURL(t)
	browser := newBrowserForPages(t, len(chinesePages))
	for _, p := range chinesePages {
		atEachWidth(t, browser, base+p.path, p.name, func(t *testing.T, ctx context.Context, name string, width int64, tr *traffic) {
			if p.live {
				waitLive(t, ctx)
			} else {
				waitCharts(t, ctx, p.charts)
			}
			checkChinese(t, ctx, name)
			checkAsSeen(t, ctx, name, width, tr)
		})
	}
}

// A bad value gets its message in Chinese, naming the field, the value
// and the allowed range; the live numbers and the explanation are Chinese
// too.
func TestChineseCalculator(t *testing.T) {
	base := siteURL(t)
	browser := newBrowser(t)
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	tr := watch(ctx)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+"/zh/calculator/#v=1&gpus=16384")); err != nil {
		t.Fatal(err)
	}
	waitLive(t, ctx)
	label := eval[string](t, ctx, `document.querySelector('label[for="f-gpus"]').textContent`)
	typeInto(t, ctx, "gpus", "-5")
	msg := text(t, ctx, "e-gpus")
	for _, want := range []string{strings.TrimSpace(label), "-5", "1 至 10,000,000", "超出范围"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message for -5 GPUs %q lacks %q", msg, want)
		}
	}
	// A parameter's error names the parameter in Chinese.
	typeInto(t, ctx, "params.smf_db_per_km", "9")
	if msg := text(t, ctx, "e-params-smf_db_per_km"); !strings.Contains(msg, "9") || !strings.Contains(msg, "至") || !strings.ContainsRune(msg, '纤') {
		t.Errorf("message for a parameter out of range: %q", msg)
	}
	typeInto(t, ctx, "params.smf_db_per_km", "0.5")
	// A rule of the model, not a range: an odd switch radix.
	radix := strings.TrimSpace(eval[string](t, ctx, `document.querySelector('label[for="f-scale_out-switch_radix"]').firstChild.textContent`))
	typeInto(t, ctx, "scale_out.switch_radix", "63")
	if msg := text(t, ctx, "e-scale_out-switch_radix"); !strings.Contains(msg, radix) || !strings.Contains(msg, "63") || !strings.Contains(msg, "偶数") || !strings.Contains(msg, "奇数") {
		t.Errorf("message for an odd radix: %q (label %q)", msg, radix)
	}
	typeInto(t, ctx, "scale_out.switch_radix", "64")
	if stale := text(t, ctx, "results-error"); !strings.Contains(stale, "未更新") {
		t.Errorf("the stale note is not in Chinese: %q", stale)
	}
	typeInto(t, ctx, "gpus", "很多")
	if msg := text(t, ctx, "e-gpus"); !strings.Contains(msg, "很多") || !strings.Contains(msg, "不是数字") {
		t.Errorf("message for text: %q", msg)
	}
	viewportShot(t, ctx, "zh-calculator-error-1280")
	typeInto(t, ctx, "gpus", "16384")
	// An explanation, opened from a key figure, is in Chinese.
	eval[bool](t, ctx, `(() => { const c = document.querySelector("#r-totals [data-path]"); c.click(); return true; })()`)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!document.querySelector(".explain-value")`, chromedp.WithPollingTimeout(10*time.Second))); err == nil {
		checkChinese(t, ctx, "zh-calculator-explained")
	} else {
		t.Errorf("no explanation opened: %v", err)
	}
	// A bad link typed into the address: its message in Chinese, with
	// the reason the model gives.
	eval[bool](t, ctx, `(() => { location.hash = "#v=1&gpus=-3"; return true; })()`)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("permalink-message").textContent.includes("gpus=-3")`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("a bad link shows no message: %v", err)
	} else if msg := text(t, ctx, "permalink-message"); !strings.Contains(msg, "无法读取") || !strings.Contains(msg, "超出范围") || strings.Contains(msg, "permalink") {
		t.Errorf("the bad link's message is not in Chinese: %q", msg)
	}
	// A damaged readable link: its reason, from the decoder, in Chinese too.
	eval[bool](t, ctx, `(() => { location.hash = "#v=1&gpus=8&gpus=9"; return true; })()`)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("permalink-message").textContent.includes("gpus=9")`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("a damaged link shows no message: %v", err)
	} else if msg := text(t, ctx, "permalink-message"); !strings.Contains(msg, "出现了两次") || strings.Contains(msg, "given twice") {
		t.Errorf("the damaged link's message is not in Chinese: %q", msg)
	}
	checkTraffic(t, "zh calculator", tr)
}

// The language switch keeps the reader's scenario, both ways: the
// permalink is the same in both editions.
func TestLanguageSwitchKeepsScenario(t *testing.T) {
	base := siteURL(t)
	browser := newBrowser(t)
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+"/zh/calculator/")); err != nil {
		t.Fatal(err)
	}
	waitLive(t, ctx)
	typeInto(t, ctx, "gpus", "4096")
	hash := eval[string](t, ctx, `(() => { window.cpocalcPage.flushURL(); return location.hash; })()`)
	if !strings.Contains(hash, "gpus=4096") {
		t.Fatalf("the address does not carry the edit: %q", hash)
	}
	for _, step := range []struct{ lang, path string }{{"en", "/calculator/"}, {"zh-CN", "/zh/calculator/"}} {
		// The reader's click, stopped before it navigates: the page's
		// own handler runs first and puts the scenario on the link.
		href := eval[string](t, ctx, `(() => { const a = document.querySelector("a[data-lang-switch]"); a.addEventListener("click", e => e.preventDefault(), {once: true}); a.click(); return a.href; })()`)
		if !strings.HasSuffix(href, step.path+hash) {
			t.Errorf("the switch leads to %q, want …%s%s", href, step.path, hash)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(href)); err != nil {
			t.Fatal(err)
		}
		waitLive(t, ctx)
		if lang := eval[string](t, ctx, `document.documentElement.lang`); lang != step.lang {
			t.Errorf("%s: lang %q, want %q", step.path, lang, step.lang)
		}
		if h := eval[string](t, ctx, `location.hash`); h != hash {
			t.Errorf("%s: the scenario %q became %q", step.path, hash, h)
		}
		if v := eval[string](t, ctx, `document.getElementById("f-gpus").value`); v != "4096" {
			t.Errorf("%s: the form shows %q GPUs, want 4096", step.path, v)
		}
	}
}

// The animation's overlay, description and controls speak Chinese.
func TestChineseAnimation(t *testing.T) {
	base := siteURL(t)
	browser := newBrowser(t, chromedp.Flag("enable-unsafe-swiftshader", true))
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(640, 440), chromedp.Navigate(base+"/zh/embed/animation/")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!(window.cpoanim && window.cpoanim.state && window.cpoanim.state().frames > 2)`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Fatalf("the animation did not start: %v", err)
	}
	// The picture's words, stage by stage, paused and playing, at a
	// desktop's and a phone's width: no English word but the units'.
	pictureWords := `(() => {
		const words = (document.querySelector(".anim-text").textContent.match(/\b[A-Za-z]{3,}\b/g) || [])
			.filter(w => !["bit", "GBd", "TB", "AWG", "DAC", "ACC", "AEC", "DSP", "LRO", "LPO", "NPO", "CPO", "SerDes", "NRZ", "PAM", "FEC", "GPU", "NIC", "TIA", "EIC", "PIC"].includes(w));
		return words.slice(0, 10);
	})()`
	for _, width := range []int64{640, 400} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 440)); err != nil {
			t.Fatal(err)
		}
		for stage := 0; stage < 3; stage++ {
			for _, play := range []string{"play", "pause"} {
				redrawn(t, ctx, fmt.Sprintf(`window.cpoanim.go(%d); window.cpoanim[%q]()`, stage, play))
				if w := eval[[]string](t, ctx, pictureWords); len(w) > 0 {
					t.Errorf("stage %d at %d px (%s): English on the picture: %v in %q", stage, width, play, w, eval[string](t, ctx, `document.querySelector(".anim-text").textContent`))
				}
			}
		}
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(640, 440)); err != nil {
		t.Fatal(err)
	}
	redrawn(t, ctx, `window.cpoanim.play(); window.cpoanim.setMode("compare")`)
	if w := eval[[]string](t, ctx, pictureWords); len(w) > 0 {
		t.Errorf("the compare view: English on the picture: %v", w)
	}
	checkChinese(t, ctx, "zh-animation")
	if name := eval[string](t, ctx, `window.cpoanim.state().stageName`); !strings.ContainsAny(name, "铜光") {
		t.Errorf("the stage's name is not Chinese: %q", name)
	}
	viewportShot(t, ctx, "zh-animation-640")
	// A bad link: said in Chinese, with the model's reason.
	bad, cancelBad := chromedp.NewContext(browser)
	defer cancelBad()
	if err := chromedp.Do(bad, chromedp.EmulateViewport(640, 440), chromedp.Navigate(base+"/zh/embed/animation/#v=1&gpus=-3")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(bad, chromedp.Poll[bool](`!document.getElementById("anim-link-problem").hidden`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Fatalf("the bad link's problem is not shown: %v", err)
	}
	if msg := eval[string](t, bad, `document.getElementById("anim-link-problem").textContent`); !strings.Contains(msg, "超出范围") || !strings.Contains(msg, "无法读取") {
		t.Errorf("the bad link's problem is not in Chinese: %q", msg)
	}
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}
