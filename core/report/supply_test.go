package report

import (
	"strconv"
	"strings"
	"testing"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
)

// A shortfall's verdict: the ranges meet, the model finds more, or less.
func TestGapVerdict(t *testing.T) {
	article := core.Span{Mid: 0.075, Low: 0.05, High: 0.10}
	for _, c := range []struct {
		model core.Span
		want  string
	}{
		{core.Span{Mid: 0.07, Low: 0.06, High: 0.08}, VerdictAgrees},
		{core.Span{Mid: 0.02, Low: 0, High: 0.05}, VerdictAgrees},
		{core.Span{Mid: 0.2, Low: 0.12, High: 0.3}, VerdictPartly},
		{core.Span{Mid: 0, Low: 0, High: 0.002}, VerdictNotConfirmed},
	} {
		if got := GapVerdict(c.model, article); got != c.want {
			t.Errorf("model %v against %v: %q, want %q", c.model, article, got, c.want)
		}
	}
}

// The supply-gap claims are judged from the outlook, not typed: each
// year the article gives a shortfall for has its claim, whose verdict is
// GapVerdict of the shortfall of the build-out wired as the scenario is and whose sentence gives
// the fibre per MW the article's figure would take.
func TestSupplyClaims(t *testing.T) {
	s, r, _ := defaultRun(t)
	claims, err := In(label.English).Claims(s, &r, nil)
	if err != nil {
		t.Fatal(err)
	}
	years, err := core.SupplyOutlook(s, &r)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, y := range years {
		if y.ArticleGap.Mid == 0 {
			continue
		}
		st := &y.Own
		topic := label.English.Get("claim." + map[int]string{2026: "13", 2027: "14"}[y.Year] + ".topic")
		var found *Claim
		for i := range claims {
			if claims[i].Topic == topic {
				found = &claims[i]
			}
		}
		if found == nil {
			t.Errorf("%d: no claim %q", y.Year, topic)
			continue
		}
		n++
		if want := GapVerdict(st.Gap, y.ArticleGap); found.Verdict != want {
			t.Errorf("%d: verdict %q, want %q", y.Year, found.Verdict, want)
		}
		if need := label.English.Number(st.Need.Mid, 2); !strings.Contains(found.Says, need) {
			t.Errorf("%d: %q does not give the fibre per MW it takes (%s)", y.Year, found.Says, need)
		}
		if strings.Contains(found.Says, "{") {
			t.Errorf("%d: a hole is left in %q", y.Year, found.Says)
		}
	}
	if n != 2 {
		t.Errorf("%d supply claims, want 2", n)
	}
}

// The CSV's supply section is the outlook, a row a year; a cluster that
// cannot be built leaves its build-out's cells empty.
func TestSupplyCSV(t *testing.T) {
	_, r, _ := defaultRun(t)
	csv, err := In(label.English).CSV(&r, "https://example.org/calculator/")
	if err != nil {
		t.Fatal(err)
	}
	years, _ := core.SupplyOutlook(r.Scenario, &r)
	_, section, ok := strings.Cut(csv, "# supply\n")
	if !ok {
		t.Fatalf("no supply section in\n%s", csv)
	}
	lines := strings.Split(strings.TrimSpace(section), "\n")
	if len(lines) != 1+len(years) || !strings.HasPrefix(lines[0], "year,ai_gw,ai_gw_low,ai_gw_high,supply_core_km") {
		t.Fatalf("supply section:\n%s", section)
	}
	for i, y := range years {
		cells := strings.Split(lines[1+i], ",")
		if cells[0] != strconv.Itoa(y.Year) || cells[4] != number(y.SupplyMkm.Mid*1e6) || cells[10] != number(y.Own.AIMkm.Mid*1e6) {
			t.Errorf("%d: %v", y.Year, cells)
		}
	}
	s := r.Scenario
	for i := range s.Tiers {
		s.Tiers[i].Tech = core.DAC
	}
	bad, err := core.Evaluate(s)
	if err != nil {
		t.Fatal(err)
	}
	csv, err = In(label.English).CSV(&bad, "https://example.org/calculator/")
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ = strings.Cut(csv, "# supply\n")
	row := strings.Split(strings.Split(section, "\n")[1], ",")
	if row[10] != "" || row[4] == "" {
		t.Errorf("a cluster that cannot be built: %v", row)
	}
}
