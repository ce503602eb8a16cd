package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/cpocalc/cpocalc/build/internal/server"
)

// Browser tests: real headless Chromium, driven with chromedp, against the
// built site served as `make serve` serves it. Chromium comes from the
// machine (Debian's chromium package; .ci/run installs it). Set
// SKIP_BROWSER_TESTS=1 to skip them on a machine without it.

// findChromium returns the browser to drive.
func findChromium(t *testing.T) string {
	t.Helper()
	if os.Getenv("SKIP_BROWSER_TESTS") == "1" {
		t.Skip("SKIP_BROWSER_TESTS=1")
	}
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("no Chromium found: install Debian's chromium package (.ci/run does), set CHROMIUM to its path, or set SKIP_BROWSER_TESTS=1")
	return ""
}

var (
	serveOnce sync.Once
	serveURL  string
)

// siteURL serves the built site on a free loopback port, once.
func siteURL(t *testing.T) string {
	t.Helper()
	dir := built(t)
	serveOnce.Do(func() {
		ln, err := testListener()
		if err != nil {
			t.Fatal(err)
		}
		go http.Serve(ln, server.Handler(dir))
		serveURL = "http://" + ln.Addr().String()
	})
	return serveURL
}

// The tests share one Chromium: starting one costs about a second, and
// there are dozens of browser tests. Each test gets a browser context of
// its own (a fresh, incognito-like profile: its own storage, cache and
// service workers), so no test sees another's state.
var shared struct {
	once   sync.Once
	ctx    context.Context
	cancel func()
	err    error
}

// browserOptions are Chromium's flags for the tests, as DESIGN.md gives them.
func browserOptions(exe, profile string, extra ...chromedp.ExecAllocatorOption) []chromedp.ExecAllocatorOption {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("hide-scrollbars", true),
	)
	return append(opts, extra...)
}

// parallelTests are the tests newBrowser has made parallel (a test that
// asks for two browsers is made so once).
var parallelTests sync.Map

// closeSharedBrowser stops the shared Chromium (TestMain, at the end).
func closeSharedBrowser() {
	if shared.cancel != nil {
		shared.cancel()
	}
}

// newBrowser gives a test a fresh browser profile in the shared Chromium
// and marks the test parallel (browser tests wait on pages far more than
// they compute, so two or three at once keep both cores busy). Flags of
// its own (extra) get the test a Chromium of its own.
//
// Its budget is five minutes: the longest of these tests take one or two
// alone, and under a full run on a slow machine (a whole make test in
// twenty minutes, four pages at a time on two cores) three minutes ran out
// for tests that pass alone in under one.
func newBrowser(t *testing.T, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	return newBrowserFor(t, 8*time.Minute, extra...)
}

// pageBudget is what one visit of atEachWidth may take: a page loaded,
// drawn and checked. A whole run's load (browser tests four at once on two
// cores, beside the Go builds) makes a visit take three times what it
// takes alone, or more.
const pageBudget = 4 * time.Minute

// newBrowserForPages is newBrowser for a test that visits n pages through
// atEachWidth (each at two widths): its budget grows with the visits, and
// each visit has pageBudget of its own, so a page that hangs still fails
// alone.
func newBrowserForPages(t *testing.T, n int) context.Context {
	t.Helper()
	return newBrowserFor(t, time.Duration(2*n)*pageBudget)
}

// newBrowserAlone is newBrowserFor for a test that must have the machine
// to itself: it does not run in parallel, so it runs before the parallel
// tests start (a service worker's update, which Chromium may hold back for
// minutes while other pages load on a busy machine).
func newBrowserAlone(t *testing.T, budget time.Duration) context.Context {
	t.Helper()
	parallelTests.Store(t, true)
	return newBrowserFor(t, budget)
}

// newBrowserFor is newBrowser with a budget of its own, for a test that
// visits many pages: the budget stops a test that hangs, and under a full
// run's load (browser tests four at once on two cores) a long test takes
// four or five times what it takes alone.
func newBrowserFor(t *testing.T, budget time.Duration, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	exe := findChromium(t)
	// The benchmarks (make bench) run alone: their figures are timings,
	// and one of them sets environment variables, which a parallel test
	// may not.
	if _, again := parallelTests.LoadOrStore(t, true); !again && os.Getenv("CPOCALC_BENCH") != "1" {
		t.Parallel()
	}
	var parent context.Context
	var opts []chromedp.ContextOption
	if len(extra) > 0 {
		actx, cancelA := chromedp.NewExecAllocator(context.Background(), browserOptions(exe, t.TempDir(), extra...)...)
		t.Cleanup(cancelA)
		parent = actx
	} else {
		shared.once.Do(func() {
			profile, err := os.MkdirTemp("", "cpocalc-chromium-")
			if err != nil {
				shared.err = err
				return
			}
			actx, cancelA := chromedp.NewExecAllocator(context.Background(), browserOptions(exe, profile)...)
			bctx, cancelB := chromedp.NewContext(actx)
			shared.ctx = bctx
			shared.cancel = func() { cancelB(); cancelA(); os.RemoveAll(profile) }
			shared.err = chromedp.Do(bctx, chromedp.Navigate("about:blank"))
		})
		if shared.err != nil {
			t.Fatalf("start Chromium: %v", shared.err)
		}
		parent = shared.ctx
		opts = append(opts, chromedp.WithNewBrowserContext())
	}
	ctx, cancelB := chromedp.NewContext(parent, opts...)
	ctx, cancelC := context.WithTimeout(ctx, budget)
	t.Cleanup(func() { cancelC(); cancelB() })
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

// traffic records what a page did: every request, failures and console
// errors.
type traffic struct {
	mu         sync.Mutex
	requests   []string
	failed     []string
	badStatus  []string
	console    []string
	exceptions []string
}

func (tr *traffic) add(list *[]string, s string) {
	tr.mu.Lock()
	*list = append(*list, s)
	tr.mu.Unlock()
}

func (tr *traffic) snapshot() traffic {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return traffic{
		requests: append([]string(nil), tr.requests...), failed: append([]string(nil), tr.failed...),
		badStatus: append([]string(nil), tr.badStatus...), console: append([]string(nil), tr.console...),
		exceptions: append([]string(nil), tr.exceptions...),
	}
}

// watch subscribes to the tab's network and console events.
func watch(ctx context.Context) *traffic {
	tr := &traffic{}
	reqs := chromedp.Events(ctx, network.RequestWillBeSent)
	fails := chromedp.Events(ctx, network.LoadingFailed)
	resps := chromedp.Events(ctx, network.ResponseReceived)
	cons := chromedp.Events(ctx, runtime.ConsoleAPICalled)
	excs := chromedp.Events(ctx, runtime.ExceptionThrown)
	go func() {
		for ev, err := range reqs {
			if err != nil {
				return
			}
			tr.add(&tr.requests, ev.Request.URL)
		}
	}()
	go func() {
		for ev, err := range fails {
			if err != nil {
				return
			}
			tr.add(&tr.failed, fmt.Sprintf("%s (%s)", ev.RequestID, ev.ErrorText))
		}
	}()
	go func() {
		for ev, err := range resps {
			if err != nil {
				return
			}
			if ev.Response.Status >= 400 {
				tr.add(&tr.badStatus, fmt.Sprintf("%s: %d", ev.Response.URL, ev.Response.Status))
			}
		}
	}()
	go func() {
		for ev, err := range cons {
			if err != nil {
				return
			}
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				tr.add(&tr.console, string(ev.Type)+": "+strings.Join(parts, " "))
			}
		}
	}()
	go func() {
		for ev, err := range excs {
			if err != nil {
				return
			}
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			tr.add(&tr.exceptions, msg)
		}
	}()
	return tr
}

// checkTraffic fails on console errors, failed requests and any request
// that leaves the loopback host.
func checkTraffic(t *testing.T, name string, tr *traffic) {
	t.Helper()
	s := tr.snapshot()
	for _, r := range s.requests {
		u, err := url.Parse(r)
		if err != nil {
			t.Errorf("%s: unparsable request %q", name, r)
			continue
		}
		if u.Scheme == "data" || u.Scheme == "blob" || r == "about:blank" {
			continue
		}
		if u.Hostname() != "127.0.0.1" {
			t.Errorf("%s: request to another host: %s", name, r)
		}
	}
	for _, f := range s.failed {
		t.Errorf("%s: failed request: %s", name, f)
	}
	for _, f := range s.badStatus {
		t.Errorf("%s: error status: %s", name, f)
	}
	for _, c := range s.console {
		t.Errorf("%s: console %s", name, c)
	}
	for _, e := range s.exceptions {
		t.Errorf("%s: uncaught exception: %s", name, e)
	}
	if len(s.requests) == 0 {
		t.Errorf("%s: no requests seen; the network log is not working", name)
	}
}

// outDir is where screenshots go (git-ignored).
func outDir(t *testing.T) string {
	root, _ := findRoot()
	dir := filepath.Join(root, "testdata", "out")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// screenshot saves the whole page, as a JPEG.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	saveShot(t, ctx, name+".jpg", chromedp.FullScreenshot(90))
}

// viewportShot saves what the screen shows (fixed panels included), as a
// PNG.
func viewportShot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	saveShot(t, ctx, name+".png", chromedp.CaptureScreenshot())
}

func saveShot(t *testing.T, ctx context.Context, file string, shot chromedp.Action[[]byte]) {
	t.Helper()
	buf, err := chromedp.Run(ctx, shot)
	if err != nil {
		t.Errorf("screenshot %s: %v", file, err)
		return
	}
	if err := os.WriteFile(filepath.Join(outDir(t), file), buf, 0o644); err != nil {
		t.Error(err)
	}
}

// openTab opens url in a new tab of browser, at a screen of width ×
// height; the caller closes the tab with cancel.
func openTab(t *testing.T, browser context.Context, url string, width, height int64) (context.Context, context.CancelFunc) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height), chromedp.Navigate(url)); err != nil {
		cancel()
		t.Fatal(err)
	}
	return ctx, cancel
}

// checkAxe fails the test for each serious or critical violation axe-core
// finds in the page; what says which page, and how it was seen.
func checkAxe(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	if v := axeViolations(t, ctx); len(v) > 0 {
		t.Errorf("%s: axe-core: %d serious or critical violations:\n%s", what, len(v), strings.Join(v, "\n"))
	}
}

// axeViolations runs axe-core (from node_modules, injected from the local
// file) and returns the serious and critical violations.
func axeViolations(t *testing.T, ctx context.Context) []string {
	t.Helper()
	root, _ := findRoot()
	src, err := os.ReadFile(filepath.Join(root, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core: %v (go run ./build runs npm ci)", err)
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](string(src))); err != nil {
		t.Fatalf("inject axe-core: %v", err)
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](`axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.filter(v => v.impact === "serious" || v.impact === "critical").map(v => v.id + " (" + v.impact + "): " + v.help + " — " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe.run: %v", err)
	}
	var out []string
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("axe result: %v", err)
	}
	return out
}

var sitePages = []struct {
	name, path string
	charts     int
}{
	{"index", "/", 9},
	{"calculator", "/calculator/", 6},
	{"methodology", "/methodology/", 0},
}

// waitCharts waits until n charts are drawn.
func waitCharts(t *testing.T, ctx context.Context, n int) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`document.readyState === "complete" && (%d === 0 || (window.cpocharts && window.cpocharts.ids().length === %d))`, n, n), chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("charts not drawn: %v", err)
	}
}

// Each page loads at a phone's and a desktop's width with no console error
// and no failed request, asks nothing of any other host, draws its charts,
// and passes axe-core with no serious or critical violation.
func TestPagesInBrowser(t *testing.T) {
	base := siteURL(t)
	browser := newBrowserForPages(t, len(sitePages))
	for _, p := range sitePages {
		atEachWidth(t, browser, base+p.path, p.name, func(t *testing.T, ctx context.Context, name string, width int64, tr *traffic) {
			waitCharts(t, ctx, p.charts)
			// Each chart drew something: an SVG with shapes and text.
			if p.charts > 0 {
				counts, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`Array.from(document.querySelectorAll("[data-chart]")).map(b => b.querySelectorAll("svg path, svg text").length)`))
				if err != nil {
					t.Fatal(err)
				}
				if len(counts) != p.charts {
					t.Errorf("%d chart boxes, want %d", len(counts), p.charts)
				}
				for i, c := range counts {
					if c < 10 {
						t.Errorf("chart %d drew only %d shapes", i, c)
					}
				}
			}
			checkAsSeen(t, ctx, name, width, tr)
		})
	}
}

// atEachWidth opens url in a fresh tab at a phone's and at a desktop's
// width, each as a subtest named name-width, and runs check on the page
// with the tab's traffic watched from the start.
func atEachWidth(t *testing.T, browser context.Context, url, name string, check func(t *testing.T, ctx context.Context, name string, width int64, tr *traffic)) {
	for _, width := range []int64{360, 1280} {
		name := fmt.Sprintf("%s-%d", name, width)
		t.Run(name, func(t *testing.T) {
			ctx, cancel := chromedp.NewContext(browser)
			defer cancel()
			ctx, stop := context.WithTimeout(ctx, pageBudget)
			defer stop()
			tr := watch(ctx)
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(url)); err != nil {
				t.Fatal(err)
			}
			check(t, ctx, name, width, tr)
		})
	}
}

// checkAsSeen checks a loaded page as a reader sees it at a screen's
// width: nothing wider than the screen but the scrolling tables, a
// screenshot to look at, no catalogue key shown raw, axe-core with no
// serious or critical violation, and no request that failed or went to
// another host.
func checkAsSeen(t *testing.T, ctx context.Context, name string, width int64, tr *traffic) {
	t.Helper()
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
	if err != nil {
		t.Fatal(err)
	}
	if overflow {
		t.Errorf("%s: the page is wider than a %d px screen", name, width)
	}
	screenshot(t, ctx, name)
	checkNoRawKeys(t, ctx, name)
	checkAxe(t, ctx, name)
	checkTraffic(t, name, tr)
}

// In dark mode the charts redraw in the dark theme and the contrast still
// passes.
func TestDarkMode(t *testing.T) {
	base := siteURL(t)
	ctx := newBrowser(t)
	dark := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}})
		return chromedp.Void{}, err
	}
	tr := watch(ctx)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), dark, chromedp.Navigate(base+"/")); err != nil {
		t.Fatal(err)
	}
	waitCharts(t, ctx, 9)
	bg, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.body).backgroundColor + "|" + getComputedStyle(document.documentElement).backgroundColor`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(bg, "rgb(17, 20, 24)") {
		t.Errorf("dark background not applied: %s", bg)
	}
	screenshot(t, ctx, "index-1280-dark")
	checkAxe(t, ctx, "index in dark mode")
	checkTraffic(t, "dark", tr)
}

// Without scripts the pre-rendered numbers and the data tables are there.
func TestWithoutScripts(t *testing.T) {
	base := siteURL(t)
	ctx := newBrowser(t)
	noJS := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return chromedp.Void{}, err
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), noJS, chromedp.Navigate(base+"/calculator/")); err != nil {
		t.Fatal(err)
	}
	open, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("details.chart-data[open]").length`))
	if err != nil {
		t.Fatal(err)
	}
	if open != 6 {
		t.Errorf("%d chart tables open without scripts, want 6 (four charts, the tornado and the sweep)", open)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"interconnect power", "Scale-out tiers", "GPU to leaf"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in the page without scripts", want)
		}
	}
	// Each chart shows as the build's still picture of it, loaded.
	stills, err := chromedp.Run(ctx, chromedp.Poll[[]string](`(() => { const im = [...document.querySelectorAll("figure.chart img.chart-still")];
		return im.length && im.every(i => i.complete) ? im.map(i => i.naturalWidth + "x" + i.getBoundingClientRect().width + " " + i.alt) : null; })()`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatal(err)
	}
	if len(stills) != 4 {
		t.Errorf("%d chart stills without scripts, want 4: %v", len(stills), stills)
	}
	for _, s := range stills {
		if strings.HasPrefix(s, "0x") || strings.Contains(s, "x0 ") || len(s) < 30 {
			t.Errorf("a chart still is not drawn, or has no words: %q", s)
		}
	}
}

// The server sends the right types and cache headers, and a 404 page.
func TestServerHeaders(t *testing.T) {
	base := siteURL(t)
	dir := built(t)
	files := listFiles(t, dir)
	for _, f := range files {
		resp, err := http.Get(base + "/" + f)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("%s: %d", f, resp.StatusCode)
		}
		if got, want := resp.Header.Get("Content-Type"), server.ContentType(f); got != want {
			t.Errorf("%s: Content-Type %q, want %q", f, got, want)
		}
		cc := resp.Header.Get("Cache-Control")
		if strings.HasPrefix(f, "assets/") != strings.Contains(cc, "immutable") {
			t.Errorf("%s: Cache-Control %q", f, cc)
		}
	}
	// Compressed as a browser asks, and decoding to the file's bytes.
	raw := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	for _, f := range files {
		if !server.Compressible(f) || !strings.HasPrefix(f, "assets/calc.") {
			continue
		}
		req, _ := http.NewRequest("GET", base+"/"+f, nil)
		req.Header.Set("Accept-Encoding", "gzip, deflate, br")
		resp, err := raw.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(brotli.NewReader(resp.Body))
		resp.Body.Close()
		want, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		if resp.Header.Get("Content-Encoding") != "br" || !bytes.Equal(body, want) || resp.Header.Get("ETag") == "" {
			t.Errorf("%s: Content-Encoding %q, ETag %q, decodes to the file: %v", f, resp.Header.Get("Content-Encoding"), resp.Header.Get("ETag"), bytes.Equal(body, want))
		}
	}
	resp, err := http.Get(base + "/no/such/page")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Errorf("missing page: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if server.ContentType("x.wasm") != "application/wasm" {
		t.Error("wasm type")
	}
}
