package core

import (
	"math"

	"github.com/cpocalc/cpocalc/core/label"
)

// Quantities are stored in SI units. Each type prints itself with its unit
// symbol and an SI prefix chosen for readability, three significant digits.
// Passing a Length where a Power is expected does not compile, which is the
// point: the physics never handles a bare float64 whose unit is a guess.

// Length in metres.
type Length float64

// Length units.
const (
	Micrometre Length = 1e-6
	Millimetre Length = 1e-3
	Centimetre Length = 1e-2
	Inch       Length = 25.4e-3
	Metre      Length = 1
	Kilometre  Length = 1e3
)

// Metres returns l as a number of metres.
func (l Length) Metres() float64 { return float64(l) }

// Millimetres returns l as a number of millimetres.
func (l Length) Millimetres() float64 { return float64(l / Millimetre) }

func (l Length) String() string { return l.In(label.English) }

// In prints l in the language of c.
func (l Length) In(c *label.Catalogue) string { return c.Quantity(float64(l), "m") }

// Frequency in hertz.
type Frequency float64

// Frequency units.
const (
	Hertz     Frequency = 1
	Megahertz Frequency = 1e6
	Gigahertz Frequency = 1e9
)

// GHz returns f as a number of gigahertz.
func (f Frequency) GHz() float64 { return float64(f / Gigahertz) }

func (f Frequency) String() string { return f.In(label.English) }

// In prints f in the language of c.
func (f Frequency) In(c *label.Catalogue) string { return c.Quantity(float64(f), "Hz") }

// BitRate in bits per second.
type BitRate float64

// Bit-rate units.
const (
	BitPerSecond BitRate = 1
	Gbps         BitRate = 1e9
	Tbps         BitRate = 1e12
)

// Gbps returns r as a number of gigabits per second.
func (r BitRate) Gbps() float64 { return float64(r / Gbps) }

func (r BitRate) String() string { return r.In(label.English) }

// In prints r in the language of c.
func (r BitRate) In(c *label.Catalogue) string { return c.Quantity(float64(r), "b/s") }

// Power in watts.
type Power float64

// Power units.
const (
	Milliwatt Power = 1e-3
	Watt      Power = 1
	Kilowatt  Power = 1e3
	Megawatt  Power = 1e6
)

// Watts returns p as a number of watts.
func (p Power) Watts() float64 { return float64(p) }

func (p Power) String() string { return p.In(label.English) }

// In prints p in the language of c.
func (p Power) In(c *label.Catalogue) string { return c.Quantity(float64(p), "W") }

// Energy in joules. It prints in watt-hours, the unit of electricity bills.
type Energy float64

// Energy units.
const (
	Joule             Energy = 1
	WattHour          Energy = 3600
	KilowattHour      Energy = 3.6e6
	MegawattHour      Energy = 3.6e9
	GigawattHour      Energy = 3.6e12
	joulesPerWattHour        = 3600.0
)

// MWh returns e as a number of megawatt-hours.
func (e Energy) MWh() float64 { return float64(e / MegawattHour) }

func (e Energy) String() string { return e.In(label.English) }

// In prints e in the language of c.
func (e Energy) In(c *label.Catalogue) string { return c.Quantity(float64(e)/joulesPerWattHour, "Wh") }

// EnergyPerBit in joules per bit. The project's convention (see the
// methodology): energy per end device, per direction, E_b = P_end / R.
type EnergyPerBit float64

// Energy-per-bit units.
const (
	PicojoulePerBit EnergyPerBit = 1e-12
)

// PJ returns e as a number of picojoules per bit.
func (e EnergyPerBit) PJ() float64 { return float64(e / PicojoulePerBit) }

func (e EnergyPerBit) String() string { return e.In(label.English) }

// In prints e in the language of c.
func (e EnergyPerBit) In(c *label.Catalogue) string { return c.Quantity(float64(e), "J/bit") }

// Over returns the power that moving r bits per second at e costs.
func (e EnergyPerBit) Over(r BitRate) Power { return Power(float64(e) * float64(r)) }

// PerBit returns the energy per bit of spending p to move r bits per second.
// A zero rate gives zero.
func (p Power) PerBit(r BitRate) EnergyPerBit {
	if r == 0 {
		return 0
	}
	return EnergyPerBit(float64(p) / float64(r))
}

// Time in seconds. (Named Time, not Duration, to stay clear of time.Duration.)
type Time float64

// Time units.
const (
	Picosecond  Time = 1e-12
	Nanosecond  Time = 1e-9
	Microsecond Time = 1e-6
	Second      Time = 1
	Hour        Time = 3600
	Year        Time = 365.25 * 24 * 3600 // Julian year
)

// Nanoseconds returns t as a number of nanoseconds.
func (t Time) Nanoseconds() float64 { return float64(t / Nanosecond) }

// Hours returns t as a number of hours.
func (t Time) Hours() float64 { return float64(t / Hour) }

func (t Time) String() string { return t.In(label.English) }

// In prints t in the language of c.
func (t Time) In(c *label.Catalogue) string { return c.Duration(float64(t)) }

// Decibel is a power ratio on a log scale, 10 log10(P1/P2). Losses are
// positive.
type Decibel float64

// Ratio returns the linear power ratio 10^(d/10).
func (d Decibel) Ratio() float64 { return math.Pow(10, float64(d)/10) }

func (d Decibel) String() string { return d.In(label.English) }

// In prints d in the language of c.
func (d Decibel) In(c *label.Catalogue) string { return c.Quantity(float64(d), "dB") }

// DBm is an absolute power level, 10 log10(P / 1 mW).
type DBm float64

// Power returns the level as watts.
func (d DBm) Power() Power { return Power(math.Pow(10, float64(d)/10)) * Milliwatt }

// Minus returns the level after a loss.
func (d DBm) Minus(loss Decibel) DBm { return d - DBm(loss) }

// Sub returns the difference between two levels, in dB.
func (d DBm) Sub(o DBm) Decibel { return Decibel(d - o) }

func (d DBm) String() string { return d.In(label.English) }

// In prints d in the language of c.
func (d DBm) In(c *label.Catalogue) string { return c.Quantity(float64(d), "dBm") }

// Attenuation in decibels per metre.
type Attenuation float64

// Attenuation units.
const (
	DecibelPerMetre Attenuation = 1
	DecibelPerKm    Attenuation = 1e-3
	DecibelPerInch  Attenuation = 1 / 25.4e-3
)

// Over returns the loss over a length.
func (a Attenuation) Over(l Length) Decibel { return Decibel(float64(a) * float64(l)) }

// PerKm returns a as a number of dB per kilometre.
func (a Attenuation) PerKm() float64 { return float64(a / DecibelPerKm) }

func (a Attenuation) String() string { return a.In(label.English) }

// In prints a in the language of c.
func (a Attenuation) In(c *label.Catalogue) string {
	if math.Abs(float64(a)) < 0.1 {
		return c.Quantity(a.PerKm(), "dB/km")
	}
	return c.Quantity(float64(a), "dB/m")
}

// FIT is a failure rate: failures per 10^9 device-hours.
type FIT float64

// MTBF returns the mean time between failures of parts whose rates sum to f:
// MTBF = 10^9 h / sum(FIT). A zero rate gives +Inf.
func (f FIT) MTBF() Time {
	if f <= 0 {
		return Time(math.Inf(1))
	}
	return Time(1e9/float64(f)) * Hour
}

func (f FIT) String() string { return f.In(label.English) }

// In prints f in the language of c.
func (f FIT) In(c *label.Catalogue) string { return c.Quantity(float64(f), "FIT") }

// USD is an amount of US dollars.
type USD float64

func (u USD) String() string { return u.In(label.English) }

// In prints u in the language of c.
func (u USD) In(c *label.Catalogue) string { return c.USD(float64(u)) }

// CNY is an amount of Chinese yuan.
type CNY float64

func (y CNY) String() string { return y.In(label.English) }

// In prints y in the language of c.
func (y CNY) In(c *label.Catalogue) string { return c.CNY(float64(y)) }

// Ratio is a dimensionless number (a share, a factor).
type Ratio float64

func (r Ratio) String() string { return r.In(label.English) }

// In prints r in the language of c.
func (r Ratio) In(c *label.Catalogue) string { return c.Number(float64(r), 3) }

// Percent prints r as a percentage.
func (r Ratio) Percent(c *label.Catalogue) string { return c.Percent(float64(r)) }

// Conductivity in siemens per metre.
type Conductivity float64

func (s Conductivity) String() string { return s.In(label.English) }

// In prints s in the language of c.
func (s Conductivity) In(c *label.Catalogue) string { return c.Quantity(float64(s), "S/m") }

// Physical constants (exact in the SI since 2019 for c; mu0 to the
// pre-2019 defined value, which differs from CODATA 2018 by 5.5e-10).
const (
	// SpeedOfLight in vacuum, m/s (exact).
	SpeedOfLight = 299792458.0
	// Mu0 is the vacuum permeability, H/m.
	Mu0 = 4e-7 * math.Pi
	// neperToDB converts attenuation in nepers to decibels: 20 log10(e).
	neperToDB = 8.685889638065035
)

// noCompare, a result type's first field, makes the type one that == does
// not compare: the compiler then writes no equality function for it and
// for each array of it, which the calculator's WebAssembly would carry
// (about 1-3 KB each). It takes no room.
type noCompare [0]func()
