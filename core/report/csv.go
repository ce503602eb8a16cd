package report

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/wire"
)

// The calculator's CSV exports: a result's numbers in sections (tiers,
// totals, the stages, the scale-up domains), their columns the result's
// fields as core lists them; a comparison's deltas, then B's and A's.
// address is the page's address without its fragment: a CSV cites each
// scenario by its whole address, so that its reader can open it.

// CSV writes a result as CSV: a cluster that cannot be built says so
// first, with what fails; then the address of its scenario, and its
// numbers.
func (x Writer) CSV(r *core.Result, address string) (string, error) {
	return x.resultCSV(r, address, true)
}

// ComparisonCSV writes a comparison as CSV: A's and B's addresses, every
// number of B against A, then B's CSV and A's.
func (x Writer) ComparisonCSV(a, b *core.Result, address string) (string, error) {
	var c csvWriter
	c.row(text(x.Get("csv.comparison")))
	c.row("scenario", "permalink")
	c.row("A", text(linkTo(address, a.Permalink())))
	c.row("B", text(linkTo(address, b.Permalink())))
	c.blank()
	c.row("path", "unit", "a", "b", "b_minus_a", "relative")
	for _, d := range core.Compare(a, b, nil) {
		c.row(text(d.Path), text(d.Unit), number(d.A), number(d.B), number(d.Diff), number(d.Rel))
	}
	c.blank()
	c.row("# B")
	bs, err := x.resultCSV(b, address, true)
	if err != nil {
		return "", err
	}
	// A's blockers are not listed: A is the reference, and the page lists
	// B's.
	as, err := x.resultCSV(a, address, false)
	if err != nil {
		return "", err
	}
	return c.String() + bs + "\n# A\n" + as, nil
}

// linkTo is the whole address of the page on a scenario.
func linkTo(address, permalink string) string {
	if permalink == "v=1" {
		return address
	}
	return address + "#" + permalink
}

func (x Writer) resultCSV(r *core.Result, address string, blockers bool) (string, error) {
	b, err := r.MarshalJSON()
	if err != nil {
		return "", err
	}
	doc, err := wire.Parse(b)
	if err != nil {
		return "", err
	}
	var c csvWriter
	if !r.Totals.Feasible {
		c.row(text("# " + x.Get("csv.not_buildable")))
		for _, bl := range r.Blockers() {
			if blockers {
				c.row(text("# " + bl.Message(x.Catalogue, len(r.Tiers), r.Lane.Rate)))
			}
		}
		c.blank()
	}
	c.row("# scenario", text(linkTo(address, r.Permalink())))
	c.blank()
	fields := core.ResultFields(label.English)
	// A list of objects: a row each, its columns the fields under prefix,
	// then those under more (a stage's own field wins over its totals').
	rows := func(name, prefix, more string) {
		c.row(text("# " + name))
		cols := columns(fields, prefix, nil)
		extra := columns(fields, more, cols)
		c.row(append(cols, extra...)...)
		l, _ := doc.Get(name)
		for i := range list(l) {
			o := &l.Items[i]
			sub, _ := o.Get("totals")
			c.row(append(memberCells(o, cols), memberCells(sub, extra)...)...)
		}
		c.blank()
	}
	// An object: a row per field under prefix that it holds.
	quantities := func(name string) {
		c.row(text("# " + name))
		c.row("quantity", "value")
		o, _ := doc.Get(name)
		for _, k := range columns(fields, name+".", nil) {
			if v, ok := o.Get(k); ok {
				c.row(k, cell(v))
			}
		}
	}
	rows("tiers", "tiers[].", "")
	quantities("totals")
	c.blank()
	rows("by_stage", "by_stage[].", "by_stage[].totals.")
	quantities("scale_up")
	c.blank()
	if err := supplyCSV(&c, r); err != nil {
		return "", err
	}
	return c.String(), nil
}

// supplyCSV is the fibre market against the build-out wired as r's
// scenario is (core.SupplyOutlook), a row a year, each figure with the
// ends of its range; empty cells where the cluster cannot be built or
// the article gives no shortfall.
func supplyCSV(c *csvWriter, r *core.Result) error {
	years, err := core.SupplyOutlook(r.Scenario, r)
	if err != nil {
		return err
	}
	c.row("# supply")
	var head []string
	for _, h := range []string{"ai_gw", "supply_core_km", "other_core_km", "ai_core_km", "share_of_supply", "shortfall", "article_shortfall", "need_core_km_per_mw"} {
		head = append(head, h, h+"_low", h+"_high")
	}
	c.row(append([]string{"year"}, head...)...)
	for _, y := range years {
		row := []string{strconv.Itoa(y.Year)}
		put := func(s core.Span, scale float64, ok bool) {
			if !ok {
				row = append(row, "", "", "")
				return
			}
			row = append(row, number(s.Mid*scale), number(s.Low*scale), number(s.High*scale))
		}
		own, gap := y.Own.Feasible, y.ArticleGap.Mid > 0
		put(y.AIGW, 1, true)
		put(y.SupplyMkm, 1e6, true)
		put(y.OtherMkm, 1e6, true)
		put(y.Own.AIMkm, 1e6, own)
		put(y.Own.Share, 1, own)
		put(y.Own.Gap, 1, own)
		put(y.ArticleGap, 1, gap)
		put(y.Own.Need, 1, own && gap)
		c.row(row...)
	}
	return nil
}

// columns are the fields of the result directly under prefix, in the
// contract's order (a deeper object has a section of its own), but for
// those in skip.
func columns(fields []core.FieldInfo, prefix string, skip []string) []string {
	var out []string
	if prefix == "" {
		return nil
	}
	for _, f := range fields {
		rest, ok := strings.CutPrefix(f.Pattern, prefix)
		if ok && !strings.ContainsAny(rest, ".[") && !slices.Contains(skip, rest) {
			out = append(out, rest)
		}
	}
	return out
}

// list returns the items of a list value (none for another or nil).
func list(v *wire.Value) []wire.Value {
	if v == nil || v.Kind != wire.List {
		return nil
	}
	return v.Items
}

// memberCells are the cells of an object's members keys (empty where it has
// none).
func memberCells(o *wire.Value, keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		if o != nil && o.Kind == wire.Object {
			if v, ok := o.Get(k); ok {
				out[i] = cell(v)
			}
		}
	}
	return out
}

// csvWriter writes rows of cells.
type csvWriter struct{ b strings.Builder }

func (c *csvWriter) row(cells ...string) {
	c.b.WriteString(strings.Join(cells, ","))
	c.b.WriteByte('\n')
}

func (c *csvWriter) blank() { c.b.WriteByte('\n') }

func (c *csvWriter) String() string { return c.b.String() }

// cell writes a value of the result: a number with twelve significant
// figures, a list or object as its JSON, nothing for null, text as text.
func cell(v *wire.Value) string {
	switch v.Kind {
	case wire.Null:
		return ""
	case wire.Number:
		f, _ := v.Float()
		return number(f)
	case wire.Bool:
		return strconv.FormatBool(v.True)
	case wire.String:
		return text(v.Text)
	}
	return text(string(compact(nil, v)))
}

// text writes a text cell, quoted where it must be; a text a spreadsheet
// would run as a formula is kept as text.
func text(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		s = "'" + s
	}
	if strings.ContainsAny(s, "\",\n\r") {
		s = `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

// number writes a number with twelve significant figures (the model's
// numbers, without the float noise of their last bits: 500.00000000000085
// is 500), in the shortest form that reads back as it.
func number(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return ""
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 12, 64), 64)
	return string(wire.AppendFloat(nil, r))
}

// compact writes a value as JSON without spaces.
func compact(b []byte, v *wire.Value) []byte {
	switch v.Kind {
	case wire.List, wire.Object:
		open, end := byte('['), byte(']')
		if v.Kind == wire.Object {
			open, end = '{', '}'
		}
		b = append(b, open)
		for i := range v.Items {
			if i > 0 {
				b = append(b, ',')
			}
			if v.Kind == wire.Object {
				b = append(wire.AppendString(b, v.Keys[i]), ':')
			}
			b = compact(b, &v.Items[i])
		}
		return append(b, end)
	case wire.String:
		return wire.AppendString(b, v.Text)
	case wire.Null:
		return append(b, "null"...)
	case wire.Bool:
		return strconv.AppendBool(b, v.True)
	}
	return append(b, v.Text...)
}
