package main

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"image"
	"image/png"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	keys "github.com/chromedp/chromedp/kb"

	"github.com/cpocalc/cpocalc/build/internal/server"
	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/scene"
)

// Browser tests of the animation: real Chromium, WebGL through SwiftShader.

func openAnimation(t *testing.T, browser context.Context, width, height int64, reduced bool) (context.Context, *traffic) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	tr := watch(ctx)
	steps := []chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(width, height)}
	if reduced {
		steps = append(steps, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}})
			return chromedp.Void{}, err
		})
	}
	steps = append(steps, chromedp.Navigate(siteURL(t)+"/embed/animation/"))
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!(window.cpoanim && window.cpoanim.state && window.cpoanim.state().frames > 0)`, chromedp.WithPollingTimeout(90*time.Second))); err != nil {
		t.Fatalf("the animation did not start: %v", err)
	}
	return ctx, tr
}

// canvasShot captures the canvas as the screen shows it.
func canvasShot(t *testing.T, ctx context.Context) []byte {
	t.Helper()
	buf, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS("canvas")))
	if err != nil {
		t.Fatalf("canvas screenshot: %v", err)
	}
	return buf
}

// colours counts the distinct colours of a PNG, sampled.
func colours(t *testing.T, b []byte) int {
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[[4]uint32]bool{}
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y += 3 {
		for x := r.Min.X; x < r.Max.X; x += 3 {
			c0, c1, c2, c3 := img.At(x, y).RGBA()
			seen[[4]uint32{c0 >> 8, c1 >> 8, c2 >> 8, c3 >> 8}] = true
		}
	}
	return len(seen)
}

// differ returns the share of pixels that differ between two PNGs.
func differ(t *testing.T, a, b []byte) float64 {
	ia, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	ib, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	r := ia.Bounds().Intersect(ib.Bounds())
	if r.Empty() {
		return 1
	}
	n, d := 0, 0
	for y := r.Min.Y; y < r.Max.Y; y += 2 {
		for x := r.Min.X; x < r.Max.X; x += 2 {
			n++
			if colourAt(ia, x, y) != colourAt(ib, x, y) {
				d++
			}
		}
	}
	return float64(d) / float64(n)
}

func colourAt(img image.Image, x, y int) [4]uint32 {
	a, b, c, d := img.At(x, y).RGBA()
	return [4]uint32{a, b, c, d}
}

func animState(t *testing.T, ctx context.Context) map[string]any {
	return eval[map[string]any](t, ctx, `window.cpoanim.state()`)
}

// afterFrames waits until the page has drawn n frames of its own (its
// requestAnimationFrame): a wait counted in the page's frames, not in
// seconds, so it is as long as it needs to be on a busy machine.
func afterFrames(t *testing.T, ctx context.Context, n int) {
	t.Helper()
	eval[bool](t, ctx, fmt.Sprintf(`new Promise(r => { let k = 0; const f = () => (++k >= %d ? r(true) : requestAnimationFrame(f)); requestAnimationFrame(f); })`, n))
}

// redrawn runs js (calls of window.cpoanim) and waits until the animation
// has drawn the frame that follows it and the page has shown that frame.
func redrawn(t *testing.T, ctx context.Context, js string) {
	t.Helper()
	waitDrawn(t, ctx, eval[float64](t, ctx, `(() => { const f = window.cpoanim.state().frames; `+js+`; return f; })()`))
}

// waitDrawn waits until the animation has drawn more than f0 frames and
// the page has shown the last of them.
func waitDrawn(t *testing.T, ctx context.Context, f0 float64) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`window.cpoanim.state().frames > %v`, f0), chromedp.WithPollingTimeout(90*time.Second))); err != nil {
		t.Fatalf("the animation drew nothing after frame %v: %v", f0, err)
	}
	afterFrames(t, ctx, 2)
}

// The canvas draws; frames change while playing and not once paused; each
// stage looks different.
func TestAnimationPlaysAndPauses(t *testing.T) {
	browser := newBrowser(t)
	ctx, tr := openAnimation(t, browser, 800, 440, false)
	first := canvasShot(t, ctx)
	if n := colours(t, first); n < 20 {
		t.Errorf("the canvas has %d colours: blank?", n)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`window.cpoanim.state().tick > %v`, animState(t, ctx)["tick"].(float64)+3), chromedp.WithPollingTimeout(90*time.Second))); err != nil {
		t.Fatalf("playing, the animation does not advance: %v", err)
	}
	second := canvasShot(t, ctx)
	if d := differ(t, first, second); d == 0 {
		t.Error("playing, two frames are the same")
	}
	redrawn(t, ctx, `window.cpoanim.pause()`)
	a := canvasShot(t, ctx)
	afterFrames(t, ctx, 60) // a second of frames at 60 Hz, however long it takes
	b := canvasShot(t, ctx)
	if d := differ(t, a, b); d != 0 {
		t.Errorf("paused, frames still change (%.2f%% of pixels)", 100*d)
	}
	if s := animState(t, ctx); s["playing"] != false {
		t.Errorf("state after pause: %v", s)
	}
	// Each stage (paused, so a jump) looks different, and is saved.
	var shots [][]byte
	for i := 0; i < 3; i++ {
		redrawn(t, ctx, fmt.Sprintf(`window.cpoanim.go(%d)`, i))
		shots = append(shots, canvasShot(t, ctx))
		viewportShot(t, ctx, fmt.Sprintf("animation-stage-%d-800", i+1))
	}
	for i := 0; i < 3; i++ {
		for j := i + 1; j < 3; j++ {
			if d := differ(t, shots[i], shots[j]); d < 0.01 {
				t.Errorf("stages %d and %d look alike (%.2f%% of pixels differ)", i+1, j+1, 100*d)
			}
		}
	}
	// The controls work by keyboard.
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.ID("anim-next")), chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	if s := animState(t, ctx); s["stage"] != float64(0) {
		t.Errorf("Next from stage 3 should wrap to stage 1: %v", s["stage"])
	}
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.ID("anim-play")), chromedp.KeyEvent(" ")); err != nil {
		t.Fatal(err)
	}
	if s := animState(t, ctx); s["playing"] != true {
		t.Error("the play button did not start the animation")
	}
	if label := eval[string](t, ctx, `document.querySelector("canvas").getAttribute("aria-label")`); !strings.Contains(label, "electricity") {
		t.Errorf("canvas label: %q", label)
	}
	checkAxe(t, ctx, "animation")
	checkTraffic(t, "animation", tr)
}

// With reduced motion the animation starts paused on a clear still frame.
func TestAnimationReducedMotion(t *testing.T) {
	browser := newBrowser(t)
	ctx, _ := openAnimation(t, browser, 360, 440, true)
	s := animState(t, ctx)
	if s["playing"] != false {
		t.Fatalf("reduced motion: playing %v", s["playing"])
	}
	a := canvasShot(t, ctx)
	if colours(t, a) < 20 {
		t.Error("the still frame is blank")
	}
	afterFrames(t, ctx, 60)
	if d := differ(t, a, canvasShot(t, ctx)); d != 0 {
		t.Error("reduced motion: the frame changes")
	}
	viewportShot(t, ctx, "animation-reduced-motion-360")
	if eval[string](t, ctx, `document.getElementById("anim-play").textContent`) != "Play" {
		t.Error("the play button should offer Play")
	}
}

// The explainer does not fetch the animation until it scrolls into view,
// and then shows it.
func TestAnimationLoadsWhenSeen(t *testing.T) {
	browser := newBrowser(t)
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	tr := watch(ctx)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(siteURL(t)+"/")); err != nil {
		t.Fatal(err)
	}
	waitCharts(t, ctx, 9)
	afterFrames(t, ctx, 30)
	for _, r := range tr.snapshot().requests {
		if strings.Contains(r, "anim") || strings.Contains(r, "embed/animation") {
			t.Errorf("fetched before it was in view: %s", r)
		}
	}
	eval[bool](t, ctx, `(() => { document.querySelector(".anim-embed").scrollIntoView(); return true; })()`)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const f = document.querySelector(".anim-embed iframe"); return !!(f && f.contentWindow.cpoanim && f.contentWindow.cpoanim.state().frames > 0); })()`, chromedp.WithPollingTimeout(90*time.Second))); err != nil {
		t.Fatalf("the animation did not load in view: %v", err)
	}
	got := false
	for _, r := range tr.snapshot().requests {
		got = got || strings.Contains(r, "/assets/anim.")
	}
	if !got {
		t.Error("no request for the animation's WebAssembly after scrolling")
	}
	// It starts on the link the prose beside it describes: a metre of
	// passive copper on an 800G port (the prose's "1 m DAC").
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const s = document.querySelector(".anim-embed iframe").contentWindow.cpoanim.state(); return s.lengthM === 1 && s.copper === "dac" && s.laneGbps === 200; })()`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Errorf("the explainer's animation is not on the prose's link: %v", eval[map[string]any](t, ctx, `document.querySelector(".anim-embed iframe").contentWindow.cpoanim.state()`))
	}
	viewportShot(t, ctx, "index-animation-1280")
	// Scrolled away it stops; seen again it goes on.
	frame := `document.querySelector(".anim-embed iframe").contentWindow.cpoanim.state()`
	eval[bool](t, ctx, `(() => { window.scrollTo(0, 0); return true; })()`)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](frame+`.visible === false`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Errorf("scrolled away, the animation still thinks it is seen: %v", err)
	}
	tick := eval[float64](t, ctx, frame+`.tick`)
	afterFrames(t, ctx, 60)
	if now := eval[float64](t, ctx, frame+`.tick`); now != tick {
		t.Errorf("scrolled away, the animation advanced from %v to %v", tick, now)
	}
	eval[bool](t, ctx, `(() => { document.querySelector(".anim-embed").scrollIntoView(); return true; })()`)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`%s.visible === true && %s.tick > %v`, frame, frame, tick), chromedp.WithPollingTimeout(90*time.Second))); err != nil {
		t.Errorf("seen again, the animation did not go on: %v", err)
	}
	checkTraffic(t, "explainer with animation", tr)
}

// On a high-DPI screen the canvas has device pixels; in dark mode it draws
// dark.
func TestAnimationHiDPIAndDark(t *testing.T) {
	browser := newBrowser(t)
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	dark := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}})
		return chromedp.Void{}, err
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(400, 440, chromedp.EmulateScale(2)), dark, chromedp.Navigate(siteURL(t)+"/embed/animation/")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!(window.cpoanim && window.cpoanim.state().frames > 0)`, chromedp.WithPollingTimeout(90*time.Second))); err != nil {
		t.Fatal(err)
	}
	ratio := eval[float64](t, ctx, `(() => { const c = document.querySelector("canvas"); return c.width / c.clientWidth; })()`)
	if ratio < 1.99 {
		t.Errorf("canvas at %v device pixels per CSS pixel on a 2x screen", ratio)
	}
	shot := canvasShot(t, ctx)
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	r, g, b, _ := img.At(5, 5).RGBA()
	if r>>8 > 60 || g>>8 > 60 || b>>8 > 60 {
		t.Errorf("dark mode: background %d,%d,%d", r>>8, g>>8, b>>8)
	}
	viewportShot(t, ctx, "animation-dark-2x")
}

// The calculator keeps the animation on its scenario.
func TestAnimationFollowsCalculator(t *testing.T) {
	ctx, _ := calculatorTab(t)
	eval[bool](t, ctx, `(() => { document.querySelector(".anim-embed").scrollIntoView(); return true; })()`)
	frame := `document.querySelector(".anim-embed iframe").contentWindow`
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const f = document.querySelector(".anim-embed iframe"); return !!(f && f.contentWindow.cpoanim && f.contentWindow.cpoanim.state().frames > 0); })()`, chromedp.WithPollingTimeout(90*time.Second))); err != nil {
		t.Fatalf("the animation did not load: %v", err)
	}
	typeInto(t, ctx, "lane_gbps", "100")
	typeInto(t, ctx, "tiers[0].length_m", "1.5")
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](frame+`.cpoanim.state().laneGbps === 100 && `+frame+`.cpoanim.state().lengthM === 1.5`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Errorf("the animation did not follow the calculator: %v", eval[map[string]any](t, ctx, frame+`.cpoanim.state()`))
	}
	// It draws the copper the calculator's model chose for that tier, and
	// an eye as open as the model's margin: it was sent these numbers, it
	// did not work them out again.
	s := core.DefaultScenario()
	s.LaneGbps = 100
	s.Tiers[0].LengthM = 1.5
	r, err := core.Evaluate(s)
	if err != nil {
		t.Fatal(err)
	}
	want := string(r.ByStage[0].Tiers[0])
	if got := eval[string](t, ctx, frame+`.cpoanim.state().copper`); got != want {
		t.Errorf("the animation's copper stage shows %q, the model chose %q", got, want)
	}
}

// The first frame is there before the animation's WebAssembly: drawn by
// the build, with the controls; the live canvas takes its place.
func TestAnimationFirstFrame(t *testing.T) {
	dir := built(t)
	release := make(chan struct{})
	site := server.Handler(dir)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "/assets/anim.") && strings.HasSuffix(r.URL.Path, ".wasm") {
			select {
			case <-release:
			case <-r.Context().Done():
				return
			}
		}
		site.ServeHTTP(w, r)
	}))
	defer srv.Close()
	browser := newBrowser(t)
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(800, 440), chromedp.Navigate(srv.URL+"/embed/animation/")); err != nil {
		t.Fatal(err)
	}
	shown := `(() => { const p = document.getElementById("anim-poster"); if (!p) return ""; const r = p.getBoundingClientRect(); return getComputedStyle(p).display !== "none" && r.width > 300 && r.height > 150 ? p.textContent : ""; })()`
	text := eval[string](t, ctx, shown)
	for _, want := range []string{"1. Copper cable", "2. Pluggable optics", "3. Co-packaged optics", "of electrical path"} {
		if !strings.Contains(text, want) {
			t.Errorf("before the wasm, the first frame lacks %q (it shows %q)", want, text)
		}
	}
	if eval[bool](t, ctx, `!!document.querySelector("canvas")`) {
		t.Error("a canvas before the wasm arrived")
	}
	viewportShot(t, ctx, "animation-first-frame")
	close(release)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!(window.cpoanim && window.cpoanim.state().tick > 3)`, chromedp.WithPollingTimeout(120*time.Second))); err != nil {
		t.Fatalf("the animation did not start: %v", err)
	}
	if s := eval[string](t, ctx, shown); s != "" {
		t.Error("the first frame still shows over the live canvas")
	}
}

// A link the model cannot read still gives a playing animation (of the
// default link), with the message a bad permalink gets; a good link after
// it is drawn.
func TestAnimationBadLink(t *testing.T) {
	browser := newBrowser(t)
	for _, frag := range []string{"#s=%", "#v=1&gpus=%zz", "#s=1.bm90IGpzb24", "#v=2"} {
		ctx, cancel := chromedp.NewContext(browser)
		tr := watch(ctx)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(800, 600), chromedp.Navigate(siteURL(t)+"/embed/animation/"+frag)); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!(window.cpoanim && window.cpoanim.state().frames > 2)`, chromedp.WithPollingTimeout(90*time.Second))); err != nil {
			t.Errorf("%s: the animation did not play: %v", frag, err)
		}
		msg := eval[string](t, ctx, `(() => { const p = document.getElementById("anim-link-problem"); return p && !p.hidden ? p.textContent : ""; })()`)
		if !strings.HasPrefix(msg, "This link could not be read: ") || !strings.Contains(msg, "default link") {
			t.Errorf("%s: the message is %q", frag, msg)
		}
		for _, e := range tr.snapshot().exceptions {
			t.Errorf("%s: uncaught exception: %s", frag, e)
		}
		if frag == "#s=%" {
			viewportShot(t, ctx, "anim-bad-link")
		}
		cancel()
	}
}

// The compare view: the three paths on one scale, copper > pluggable >
// CPO, at a phone's width and a desktop's, light and dark; each stage
// then zooms in from it and draws a frame of its own.
func TestAnimationCompare(t *testing.T) {
	browser := newBrowser(t)
	for _, size := range [][2]int64{{360, 640}, {1280, 600}} {
		ctx, tr := openAnimation(t, browser, size[0], size[1], false)
		eval[map[string]any](t, ctx, `window.cpoanim.pause()`)
		// Each stage's frame, non-blank and its own.
		var frames [][]byte
		for i := 0; i < 3; i++ {
			redrawn(t, ctx, fmt.Sprintf(`window.cpoanim.go(%d)`, i))
			f := canvasShot(t, ctx)
			if n := colours(t, f); n < 10 {
				t.Errorf("%d px: stage %d's frame has %d colours: blank?", size[0], i+1, n)
			}
			for j, g := range frames {
				if d := differ(t, f, g); d < 0.01 {
					t.Errorf("%d px: stages %d and %d draw the same frame (%.2f%% differs)", size[0], j+1, i+1, 100*d)
				}
			}
			frames = append(frames, f)
		}
		redrawn(t, ctx, `window.cpoanim.go(0)`)
		stage := canvasShot(t, ctx)
		st := eval[map[string]any](t, ctx, `window.cpoanim.setMode("compare")`)
		if st["mode"] != "compare" || st["zoom"].(float64) != 0 {
			t.Fatalf("paused, setMode(compare) gave %v at zoom %v", st["mode"], st["zoom"])
		}
		type view struct {
			Mode    string
			PathMm  []float64
			MmPerPx []float64
		}
		v := eval[view](t, ctx, `window.cpoanim.state()`)
		if len(v.PathMm) != 3 || !(v.PathMm[0] > v.PathMm[1] && v.PathMm[1] > v.PathMm[2]) {
			t.Errorf("%d px: compare pathMm %v: not copper > pluggable > CPO", size[0], v.PathMm)
		}
		if len(v.MmPerPx) != 3 || v.MmPerPx[0] != v.MmPerPx[1] || v.MmPerPx[1] != v.MmPerPx[2] || v.MmPerPx[0] <= 0 {
			t.Errorf("%d px: compare mmPerPx %v: not one scale", size[0], v.MmPerPx)
		}
		waitDrawn(t, ctx, st["frames"].(float64))
		cmp := canvasShot(t, ctx)
		if n := colours(t, cmp); n < 10 {
			t.Errorf("%d px: the compare frame has %d colours: blank?", size[0], n)
		}
		if d := differ(t, stage, cmp); d < 0.01 {
			t.Errorf("%d px: the compare frame is the stage frame (%.2f%% differs)", size[0], 100*d)
		}
		if got := text(t, ctx, "anim-stage"); got != "all three, on one scale" {
			t.Errorf("the stage text says %q in the compare view", got)
		}
		viewportShot(t, ctx, fmt.Sprintf("anim-compare-%d", size[0]))
		// Playing, the camera zooms into the stage asked for, tick by tick.
		eval[map[string]any](t, ctx, `window.cpoanim.play()`)
		eval[map[string]any](t, ctx, `window.cpoanim.go(2)`)
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.cpoanim.state().zoom === 1 && window.cpoanim.state().mode === "stage"`, chromedp.WithPollingTimeout(90*time.Second))); err != nil {
			t.Fatalf("the camera did not zoom into CPO: %v", animState(t, ctx))
		}
		one := eval[view](t, ctx, `window.cpoanim.state()`)
		if len(one.PathMm) != 1 || one.PathMm[0] != v.PathMm[2] || one.MmPerPx[0] >= v.MmPerPx[2] {
			t.Errorf("zoomed into CPO: %+v (the compare view had %+v)", one, v)
		}
		if e := eval[map[string]any](t, ctx, `window.cpoanim.setMode("zoom")`); e["error"] == nil {
			t.Errorf("setMode(zoom) answered %v", e)
		}
		// The page's button does it as a reader would.
		// (The button says it is pressed when the animation next reports
		// its state, a frame later.)
		eval[bool](t, ctx, `(() => { document.getElementById("anim-compare").click(); return true; })()`)
		chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("anim-compare").getAttribute("aria-pressed") === "true"`, chromedp.WithPollingTimeout(30*time.Second)))
		if m := animState(t, ctx)["mode"]; m != "compare" || eval[string](t, ctx, `document.getElementById("anim-compare").getAttribute("aria-pressed")`) != "true" {
			t.Errorf("the Compare button: mode %v, pressed %s", m, eval[string](t, ctx, `document.getElementById("anim-compare").getAttribute("aria-pressed")`))
		}
		for _, e := range tr.snapshot().exceptions {
			t.Errorf("uncaught exception: %s", e)
		}
	}
	// Dark.
	dark := newBrowser(t)
	ctx, _ := openAnimation(t, dark, 1280, 600, false)
	redrawn(t, ctx, `window.cpoanim.setDark(true), window.cpoanim.pause(), window.cpoanim.setMode("compare")`)
	viewportShot(t, ctx, "anim-compare-dark-1280")
}

// The reader plays with the link on the picture: a sideways drag changes
// its length, the arrow keys on the focused canvas its length and lane
// rate; the numbers follow, and the page's own stage keys stay theirs.
func TestAnimationDragAndKeys(t *testing.T) {
	browser := newBrowser(t)
	ctx, tr := openAnimation(t, browser, 1280, 600, false)
	eval[map[string]any](t, ctx, `window.cpoanim.pause()`)
	before := animState(t, ctx)
	l0 := before["lengthM"].(float64)
	// A drag of 80 px to the right: five tenths of a decade longer.
	box := eval[[]float64](t, ctx, `(() => { const r = document.querySelector("canvas").getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
	drag := func(x0, y0, x1, y1 float64) {
		t.Helper()
		steps := []chromedp.Action[chromedp.Void]{
			func(ctx context.Context, _ *chromedp.Target) (chromedp.Void, error) {
				_, err := chromedp.Call(ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMousePressed, X: x0, Y: y0, Button: input.MouseButtonLeft, ClickCount: 1})
				return chromedp.Void{}, err
			},
		}
		for k := 1; k <= 8; k++ {
			x, y := x0+(x1-x0)*float64(k)/8, y0+(y1-y0)*float64(k)/8
			steps = append(steps, func(ctx context.Context, _ *chromedp.Target) (chromedp.Void, error) {
				_, err := chromedp.Call(ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: x, Y: y, Button: input.MouseButtonLeft, Buttons: 1})
				return chromedp.Void{}, err
			})
		}
		steps = append(steps, func(ctx context.Context, _ *chromedp.Target) (chromedp.Void, error) {
			_, err := chromedp.Call(ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseReleased, X: x1, Y: y1, Button: input.MouseButtonLeft, ClickCount: 1})
			return chromedp.Void{}, err
		})
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatal(err)
		}
	}
	drag(box[0], box[1], box[0]+80, box[1])
	after := animState(t, ctx)
	if l := after["lengthM"].(float64); !(l > l0*2.5 && l < l0*4) {
		t.Errorf("an 80 px drag took the length from %v m to %v m, want about %v m", l0, l, l0*math.Pow(10, 0.5))
	}
	if after["playing"] != false {
		t.Error("the drag's release toggled play as a click would")
	}
	// The keys on the focused canvas.
	eval[bool](t, ctx, `(() => { document.querySelector("canvas").focus(); return true; })()`)
	stage := animState(t, ctx)["stage"]
	key := func(k string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.KeyEvent(k)); err != nil {
			t.Fatal(err)
		}
	}
	// The lane rates it steps through are the model's.
	if got, ok := animState(t, ctx)["lanes"].([]any); !ok || len(got) != len(core.LaneRates) {
		t.Errorf("the animation's lane rates %v, the model's %v", animState(t, ctx)["lanes"], core.LaneRates)
	}
	key(keys.ArrowDown)
	if g := animState(t, ctx)["laneGbps"].(float64); g != 100 {
		t.Errorf("arrow down on the canvas: %v Gb/s per lane, want 100", g)
	}
	l1 := animState(t, ctx)["lengthM"].(float64)
	key(keys.ArrowLeft)
	s := animState(t, ctx)
	if l := s["lengthM"].(float64); !(l < l1) || s["stage"] != stage {
		t.Errorf("arrow left on the canvas: %v m (was %v), stage %v (was %v)", l, l1, s["stage"], stage)
	}
	// The numbers follow: the overlay shows the new lane rate.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector(".anim-text").textContent.includes("100 Gb/s")`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("the picture's text does not show the new lane rate: %q", eval[string](t, ctx, `document.querySelector(".anim-text").textContent`))
	}
	for _, e := range tr.snapshot().exceptions {
		t.Errorf("uncaught exception: %s", e)
	}
}

// At a phone's width no two of the picture's texts overlap, on any stage
// or in the compare view.
func TestAnimationTextFitsAt360(t *testing.T) {
	browser := newBrowser(t)
	ctx, _ := openAnimation(t, browser, 360, 640, false)
	eval[map[string]any](t, ctx, `window.cpoanim.pause()`)
	check := func(what string) {
		t.Helper()
		type box struct {
			Text                     string
			Left, Top, Right, Bottom float64
		}
		boxes := eval[[]box](t, ctx, `(() => {
			const out = [];
			const c = document.querySelector("canvas").getBoundingClientRect();
			for (const el of document.querySelectorAll(".anim-text > div:not([hidden])")) {
				const parts = el.classList.contains("anim-chips") ? [...el.children] : [el];
				for (const p of parts) {
					const r = p.getBoundingClientRect();
					if (r.width && r.height) out.push({text: p.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom});
				}
			}
			out.push({text: "(canvas)", left: c.left, top: c.top, right: c.right, bottom: c.bottom});
			return out;
		})()`)
		canvas := boxes[len(boxes)-1]
		boxes = boxes[:len(boxes)-1]
		for i, a := range boxes {
			if a.Left < canvas.Left-1 || a.Right > canvas.Right+1 {
				t.Errorf("%s: %q runs off the picture (%.0f to %.0f of %.0f to %.0f)", what, a.Text, a.Left, a.Right, canvas.Left, canvas.Right)
			}
			for _, b := range boxes[i+1:] {
				if a.Left < b.Right-1 && b.Left < a.Right-1 && a.Top < b.Bottom-1 && b.Top < a.Bottom-1 {
					t.Errorf("%s: %q overlaps %q", what, a.Text, b.Text)
				}
			}
		}
	}
	for i := 0; i < 3; i++ {
		redrawn(t, ctx, fmt.Sprintf(`window.cpoanim.go(%d)`, i))
		check(fmt.Sprintf("stage %d", i+1))
	}
	redrawn(t, ctx, `window.cpoanim.setMode("compare")`)
	check("the compare view")
}

// The embedded animation is the one the reader saw when they pressed
// Embed: the explainer's (the prose's link) through its snippet, its
// oEmbed entry and its still picture; the calculator's (its scenario's
// link, the default one's too) through its snippet.
func TestAnimationEmbedIsThePages(t *testing.T) {
	dir := built(t)
	base := siteURL(t)
	browser := newBrowser(t, chromedp.Flag("enable-unsafe-swiftshader", true))
	state := func(ctx context.Context, frame string) map[string]any {
		t.Helper()
		js := `(() => { const w = ` + frame + `; return !!(w && w.cpoanim && w.cpoanim.state && w.cpoanim.state().frames > 0); })()`
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(90*time.Second))); err != nil {
			t.Fatalf("the animation did not start: %v", err)
		}
		return eval[map[string]any](t, ctx, frame+`.cpoanim.state()`)
	}
	link := func(s map[string]any) string {
		return fmt.Sprintf("%v m, %v, %v Gb/s", s["lengthM"], s["copper"], s["laneGbps"])
	}
	snippet := func(ctx context.Context, sel string) string {
		return eval[string](t, ctx, fmt.Sprintf(`(() => { const d = document.querySelector(%q).querySelector("details.embed-box"); d.open = true; d.dispatchEvent(new Event("toggle")); return d.querySelector("textarea").value; })()`, sel))
	}
	srcOf := func(s string) string {
		m := regexp.MustCompile(`<iframe src="([^"]+)"`).FindStringSubmatch(s)
		if m == nil {
			t.Fatalf("no frame in %s", s)
		}
		return html.UnescapeString(m[1])
	}
	for _, page := range []struct{ path, sel, slot string }{
		{"/", `[data-embed="embed/animation/"]`, ".anim-embed"},
		{"/calculator/", `[data-embed="embed/animation/"]`, ".anim-embed"},
		{"/calculator/#v=1&gpus=16384&lane_gbps=100", `[data-embed="embed/animation/"]`, ".anim-embed"},
	} {
		ctx, cancel := openTab(t, browser, base+page.path, 1280, 900)
		eval[bool](t, ctx, `(() => { document.querySelector(".anim-embed").scrollIntoView(); return true; })()`)
		if strings.HasPrefix(page.path, "/calculator/") {
			waitLive(t, ctx)
		}
		// What the reader sees: the page's animation.
		seen := link(state(ctx, `(document.querySelector(".anim-embed iframe") || {}).contentWindow`))
		src := srcOf(snippet(ctx, page.sel))
		cancel()
		// What the snippet's frame shows, on a page of its own.
		ectx, ecancel := chromedp.NewContext(browser)
		if err := chromedp.Do(ectx, chromedp.EmulateViewport(800, 500), chromedp.Navigate(src)); err != nil {
			t.Fatal(err)
		}
		if got := link(state(ectx, `window`)); got != seen {
			t.Errorf("%s shows the animation on %s; its Embed snippet (%s) plays %s", page.path, seen, src, got)
		}
		ecancel()
		if page.path == "/" {
			if strings.Contains(src, "#") {
				t.Errorf("the explainer's snippet carries a scenario: %s", src)
			}
			// Its oEmbed entry is the same snippet, and its still picture
			// is the prose's link.
			if got := servedOEmbedHTML(t, "animation"); srcOf(got) != src {
				t.Errorf("the animation's oEmbed frames %s, the explainer's snippet %s", srcOf(got), src)
			}
			want, err := animThumbnail(scene.Prose())
			if err != nil {
				t.Fatal(err)
			}
			if b, err := os.ReadFile(filepath.Join(dir, "thumbs", "animation.svg")); err != nil || string(b) != want {
				t.Errorf("the animation's still picture is not the prose's link (%v)", err)
			}
		}
	}
}

// How to work the animation, and what its eye percentage means, is said
// in visible text beside it, on the explainer and the calculator, in both
// editions, once the animation has loaded too.
func TestAnimationExplainedInWords(t *testing.T) {
	browser := newBrowser(t, chromedp.Flag("enable-unsafe-swiftshader", true))
	for _, c := range []struct{ path, want string }{{"/", "arrow keys"}, {"/calculator/", "percentage"}, {"/zh/", "方向键"}, {"/zh/calculator/", "眼图"}} {
		ctx, cancel := openTab(t, browser, siteURL(t)+c.path, 1280, 900)
		eval[bool](t, ctx, `(() => { document.querySelector(".anim-embed").scrollIntoView(); return true; })()`)
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!document.querySelector(".anim-embed iframe")`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			t.Fatal(err)
		}
		got := eval[string](t, ctx, `(() => { const p = document.querySelector(".anim-embed .anim-help"); if (!p) return ""; const r = p.getBoundingClientRect(); return r.width > 100 && r.height > 10 && !p.closest(".visually-hidden") && !p.classList.contains("visually-hidden") ? p.textContent : ""; })()`)
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: the animation's help reads %q", c.path, got)
		}
		cancel()
	}
}

// On a phone the eye never covers the chips' row (the pJ/bit and the
// rest) nor leaves the picture, on any stage.
func TestAnimationEyeClearOfChips(t *testing.T) {
	browser := newBrowser(t, chromedp.Flag("enable-unsafe-swiftshader", true))
	for _, size := range [][2]int64{{390, 844}, {360, 640}, {1280, 800}} {
		ctx, _ := openAnimation(t, browser, size[0], size[1], false)
		eval[map[string]any](t, ctx, `window.cpoanim.pause()`)
		for i := 0; i < 3; i++ {
			eval[map[string]any](t, ctx, fmt.Sprintf(`window.cpoanim.go(%d)`, i))
			if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`window.cpoanim.state().stage === %d && window.cpoanim.state().eyeBox[2] > 0`, i), chromedp.WithPollingTimeout(60*time.Second))); err != nil {
				t.Fatal(err)
			}
			bad := eval[[]string](t, ctx, `new Promise(res => requestAnimationFrame(() => requestAnimationFrame(() => {
				const c = document.querySelector("canvas").getBoundingClientRect(), [x, y, w, h] = window.cpoanim.state().eyeBox;
				const eye = {left: c.left + x, top: c.top + y, right: c.left + x + w, bottom: c.top + y + h};
				const out = [];
				if (eye.left < c.left - 1 || eye.right > c.right + 1 || eye.top < c.top - 1 || eye.bottom > c.bottom + 1) out.push("the eye leaves the picture");
				for (const chip of document.querySelectorAll(".anim-chips > *")) {
					const r = chip.getBoundingClientRect();
					if (r.width && eye.left < r.right && r.left < eye.right && eye.top < r.bottom && r.top < eye.bottom) out.push("the eye covers " + chip.textContent);
				}
				res(out);
			})))`)
			for _, b := range bad {
				t.Errorf("%d×%d, stage %d: %s", size[0], size[1], i+1, b)
			}
		}
		viewportShot(t, ctx, fmt.Sprintf("anim-eye-%dx%d", size[0], size[1]))
	}
}
