package main

import (
	"encoding/json"
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cpocalc/cpocalc/core/report"
	"github.com/cpocalc/cpocalc/core/scene"
)

// Thumbnails: a still picture of each embeddable page, drawn by the build
// as a standalone SVG from the same data the page shows (a chart's own
// ECharts option, the calculator's key figures, the animation's first
// frame). oEmbed consumers show it as the embed's preview, and the embed
// snippet and the charts show it where scripts do not run.

const thumbW, thumbH = 640.0, 400.0

const thumbFont = `system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif`

// thumbOption is the part of an ECharts option the thumbnail draws.
type thumbOption struct {
	Color  []string `json:"color"`
	Legend struct {
		Show *bool `json:"show"`
	} `json:"legend"`
	Series []thumbSeries `json:"series"`
	XAxis  []thumbAxis   `json:"xAxis"`
	YAxis  []thumbAxis   `json:"yAxis"`
}

type thumbSeries struct {
	Name       string       `json:"name"`
	Type       string       `json:"type"`
	Stack      string       `json:"stack"`
	Data       []thumbPoint `json:"data"`
	YAxisIndex int          `json:"yAxisIndex"`
	XAxisIndex int          `json:"xAxisIndex"`
	BarGap     string       `json:"barGap"` // "-100%": the series overlap in one slot
	Label      struct {
		Show      bool   `json:"show"`
		Formatter string `json:"formatter"`
	} `json:"label"`
	ItemStyle struct {
		Color string `json:"color"`
	} `json:"itemStyle"`
	LineStyle struct {
		Color string `json:"color"`
		Type  string `json:"type"`
	} `json:"lineStyle"`
	MarkLine *struct {
		Data []struct {
			Name  string   `json:"name"`
			YAxis *float64 `json:"yAxis"`
		} `json:"data"`
	} `json:"markLine"`
}

type thumbAxis struct {
	Type string   `json:"type"`
	Name string   `json:"name"`
	Data []string `json:"data"`
	Min  *float64 `json:"min"`
	Max  *float64 `json:"max"`
}

func (a *thumbAxis) category() bool { return len(a.Data) > 0 || a.Type == "category" }
func (a *thumbAxis) log() bool      { return a.Type == "log" }

// thumbPoint is one datum: a number, "-" (none), {"value": …} with its own
// colour, or an [x, y] pair.
type thumbPoint struct {
	X, Y   float64
	Pair   bool
	None   bool
	Colour string
}

func (p *thumbPoint) UnmarshalJSON(b []byte) error {
	var obj struct {
		Value     json.RawMessage `json:"value"`
		ItemStyle struct {
			Color string `json:"color"`
		} `json:"itemStyle"`
	}
	if len(b) > 0 && b[0] == '{' {
		if err := json.Unmarshal(b, &obj); err != nil {
			return err
		}
		p.Colour = obj.ItemStyle.Color
		b = obj.Value
	}
	switch {
	case len(b) == 0 || string(b) == "null" || string(b) == `"-"`:
		p.None = true
	case b[0] == '[':
		var xy []json.RawMessage
		if err := json.Unmarshal(b, &xy); err != nil {
			return err
		}
		// [x, "-"] or [x, null]: no point there (a gap in the line).
		if len(xy) != 2 || json.Unmarshal(xy[0], &p.X) != nil || json.Unmarshal(xy[1], &p.Y) != nil || string(xy[1]) == "null" {
			p.None = true
			return nil
		}
		p.Pair = true
	default:
		return json.Unmarshal(b, &p.Y)
	}
	return nil
}

// scale maps data values to pixels along one axis.
type scale struct {
	lo, hi   float64 // data
	a, b     float64 // pixels of lo and hi
	log      bool
	category int // bands, when a category axis
}

func (s scale) at(v float64) float64 {
	if s.log {
		if v <= 0 {
			return math.NaN()
		}
		return s.a + (s.b-s.a)*(math.Log10(v)-math.Log10(s.lo))/(math.Log10(s.hi)-math.Log10(s.lo))
	}
	return s.a + (s.b-s.a)*(v-s.lo)/(s.hi-s.lo)
}

// band is the centre and width of category i.
func (s scale) band(i int) (float64, float64) {
	w := (s.b - s.a) / float64(s.category)
	return s.a + w*(float64(i)+0.5), w
}

// ticks are the values marked on a value axis: decades on a log axis,
// steps of 1, 2 or 5 × 10ⁿ on a linear one.
func (s scale) ticks() []float64 {
	var out []float64
	if s.log {
		for e := math.Ceil(math.Log10(s.lo) - 1e-9); e <= math.Log10(s.hi)+1e-9; e++ {
			out = append(out, math.Pow(10, e))
		}
		return out
	}
	step := niceStep((s.hi - s.lo) / 5)
	for v := math.Ceil(s.lo/step) * step; v <= s.hi+step*1e-9; v += step {
		out = append(out, v)
	}
	return out
}

func niceStep(raw float64) float64 {
	if raw <= 0 || math.IsNaN(raw) || math.IsInf(raw, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}

// valueRange is the extent an axis shows: its own min and max where the
// option sets them, else from the data (from 0 on a linear axis, whole
// decades on a log one), rounded out to a tick.
func valueRange(ax *thumbAxis, vals []float64, logAxis bool) (float64, float64) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		if math.IsNaN(v) || (logAxis && v <= 0) {
			continue
		}
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	if math.IsInf(lo, 1) {
		lo, hi = 1, 10
	}
	if logAxis {
		lo, hi = math.Pow(10, math.Floor(math.Log10(lo))), math.Pow(10, math.Ceil(math.Log10(hi)))
		if hi <= lo {
			hi = lo * 10
		}
	} else {
		lo = math.Min(lo, 0)
		step := niceStep((hi - lo) / 5)
		hi = math.Ceil(hi/step) * step
		if hi <= lo {
			hi = lo + 1
		}
	}
	if ax.Min != nil {
		lo = *ax.Min
	}
	if ax.Max != nil {
		hi = *ax.Max
	}
	return lo, hi
}

// tickText writes an axis value as the charts do: grouped digits, no
// float noise.
func tickText(v float64) string {
	if v != 0 && math.Abs(v) < 1e-3 {
		return strconv.FormatFloat(v, 'g', 1, 64)
	}
	return ed.Cat.Number(v, 3)
}

// textWidth estimates the width of a text in a sans-serif face at size
// px: about half an em a letter, a whole em a Chinese character or
// full-width sign.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		if wide(r) {
			w++
		} else {
			w += 0.54
		}
	}
	return w * size
}

// wide reports whether r takes a whole em: CJK ideographs, their
// punctuation and the full-width forms.
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef) || r == '“' || r == '”'
}

// noBreakBefore are the signs a line may not begin with.
const noBreakBefore = "，。、；：！？）》」』”%"

// wrapWords breaks a text into lines of at most width px: between words,
// and between any two Chinese characters, but never before a closing
// sign.
func wrapWords(s string, width, size float64) []string {
	type unit struct {
		text  string
		space bool // a space before it
	}
	var units []unit
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case len(units) > 0 && (strings.ContainsRune(noBreakBefore, r) && !space):
			units[len(units)-1].text += string(r)
		case len(units) > 0 && !space && !wide(r) && !wide(lastRune(units[len(units)-1].text)):
			units[len(units)-1].text += string(r)
		default:
			units = append(units, unit{string(r), space})
		}
		space = false
	}
	var lines []string
	line := ""
	for _, u := range units {
		try := u.text
		if line != "" {
			try = line + u.text
			if u.space {
				try = line + " " + u.text
			}
		}
		if line != "" && textWidth(try, size) > width {
			lines = append(lines, line)
			line = u.text
			continue
		}
		line = try
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

type svgWriter struct{ strings.Builder }

func (w *svgWriter) text(x, y, size float64, anchor, fill, weight, s string) {
	fmt.Fprintf(w, `<text x="%.1f" y="%.1f" font-size="%g" text-anchor="%s" fill="%s"`, x, y, size, anchor, fill)
	if weight != "" {
		fmt.Fprintf(w, ` font-weight="%s"`, weight)
	}
	w.WriteString(`>` + html.EscapeString(s) + `</text>`)
}

func (w *svgWriter) open(title, desc string) {
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %g %g" width="%g" height="%g" role="img" font-family="%s">`, thumbW, thumbH, thumbW, thumbH, thumbFont)
	w.WriteString(`<title>` + html.EscapeString(title) + `</title><desc>` + html.EscapeString(desc) + `</desc>`)
	fmt.Fprintf(w, `<rect width="%g" height="%g" fill="#ffffff"/>`, thumbW, thumbH)
}

// title writes a picture's title from baseline y, wrapped at size px,
// and returns the baseline after it.
func (w *svgWriter) title(s string, y, size float64) float64 {
	for _, line := range wrapWords(s, thumbW-32, size) {
		w.text(16, y, size, "start", "#111111", "bold", line)
		y += size * 1.3
	}
	return y
}

// close writes the credit line and ends the picture.
func (w *svgWriter) close(credit string) {
	w.text(16, thumbH-10, 10, "start", "#555555", "", credit)
	w.WriteString(`</svg>`)
}

// chartThumbnail draws a chart's ECharts option as a still SVG: the
// title, the whole legend, the axes with their names and ticks, the bars
// (grouped or stacked, upright or lying) or lines, and mark lines.
func chartThumbnail(option, title, summary string) (string, error) {
	var o thumbOption
	if err := json.Unmarshal([]byte(option), &o); err != nil {
		return "", err
	}
	if len(o.XAxis) == 0 || len(o.YAxis) == 0 {
		return "", fmt.Errorf("thumbnail %q: the option has no axes", title)
	}
	x, y := &o.XAxis[0], &o.YAxis[0]
	colour := func(i int, s *thumbSeries) string {
		switch {
		case s.ItemStyle.Color != "":
			return s.ItemStyle.Color
		case s.LineStyle.Color != "":
			return s.LineStyle.Color
		case len(o.Color) > 0:
			return o.Color[i%len(o.Color)]
		}
		return "#333333"
	}
	var w svgWriter
	w.open(title, summary)
	top := w.title(title, 30, 16)
	// The legend: every series, wrapped (a series coloured by point has
	// no legend entry of its own).
	lx, ly := 16.0, top+4
	if len(o.Series) > 1 && (o.Legend.Show == nil || *o.Legend.Show) {
		for i := range o.Series {
			s := &o.Series[i]
			wid := 16 + textWidth(s.Name, 11) + 14
			if lx+wid > thumbW-16 && lx > 16 {
				lx, ly = 16, ly+16
			}
			fmt.Fprintf(&w, `<rect x="%.1f" y="%.1f" width="11" height="11" fill="%s"/>`, lx, ly-9, colour(i, s))
			w.text(lx+15, ly, 11, "start", "#333333", "", s.Name)
			lx += wid
		}
		ly += 14
	}
	horizontal := y.category() && !x.category()
	cat, val := x, y
	if horizontal {
		cat, val = y, x
	}
	plotTop := ly + 18
	// A second value axis across the top (lying bars only): its labels
	// and name above the plot.
	var x2 *thumbAxis
	if len(o.XAxis) > 1 && horizontal {
		x2 = &o.XAxis[1]
		plotTop += 30
	}
	left, right := 62.0, thumbW-32
	if len(o.YAxis) > 1 {
		right = thumbW - 48
	}
	if horizontal {
		long := 0.0
		for _, c := range cat.Data {
			long = math.Max(long, textWidth(c, 10.5))
		}
		left = math.Min(math.Max(long+14, 62), thumbW*0.4)
	}
	// Under the plot: the labels of the x axis (the categories' up to
	// three lines), its name, then the credit line.
	labelLines := 1
	if !horizontal && cat.category() {
		bw := (right - left) / float64(max(1, len(cat.Data)))
		for _, c := range cat.Data {
			labelLines = max(labelLines, min(3, len(wrapWords(c, bw-4, 10.5))))
		}
	}
	nameY := 0.0
	plotBottom := thumbH - 24 - 12*float64(labelLines) - 6
	if x.Name != "" {
		plotBottom -= 16
		nameY = plotBottom + 14 + 12*float64(labelLines) + 4
	}
	// The values each axis must show.
	var xs, xs2, ys, ys2 []float64
	stackSums := map[string][]float64{}
	for i := range o.Series {
		s := &o.Series[i]
		for j, p := range s.Data {
			if p.None {
				continue
			}
			if p.Pair {
				xs = append(xs, p.X)
				ys = append(ys, p.Y)
				continue
			}
			v := p.Y
			if s.Stack != "" {
				sums := stackSums[s.Stack]
				for len(sums) <= j {
					sums = append(sums, 0)
				}
				sums[j] += v
				stackSums[s.Stack] = sums
				v = sums[j]
			}
			if s.YAxisIndex == 1 {
				ys2 = append(ys2, v)
				continue
			}
			if s.XAxisIndex == 1 && x2 != nil {
				xs2 = append(xs2, v)
				continue
			}
			ys = append(ys, v)
		}
		if s.MarkLine != nil {
			for _, m := range s.MarkLine.Data {
				if m.YAxis != nil {
					ys = append(ys, *m.YAxis)
				}
			}
		}
	}
	var xsc, ysc scale
	if cat.category() {
		n := len(cat.Data)
		if n == 0 {
			return "", fmt.Errorf("thumbnail %q: a category axis without categories", title)
		}
		lo, hi := valueRange(val, ys, val.log())
		vs := scale{lo: lo, hi: hi, log: val.log()}
		cs := scale{category: n}
		if horizontal {
			cs.a, cs.b = plotTop, plotBottom
			vs.a, vs.b = left, right
			xsc, ysc = vs, cs
		} else {
			cs.a, cs.b = left, right
			vs.a, vs.b = plotBottom, plotTop
			xsc, ysc = cs, vs
		}
	} else {
		xlo, xhi := valueRange(x, xs, x.log())
		ylo, yhi := valueRange(y, ys, y.log())
		xsc = scale{lo: xlo, hi: xhi, a: left, b: right, log: x.log()}
		ysc = scale{lo: ylo, hi: yhi, a: plotBottom, b: plotTop, log: y.log()}
	}
	valScale := ysc
	if horizontal {
		valScale = xsc
	}
	// A second value axis on the right (upright bars only).
	var y2 *thumbAxis
	var y2sc scale
	if len(o.YAxis) > 1 && !horizontal && cat.category() {
		y2 = &o.YAxis[1]
		lo, hi := valueRange(y2, ys2, y2.log())
		y2sc = scale{lo: lo, hi: hi, a: plotBottom, b: plotTop, log: y2.log()}
		for _, t := range y2sc.ticks() {
			w.text(right+6, y2sc.at(t)+3.5, 10.5, "start", "#444444", "", tickText(t))
		}
		if y2.Name != "" {
			w.text(right+6, plotTop-8, 11, "end", "#333333", "", y2.Name)
		}
	}
	var x2sc scale
	if x2 != nil {
		lo, hi := valueRange(x2, xs2, x2.log())
		x2sc = scale{lo: lo, hi: hi, a: left, b: right, log: x2.log()}
		for _, t := range x2sc.ticks() {
			w.text(x2sc.at(t), plotTop-6, 10.5, "middle", "#00785a", "", tickText(t))
		}
		if x2.Name != "" {
			w.text((left+right)/2, plotTop-22, 11, "middle", "#333333", "", x2.Name)
		}
	}
	// Grid lines and the value axis's labels.
	for _, t := range valScale.ticks() {
		p := valScale.at(t)
		if horizontal {
			fmt.Fprintf(&w, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#dddddd"/>`, p, p, plotTop, plotBottom)
			w.text(p, plotBottom+14, 10.5, "middle", "#444444", "", tickText(t))
		} else {
			fmt.Fprintf(&w, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#dddddd"/>`, left, right, p, p)
			w.text(left-6, p+3.5, 10.5, "end", "#444444", "", tickText(t))
		}
	}
	if !cat.category() {
		for _, t := range xsc.ticks() {
			p := xsc.at(t)
			fmt.Fprintf(&w, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#eeeeee"/>`, p, p, plotTop, plotBottom)
			w.text(p, plotBottom+14, 10.5, "middle", "#444444", "", tickText(t))
		}
	}
	// The category labels.
	if cat.category() {
		for i, c := range cat.Data {
			mid, bw := xsc.band(i)
			if horizontal {
				mid, bh := ysc.band(i)
				lines := wrapWords(c, left-14, 10.5)
				if bh < 24 || len(lines) > 2 {
					lines = lines[:1]
				}
				for k, line := range lines {
					w.text(left-6, mid+3.5+(float64(k)-float64(len(lines)-1)/2)*12, 10.5, "end", "#333333", "", line)
				}
				continue
			}
			for k, line := range wrapWords(c, bw-4, 10.5) {
				if k == 3 {
					break
				}
				w.text(mid, plotBottom+14+float64(k)*12, 10.5, "middle", "#333333", "", line)
			}
		}
	}
	// The axes' names: the value axis's above its axis, the other's
	// under the chart.
	if !horizontal && y.Name != "" {
		w.text(left-6, plotTop-8, 11, "start", "#333333", "", y.Name)
	}
	if x.Name != "" {
		w.text((left+right)/2, nameY, 11, "middle", "#333333", "", x.Name)
	}
	fmt.Fprintf(&w, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#888888"/>`, left, right, plotBottom, plotBottom)
	fmt.Fprintf(&w, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#888888"/>`, left, left, plotTop, plotBottom)

	// The data. Bars take slots within a band: one per stack, one per
	// unstacked series.
	slot := map[string]int{}
	slots := 0
	for i := range o.Series {
		s := &o.Series[i]
		if s.Type != "bar" {
			continue
		}
		key := slotKey(i, s)
		if _, ok := slot[key]; !ok {
			slot[key] = slots
			slots++
		}
	}
	base := map[string][]float64{}
	for i := range o.Series {
		s := &o.Series[i]
		c := colour(i, s)
		switch s.Type {
		case "bar":
			vsc := valScale
			if s.YAxisIndex == 1 && y2 != nil {
				vsc = y2sc
			}
			if s.XAxisIndex == 1 && x2 != nil {
				vsc = x2sc
			}
			key := slotKey(i, s)
			for j, p := range s.Data {
				if p.None || j >= cat.categoryCount() {
					continue
				}
				b := base[key]
				for len(b) <= j {
					b = append(b, 0)
				}
				from, to := b[j], b[j]+p.Y
				b[j] = to
				base[key] = b
				if to <= from {
					continue
				}
				fill := c
				if p.Colour != "" {
					fill = p.Colour
				}
				mid, bw := xsc.band(j)
				if horizontal {
					mid, bw = ysc.band(j)
				}
				thick := bw * 0.72 / float64(slots)
				off := mid - bw*0.36 + thick*float64(slot[key])
				v0 := vsc.at(math.Max(from, vsc.lo))
				if math.IsNaN(v0) {
					v0 = vsc.at(vsc.lo)
				}
				if to <= vsc.lo {
					continue // below the axis: nothing to draw
				}
				v1 := vsc.at(math.Min(to, vsc.hi))
				if math.IsNaN(v1) {
					continue
				}
				if horizontal {
					fmt.Fprintf(&w, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`, math.Min(v0, v1), off, math.Abs(v1-v0), thick, fill)
				} else {
					fmt.Fprintf(&w, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`, off, math.Min(v0, v1), thick, math.Abs(v1-v0), fill)
					if s.Label.Show && s.Stack == "" {
						text := strings.ReplaceAll(s.Label.Formatter, "{c}", tickText(p.Y))
						if s.Label.Formatter == "" {
							text = tickText(p.Y)
						}
						w.text(off+thick/2, math.Min(v0, v1)-4, 10.5, "middle", "#333333", "", text)
					}
				}
			}
		case "line":
			var pts []string
			flush := func() {
				if len(pts) > 1 {
					dash := ""
					if s.LineStyle.Type == "dashed" {
						dash = ` stroke-dasharray="6 4"`
					}
					fmt.Fprintf(&w, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2"%s/>`, strings.Join(pts, " "), c, dash)
				}
				pts = pts[:0]
			}
			for j, p := range s.Data {
				if p.None {
					flush()
					continue
				}
				var px, py float64
				switch {
				case p.Pair && xsc.category > 0:
					px, _ = xsc.band(int(p.X)) // [the category's index, value]
					py = ysc.at(p.Y)
				case p.Pair:
					px, py = xsc.at(p.X), ysc.at(p.Y)
				default:
					px, _ = xsc.band(j)
					py = ysc.at(p.Y)
				}
				if math.IsNaN(px) || math.IsNaN(py) {
					flush()
					continue
				}
				pts = append(pts, fmt.Sprintf("%.1f,%.1f", px, py))
			}
			flush()
		}
		if s.MarkLine != nil && !horizontal {
			for _, m := range s.MarkLine.Data {
				if m.YAxis == nil {
					continue
				}
				p := ysc.at(*m.YAxis)
				if math.IsNaN(p) || p < plotTop || p > plotBottom {
					continue
				}
				fmt.Fprintf(&w, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#7f7f7f" stroke-dasharray="5 4"/>`, left, right, p, p)
				w.text(right-2, p-4, 10.5, "end", "#444444", "", m.Name)
			}
		}
	}
	w.close(ed.Cat.Get("thumb.credit"))
	return w.String(), nil
}

func (a *thumbAxis) categoryCount() int { return len(a.Data) }

// slotKey is the slot a bar series takes in its band: its stack's, the
// one all overlapping series share (barGap -100%), or its own.
func slotKey(i int, s *thumbSeries) string {
	switch {
	case s.Stack != "":
		return "stack:" + s.Stack
	case s.BarGap == "-100%":
		return "overlap"
	}
	return "series:" + strconv.Itoa(i)
}

// factsThumbnail draws a page's headline figures as a card: the title,
// then each figure large with its words.
func factsThumbnail(title, summary string, facts [][2]string) string {
	var w svgWriter
	w.open(title, summary)
	y := w.title(title, 40, 20) + 18
	for _, f := range facts {
		w.text(16, y, 30, "start", "#0b5394", "bold", f[0])
		for k, line := range wrapWords(f[1], thumbW-40, 13) {
			if k == 2 {
				break
			}
			w.text(16, y+20+float64(k)*16, 13, "start", "#333333", "", line)
		}
		y += 74
	}
	w.close(ed.Cat.Get("thumb.credit"))
	return w.String()
}

// calculatorThumbnail is the calculator's headline figures for the
// reference cluster.
func (b *builder) calculatorThumbnail() string {
	var facts [][2]string
	for _, f := range report.In(ed.Cat).Facts(&b.model.result) {
		facts = append(facts, [2]string{f.Text, f.Words})
	}
	return factsThumbnail(calculatorEmbed.Title(), ed.Cat.Get("thumb.calculator"), facts)
}

// animThumbnail is the animation's first frame (animPoster) as a picture
// of its own: the poster's drawing with its styles written in.
func animThumbnail(params scene.Params) (string, error) {
	poster, err := animPosterOf(params)
	if err != nil {
		return "", err
	}
	i := strings.Index(poster, ">") // the poster's own <svg …> tag
	if i < 0 || !strings.HasPrefix(poster, "<svg") {
		return "", fmt.Errorf("animation thumbnail: the poster is not an svg")
	}
	inner := strings.TrimSuffix(poster[i+1:], "</svg>")
	var w svgWriter
	w.open(animationEmbed.Title(), ed.Cat.Get("thumb.animation"))
	// The poster's classes as presentation attributes: a picture of its
	// own has no style sheet (and the site's policy allows none inline).
	inner = strings.NewReplacer(
		`class="poster-title"`, `font-size="15" fill="#111111"`,
		`class="poster-stage"`, `font-size="16" font-weight="600" fill="#111111"`,
		`class="poster-figures"`, `font-size="13" fill="#444444"`,
		`class="poster-scale"`, `font-size="11" fill="#444444"`,
		`class="poster-tick"`, `stroke="#bbbbbb" stroke-dasharray="3 3"`,
	).Replace(inner)
	if strings.Contains(inner, "class=") {
		return "", fmt.Errorf("animation thumbnail: a poster class without its style")
	}
	w.text(16, 30, 18, "start", "#111111", "bold", ed.Cat.Get("embed.animation"))
	fmt.Fprintf(&w, `<svg x="0" y="44" width="%g" height="%g" viewBox="0 0 800 300">%s</svg>`, thumbW, thumbW*300/800, inner)
	x := 16.0
	for _, k := range []struct{ colour, text string }{{"#0072B2", ed.Cat.Get("thumb.key.trace")}, {"#D55E00", ed.Cat.Get("thumb.key.cable")}, {"#E69F00", ed.Cat.Get("thumb.key.retimer")}, {"#999999", ed.Cat.Get("thumb.key.joint")}} {
		fmt.Fprintf(&w, `<rect x="%.1f" y="%.1f" width="11" height="11" fill="%s"/>`, x, 312.0, k.colour)
		w.text(x+15, 321, 11, "start", "#333333", "", k.text)
		x += 15 + textWidth(k.text, 11) + 16
	}
	w.close(ed.Cat.Get("thumb.credit"))
	return w.String(), nil
}
