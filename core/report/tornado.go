package report

import (
	"math"
	"strings"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/figures"
	"github.com/cpocalc/cpocalc/core/format"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/wire"
)

// signed prints a change with its sign: "+0.41", "−1.2".
func signed(v float64) string {
	switch {
	case v > 0:
		return "+" + Num(v, 3)
	case v < 0:
		return "−" + Num(-v, 3)
	}
	return "0"
}

// TornadoTable is the tornado chart's data table: each parameter, its
// source, and the headline's change at its low and at its high.
func TornadoTable(t *figures.Tornado) string {
	tb := Table{Caption: label.Format("report.tornado.caption", "headline", t.Title, "unit", t.Unit), Head: words("report.tornado.head"), Num: map[int]bool{2: true, 3: true}}
	for i, id := range t.IDs {
		src := ""
		if p, ok := core.LookupParam(id); ok {
			src = shortSource(p.Cited())
		}
		tb.Rows = append(tb.Rows, []Cell{T(t.Names[i]), T(src), T(signed(t.Low[i])), T(signed(t.High[i]))})
	}
	return tb.HTML()
}

// TornadoWords is the tornado chart's caption for a headline: its value at
// the defaults, and the two parameters that move it most.
func TornadoWords(t *figures.Tornado) string {
	def := format.Number(t.Default, 3) + " " + t.Unit
	if t.Unit == "$ million" || t.Unit == "$ billion" {
		def = "$" + format.Number(t.Default, 3) + t.Unit[1:]
	}
	title := t.Title
	if title != "" && title[0] >= 'a' && title[0] <= 'z' {
		title = strings.ToUpper(title[:1]) + title[1:]
	}
	s := label.Format("report.tornado.words", "headline", title, "default", def)
	if len(t.SetNames) > 0 {
		s = label.Format("report.tornado.words_set", "headline", title, "default", def, "set", strings.Join(t.SetNames, label.Get("report.list_sep")))
	}
	if len(t.IDs) >= 2 {
		s = then(s, label.Format("report.band_decided", "first", paramWords(t.IDs[0]), "second", paramWords(t.IDs[1])))
	}
	return s
}

// TornadoParts are, for the page, each headline's tornado, its caption and
// its table, in the run's order.
type TornadoParts struct {
	Figure figures.Tornado
	Words  string
	Table  string
}

// TornadoPartsWire is a tornado's members with its words and table.
var TornadoPartsWire = []wire.Field[*TornadoParts]{
	{Put: func(w *wire.W, t *TornadoParts) { wire.Members(w, &t.Figure, figures.TornadoWire) }},
	{Name: "words", Put: func(w *wire.W, t *TornadoParts) { w.Str(t.Words) }},
	{Name: "table", Put: func(w *wire.W, t *TornadoParts) { w.Str(t.Table) }},
}

// Tornadoes writes the parts of every headline's tornado of a run.
func Tornadoes(r *core.Result, u *core.UncertaintyResult) []TornadoParts {
	var out []TornadoParts
	for _, t := range figures.Tornadoes(r, u) {
		if allZero(t.Low) && allZero(t.High) {
			continue // nothing moves it: a count, not a physical number
		}
		out = append(out, TornadoParts{Figure: t, Words: TornadoWords(&t), Table: TornadoTable(&t)})
	}
	return out
}

func allZero(v []float64) bool {
	for _, x := range v {
		if x != 0 && !math.IsNaN(x) {
			return false
		}
	}
	return true
}
