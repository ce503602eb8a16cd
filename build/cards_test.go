package main

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cpocalc/cpocalc/build/internal/card"
	"github.com/cpocalc/cpocalc/build/internal/server"
)

// A share card is a PNG of 1200 × 630 that is not blank, and the same
// job drawn twice gives the same bytes (the cards come from the sources
// alone, not from the machine).
func TestShareCardsDeterministic(t *testing.T) {
	root := repoRoot(t)
	m, err := newModel(root, new(computed))
	if err != nil {
		t.Fatal(err)
	}
	b := &builder{root: root, model: m}
	if _, err := b.makeGlyphs(); err != nil {
		t.Fatal(err)
	}
	var jobs []cardJob
	for _, name := range []string{"index", "chart-copper-wall"} {
		var p pageSpec
		for _, q := range allPages() {
			if q.Name == name {
				p = q
			}
		}
		job, text, err := b.cardJob(p)
		if err != nil {
			t.Fatal(err)
		}
		if text != nil {
			// A text card, in Go: twice the same bytes, and the same
			// again from the glyphs as the server reads them back.
			first, err := b.glyphs.Draw(*text)
			if err != nil {
				t.Fatal(err)
			}
			again, err := b.glyphs.Draw(*text)
			if err != nil {
				t.Fatal(err)
			}
			read, err := card.ParseGlyphs(b.glyphs.Encode())
			if err != nil {
				t.Fatal(err)
			}
			served, err := read.Draw(*text)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first, again) || !bytes.Equal(first, served) {
				t.Errorf("%s: two drawings differ", name)
			}
			checkCard(t, name, first)
			continue
		}
		job.Out = name + ".png"
		jobs = append(jobs, job)
	}
	if len(jobs) != 1 {
		t.Fatalf("%d cards drawn by Node, want the chart's", len(jobs))
	}
	first, err := runCards(root, jobs)
	if err != nil {
		t.Fatal(err)
	}
	again, err := runCards(root, jobs)
	if err != nil {
		t.Fatal(err)
	}
	for i := range jobs {
		if !bytes.Equal(first[i], again[i]) {
			t.Errorf("%s: two drawings differ", jobs[i].Out)
		}
		checkCard(t, jobs[i].Out, first[i])
	}
}

// checkCard: a PNG of 1200 × 630 with more than a few colours.
func checkCard(t *testing.T, what string, b []byte) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Errorf("%s: %v", what, err)
		return
	}
	if img.Bounds() != image.Rect(0, 0, 1200, 630) {
		t.Errorf("%s: %v, want 1200 × 630", what, img.Bounds())
	}
	colours := map[uint32]bool{}
	for y := 0; y < img.Bounds().Dy(); y += 5 {
		for x := 0; x < img.Bounds().Dx(); x += 5 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[r>>12<<8|g>>12<<4|bl>>12] = true
		}
	}
	if len(colours) < 6 {
		t.Errorf("%s: blank (%d colours)", what, len(colours))
	}
}

// TestBenchShareCards (make bench): every card of both editions drawn
// afresh (no cache), and their bytes.
func TestBenchShareCards(t *testing.T) {
	if os.Getenv("CPOCALC_BENCH") != "1" {
		t.Skip("set CPOCALC_BENCH=1 (make bench)")
	}
	root := repoRoot(t)
	defer useEdition(editions[0])
	var jobs []cardJob
	var texts []card.Card
	var once computed
	b := &builder{root: root}
	start := time.Now()
	if _, err := b.makeGlyphs(); err != nil {
		t.Fatal(err)
	}
	glyphsTook := time.Since(start)
	for _, e := range editions {
		useEdition(e)
		m, err := newModel(root, &once)
		if err != nil {
			t.Fatal(err)
		}
		b.model = m
		for _, p := range allPages() {
			if !hasCard(p) {
				continue
			}
			job, text, err := b.cardJob(p)
			if err != nil {
				t.Fatal(err)
			}
			if text != nil {
				texts = append(texts, *text)
				continue
			}
			job.Out = strconv.Itoa(len(jobs)) + ".png"
			jobs = append(jobs, job)
		}
	}
	start = time.Now()
	pngs, err := runCards(root, jobs)
	if err != nil {
		t.Fatal(err)
	}
	nodeTook := time.Since(start)
	start = time.Now()
	drawn, err := drawTexts(b.glyphs, texts)
	if err != nil {
		t.Fatal(err)
	}
	goTook := time.Since(start)
	fmt.Printf("share cards' glyphs: %d characters' outlines taken in %v, %s\n", b.glyphs.Len(), glyphsTook.Round(time.Millisecond), kb(len(b.glyphs.Encode())))
	fmt.Printf("share cards, text (Go): %d drawn in %v\n", len(texts), goTook.Round(time.Millisecond))
	fmt.Printf("share cards, pictures (Node): %d drawn in %v\n", len(jobs), nodeTook.Round(time.Millisecond))
	pngs = append(pngs, drawn...)
	jobs = append(jobs, make([]cardJob, len(drawn))...)
	took := nodeTook + goTook
	total := 0
	for _, p := range pngs {
		total += len(p)
	}
	fmt.Printf("share cards: %d drawn afresh in %v (%v each, %d Node processes); %s in all, %s the largest\n", len(jobs), took.Round(time.Millisecond), (took / time.Duration(len(jobs))).Round(time.Millisecond), min(runtime.NumCPU(), len(jobs)), kb(total), kb(slices.Max(lens(pngs))))
}

func lens(b [][]byte) []int {
	var out []int
	for _, x := range b {
		out = append(out, len(x))
	}
	return out
}

// A scenario's card, from our server, in both editions: the same bytes as
// the card package draws from the glyphs the build wrote, for scenarios
// that stretch the words (a cluster that cannot be built, another lane
// rate, a small and a huge one) with no character missing; a tag that
// answers 304; a link that cannot be read is answered 400 with the
// field, the value and the range, in the edition's language; no link
// leads to the page's own card; a page without a card is 404.
func TestScenarioCards(t *testing.T) {
	dir := built(t)
	raw, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(card.GlyphsPath)))
	if err != nil {
		t.Fatal(err)
	}
	g, err := card.ParseGlyphs(raw)
	if err != nil {
		t.Fatal(err)
	}
	h := server.Handler(dir)
	get := func(path string, hdr ...string) *http.Response {
		req := httptest.NewRequest("GET", "http://example.org"+path, nil)
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Result()
	}
	links := []string{
		"v=1",
		"v=1&gpus=4096",
		"v=1&gpus=300000&tiers.2.length_m=900",
		"v=1&lane_gbps=100&gpus=512",
		"v=1&gpus=2000000&scale_out.port_gbps=1600",
		"v=1&gpus=1024&scale_up.domain_gpus=8",
	}
	defer useEdition(editions[0])
	seen := map[string]bool{}
	for _, e := range editions {
		useEdition(e)
		for _, link := range links {
			c, err := card.Scenario(e.Cat, link)
			if err != nil {
				t.Errorf("%s %s: %v", e.Lang, link, err)
				continue
			}
			if m := g.Missing(c); len(m) > 0 {
				t.Errorf("%s %s: the glyphs lack %q", e.Lang, link, string(m))
			}
			want, err := g.Draw(c)
			if err != nil {
				t.Fatal(err)
			}
			for _, page := range []string{"calculator", "chart-cluster-power"} {
				r := get("/" + e.Dir + "share/" + page + ".png?" + link)
				body, _ := io.ReadAll(r.Body)
				if r.StatusCode != 200 || r.Header.Get("Content-Type") != "image/png" || !bytes.Equal(body, want) {
					t.Errorf("%s %s %s: %d %s, %d bytes, not the card's", e.Lang, page, link, r.StatusCode, r.Header.Get("Content-Type"), len(body))
					continue
				}
				if again := get("/"+e.Dir+"share/"+page+".png?"+link, "If-None-Match", r.Header.Get("ETag")); again.StatusCode != http.StatusNotModified {
					t.Errorf("%s %s: If-None-Match: %d", e.Lang, link, again.StatusCode)
				}
			}
			checkCard(t, e.Lang+" "+link, want)
			seen[string(want)] = true
		}
		// The infeasible cluster's card says so first.
		c, _ := card.Scenario(e.Cat, links[2])
		if first := e.Cat.Format("report.headline.infeasible", "why", ""); !strings.HasPrefix(c.Line, first[:len(first)/3]) {
			t.Errorf("%s: the card of a cluster that cannot be built does not say so first: %s", e.Lang, c.Line)
		}
		r := get("/" + e.Dir + "share/calculator.png?v=1&gpus=-5")
		msg, _ := io.ReadAll(r.Body)
		if r.StatusCode != 400 || !strings.Contains(string(msg), "gpus") || !strings.Contains(string(msg), "-5") || !strings.Contains(string(msg), "10,000,000") {
			t.Errorf("%s: a bad link: %d %s", e.Lang, r.StatusCode, msg)
		}
		if e.Dir != "" && !strings.ContainsRune(string(msg), '链') {
			t.Errorf("%s: a bad link's reason is not in the edition's language: %s", e.Lang, msg)
		}
		if r := get("/" + e.Dir + "share/calculator.png"); r.StatusCode != 302 || r.Header.Get("Location") != "/"+cardPath(pageNamed("calculator")) {
			t.Errorf("%s: no link: %d to %s", e.Lang, r.StatusCode, r.Header.Get("Location"))
		}
		if r := get("/" + e.Dir + "share/404.png?v=1"); r.StatusCode != 404 {
			t.Errorf("%s: a page without a card: %d", e.Lang, r.StatusCode)
		}
	}
	if len(seen) != 2*len(links) {
		t.Errorf("%d different cards for %d scenarios", len(seen), 2*len(links))
	}
}

// pageNamed is the page of a name.
func pageNamed(name string) pageSpec {
	for _, p := range allPages() {
		if p.Name == name {
			return p
		}
	}
	return pageSpec{}
}
