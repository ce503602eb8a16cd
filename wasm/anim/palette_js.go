//go:build js

package main

// The layout constants and the colours of light and dark mode.

import (
	"image/color"
	"math"
)

// Layout constants, in CSS pixels.
const (
	margin       = 14.0
	headerHeight = 84.0
	controlsBand = 0.0  // the page's HTML controls sit below the canvas
	labelsBand   = 46.0 // two lines of numbers; three on narrow screens
	fontSize     = 13.0
	titleSize    = 17.0
)

// palette is a colour scheme that reads in light and dark mode and for the
// common colour-vision deficiencies (Okabe-Ito hues).
type palette struct {
	bg, fg, muted, rule, copper, light, heat, bad, panel color.RGBA
}

var lightPalette = palette{
	bg: rgb(0xfd, 0xfd, 0xfb), fg: rgb(0x1b, 0x1d, 0x21), muted: rgb(0x50, 0x55, 0x5c), rule: rgb(0xc9, 0xcc, 0xcf),
	copper: rgb(0xb2, 0x4a, 0x00), light: rgb(0x00, 0x72, 0xb2), heat: rgb(0xe6, 0x9f, 0x00), bad: rgb(0xa3, 0x26, 0x1d), panel: rgb(0xf1, 0xf3, 0xf4),
}

var darkPalette = palette{
	bg: rgb(0x11, 0x14, 0x18), fg: rgb(0xe7, 0xe9, 0xec), muted: rgb(0xb2, 0xb7, 0xbe), rule: rgb(0x3a, 0x40, 0x48),
	copper: rgb(0xff, 0x9a, 0x4d), light: rgb(0x56, 0xb4, 0xe9), heat: rgb(0xe6, 0x9f, 0x00), bad: rgb(0xff, 0x8f, 0x86), panel: rgb(0x1b, 0x20, 0x27),
}

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 0xff} }

func alpha(c color.RGBA, a float64) color.RGBA {
	a = math.Max(0, math.Min(1, a))
	return color.RGBA{uint8(float64(c.R) * a), uint8(float64(c.G) * a), uint8(float64(c.B) * a), uint8(255 * a)}
}

func mix(a, b color.RGBA, t float64) color.RGBA {
	l := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t) }
	return color.RGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), l(a.A, b.A)}
}
