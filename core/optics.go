package core

import "math"

// Fiber names the fibre type of an optical link.
type Fiber string

// Fibre types.
const (
	SMF Fiber = "smf" // single-mode, 1310 nm, DR-class optics
	MMF Fiber = "mmf" // multimode OM4, 850 nm, SR-class optics
)

// opticalBudget returns the loss the fibre itself may take:
//
//	SMF (DR): B_f = P_tx,min − S_rx − A_conn
//	MMF (SR): B_f = IL_channel,max − A_conn
//
// P_tx,min the minimum launch power, S_rx the receiver sensitivity (dBm),
// A_conn the connection allocation. The reach is then B_f / α_fibre.
func opticalBudget(p *paramSet, fiber Fiber) Decibel {
	if fiber == MMF {
		return p.decibel(pSRChannel) - p.decibel(pSRConn)
	}
	return p.dbm(pDRTx).Sub(p.dbm(pDRRx)) - p.decibel(pDRConn)
}

// fiberAttenuation returns the cabled attenuation of the fibre type.
func fiberAttenuation(p *paramSet, fiber Fiber) Attenuation {
	if fiber == MMF {
		return p.attenuation(pMMFLoss)
	}
	return p.attenuation(pSMFLoss)
}

// OpticalReach returns the longest fibre the optical budget allows:
//
//	L_max = B_f / α
//
// with B_f from opticalBudget. A zero or negative budget gives 0.
// Example (validation V5): 800GBASE-DR8, (3.0 − 2.75) dB / 0.5 dB/km = 500 m.
func opticalReach(p *paramSet, fiber Fiber) Length {
	b := opticalBudget(p, fiber)
	a := fiberAttenuation(p, fiber)
	if b <= 0 || a <= 0 {
		return 0
	}
	return Length(float64(b) / float64(a))
}

// groupIndex returns the fibre's group index.
func groupIndex(p *paramSet, fiber Fiber) float64 {
	if fiber == MMF {
		return p.ratio(pMMFIndex)
	}
	return p.ratio(pSMFIndex)
}

// FiberFlightTime returns the time light takes through a length of fibre:
//
//	t = n_g L / c
//
// n_g the group index (1.4682 for G.652 single-mode fibre at 1310 nm gives
// 4.90 ns/m). Zero length gives zero.
func FiberFlightTime(l Length, groupIndex float64) Time {
	return Time(groupIndex * float64(l) / SpeedOfLight)
}

// mmfCarries reports whether a multimode link can carry the lane rate.
func mmfCarries(p *paramSet, lane laneSpec) bool {
	return float64(lane.Rate) <= p.si(pMMFMaxLane)*(1+1e-9)
}

// clampReach keeps a reach finite and non-negative.
func clampReach(l Length) Length {
	if math.IsNaN(float64(l)) || l < 0 {
		return 0
	}
	if math.IsInf(float64(l), 1) {
		return Length(math.MaxFloat64)
	}
	return l
}
