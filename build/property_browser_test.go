package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/report"
)

// The page's numbers always match its link: many links and scenario files,
// valid, at the edges and hostile (a fixed seed), driven through one live
// calculator as a reader would (a new address, a file to import). After
// each, every region of numbers on screen (the headline, the key figures,
// the phone's summary of them, the tiers, totals, stages and scale-up
// tables) reads as core renders the evaluation of the same scenario; the
// address is that scenario's link. A link or file the model cannot read
// changes nothing on screen and says why.

// propertyRegions are the regions of the page that show numbers, with the
// part of core's rendering each shows.
var propertyRegions = []struct {
	id   string
	part func(report.Live) string
}{
	{"r-headline", func(l report.Live) string { return l.Headline }},
	{"r-keyfacts", func(l report.Live) string { return l.KeyFacts }},
	{"r-summary-facts", func(l report.Live) string { return l.KeyFacts }},
	{"r-tiers", func(l report.Live) string { return l.Tiers }},
	{"r-totals", func(l report.Live) string { return l.Totals }},
	{"r-stages", func(l report.Live) string { return l.Stages }},
	{"r-scaleup", func(l report.Live) string { return l.ScaleUp }},
}

// randomScenario is a valid scenario drawn from the ranges a reader can
// reach, with 0 to 5 tiers of its own.
func randomScenario(rng *rand.Rand) core.Scenario {
	techs := []core.Tech{"auto", "dac", "acc", "aec", "dsp", "lpo", "cpo"}
	for {
		s := core.DefaultScenario()
		s.GPUs = []int{8, 72, 576, 4096, 65536, 131072, 262144, 1 << 20}[rng.IntN(8)]
		s.LaneGbps = []float64{50, 100, 200, 400}[rng.IntN(4)]
		s.GPUWatts = float64(700 + 100*rng.IntN(12))
		s.PUE = 1.05 + 0.05*float64(rng.IntN(10))
		n := rng.IntN(6)
		s.Tiers = nil
		for i := 0; i < n; i++ {
			t := core.AddedTier(i)
			t.Tech = techs[rng.IntN(len(techs))]
			t.LengthM = []float64{0.5, 1, 2, 3, 5, 30, 100, 300, 2000}[rng.IntN(9)]
			s.Tiers = append(s.Tiers, t)
		}
		if rng.IntN(3) == 0 {
			s.ScaleUp.Tech = techs[1+rng.IntN(len(techs)-1)]
			s.ScaleUp.LengthM = []float64{0.3, 0.6, 1, 2, 3}[rng.IntN(5)]
		}
		if rng.IntN(3) == 0 {
			s.ScaleOut.Tiers = rng.IntN(5)
		}
		if core.Validate(s) == nil {
			return s
		}
	}
}

// hostileLinks are links no calculator should take.
var hostileLinks = []string{
	"v=1&gpus=-1", "v=1&gpus=0", "v=1&gpus=1e309", "v=1&gpus=NaN", "v=1&gpus=%", "v=1&gpus=%E0%A4%A", "v=1&gpus=1&gpus=2",
	"v=1&tiers=99", "v=1&tiers=-1", "v=1&tiers=x", "v=1&tiers.7.tech=dac", "v=1&tiers.0.tech=<script>alert(1)</script>",
	"v=1&tiers.0.length_m=-3", "v=1&lane_gbps=123", "v=1&__proto__.x=1", "v=1&constructor=1", "v=2&gpus=1", "v=1&params.nope=1",
	"s=1.bm90IGpzb24", "s=7.abc", "v=1&" + strings.Repeat("gpus=1&", 500), "v=1&scale_up.domain_gpus=0", "v=1&a.gpus=-5",
}

// hostileFiles are scenario files no calculator should take.
var hostileFiles = []string{
	`{"gpus": -1}`, `{"gpus": "x"}`, `[]`, `null`, `{"tiers": 3}`, `{"tiers": [{"tech": "warp"}]}`, `{"lane_gbps": 123}`,
	`{"gpus": 1e400}`, `{"tiers": [` + strings.Repeat(`{},`, 20) + `{}]}`, `{"params": {"nope": 1}}`, `{"gpus":`,
}

// expectedLink is what the page should show for a link: the scenario and
// its canonical link (A's pairs after B's), or ok false for a link the
// model refuses.
func expectedLink(link string) (core.Scenario, string, bool) {
	var b, a []string
	for _, p := range strings.Split(link, "&") {
		if rest, ok := strings.CutPrefix(p, "a."); ok {
			a = append(a, rest)
		} else {
			b = append(b, p)
		}
	}
	s, err := core.DecodePermalink(strings.Join(b, "&"))
	if err != nil {
		return s, "", false
	}
	canon, err := core.EncodePermalink(s)
	if err != nil {
		return s, "", false
	}
	if len(a) > 0 {
		as, err := core.DecodePermalink(strings.Join(a, "&"))
		if err != nil {
			return s, "", false
		}
		ac, _ := core.EncodePermalink(as)
		for _, p := range strings.Split(ac, "&") {
			canon += "&a." + p
		}
	}
	return s, canon, true
}

func TestPageNumbersMatchTheirLink(t *testing.T) {
	ctx, tr := calculatorTab(t)
	rng := rand.New(rand.NewPCG(2026, 12))
	shown := core.DefaultScenario()
	shownLink := "v=1"

	// The order matters: the reported case first (a tier of the reader's,
	// then a link that leaves the tiers to the model), then random valid
	// links with hostile ones and edges among them.
	links := []string{
		"v=1&gpus=262144&tiers.0.tech=dac&tiers.0.length_m=2", "v=1&gpus=262144&tiers=0",
		"v=1&tiers=1", "v=1&tiers=0", "v=1&gpus=72&tiers=0", "v=1&gpus=72&tiers=5", "v=1&gpus=1048576&tiers=0",
		"v=1&gpus=4096&a.v=1&a.gpus=8192", "v=1&gpus=4096&tiers=0&a.v=1&a.tiers=0", "v=1&gpus=8&tiers=0",
	}
	for i := 0; i < 40; i++ {
		if i%4 == 3 {
			links = append(links, hostileLinks[rng.IntN(len(hostileLinks))])
			continue
		}
		l, err := core.EncodePermalink(randomScenario(rng))
		if err != nil {
			t.Fatal(err)
		}
		links = append(links, l)
	}
	links = append(links, hostileLinks...)
	links = append(links, "v=1")

	check := func(what string, want core.Scenario, wantLink string) {
		t.Helper()
		r, err := core.Evaluate(want)
		if err != nil {
			t.Fatalf("%s: native evaluation: %v", what, err)
		}
		live := report.In(label.English).Render(&r, nil)
		got := eval[map[string]string](t, ctx, `(() => { const out = {}; for (const id of `+mustJSON(regionIDs())+`) {
			const c = document.getElementById(id).cloneNode(true); c.querySelectorAll(".band, .delta, [data-band-for]").forEach(e => e.remove());
			out[id] = c.textContent; } return out; })()`)
		for _, reg := range propertyRegions {
			wantText := htmlTextNoBands(t, ctx, reg.part(live))
			if got[reg.id] != wantText {
				t.Errorf("%s: %s shows\n%s\nbut core evaluates %s as\n%s", what, reg.id, got[reg.id], wantLink, wantText)
			}
		}
		if hash := eval[string](t, ctx, `(() => { window.cpocalcPage.flushURL(); return location.hash; })()`); wantLink != "" && strings.TrimPrefix(hash, "#") != core.VersionedLink(wantLink) && !(wantLink == "v=1" && hash == "") {
			t.Errorf("%s: the address reads %q, want #%s", what, hash, wantLink)
		}
	}

	checked := 0
	for i, link := range links {
		// The new address, and the page's answer to its hashchange.
		eval[bool](t, ctx, `new Promise(res => { const done = () => requestAnimationFrame(() => res(true));
			addEventListener("hashchange", done, {once: true}); location.hash = `+mustJSON("#"+link)+`; setTimeout(done, 2000); })`)
		what := fmt.Sprintf("link %d %.80q", i, link)
		s, canon, ok := expectedLink(link)
		if ok {
			shown, shownLink = s, canon
			if msg := eval[bool](t, ctx, `!document.getElementById("permalink-message").hidden`); msg {
				t.Errorf("%s: a good link shows a link problem: %s", what, text(t, ctx, "permalink-message"))
			}
			check(what, shown, shownLink)
		} else {
			// The page keeps what it showed, says so, and its address is
			// that scenario's link again.
			if msg := text(t, ctx, "permalink-message"); !strings.Contains(msg, "could not be read") || !strings.Contains(msg, "keeps the scenario it showed") {
				t.Errorf("%s: a bad link says %q", what, msg)
			}
			check(what, shown, shownLink)
		}
		checked++
	}

	// Scenario files: valid, at the edges, and hostile.
	dir := t.TempDir()
	files := []string{`{"tiers": []}`, `{"gpus": 262144, "tiers": []}`, `{"gpus": 262144, "tiers": [{"tech": "dac", "length_m": 2}]}`, `{"tiers": []}`, `{}`}
	for i := 0; i < 10; i++ {
		b, err := json.Marshal(randomScenario(rng))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, string(b))
		files = append(files, hostileFiles[rng.IntN(len(hostileFiles))])
	}
	files = append(files, hostileFiles...)
	for i, body := range files {
		msg, err := importFile(t, ctx, filepath.Join(dir, "scenario-"+strconv.Itoa(i)+".json"), body)
		if err != nil {
			t.Fatalf("file %d: no message: %v", i, err)
		}
		what := fmt.Sprintf("file %d %.80q", i, body)
		s, err := core.ParseScenario([]byte(body))
		if err == nil {
			err = core.Validate(s)
		}
		if err == nil {
			if !strings.HasPrefix(msg, "Loaded") {
				t.Errorf("%s: %q", what, msg)
			}
			shown = s
			shownLink, _ = core.EncodePermalink(s)
		} else if !strings.HasPrefix(msg, "Could not load") {
			t.Errorf("%s: a file the model refuses says %q", what, msg)
		}
		check(what, shown, shownLink)
		checked++
	}
	t.Logf("%d links and files, every region compared with core", checked)
	screenshot(t, ctx, "property-last")
	for _, e := range tr.snapshot().exceptions {
		t.Errorf("uncaught exception: %s", e)
	}
}

func regionIDs() []string {
	var ids []string
	for _, r := range propertyRegions {
		ids = append(ids, r.id)
	}
	return ids
}

// htmlTextNoBands is the text of core's HTML as the page shows it, the
// bands the page fills in later aside.
func htmlTextNoBands(t *testing.T, ctx context.Context, html string) string {
	b, _ := json.Marshal(html)
	return eval[string](t, ctx, `(() => { const d = document.createElement("div"); d.innerHTML = `+string(b)+`;
		d.querySelectorAll(".band, .delta, [data-band-for]").forEach(e => e.remove()); return d.textContent; })()`)
}
