package report

import (
	"math"
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
func CSV(r *core.Result, address string) (string, error) {
	return resultCSV(r, address, true)
}

// ComparisonCSV writes a comparison as CSV: A's and B's addresses, every
// number of B against A, then B's CSV and A's.
func ComparisonCSV(a, b *core.Result, address string) (string, error) {
	var c csvWriter
	c.row(label.Get("csv.comparison"))
	c.row("scenario", "permalink")
	c.row("A", linkTo(address, a.Permalink()))
	c.row("B", linkTo(address, b.Permalink()))
	c.blank()
	c.row("path", "unit", "a", "b", "b_minus_a", "relative")
	for _, d := range core.Compare(a, b, nil) {
		c.row(d.Path, d.Unit, d.A, d.B, d.Diff, d.Rel)
	}
	c.blank()
	c.row("# B")
	bs, err := resultCSV(b, address, true)
	if err != nil {
		return "", err
	}
	// A's blockers are not listed: A is the reference, and the page lists
	// B's.
	as, err := resultCSV(a, address, false)
	if err != nil {
		return "", err
	}
	return c.String() + bs + "\n" + csvCell("# A") + "\n" + as, nil
}

// linkTo is the whole address of the page on a scenario.
func linkTo(address, permalink string) string {
	if permalink == "v=1" {
		return address
	}
	return address + "#" + permalink
}

func resultCSV(r *core.Result, address string, blockers bool) (string, error) {
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
		c.row("# " + label.Get("csv.not_buildable"))
		if blockers {
			for _, bl := range r.Blockers() {
				c.row("# " + bl.Message(len(r.Tiers), r.Lane.Rate))
			}
		}
		c.blank()
	}
	c.row("# scenario", linkTo(address, r.Permalink()))
	c.blank()
	fields := core.ResultFields()
	tierCols := columns(fields, "tiers[].")
	c.row("# tiers")
	c.row(anys(tierCols)...)
	tiers, _ := doc.Get("tiers")
	for i := range list(tiers) {
		t := &tiers.Items[i]
		c.row(values(t, tierCols)...)
	}
	c.blank()
	c.row("# totals")
	c.row("quantity", "value")
	totals, _ := doc.Get("totals")
	for _, k := range columns(fields, "totals.") {
		v, _ := totals.Get(k)
		c.row(k, v)
	}
	c.blank()
	c.row("# by_stage")
	stageCols := columns(fields, "by_stage[].")
	// One column per quantity: a stage's own field wins over its totals'.
	var keys []string
	for _, k := range columns(fields, "by_stage[].totals.") {
		if !contains(stageCols, k) {
			keys = append(keys, k)
		}
	}
	c.row(append(anys(stageCols), anys(keys)...)...)
	stages, _ := doc.Get("by_stage")
	for i := range list(stages) {
		s := &stages.Items[i]
		st, _ := s.Get("totals")
		c.row(append(values(s, stageCols), values(st, keys)...)...)
	}
	c.blank()
	c.row("# scale_up")
	c.row("quantity", "value")
	su, _ := doc.Get("scale_up")
	for _, k := range columns(fields, "scale_up.") {
		if v, ok := su.Get(k); ok {
			c.row(k, v)
		}
	}
	return c.String(), nil
}

// columns are the fields of the result directly under prefix, in the
// contract's order (a deeper object has a section of its own).
func columns(fields []core.FieldInfo, prefix string) []string {
	var out []string
	for _, f := range fields {
		rest, ok := strings.CutPrefix(f.Pattern, prefix)
		if !ok || strings.ContainsAny(rest, ".[") {
			continue
		}
		out = append(out, rest)
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

// values are the members keys of an object (nil where it has none).
func values(o *wire.Value, keys []string) []any {
	out := make([]any, len(keys))
	for i, k := range keys {
		if o != nil && o.Kind == wire.Object {
			if v, ok := o.Get(k); ok {
				out[i] = v
			}
		}
	}
	return out
}

func anys(l []string) []any {
	out := make([]any, len(l))
	for i, s := range l {
		out[i] = s
	}
	return out
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// csvWriter writes rows of cells.
type csvWriter struct{ b strings.Builder }

func (c *csvWriter) row(cells ...any) {
	for i, v := range cells {
		if i > 0 {
			c.b.WriteByte(',')
		}
		c.b.WriteString(csvCell(v))
	}
	c.b.WriteByte('\n')
}

func (c *csvWriter) blank() { c.b.WriteByte('\n') }

func (c *csvWriter) String() string { return c.b.String() }

// csvCell writes one cell: a number with twelve significant figures (the
// model's numbers, without the float noise of their last bits:
// 500.00000000000085 is 500), a list or object as its JSON, nothing for
// null, and text quoted where it must be; a text a spreadsheet would run
// as a formula is kept as text.
func csvCell(v any) string {
	var s string
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		return number(x)
	case *wire.Value:
		if x == nil {
			return ""
		}
		switch x.Kind {
		case wire.Null:
			return ""
		case wire.Number:
			f, _ := x.Float()
			return number(f)
		case wire.Bool:
			return strconv.FormatBool(x.True)
		case wire.String:
			s = x.Text
		default:
			s = string(compact(nil, x))
		}
	case string:
		s = x
	}
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		s = "'" + s
	}
	if strings.ContainsAny(s, "\",\n\r") {
		s = `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

// number writes a number with twelve significant figures, in the shortest
// form that reads back as it.
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
	case wire.Null:
		return append(b, "null"...)
	case wire.Bool:
		return strconv.AppendBool(b, v.True)
	case wire.Number:
		return append(b, v.Text...)
	case wire.String:
		return wire.AppendString(b, v.Text)
	case wire.List:
		b = append(b, '[')
		for i := range v.Items {
			if i > 0 {
				b = append(b, ',')
			}
			b = compact(b, &v.Items[i])
		}
		return append(b, ']')
	}
	b = append(b, '{')
	for i, k := range v.Keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = wire.AppendString(b, k)
		b = append(b, ':')
		b = compact(b, &v.Items[i])
	}
	return append(b, '}')
}
