//go:build js

package main

// The frame's texts, which the page draws in HTML over the canvas.

import (
	"image/color"
	"math"
	"slices"
	"strconv"
	"syscall/js"
)

// overlayText is one text of the frame. The page draws it in HTML over
// the canvas (window.cpoanimText), in the page's own fonts: no font is
// rasterised here, which keeps the binary free of fonts, and the text is
// as sharp as the page's and readable at any size.
type overlayText struct {
	s     string  // the text; for chips, the chips' texts separated by "\n"
	x, y  float64 // CSS pixels: the anchor (by align) and the top
	size  float64 // CSS pixels
	bold  bool
	c     color.RGBA // premultiplied, as the palette has it
	align int        // 0 left, 1 centre, 2 right
	chips bool       // a row of labelled chips, wrapping within the canvas
}

// write puts text with its anchor at (x, y) in CSS pixels (align: 0 left
// edge, 1 centre, 2 right edge).
func (g *game) write(s string, x, y, size float64, bold bool, c color.RGBA, align int) {
	g.texts = append(g.texts, overlayText{s: s, x: x, y: y, size: size, bold: bold, c: c, align: align})
}

// sendText gives the page the frame's text when it changed.
func (g *game) sendText() {
	// Whatever happens, the next frame collects its text afresh. An
	// exception in the page's code comes back as a panic, which would end
	// the program: the page's text is then left as it was.
	defer func() {
		recover()
		g.texts = g.texts[:0]
	}()
	f := js.Global().Get("cpoanimText")
	if slices.Equal(g.texts, g.sent) || f.Type() != js.TypeFunction {
		return
	}
	list := make([]any, len(g.texts))
	for i, t := range g.texts {
		list[i] = map[string]any{"s": t.s, "x": t.x, "y": t.y, "size": t.size, "bold": t.bold, "color": cssColor(t.c), "align": t.align, "chips": t.chips}
	}
	f.Invoke(list, cssColor(g.pal().panel))
	g.sent, g.texts = g.texts, g.sent
}

// cssColor writes a premultiplied colour as CSS.
func cssColor(c color.RGBA) string {
	if c.A == 0 {
		return "transparent"
	}
	un := func(v uint8) string { return strconv.Itoa(int(math.Round(float64(v) * 255 / float64(c.A)))) }
	return "rgba(" + un(c.R) + "," + un(c.G) + "," + un(c.B) + "," + strconv.FormatFloat(float64(c.A)/255, 'f', 3, 64) + ")"
}
