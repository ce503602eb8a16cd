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

// Style is the way a language writes numbers, money and durations.
// English is the default; Chinese is the other edition's. Nothing is in
// use: whoever prints a number holds the style to print it in (a
// label.Catalogue carries its language's).
type Style struct {
	Thousands string // group separator of whole numbers, "," in English
	Decimal   string // decimal mark, "." in English
	// Group is the smallest whole number that is written with separators:
	// 1,000 in English.
	Group float64
	// Myriads writes rounded numbers from 10,000 in 万 and 亿, as Chinese
	// readers count (6.55 万, 7.6 亿); exact counts keep their digits.
	Myriads bool
	// PercentSep goes between a number and "%": " " in English, "" in
	// Chinese.
	PercentSep string
	// Money writes an amount of a currency ("USD", "CNY") from its number
	// in words ("6.05 million", "605 万").
	Money func(amount, currency string) string
	// Minutes, Hours, Days and Years follow a duration's number.
	Minutes, Hours, Days, Years string
	// CNYPerUSD, when set, gives a dollar sum its yuan too: "605 万美元（约
	// 4,280 万元）". The caller sets it from the catalogue's rate.
	CNYPerUSD float64
}

// English writes 65,536, 3.14, $6.05 million and 5.29 h.
var English = Style{Thousands: ",", Decimal: ".", Group: 1000, PercentSep: " ",
	Money: func(amount, currency string) string {
		if currency == "USD" {
			return "$" + amount
		}
		return currency + " " + amount
	},
	Minutes: " min", Hours: " h", Days: " days", Years: " years"}

// Chinese writes 65,536, 6.55 万, 3.2 亿美元 and 5.29 小时, as zh-CN readers
// do (the separators are the same as English).
var Chinese = Style{Thousands: ",", Decimal: ".", Group: 1000, Myriads: true, PercentSep: "",
	Money: func(amount, currency string) string {
		// A space between a figure and the word after it, as in 6.55 万
		// and 5 年; none inside the words (32 亿美元).
		if amount != "" && amount[len(amount)-1] >= '0' && amount[len(amount)-1] <= '9' {
			amount += " "
		}
		switch currency {
		case "USD":
			return amount + "美元"
		case "CNY":
			return amount + "元"
		}
		return amount + currency
	},
	Minutes: " 分钟", Hours: " 小时", Days: " 天", Years: " 年"}

// ForLang returns the style of a language by its BCP 47 tag: Chinese for
// "zh" and its regions, English for any other.
func ForLang(tag string) Style {
	if tag == "zh" || strings.HasPrefix(tag, "zh-") {
		return Chinese
	}
	return English
}

// Count prints a whole number with the style's separators.
func (st *Style) Count(n int) string {
	return st.group(strconv.FormatInt(int64(n), 10))
}

// group puts separators into the whole part of a plain decimal number.
func (st *Style) group(s string) string {
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

// Number prints v to sig significant figures in the style; with Myriads,
// from 10,000 in 万 and 亿 (Number(65536, 3) is "6.55 万").
func (st *Style) Number(v float64, sig int) string {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	if st.Myriads {
		if w, scale := myriad(v, sig); scale > 1 {
			// No thousands separator before 万 and 亿: 6390 万.
			plain := *st
			plain.Myriads, plain.Thousands = false, ""
			return plain.Number(v/scale, sig) + " " + w
		}
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

// myriad returns the Chinese unit a rounded number of sig figures reads
// in, and its size: 万 (10^4), 亿 (10^8), 万亿 (10^12), or "" and 1.
func myriad(v float64, sig int) (string, float64) {
	a := math.Abs(v)
	for _, m := range []struct {
		w     string
		scale float64
	}{{"万亿", 1e12}, {"亿", 1e8}, {"万", 1e4}} {
		// Rounded to sig figures first: 9,999.6 at 4 figures is 1 万.
		p := math.Pow(10, math.Floor(math.Log10(a))-float64(sig-1))
		if math.Round(a/p)*p >= m.scale {
			return m.w, m.scale
		}
	}
	return "", 1
}

// Exact prints a whole number exactly and any other to 4 figures.
func (st *Style) Exact(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return st.group(strconv.FormatFloat(v, 'f', 0, 64))
	}
	return st.Number(v, 4)
}

// Input prints a number as a reader typed it.
func (st *Style) Input(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return st.group(strconv.FormatFloat(v, 'f', 0, 64))
	}
	return strings.Replace(strconv.FormatFloat(v, 'g', -1, 64), ".", st.Decimal, 1)
}

// Percent prints a share to three figures.
func (st *Style) Percent(share float64) string { return st.PercentTo(share, 3) }

// PercentTo prints a share to sig figures.
func (st *Style) PercentTo(share float64, sig int) string {
	plain := *st
	plain.Myriads = false
	return plain.Number(share*100, sig) + st.PercentSep + "%"
}

// MoneyAmount prints an amount of money in the style's words, without its
// currency.
func (st *Style) MoneyAmount(v float64) string {
	if st.Myriads {
		return st.Number(v, 3)
	}
	a := math.Abs(v)
	for _, s := range []struct {
		scale float64
		word  string
	}{{1e12, " trillion"}, {1e9, " billion"}, {1e6, " million"}} {
		if a >= s.scale*0.9995 {
			return st.Number(v/s.scale, 3) + s.word
		}
	}
	return st.Number(v, 3)
}

// USD prints dollars in the style.
func (st *Style) USD(v float64) string {
	s := st.Money(st.MoneyAmount(v), "USD")
	if st.CNYPerUSD > 0 {
		s += "（约 " + st.CNY(v*st.CNYPerUSD) + "）"
	}
	return s
}

// CNY prints yuan in the style.
func (st *Style) CNY(v float64) string { return st.Money(st.MoneyAmount(v), "CNY") }

// prefixes are the SI prefixes, largest first.
var prefixes = []struct {
	exp    int
	symbol string
}{
	{15, "P"}, {12, "T"}, {9, "G"}, {6, "M"}, {3, "k"}, {0, ""},
	{-3, "m"}, {-6, "µ"}, {-9, "n"}, {-12, "p"}, {-15, "f"},
}

// SI prints v with an SI prefix in the style. Its mantissa is below 1,000
// but for the largest prefix, so it never reads in 万.
func (st *Style) SI(v float64, unit string, minExp, maxExp, sig int) string {
	plain := *st
	plain.Myriads = false
	st = &plain
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
			return st.Number(v/scale, sig) + sep(p.symbol+unit) + p.symbol + unit
		}
	}
	return st.Number(v, sig) + sep(unit) + unit
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
	"B": {"B", 1, 0, 12, 3},
}

// Quantity prints a quantity in the style.
func (st *Style) Quantity(v float64, unit string) string {
	if b, ok := bases[unit]; ok {
		// 4,320 km keeps its digits: the kilometre is the largest prefix.
		return st.SI(v*b.factor, b.unit, b.minExp, b.maxExp, b.sig)
	}
	switch unit {
	case "s":
		return st.Duration(v)
	case "ns":
		return st.Duration(v * 1e-9)
	case "h":
		return st.Duration(v * 3600)
	case "USD":
		return st.USD(v)
	case "CNY":
		return st.CNY(v)
	case "share":
		return st.Percent(v)
	case "dB", "dBm", "FIT", "dB/km", "dB/m":
		return st.Number(v, 3) + " " + unit
	case "", "1":
		return st.Number(v, 4)
	}
	return st.Number(v, 3) + " " + unit
}

// Duration prints a time in the style's words.
func (st *Style) Duration(s float64) string {
	plain := *st
	plain.Myriads = false
	a := math.Abs(s)
	switch {
	case math.IsNaN(s) || math.IsInf(s, 0):
		return strconv.FormatFloat(s, 'g', -1, 64) + " s"
	case a < 59.95:
		return st.SI(s, "s", -12, 0, 3)
	case a < 3600*0.9995:
		return plain.Number(s/60, 3) + st.Minutes
	case a < 72*3600:
		return plain.Number(s/3600, 3) + st.Hours
	case a < 365.25*86400*0.9995:
		return plain.Number(s/86400, 3) + st.Days
	}
	return st.Number(s/(365.25*86400), 3) + st.Years
}
