package main

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	keys "github.com/chromedp/chromedp/kb"

	"github.com/cpocalc/cpocalc/build/internal/server"
	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/label/pagewords"
	"github.com/cpocalc/cpocalc/core/label/zh"
)

// Browser tests of what a reader must never see: an edit lost on the way
// to the other edition, a navigation undone by a late write of the
// address, a page of one release with the scripts of another, a raw
// catalogue key.

// checkNoRawKeys fails when the page shows a catalogue key instead of its
// words, or the sentence that stands for missing words.
func checkNoRawKeys(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	keys := map[string]bool{}
	for _, c := range []*label.Catalogue{pagewords.English, zh.Catalogue} {
		for _, k := range c.Keys() {
			if strings.Contains(k, ".") && !strings.ContainsAny(k, " {") {
				keys[k] = true
			}
		}
	}
	list := make([]string, 0, len(keys))
	for k := range keys {
		list = append(list, k)
	}
	found := eval[[]string](t, ctx, `(() => { const keys = new Set(`+mustJSON(list)+`);
		const text = document.body.innerText + " " + [...document.querySelectorAll("[aria-label], [title], [alt], [placeholder]")].map(e => [e.getAttribute("aria-label"), e.getAttribute("title"), e.getAttribute("alt"), e.getAttribute("placeholder")].join(" ")).join(" ");
		return [...new Set(text.split(/[^A-Za-z0-9_.$-]+/).map(w => w.replace(/\.+$/, "")).filter(w => keys.has(w)))]; })()`)
	for _, k := range found {
		t.Errorf("%s: the page shows the raw key %q", name, k)
	}
	for _, c := range []*label.Catalogue{pagewords.English, zh.Catalogue} {
		missing := c.Get(label.Missing)
		if eval[bool](t, ctx, `document.body.innerText.includes(`+mustJSON(missing)+`)`) {
			t.Errorf("%s: the page says words are missing: %q", name, missing)
		}
	}
}

// The words' function every script uses: a key the page lacks reads as
// the plain sentence, never as the key, whichever script asks.
func TestMissingWordsNeverRaw(t *testing.T) {
	ctx, _ := calculatorTab(t)
	got := eval[[]string](t, ctx, `[window.cpoT("js.calc.live"), window.cpoT("js.no.such.key"), window.cpoT("js.calc.pin_failed", {message: "x"})]`)
	if got[0] != pagewords.English.Get("js.calc.live") || got[1] != pagewords.English.Get(label.Missing) || got[2] != strings.ReplaceAll(pagewords.English.Get("js.calc.pin_failed"), "{message}", "x") {
		t.Errorf("cpoT: %q", got)
	}
	checkNoRawKeys(t, ctx, "calculator")
}

// The last edit goes along to the other edition, however soon after it
// the reader clicks the switch: 20 edits, each followed at once (in the
// same task, before any frame or timer) by a click on the switch.
func TestLanguageSwitchTakesTheLastEdit(t *testing.T) {
	ctx, _ := calculatorTab(t)
	for i := 0; i < 20; i++ {
		gpus := strconv.Itoa(2048 + 1024*i)
		href := eval[string](t, ctx, `(() => { const el = document.getElementById("f-gpus"); el.value = "`+gpus+`"; el.dispatchEvent(new Event("input", {bubbles: true}));
			const a = document.querySelector("a[data-lang-switch]"); a.addEventListener("click", e => e.preventDefault(), {once: true}); a.click(); return a.href; })()`)
		if !strings.Contains(href, "/zh/calculator/#v=1&gpus="+gpus) {
			t.Errorf("edit %d: the switch leads to %q, want the scenario with gpus=%s", i, href, gpus)
		}
	}
	// The real click, and the Chinese page on the last edit.
	eval[bool](t, ctx, `(() => { const el = document.getElementById("f-gpus"); el.value = "12288"; el.dispatchEvent(new Event("input", {bubbles: true})); document.querySelector("a[data-lang-switch]").click(); return true; })()`)
	if err := pollAcrossNavigation(ctx, `location.pathname.endsWith("/zh/calculator/") && document.getElementById("calc-status").dataset.state === "live"`, 60*time.Second); err != nil {
		t.Fatalf("the Chinese calculator did not open: %v", err)
	}
	if v := eval[string](t, ctx, `document.getElementById("f-gpus").value`); v != "12288" {
		t.Errorf("the Chinese calculator shows %s GPUs, want the last edit's 12288", v)
	}
}

// A navigation is never undone by the address write of an edit made just
// before it: the page reads the new address from the event, and drops the
// pending write. First the race forced (the late write lands between the
// navigation and its event), then 25 storms of edits and links.
func TestNavigationWinsOverPendingWrite(t *testing.T) {
	ctx, _ := calculatorTab(t)
	// The forced race: an edit's write waits; the address moves to a
	// link; the old write lands before the hashchange is handled.
	typeInto(t, ctx, "gpus", "4096")
	eval[bool](t, ctx, `new Promise(res => { addEventListener("hashchange", () => requestAnimationFrame(() => res(true)), {once: true});
		location.hash = "#v=1&gpus=8192"; history.replaceState(null, "", "#v=1&gpus=4096"); })`)
	if v := eval[string](t, ctx, `document.getElementById("f-gpus").value`); v != "8192" {
		t.Errorf("a link followed while an edit's write was due: the form shows %s GPUs, want the link's 8192", v)
	}
	for i := 0; i < 25; i++ {
		link := "v=1&gpus=" + strconv.Itoa(16384+1024*i)
		eval[bool](t, ctx, `new Promise(res => {
			const el = document.getElementById("f-gpus"); el.value = "`+strconv.Itoa(1000+i)+`"; el.dispatchEvent(new Event("input", {bubbles: true}));
			window.cpocalcPage.update();
			addEventListener("hashchange", () => setTimeout(() => requestAnimationFrame(() => res(true)), 200), {once: true});
			location.hash = "#`+link+`";
			const t0 = performance.now(); while (performance.now() - t0 < 160) {} })`)
		hash := eval[string](t, ctx, `(() => { window.cpocalcPage.flushURL(); return location.hash; })()`)
		if hash != "#"+core.VersionedLink(link) || eval[string](t, ctx, `document.getElementById("f-gpus").value`) != strings.TrimPrefix(link, "v=1&gpus=") {
			t.Errorf("storm %d: the address reads %q and the form %s GPUs, want %s", i, hash, eval[string](t, ctx, `document.getElementById("f-gpus").value`), link)
		}
	}
}

// pollAcrossNavigation waits until js is true in the tab, trying again
// when a navigation cuts a poll short.
func pollAcrossNavigation(ctx context.Context, js string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(10*time.Second)))
		if err == nil || time.Now().After(deadline) {
			return err
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// nextRelease makes a copy of a built site as the next release would be:
// app.js changed (so a new hashed name), every page naming it and its new
// release, and a new service worker. The compressed copies are left out.
func nextRelease(t *testing.T, dir string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "next")
	// The site's own files: not the bundle, the compressed copies or the
	// manifest.
	var files []string
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if !strings.HasPrefix(rel, "download/") && !strings.HasSuffix(rel, ".br") && !strings.HasSuffix(rel, ".gz") && !strings.HasPrefix(info.Name(), ".") {
			files = append(files, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var oldApp string
	for _, f := range files {
		if regexp.MustCompile(`^assets/app\.[0-9a-f]{10}\.js$`).MatchString(f) {
			oldApp = f
		}
	}
	if oldApp == "" {
		t.Fatalf("no app.js in %s", dir)
	}
	const newApp = "assets/app.bbbbbbbbbb.js"
	for _, rel := range files {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		if rel == oldApp {
			rel = newApp
			b = append(b, "\n// the next release\n"...)
		}
		if strings.HasSuffix(rel, ".html") || rel == "sw.js" {
			b = []byte(strings.ReplaceAll(string(b), strings.TrimPrefix(oldApp, "assets/"), strings.TrimPrefix(newApp, "assets/")))
			b = releaseMeta.ReplaceAll(b, []byte(`<meta name="cpocalc-release" content="bbbbbbbbbb">`))
			b = regexp.MustCompile(`\b(VERSION|RELEASE)="[0-9a-f]+"`).ReplaceAll(b, []byte(`$1="bbbbbbbbbb"`))
		}
		full := filepath.Join(out, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := server.WriteManifest(out); err != nil {
		t.Fatal(err)
	}
	return out
}

// A release never mixes with another: with the next release published and
// its worker waiting, the reader browsing it online (through the old
// worker), then the HTTP cache cleared and the network gone, the old
// worker serves its own release's pages with their own assets: the
// calculator goes live, no key shows raw, and its cache holds no page of
// another release.
func TestReleasesNeverMix(t *testing.T) {
	dir := built(t)
	next := nextRelease(t, dir)
	var h atomic.Pointer[http.Handler]
	first := server.Handler(dir)
	h.Store(&first)
	base, srv := offlineServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { (*h.Load()).ServeHTTP(w, r) }))
	browser := newBrowser(t)
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+"/calculator/")); err != nil {
		t.Fatal(err)
	}
	waitWorker(t, ctx)
	waitLive(t, ctx)
	ours := eval[string](t, ctx, `document.querySelector('meta[name="cpocalc-release"]').content`)

	// The next release is published; the reader goes on browsing.
	second := server.Handler(next)
	h.Store(&second)
	for _, p := range []string{"/calculator/", "/", "/methodology/", "/calculator/"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p)); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.readyState === "complete"`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			t.Fatal(err)
		}
	}
	if got := eval[string](t, ctx, `document.querySelector('meta[name="cpocalc-release"]').content`); got != "bbbbbbbbbb" {
		t.Fatalf("online, the page is of release %q, want the next one", got)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`navigator.serviceWorker.getRegistration().then(r => !!(r && r.waiting))`, chromedp.WithPollingTimeout(120*time.Second))); err != nil {
		t.Fatalf("the next release's worker is not waiting: %v", err)
	}
	// Every page the old worker keeps is of its own release.
	kept := eval[[]string](t, ctx, `(async () => { const out = []; for (const name of await caches.keys()) { const c = await caches.open(name);
		for (const r of await c.keys()) { if (!/\/$|\.html$/.test(new URL(r.url).pathname)) continue; const m = /name="?cpocalc-release"? content="?([0-9a-f]+)/.exec(await (await c.match(r)).text());
		out.push(name + " " + new URL(r.url).pathname + " " + (m ? m[1] : "none")); } } return out; })()`)
	old := 0
	for _, k := range kept {
		f := strings.Fields(k)
		cacheVersion, release := strings.TrimPrefix(f[0], "cpocalc-"), f[2]
		if cacheVersion == "bbbbbbbbbb" {
			if release != "bbbbbbbbbb" {
				t.Errorf("the next worker's cache holds %s of release %s", f[1], release)
			}
			continue
		}
		old++
		if release != ours {
			t.Errorf("the old worker's cache holds %s of release %s (its own: %s)", f[1], release, ours)
		}
	}
	if old == 0 {
		t.Errorf("the old worker's cache holds no page: %v", kept)
	}

	// The HTTP cache cleared, the network gone, the server stopped.
	if err := chromedp.Do(ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Call(ctx, network.ClearBrowserCache, cdp.Empty{})
		return chromedp.Void{}, err
	}, goOffline); err != nil {
		t.Fatal(err)
	}
	srv.Close()
	tr := watch(ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/calculator/")); err != nil {
		t.Fatal(err)
	}
	waitLive(t, ctx)
	if got := eval[string](t, ctx, `document.querySelector('meta[name="cpocalc-release"]').content`); got != ours {
		t.Errorf("offline, the old worker served a page of release %q, want its own %q", got, ours)
	}
	checkNoRawKeys(t, ctx, "offline calculator")
	screenshot(t, ctx, "release-offline-calculator")
	for _, e := range tr.snapshot().exceptions {
		t.Errorf("offline: uncaught exception: %s", e)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/")); err != nil {
		t.Fatal(err)
	}
	waitCharts(t, ctx, 9)
	checkNoRawKeys(t, ctx, "offline explainer")
}

// The glossary: on each page the first use of each term opens its
// explanation, by keyboard (Enter, then Escape) and by a tap, in both
// editions; each term is marked once.
func TestGlossaryTerms(t *testing.T) {
	browser := newBrowser(t)
	for _, c := range []struct {
		path string
		cat  *label.Catalogue
		min  int
	}{{"/", pagewords.English, 9}, {"/methodology/", pagewords.English, 9}, {"/zh/", zh.Catalogue, 9}} {
		ctx, cancel := openTab(t, browser, siteURL(t)+c.path, 390, 844)
		ids := eval[[]string](t, ctx, `[...document.querySelectorAll("main button.term")].map(b => b.getAttribute("popovertarget"))`)
		seen := map[string]bool{}
		for _, id := range ids {
			if seen[id] {
				t.Errorf("%s: %s marked twice", c.path, id)
			}
			seen[id] = true
		}
		if len(ids) < c.min {
			t.Errorf("%s: %d terms marked: %v", c.path, len(ids), ids)
		}
		for _, id := range ids {
			want := c.cat.Get("glossary." + strings.TrimPrefix(id, "term-"))
			sel := `button.term[popovertarget="` + id + `"]`
			// By keyboard.
			if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(sel)), chromedp.KeyEvent("\r")); err != nil {
				t.Fatal(err)
			}
			if got := eval[string](t, ctx, `(() => { const p = document.getElementById("`+id+`"); return p.matches(":popover-open") ? p.textContent : ""; })()`); got != want {
				t.Errorf("%s: Enter on %s shows %q, want %q", c.path, id, got, want)
			}
			if err := chromedp.Do(ctx, chromedp.KeyEvent(keys.Escape)); err != nil {
				t.Fatal(err)
			}
			if open := eval[bool](t, ctx, `document.getElementById("`+id+`").matches(":popover-open")`); open {
				t.Errorf("%s: Escape left %s open", c.path, id)
			}
		}
		// By a tap: a click where the term is.
		if len(ids) > 0 {
			sel := `button.term[popovertarget="` + ids[0] + `"]`
			if err := chromedp.Do(ctx, chromedp.ScrollIntoView(chromedp.CSS(sel)), chromedp.Click(chromedp.CSS(sel))); err != nil {
				t.Fatal(err)
			}
			if !eval[bool](t, ctx, `document.getElementById("`+ids[0]+`").matches(":popover-open")`) {
				t.Errorf("%s: a tap on %s opens nothing", c.path, ids[0])
			}
			viewportShot(t, ctx, "glossary-"+strings.Trim(strings.ReplaceAll(c.path, "/", "-"), "-"))
		}
		cancel()
	}
}
