package core

import "math"

// Fiber names the optics class of a link and the fibre it runs on: a row
// of fiberTable. The scenario's "fiber" field.
type Fiber string

// Optics classes.
const (
	SMF Fiber = "smf" // DR: parallel single-mode, 1310 nm, 500 m
	MMF Fiber = "mmf" // SR: parallel multimode OM4, 850 nm VCSELs, 100 m
	FR  Fiber = "fr"  // FR: four wavelengths (CWDM) on each single-mode fibre, 2 km
	LR  Fiber = "lr"  // LR: four wavelengths on each single-mode fibre, 10 km
)

// budgetTerm is one term of an optical budget, added or taken away.
type budgetTerm struct {
	param paramID
	sign  float64
}

// fiberRow is everything that differs between fibre types.
type fiberRow struct {
	fiber Fiber
	// budget is the loss the fibre itself may take, a sum of catalogue
	// terms: for DR single-mode optics P_tx,min − S_rx − A_conn, for SR
	// multimode IL_channel,max − A_conn.
	budget      []budgetTerm
	attenuation paramID // cabled loss per km
	groupIndex  paramID
	maxLane     paramID // fastest lane its optics carry, or noParam
	// launch is the minimum average launch power of one lane of this
	// class, which its lasers must deliver at the fibre; lambdas the
	// wavelengths multiplexed on each fibre (1: parallel optics).
	launch  paramID
	lambdas int
}

var fiberTable = []fiberRow{
	{fiber: SMF, budget: []budgetTerm{{pDRTx, 1}, {pDRRx, -1}, {pDRConn, -1}}, attenuation: pSMFLoss, groupIndex: pSMFIndex, maxLane: noParam, launch: pDRTx, lambdas: 1},
	{fiber: MMF, budget: []budgetTerm{{pSRChannel, 1}, {pSRConn, -1}}, attenuation: pMMFLoss, groupIndex: pMMFIndex, maxLane: pMMFMaxLane, launch: pSRTx, lambdas: 1},
	{fiber: FR, budget: []budgetTerm{{pFRChannel, 1}, {pFRConn, -1}}, attenuation: pSMFLoss, groupIndex: pSMFIndex, maxLane: noParam, launch: pFRTx, lambdas: 4},
	{fiber: LR, budget: []budgetTerm{{pLRChannel, 1}, {pLRConn, -1}}, attenuation: pSMFLRLoss, groupIndex: pSMFIndex, maxLane: noParam, launch: pLRTx, lambdas: 4},
}

// Fibers lists the optics classes, DR single-mode (the default) first.
var Fibers = func() []Fiber {
	out := make([]Fiber, len(fiberTable))
	for i := range fiberTable {
		out[i] = fiberTable[i].fiber
	}
	return out
}()

// fibers returns the fibres of a link of lanes lanes: one per lane each
// way for parallel optics, one per lambdas lanes each way for WDM.
func (f *fiberRow) fibers(lanes int) int { return 2 * ceilDiv(lanes, f.lambdas) }

func (f Fiber) row() *fiberRow {
	for i := range fiberTable {
		if fiberTable[i].fiber == f {
			return &fiberTable[i]
		}
	}
	return nil
}

// opticalBudget returns the loss the fibre itself may take:
//
//	SMF (DR): B_f = P_tx,min − S_rx − A_conn
//	MMF (SR), FR, LR: B_f = IL_channel,max − A_conn
//
// P_tx,min the minimum launch power, S_rx the receiver sensitivity (dBm),
// A_conn the connection allocation. The reach is then B_f / α_fibre.
func opticalBudget(p *paramSet, f *fiberRow) Decibel {
	var b Decibel
	for i, t := range f.budget {
		v := Decibel(p.raw(t.param) * t.sign)
		if i == 0 {
			b = v
			continue
		}
		b += v
	}
	return b
}

// opticalReach returns the longest fibre the optical budget allows:
//
//	L_max = B_f / α
//
// with B_f from opticalBudget, plus extra (a code stronger or weaker
// than the lane's standard one). A zero or negative budget gives 0.
// Example (validation V5): 800GBASE-DR8, (3.0 − 2.75) dB / 0.5 dB/km = 500 m.
func opticalReach(p *paramSet, f *fiberRow, extra Decibel) Length {
	b := opticalBudget(p, f) + extra
	a := p.attenuation(f.attenuation)
	if b <= 0 || a <= 0 {
		return 0
	}
	return Length(float64(b) / float64(a))
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

// GroupIndex returns the group index of a fibre type with the default
// catalogue (the animation moves its light at c / n_g).
func GroupIndex(f Fiber) float64 {
	r := f.row()
	if r == nil {
		return math.NaN()
	}
	return catalogue[r.groupIndex].Default
}

// carries reports whether the fibre's optics carry the lane rate.
func (f *fiberRow) carries(p *paramSet, lane laneSpec) bool {
	if f.maxLane == noParam {
		return true
	}
	return float64(lane.Rate) <= p.si(f.maxLane)*(1+1e-9)
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
