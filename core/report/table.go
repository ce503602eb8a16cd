package report

import (
	"strconv"
	"strings"

	"github.com/cpocalc/cpocalc/core/label"
)

// Cell is one table cell: text (escaped) or trusted HTML, and the result
// path of the number it shows, if any (the calculator explains it).
type Cell struct {
	_    noCompare
	Text string
	HTML string
	Path string
	Span int // columns it spans, if more than one (a message in place of numbers)
}

// T is a text cell; P a cell with the path of its number.
func T(s string) Cell          { return Cell{Text: s} }
func P(s, path string) Cell    { return Cell{Text: s, Path: path} }
func H(h string) Cell          { return Cell{HTML: h} }
func cells(s ...string) []Cell { return textCells(s) }

func textCells(s []string) []Cell {
	out := make([]Cell, len(s))
	for i, x := range s {
		out[i] = T(x)
	}
	return out
}

// Table is an HTML table: a caption, a head, rows whose first cell is the
// row's header, and the columns to align as numbers.
//
// A table of records (one thing per row, its properties across) sets
// Cards: on a phone each row becomes a card that names every figure it
// shows, so nothing hides past the screen's edge. Key, if set, lists the
// columns a card shows at once; the others are one tap away (a button
// the card carries), and every column shows on a wider screen.
type Table struct {
	ID      string
	Caption string
	Head    []string
	Rows    [][]Cell
	Num     map[int]bool
	Class   string
	Cards   bool
	Key     map[int]bool
	Long    map[int]bool // columns of prose, which a card sets under their names
}

// AddRow appends a row of plain text cells.
func (t *Table) AddRow(s ...string) { t.Rows = append(t.Rows, cells(s...)) }

// HTML writes the table inside a focusable scrolling region.
func (t Table) HTML(c *label.Catalogue) string {
	var b strings.Builder
	cls, wrap := "data", "table-wrap"
	if t.Class != "" {
		cls += " " + t.Class
	}
	// A card layout restyles the table's parts, which some browsers take
	// to mean it is no longer a table: the roles say it still is.
	role := func(r string) string { return "" }
	if t.Cards {
		cls += " cards"
		wrap += " has-cards"
		role = func(r string) string { return ` role="` + r + `"` }
	}
	b.WriteString(`<div class="` + wrap + `" tabindex="0" role="region" aria-label="` + escape(t.Caption) + `"><table class="` + cls + `"` + role("table"))
	if t.ID != "" {
		b.WriteString(` id="` + escape(t.ID) + `"`)
	}
	b.WriteString(`>`)
	if t.Caption != "" {
		b.WriteString("<caption>" + escape(t.Caption) + "</caption>")
	}
	b.WriteString("<thead" + role("rowgroup") + "><tr" + role("row") + ">")
	for i, h := range t.Head {
		b.WriteString(`<th scope="col"` + classes(t.Num[i], false, false) + role("columnheader") + `>` + escape(h) + "</th>")
	}
	b.WriteString("</tr></thead><tbody" + role("rowgroup") + ">")
	folds := t.Cards && t.Key != nil
	for _, r := range t.Rows {
		b.WriteString("<tr" + role("row") + ">")
		col, folded := 0, false
		for i, c := range r {
			tag, cellRole := "td", "cell"
			if i == 0 {
				tag, cellRole = "th", "rowheader"
			}
			more := folds && i > 0 && !t.Key[col] && c.Span < 2
			folded = folded || more
			card := t.Cards && i > 0 && c.Span < 2
			b.WriteString("<" + tag + classes(t.Num[col] && c.Span < 2, more, card && t.Long[col]) + role(cellRole))
			if tag == "th" {
				b.WriteString(` scope="row"`)
			}
			if card && col < len(t.Head) {
				// The card's name for the figure: its column's head.
				b.WriteString(` data-label="` + escape(t.Head[col]) + `"`)
			}
			col++
			if c.Span > 1 {
				b.WriteString(` colspan="` + strconv.Itoa(c.Span) + `"`)
				col += c.Span - 1
			}
			if c.Path != "" {
				b.WriteString(` data-path="` + escape(c.Path) + `" tabindex="0"`)
			}
			b.WriteString(">")
			if card {
				// One box for the value, beside or under its name.
				b.WriteString(`<span class="cv">`)
			}
			if c.HTML != "" {
				b.WriteString(c.HTML)
			} else {
				b.WriteString(escape(c.Text))
			}
			if card {
				b.WriteString(`</span>`)
			}
			b.WriteString("</" + tag + ">")
		}
		if folded {
			// Shown on a phone only (the style sheet hides it elsewhere).
			b.WriteString(`<td class="card-toggle"` + role("cell") + `><button type="button" aria-expanded="false">` + escape(c.Get("report.card_more")) + `</button></td>`)
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</tbody></table></div>")
	return b.String()
}

// classes is a cell's class attribute: prose a card sets under its name,
// a number's alignment, and a figure a phone's card folds away.
func classes(num, more, long bool) string {
	var c []string
	for _, k := range []struct {
		on   bool
		name string
	}{{long, "long"}, {num, "num"}, {more, "more"}} {
		if k.on {
			c = append(c, k.name)
		}
	}
	if len(c) == 0 {
		return ""
	}
	return ` class="` + strings.Join(c, " ") + `"`
}

func numCols(from, to int) map[int]bool {
	m := map[int]bool{}
	for i := from; i <= to; i++ {
		m[i] = true
	}
	return m
}
