package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cpocalc/cpocalc/build/internal/server"
)

// TestBenchEditsSideBySide (make bench BASE=<revision>): the calculator's
// edits, this checkout's site beside another revision's, in one browser,
// in turns of 40 edits each, so that both meet the same load. The other
// revision is built from a clone of this repository, as `make site`
// builds it, and served by this checkout's server.
func TestBenchEditsSideBySide(t *testing.T) {
	if os.Getenv("CPOCALC_BENCH") != "1" {
		t.Skip("set CPOCALC_BENCH=1 (make bench)")
	}
	base := os.Getenv("CPOCALC_BENCH_BASE")
	if base == "" {
		fmt.Println("side by side with another revision (edits, the uncertainty run, the load under Fast 4G, the Go benchmarks): not measured (make bench BASE=<revision> measures them)")
		return
	}
	root, err := findRoot()
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	repo, dist := filepath.Join(tmp, "base"), filepath.Join(tmp, "dist")
	run := func(dir string, name string, args ...string) {
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
	}
	run(root, "git", "clone", "--quiet", "--no-hardlinks", root, repo)
	run(repo, "git", "checkout", "--quiet", "--detach", base)
	run(repo, "go", "run", "./build", "-no-bundle", "-out", dist)
	nativeSideBySide(t, root, repo, base, tmp)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: server.Handler(dist)}
	go srv.Serve(ln)
	defer srv.Close()

	browser := newBrowser(t)
	type side struct {
		name           string
		ctx            context.Context
		charts, number []float64
	}
	open := func(name, url string) *side {
		ctx, cancel := chromedp.NewContext(browser)
		t.Cleanup(cancel)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(url+"/calculator/")); err != nil {
			t.Fatal(err)
		}
		waitLive(t, ctx)
		eval[bool](t, ctx, `(() => { document.getElementById("fig-cluster-power").scrollIntoView(); return true; })()`)
		// The chart observed on screen: the page redraws it with each edit.
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const r = document.getElementById("fig-cluster-power").getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0 && !window.cpocharts.pending().includes("cluster-power"); })()`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			t.Fatal(err)
		}
		editLoop(t, ctx, "numbers", 0, 60) // warm up
		editLoop(t, ctx, "charts", 0, 60)
		return &side{name: name, ctx: ctx}
	}
	sides := []*side{open("this checkout", siteURL(t)), open(base, "http://"+ln.Addr().String())}
	for round := 0; round < 5; round++ {
		for i := range sides {
			s := sides[(i+round)%2]
			k := 100 + 40*round
			s.charts = append(s.charts, editLoop(t, s.ctx, "charts", k, 40)...)
			s.number = append(s.number, editLoop(t, s.ctx, "numbers", k, 40)...)
		}
	}
	for _, s := range sides {
		fmt.Printf("edits side by side, %s, the cluster chart on screen: an edit that changes every chart p50 %.1f ms, p95 %.1f ms; an edit of numbers p50 %.1f ms, p95 %.1f ms (%d each; budget: p95 under 16 ms)\n",
			s.name, percentile(s.charts, 0.5), percentile(s.charts, 0.95), percentile(s.number, 0.5), percentile(s.number, 0.95), len(s.charts))
	}
	// 2,000 uncertainty draws of the default scenario with its tornado,
	// in each page's WebAssembly on the main thread, in turns.
	var unc [2][]float64
	for round := 0; round < 5; round++ {
		for i := range sides {
			j := (i + round) % 2
			unc[j] = append(unc[j], eval[float64](t, sides[j].ctx, `(() => {
				const t0 = performance.now();
				const u = window.cpocalc.uncertainty({}, 2000, 1);
				if (u.error) throw new Error(u.error.message);
				return performance.now() - t0;
			})()`))
		}
	}
	for j, s := range sides {
		fmt.Printf("uncertainty in the browser's WebAssembly, side by side, %s: 2,000 draws with the tornado, median %.0f ms of %d (budget: 100 ms)\n", s.name, percentile(unc[j], 0.5), len(unc[j]))
	}
	loadsSideBySide(t, browser, [2]string{"this checkout", base}, [2]string{siteURL(t), "http://" + ln.Addr().String()})
}

// loadsSideBySide loads /calculator/ of both sites until it is live, in a
// fresh browser context each time, in turns (seven each, alternating which
// goes first), under Fast 4G with a CPU 4× slower, and prints each site's
// median time to live and its bytes before live.
func loadsSideBySide(t *testing.T, browser context.Context, names, urls [2]string) {
	const live = `(() => { const s = document.getElementById("calc-status"); return !!s && s.dataset.state === "live"; })()`
	// An older revision may not say when it became live: then the time
	// the poll saw it.
	const at = `(window.cpocalcPage && window.cpocalcPage.readyAt ? window.cpocalcPage.readyAt() : performance.now())`
	var ms [2][]float64
	var wire, raw [2]float64
	for round := 0; round < 7; round++ {
		for i := range urls {
			j := (i + round) % 2
			w, r, when := loadLive(t, browser, urls[j]+"/calculator/", live, at, true)
			ms[j] = append(ms[j], when)
			wire[j], raw[j] = w, r
		}
	}
	for j := range names {
		fmt.Printf("calculator live under Fast 4G + 4× CPU, side by side, %s: median %.2f s (min %.2f, max %.2f, %d loads); %s on the wire before live, %s decoded (budgets: 2 s, 740 KB)\n",
			names[j], percentile(ms[j], 0.5)/1000, percentile(ms[j], 0)/1000, percentile(ms[j], 1)/1000, len(ms[j]), kb(int(wire[j])), kb(int(raw[j])))
	}
}

// nativeSideBySide runs the Go benchmarks behind an edit and the
// uncertainty run, natively, for this checkout and the other revision, in
// turns (three of each), and prints each one's median ns/op.
func nativeSideBySide(t *testing.T, root, repo, base, tmp string) {
	benches := []struct{ pkg, re string }{
		{"./core", "^(BenchmarkEvaluate|BenchmarkUncertainty)$"},
		{"./wasm/calc", "^(BenchmarkUpdate|BenchmarkUpdateFigures|BenchmarkRender)$"},
	}
	for i, b := range benches {
		bins := [2]string{filepath.Join(tmp, fmt.Sprintf("now%d.test", i)), filepath.Join(tmp, fmt.Sprintf("base%d.test", i))}
		for j, dir := range []string{root, repo} {
			cmd := exec.Command("go", "test", "-c", "-o", bins[j], b.pkg)
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("go test -c %s: %v\n%s", b.pkg, err, out)
			}
		}
		ns := [2]map[string][]float64{{}, {}}
		for round := 0; round < 3; round++ {
			for j := range bins {
				cmd := exec.Command(bins[j], "-test.run", "^$", "-test.bench", b.re, "-test.benchtime", "1s")
				cmd.Dir = filepath.Join(root, b.pkg)
				out, err := cmd.CombinedOutput()
				if err != nil {
					t.Fatalf("%s: %v\n%s", b.pkg, err, out)
				}
				for _, line := range strings.Split(string(out), "\n") {
					f := strings.Fields(line)
					if len(f) >= 4 && strings.HasPrefix(f[0], "Benchmark") && f[3] == "ns/op" {
						v, _ := strconv.ParseFloat(f[2], 64)
						name, _, _ := strings.Cut(f[0], "-")
						ns[j][name] = append(ns[j][name], v)
					}
				}
			}
		}
		var names []string
		for name := range ns[0] {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			now, was := percentile(ns[0][name], 0.5), percentile(ns[1][name], 0.5)
			if was == 0 {
				fmt.Printf("natively, side by side: %s %s/op here; not in %s\n", name, nsText(now), base)
				continue
			}
			fmt.Printf("natively, side by side: %s %s/op here, %s/op in %s (%.2f×)\n", name, nsText(now), nsText(was), base, now/was)
		}
		// The uncertainty run in evaluations of the default scenario.
		if u, e := ns[0]["BenchmarkUncertainty"], ns[0]["BenchmarkEvaluate"]; len(u) > 0 && len(e) > 0 {
			line := fmt.Sprintf("natively, side by side: 2,000 uncertainty draws take as long as %.0f evaluations of the default scenario here", percentile(u, 0.5)/percentile(e, 0.5))
			if ub, eb := ns[1]["BenchmarkUncertainty"], ns[1]["BenchmarkEvaluate"]; len(ub) > 0 && len(eb) > 0 {
				line += fmt.Sprintf(", %.0f in %s", percentile(ub, 0.5)/percentile(eb, 0.5), base)
			}
			fmt.Println(line + " (budget: 800)")
		}
	}
}

func nsText(ns float64) string {
	switch {
	case ns >= 1e6:
		return fmt.Sprintf("%.1f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns", ns)
}
