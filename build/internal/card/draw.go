package card

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"strings"
	"unicode"

	"golang.org/x/image/vector"
)

// The card's size, in pixels: what Open Graph and Twitter show large.
const (
	W = 1200
	H = 630
)

// Card is what a text card says.
type Card struct {
	Site   string // the site's name, beside its mark
	Title  string // in bold, wrapped
	Line   string // under the title, wrapped
	Footer string

	// Sizes in pixels and most lines; zero takes 60 px in 3 lines for
	// the title, 32 px in 4 for the line.
	TitleSize, TitleLines int
	LineSize, LineLines   int
}

var (
	paper  = color.RGBA{0xfb, 0xfa, 0xf7, 0xff}
	accent = color.RGBA{0xb4, 0x53, 0x0e, 0xff}
	ink    = color.RGBA{0x1b, 0x1f, 0x24, 0xff}
	body   = color.RGBA{0x3d, 0x43, 0x4a, 0xff}
	muted  = color.RGBA{0x5f, 0x66, 0x6d, 0xff}
)

// Missing lists the characters of a card that the glyphs do not have.
func (g *Glyphs) Missing(c Card) []rune {
	var out []rune
	seen := map[rune]bool{}
	for _, t := range []struct {
		w int
		s string
	}{{Bold, c.Site}, {Bold, c.Title}, {Regular, c.Line}, {Regular, c.Footer}, {Regular, "…"}} {
		for _, r := range t.s {
			if !unicode.IsSpace(r) && !g.Has(t.w, r) && !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	return out
}

// Draw draws a card as a PNG. A character the glyphs lack is an error:
// a card never shows an empty box in place of a word.
func (g *Glyphs) Draw(c Card) ([]byte, error) {
	if m := g.Missing(c); len(m) > 0 {
		return nil, fmt.Errorf("the card's font has no %q", string(m))
	}
	if c.TitleSize == 0 {
		c.TitleSize, c.TitleLines = 60, 3
	}
	if c.LineSize == 0 {
		c.LineSize, c.LineLines = 32, 4
	}
	img := image.NewRGBA(image.Rect(0, 0, W, H))
	draw.Draw(img, img.Bounds(), image.NewUniform(paper), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, 0, 14, H), image.NewUniform(accent), image.Point{}, draw.Src)
	mark(img)
	g.text(img, Bold, 30, 100, 66, accent, c.Site)
	width := float64(W - 80 - 40)
	lines := g.wrap(Bold, c.Title, width, float64(c.TitleSize), c.TitleLines)
	top := 150
	for i, l := range lines {
		g.text(img, Bold, c.TitleSize, 40, top+i*c.TitleSize*6/5, ink, l)
	}
	if c.Line != "" {
		y := top + len(lines)*c.TitleSize*6/5 + 30
		step := c.LineSize * 21 / 16
		for i, l := range g.wrap(Regular, c.Line, width, float64(c.LineSize), c.LineLines) {
			g.text(img, Regular, c.LineSize, 40, y+i*step, body, l)
		}
	}
	g.text(img, Regular, 24, 40, H-28, muted, c.Footer)
	var out bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&out, img); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// advance is a character's width at a size, in pixels.
func (g *Glyphs) advance(w int, r rune, size float64) float64 {
	return float64(g.faces[w][r].adv) * size / float64(g.upem)
}

func (g *Glyphs) width(w int, s string, size float64) float64 {
	x := 0.0
	for _, r := range s {
		x += g.advance(w, r, size)
	}
	return x
}

// text draws a line with its baseline at y.
func (g *Glyphs) text(dst *image.RGBA, w, size, x, y int, c color.RGBA, s string) {
	if s == "" {
		return
	}
	sz := float64(size)
	scale := float32(sz / float64(g.upem))
	box := image.Rect(x-2, y-size*5/4, x+int(math.Ceil(g.width(w, s, sz)))+4, y+size/2).Intersect(dst.Bounds())
	if box.Empty() {
		return
	}
	z := vector.NewRasterizer(box.Dx(), box.Dy())
	pen := float32(x - box.Min.X)
	base := float32(y - box.Min.Y)
	for _, r := range s {
		gl, ok := g.faces[w][r]
		if !ok {
			continue
		}
		p := gl.pts
		at := func(i int) (float32, float32) {
			return pen + float32(p[2*i])*scale, base + float32(p[2*i+1])*scale
		}
		k := 0
		for _, op := range gl.ops {
			switch op {
			case 0:
				z.ClosePath()
				z.MoveTo(at(k))
			case 1:
				z.LineTo(at(k))
			case 2:
				ax, ay := at(k)
				bx, by := at(k + 1)
				z.QuadTo(ax, ay, bx, by)
			case 3:
				ax, ay := at(k)
				bx, by := at(k + 1)
				cx, cy := at(k + 2)
				z.CubeTo(ax, ay, bx, by, cx, cy)
			}
			k += points[op]
		}
		z.ClosePath()
		pen += float32(gl.adv) * scale
	}
	z.Draw(dst, box, image.NewUniform(c), image.Point{})
}

// wrap breaks a text into at most `most` lines (one at least) of width
// pixels, by words (Chinese between characters), ending a cut text with
// an ellipsis.
func (g *Glyphs) wrap(w int, text string, width, size float64, most int) []string {
	most = max(most, 1)
	var lines []string
	var cur []rune
	x := 0.0
	lastBreak := -1
	breaksAfter := func(r rune) bool {
		return r == ' ' || unicode.Is(unicode.Han, r) || r == '，' || r == '、' || r == '：' || r == '；' || r == '。'
	}
	for _, r := range text {
		a := g.advance(w, r, size)
		if x+a > width && len(cur) > 0 {
			cut := len(cur)
			if lastBreak > 0 && !(unicode.Is(unicode.Han, r) && !isClosing(r)) {
				cut = lastBreak
			}
			if isClosing(r) && cut == len(cur) && cut > 1 {
				cut-- // a closing mark does not start a line: take a character with it
			}
			lines = append(lines, strings.TrimSpace(string(cur[:cut])))
			cur = append([]rune(nil), cur[cut:]...)
			x = 0
			for _, c := range cur {
				x += g.advance(w, c, size)
			}
			lastBreak = -1
			for i, c := range cur {
				if breaksAfter(c) {
					lastBreak = i + 1
				}
			}
		}
		cur = append(cur, r)
		x += a
		if breaksAfter(r) {
			lastBreak = len(cur)
		}
	}
	if s := strings.TrimSpace(string(cur)); s != "" {
		lines = append(lines, s)
	}
	if len(lines) > most {
		lines = lines[:most]
		last := []rune(strings.TrimRight(lines[most-1], " ,.;:，。；："))
		for len(last) > 0 && g.width(w, string(last)+"…", size) > width {
			last = last[:len(last)-1]
		}
		lines[most-1] = strings.TrimRight(string(last), " ,.;:，。；：") + "…"
	}
	return lines
}

// isClosing reports whether a character closes something and so must not
// begin a line (Chinese line-breaking rules, kinsoku).
func isClosing(r rune) bool {
	return strings.ContainsRune("，。、：；！？）》」』”’%,.;:!?)", r)
}

// mark draws the site's mark: a wave into a dot, as the pages' header
// draws it (its SVG path, stroked 3 wide with round ends, at 1.5× from
// (40, 28)).
func mark(dst *image.RGBA) {
	const s, ox, oy = 1.5, 40.0, 28.0
	pt := func(x, y float64) [2]float64 { return [2]float64{ox + s*x, oy + s*y} }
	// M3 22 c5 0 5-12 10-12 s5 12 10 12 5-6 6-6, in absolute points.
	curves := [][4][2]float64{
		{pt(3, 22), pt(8, 22), pt(8, 10), pt(13, 10)},
		{pt(13, 10), pt(18, 10), pt(18, 22), pt(23, 22)},
		{pt(23, 22), pt(28, 22), pt(28, 16), pt(29, 16)},
	}
	box := image.Rect(0, 0, 100, 100)
	z := vector.NewRasterizer(box.Dx(), box.Dy())
	half := s * 3 / 2
	var prev [2]float64
	first := true
	for _, c := range curves {
		for i := 0; i <= 24; i++ {
			t := float64(i) / 24
			u := 1 - t
			p := [2]float64{
				u*u*u*c[0][0] + 3*u*u*t*c[1][0] + 3*u*t*t*c[2][0] + t*t*t*c[3][0],
				u*u*u*c[0][1] + 3*u*u*t*c[1][1] + 3*u*t*t*c[2][1] + t*t*t*c[3][1],
			}
			disc(z, p, half)
			if !first {
				segment(z, prev, p, half)
			}
			prev, first = p, false
		}
	}
	disc(z, pt(28, 16), s*3)
	z.Draw(dst, box, image.NewUniform(accent), image.Point{})
}

// polygon adds a closed polygon, always wound the same way: the
// rasteriser adds coverage, so shapes that overlap join rather than
// cancel.
func polygon(z *vector.Rasterizer, ps [][2]float64) {
	area := 0.0
	for i := range ps {
		j := (i + 1) % len(ps)
		area += ps[i][0]*ps[j][1] - ps[j][0]*ps[i][1]
	}
	if area < 0 {
		for i, j := 0, len(ps)-1; i < j; i, j = i+1, j-1 {
			ps[i], ps[j] = ps[j], ps[i]
		}
	}
	z.MoveTo(float32(ps[0][0]), float32(ps[0][1]))
	for _, p := range ps[1:] {
		z.LineTo(float32(p[0]), float32(p[1]))
	}
	z.ClosePath()
}

func disc(z *vector.Rasterizer, c [2]float64, r float64) {
	var ps [][2]float64
	for i := 0; i < 32; i++ {
		a := 2 * math.Pi * float64(i) / 32
		ps = append(ps, [2]float64{c[0] + r*math.Cos(a), c[1] + r*math.Sin(a)})
	}
	polygon(z, ps)
}

func segment(z *vector.Rasterizer, a, b [2]float64, half float64) {
	dx, dy := b[0]-a[0], b[1]-a[1]
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	nx, ny := -dy/l*half, dx/l*half
	polygon(z, [][2]float64{{a[0] + nx, a[1] + ny}, {b[0] + nx, b[1] + ny}, {b[0] - nx, b[1] - ny}, {a[0] - nx, a[1] - ny}})
}
