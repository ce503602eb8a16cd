package card

import (
	"bytes"
	"image/png"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// squares is a glyph set whose every character is a square of 600 units
// with an advance of 1,000 (CJK) or 500 (the others), in both weights.
func squares(text string) *Glyphs {
	g := &Glyphs{upem: 1000}
	for w := range g.faces {
		g.faces[w] = map[rune]glyph{}
		for _, r := range text {
			adv := int16(500)
			if r >= 0x2E80 {
				adv = 1000
			}
			g.faces[w][r] = glyph{adv: adv, ops: []byte{0, 1, 1, 1}, pts: []int16{50, -700, 450, -700, 450, -100, 50, -100}}
		}
	}
	return g
}

const sample = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,:;…集群的光电，。、：（）"

func TestEncodeParse(t *testing.T) {
	g := squares(sample)
	b := g.Encode()
	h, err := ParseGlyphs(b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(h.Encode(), b) || h.Len() != 2*utf8.RuneCountInString(sample) {
		t.Errorf("a parsed glyph set does not encode to the same bytes (%d characters)", h.Len())
	}
}

// A glyph file that is cut short, or has any byte changed, is refused or
// read; it never panics.
func TestParseRefusesDamage(t *testing.T) {
	b := squares(sample).Encode()
	for n := range len(b) {
		if _, err := ParseGlyphs(b[:n]); err == nil {
			t.Errorf("%d of %d bytes read as a whole file", n, len(b))
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	drawn := 0
	for range 2000 {
		c := bytes.Clone(b)
		for range 1 + rng.IntN(4) {
			c[rng.IntN(len(c))] = byte(rng.IntN(256))
		}
		if g, err := ParseGlyphs(c); err == nil && drawn < 20 {
			drawn++
			g.Draw(Card{Site: "ab", Title: "abc", Line: "集群", Footer: "0"}) // must not panic
		}
	}
	if _, err := ParseGlyphs([]byte("cpocalc-glyphs-0\n\x00\x00")); err == nil {
		t.Error("another version's file was read")
	}
}

// A character the glyphs lack is an error naming it, never an empty box.
func TestDrawRefusesMissing(t *testing.T) {
	g := squares(sample)
	if _, err := g.Draw(Card{Site: "ab", Title: "abc €", Footer: "x"}); err == nil || !strings.Contains(err.Error(), "€") {
		t.Errorf("a missing character: %v", err)
	}
	b, err := g.Draw(Card{Site: "ab", Title: "abc", Line: "集群的光电", Footer: "x"})
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil || img.Bounds().Dx() != W || img.Bounds().Dy() != H {
		t.Fatalf("not a %d × %d PNG: %v", W, H, err)
	}
	again, _ := g.Draw(Card{Site: "ab", Title: "abc", Line: "集群的光电", Footer: "x"})
	if !bytes.Equal(b, again) {
		t.Error("the same card drawn twice differs")
	}
}

// Lines break between words, Chinese between characters, never before a
// closing mark; a text cut short ends with an ellipsis and fits.
func TestWrap(t *testing.T) {
	g := squares(sample)
	// 10 px per Latin character at 20 px: 20 characters a line of 200.
	lines := g.wrap(Regular, "alpha beta gamma delta epsilon zeta eta theta", 200, 20, 9)
	for _, l := range lines {
		if g.width(Regular, l, 20) > 200 || strings.HasPrefix(l, " ") || strings.HasSuffix(l, " ") {
			t.Errorf("line %q (%.0f px)", l, g.width(Regular, l, 20))
		}
	}
	if strings.Join(lines, " ") != "alpha beta gamma delta epsilon zeta eta theta" {
		t.Errorf("words lost or split: %q", lines)
	}
	// 20 px per Chinese character: 5 a line of 100; the comma after the
	// fifth goes down with it.
	zh := g.wrap(Regular, "集群的光电，集群", 100, 20, 9)
	for _, l := range zh {
		if strings.HasPrefix(l, "，") {
			t.Errorf("a line starts with a closing mark: %q", zh)
		}
	}
	if one := g.wrap(Regular, "alpha beta gamma", 50, 20, 0); len(one) != 1 {
		t.Errorf("at most no lines: %q", one)
	}
	cut := g.wrap(Regular, strings.Repeat("alpha beta ", 20), 200, 20, 2)
	if len(cut) != 2 || !strings.HasSuffix(cut[1], "…") || g.width(Regular, cut[1], 20) > 200 {
		t.Errorf("a cut text: %q", cut)
	}
}
