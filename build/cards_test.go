package main

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"runtime"
	"slices"
	"strconv"
	"testing"
	"time"
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
	var jobs []cardJob
	for _, name := range []string{"index", "chart-copper-wall"} {
		var p pageSpec
		for _, q := range allPages() {
			if q.Name == name {
				p = q
			}
		}
		job, err := b.cardJob(p)
		if err != nil {
			t.Fatal(err)
		}
		job.Out = name + ".png"
		jobs = append(jobs, job)
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
	var once computed
	for _, e := range editions {
		useEdition(e)
		m, err := newModel(root, &once)
		if err != nil {
			t.Fatal(err)
		}
		b := &builder{root: root, model: m}
		for _, p := range allPages() {
			if !hasCard(p) {
				continue
			}
			job, err := b.cardJob(p)
			if err != nil {
				t.Fatal(err)
			}
			job.Out = strconv.Itoa(len(jobs)) + ".png"
			jobs = append(jobs, job)
		}
	}
	start := time.Now()
	pngs, err := runCards(root, jobs)
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
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
