// Package format prints numbers and quantities for readers: the one number
// formatter of the project. core's quantity types, its error messages, the
// report, the build's pages and the animation all print through it, so a
// number reads the same wherever it appears. It uses the standard library
// only and knows nothing of the model.
//
// Quantities are given in a unit (the unit of the JSON contract: "ns",
// "mm", "pJ/bit", "MWh", or an SI base unit) and printed with the prefix a
// reader expects, to three significant figures: 6.64 MW, 5.36 µs, 29 min,
// 4,320 km (never "4.32 Mm" or "1.73 ks").
package format

import (
	"math"
	"strconv"
	"strings"
)

// Style is the way a language writes numbers. English is the default; a
// translation supplies its own.
type Style struct {
	Thousands string // group separator of whole numbers, "," in English
	Decimal   string // decimal mark, "." in English
	// Group is the smallest whole number that is written with separators:
	// 1,000 in English.
	Group float64
}

// English writes 65,536 and 3.14.
var English = Style{Thousands: ",", Decimal: ".", Group: 1000}

// Count prints a whole number with thousands separators: 65,536.
func Count(n int) string { return English.Count(n) }

// Count prints a whole number with the style's separators.
func (st Style) Count(n int) string {
	return st.group(strconv.FormatInt(int64(n), 10))
}

// group puts separators into the whole part of a plain decimal number.
func (st Style) group(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		whole, frac = s[:i], s[i+1:]
	}
	digits := len(whole)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	limit := len(strconv.FormatFloat(st.Group, 'f', 0, 64))
	for i, c := range []byte(whole) {
		if i > 0 && digits >= limit && (digits-i)%3 == 0 {
			b.WriteString(st.Thousands)
		}
		b.WriteByte(c)
	}
	if frac != "" {
		b.WriteString(st.Decimal)
		b.WriteString(frac)
	}
	return b.String()
}

// Number prints v to sig significant figures, without trailing zeros, and
// with thousands separators: Number(27648, 4) is "27,650", Number(0.05208, 3)
// "0.0521". NaN and infinities print as Go writes them.
func Number(v float64, sig int) string { return English.Number(v, sig) }

// Number prints v to sig significant figures in the style.
func (st Style) Number(v float64, sig int) string {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	mag := int(math.Floor(math.Log10(math.Abs(v))))
	dec := sig - 1 - mag
	if dec < 0 {
		p := math.Pow(10, float64(-dec))
		return st.group(strconv.FormatFloat(math.Round(v/p)*p, 'f', 0, 64))
	}
	if dec > 15 {
		return strconv.FormatFloat(v, 'g', sig, 64)
	}
	s := strconv.FormatFloat(v, 'f', dec, 64)
	if strings.IndexByte(s, '.') >= 0 {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return st.group(s)
}

// Exact prints a whole number exactly and any other to 4 figures.
func Exact(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return English.group(strconv.FormatFloat(v, 'f', 0, 64))
	}
	return Number(v, 4)
}

// Input prints a number as a reader typed it: its shortest exact form, with
// thousands separators when it is whole. Error messages quote values so.
func Input(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return English.group(strconv.FormatFloat(v, 'f', 0, 64))
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// Percent prints a share (0.05 is 5 %) to three figures.
func Percent(share float64) string { return Number(share*100, 3) + " %" }

// Money prints an amount as readers write money: "950", "12,300",
// "6.05 million", "3.2 billion".
func Money(v float64) string {
	a := math.Abs(v)
	for _, s := range []struct {
		scale float64
		word  string
	}{{1e12, " trillion"}, {1e9, " billion"}, {1e6, " million"}} {
		if a >= s.scale*0.9995 {
			return Number(v/s.scale, 3) + s.word
		}
	}
	return Number(v, 3)
}

// USD prints dollars: "$6.05 million".
func USD(v float64) string { return "$" + Money(v) }

// CNY prints yuan: "CNY 3.2 million".
func CNY(v float64) string { return "CNY " + Money(v) }

// prefixes are the SI prefixes, largest first.
var prefixes = []struct {
	exp    int
	symbol string
}{
	{15, "P"}, {12, "T"}, {9, "G"}, {6, "M"}, {3, "k"}, {0, ""},
	{-3, "m"}, {-6, "µ"}, {-9, "n"}, {-12, "p"}, {-15, "f"},
}

// SI prints v (in the base unit) with the largest SI prefix from minExp to
// maxExp that keeps the mantissa at or above 1, to sig figures.
func SI(v float64, unit string, minExp, maxExp, sig int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'g', -1, 64) + sep(unit) + unit
	}
	if v == 0 {
		return "0" + sep(unit) + unit
	}
	a := math.Abs(v)
	for _, p := range prefixes {
		if p.exp > maxExp {
			continue
		}
		if p.exp < minExp {
			break
		}
		scale := math.Pow(10, float64(p.exp))
		if a >= scale*0.9995 || p.exp == minExp {
			return Number(v/scale, sig) + sep(p.symbol+unit) + p.symbol + unit
		}
	}
	return Number(v, sig) + sep(unit) + unit
}

func sep(unit string) string {
	if unit == "" {
		return ""
	}
	return " "
}

// base is how a unit of the contract is printed: its SI base unit and the
// factor to it, the prefixes allowed and the figures shown.
type base struct {
	unit           string
	factor         float64
	minExp, maxExp int
	sig            int
}

var bases = map[string]base{
	"m": {"m", 1, -6, 3, 3}, "mm": {"m", 1e-3, -6, 3, 3}, "km": {"m", 1e3, -6, 3, 3}, "µm": {"m", 1e-6, -9, 3, 3},
	"W":  {"W", 1, -3, 12, 3},
	"Hz": {"Hz", 1, 0, 12, 4}, "GHz": {"Hz", 1e9, 0, 12, 4},
	"b/s": {"b/s", 1, 0, 15, 4}, "Gb/s": {"b/s", 1e9, 0, 15, 4},
	"J/bit": {"J/bit", 1, -15, 0, 3}, "pJ/bit": {"J/bit", 1e-12, -15, 0, 3},
	"Wh": {"Wh", 1, 0, 15, 3}, "MWh": {"Wh", 1e6, 0, 15, 3},
	"S/m": {"S/m", 1, 0, 9, 3},
	"Bd":  {"Bd", 1, 0, 12, 4}, "GBd": {"Bd", 1e9, 0, 12, 4},
	"B/s": {"B/s", 1, 0, 15, 4}, "TB/s": {"B/s", 1e12, 0, 15, 4},
}

// Quantity prints v, given in unit, for a reader: with an SI prefix for
// physical units, as a duration for times, as money for currencies, as a
// percentage for a share. Units it does not know print after the number.
func Quantity(v float64, unit string) string {
	if b, ok := bases[unit]; ok {
		return SI(v*b.factor, b.unit, b.minExp, b.maxExp, b.sig)
	}
	switch unit {
	case "s":
		return Duration(v)
	case "ns":
		return Duration(v * 1e-9)
	case "h":
		return Duration(v * 3600)
	case "USD":
		return USD(v)
	case "CNY":
		return CNY(v)
	case "share":
		return Percent(v)
	case "dB", "dBm", "FIT", "dB/km", "dB/m":
		return Number(v, 3) + " " + unit
	case "", "1":
		return Number(v, 4)
	}
	return Number(v, 3) + " " + unit
}

// Duration prints a time in seconds as a reader reads it: SI prefixes below
// a minute (25.6 ns, 5.36 µs), then minutes, hours, days and years.
func Duration(s float64) string {
	a := math.Abs(s)
	switch {
	case math.IsNaN(s) || math.IsInf(s, 0):
		return strconv.FormatFloat(s, 'g', -1, 64) + " s"
	case a < 59.95:
		return SI(s, "s", -12, 0, 3)
	case a < 3600*0.9995:
		return Number(s/60, 3) + " min"
	case a < 72*3600:
		return Number(s/3600, 3) + " h"
	case a < 365.25*86400*0.9995:
		return Number(s/86400, 3) + " days"
	}
	return Number(s/(365.25*86400), 3) + " years"
}
