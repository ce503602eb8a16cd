package main

import (
	"encoding/json"
	"fmt"
	"html"
	"regexp"
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

var zrID = regexp.MustCompile(`\bzr[0-9]+-`)

// chartStills draws the stills of charts: each chart's title, then
// ECharts' own drawing of its option (server-side rendering, under Node,
// in the pages' fonts), then the credit; cached with the cards.
func chartStills(root string, charts []*chart) ([]string, error) {
	jobs := make([]cardJob, len(charts))
	frames := make([]svgWriter, len(charts))
	tops := make([]float64, len(charts))
	for i, c := range charts {
		w := &frames[i]
		w.open(c.Title, c.Summary)
		tops[i] = w.title(c.Title, 30, 16) - 8
		jobs[i] = cardJob{Out: strconv.Itoa(i) + ".svg", Still: true, Font: thumbFont, Option: json.RawMessage(c.Option),
			Box: [4]int{0, 0, int(thumbW), int(thumbH - tops[i] - 22)}}
	}
	drawn, err := drawCards(root, jobs)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(charts))
	for i := range charts {
		// ECharts numbers its drawings' ids by the order a process drew
		// them in ("zr3-c0"): one still, one number, whatever ran before.
		svg := zrID.ReplaceAllString(string(drawn[i]), "zr0-")
		if !strings.HasPrefix(svg, "<svg ") {
			return nil, fmt.Errorf("still of %s: ECharts wrote no SVG", charts[i].ID)
		}
		// The chart's own picture, placed under the title.
		svg = fmt.Sprintf(`<svg x="0" y="%.1f" `, tops[i]) + strings.TrimPrefix(svg, "<svg ")
		w := &frames[i]
		w.WriteString(svg)
		w.close(ed.Cat.Get("thumb.credit"))
		out[i] = w.String()
	}
	return out, nil
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
