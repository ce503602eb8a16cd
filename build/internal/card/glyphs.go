// Package card draws the site's text share cards (PNG, 1200 × 630): the
// site's mark and name, a title, a few lines and a footer, set in the
// outlines of a font. The build draws the pages' cards with it, and our
// server a scenario's card on request, so both come from this code and
// from the same outlines: the build takes them from the npm package's
// Noto Sans SC, keeps only the characters the site's words can use, and
// writes them beside the cards (Glyphs.Encode), where the server reads
// them. No font of the machine is ever used.
package card

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The two weights a card uses.
const (
	Regular = 0
	Bold    = 1
)

// Glyphs are the outlines and advances of a set of characters in each
// weight, in font units with y down.
type Glyphs struct {
	upem  int
	faces [2]map[rune]glyph
}

// glyph is one character's outline: ops are sfnt's segment ops (0 move,
// 1 line, 2 quadratic, 3 cubic), pts their points, two int16 each.
type glyph struct {
	adv int16
	ops []byte
	pts []int16
}

// points is how many points each op carries.
var points = [4]int{1, 1, 2, 3}

// MakeGlyphs takes the outlines of each weight's runes from the
// TrueType or OpenType font of that weight.
func MakeGlyphs(fonts [2][]byte, sets [2][]rune) (*Glyphs, error) {
	g := &Glyphs{}
	for w, data := range fonts {
		runes := slices.Clone(sets[w])
		slices.Sort(runes)
		runes = slices.Compact(runes)
		f, err := sfnt.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("font %d: %w", w, err)
		}
		upem := int(f.UnitsPerEm())
		if g.upem == 0 {
			g.upem = upem
		} else if g.upem != upem {
			return nil, errors.New("the weights have different units per em")
		}
		ppem := fixed.I(upem)
		var buf sfnt.Buffer
		g.faces[w] = map[rune]glyph{}
		for _, r := range runes {
			x, err := f.GlyphIndex(&buf, r)
			if err != nil || x == 0 {
				continue // not in the font: the card says so when it needs it
			}
			adv, err := f.GlyphAdvance(&buf, x, ppem, font.HintingNone)
			if err != nil {
				return nil, fmt.Errorf("%q: %w", r, err)
			}
			segs, err := f.LoadGlyph(&buf, x, ppem, nil)
			if err != nil {
				return nil, fmt.Errorf("%q: %w", r, err)
			}
			gl := glyph{adv: int16(adv.Round())}
			for _, s := range segs {
				gl.ops = append(gl.ops, byte(s.Op))
				for _, p := range s.Args[:points[s.Op]] {
					gl.pts = append(gl.pts, int16(p.X.Round()), int16(p.Y.Round()))
				}
			}
			g.faces[w][r] = gl
		}
	}
	return g, nil
}

const magic = "cpocalc-glyphs-1\n"

// Encode writes the glyphs in a compact form of our own: the same glyphs
// give the same bytes.
func (g *Glyphs) Encode() []byte {
	b := []byte(magic)
	b = binary.LittleEndian.AppendUint16(b, uint16(g.upem))
	for _, face := range g.faces {
		runes := make([]rune, 0, len(face))
		for r := range face {
			runes = append(runes, r)
		}
		slices.Sort(runes)
		b = binary.LittleEndian.AppendUint32(b, uint32(len(runes)))
		for _, r := range runes {
			gl := face[r]
			b = binary.LittleEndian.AppendUint32(b, uint32(r))
			b = binary.LittleEndian.AppendUint16(b, uint16(gl.adv))
			b = binary.LittleEndian.AppendUint16(b, uint16(len(gl.ops)))
			b = append(b, gl.ops...)
			for _, p := range gl.pts {
				b = binary.LittleEndian.AppendUint16(b, uint16(p))
			}
		}
	}
	return b
}

// ParseGlyphs reads what Encode wrote, refusing anything else.
func ParseGlyphs(b []byte) (*Glyphs, error) {
	bad := errors.New("not a glyph file of this version")
	if len(b) < len(magic)+2 || string(b[:len(magic)]) != magic {
		return nil, bad
	}
	b = b[len(magic):]
	g := &Glyphs{upem: int(binary.LittleEndian.Uint16(b))}
	b = b[2:]
	if g.upem == 0 {
		return nil, bad
	}
	for w := range g.faces {
		if len(b) < 4 {
			return nil, bad
		}
		n := int(binary.LittleEndian.Uint32(b))
		b = b[4:]
		if n > len(b)/8 {
			return nil, bad
		}
		g.faces[w] = make(map[rune]glyph, n)
		for range n {
			if len(b) < 8 {
				return nil, bad
			}
			r := rune(binary.LittleEndian.Uint32(b))
			gl := glyph{adv: int16(binary.LittleEndian.Uint16(b[4:]))}
			nops := int(binary.LittleEndian.Uint16(b[6:]))
			b = b[8:]
			if len(b) < nops {
				return nil, bad
			}
			gl.ops = b[:nops:nops]
			b = b[nops:]
			npts := 0
			for _, op := range gl.ops {
				if op > 3 {
					return nil, bad
				}
				npts += 2 * points[op]
			}
			if len(gl.ops) > 0 && gl.ops[0] != 0 {
				return nil, bad // a path starts with a move
			}
			if len(b) < 2*npts {
				return nil, bad
			}
			gl.pts = make([]int16, npts)
			for i := range gl.pts {
				gl.pts[i] = int16(binary.LittleEndian.Uint16(b[2*i:]))
			}
			b = b[2*npts:]
			g.faces[w][r] = gl
		}
	}
	if len(b) != 0 {
		return nil, bad
	}
	return g, nil
}

// Has reports whether a weight has a character.
func (g *Glyphs) Has(weight int, r rune) bool { _, ok := g.faces[weight][r]; return ok }

// Len is the number of characters of both weights.
func (g *Glyphs) Len() int { return len(g.faces[Regular]) + len(g.faces[Bold]) }
