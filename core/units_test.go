package core

import (
	"math"
	"testing"

	"github.com/cpocalc/cpocalc/core/label"
)

func TestFormatting(t *testing.T) {
	cases := []struct {
		got  string
		want string
	}{
		{Length(0.28).String(), "280 mm"},
		{Length(3000).String(), "3 km"},
		{(2.09 * Micrometre).String(), "2.09 µm"},
		{Power(16).String(), "16 W"},
		{Power(1.26e6).String(), "1.26 MW"},
		{(5 * PicojoulePerBit).String(), "5 pJ/bit"},
		{Time(51.2e-9).String(), "51.2 ns"},
		{(50 * Hour).String(), "50 h"},
		{Decibel(22).String(), "22 dB"},
		{DBm(-2.9).String(), "-2.9 dBm"},
		{(800 * Gbps).String(), "800 Gb/s"},
		{(53.125 * Gigahertz).String(), "53.12 GHz"},
		{(0.5 * DecibelPerKm).String(), "0.5 dB/km"},
		{Attenuation(6.76).String(), "6.76 dB/m"},
		{FIT(1000).String(), "1,000 FIT"},
		{Time(1730).String(), "28.8 min"},
		{Length(4.32e6).String(), "4,320 km"},
		{(614 * Hour).String(), "25.6 days"},
		{(2e6 * Hour).String(), "228 years"},
		{Ratio(0.0736).Percent(label.English), "7.36 %"},
		{(75.7 * GigawattHour).String(), "75.7 GWh"},
		{USD(6.05e6).String(), "$6.05 million"},
		{USD(3.2e9).String(), "$3.2 billion"},
		{USD(12345).String(), "$12,300"},
		{USD(950).String(), "$950"},
		{CNY(8.73e6).String(), "CNY 8.73 million"},
		{Power(0).String(), "0 W"},
		{Power(math.Inf(1)).String(), "+Inf W"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestConversions(t *testing.T) {
	if got := Decibel(10).Ratio(); !approxEqual(got, 10, 0, 1e-12) {
		t.Errorf("10 dB = %v, want 10", got)
	}
	if got := DBm(0).Power(); !approxEqual(float64(got), 1e-3, 0, 1e-12) {
		t.Errorf("0 dBm = %v W, want 1 mW", got)
	}
	if got := DBm(-2.9).Sub(DBm(-5.9)); !approxEqual(float64(got), 3, 1e-12, 0) {
		t.Errorf("-2.9 dBm − -5.9 dBm = %v, want 3 dB", got)
	}
	if got := (5 * PicojoulePerBit).Over(800 * Gbps); !approxEqual(float64(got), 4, 0, 1e-12) {
		t.Errorf("5 pJ/bit at 800 Gb/s = %v, want 4 W", got)
	}
	if got := Power(4).PerBit(0); got != 0 {
		t.Errorf("power per bit at zero rate = %v, want 0", got)
	}
	if got := FIT(0).MTBF(); !math.IsInf(float64(got), 1) {
		t.Errorf("MTBF of no failures = %v, want +Inf", got)
	}
}

// AWG diameters by definition (ASTM B258).
func TestAWGDiameter(t *testing.T) {
	for _, c := range []struct {
		awg int
		mm  float64
	}{{26, 0.405}, {28, 0.321}, {30, 0.255}, {32, 0.202}, {36, 0.127}} {
		if got := AWGDiameter(c.awg).Millimetres(); !approxEqual(got, c.mm, 0.0005, 0) {
			t.Errorf("AWG %d: %v mm, want %v", c.awg, got, c.mm)
		}
	}
}

func TestSkinDepthDomain(t *testing.T) {
	if d := SkinDepth(0, 5.8e7); !math.IsInf(float64(d), 1) {
		t.Errorf("skin depth at 0 Hz = %v, want +Inf", d)
	}
	// δ ∝ 1/sqrt(f): four times the frequency, half the depth.
	a, b := SkinDepth(1*Gigahertz, 5.8e7), SkinDepth(4*Gigahertz, 5.8e7)
	if !approxEqual(float64(a/b), 2, 0, 1e-12) {
		t.Errorf("δ(1 GHz)/δ(4 GHz) = %v, want 2", a/b)
	}
}
