package zh

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/figures"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/label/pagewords"
)

// modelWords are the prefixes of keys whose English lives with the model
// (a parameter's name in the catalogue), not in label.English.
var modelWords = []string{"param.", "group.", "validation.", "formula.", "term.", "genrow.", "supplyrow.", "corning.", "release."}

func ofModel(k string) bool {
	for _, p := range modelWords {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

var placeholder = regexp.MustCompile(`\{[a-z_0-9]+\}`)

func holes(s string) []string {
	h := placeholder.FindAllString(s, -1)
	slices.Sort(h)
	return slices.Compact(h)
}

// Every key is in both languages, with the same arguments and, for a
// table's heads, the same number of columns.
func TestSameKeys(t *testing.T) {
	english := pagewords.English // the model's words and the pages'
	for _, k := range english.Keys() {
		if !Catalogue.Has(k) {
			t.Errorf("%s: in English, not in Chinese", k)
			continue
		}
		en, zh := english.Get(k), Catalogue.Get(k)
		if !slices.Equal(holes(en), holes(zh)) {
			t.Errorf("%s: arguments %v in English, %v in Chinese", k, holes(en), holes(zh))
		}
		if strings.Count(en, "|") != strings.Count(zh, "|") {
			t.Errorf("%s: %d columns in English, %d in Chinese", k, strings.Count(en, "|")+1, strings.Count(zh, "|")+1)
		}
		if strings.TrimSpace(zh) == "" {
			t.Errorf("%s: empty in Chinese", k)
		}
	}
	for _, k := range Catalogue.Keys() {
		if !ofModel(k) && !english.Has(k) {
			t.Errorf("%s: in Chinese, not in English", k)
		}
	}
}

// Every parameter of the catalogue has its Chinese name and source, and
// its note when it has one; every group its name.
func TestParameters(t *testing.T) {
	groups := map[string]bool{}
	ids := map[string]bool{}
	for _, p := range core.Catalogue() {
		ids[p.ID] = true
		groups[p.Group] = true
		if !Catalogue.Has("param." + p.ID) {
			t.Errorf("param.%s: no Chinese name (%s)", p.ID, p.Name)
		}
		if !Catalogue.Has("param." + p.ID + ".source") {
			t.Errorf("param.%s.source: no Chinese source", p.ID)
		}
		if p.Note != "" && !Catalogue.Has("param."+p.ID+".note") {
			t.Errorf("param.%s.note: no Chinese note", p.ID)
		}
	}
	for g := range groups {
		if !Catalogue.Has("group." + g) {
			t.Errorf("group.%s: no Chinese name", g)
		}
	}
	for _, k := range Catalogue.Keys() {
		if rest, ok := strings.CutPrefix(k, "param."); ok {
			id, _, _ := strings.Cut(rest, ".")
			if !ids[id] {
				t.Errorf("%s: no such parameter", k)
			}
		}
	}
}

// explainScenarios are clusters whose explanations cover every formula:
// the default, one without scale-up, and each stage forced on every tier.
func explainScenarios() []core.Scenario {
	out := []core.Scenario{core.DefaultScenario()}
	s := core.DefaultScenario()
	s.GPUs = 4096
	s.ScaleUp.DomainGPUs = 1
	out = append(out, s)
	// Five tiers: the tiers' own words past the third.
	deep := core.DefaultScenario()
	deep.GPUs = 2048
	deep.ScaleOut.SwitchRadix = 8
	deep.ScaleUp.DomainGPUs = 1
	deep.Tiers = nil
	out = append(out, deep)
	for _, tech := range core.Techs {
		s := core.DefaultScenario()
		s.GPUs = 2048
		for i := range s.Tiers {
			s.Tiers[i].Tech = tech
			s.Tiers[i].LengthM = 1
		}
		out = append(out, s)
	}
	// Every code chosen: auto on each tier and the domain, an inner code
	// on 100G optics.
	fec := core.DefaultScenario()
	fec.LaneGbps = 100
	fec.ScaleUp.FEC = core.FECAuto
	for i := range fec.Tiers {
		fec.Tiers[i].FEC = core.FECAuto
	}
	fec.Tiers[2].FEC = core.FECInner
	out = append(out, fec)
	// A two-level domain: 144 GPUs on 72-port chips, optics between racks.
	two := core.DefaultScenario()
	two.ScaleUp.DomainGPUs = 144
	two.ScaleUp.SpineLengthM = 5
	two.ScaleUp.Tech = core.Auto
	out = append(out, two)
	// Copper signalling: both directions on a pair, and PAM8.
	for _, sig := range []string{core.SigPAM4Bidi, core.SigPAM8} {
		s := core.DefaultScenario()
		s.ScaleUp.Signalling = sig
		out = append(out, s)
	}
	return out
}

// Every formula an explanation shows, and every input's name, has its
// Chinese: in each scenario above, for every number of the result.
func TestFormulas(t *testing.T) {
	missing := map[string]bool{}
	n := 0
	for _, s := range explainScenarios() {
		r, err := core.Evaluate(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range r.NumberPaths() {
			e, err := core.Explain(label.English, s, p)
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			n++
			if e.Formula != label.English.Get("formula.input") && !Catalogue.Has("formula."+e.Formula) {
				missing["formula."+e.Formula] = true
			}
			for _, in := range e.Inputs {
				if _, ok := Catalogue.Numbered("term." + in.Name); !ok {
					missing["term."+in.Name] = true
				}
			}
		}
	}
	for k := range missing {
		t.Errorf("%s: no Chinese", k)
	}
	if n < 1000 {
		t.Errorf("only %d explanations: the scenarios do not cover the result", n)
	}
}

// Every row of the validation and published-check tables reads in
// Chinese: its claim, its kind, its source and, where the model does not
// come to the figure, why.
func TestValidation(t *testing.T) {
	need := func(key string) {
		if !Catalogue.Has(key) {
			t.Errorf("%s: no Chinese", key)
		}
	}
	for _, r := range core.ValidationTable() {
		need("validation." + r.Claim)
		need("validation." + r.Source)
		need("validation.kind." + r.Kind)
	}
	for _, r := range core.PublishedChecks() {
		need("validation." + r.Name)
		need("validation." + r.Source)
		if r.Disagreement != "" {
			need("validation." + r.Disagreement)
		}
	}
}

// No key is in two of the catalogue's files, where one would silently
// replace the other.
func TestNoKeyTwice(t *testing.T) {
	seen := map[string]int{}
	for i, p := range parts {
		for k := range p {
			if j, ok := seen[k]; ok {
				t.Errorf("%s: in parts %d and %d", k, j, i)
			}
			seen[k] = i
		}
	}
}

// A Chinese page's permalink errors read in Chinese, whatever form the
// link has.
func TestPermalinkErrorsInChinese(t *testing.T) {
	han := regexp.MustCompile(`\p{Han}`)
	for _, link := range []string{"v=1&gpus=8&gpus=9", "v=1&gpus", "v=1&gpus=%zz", "v=2&gpus=8", "v=1&nonsense=1", "v=1&gpus=-5", "s=1", "1.!!!", "v=1&tiers.9.length_m=3"} {
		_, err := core.DecodePermalink(link)
		if err == nil {
			t.Errorf("%s: no error", link)
			continue
		}
		msg := core.ErrorText(Catalogue, err)
		if !han.MatchString(msg) || strings.Contains(msg, "is damaged") || strings.Contains(msg, "given twice") || strings.Contains(msg, "holds a") || strings.Contains(msg, " is ") {
			t.Errorf("%s: %q is not in Chinese", link, msg)
		}
	}
}

// An uncertainty run is computed without a language (its statements in
// English) and reworded for a page: in Chinese, each statement and which
// draws can judge it; back in English, the run it was.
func TestUncertaintyRewords(t *testing.T) {
	s := core.DefaultScenario()
	u, err := core.Uncertainty(s, 40, 7)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := u.MarshalJSON()
	judged := map[string]bool{}
	for _, p := range u.Probabilities {
		judged[p.Key] = p.Judged != ""
	}
	u.Reword(Catalogue)
	han := regexp.MustCompile(`\p{Han}`)
	if len(u.Probabilities) == 0 {
		t.Fatal("no statements")
	}
	for _, p := range u.Probabilities {
		if !han.MatchString(p.Text) || judged[p.Key] != (p.Judged != "") || p.Judged != "" && !han.MatchString(p.Judged) {
			t.Errorf("%s: %q (judged %q) is not the Chinese statement", p.Key, p.Text, p.Judged)
		}
	}
	u.Reword(label.English)
	if after, _ := u.MarshalJSON(); string(after) != string(before) {
		t.Errorf("reworded back into English\n%.400s\nthe run was\n%.400s", after, before)
	}
}

// The figures' numbers do not depend on the language: figures computed in
// English and reworded in Chinese are the figures computed in Chinese.
func TestFiguresReword(t *testing.T) {
	s := core.DefaultScenario()
	en, err := figures.Compute(label.English, s)
	if err != nil {
		t.Fatal(err)
	}
	zh, err := figures.Compute(Catalogue, s)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := en.Reworded(Catalogue).MarshalJSON()
	b, _ := zh.MarshalJSON()
	if string(a) != string(b) {
		t.Errorf("reworded\n%.600s\ncomputed in Chinese\n%.600s", a, b)
	}
	if !strings.Contains(string(b), "铜") {
		t.Errorf("no Chinese in the figures: %.300s", b)
	}
	c, _ := en.MarshalJSON()
	if string(c) == string(b) {
		t.Error("rewording changed the figures it was called on")
	}
}

// Every row of the generations table reads in Chinese: its systems and
// each of its sources.
func TestGenerationRows(t *testing.T) {
	for _, g := range core.Generations {
		y := strconv.Itoa(g.Year)
		if !Catalogue.Has("genrow." + y + ".systems") {
			t.Errorf("%s: the systems have no Chinese", y)
		}
		for i := range g.Sources {
			if !Catalogue.Has("genrow." + y + ".source." + strconv.Itoa(i)) {
				t.Errorf("%s: source %d has no Chinese", y, i)
			}
		}
	}
}

// Every source of the fibre market's years and of Corning's reads in
// Chinese.
func TestSupplySources(t *testing.T) {
	for _, y := range core.MarketYears {
		for i := range y.Sources {
			if !Catalogue.Has("supplyrow." + strconv.Itoa(y.Year) + ".source." + strconv.Itoa(i)) {
				t.Errorf("%d: source %d has no Chinese", y.Year, i)
			}
		}
	}
	for i := range core.Corning.Sources {
		if !Catalogue.Has("corning.source." + strconv.Itoa(i)) {
			t.Errorf("Corning: source %d has no Chinese", i)
		}
	}
}

// Every change of every model version reads in Chinese.
func TestReleaseChanges(t *testing.T) {
	for _, r := range core.Releases {
		for i := range r.Changes {
			if !Catalogue.Has("release." + r.Version + ".change." + strconv.Itoa(i)) {
				t.Errorf("version %s: change %d has no Chinese", r.Version, i)
			}
		}
	}
}
