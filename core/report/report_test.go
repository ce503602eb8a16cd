package report

import (
	"encoding/json"
	"html"
	"strings"
	"testing"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/figures"
	"github.com/cpocalc/cpocalc/core/label"
)

// The report's numbers are format's (tested there); a reach says when a
// link cannot run at all.
func TestNumbers(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{label.English.Count(1000), "1,000"}, {label.English.Number(27648, 4), "27,650"}, {label.English.Exact(0.4055), "0.4055"},
		{In(label.English).Reach(0), "0 m (it cannot run at all)"}, {In(label.English).Reach(1.06), "1.06 m"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// Text is escaped; trusted HTML is not; a path makes a cell explainable.
func TestTableHTML(t *testing.T) {
	tb := Table{ID: "x", Caption: "a <b>", Head: []string{"k", "v"}, Num: map[int]bool{1: true}}
	tb.Rows = append(tb.Rows, []Cell{T("<script>"), P("1 W", "totals.it_watts")}, []Cell{T("r"), H("<em>ok</em>")})
	h := tb.HTML(label.English)
	for _, want := range []string{`&lt;script&gt;`, `a &lt;b&gt;`, `data-path="totals.it_watts" tabindex="0"`, `<em>ok</em>`, `class="num"`, `id="x"`} {
		if !strings.Contains(h, want) {
			t.Errorf("no %q in %s", want, h)
		}
	}
	if strings.Contains(h, "<script>") {
		t.Error("text not escaped")
	}
}

// Every number of the calculator's tables can be explained: each path in
// the rendered HTML is one core.Explain accepts.
func TestPathsExplain(t *testing.T) {
	s, r, f := defaultRun(t)
	l := In(label.English).Render(&r, &f)
	all := l.KeyFacts + l.Tiers + l.Totals + l.Stages + l.ScaleUp
	n := 0
	for _, part := range strings.Split(all, `data-path="`)[1:] {
		path := part[:strings.IndexByte(part, '"')]
		n++
		if _, err := core.Explain(label.English, s, path); err != nil {
			t.Errorf("%s: %v", path, err)
		}
	}
	if n < 60 {
		t.Errorf("only %d explainable cells", n)
	}
	for _, id := range []string{"copper-wall", "energy-per-bit", "latency", "cluster-power", "electrical-path"} {
		if !strings.Contains(l.Charts[id], "<table") {
			t.Errorf("no table for chart %s", id)
		}
	}
	if !strings.Contains(l.Headline, "Co-packaged optics would save") || !strings.Contains(l.Headline, "households") {
		t.Errorf("headline: %s", l.Headline)
	}
}

// The escaper is html.EscapeString's, and Live's writer says what its
// tags say.
func TestEscapeAndLiveJSON(t *testing.T) {
	for _, s := range []string{"", "plain", `<a href="x">'&'</a>`, "é & 中"} {
		if got, want := escape(s), html.EscapeString(s); got != want {
			t.Errorf("escape(%q) = %q, html.EscapeString %q", s, got, want)
		}
	}
	_, r, f := defaultRun(t)
	for _, l := range []Live{In(label.English).Render(&r, nil), In(label.English).Render(&r, &f)} {
		got, _ := json.Marshal(l)
		want, _ := json.Marshal(taggedLive(l))
		if string(got) != string(want) {
			t.Errorf("Live writes\n%.300s\nits tags say\n%.300s", got, want)
		}
	}
}

// defaultRun is the default scenario, its result and its figures.
func defaultRun(t *testing.T) (core.Scenario, core.Result, figures.Figures) {
	t.Helper()
	s := core.DefaultScenario()
	r, err := core.Evaluate(s)
	if err != nil {
		t.Fatal(err)
	}
	f, err := figures.Compute(label.English, s)
	if err != nil {
		t.Fatal(err)
	}
	return s, r, f
}

type taggedLive Live
