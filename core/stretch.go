package core

// The stretches of a link nothing regenerates, their budgets and losses,
// and copper's reach.

// budget returns the link's die-to-die budget: the lane's, less the
// coding gain a FEC-free link gives up (and auto's margin, probing).
func (s *linkSpec) budget(p *paramSet) Decibel {
	p.raw(s.lane.budgetID)
	b := s.lane.Budget
	if s.probe {
		b -= p.decibel(pFECMargin)
	}
	if s.mode() == fecNone {
		p.in("G_FEC (given up)", p.raw(pFECGain), "dB")
		b -= p.decibel(pFECGain)
	}
	if r := s.lane.sigRow(); r != nil {
		d := r.penalty(p)
		p.in("signalling penalty", float64(d), "dB")
		b -= d
	}
	return b
}

// c2m is budget for the chip-to-module channel.
func (s *linkSpec) c2m(p *paramSet) Decibel {
	p.raw(s.lane.c2mID)
	b := s.lane.C2M
	if s.probe {
		b -= p.decibel(pFECMargin)
	}
	if s.mode() == fecNone {
		b -= p.decibel(pFECGain)
	}
	if r := s.lane.sigRow(); r != nil {
		b -= r.penalty(p)
	}
	return b
}

// StretchKind names an electrical stretch that nothing regenerates: what
// one SerDes (or retimer) must equalise to the next.
type StretchKind uint8

// Stretch kinds.
const (
	StretchDieToDie StretchKind = iota // a passive or linear cable, SerDes to SerDes
	StretchRetimer                     // an active cable, retimer to retimer
	StretchHost                        // host SerDes to the retimer in a module or plug (chip to module)
	StretchLinear                      // host to host (or module DSP) through an optical hop no end regenerates
	numStretches
)

// StretchKeys are the stretches' names in the result JSON ("channel").
var StretchKeys = [numStretches]string{"die-to-die", "retimer-to-retimer", "host-to-module", "host-to-host"}

// stretch is one unregenerated stretch, its loss and its budget.
type stretch struct {
	kind         StretchKind
	loss, budget Decibel
	end          LinkEnd // where on the link the stretch lies
}

// LinkEnd says where on a link a stretch lies: at one end (the near end
// is the switch side of a tier, the far end its GPU side), or across it.
type LinkEnd uint8

// Link ends.
const (
	EndBoth LinkEnd = iota // the whole link, end to end
	EndNear
	EndFar
)

// LinkEndKeys are the ends' names in the result JSON.
var LinkEndKeys = [...]string{EndBoth: "link", EndNear: "switch", EndFar: "nic"}

func (s stretch) margin() Decibel { return s.budget - s.loss }

const maxStretches = 4

// fCopperReach and fRetimedReach are the reach of a cable:
const (
	fCopperReach  = "L_max = (B + G − 2·H − 2·P) / α(f_N)"
	fRetimedReach = "L_max = (B − 2·R − 2·P) / α(f_N); 0 when the host's stretch H + R exceeds B_C2M"
)

// copperReach returns the longest cable of the spec's gauge that keeps the
// channel inside its budget, and that budget:
//
//	L_max = (B + G − 2 H − 2 P) / α(f_N)  die to die (DAC, ACC)
//	L_max = (B − 2 R − 2 P) / α(f_N)      retimer to retimer (AEC)
//
// B the die-to-die budget of the lane rate, G the equalisation the ends add
// (a linear redriver's), H the loss of one host path to the cage, P that of
// one plug (its paddle card and wire termination), R the retimer's bump,
// α the twinax loss per metre at the Nyquist frequency f_N. An active
// cable's host drives a chip-to-module channel to the retimer: H + R must
// stay within B_C2M, or the cable does not work at any length.
func copperReach(p *paramSet, s *linkSpec, ps *pathSet) (Length, Decibel) {
	alpha := ps.twinax(p, s.awg)
	budget := s.budget(p)
	p.in("B", float64(budget), "dB")
	if g := s.near.gain; g != noParam {
		budget += p.decibel(g)
		p.in("G", p.raw(g), "dB")
	}
	plug := ps.get(p, s.near.plugPath).Loss()
	p.in("P", float64(plug), "dB")
	end, sym := ps.get(p, s.near.hostPath).Loss(), "H"
	p.formula(fCopperReach)
	if s.near.retimed {
		host := end
		end, sym = ps.get(p, pathRetimer).Loss(), "R"
		p.formula(fRetimedReach)
		p.in("H", float64(host), "dB")
		c2m := s.c2m(p)
		p.in("B_C2M", float64(c2m), "dB")
		if host+end > c2m {
			p.in(sym, float64(end), "dB")
			return 0, c2m
		}
	}
	p.in(sym, float64(end), "dB")
	p.in("α(f_N)", float64(alpha), "dB/m")
	avail := budget - 2*end - 2*plug
	if avail <= 0 || alpha <= 0 {
		return 0, budget
	}
	return clampReach(Length(float64(avail) / float64(alpha))), budget
}

// fStretches is the check of a link's unregenerated stretches:
const fStretches = "margin = min over stretches (budget − loss): die to die 2H + 2P + α·L ≤ B + G; retimer to retimer 2R + 2P + α·L ≤ B; host to module H (+ R) ≤ B_C2M; host to host Σ linear ends' H + P_opt − G ≤ B"

// linkStretches lists the stretches of a link that nothing regenerates,
// and returns how many. A cable is one stretch die to die, or, retimed,
// one between its retimers and one from each host to its plug's retimer.
// Optics: each end that regenerates in either direction bounds its host's
// path by the chip-to-module budget; each direction whose transmitter or
// receiver is linear is one stretch through the optical hop:
//
//	C = [H_tx if the transmitter is linear] + P_opt + [H_rx if the receiver is linear] − G ≤ B
//
// P_opt the optical hop's electrical-equivalent penalty, G the most
// equalisation a linear end of the stretch adds (an LPO module's).
func linkStretches(p *paramSet, s *linkSpec, ps *pathSet, cable Decibel, out *[maxStretches]stretch) int {
	n := 0
	end := EndBoth
	add := func(k StretchKind, loss, budget Decibel) {
		out[n] = stretch{k, loss, budget, end}
		n++
	}
	b, c2m := s.budget(p), s.c2m(p)
	if s.near.cable {
		host := ps.get(p, s.near.hostPath).Loss()
		plug := ps.get(p, s.near.plugPath).Loss()
		if p.tracing() {
			p.in("H", float64(host), "dB")
			p.in("P", float64(plug), "dB")
			p.in("α·L", float64(cable), "dB")
			p.in("B", float64(b), "dB")
		}
		if s.near.retimed {
			r := ps.get(p, pathRetimer).Loss()
			p.in("R", float64(r), "dB")
			p.in("B_C2M", float64(c2m), "dB")
			add(StretchRetimer, 2*r+2*plug+cable, b)
			add(StretchHost, host+r, c2m)
			return n
		}
		if g := s.near.gain; g != noParam {
			b += p.decibel(g)
			p.in("G", p.raw(g), "dB")
		}
		add(StretchDieToDie, 2*host+2*plug+cable, b)
		return n
	}
	ends := [2]*techRow{s.near, s.far}
	var h [2]Decibel
	for i, e := range ends {
		h[i] = ps.endPath(p, e).Loss()
		if p.tracing() {
			p.in([2]string{"H_near", "H_far"}[i], float64(h[i]), "dB")
		}
		if !e.txLinear || !e.rxLinear {
			p.in("B_C2M", float64(c2m), "dB")
			end = [2]LinkEnd{EndNear, EndFar}[i]
			add(StretchHost, h[i], c2m)
			end = EndBoth
		}
	}
	for d := 0; d < 2; d++ {
		tx, rx := ends[d], ends[1-d]
		if !tx.txLinear && !rx.rxLinear {
			continue
		}
		c := p.decibel(pLPOPenalty)
		p.in("P_opt", p.raw(pLPOPenalty), "dB")
		g := noParam
		if tx.txLinear {
			c += h[d]
			g = tx.gain
		}
		if rx.rxLinear {
			c += h[1-d]
			if rx.gain != noParam && (g == noParam || p.raw(rx.gain) > p.raw(g)) {
				g = rx.gain
			}
		}
		if g != noParam {
			c -= p.decibel(g)
			p.in("G", p.raw(g), "dB")
		}
		p.in("B", float64(b), "dB")
		if n < maxStretches && (d == 0 || tx != rx) {
			add(StretchLinear, c, b)
		}
	}
	return n
}

// worstStretch returns the stretch with the least margin.
func worstStretch(st *[maxStretches]stretch, n int) stretch {
	w := st[0]
	for i := 1; i < n; i++ {
		if st[i].margin() < w.margin() {
			w = st[i]
		}
	}
	return w
}
