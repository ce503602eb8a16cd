package main

import (
	"context"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// cspWatch reports every Content Security Policy violation in a tab, in
// its frames too: a listener put in each document before the page's own
// scripts logs them, and the test reads the log.
type cspWatch struct {
	mu   sync.Mutex
	seen []string
}

const cspMark = "CSP-VIOLATION "

func watchCSP(t *testing.T, ctx context.Context) *cspWatch {
	t.Helper()
	w := &cspWatch{}
	listener := `document.addEventListener("securitypolicyviolation", function (e) {
		console.warn("` + cspMark + `" + e.effectiveDirective + " blocked " + (e.blockedURI || "(inline)") + " at " + e.sourceFile + ":" + e.lineNumber + " " + (e.sample || ""));
	}, true);`
	add := func(ctx context.Context, _ *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: listener})
		return chromedp.Void{}, err
	}
	if err := chromedp.Do(ctx, add); err != nil {
		t.Fatal(err)
	}
	cons := chromedp.Events(ctx, runtime.ConsoleAPICalled)
	go func() {
		for ev, err := range cons {
			if err != nil {
				return
			}
			for _, a := range ev.Args {
				if s := strings.Trim(string(a.Value), `"`); strings.HasPrefix(s, cspMark) {
					w.mu.Lock()
					w.seen = append(w.seen, strings.TrimPrefix(s, cspMark))
					w.mu.Unlock()
				}
			}
		}
	}()
	return w
}

func (w *cspWatch) take() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	s := w.seen
	w.seen = nil
	return s
}

// No page and no embed breaks the site's own policy while it works: the
// charts draw and show their tooltips, the calculator answers and
// explains, the animation plays.
func TestContentSecurityPolicy(t *testing.T) {
	browser := newBrowser(t)
	base := siteURL(t)
	// Every chart drawn (those not yet scrolled to as well), then each
	// one's tooltip shown, a frame apiece.
	showTips := `(async () => {
		const frame = () => new Promise(r => requestAnimationFrame(() => r()));
		if (window.cpocharts && window.cpocharts.drawPending) window.cpocharts.drawPending();
		await frame(); await frame();
		for (const id of (window.cpocharts ? window.cpocharts.ids() : [])) {
			const c = window.cpocharts.get(id);
			if (c) c.dispatchAction({type: "showTip", seriesIndex: 0, dataIndex: 1});
			await frame();
		}
		return (window.cpocharts ? window.cpocharts.ids().length : 0);
	})()`
	type visit struct {
		path  string
		work  func(t *testing.T, ctx context.Context)
		check string // what must be true once the page has worked
	}
	visits := []visit{
		{"/", func(t *testing.T, ctx context.Context) {
			eval[int](t, ctx, showTips)
			eval[bool](t, ctx, `(() => { document.querySelector(".anim-embed").scrollIntoView(); return true; })()`)
		}, `(() => { const f = document.querySelector(".anim-embed iframe"); return !!(f && f.contentWindow.cpoanim && f.contentWindow.cpoanim.state().frames > 5); })()`},
		{"/calculator/", func(t *testing.T, ctx context.Context) {
			waitLive(t, ctx)
			typeInto(t, ctx, "gpus", "131072")
			eval[bool](t, ctx, `(() => { document.querySelector('[data-path="totals.tco_usd"]').click(); return true; })()`)
			eval[int](t, ctx, showTips)
		}, `document.getElementById("explain").dataset.shown === "totals.tco_usd" && document.getElementById("calc-status").dataset.state === "live" && !document.querySelector("#r-keyfacts .band-pending") && document.querySelector("#r-keyfacts [data-band-for]").textContent !== ""`}, // the bands come from a worker
		{"/methodology/", nil, `document.querySelectorAll("table").length > 3`},
		{"/embed/calculator/#v=1&gpus=2048", nil, `document.getElementById("calc-status").dataset.state === "live" && document.getElementById("f-gpus").value === "2048"`},
		{"/embed/animation/", nil, `!!(window.cpoanim && window.cpoanim.state().frames > 5)`},
		{"/nowhere/", nil, `document.title.length > 0`},
	}
	for _, id := range chartIDs() {
		p := "/embed/chart/" + id + "/"
		if scenarioCharts[id] {
			p += "#v=1&lane_gbps=100"
		}
		visits = append(visits, visit{p, func(t *testing.T, ctx context.Context) { eval[int](t, ctx, showTips) },
			`document.querySelectorAll(".chart-box svg path").length > 10`})
	}
	for _, v := range visits {
		ctx, cancel := chromedp.NewContext(browser)
		w := watchCSP(t, ctx)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+v.path)); err != nil {
			t.Fatal(err)
		}
		if v.work != nil {
			v.work(t, ctx)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](v.check, chromedp.WithPollingTimeout(90*time.Second))); err != nil {
			t.Errorf("%s: the page did not work under its policy (%s): %v", v.path, v.check, err)
		}
		afterFrames(t, ctx, 10) // a report still on its way
		if seen := w.take(); len(seen) > 0 {
			t.Errorf("%s: %d policy violations:\n%s", v.path, len(seen), strings.Join(seen, "\n"))
		} else {
			t.Logf("%s: 0 policy violations", v.path)
		}
		// The policy is in force: an inline script put in by hand is refused.
		eval[bool](t, ctx, `(() => { const s = document.createElement("script"); s.textContent = "window.__ran = 1"; document.head.appendChild(s); return true; })()`)
		reported := false
		for deadline := time.Now().Add(5 * time.Second); !reported && time.Now().Before(deadline); {
			time.Sleep(100 * time.Millisecond) // the report comes as a console event
			reported = len(w.take()) > 0
		}
		if eval[bool](t, ctx, `window.__ran === 1`) || !reported {
			t.Errorf("%s: an injected inline script ran (%v), or broke no policy", v.path, eval[bool](t, ctx, `window.__ran === 1`))
		}
		cancel()
	}
}

// Another site may frame the embeds, and not the full pages.
func TestFramingPolicy(t *testing.T) {
	browser := newBrowser(t)
	base := siteURL(t)
	host := hostSite(t)
	for p, framed := range map[string]bool{"/embed/calculator/": true, "/embed/chart/latency/": true, "/calculator/": false, "/": false, "/methodology/": false} {
		ctx, cancel := chromedp.NewContext(browser)
		if err := chromedp.Do(ctx, chromedp.Navigate(host+"/frame?src="+url.QueryEscape(base+p))); err != nil {
			t.Fatal(err)
		}
		// The frame has its answer once it holds a document of its own:
		// the page, or the browser's error page for a refused frame.
		var got string
		for deadline := time.Now().Add(60 * time.Second); ; {
			tree, err := chromedp.Call(ctx, page.GetFrameTree, cdp.Empty{})
			if err != nil {
				t.Fatal(err)
			}
			if n := len(tree.FrameTree.ChildFrames); n > 1 {
				t.Fatalf("%s: %d frames", p, n)
			} else if n == 1 {
				got = tree.FrameTree.ChildFrames[0].Frame.URL
			}
			if got != "" && got != "about:blank" || time.Now().After(deadline) {
				break
			}
			afterFrames(t, ctx, 2)
		}
		if shown := strings.HasPrefix(got, base); shown != framed {
			t.Errorf("%s framed by another site: the frame holds %q; want framed=%v", p, got, framed)
		}
		cancel()
	}
}
