package main

import (
	"bufio"
	"context"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"github.com/cpocalc/cpocalc/build/internal/server"
	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/report"
)

// Browser tests of embedding and offline use: widgets in another origin's
// page, the service worker, and the offline bundle's server.

// hostSite serves pages of "another site" (another port of the loopback
// host): /w/<oembed name>?s=<permalink> is an article that embeds one widget
// with the html of its oEmbed file, as a writer would paste it.
func hostSite(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	snippets := map[string]string{}
	for _, p := range allPages() {
		if p.Embed != nil {
			name := strings.TrimSuffix(strings.TrimPrefix(p.Embed.OEmbed(), "oembed/"), ".json")
			snippets[name] = servedOEmbedHTML(t, name)
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/w/{name}", func(w http.ResponseWriter, r *http.Request) {
		snippet, ok := snippets[r.PathValue("name")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if s := r.URL.Query().Get("s"); s != "" {
			snippet = strings.Replace(snippet, `/" title=`, `/#`+html.EscapeString(s)+`" title=`, 1)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title>
<link rel="icon" href="data:,">
<script>window.heights = []; addEventListener("message", function (e) { if (e.data && e.data.type === "cpocalc:height") heights.push(e.data.height); });</script>
</head><body style="margin:0;font:16px sans-serif"><main style="max-width:760px;margin:0 auto;padding:8px"><h1>An article</h1><p>Some text before the figure.</p>
%s
<p id="after">Some text after it.</p></main></body></html>`, snippet)
	})
	// /frame?src=<address>: a page that frames any address, as a site
	// that takes our pages whole would.
	mux.HandleFunc("/frame", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A framing site</title><link rel="icon" href="data:,"></head><body><iframe src="%s" width="800" height="600"></iframe></body></html>`, html.EscapeString(r.URL.Query().Get("src")))
	})
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// inFrame waits until a JavaScript expression, run in the iframe's own
// window, is truthy, and returns its value.
func inFrame[T any](t *testing.T, ctx context.Context, frame *chromedp.Node, js string, timeout time.Duration) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Poll[T](js, chromedp.WithPollingInFrame(frame), chromedp.WithPollingTimeout(timeout)))
	if err != nil {
		t.Fatalf("in the frame, %s: %v", js, err)
	}
	return v
}

// Each widget, embedded with its snippet (sandboxed: scripts, and popups
// that leave the sandbox, for its attribution link) in a
// page of another origin, loads, answers, sizes its frame, logs no error
// and asks nothing of any other host.
func TestEmbedsOnAnotherOrigin(t *testing.T) {
	host := hostSite(t)
	// The frame is another origin (an opaque one, sandboxed); the site
	// isolation flags keep it in the page's process, so that the page's
	// DevTools session sees its requests and console and can run checks
	// in it.
	browser := newBrowser(t,
		chromedp.Flag("disable-features", "Translate,BlinkGenPropertyTrees,SitePerProcess,IsolateOrigins,IsolateSandboxedIframes"),
		chromedp.Flag("disable-site-isolation-trials", true))
	other, err := core.EncodePermalink(func() core.Scenario { s := core.DefaultScenario(); s.LaneGbps = 100; return s }())
	if err != nil {
		t.Fatal(err)
	}
	type widget struct {
		name, query string
		check       func(t *testing.T, ctx context.Context, frame *chromedp.Node)
	}
	chartDrawn := func(t *testing.T, ctx context.Context, frame *chromedp.Node) {
		inFrame[bool](t, ctx, frame, `document.querySelectorAll(".chart-box svg path").length > 10`, 30*time.Second)
	}
	widgets := []widget{
		{"calculator", "", func(t *testing.T, ctx context.Context, frame *chromedp.Node) {
			inFrame[bool](t, ctx, frame, `document.getElementById("calc-status").dataset.state === "live"`, 90*time.Second)
			before := inFrame[string](t, ctx, frame, `document.getElementById("r-headline").textContent`, time.Second)
			h0 := eval[float64](t, ctx, `document.querySelector("iframe").getBoundingClientRect().height`)
			// Open the inputs: the frame grows to show them.
			inFrame[bool](t, ctx, frame, `(() => { document.querySelector("details.embed-inputs").open = true; return true; })()`, time.Second)
			if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`document.querySelector("iframe").getBoundingClientRect().height > %v + 200`, h0), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
				t.Errorf("opening the inputs did not grow the frame from %v px: %v", h0, err)
			}
			inFrame[bool](t, ctx, frame, `(() => { const el = document.querySelector('[data-field="gpus"]'); el.value = "16384"; el.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`, time.Second)
			after := inFrame[string](t, ctx, frame, fmt.Sprintf(`(() => { const h = document.getElementById("r-headline").textContent; return h !== %q && h; })()`, before), 10*time.Second)
			s := core.DefaultScenario()
			s.GPUs = 16384
			r, err := core.Evaluate(s)
			if err != nil {
				t.Fatal(err)
			}
			if want := htmlText(t, ctx, report.In(label.English).Headline(&r)); after != want {
				t.Errorf("after the edit the embed says\n%s\ncore says\n%s", after, want)
			}
			// Its link to the full calculator carries the scenario.
			link := inFrame[string](t, ctx, frame, `document.getElementById("open-full").href.indexOf("#v=") > 0 && document.getElementById("open-full").href`, 5*time.Second)
			if want, _ := core.EncodePermalink(s); !strings.HasSuffix(link, "#"+core.VersionedLink(want)) {
				t.Errorf("full-calculator link %s does not carry the scenario %s", link, want)
			}
			// The sandbox lets the attribution link open its new tab (and
			// the tab leaves the sandbox: the full calculator runs there).
			opened := chromedp.WaitNewTarget(ctx, func(i *target.Info) bool { return strings.Contains(i.URL, "/calculator/") })
			inFrame[bool](t, ctx, frame, `(() => { document.getElementById("open-full").click(); return true; })()`, time.Second)
			select {
			case id := <-opened:
				tab, cancel := chromedp.NewContext(ctx, chromedp.WithTargetID(id))
				// The tab may still be blank when it is found: wait for the
				// calculator in it, then for it to be live.
				if _, err := chromedp.Run(tab, chromedp.Poll[bool](`(() => { const s = document.getElementById("calc-status"); return !!s && s.dataset.state === "live"; })()`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
					t.Errorf("the full calculator the attribution link opened did not go live: %v", err)
				}
				cancel()
			case <-time.After(15 * time.Second):
				t.Error("the attribution link opened no tab: the sandbox blocks it")
			}
		}},
		{"chart-energy-per-bit", "", chartDrawn},
		{"chart-copper-wall", other, func(t *testing.T, ctx context.Context, frame *chromedp.Node) {
			chartDrawn(t, ctx, frame)
			// The permalink's scenario (100 G lanes) reaches the chart.
			inFrame[bool](t, ctx, frame, `document.getElementById("calc-status").dataset.state === "live"`, 90*time.Second)
			if got := inFrame[string](t, ctx, frame, `document.querySelector("#fig-copper-wall .chart-data").textContent`, time.Second); !strings.Contains(got, "100") {
				t.Errorf("the copper-wall table does not follow the link's scenario: %.300s", got)
			}
		}},
		{"chart-cluster-power", "", chartDrawn},
		{"chart-latency", "", chartDrawn},
		{"chart-electrical-path", "", chartDrawn},
		{"chart-insertion-loss", "", chartDrawn},
		{"chart-fiber-prices", "", chartDrawn},
		{"animation", "", func(t *testing.T, ctx context.Context, frame *chromedp.Node) {
			inFrame[bool](t, ctx, frame, `!!(window.cpoanim && window.cpoanim.state().frames > 0)`, 120*time.Second)
			stage := inFrame[float64](t, ctx, frame, `(() => { window.cpoanim.pause(); document.getElementById("anim-next").click(); return window.cpoanim.state().stage + 1; })()`, 5*time.Second)
			if stage < 1 {
				t.Errorf("the Next button did not move the animation: stage %v", stage-1)
			}
		}},
	}
	for _, w := range widgets {
		t.Run(w.name, func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(browser)
			defer cancel()
			tr := watch(ctx)
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(800, 900), chromedp.Navigate(host+"/w/"+w.name+"?s="+url.QueryEscape(w.query))); err != nil {
				t.Fatal(err)
			}
			// The frame reports its height and the snippet's script sets it.
			if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`heights.length > 0 && document.querySelector("iframe").style.height !== ""`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
				t.Fatalf("the frame did not size itself: %v", err)
			}
			nodes, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSS("iframe")))
			if err != nil || len(nodes) != 1 {
				t.Fatalf("iframe: %v (%d)", err, len(nodes))
			}
			frame := nodes[0]
			if got := inFrame[string](t, ctx, frame, `String(window.origin)`, 10*time.Second); got != "null" {
				t.Errorf("the frame's origin is %q; sandboxed without allow-same-origin it should be opaque", got)
			}
			w.check(t, ctx, frame)
			// The frame's height is the last one it reported, and that is
			// its content's height.
			// (Its last report may still be on its way: wait until the two
			// agree, or say what they are.)
			chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("iframe").getBoundingClientRect().height === heights[heights.length - 1]`, chromedp.WithPollingTimeout(5*time.Second)))
			got := eval[[]float64](t, ctx, `[document.querySelector("iframe").getBoundingClientRect().height, heights[heights.length - 1]]`)
			if got[0] != got[1] {
				t.Errorf("the frame is %v px high; it last asked for %v px", got[0], got[1])
			}
			if w.name != "animation" {
				content := inFrame[float64](t, ctx, frame, `Math.ceil(document.documentElement.getBoundingClientRect().height)`, time.Second)
				if content != got[1] {
					t.Errorf("the frame's content is %v px high; it asked for %v px", content, got[1])
				}
			}
			if overflow := eval[bool](t, ctx, `document.documentElement.scrollWidth > innerWidth + 1`); overflow {
				t.Error("the embed made the host page wider than the screen")
			}
			screenshot(t, ctx, "embed-"+w.name)
			checkTraffic(t, w.name, tr)
		})
	}
}

// The "Embed" button shows the snippet of the oEmbed file, with the
// page's scenario when it has one.
func TestEmbedButton(t *testing.T) {
	base := siteURL(t)
	browser := newBrowser(t)
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	tr := watch(ctx)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+"/")); err != nil {
		t.Fatal(err)
	}
	waitCharts(t, ctx, 9)
	snippetOf := func(ctx context.Context, sel string) string {
		return eval[string](t, ctx, fmt.Sprintf(`(() => { const d = document.querySelector(%q).querySelector("details.embed-box"); d.open = true; d.dispatchEvent(new Event("toggle")); return d.querySelector("textarea").value; })()`, sel))
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("details.embed-box").length`); n != 10 {
		t.Errorf("%d Embed buttons on the explainer; want 10 (9 charts and the animation)", n)
	}
	if got, want := snippetOf(ctx, "#fig-latency"), servedOEmbedHTML(t, "chart-latency"); got != want {
		t.Errorf("the latency chart's Embed box shows\n%s\nits oEmbed file says\n%s", got, want)
	}
	if got, want := snippetOf(ctx, `[data-embed="embed/animation/"]`), servedOEmbedHTML(t, "animation"); got != want {
		t.Errorf("the animation's Embed box shows\n%s\nits oEmbed file says\n%s", got, want)
	}
	eval[bool](t, ctx, `(() => { document.querySelector("#fig-latency .embed-box").scrollIntoView({block: "center"}); return true; })()`)
	viewportShot(t, ctx, "embed-button-1280")
	checkTraffic(t, "embed button", tr)

	// On the calculator, the snippet carries the reader's scenario.
	cctx, _ := openCalculator(t, browser, "")
	typeInto(t, cctx, "gpus", "16384")
	eval[bool](t, cctx, `(() => { window.cpocalcPage.flushURL(); return true; })()`)
	hash := eval[string](t, cctx, `location.hash`)
	got := snippetOf(cctx, `[data-embed="embed/calculator/"]`)
	want := strings.ReplaceAll(servedOEmbedHTML(t, "calculator"), `/embed/calculator/"`, `/embed/calculator/`+html.EscapeString(hash)+`"`)
	if hash == "" || got != want {
		t.Errorf("the calculator's Embed box shows\n%s\nwant\n%s", got, want)
	}
}

// offlineServer serves the built site on its own port, so that a test can
// stop it.
func offlineServer(t *testing.T, h http.Handler) (string, *http.Server) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String(), srv
}

// offlineRule holds the parameters of Network.emulateNetworkConditionsByRule
// in both forms the protocol has had: "offline" at the top (Chromium 148,
// Debian's) and in each rule, with the service worker's switch (newer).
type offlineRule struct {
	Offline                     bool                  `json:"offline"`
	EmulateOfflineServiceWorker bool                  `json:"emulateOfflineServiceWorker"`
	MatchedNetworkConditions    []*network.Conditions `json:"matchedNetworkConditions"`
}

// legacyConditions are the parameters of Network.emulateNetworkConditions,
// which newer protocols drop and Chromium 148 still needs for
// navigator.onLine.
type legacyConditions struct {
	Offline            bool    `json:"offline"`
	Latency            float64 `json:"latency"`
	DownloadThroughput float64 `json:"downloadThroughput"`
	UploadThroughput   float64 `json:"uploadThroughput"`
}

var emulateLegacy = cdp.Command[legacyConditions, cdp.Empty]{Method: "Network.emulateNetworkConditions"}

var emulateByRule = cdp.Command[offlineRule, network.EmulateNetworkConditionsByRuleResult]{Method: network.CommandEmulateNetworkConditionsByRule}

// goOffline cuts the tab off the network (DevTools network emulation).
func goOffline(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
	if _, err := chromedp.Call(ctx, emulateByRule, offlineRule{Offline: true, EmulateOfflineServiceWorker: true,
		MatchedNetworkConditions: []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}}}); err != nil {
		return chromedp.Void{}, fmt.Errorf("emulateNetworkConditionsByRule: %w", err)
	}
	if _, err := chromedp.Call(ctx, emulateLegacy, legacyConditions{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}); err != nil && !strings.Contains(err.Error(), "wasn't found") {
		return chromedp.Void{}, fmt.Errorf("emulateNetworkConditions: %w", err)
	}
	if _, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
		return chromedp.Void{}, fmt.Errorf("overrideNetworkState: %w", err)
	}
	return chromedp.Void{}, nil
}

// waitWorker waits until the service worker has kept the site and
// controls the page, and returns how many files it kept.
func waitWorker(t *testing.T, ctx context.Context) int {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!navigator.serviceWorker.controller`, chromedp.WithPollingTimeout(120*time.Second))); err != nil {
		t.Fatalf("the service worker did not take control: %v", err)
	}
	return eval[int](t, ctx, `caches.keys().then(k => k.filter(n => n.startsWith("cpocalc-"))).then(k => k.length === 1 ? caches.open(k[0]).then(c => c.keys()).then(r => r.length) : -k.length)`)
}

// Load once, go offline, reload: the calculator still computes, the
// animation still plays, the explainer still draws its charts, and an
// unknown address gets the 404 page.
func TestOffline(t *testing.T) {
	dir := built(t)
	base, srv := offlineServer(t, server.Handler(dir))
	browser := newBrowser(t)
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+"/")); err != nil {
		t.Fatal(err)
	}
	kept := waitWorker(t, ctx)
	if list := precacheList(t, dir); kept < len(list) {
		t.Errorf("the service worker kept %d files; its list has %d", kept, len(list))
	}
	// The animation's WebAssembly is kept only once it has been used:
	// the explainer, unscrolled, and the calculator do not fetch it.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/calculator/")); err != nil {
		t.Fatal(err)
	}
	waitLive(t, ctx)
	animKept := `caches.keys().then(k => Promise.all(k.filter(n => n.startsWith("cpocalc-")).map(n => caches.open(n).then(c => c.keys())))).then(rs => rs.flat().some(r => /assets\/anim\.[0-9a-f]+\.wasm/.test(r.url)))`
	if eval[bool](t, ctx, animKept) {
		t.Error("the animation's wasm was kept before any page used it")
	}
	// Used once, online: then it is kept.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/embed/animation/")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!(window.cpoanim && window.cpoanim.state().tick > 3)`, chromedp.WithPollingTimeout(120*time.Second))); err != nil {
		t.Fatalf("online, the animation does not play: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](animKept, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Errorf("the animation's wasm was not kept after it played: %v", err)
	}
	// Addresses that are not the site's files, however many, are not
	// kept: the cache holds the site once.
	before := waitWorker(t, ctx)
	eval[int](t, ctx, `(async () => {
		const junk = [];
		for (let i = 0; i < 60; i++) junk.push("../calculator" + "/".repeat(2 + i % 5) + "?n=" + i, "../no-such-" + i + "/", "../assets/x" + i + ".js", "../calculator/index.html?i=" + i);
		await Promise.all(junk.map(u => fetch(u).catch(() => null)));
		return junk.length;
	})()`)
	for i := 0; i < 3; i++ {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/calculator//"+strings.Repeat("/", i)+"?visit="+strconv.Itoa(i))); err != nil {
			t.Fatal(err)
		}
	}
	afterFrames(t, ctx, 30) // room for a put the worker might still make
	if after := waitWorker(t, ctx); after != before || after > len(precacheList(t, dir))+1 {
		t.Errorf("after 243 requests for addresses that are not the site's files the cache holds %d entries (before: %d; the site: %d and the animation's wasm)", after, before, len(precacheList(t, dir)))
	}

	// Offline: the emulation, and the server gone as well.
	if err := chromedp.Do(ctx, goOffline); err != nil {
		t.Fatal(err)
	}
	srv.Close()
	if online := eval[bool](t, ctx, `navigator.onLine`); online {
		t.Error("navigator.onLine is true: the emulation did not take")
	}
	tr := watch(ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/calculator/")); err != nil {
		t.Fatal(err)
	}
	// (Chromium resets navigator.onLine on navigation; the network stays
	// cut: a file the worker does not keep cannot be had.)
	if got := eval[string](t, ctx, `fetch("../robots.txt?probe").then(r => "fetched " + r.status, e => "failed")`); got != "failed" {
		t.Errorf("offline, a file the worker does not keep was %s", got)
	}
	waitLive(t, ctx)
	typeInto(t, ctx, "gpus", "16384")
	s := core.DefaultScenario()
	s.GPUs = 16384
	checkAgainstCore(t, ctx, s)
	screenshot(t, ctx, "offline-calculator")

	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/embed/animation/")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!(window.cpoanim && window.cpoanim.state().tick > 3)`, chromedp.WithPollingTimeout(120*time.Second))); err != nil {
		t.Errorf("offline, the animation does not play: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/")); err != nil {
		t.Fatal(err)
	}
	waitCharts(t, ctx, 9)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/no/such/page/")); err != nil {
		t.Fatal(err)
	}
	if title := eval[string](t, ctx, `document.title`); title != "Page not found" {
		t.Errorf("offline, an unknown address shows %q", title)
	}
	// Offline, requests fail by design; the pages must not throw.
	for _, e := range tr.snapshot().exceptions {
		t.Errorf("offline: uncaught exception: %s", e)
	}
}

// waitReloaded waits until a page marked window.beforeUpdate has reloaded
// into a version without the update banner; polls that the reload cuts
// short are tried again.
//
// It asks the page's main frame directly (Runtime.evaluate), not through
// chromedp's frame tree, which a reload can leave without a top-level
// frame for a while ("received DOM.documentUpdated when there's no
// top-level frame").
func waitReloaded(ctx context.Context, timeout time.Duration) error {
	const js = `document.readyState === "complete" && !window.beforeUpdate && !document.getElementById("update-banner")`
	byValue := true
	deadline := time.Now().Add(timeout)
	for {
		res, err := chromedp.Call(ctx, cdpruntime.Evaluate, cdpruntime.EvaluateParams{Expression: js, ReturnByValue: &byValue})
		if err == nil && res.ExceptionDetails == nil && res.Result != nil && string(res.Result.Value) == "true" {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("not reloaded after %v (last answer %+v, %v)", timeout, res.Result, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// A new version of the site is offered, and taken when the reader asks.
func TestServiceWorkerUpdate(t *testing.T) {
	dir := built(t)
	var version atomic.Int32
	h := server.Handler(dir)
	base, _ := offlineServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/sw.js" && version.Load() > 0 {
			body, err := os.ReadFile(filepath.Join(dir, "sw.js"))
			if err != nil {
				http.Error(w, err.Error(), 500)
				return
			}
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
			w.Header().Set("Cache-Control", "no-cache")
			// A new build: another VERSION.
			w.Write(regexp.MustCompile(`VERSION="[0-9a-f]+"`).ReplaceAll(body, []byte(`VERSION="0000000002"`)))
			return
		}
		h.ServeHTTP(w, r)
	}))
	browser := newBrowserAlone(t, 6*time.Minute)
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	tr := watch(ctx)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+"/methodology/")); err != nil {
		t.Fatal(err)
	}
	waitWorker(t, ctx)
	if n := eval[int](t, ctx, `document.querySelectorAll("#update-banner").length`); n != 0 {
		t.Error("an update is offered on the first visit")
	}
	version.Store(1)
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!document.getElementById("update-banner")`, chromedp.WithPollingTimeout(120*time.Second))); err != nil {
		t.Fatalf("no update offered: %v", err)
	}
	viewportShot(t, ctx, "update-banner")
	// A second tab offers it too.
	ctx2, cancel2 := chromedp.NewContext(ctx)
	defer cancel2()
	if err := chromedp.Do(ctx2, chromedp.Navigate(base+"/")); err != nil {
		t.Fatal(err)
	}
	// Loaded to the end: while a tab still fetches through the old worker
	// the browser holds the new one back (its in-flight requests first).
	if _, err := chromedp.Run(ctx2, chromedp.Poll[bool](`!!document.getElementById("update-banner") && document.readyState === "complete"`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Fatalf("the second tab offers no update: %v", err)
	}
	eval[bool](t, ctx2, `(() => { window.beforeUpdate = true; return true; })()`)
	eval[bool](t, ctx, `(() => { window.beforeUpdate = true; document.querySelector("#update-banner button").click(); return true; })()`)
	if err := waitReloaded(ctx, 90*time.Second); err != nil {
		const js = `navigator.serviceWorker.getRegistration().then(r => JSON.stringify({active: r && r.active && r.active.state, waiting: r && r.waiting && r.waiting.state, installing: r && r.installing && r.installing.state, controller: !!navigator.serviceWorker.controller, banner: !!document.getElementById("update-banner"), before: !!window.beforeUpdate, visible: document.visibilityState, ready: document.readyState, asked: (document.getElementById("update-banner") || {getAttribute: () => "gone"}).getAttribute("data-asked")}))`
		state, _ := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
		state2, _ := chromedp.Run(ctx2, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
		t.Fatalf("the page did not reload into the new version: %v; the page's worker: %s; the second tab's: %s", err, state, state2)
	}
	// The first tab took the update; the second tab's Reload still
	// reloads it into the new version.
	eval[bool](t, ctx2, `(() => { document.querySelector("#update-banner button").click(); return true; })()`)
	if err := waitReloaded(ctx2, 30*time.Second); err != nil {
		t.Fatalf("after another tab took the update, Reload did nothing: %v", err)
	}
	caches := eval[[]string](t, ctx, `caches.keys()`)
	if len(caches) != 1 || caches[0] != "cpocalc-0000000002" {
		t.Errorf("caches after the update: %v (the old one should be gone)", caches)
	}
	checkTraffic(t, "update", tr)
}

// The bundle, unpacked into a temporary folder: its server starts, serves
// the site beside it, and the pages work. Opened as files, the pages show
// their built-in results and say how to start the server.
func TestBundleServes(t *testing.T) {
	dir := built(t)
	tmp := t.TempDir()
	unzipBundle(t, filepath.Join(dir, filepath.FromSlash(bundlePath)), tmp)
	name := ""
	for _, s := range servers {
		if s.GOOS == runtime.GOOS && s.GOARCH == runtime.GOARCH {
			name = s.Name
		}
	}
	if name == "" {
		t.Skipf("the bundle has no server for %s/%s", runtime.GOOS, runtime.GOARCH)
	}
	// Started from elsewhere, with no -dir: it finds the site beside it.
	cmd := exec.Command(filepath.Join(tmp, bundleDir, name), "-addr", "127.0.0.1:0")
	cmd.Dir = t.TempDir()
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		if sc.Scan() {
			line <- sc.Text()
		}
		io.Copy(io.Discard, out)
	}()
	var base string
	select {
	case l := <-line:
		m := regexp.MustCompile(`Serving (.*) at (http://127\.0\.0\.1:\d+)/`).FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("the server said %q", l)
		}
		if want := filepath.Join(tmp, bundleDir, "site"); m[1] != want {
			t.Errorf("the server serves %s; want the site beside it, %s", m[1], want)
		}
		base = m[2]
	case <-time.After(20 * time.Second):
		t.Fatal("the bundle's server printed nothing")
	}
	for path, typ := range map[string]string{"/": "text/html; charset=utf-8", "/calculator/": "text/html; charset=utf-8", "/sw.js": "text/javascript; charset=utf-8"} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != typ {
			t.Errorf("%s: %d %s", path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}
	browser := newBrowser(t)
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	tr := watch(ctx)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+"/calculator/")); err != nil {
		t.Fatal(err)
	}
	waitLive(t, ctx)
	typeInto(t, ctx, "lane_gbps", "100")
	s := core.DefaultScenario()
	s.LaneGbps = 100
	checkAgainstCore(t, ctx, s)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/embed/animation/")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!(window.cpoanim && window.cpoanim.state().frames > 0)`, chromedp.WithPollingTimeout(120*time.Second))); err != nil {
		t.Errorf("the bundle's animation does not start: %v", err)
	}
	checkTraffic(t, "bundle", tr)

	// From file:// the pages show what was built into them and say why
	// the live parts need the server.
	fctx, fcancel := chromedp.NewContext(browser)
	defer fcancel()
	ftr := watch(fctx)
	if err := chromedp.Do(fctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate("file://"+filepath.ToSlash(filepath.Join(tmp, bundleDir, "site", "calculator", "index.html")))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(fctx, chromedp.Poll[bool](`document.readyState === "complete" && document.getElementById("calc-status").dataset.state === "failed"`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("from a file, the calculator does not say it cannot start: %v", err)
	}
	notice := eval[string](t, fctx, `(document.querySelector(".file-notice") || {}).textContent || ""`)
	if !strings.Contains(notice, "serve-linux-amd64") || !strings.Contains(notice, "README.txt") {
		t.Errorf("from a file, the notice says %q", notice)
	}
	r, err := core.Evaluate(core.DefaultScenario())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := text(t, fctx, "r-headline"), htmlText(t, fctx, report.In(label.English).Headline(&r)); got != want {
		t.Errorf("from a file, the headline is %q; want the built one, %q", got, want)
	}
	screenshot(t, fctx, "bundle-file-calculator")
	for _, e := range ftr.snapshot().exceptions {
		t.Errorf("from a file: uncaught exception: %s", e)
	}
	for _, c := range ftr.snapshot().console {
		t.Errorf("from a file: console %s", c)
	}
}

// An embed on a scenario links back to the calculator on it; without one,
// to its place on the explainer.
func TestEmbedLinksBackToScenario(t *testing.T) {
	base := siteURL(t)
	browser := newBrowser(t)
	for _, c := range []struct{ path, sel, want string }{
		{"/embed/chart/latency/#v=1&gpus=4096", ".embed-credit a", "/calculator/#v=1&gpus=4096"},
		{"/embed/chart/latency/", ".embed-credit a", "/#fig-latency"},
		{"/embed/animation/#v=1&gpus=4096", "#anim-home", "/calculator/#v=1&gpus=4096"},
		{"/embed/animation/", "#anim-home", "/#the-three-step-compression"},
	} {
		ctx, cancel := openTab(t, browser, base+c.path, 800, 500)
		js := fmt.Sprintf(`(() => { const a = document.querySelector(%q); return !!a && a.href.endsWith(%q); })()`, c.sel, c.want)
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
			t.Errorf("%s: the link back is %q, want …%s", c.path, eval[string](t, ctx, fmt.Sprintf(`(document.querySelector(%q) || {}).href || ""`, c.sel)), c.want)
		}
		cancel()
	}
}

// On a phone the animation's controls keep to one row, every one of them
// on screen, the link back included (both editions).
func TestAnimationControlsFitAPhone(t *testing.T) {
	base := siteURL(t)
	browser := newBrowser(t)
	for _, path := range []string{"/embed/animation/", "/zh/embed/animation/"} {
		ctx, cancel := openTab(t, browser, base+path, 360, 400)
		bad := eval[[]string](t, ctx, `[...document.querySelectorAll(".anim-controls > *")].filter(e => getComputedStyle(e).display !== "none").map(e => [e.id || e.className, e.getBoundingClientRect()]).filter(([, r]) => r.right > innerWidth + 0.5 || r.left < 0 || r.height > 40).map(([n, r]) => n + " at " + Math.round(r.left) + "–" + Math.round(r.right) + " px, " + Math.round(r.height) + " px high")`)
		for _, b := range bad {
			t.Errorf("%s at 360 px: %s", path, b)
		}
		cancel()
	}
}
