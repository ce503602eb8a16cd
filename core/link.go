package core

import (
	"math"

	"github.com/cpocalc/cpocalc/core/format"
	"github.com/cpocalc/cpocalc/core/label"
)

// Link describes one point-to-point link (the JSON contract of EvaluateLink).
type Link struct {
	Tech     Tech    `json:"tech"`
	FarTech  Tech    `json:"far_tech,omitempty"` // the other end, if it differs (optics only)
	LaneGbps float64 `json:"lane_gbps"`
	Lanes    int     `json:"lanes"`
	LengthM  float64 `json:"length_m"`
	AWG      int     `json:"awg,omitempty"`   // copper only; default 26
	Fiber    Fiber   `json:"fiber,omitempty"` // optics only; default smf
	FEC      string  `json:"fec,omitempty"`   // "", none, rs, rs_inner or auto
	// Signalling is a copper link's use of its pairs: "" (PAM4, one
	// direction per pair), pam4_bidi, pam6, pam8 or auto.
	Signalling string             `json:"signalling,omitempty"`
	Params     map[string]float64 `json:"params,omitempty"`
}

// DefaultLink returns an 800G link (4 lanes of 200 Gb/s) of passive copper,
// 1 m of 26 AWG.
func DefaultLink() Link {
	return Link{Tech: DAC, LaneGbps: 200, Lanes: 4, LengthM: 1, AWG: DefaultAWG}
}

// DefaultAWG is the gauge of a copper cable when none is named: 26 AWG,
// the thickest of NVIDIA's LinkX cables, used for the longest passive
// reaches.
const DefaultAWG = 26

// DefaultFiber is the optics class of a link that names none.
const DefaultFiber = SMF

// maxLinkLanes bounds the lanes of one link.
const maxLinkLanes = 32

// linkSpec is a validated link, ready to evaluate.
type linkSpec struct {
	near, far *techRow
	lane      laneSpec
	lanes     int
	length    Length
	awg       int
	fiber     *fiberRow
	fec       fecMode // the link's codes; fecAuto is resolved before evaluation
	probe     bool    // auto's probe: fec_auto_margin_db off the electrical budgets
	sig       uint8   // copper signalling: a row of sigTable, or sigAuto
}

func (s *linkSpec) port() BitRate { return BitRate(s.lanes) * s.lane.Rate }

// key returns what identifies the link within its lane rate.
func (s *linkSpec) key() linkKey {
	return linkKey{length: s.length, lanes: s.lanes, awg: s.awg, near: s.near, far: s.far, fiber: s.fiber, gbps: s.lane.Rate.Gbps(), fec: s.fec, probe: s.probe, sig: s.sig}
}

// linkKey identifies a link of a plan: its lane rate and the rest.
type linkKey struct {
	length    Length
	lanes     int
	awg       int
	near, far *techRow
	fiber     *fiberRow
	gbps      float64 // the lane rate
	fec       fecMode
	probe     bool
	sig       uint8
}

// spec returns the link at a lane rate.
func (k linkKey) spec(lane laneSpec) linkSpec {
	return linkSpec{near: k.near, far: k.far, lane: lane, lanes: k.lanes, length: k.length, awg: k.awg, fiber: k.fiber, fec: k.fec, probe: k.probe, sig: k.sig}
}

// Reason says why a link does not work. Its text is part of the result
// JSON (the contract).
type Reason string

// Reasons.
const (
	ReasonCopperReach   Reason = "exceeds copper reach"
	ReasonOpticalReach  Reason = "exceeds optical reach"
	ReasonNoMultimode   Reason = "no multimode optics at this lane rate"
	ReasonLinearChannel Reason = "linear electrical channel exceeds the budget"
	ReasonHostChannel   Reason = "host channel exceeds the chip-to-module budget"
)

// EndResult is what one end of a link costs.
type EndResult struct {
	Tech        Tech
	HostClass   SerDesClass
	Energy      EnergyBreakdown
	DevicePower Power // the interconnect device (module, cable end, engine)
	HostPower   Power // the host SerDes lanes that drive it
	FIT         FIT
	Cost        USD
}

// LinkResult is the evaluation of one link.
type LinkResult struct {
	Tech     Tech
	FarTech  Tech
	Lane     BitRate
	Lanes    int
	Port     BitRate // per direction
	Length   Length
	AWG      int   // copper
	Fiber    Fiber // optics
	Nyquist  Frequency
	Feasible bool
	Reason   Reason  // why not, when not feasible
	MaxReach Length  // the longest link of this kind that works
	Budget   Decibel // the budget that limits the reach (electrical or optical)

	// ElectricalPath is the distance the signal travels as electricity
	// before it becomes light (optics, the near end) or, for copper, from
	// die to die; ElectricalLoss its loss at the Nyquist frequency.
	ElectricalPath Length
	ElectricalLoss Decibel
	// ChannelLoss is what the receiving SerDes equalises: the loss of the
	// longest stretch nothing regenerates (die to die for passive copper,
	// plug to plug for a retimed cable, both ends' paths and the optical
	// hop for linear optics, the near path for a DSP module), and
	// ChannelBudget what it may be. Their difference is the eye's margin;
	// the link works electrically while it is not negative.
	ChannelLoss   Decibel
	ChannelBudget Decibel
	Channel       StretchKind // which stretch limits
	ChannelEnd    LinkEnd     // and where it lies

	Near, Far EndResult
	Latency   LatencyBreakdown
	Fibers    int    // fibres per link (parallel single-mode or multimode)
	FiberLen  Length // fibre length per link, all fibres
	LinkFIT   FIT
	LinkCost  USD
	LinkPower Power // both ends, devices and host SerDes

	key   linkKey  // what the link is, within its lane
	fec   fecMode  // its codes, resolved
	sig   uint8    // its copper signalling, a row of sigTable
	paths *pathSet // the lane's path templates, shared
	cable Segment  // the twinax run (copper)
}

// WattsPerEnd returns the near end device's power (what datasheets quote).
func (r LinkResult) WattsPerEnd() Power { return r.Near.DevicePower }

// HostWattsPerEnd returns the host SerDes power at the near end.
func (r LinkResult) HostWattsPerEnd() Power { return r.Near.HostPower }

// PJPerBit returns the near end's whole energy per bit, device plus host.
func (r LinkResult) PJPerBit() EnergyPerBit { return r.Near.Energy.Total() }

// Mixed reports whether the two ends use different technologies.
func (r LinkResult) Mixed() bool { return r.FarTech != r.Tech }

// Stage returns the article's stage of the near end.
func (r LinkResult) Stage() Stage { return r.Tech.Stage() }

// pathSet holds the electrical paths of one lane rate: every link at that
// rate shares them. A traced run builds them afresh where they are used,
// so that the parameters they read count for the number using them.
type pathSet struct {
	lane  laneSpec
	paths [numPaths]Path
	// ends caches the ends evaluated so far: an end does not depend on
	// the link's length, so the links of a plan share them.
	ends  [maxEnds]endEntry
	nEnds int
	// alpha caches the twinax loss per metre at the lane's Nyquist
	// frequency, by gauge (0: not yet).
	alpha [4]Attenuation
}

// twinax returns the loss per metre of a gauge at the lane's Nyquist
// frequency, once per plan (afresh when traced).
func (ps *pathSet) twinax(p *paramSet, awg int) Attenuation {
	i := -1
	for j, g := range Gauges {
		if g == awg && j < len(ps.alpha) {
			i = j
		}
	}
	if p.tracing() || i < 0 {
		return twinaxLoss(p, awg, ps.lane.Nyquist()).Total()
	}
	if ps.alpha[i] == 0 {
		ps.alpha[i] = twinaxLoss(p, awg, ps.lane.Nyquist()).Total()
	}
	return ps.alpha[i]
}

const maxEnds = 24

type endEntry struct {
	row   *techRow
	fiber *fiberRow
	lanes int
	res   EndResult
}

// endInto evaluates one end of a link into dst, once per lane (afresh
// when traced).
func (ps *pathSet) endInto(p *paramSet, t *techRow, fiber *fiberRow, lanes int, port BitRate, scope int, dst *EndResult) {
	if p.tracing() {
		ps.freshEnd(p, t, fiber, lanes, port, scope, dst)
		return
	}
	if t.cable {
		fiber = nil
	}
	for i := 0; i < ps.nEnds; i++ {
		if e := &ps.ends[i]; e.row == t && e.fiber == fiber && e.lanes == lanes {
			*dst = e.res
			return
		}
	}
	if ps.nEnds == maxEnds {
		ps.freshEnd(p, t, fiber, lanes, port, scope, dst)
		return
	}
	e := &ps.ends[ps.nEnds]
	ps.nEnds++
	e.row, e.fiber, e.lanes = t, fiber, lanes
	ps.freshEnd(p, t, fiber, lanes, port, scope, &e.res)
	*dst = e.res
}

// freshEnd evaluates an end with its lane's standard codes, uncached,
// into dst.
//
//go:noinline
func (ps *pathSet) freshEnd(p *paramSet, t *techRow, fiber *fiberRow, lanes int, port BitRate, scope int, dst *EndResult) {
	*dst = endOf(p, t, fiber, ps.lane, lanes, port, scope)
	applyFEC(p, laneMode(ps.lane, t), dst, t, port, scope)
}

func newPathSet(p *paramSet, lane laneSpec) *pathSet {
	ps := &pathSet{lane: lane}
	for k := pathKind(0); k < numPaths; k++ {
		buildPath(p, k, lane, &ps.paths[k])
	}
	return ps
}

// get returns path k (a fresh one when tracing).
func (ps *pathSet) get(p *paramSet, k pathKind) *Path {
	if p.tracing() {
		var fresh Path
		buildPath(p, k, ps.lane, &fresh)
		return &fresh
	}
	return &ps.paths[k]
}

// endPath returns the electrical path of an optical end: from the ASIC die
// to where the signal becomes light.
func (ps *pathSet) endPath(p *paramSet, t *techRow) *Path { return ps.get(p, t.hostPath) }

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

// fFEC is the time to gather a port's FEC codewords:
const fFEC = "t = n_cw × bits_cw / R_line, n_cw = max(1, ceil(R_port / 200 Gb/s))"

// fecAccumulation returns the time to receive the FEC codewords a port
// interleaves before it can decode:
//
//	t = n_cw × bits_cw / R_line,  n_cw = max(1, ceil(R_port / 200 Gb/s))
//
// RS(544,514) is 5,440 bits: 51.2 ns on one 100G lane (106.25 Gb/s line
// rate); 800G interleaves 4 codewords over 850 Gb/s, 25.6 ns.
func fecAccumulation(lane laneSpec, lanes int) Time {
	port := BitRate(lanes) * lane.Rate
	n := math.Max(1, math.Ceil(float64(port/(200*Gbps))-1e-9))
	line := float64(lane.LineRate()) * float64(lanes)
	return Time(n * float64(lane.CodewordBits) / line)
}

// Formulas of an end.
const (
	fHostSerDes = "E_SerDes = E_class,100G × s^log2(R_lane / 100 Gb/s), s = cmos_scale"
	fDevice     = "P_end = Σ E_device parts × R_port"
	fHost       = "P_host = E_SerDes × R_port"
	fEndPJ      = "E_b = (P_end + P_host) / R_port"
	fEndFIT     = "λ_end = Σ parts n_part × λ_part (an engine's part by the end's share of its capacity)"
	fEndCost    = "C_end = price per Gb/s × R_port"
)

// endOf evaluates one end of a link: its energy by part, its device's and
// its host SerDes' power, its failure rate and its cost. scope is
// scopeNear or scopeFar.
func endOf(p *paramSet, t *techRow, fiber *fiberRow, lane laneSpec, lanes int, port BitRate, scope int) EndResult {
	m := p.open(scope)
	defer p.close(m)
	e := EndResult{Tech: t.tech, HostClass: t.host}
	p.at(&endEnergy[EnergyHostSerDes])
	p.formula(fHostSerDes)
	e.Energy[EnergyHostSerDes] = lane.electronics(p, p.energyPerBit(serdesEnergy[t.host]))
	if r := lane.sigRow(); r != nil && r.factor != noParam && t.cable {
		p.in(catalogue[r.factor].ID, p.raw(r.factor), "")
		e.Energy[EnergyHostSerDes] *= EnergyPerBit(p.ratio(r.factor))
	}
	for _, term := range t.energy {
		p.at(&endEnergy[term.part])
		if term.scale == perLaser {
			e.Energy[term.part] += laserEnergy(p, term.laser.on(fiber), fiber, lane, lanes, port)
			continue
		}
		e.Energy[term.part] += term.energy(p, lane, port)
	}
	p.at(&efWatts)
	e.DevicePower = e.Energy.Device().Over(port)
	if p.tracing() {
		p.formula(fDevice)
		for _, term := range t.energy {
			p.dep(EnergyKeys[term.part], e.Energy[term.part].PJ(), "pJ/bit", -1, &endEnergy[term.part])
		}
		p.in("R_port", port.Gbps(), "Gb/s")
	}
	p.at(&efHostWatts)
	e.HostPower = e.Energy[EnergyHostSerDes].Over(port)
	p.formula(fHost)
	p.dep("E_SerDes", e.Energy[EnergyHostSerDes].PJ(), "pJ/bit", -1, &endEnergy[EnergyHostSerDes])
	p.in("R_port", port.Gbps(), "Gb/s")
	p.at(&efPJ)
	p.formula(fEndPJ)
	p.dep("P_end", e.DevicePower.Watts(), "W", -1, &efWatts)
	p.dep("P_host", e.HostPower.Watts(), "W", -1, &efHostWatts)
	p.in("R_port", port.Gbps(), "Gb/s")
	p.at(&efFIT)
	p.formula(fEndFIT)
	for _, ft := range t.fit {
		e.FIT += ft.rate(p, t, lanes, port)
	}
	p.at(&efCost)
	p.formula(fEndCost)
	e.Cost = USD(p.raw(t.cost) * port.Gbps())
	p.in("price", p.raw(t.cost), "USD/(Gb/s)")
	p.in("R_port", port.Gbps(), "Gb/s")
	return e
}

// energy returns the term's energy per bit at the lane rate: catalogue
// energies at 100 Gb/s per lane carried by cmos_scale per doubling, or a
// fixed power per end spread over the port (lasers: laserEnergy).
func (term energyTerm) energy(p *paramSet, lane laneSpec, port BitRate) EnergyPerBit {
	switch term.scale {
	case perPort:
		p.formula("E = P_fixed / R_port")
		p.in("P_fixed", p.raw(term.param), "W")
		p.in("R_port", port.Gbps(), "Gb/s")
		return p.power(term.param).PerBit(port)
	}
	p.formula("E = E_100G × s^log2(R_lane / 100 Gb/s), s = cmos_scale")
	return lane.electronics(p, p.energyPerBit(term.param))
}

// rate returns the failure rate of the term's parts at one end. An
// optical engine serves several ports: one end carries its share,
// R_port / cpo_engine_gbps, as the bill of materials counts engines.
func (ft fitTerm) rate(p *paramSet, t *techRow, lanes int, port BitRate) FIT {
	switch ft.count {
	case onePerEnd:
		if t.count == countEngines {
			share := float64(port) / p.si(pCPOEngineGbps)
			if p.tracing() {
				p.in("R_port / cpo_engine_gbps", share, "")
			}
			p.in(catalogue[ft.param].ID, p.raw(ft.param), "FIT")
			return FIT(share) * p.fit(ft.param)
		}
	case perLane:
		p.in("n_lanes", float64(lanes), "")
		p.in(catalogue[ft.param].ID, p.raw(ft.param), "FIT")
		return FIT(lanes) * p.fit(ft.param)
	case perLaserOf:
		n := math.Ceil(float64(lanes) / p.ratio(ft.group))
		if p.tracing() {
			p.in("n_lasers = ceil(n_lanes / "+catalogue[ft.group].ID+")", n, "")
		}
		p.in(catalogue[ft.param].ID, p.raw(ft.param), "FIT")
		return FIT(n) * p.fit(ft.param)
	case perSourceOf:
		// The end's share of the modules that hold its lasers.
		share := float64(lanes) / p.ratio(ft.group) / p.ratio(pELSLasers)
		if p.tracing() {
			p.in("n_lanes / "+catalogue[ft.group].ID+" / els_lasers", share, "")
		}
		p.in(catalogue[ft.param].ID, p.raw(ft.param), "FIT")
		return FIT(share) * p.fit(ft.param)
	}
	p.in(catalogue[ft.param].ID, p.raw(ft.param), "FIT")
	return p.fit(ft.param)
}

// Formulas of a link.
const (
	fCopperPath  = "ℓ = Σ segments, die to die (host, cable, host)"
	fOpticalPath = "ℓ = Σ segments from the ASIC die to where the signal becomes light"
	fPathLoss    = "L = Σ segment losses at f_N"
	fLinkPower   = "P_link = (P_end + P_host) near + (P_end + P_host) far"
	fLinkFIT     = "λ_link = λ_near + λ_far"
	fLinkCost    = "C_link = C_near + C_far"
	fLatency     = "t = t_flight + t_SerDes + t_FEC,accumulate + t_FEC,decode + t_inner FEC + t_DSP + t_retimer"
	fFlightCable = "t_flight = Σ traces ℓ·√D_k/c + cable L·√ε_r/c"
	fFlightFiber = "t_flight = Σ traces ℓ·√D_k/c (both ends) + fibre L·n_g/c"
	fFeasible    = "L ≤ L_max (and the unretimed channel within its budget)"
	fFibers      = "2 × ceil(lanes / λ per fibre): a fibre per lane each way for parallel optics (DR, SR), one per four wavelengths for WDM (FR, LR); 0 for copper"
	fOpticalMax  = "L_max = B_f / α_fibre; 0 when the unretimed electrical channel exceeds B or the fibre's optics cannot carry the lane"
)

// oneWay counts the latency terms a signal crosses from tx to rx (to pick
// the slower direction; the catalogue gives their values).
func oneWay(tx, rx *techRow) int {
	n := len(tx.latency)
	for _, lt := range rx.latency {
		if !lt.txOnly {
			n++
		}
	}
	return n
}

// evalLink evaluates a validated link with its lane's paths. It allocates
// nothing (but when traced).
func evalLink(p *paramSet, s linkSpec, ps *pathSet) LinkResult {
	var r LinkResult
	evalLinkInto(p, &s, ps, &r)
	return r
}

// evalLinkInto is evalLink writing into r.
func evalLinkInto(p *paramSet, s *linkSpec, ps *pathSet, r *LinkResult) {
	port := s.port()
	*r = LinkResult{
		Tech: s.near.tech, FarTech: s.far.tech, Lane: s.lane.Rate, Lanes: s.lanes, Port: port,
		Length: s.length, Nyquist: s.lane.Nyquist(), key: s.key(), paths: ps, fec: s.mode(), sig: s.lane.sig,
	}
	// The ends with their codes: the lane's standard ones come cached
	// with the end; any other is put on a fresh end.
	if m := s.mode(); m == s.standard() && !p.tracing() {
		ps.endInto(p, s.near, s.fiber, s.lanes, port, scopeNear, &r.Near)
		ps.endInto(p, s.far, s.fiber, s.lanes, port, scopeFar, &r.Far)
	} else {
		r.Near = endOf(p, s.near, s.fiber, s.lane, s.lanes, port, scopeNear)
		r.Far = endOf(p, s.far, s.fiber, s.lane, s.lanes, port, scopeFar)
		applyFEC(p, m, &r.Near, s.near, port, scopeNear)
		applyFEC(p, m, &r.Far, s.far, port, scopeFar)
	}
	m := p.open(scopeLink)
	defer p.close(m)
	p.at(&lfNyquist)
	p.formula("f_N = baud / 2")
	p.in("baud", s.lane.Baud.GHz(), "GBd")
	if s.lane.baudID != noParam {
		p.raw(s.lane.baudID)
	}
	p.at(&linkLatency[LatencySerDes])
	p.formula("2 × t_SerDes: the transmitting and the receiving SerDes")
	p.in("t_SerDes", p.raw(pSerdesNS), "ns")
	r.Latency[LatencySerDes] = 2 * p.time(pSerdesNS)
	p.at(&linkLatency[LatencyFECAccumulate])
	p.formula(fFEC)
	r.Latency[LatencyFECAccumulate] = fecAccumulation(s.lane, s.lanes)
	if s.mode() == fecNone {
		p.formula("0: a FEC-free link waits for no codeword")
		r.Latency[LatencyFECAccumulate] = 0
	} else if p.tracing() {
		p.in("n_cw", math.Max(1, math.Ceil(float64(port/(200*Gbps))-1e-9)), "")
		p.in("bits_cw", float64(s.lane.CodewordBits), "")
		p.in("R_line", (s.lane.LineRate() * BitRate(s.lanes)).Gbps(), "Gb/s")
	}
	p.at(&linkLatency[LatencyFECDecode])
	p.formula("t_decode: catalogue fec_decode_ns (0 on a FEC-free link)")
	if s.mode() != fecNone {
		r.Latency[LatencyFECDecode] = p.time(pFECDecodeNS)
	}
	p.at(&linkLatency[LatencyInnerFEC])
	p.formula("t_inner: catalogue inner_fec_ns on an optical link with an inner code (IEEE 802.3dj's, standard at 200 Gb/s per lane and faster); 0 without one")
	if s.mode() == fecInner {
		p.in("inner_fec_ns", p.raw(pInnerFECNS), "ns")
		r.Latency[LatencyInnerFEC] = p.time(pInnerFECNS)
	}
	// Ends' own delays, on the slower direction: a signal crosses its
	// transmitter's parts and its receiver's, but a transmit-only part
	// (a half-retimed module's DSP) only when it transmits.
	slow := 0
	if oneWay(s.far, s.near) > oneWay(s.near, s.far) {
		slow = 1
	}
	for i, t := range [2]*techRow{s.near, s.far} {
		for _, lt := range t.latency {
			if lt.txOnly && i != slow {
				continue
			}
			p.at(&linkLatency[lt.part])
			if p.tracing() {
				p.formula("Σ the ends' " + LatencyKeys[lt.part] + " delays on the slower direction, one crossing each")
			}
			p.in(catalogue[lt.param].ID, p.raw(lt.param), "ns")
			r.Latency[lt.part] += p.time(lt.param)
		}
	}
	if s.near.cable {
		evalCable(p, s, ps, r)
	} else {
		evalOptics(p, s, ps, r)
	}
	p.at(&lfLinkWatts)
	p.formula(fLinkPower)
	p.dep("P_end near", r.Near.DevicePower.Watts(), "W", scopeNear, &efWatts)
	p.dep("P_host near", r.Near.HostPower.Watts(), "W", scopeNear, &efHostWatts)
	p.dep("P_end far", r.Far.DevicePower.Watts(), "W", scopeFar, &efWatts)
	p.dep("P_host far", r.Far.HostPower.Watts(), "W", scopeFar, &efHostWatts)
	r.LinkPower = r.Near.DevicePower + r.Near.HostPower + r.Far.DevicePower + r.Far.HostPower
	p.at(&lfLinkFIT)
	p.formula(fLinkFIT)
	p.dep("λ_near", float64(r.Near.FIT), "FIT", scopeNear, &efFIT)
	p.dep("λ_far", float64(r.Far.FIT), "FIT", scopeFar, &efFIT)
	r.LinkFIT = r.Near.FIT + r.Far.FIT
	p.at(&lfUSD)
	p.formula(fLinkCost)
	p.dep("C_near", float64(r.Near.Cost), "USD", scopeNear, &efCost)
	p.dep("C_far", float64(r.Far.Cost), "USD", scopeFar, &efCost)
	r.LinkCost = r.Near.Cost + r.Far.Cost
	if p.tracing() {
		traceSums(p, s, r)
	}
}

// evalCable fills a copper link: reach, the whole channel die to die, its
// stretches and its flight time.
func evalCable(p *paramSet, s *linkSpec, ps *pathSet, r *LinkResult) {
	r.AWG = s.awg
	p.at(&lfMaxReach)
	r.MaxReach, r.Budget = copperReach(p, s, ps)
	if p.tracing() {
		p.at(&lfBudget)
		copperReach(p, s, ps)
		p.formula("B + G: the die-to-die budget of the lane rate, with the ends' equalisation (B_C2M when an active cable's host stretch is over it)")
	}
	h, pl := ps.get(p, s.near.hostPath), ps.get(p, s.near.plugPath)
	var rt *Path
	if s.near.retimed {
		rt = ps.get(p, pathRetimer)
	}
	r.cable = cableSegmentAt(p, ps.twinax(p, s.awg), s.length)
	p.at(&lfElectricalPath)
	r.ElectricalPath = 2*h.Length() + 2*pl.Length() + r.cable.Length // a bump has no length
	p.at(&lfElectricalLoss)
	r.ElectricalLoss = 2*h.Loss() + 2*pl.Loss() + r.cable.Loss
	if rt != nil {
		r.ElectricalLoss += 2 * rt.Loss()
	}
	p.at(&linkLatency[LatencyFlight])
	p.formula(fFlightCable)
	if p.tracing() {
		h, pl, r.cable = ps.get(p, s.near.hostPath), ps.get(p, s.near.plugPath), cableSegment(p, s.lane, s.awg, s.length)
		p.in("host paths", (2 * h.Delay()).Nanoseconds(), "ns")
		p.in("plugs", (2 * pl.Delay()).Nanoseconds(), "ns")
		p.in("cable", r.cable.Delay.Nanoseconds(), "ns")
	}
	r.Latency[LatencyFlight] = 2*h.Delay() + 2*pl.Delay() + r.cable.Delay
	checkStretches(p, s, ps, r, r.cable.Loss)
	p.at(&lfFeasible)
	p.formula(fFeasible)
	p.in("L", s.length.Metres(), "m")
	p.dep("L_max", r.MaxReach.Metres(), "m", -1, &lfMaxReach)
	r.Feasible = s.length <= r.MaxReach*(1+1e-12) && r.MaxReach > 0
	if !r.Feasible {
		r.Reason = ReasonCopperReach
		if r.Channel == StretchHost {
			r.Reason = ReasonHostChannel
		}
	}
}

// checkStretches finds the link's stretch of least margin: the channel
// the eye diagram shows.
func checkStretches(p *paramSet, s *linkSpec, ps *pathSet, r *LinkResult, cable Decibel) {
	var st [maxStretches]stretch
	fields := [...]*Field{&lfChannelLoss, &lfChannelBudget, &lfChannel}
	n := 1
	if p.tracing() {
		n = len(fields)
	}
	var w stretch
	for k := 0; k < n; k++ {
		p.at(fields[k])
		p.formula(fStretches)
		w = worstStretch(&st, linkStretches(p, s, ps, cable, &st))
	}
	r.ChannelLoss, r.ChannelBudget, r.Channel, r.ChannelEnd = w.loss, w.budget, w.kind, w.end
	p.at(&lfMargin)
	p.formula("margin = budget − loss of the limiting stretch")
	p.dep("budget", float64(w.budget), "dB", -1, &lfChannelBudget)
	p.dep("loss", float64(w.loss), "dB", -1, &lfChannelLoss)
}

// Margin returns the eye's margin: what the channel budget leaves over the
// loss of the limiting unregenerated stretch (negative: it does not work).
func (r LinkResult) Margin() Decibel { return r.ChannelBudget - r.ChannelLoss }

// evalOptics fills an optical link: the near end's electrical path, the
// optical budget and reach, the unregenerated stretches, the fibres.
func evalOptics(p *paramSet, s *linkSpec, ps *pathSet, r *LinkResult) {
	r.Fiber = s.fiber.fiber
	p.at(&lfElectricalPath)
	r.ElectricalPath = ps.endPath(p, s.near).Length()
	p.at(&lfElectricalLoss)
	r.ElectricalLoss = ps.endPath(p, s.near).Loss()
	p.at(&linkLatency[LatencyFlight])
	p.formula(fFlightFiber)
	np, fp := ps.endPath(p, s.near), ps.endPath(p, s.far)
	p.in("near path", np.Delay().Nanoseconds(), "ns")
	p.in("far path", fp.Delay().Nanoseconds(), "ns")
	p.in("L", s.length.Metres(), "m")
	p.in("n_g", p.raw(s.fiber.groupIndex), "1")
	r.Latency[LatencyFlight] = np.Delay() + fp.Delay() + FiberFlightTime(s.length, p.ratio(s.fiber.groupIndex))
	p.at(&lfFibers)
	p.formula(fFibers)
	p.in("lanes", float64(s.lanes), "")
	p.in("λ per fibre", float64(s.fiber.lambdas), "")
	r.Fibers = s.fiber.fibers(s.lanes)
	r.FiberLen = Length(r.Fibers) * s.length
	checkStretches(p, s, ps, r, 0)
	// The reach is zero, and the link fails, when the fibre's optics
	// cannot carry the lane or a stretch is over its budget.
	over := r.Margin() < 0
	p.at(&lfMaxReach)
	p.formula(fOpticalMax)
	carries := s.fiber.carries(p, s.lane)
	extra := fecOptical(p, s)
	r.MaxReach = opticalReach(p, s.fiber, extra)
	if p.tracing() {
		p.in("B_f", float64(opticalBudget(p, s.fiber)), "dB")
		if extra != 0 {
			p.in("ΔB_FEC", float64(extra), "dB")
		}
		p.in("α_fibre", p.raw(s.fiber.attenuation), "dB/km")
		p.dep("margin", float64(r.Margin()), "dB", -1, &lfMargin)
	}
	if !carries || over {
		r.MaxReach = 0
	}
	p.at(&lfBudget)
	p.formula("B_f = Σ optical budget terms (DR: P_tx,min − S_rx − A_conn; SR: IL_channel,max − A_conn), or the limiting stretch's budget when it is over")
	r.Budget = opticalBudget(p, s.fiber) + extra
	if over {
		p.dep("limiting stretch budget", float64(r.ChannelBudget), "dB", -1, &lfChannelBudget)
		r.Budget = r.ChannelBudget
	}
	p.at(&lfFeasible)
	p.formula(fFeasible)
	p.in("L", s.length.Metres(), "m")
	p.dep("L_max", r.MaxReach.Metres(), "m", -1, &lfMaxReach)
	if p.tracing() {
		s.fiber.carries(p, s.lane)
		p.dep("margin", float64(r.Margin()), "dB", -1, &lfMargin)
	}
	switch {
	case !carries:
		r.Reason = ReasonNoMultimode
	case over && r.Channel == StretchHost:
		r.Reason = ReasonHostChannel
	case over:
		r.Reason = ReasonLinearChannel
	case s.length > r.MaxReach*(1+1e-12):
		r.Reason = ReasonOpticalReach
	default:
		r.Feasible = true
	}
}

// traceSums records the numbers that are sums of others computed above:
// the latency and the electrical path and its loss, segment by segment.
func traceSums(p *paramSet, s *linkSpec, r *LinkResult) {
	p.at(&lfLatency)
	p.formula(fLatency)
	for part := LatencyPart(0); part < NumLatencyParts; part++ {
		p.dep(LatencyKeys[part], r.Latency[part].Nanoseconds(), "ns", -1, &linkLatency[part])
	}
	p.at(&lfFlightNS)
	p.formula("t_flight, as breakdown.latency_ns.flight")
	p.dep("t_flight", r.Latency[LatencyFlight].Nanoseconds(), "ns", -1, &linkLatency[LatencyFlight])
	if s.near != s.far {
		// The far end's own path, as far_end shows it.
		m := p.open(scopeFar)
		for _, f := range [2]*Field{&efPathMM, &efPathLoss} {
			p.at(f)
			p.formula(fOpticalPath)
			path := linkPath(p, s, true)
			for i := 0; i < path.n; i++ {
				if f == &efPathLoss {
					p.formula(fPathLoss)
					p.dep(path.seg[i].Name, float64(path.seg[i].Loss), "dB", scopeFarSeg+i, &segLoss)
				} else {
					p.dep(path.seg[i].Name, path.seg[i].Length.Millimetres(), "mm", scopeFarSeg+i, &segLength)
				}
			}
		}
		p.close(m)
	}
	path := linkPath(p, s, false)
	for _, f := range [2]*Field{&lfElectricalPath, &lfElectricalLoss} {
		p.at(f)
		sum := fCopperPath
		if f == &lfElectricalLoss {
			sum = fPathLoss
		} else if !s.near.cable {
			sum = fOpticalPath
		}
		p.formula(sum)
		for i := 0; i < path.n; i++ {
			if f == &lfElectricalLoss {
				p.dep(path.seg[i].Name, float64(path.seg[i].Loss), "dB", scopeSegment+i, &segLoss)
			} else {
				p.dep(path.seg[i].Name, path.seg[i].Length.Millimetres(), "mm", scopeSegment+i, &segLength)
			}
		}
	}
}

// linkPath builds the link's electrical path segment by segment: the whole
// channel for copper (host, plug, cable, plug, host), the near end's for
// optics. Segment i is scope scopeSegment+i.
func linkPath(p *paramSet, s *linkSpec, far bool) Path {
	var out Path
	if far {
		out.scope = scopeFarSeg
		buildPath(p, s.far.hostPath, s.lane, &out)
		return out
	}
	out.scope = scopeSegment
	buildPath(p, s.near.hostPath, s.lane, &out)
	if s.near.cable {
		if s.near.retimed {
			buildPath(p, pathRetimer, s.lane, &out)
		}
		buildPath(p, s.near.plugPath, s.lane, &out)
		cableInto(p, s.lane, s.awg, s.length, &out)
		buildPath(p, s.near.plugPath, s.lane, &out)
		if s.near.retimed {
			buildPath(p, pathRetimer, s.lane, &out)
		}
		buildPath(p, s.near.hostPath, s.lane, &out)
	}
	return out
}

// Path returns the link's electrical path, segment by segment: the whole
// channel for copper (host, cable, host), the near end's for optics.
func (r *LinkResult) Path() Path {
	var out Path
	if r.paths == nil {
		return out
	}
	s := r.key
	host := &r.paths.paths[s.near.hostPath]
	out.addPath(host)
	if s.near.cable {
		plug, rt := &r.paths.paths[s.near.plugPath], &r.paths.paths[pathRetimer]
		if s.near.retimed {
			out.addPath(rt)
		}
		out.addPath(plug)
		out.addSegment(r.cable)
		out.addPath(plug)
		if s.near.retimed {
			out.addPath(rt)
		}
		out.addPath(host)
	}
	return out
}

// FarPath returns the far end's electrical path (optics).
func (r *LinkResult) FarPath() Path {
	if r.paths == nil || r.key.far == nil || r.key.far.cable {
		return Path{}
	}
	return r.paths.paths[r.key.far.hostPath]
}

// EvaluateLink evaluates one link: its reach, electrical path, energy,
// latency, failure rate and cost. Invalid input gives an *InputError.
func EvaluateLink(l Link) (LinkResult, error) {
	p, err := resolveParams(l.Params)
	if err != nil {
		return LinkResult{}, err
	}
	s, err := checkLink(&p, l, "")
	if err != nil {
		return LinkResult{}, err
	}
	base := s.lane
	eval := func(t linkSpec) *LinkResult {
		if t.sig != 0 {
			t.lane = base.signalled(t.sig)
		}
		ps := newPathSet(&p, t.lane)
		if t.fec == fecAuto {
			t = chooseFEC(&p, t, func(u linkSpec) *LinkResult { r := evalLink(&p, u, ps); return &r })
		}
		r := evalLink(&p, t, ps)
		return &r
	}
	if s.sig == sigAuto {
		s = chooseSig(&p, s, eval)
	}
	return *eval(s), nil
}

// checkLink validates a link and turns it into a spec. prefix is put before
// field names in errors.
func checkLink(p *paramSet, l Link, prefix string) (linkSpec, error) {
	var s linkSpec
	if s.near = l.Tech.row(); s.near == nil {
		return s, &InputError{Field: prefix + "tech", Value: quote(string(l.Tech)), Allowed: allowedTechs(Techs), Reason: label.Get("err.unknown_tech")}
	}
	far := l.FarTech
	if far == "" {
		far = l.Tech
	}
	if s.far = far.row(); s.far == nil {
		return s, &InputError{Field: prefix + "far_tech", Value: quote(string(l.FarTech)), Allowed: allowedTechs(Techs), Reason: label.Get("err.unknown_tech")}
	}
	if s.near.cable && s.far != s.near {
		return s, &InputError{Field: prefix + "far_tech", Value: quote(string(l.FarTech)), Allowed: label.Format("err.cable_allowed", "tech", string(l.Tech)), Reason: label.Format("err.cable_reason", "tech", string(l.Tech))}
	}
	if !s.near.cable && s.far.cable {
		return s, &InputError{Field: prefix + "far_tech", Value: quote(string(l.FarTech)), Allowed: allowedTechs(TechsWhere(Tech.Optical)), Reason: label.Get("err.optical_end")}
	}
	lane, ok := lookupLane(p, l.LaneGbps)
	if !ok {
		return s, &InputError{Field: prefix + "lane_gbps", Value: format.Input(l.LaneGbps), Allowed: allowedLanes(), Reason: label.Get("err.unknown_lane")}
	}
	s.lane = lane
	if l.Lanes < 1 || l.Lanes > maxLinkLanes {
		return s, &InputError{Field: prefix + "lanes", Value: format.Input(float64(l.Lanes)), Allowed: label.Format("err.range", "low", "1", "high", format.Input(maxLinkLanes)), Reason: label.Get("err.out_of_range")}
	}
	s.lanes = l.Lanes
	if err := checkRange(prefix+"length_m", l.LengthM, 0, maxLengthM, "m"); err != nil {
		return s, err
	}
	s.length = Length(l.LengthM) * Metre
	var err error
	if s.awg, err = checkAWG(prefix+"awg", l.AWG); err != nil {
		return s, err
	}
	if s.fiber, err = checkFiber(prefix+"fiber", l.Fiber); err != nil {
		return s, err
	}
	if s.fec, err = checkFEC(prefix+"fec", l.FEC, s.near); err != nil {
		return s, err
	}
	if s.sig, err = checkSignalling(prefix+"signalling", l.Signalling, s.near); err != nil {
		return s, err
	}
	return s, nil
}
