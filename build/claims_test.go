package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/report"
)

// The engineering claims' verdicts are golden: a change to the model that
// turns a verdict shows as a diff to review. Each verdict is one of the
// four words, and each says what the model compares.
func TestGoldenClaims(t *testing.T) {
	m, err := newModel(repoRoot(t), new(computed))
	if err != nil {
		t.Fatal(err)
	}
	claims, err := m.engineeringClaims()
	if err != nil {
		t.Fatal(err)
	}
	if len(claims) < 8 {
		t.Errorf("%d engineering claims judged", len(claims))
	}
	type row struct{ Topic, Verdict, Says, Sure, Link string }
	var rows []row
	for _, c := range claims {
		switch c.Verdict {
		case report.VerdictAgrees, report.VerdictPartly, report.VerdictNotConfirmed, report.VerdictContradicted:
		default:
			t.Errorf("%s: verdict %q", c.Topic, c.Verdict)
		}
		if c.Says == "" || c.Article == "" || strings.Contains(c.Says, "%!") {
			t.Errorf("%s: %q says %q", c.Topic, c.Article, c.Says)
		}
		if c.Link != "" {
			if _, err := core.DecodePermalink(c.Link); err != nil {
				t.Errorf("%s: its scenario's link %q: %v", c.Topic, c.Link, err)
			}
		}
		rows = append(rows, row{c.Topic, c.Verdict, c.Says, c.Sure, c.Link})
	}
	b, _ := json.MarshalIndent(rows, "", "  ")
	golden(t, "claims.json", append(b, '\n'))
}

// Figures of the explainer a reader can combine combine: each 1.6 Tb/s
// port's energy per bit times its rate is its power per end (one basis,
// host SerDes included), and the saving is the difference of the two
// stages' powers, to the rounding of their last digit.
func TestProseFiguresCombine(t *testing.T) {
	root, err := findRoot()
	if err != nil {
		t.Fatal(err)
	}
	m, err := newModel(root, new(computed))
	if err != nil {
		t.Fatal(err)
	}
	num := func(key string) float64 {
		t.Helper()
		v, err := m.fact(key)
		if err != nil {
			t.Fatal(err)
		}
		f, err := strconv.ParseFloat(strings.ReplaceAll(strings.Fields(v)[0], ",", ""), 64)
		if err != nil {
			t.Fatalf("%s = %q: %v", key, v, err)
		}
		return f
	}
	for _, c := range [][2]string{{"dsp_1600_pj", "dsp_1600_end_w"}, {"cpo_1600_pj", "cpo_1600_w"}} {
		pj, w := num(c[0]), num(c[1])
		if math.Abs(pj*1.6-w) > 0.01*w+0.05 {
			t.Errorf("%s × 1.6 Tb/s = %.3g W, but %s = %g W", c[0], pj*1.6, c[1], w)
		}
	}
	if dsp, cpo, save := num("stage_dsp"), num("stage_cpo"), num("cpo_saving"); math.Abs(dsp-cpo-save) > 0.011 {
		t.Errorf("%g − %g MW is not the saving %g MW to the last digit", dsp, cpo, save)
	}
	if w, module := num("dsp_1600_end_w"), num("dsp_1600_w"); !(module < w) {
		t.Errorf("the module alone (%g W) is not less than its end with the host's SerDes (%g W)", module, w)
	}
}

// The fibre supply table is core's outlook for the default scenario, in
// each edition: every year's supply, the build-out's share and the fibre
// per MW the article's shortfall takes, as core words them; the supply
// claims are in the engineering ones with their computed verdicts, and
// no market claim types a verdict for the supply gap any more.
func TestSupplyTable(t *testing.T) {
	root := repoRoot(t)
	defer useEdition(editions[0])
	for _, e := range editions {
		useEdition(e)
		m, err := newModel(root, new(computed))
		if err != nil {
			t.Fatal(err)
		}
		html, err := m.supplyTable()
		if err != nil {
			t.Fatal(err)
		}
		years, err := core.SupplyOutlook(m.scenario, &m.result)
		if err != nil {
			t.Fatal(err)
		}
		w := report.In(ed.Cat)
		for _, y := range years {
			for _, want := range []string{strconv.Itoa(y.Year), w.Millions(y.SupplyMkm.Mid * 1e6), core.Ratio(y.Own.Share.Mid).Percent(ed.Cat)} {
				if !strings.Contains(html, want) {
					t.Errorf("%s %d: the table has no %q", e.Lang, y.Year, want)
				}
			}
			if y.ArticleGap.Mid > 0 && !strings.Contains(html, ed.Cat.Number(y.Own.Need.Mid, 2)) {
				t.Errorf("%s %d: the table has not the fibre per MW the article's shortfall takes", e.Lang, y.Year)
			}
		}
		src := m.supplySources()
		for _, y := range core.MarketYears {
			if !strings.Contains(src, strconv.Itoa(y.Year)) {
				t.Errorf("%s: no sources for %d", e.Lang, y.Year)
			}
		}
		claims, err := m.engineeringClaims()
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, c := range claims {
			if strings.Contains(c.Topic, "2026") || strings.Contains(c.Topic, "2027") {
				n++
			}
		}
		if n != 2 {
			t.Errorf("%s: %d supply-gap claims among the engineering ones, want 2", e.Lang, n)
		}
		for _, c := range m.market.Claims {
			if strings.Contains(c.Article, "shortfall") || strings.Contains(c.Article, "缺口") {
				t.Errorf("%s: a market claim still types the supply gap's verdict: %q", e.Lang, c.Article)
			}
		}
	}
}

// CITATION.cff names today's model version and its release date, as the
// site's citations do.
func TestCitationFile(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repoRoot(t), "CITATION.cff"))
	if err != nil {
		t.Fatal(err)
	}
	rel := core.ReleaseOf(core.ModelVersion)
	for _, want := range []string{`version: "` + core.ModelVersion + `"`, `date-released: "` + rel.Date + `"`, "cff-version: 1.2.0"} {
		if !strings.Contains(string(b), "\n"+want+"\n") && !strings.HasPrefix(string(b), want+"\n") {
			t.Errorf("CITATION.cff has no line %q", want)
		}
	}
}
