package core

import (
	"math"

	"github.com/cpocalc/cpocalc/core/format"
)

// laneSpec is the signalling of one electrical lane rate.
type laneSpec struct {
	Rate          BitRate   // payload rate of the lane
	Modulation    string    // NRZ or PAM4
	BitsPerSymbol int       // 1 for NRZ, 2 for PAM4
	Baud          Frequency // symbol rate, symbols per second
	Budget        Decibel   // die-to-die loss budget at the Nyquist frequency
	C2M           Decibel   // chip-to-module budget: host die to a retimer in a module or plug
	CodewordBits  int       // Reed-Solomon FEC codeword length in bits
	InnerFEC      bool      // optical links add an inner code
	budgetID      paramID
	c2mID         paramID
	dfID          paramID // laminate of the host boards of this generation
	baudID        paramID // the catalogue symbol rate, or noParam for a standard one
	cmosF         float64 // cmos_scale^doublings, computed once
	sig           uint8   // a copper signalling: a row of sigTable (0: PAM4 one way)
}

// Nyquist returns the Nyquist frequency, f_N = baud / 2: the frequency at
// which channel loss budgets are specified.
func (l laneSpec) Nyquist() Frequency { return l.Baud / 2 }

// LineRate returns the rate on the wire, baud x bits per symbol (payload
// plus FEC and coding overhead).
func (l laneSpec) LineRate() BitRate {
	if l.sig != 0 {
		return BitRate(float64(l.Baud) * sigTable[l.sig].bits)
	}
	return BitRate(float64(l.Baud) * float64(l.BitsPerSymbol))
}

// doublings returns log2(rate / 100 Gb/s): how many lane-rate generations
// separate this lane from the 100 Gb/s reference of the energy parameters.
func (l laneSpec) doublings() float64 { return math.Log2(float64(l.Rate / (100 * Gbps))) }

// laneRow is one electrical lane rate: its signalling, FEC and the
// catalogue parameters of its budget and its boards.
type laneRow struct {
	gbps          float64
	modulation    string
	bitsPerSymbol int
	baudGBd       float64 // symbol rate, or 0 to read baudParam
	baudParam     paramID
	codewordBits  int
	budget        paramID // die-to-die loss budget at the Nyquist frequency
	c2m           paramID // chip-to-module loss budget
	df            paramID // laminate of the host boards of this generation
	research      bool    // no standard defines it yet
	innerFEC      bool    // optical links concatenate an inner code with the RS FEC
}

// laneTable holds the lane rates the model knows. Symbol rates and FEC:
// 25G NRZ at 25.78125 GBd with RS(528,514) (IEEE 802.3bj); 50G PAM4 at
// 26.5625 GBd, 100G PAM4 at 53.125 GBd and 200G PAM4 at 106.25 GBd, each
// with RS(544,514) "KP4" (IEEE 802.3cd, 802.3ck, 802.3dj; Intel AN 846).
// 400G per lane is research: PAM4 at baud_400g_gbd is assumed. At 200G
// per lane and above, optical links concatenate an inner Hamming(128,120)
// code with the RS FEC (IEEE 802.3dj), decoded in the module's DSP or the
// host's SerDes.
var laneTable = []laneRow{
	{gbps: 25, modulation: "NRZ", bitsPerSymbol: 1, baudGBd: 25.78125, baudParam: noParam, codewordBits: 5280, budget: pBudget25, c2m: pC2M25, df: pPCBDfMid},
	{gbps: 50, modulation: "PAM4", bitsPerSymbol: 2, baudGBd: 26.5625, baudParam: noParam, codewordBits: 5440, budget: pBudget50, c2m: pC2M50, df: pPCBDfMid},
	{gbps: 100, modulation: "PAM4", bitsPerSymbol: 2, baudGBd: 53.125, baudParam: noParam, codewordBits: 5440, budget: pBudget100, c2m: pC2M100, df: pPCBDfULL},
	{gbps: 200, modulation: "PAM4", bitsPerSymbol: 2, baudGBd: 106.25, baudParam: noParam, codewordBits: 5440, budget: pBudget200, c2m: pC2M200, df: pPCBDfULL, innerFEC: true},
	{gbps: 400, modulation: "PAM4", bitsPerSymbol: 2, baudParam: pBaud400, codewordBits: 5440, budget: pBudget400, c2m: pC2M400, df: pPCBDfULL, research: true, innerFEC: true},
}

// LaneRates lists the lane rates the model knows, in Gb/s.
var LaneRates = func() []float64 {
	out := make([]float64, len(laneTable))
	for i, l := range laneTable {
		out[i] = l.gbps
	}
	return out
}()

// LaneResearch reports whether a lane rate is research (no standard yet).
func LaneResearch(gbps float64) bool {
	for _, l := range laneTable {
		if l.gbps == gbps {
			return l.research
		}
	}
	return false
}

// allowedLanes writes the lane rates for an error message.
func allowedLanes() string {
	var b []byte
	for i, l := range laneTable {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, format.English.Input(l.gbps)...)
	}
	return string(b)
}

// lookupLane returns the signalling of a lane rate given in Gb/s.
func lookupLane(p *paramSet, gbps float64) (laneSpec, bool) {
	for i := range laneTable {
		row := &laneTable[i]
		if row.gbps != gbps {
			continue
		}
		baud := Frequency(row.baudGBd) * Gigahertz
		if row.baudParam != noParam {
			baud = Frequency(p.si(row.baudParam))
		}
		l := laneSpec{Rate: BitRate(row.gbps) * Gbps, Modulation: row.modulation, BitsPerSymbol: row.bitsPerSymbol, Baud: baud,
			Budget: p.decibel(row.budget), C2M: p.decibel(row.c2m), CodewordBits: row.codewordBits, InnerFEC: row.innerFEC, budgetID: row.budget, c2mID: row.c2m, dfID: row.df, baudID: row.baudParam}
		d := l.doublings()
		l.cmosF = math.Pow(p.ratio(pCMOSScale), d)
		return l, true
	}
	return laneSpec{}, false
}

// electronics returns a component energy given at 100 Gb/s per lane,
// carried to this lane rate: E(R) = E_100 × s^log2(R / 100 Gb/s), s =
// cmos_scale, the factor per doubling of the lane rate.
func (l laneSpec) electronics(p *paramSet, e EnergyPerBit) EnergyPerBit {
	p.raw(pCMOSScale) // the power was taken once
	if p.tracing() {
		p.in("E_100G", e.PJ(), "pJ/bit")
		p.in("s = cmos_scale", p.raw(pCMOSScale), "1")
		p.in("log2(R_lane / 100 Gb/s)", l.doublings(), "1")
	}
	return EnergyPerBit(float64(e) * l.cmosF)
}
