package core

import "math"

// LaneRates lists the lane rates the model knows, in Gb/s.
var LaneRates = []float64{25, 50, 100, 200, 400}

// laneSpec is the signalling of one electrical lane rate.
type laneSpec struct {
	Rate          BitRate   // payload rate of the lane
	Modulation    string    // NRZ or PAM4
	BitsPerSymbol int       // 1 for NRZ, 2 for PAM4
	Baud          Frequency // symbol rate, symbols per second
	Budget        Decibel   // die-to-die loss budget at the Nyquist frequency
	CodewordBits  int       // Reed-Solomon FEC codeword length in bits
	budgetID      paramID
	dfID          paramID // laminate of the host boards of this generation
	cmosF         float64 // cmos_scale^doublings, computed once
	laserF        float64 // laser_scale^doublings
}

// Nyquist returns the Nyquist frequency, f_N = baud / 2: the frequency at
// which channel loss budgets are specified.
func (l laneSpec) Nyquist() Frequency { return l.Baud / 2 }

// LineRate returns the rate on the wire, baud x bits per symbol (payload
// plus FEC and coding overhead).
func (l laneSpec) LineRate() BitRate { return BitRate(float64(l.Baud) * float64(l.BitsPerSymbol)) }

// doublings returns log2(rate / 100 Gb/s): how many lane-rate generations
// separate this lane from the 100 Gb/s reference of the energy parameters.
func (l laneSpec) doublings() float64 { return math.Log2(float64(l.Rate / (100 * Gbps))) }

// lookupLane returns the signalling of a lane rate given in Gb/s.
//
// Symbol rates and FEC: 25G NRZ at 25.78125 GBd with RS(528,514) (IEEE
// 802.3bj); 50G PAM4 at 26.5625 GBd, 100G PAM4 at 53.125 GBd and 200G PAM4
// at 106.25 GBd, each with RS(544,514) "KP4" (IEEE 802.3cd, 802.3ck,
// 802.3dj; Intel AN 846). 400G per lane is research: PAM4 at baud_400g_gbd
// is assumed.
func lookupLane(p *paramSet, gbps float64) (laneSpec, bool) {
	l, ok := laneSignalling(p, gbps)
	if ok {
		d := l.doublings()
		l.cmosF = math.Pow(p.ratio(pCMOSScale), d)
		l.laserF = math.Pow(p.ratio(pLaserScale), d)
	}
	return l, ok
}

func laneSignalling(p *paramSet, gbps float64) (laneSpec, bool) {
	switch gbps {
	case 25:
		return laneSpec{Rate: 25 * Gbps, Modulation: "NRZ", BitsPerSymbol: 1, Baud: 25.78125 * Gigahertz,
			Budget: p.decibel(pBudget25), CodewordBits: 5280, budgetID: pBudget25, dfID: pPCBDfMid}, true
	case 50:
		return laneSpec{Rate: 50 * Gbps, Modulation: "PAM4", BitsPerSymbol: 2, Baud: 26.5625 * Gigahertz,
			Budget: p.decibel(pBudget50), CodewordBits: 5440, budgetID: pBudget50, dfID: pPCBDfMid}, true
	case 100:
		return laneSpec{Rate: 100 * Gbps, Modulation: "PAM4", BitsPerSymbol: 2, Baud: 53.125 * Gigahertz,
			Budget: p.decibel(pBudget100), CodewordBits: 5440, budgetID: pBudget100, dfID: pPCBDfULL}, true
	case 200:
		return laneSpec{Rate: 200 * Gbps, Modulation: "PAM4", BitsPerSymbol: 2, Baud: 106.25 * Gigahertz,
			Budget: p.decibel(pBudget200), CodewordBits: 5440, budgetID: pBudget200, dfID: pPCBDfULL}, true
	case 400:
		return laneSpec{Rate: 400 * Gbps, Modulation: "PAM4", BitsPerSymbol: 2, Baud: Frequency(p.si(pBaud400)),
			Budget: p.decibel(pBudget400), CodewordBits: 5440, budgetID: pBudget400, dfID: pPCBDfULL}, true
	}
	return laneSpec{}, false
}

// electronics returns a component energy given at 100 Gb/s per lane,
// carried to this lane rate: E(R) = E_100 × s^log2(R / 100 Gb/s), s =
// cmos_scale, the factor per doubling of the lane rate.
func (l laneSpec) electronics(p *paramSet, e EnergyPerBit) EnergyPerBit {
	p.raw(pCMOSScale) // record the dependence; the power was taken once
	return EnergyPerBit(float64(e) * l.cmosF)
}

// laser is electronics for lasers, with s = laser_scale.
func (l laneSpec) laser(p *paramSet, e EnergyPerBit) EnergyPerBit {
	p.raw(pLaserScale)
	return EnergyPerBit(float64(e) * l.laserF)
}
