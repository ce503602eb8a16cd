package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// svgShape is what the test reads back from a thumbnail: its shapes and
// texts with their places.
type svgShape struct {
	Name         string
	X, Y, W, H   float64
	Text, Points string
}

func readSVG(t *testing.T, svg string) []svgShape {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(svg))
	var out []svgShape
	var open *svgShape
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not XML: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			s := svgShape{Name: e.Name.Local}
			for _, a := range e.Attr {
				v, _ := strconv.ParseFloat(a.Value, 64)
				switch a.Name.Local {
				case "x":
					s.X = v
				case "y":
					s.Y = v
				case "width":
					s.W = v
				case "height":
					s.H = v
				case "points":
					s.Points = a.Value
				}
			}
			out = append(out, s)
			open = &out[len(out)-1]
		case xml.CharData:
			if open != nil && open.Name == "text" {
				open.Text += string(e)
			}
		case xml.EndElement:
			open = nil
		}
	}
	return out
}

// Each chart's still picture is ECharts' own drawing of its option,
// framed: valid SVG of the still's size with the title, every legend name
// and every category label as text, a path for every series, no NaN, and
// the same bytes when drawn again (Node in other processes, no cache).
func TestChartThumbnails(t *testing.T) {
	root := repoRoot(t)
	m, err := newModel(root, new(computed))
	if err != nil {
		t.Fatal(err)
	}
	var charts []*chart
	for _, id := range chartIDs() {
		c, err := chartBuilders[id](m, "")
		if err != nil {
			t.Fatal(err)
		}
		charts = append(charts, c)
	}
	stills, err := chartStills(root, charts)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range charts {
		svg := stills[i]
		id := c.ID
		if strings.Contains(svg, "NaN") || strings.Contains(svg, "Infinity") {
			t.Errorf("%s: the picture has NaN or Infinity in it", id)
		}
		if !strings.HasPrefix(svg, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 400" width="640" height="400"`) {
			t.Errorf("%s: not a still of 640 × 400: %.120s", id, svg)
		}
		if regexp.MustCompile(`zr[1-9]`).MatchString(svg) {
			t.Errorf("%s: ids numbered by the order of drawing", id)
		}
		shapes := readSVG(t, svg)
		var all strings.Builder
		paths := 0
		for _, s := range shapes {
			switch s.Name {
			case "text":
				all.WriteString(s.Text + "\n")
			case "path":
				paths++
			}
		}
		text := strings.ReplaceAll(all.String(), "\n", " ")
		var o struct {
			Legend struct {
				Show *bool `json:"show"`
			} `json:"legend"`
			Series []struct {
				Name string `json:"name"`
			} `json:"series"`
			XAxis, YAxis []struct {
				Data []string `json:"data"`
			}
		}
		if err := json.Unmarshal([]byte(c.Option), &o); err != nil {
			t.Fatal(err)
		}
		for _, s := range o.Series {
			if len(o.Series) > 1 && (o.Legend.Show == nil || *o.Legend.Show) && !strings.Contains(text, s.Name) {
				t.Errorf("%s: the legend has no %q", id, s.Name)
			}
		}
		if paths < len(o.Series) {
			t.Errorf("%s: %d paths for %d series", id, paths, len(o.Series))
		}
		for _, ax := range append(o.XAxis, o.YAxis...) {
			for _, cat := range ax.Data {
				if !strings.Contains(text, strings.Fields(cat)[0]) {
					t.Errorf("%s: no label for the category %q", id, cat)
				}
			}
		}
		if !strings.Contains(text, strings.Fields(c.Title)[0]) {
			t.Errorf("%s: no title", id)
		}
	}
	// Again, afresh: the same bytes.
	jobs := make([]cardJob, 2)
	for i := range jobs {
		jobs[i] = cardJob{Out: strconv.Itoa(i) + ".svg", Still: true, Font: thumbFont, Option: json.RawMessage(charts[0].Option), Box: [4]int{0, 0, 640, 350}}
	}
	a, err := runCards(root, jobs[:1])
	if err != nil {
		t.Fatal(err)
	}
	b, err := runCards(root, jobs)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a[0], b[0]) || !bytes.Equal(b[0], b[1]) {
		t.Error("ECharts drew the same still differently")
	}
}

// Chinese, which has no spaces, breaks between its characters, never
// before a closing sign, and measures an em a character.
func TestWrapChinese(t *testing.T) {
	if w, want := textWidth("铜缆", 10), 20.0; w != want {
		t.Errorf("textWidth(铜缆) = %g, want %g", w, want)
	}
	lines := wrapWords("每年耗电，电费 607 万美元。", 60, 10)
	if len(lines) < 2 {
		t.Fatalf("not broken: %q", lines)
	}
	for _, l := range lines {
		if textWidth(l, 10) > 60 {
			t.Errorf("line %q is %g px, over 60", l, textWidth(l, 10))
		}
		if r, _ := utf8.DecodeRuneInString(l); strings.ContainsRune(noBreakBefore, r) {
			t.Errorf("line %q begins with a closing sign", l)
		}
	}
	// Every character stays; only spaces at a break go.
	if got := strings.ReplaceAll(strings.Join(lines, ""), " ", ""); got != "每年耗电，电费607万美元。" {
		t.Errorf("characters lost: %q", lines)
	}
	if got := wrapWords("one two three", 1000, 10); len(got) != 1 || got[0] != "one two three" {
		t.Errorf("English: %q", got)
	}
}
