package format

import (
	"math"
	"testing"
)

func TestFormat(t *testing.T) {
	en := English
	for _, c := range []struct{ got, want string }{
		{en.Count(0), "0"}, {en.Count(999), "999"}, {en.Count(1000), "1,000"}, {en.Count(-1234567), "-1,234,567"},
		{en.Number(5.119, 3), "5.12"}, {en.Number(0.05208, 3), "0.0521"}, {en.Number(27648, 4), "27,650"}, {en.Number(2.0, 3), "2"},
		{en.Number(-1234.5, 5), "-1,234.5"}, {en.Number(math.NaN(), 3), "NaN"},
		{en.Exact(27648), "27,648"}, {en.Exact(0.4055), "0.4055"},
		{en.Input(1024), "1,024"}, {en.Input(0.125), "0.125"}, {en.Input(1e6), "1,000,000"}, {en.Input(math.Inf(-1)), "-Inf"},
		{en.Percent(0.0736), "7.36 %"},
		{en.USD(6.05e6), "$6.05 million"}, {en.USD(12345), "$12,300"}, {en.CNY(8190), "CNY 8,190"},
		// Readers' prefixes: no kiloseconds, no megametres.
		{en.Duration(1730), "28.8 min"}, {en.Duration(25.6e-9), "25.6 ns"}, {en.Duration(5.29 * 3600), "5.29 h"},
		{en.Duration(614 * 3600), "25.6 days"}, {en.Duration(59.99), "1 min"}, {en.Duration(3500), "58.3 min"}, {en.Duration(3599), "1 h"}, {en.Duration(3600), "1 h"},
		{en.Quantity(4.32e6, "m"), "4,320 km"}, {en.Quantity(268, "mm"), "268 mm"}, {en.Quantity(1360, "mm"), "1.36 m"},
		{en.Quantity(2395000, "W"), "2.4 MW"}, {en.Quantity(5360, "ns"), "5.36 µs"}, {en.Quantity(0.41, "µm"), "410 nm"},
		{en.Quantity(18.5, "pJ/bit"), "18.5 pJ/bit"}, {en.Quantity(75700, "MWh"), "75.7 GWh"}, {en.Quantity(0.85, "1"), "0.85"},
		{en.Quantity(614, "h"), "25.6 days"}, {en.Quantity(0.0736, "share"), "7.36 %"}, {en.Quantity(129.6, "TB/s"), "129.6 TB/s"},
		{en.Quantity(53.125, "GHz"), "53.12 GHz"}, {en.Quantity(22, "dB"), "22 dB"}, {en.Quantity(1048577, "B"), "1.05 MB"}, {en.Quantity(512, "B"), "512 B"}, {en.Quantity(3, "lanes"), "3 lanes"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// A style with other separators is a translation's hook.
func TestStyle(t *testing.T) {
	st := Style{Thousands: " ", Decimal: ",", Group: 10000}
	if got := st.Number(1234.5, 5); got != "1234,5" {
		t.Errorf("got %q", got)
	}
	if got := st.Count(65536); got != "65 536" {
		t.Errorf("got %q", got)
	}
}

// Chinese readers count in 万 and 亿, and read money and durations in
// their words; exact counts and SI quantities keep their digits.
func TestChinese(t *testing.T) {
	zh := Chinese
	rated := Chinese
	rated.CNYPerUSD = 7.077
	for _, c := range []struct{ got, want string }{
		{zh.Count(65536), "65,536"}, {zh.Number(65536, 3), "6.55 万"}, {zh.Number(7.6e8, 2), "7.6 亿"}, {zh.Number(9999.6, 4), "1 万"},
		{zh.Number(1234.5, 5), "1,234.5"}, {zh.Exact(131072), "131,072"},
		{zh.Percent(0.0736), "7.36%"}, {zh.Percent(12), "1,200%"},
		{zh.USD(3.2e9), "32 亿美元"}, {zh.USD(6.05e6), "605 万美元"}, {zh.CNY(8190), "8,190 元"}, {zh.USD(950), "950 美元"},
		{rated.USD(3.2e9), "32 亿美元（约 226 亿元）"},
		{zh.Duration(1730), "28.8 分钟"}, {zh.Duration(5.29 * 3600), "5.29 小时"}, {zh.Duration(614 * 3600), "25.6 天"},
		{zh.Quantity(4.32e6, "m"), "4,320 km"}, {zh.Quantity(2395000, "W"), "2.4 MW"}, {zh.Quantity(75700, "MWh"), "75.7 GWh"},
		{zh.Quantity(0.0736, "share"), "7.36%"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// A language's tag gives its style.
func TestForLang(t *testing.T) {
	for tag, want := range map[string]bool{"zh": true, "zh-CN": true, "zh-TW": true, "en": false, "": false, "zhx": false} {
		if got := ForLang(tag).Myriads; got != want {
			t.Errorf("%q: myriads %v, want %v", tag, got, want)
		}
	}
}

// Printing never changes the style it prints in (a catalogue's style is
// shared by everything that words in its language).
func TestStyleUnchanged(t *testing.T) {
	zh := Chinese
	before := zh
	zh.Quantity(2395000, "W")
	zh.Duration(1730)
	zh.Percent(0.07)
	zh.SI(5360e-9, "s", -9, 0, 3)
	if zh.Myriads != before.Myriads || zh.Thousands != before.Thousands || zh.PercentSep != before.PercentSep {
		t.Errorf("the style changed: %+v", zh)
	}
	if got := zh.Number(65536, 3); got != "6.55 万" {
		t.Errorf("after printing quantities: %q", got)
	}
}
