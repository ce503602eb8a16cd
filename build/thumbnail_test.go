package main

import (
	"encoding/json"
	"encoding/xml"
	"io"
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

// Each chart's still picture is drawn from its own option: every legend
// name and category, a bar for every value on the axis's scale, a line
// for every line series, all inside the picture.
func TestChartThumbnails(t *testing.T) {
	m, err := newModel(repoRoot(t), new(computed))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range chartIDs() {
		c, err := chartBuilders[id](m, "")
		if err != nil {
			t.Fatal(err)
		}
		svg, err := chartThumbnail(c.Option, c.Title, c.Summary)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if strings.Contains(svg, "NaN") || strings.Contains(svg, "Inf") {
			t.Errorf("%s: the picture has NaN or Inf in it", id)
		}
		shapes := readSVG(t, svg)
		texts := map[string]bool{}
		var all strings.Builder
		bars, lines := 0, 0
		for _, s := range shapes {
			switch s.Name {
			case "text":
				texts[s.Text] = true
				all.WriteString(s.Text + "\n")
				if s.X < 0 || s.X > thumbW || s.Y < 0 || s.Y > thumbH {
					t.Errorf("%s: %q is outside the picture (%v, %v)", id, s.Text, s.X, s.Y)
				}
			case "rect":
				if s.W > 0 && s.H > 0 && s.W < thumbW && s.H > 0.5 && s.W != 11 {
					bars++
				}
				if s.X < 0 || s.Y < 0 || s.X+s.W > thumbW+0.5 || s.Y+s.H > thumbH+0.5 {
					t.Errorf("%s: a shape leaves the picture: %+v", id, s)
				}
			case "polyline":
				lines++
			}
		}
		var o thumbOption
		if err := json.Unmarshal([]byte(c.Option), &o); err != nil {
			t.Fatal(err)
		}
		wantBars, wantLines := 0, 0
		for _, s := range o.Series {
			if len(o.Series) > 1 && (o.Legend.Show == nil || *o.Legend.Show) && !texts[s.Name] {
				t.Errorf("%s: the legend has no %q", id, s.Name)
			}
			for _, p := range s.Data {
				if s.Type == "bar" && !p.None && p.Y > 0 && (o.YAxis[0].Min == nil || p.Y > *o.YAxis[0].Min || s.YAxisIndex == 1) {
					wantBars++
				}
			}
			if s.Type == "line" {
				// A line each run of two points or more between gaps.
				run := 0
				for _, p := range append(s.Data, thumbPoint{None: true}) {
					if !p.None {
						run++
						continue
					}
					if run > 1 {
						wantLines++
					}
					run = 0
				}
			}
		}
		if bars != wantBars || lines != wantLines {
			t.Errorf("%s: %d bars and %d lines drawn, the option has %d and %d", id, bars, lines, wantBars, wantLines)
		}
		for _, ax := range append(o.XAxis, o.YAxis...) {
			for _, c := range ax.Data {
				if !strings.Contains(strings.ReplaceAll(all.String(), "\n", " "), strings.Fields(c)[0]) {
					t.Errorf("%s: no label for the category %q", id, c)
				}
			}
		}
		if !strings.Contains(all.String(), strings.Fields(c.Title)[0]) {
			t.Errorf("%s: no title", id)
		}
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
