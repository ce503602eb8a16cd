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
//
// It writes into one builder, piece by piece: the calculator writes its
// tables on every edit, and joining each tag's parts first cost a string
// for each.
func (t Table) HTML(c *label.Catalogue) string {
	var b strings.Builder
	size := 256 + 64*len(t.Head)
	for _, r := range t.Rows {
		size += 96 * len(r)
	}
	b.Grow(size)
	// One small call a piece: the WebAssembly's code for a call with a
	// list of pieces, or for an inlined write, is several times larger.
	put := func(s string) { writeString(&b, s) }
	text := func(s string) { escaper.WriteString(&b, s) }
	// A card layout restyles the table's parts, which some browsers take
	// to mean it is no longer a table: the roles say it still is.
	role := func(r string) {
		if t.Cards {
			put(` role="`)
			put(r)
			put(`"`)
		}
	}
	put(`<div class="table-wrap`)
	if t.Cards {
		put(" has-cards")
	}
	put(`" tabindex="0" role="region" aria-label="`)
	text(t.Caption)
	put(`"><table class="data`)
	if t.Class != "" {
		put(" ")
		put(t.Class)
	}
	if t.Cards {
		put(" cards")
	}
	put(`"`)
	role("table")
	if t.ID != "" {
		put(` id="`)
		text(t.ID)
		put(`"`)
	}
	put(`>`)
	if t.Caption != "" {
		put("<caption>")
		text(t.Caption)
		put("</caption>")
	}
	put("<thead")
	role("rowgroup")
	put("><tr")
	role("row")
	put(">")
	for i, h := range t.Head {
		put(`<th scope="col"`)
		writeClasses(&b, t.Num[i], false, false)
		role("columnheader")
		put(`>`)
		text(h)
		put("</th>")
	}
	put("</tr></thead><tbody")
	role("rowgroup")
	put(">")
	folds := t.Cards && t.Key != nil
	for _, r := range t.Rows {
		put("<tr")
		role("row")
		put(">")
		col, folded := 0, false
		for i, c := range r {
			tag, cellRole := "td", "cell"
			if i == 0 {
				tag, cellRole = "th", "rowheader"
			}
			more := folds && i > 0 && !t.Key[col] && c.Span < 2
			folded = folded || more
			card := t.Cards && i > 0 && c.Span < 2
			put("<")
			put(tag)
			writeClasses(&b, t.Num[col] && c.Span < 2, more, card && t.Long[col])
			role(cellRole)
			if tag == "th" {
				put(` scope="row"`)
			}
			if card && col < len(t.Head) {
				// The card's name for the figure: its column's head.
				put(` data-label="`)
				text(t.Head[col])
				put(`"`)
			}
			col++
			if c.Span > 1 {
				put(` colspan="`)
				put(strconv.Itoa(c.Span))
				put(`"`)
				col += c.Span - 1
			}
			if c.Path != "" {
				put(` data-path="`)
				text(c.Path)
				put(`" tabindex="0"`)
			}
			put(">")
			if card {
				// One box for the value, beside or under its name.
				put(`<span class="cv">`)
			}
			if c.HTML != "" {
				put(c.HTML)
			} else {
				text(c.Text)
			}
			if card {
				put(`</span>`)
			}
			put("</")
			put(tag)
			put(">")
		}
		if folded {
			// Shown on a phone only (the style sheet hides it elsewhere).
			put(`<td class="card-toggle"`)
			role("cell")
			put(`><button type="button" aria-expanded="false">`)
			text(c.Get("report.card_more"))
			put(`</button></td>`)
		}
		put("</tr>")
	}
	put("</tbody></table></div>")
	return b.String()
}

// writeString is b.WriteString, not inlined (see HTML).
//
//go:noinline
func writeString(b *strings.Builder, s string) { b.WriteString(s) }

// writeClasses writes a cell's class attribute: prose a card sets under
// its name, a number's alignment, and a figure a phone's card folds away.
func writeClasses(b *strings.Builder, num, more, long bool) {
	if !num && !more && !long {
		return
	}
	b.WriteString(` class="`)
	sep := ""
	for _, k := range [...]struct {
		on   bool
		name string
	}{{long, "long"}, {num, "num"}, {more, "more"}} {
		if k.on {
			b.WriteString(sep)
			b.WriteString(k.name)
			sep = " "
		}
	}
	b.WriteString(`"`)
}

func numCols(from, to int) map[int]bool {
	m := map[int]bool{}
	for i := from; i <= to; i++ {
		m[i] = true
	}
	return m
}
