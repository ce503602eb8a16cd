package format

import (
	"math"
	"testing"
)

func TestFormat(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Count(0), "0"}, {Count(999), "999"}, {Count(1000), "1,000"}, {Count(-1234567), "-1,234,567"},
		{Number(5.119, 3), "5.12"}, {Number(0.05208, 3), "0.0521"}, {Number(27648, 4), "27,650"}, {Number(2.0, 3), "2"},
		{Number(-1234.5, 5), "-1,234.5"}, {Number(math.NaN(), 3), "NaN"},
		{Exact(27648), "27,648"}, {Exact(0.4055), "0.4055"},
		{Input(1024), "1,024"}, {Input(0.125), "0.125"}, {Input(1e6), "1,000,000"}, {Input(math.Inf(-1)), "-Inf"},
		{Percent(0.0736), "7.36 %"},
		{USD(6.05e6), "$6.05 million"}, {USD(12345), "$12,300"}, {CNY(8190), "CNY 8,190"},
		// Readers' prefixes: no kiloseconds, no megametres.
		{Duration(1730), "28.8 min"}, {Duration(25.6e-9), "25.6 ns"}, {Duration(5.29 * 3600), "5.29 h"},
		{Duration(614 * 3600), "25.6 days"}, {Duration(59.99), "1 min"}, {Duration(3500), "58.3 min"}, {Duration(3599), "1 h"}, {Duration(3600), "1 h"},
		{Quantity(4.32e6, "m"), "4,320 km"}, {Quantity(268, "mm"), "268 mm"}, {Quantity(1360, "mm"), "1.36 m"},
		{Quantity(2395000, "W"), "2.4 MW"}, {Quantity(5360, "ns"), "5.36 µs"}, {Quantity(0.41, "µm"), "410 nm"},
		{Quantity(18.5, "pJ/bit"), "18.5 pJ/bit"}, {Quantity(75700, "MWh"), "75.7 GWh"}, {Quantity(0.85, "1"), "0.85"},
		{Quantity(614, "h"), "25.6 days"}, {Quantity(0.0736, "share"), "7.36 %"}, {Quantity(129.6, "TB/s"), "129.6 TB/s"},
		{Quantity(53.125, "GHz"), "53.12 GHz"}, {Quantity(22, "dB"), "22 dB"}, {Quantity(3, "lanes"), "3 lanes"},
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
	defer Use(Use(Chinese))
	rated := Chinese
	rated.CNYPerUSD = 7.077
	for _, c := range []struct{ got, want string }{
		{Count(65536), "65,536"}, {Number(65536, 3), "6.55 万"}, {Number(7.6e8, 2), "7.6 亿"}, {Number(9999.6, 4), "1 万"},
		{Number(1234.5, 5), "1,234.5"}, {Exact(131072), "131,072"},
		{Percent(0.0736), "7.36%"}, {Percent(12), "1,200%"},
		{USD(3.2e9), "32 亿美元"}, {USD(6.05e6), "605 万美元"}, {CNY(8190), "8,190 元"}, {USD(950), "950 美元"},
		{rated.USD(3.2e9), "32 亿美元（约 226 亿元）"},
		{Duration(1730), "28.8 分钟"}, {Duration(5.29 * 3600), "5.29 小时"}, {Duration(614 * 3600), "25.6 天"},
		{Quantity(4.32e6, "m"), "4,320 km"}, {Quantity(2395000, "W"), "2.4 MW"}, {Quantity(75700, "MWh"), "75.7 GWh"},
		{Quantity(0.0736, "share"), "7.36%"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
