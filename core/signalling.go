package core

import (
	"math"

	"github.com/cpocalc/cpocalc/core/label"
)

// Copper's signalling options: how a lane uses its differential pair. One
// direction per pair in PAM4 is what every shipping cable does; both
// directions on one pair (simultaneous bidirectional, as BASE-T twisted
// pair has run for two decades) halves the pairs at the cost of echo and
// near-end crosstalk; a higher-order PAM carries more bits per symbol, so
// the symbol rate and the loss at its Nyquist frequency fall, at the cost
// of a smaller eye.

// Signalling options, as the scenario writes them.
const (
	SigPAM4     = "pam4"      // one direction per pair, PAM4 (every shipping cable)
	SigPAM4Bidi = "pam4_bidi" // both directions on one pair, PAM4
	SigPAM6     = "pam6"      // PAM6, 2.5 bits per symbol (two symbols carry five bits)
	SigPAM8     = "pam8"      // PAM8, 3 bits per symbol
	SigAuto     = "auto"      // the lowest-power option that closes
)

// sigRow is one signalling option of a copper pair.
type sigRow struct {
	id     string
	levels int     // PAM levels
	bits   float64 // bits per symbol
	bidi   bool    // both directions on one pair
	factor paramID // the SerDes energy it costs against PAM4 one way, or noParam
}

// sigTable lists the options, PAM4 one way (the default) first.
var sigTable = [...]sigRow{
	{id: SigPAM4, levels: 4, bits: 2, factor: noParam},
	{id: SigPAM4Bidi, levels: 4, bits: 2, bidi: true, factor: pSBDFactor},
	{id: SigPAM6, levels: 6, bits: 2.5, factor: pPAMHiFactor},
	{id: SigPAM8, levels: 8, bits: 3, factor: pPAMHiFactor},
}

// sigAuto marks a spec whose signalling auto chooses.
const sigAuto = uint8(len(sigTable))

// Signallings lists the options' names, "" (PAM4 one way) first.
var Signallings = []string{"", SigAuto, SigPAM4Bidi, SigPAM6, SigPAM8}

// checkSignalling reads a signalling option; only copper has one (t may be
// nil: auto, each copper candidate takes it and optics keep their own).
func checkSignalling(field, sig string, t *techRow) (uint8, error) {
	if sig == "" {
		return 0, nil
	}
	if sig == SigAuto {
		return sigAuto, nil
	}
	for i := range sigTable {
		if sigTable[i].id == sig {
			if t != nil && !t.cable && i != 0 {
				return 0, inputError(field, label.Plain(quote(sig)), label.Msg("err.sig_allowed"), label.Msg("err.sig_with", "tech", string(t.tech)))
			}
			return uint8(i), nil
		}
	}
	return 0, refuse(field, quote(sig), label.Plain(SigPAM4+", "+SigPAM4Bidi+", "+SigPAM6+", "+SigPAM8+", "+SigAuto), "err.sig_unknown")
}

// eyePenalty is the SNR a PAM-M eye gives up against PAM4 at the same
// swing: its eyes are (M − 1) to a swing instead of 3.
//
//	penalty = 20 log10((M − 1) / 3)   (PAM6 4.4 dB, PAM8 7.4 dB)
func eyePenalty(levels int) Decibel {
	return Decibel(20 * detLog(float64(levels-1)/3) / math.Ln10)
}

// penalty is what the option takes off the lane's budgets.
func (r *sigRow) penalty(p *paramSet) Decibel {
	d := eyePenalty(r.levels)
	if r.bidi {
		d += p.decibel(pSBDPenalty)
	}
	return d
}

// signalled returns the lane as option r carries it: the same line rate
// at r's symbol rate.
func (l laneSpec) signalled(i uint8) laneSpec {
	if i == 0 {
		return l
	}
	r := &sigTable[i]
	line := l.LineRate()
	l.sig = i
	l.Modulation = "PAM" + string(rune('0'+r.levels))
	l.Baud = Frequency(float64(line) / r.bits)
	return l
}

// sigRow returns the lane's signalling row, nil for PAM4 one way.
func (l laneSpec) sigRow() *sigRow {
	if l.sig == 0 {
		return nil
	}
	return &sigTable[l.sig]
}

// pairsPerLane is the differential pairs one lane takes, both directions.
func (r *sigRow) pairsPerLane() int {
	if r.bidi {
		return 1
	}
	return 2
}

// chooseSig resolves auto: of the options the link's copper can run, the
// one with which it works at the lowest power (fewer pairs on a tie); where
// none works, PAM4 one way, whose result says why. Optics keep PAM4.
// Probes are not traced.
func chooseSig(p *paramSet, s linkSpec, eval func(linkSpec) *LinkResult) linkSpec {
	chosen := s
	chosen.sig = 0
	if !s.near.cable {
		return chosen
	}
	tr := p.tr
	p.tr = nil
	best := Power(math.Inf(1))
	for i := range sigTable {
		probe := s
		probe.sig = uint8(i)
		r := eval(probe)
		if !r.Feasible {
			continue
		}
		if r.LinkPower < best || r.LinkPower == best && sigTable[i].bidi {
			best, chosen.sig = r.LinkPower, uint8(i)
		}
	}
	p.tr = tr
	return chosen
}

// Signalling returns the copper link's signalling as the scenario names it
// ("pam4" for one direction per pair in PAM4, and for optics).
func (r *LinkResult) Signalling() string { return sigTable[r.sig].id }

// PairsPerLane is the copper pairs one lane of the link takes.
func (r *LinkResult) PairsPerLane() int { return sigTable[r.sig].pairsPerLane() }
