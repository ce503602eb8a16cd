package core

import "github.com/cpocalc/cpocalc/core/label"

// Forward error correction as a choice of each link: none, the lane's
// Reed-Solomon code (the outer code), or the outer code with an inner code
// on the optical side (IEEE 802.3dj's soft-decoded Hamming(128,120) at
// 200 Gb/s per lane). Each has its coding gain, its latency and its
// power; "auto" takes the lightest that closes every budget of the link
// with a margin.

// FEC modes of a link, as the scenario writes them.
const (
	FECStandard = "rs"       // the lane's Reed-Solomon code alone
	FECNone     = "none"     // FEC-free: the least latency, the coding gain given up
	FECInner    = "rs_inner" // the outer code with an inner code on the optics
	FECAuto     = "auto"     // the lightest that closes the budgets with margin
)

// FECModes lists the modes, "" (the lane's standard code) first.
var FECModes = []string{"", FECAuto, FECNone, FECStandard, FECInner}

// fecMode is a link's FEC. fecLane resolves to what the lane's standard
// specifies: the outer code, and the inner one too on optics at 200 Gb/s
// per lane and faster.
type fecMode uint8

const (
	fecLane fecMode = iota
	fecNone
	fecRS
	fecInner
	fecAuto
)

// mode resolves the link's FEC to none, rs or rs with an inner code. An
// inner code is an optical link's: copper keeps its outer code alone.
func (s *linkSpec) mode() fecMode {
	switch s.fec {
	case fecNone, fecRS:
		return s.fec
	case fecInner:
		if s.near.cable {
			return fecRS
		}
		return fecInner
	}
	return s.standard()
}

// standard is the mode the lane's standard specifies for this link.
func (s *linkSpec) standard() fecMode { return laneMode(s.lane, s.near) }

// name is the scenario's name of the link's FEC as evaluated.
func (m fecMode) name() string {
	switch m {
	case fecNone:
		return FECNone
	case fecInner:
		return FECInner
	}
	return FECStandard
}

// checkFEC reads a FEC mode. An inner code on a copper link is refused:
// the inner code is specified for optics (t may be nil: not yet known,
// auto).
func checkFEC(field, fec string, t *techRow) (fecMode, error) {
	switch fec {
	case "":
		return fecLane, nil
	case FECNone:
		return fecNone, nil
	case FECStandard:
		return fecRS, nil
	case FECAuto:
		return fecAuto, nil
	case FECInner:
		if t != nil && t.cable {
			return fecLane, inputError(field, label.Plain(quote(fec)), label.Msg("err.fec_allowed", "none", FECNone, "rs", FECStandard, "auto", FECAuto), label.Msg("err.fec_with", "tech", string(t.tech)))
		}
		return fecInner, nil
	}
	return fecLane, refuse(field, quote(fec), label.Plain(FECNone+", "+FECStandard+", "+FECInner+", "+FECAuto), "err.fec_unknown")
}

// fecOptical is the optical budget a mode adds against the lane's
// standard code, whose budget the catalogue's optical terms are:
//
//	g(none) = 0, g(rs) = G_RS / 2, g(rs + inner) = G_RS / 2 + G_inner
//	ΔB_f = g(mode) − g(standard)
//
// A coding gain of G dB in electrical SNR is G/2 dB of optical power for
// a receiver whose noise is its own (thermal): its electrical SNR goes as
// the square of the received optical power.
func fecOptical(p *paramSet, s *linkSpec) Decibel {
	m, std := s.mode(), s.standard()
	if m == std {
		return 0
	}
	return opticalGain(p, m) - opticalGain(p, std)
}

// opticalGain is the optical budget a mode's codes give, from none.
func opticalGain(p *paramSet, m fecMode) Decibel {
	switch m {
	case fecNone:
		return 0
	case fecRS:
		return p.decibel(pFECGain) / 2
	}
	return p.decibel(pFECGain)/2 + p.decibel(pInnerFECGain)
}

// fecEnergies is the energy per bit of the codes at one end: the outer
// code's encoder and decoder in the host chip that terminates it, and the
// inner code's where it is decoded, in a DSP module's DSP or the host's
// SerDes.
func fecEnergies(p *paramSet, m fecMode, t *techRow) (host, dsp EnergyPerBit) {
	if m == fecNone {
		return 0, 0
	}
	host = p.energyPerBit(pRSFECPJ)
	if m == fecInner {
		if t.decodesInner() {
			dsp = p.energyPerBit(pInnerFECPJ)
		} else {
			host += p.energyPerBit(pInnerFECPJ)
		}
	}
	return host, dsp
}

// laneMode is the code a lane's standard gives an end of technology t: the
// outer code, and the inner one on optics where the lane has one.
func laneMode(lane laneSpec, t *techRow) fecMode {
	if lane.InnerFEC && !t.cable {
		return fecInner
	}
	return fecRS
}

// decodesInner reports whether the end's own DSP decodes an inner code: a
// module whose receive path is retimed.
func (t *techRow) decodesInner() bool {
	for _, term := range t.energy {
		if term.part == EnergyDSP {
			return !t.rxLinear
		}
	}
	return false
}

// Formulas of the FEC.
const (
	fFECEnergy = "E_FEC = rs_fec_pj (the outer code, in the host chip) + inner_fec_pj where this end's host decodes an inner code; 0 FEC-free"
	fFECDSP    = "an inner code decoded in the module's DSP adds inner_fec_pj to the DSP"
)

// fecInto puts an end's codes into its energies: the outer code (and an
// inner one the host decodes) in the host chip, an inner code its own DSP
// decodes in the DSP.
func fecInto(p *paramSet, m fecMode, e *EndResult, t *techRow) {
	host, dsp := fecEnergies(p, m, t)
	e.Energy[EnergyFEC] = host
	if p.tracing() {
		p.computes(&endEnergy[EnergyFEC], fFECEnergy)
		if m != fecNone {
			p.in("rs_fec_pj", p.raw(pRSFECPJ), "pJ/bit")
			if m == fecInner {
				p.in("inner_fec_pj", p.raw(pInnerFECPJ), "pJ/bit")
			}
		}
	}
	if dsp > 0 {
		p.computes(&endEnergy[EnergyDSP], fFECDSP)
		p.in("inner_fec_pj", p.raw(pInnerFECPJ), "pJ/bit")
		e.Energy[EnergyDSP] += dsp
	}
}

// autoOrder is the order auto tries the codes in: lightest first.
var autoOrder = [...]fecMode{fecNone, fecRS, fecInner}

// chooseFEC resolves auto: the first code, lightest first, with which the
// link works with its electrical budgets cut by fec_auto_margin_db (an
// optical budget of the standards holds its connection allocation
// already, so it must close as written); where none
// does, the strongest the link can carry (its result says why it fails).
// Probes are not traced: only the chosen link's numbers are explained.
func chooseFEC(p *paramSet, s linkSpec, eval func(linkSpec) *LinkResult) linkSpec {
	p.raw(pFECMargin) // the choice reads it (the probes are not traced)
	tr := p.tr
	p.tr = nil
	chosen := s
	chosen.fec = fecRS
	for _, m := range autoOrder {
		if m == fecInner && s.near.cable {
			break
		}
		probe := s
		probe.fec, probe.probe = m, true
		chosen.fec = m
		if eval(probe).Feasible {
			break
		}
	}
	p.tr = tr
	return chosen
}

// FEC returns the link's codes as the scenario names them: none, rs or
// rs_inner (auto resolved).
func (r *LinkResult) FEC() string { return r.fec.name() }
