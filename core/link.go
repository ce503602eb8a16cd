package core

import (
	"math"

	"github.com/cpocalc/cpocalc/core/format"
	"github.com/cpocalc/cpocalc/core/label"
)

// Link describes one point-to-point link (the JSON contract of EvaluateLink).
type Link struct {
	_        noCompare
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
	_           noCompare
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
	_        noCompare
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
		r.Near = endOf(p, s.near, s.fiber, s.lane, s.lanes, port, m, scopeNear)
		r.Far = endOf(p, s.far, s.fiber, s.lane, s.lanes, port, m, scopeFar)
	}
	m := p.open(scopeLink)
	defer p.close(m)
	p.computes(&lfNyquist, "f_N = baud / 2")
	p.in("baud", s.lane.Baud.GHz(), "GBd")
	if s.lane.baudID != noParam {
		p.raw(s.lane.baudID)
	}
	p.computes(&linkLatency[LatencySerDes], "2 × t_SerDes: the transmitting and the receiving SerDes")
	p.in("t_SerDes", p.raw(pSerdesNS), "ns")
	r.Latency[LatencySerDes] = 2 * p.time(pSerdesNS)
	p.computes(&linkLatency[LatencyFECAccumulate], fFEC)
	r.Latency[LatencyFECAccumulate] = fecAccumulation(s.lane, s.lanes)
	if s.mode() == fecNone {
		p.formula("0: a FEC-free link waits for no codeword")
		r.Latency[LatencyFECAccumulate] = 0
	} else if p.tracing() {
		p.in("n_cw", math.Max(1, math.Ceil(float64(port/(200*Gbps))-1e-9)), "")
		p.in("bits_cw", float64(s.lane.CodewordBits), "")
		p.in("R_line", (s.lane.LineRate() * BitRate(s.lanes)).Gbps(), "Gb/s")
	}
	p.computes(&linkLatency[LatencyFECDecode], "t_decode: catalogue fec_decode_ns (0 on a FEC-free link)")
	if s.mode() != fecNone {
		r.Latency[LatencyFECDecode] = p.time(pFECDecodeNS)
	}
	p.computes(&linkLatency[LatencyInnerFEC], "t_inner: catalogue inner_fec_ns on an optical link with an inner code (IEEE 802.3dj's, standard at 200 Gb/s per lane and faster); 0 without one")
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
	p.computes(&lfLinkWatts, fLinkPower)
	p.dep("P_end near", r.Near.DevicePower.Watts(), "W", scopeNear, &efWatts)
	p.dep("P_host near", r.Near.HostPower.Watts(), "W", scopeNear, &efHostWatts)
	p.dep("P_end far", r.Far.DevicePower.Watts(), "W", scopeFar, &efWatts)
	p.dep("P_host far", r.Far.HostPower.Watts(), "W", scopeFar, &efHostWatts)
	r.LinkPower = r.Near.DevicePower + r.Near.HostPower + r.Far.DevicePower + r.Far.HostPower
	p.computes(&lfLinkFIT, fLinkFIT)
	p.dep("λ_near", float64(r.Near.FIT), "FIT", scopeNear, &efFIT)
	p.dep("λ_far", float64(r.Far.FIT), "FIT", scopeFar, &efFIT)
	r.LinkFIT = r.Near.FIT + r.Far.FIT
	p.computes(&lfUSD, fLinkCost)
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
	p.computes(&linkLatency[LatencyFlight], fFlightCable)
	if p.tracing() {
		h, pl, r.cable = ps.get(p, s.near.hostPath), ps.get(p, s.near.plugPath), cableSegment(p, s.lane, s.awg, s.length)
		p.in("host paths", (2 * h.Delay()).Nanoseconds(), "ns")
		p.in("plugs", (2 * pl.Delay()).Nanoseconds(), "ns")
		p.in("cable", r.cable.Delay.Nanoseconds(), "ns")
	}
	r.Latency[LatencyFlight] = 2*h.Delay() + 2*pl.Delay() + r.cable.Delay
	checkStretches(p, s, ps, r, r.cable.Loss)
	p.computes(&lfFeasible, fFeasible)
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
		p.computes(fields[k], fStretches)
		w = worstStretch(&st, linkStretches(p, s, ps, cable, &st))
	}
	r.ChannelLoss, r.ChannelBudget, r.Channel, r.ChannelEnd = w.loss, w.budget, w.kind, w.end
	p.computes(&lfMargin, "margin = budget − loss of the limiting stretch")
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
	p.computes(&linkLatency[LatencyFlight], fFlightFiber)
	np, fp := ps.endPath(p, s.near), ps.endPath(p, s.far)
	p.in("near path", np.Delay().Nanoseconds(), "ns")
	p.in("far path", fp.Delay().Nanoseconds(), "ns")
	p.in("L", s.length.Metres(), "m")
	p.in("n_g", p.raw(s.fiber.groupIndex), "1")
	r.Latency[LatencyFlight] = np.Delay() + fp.Delay() + FiberFlightTime(s.length, p.ratio(s.fiber.groupIndex))
	p.computes(&lfFibers, fFibers)
	p.in("lanes", float64(s.lanes), "")
	p.in("λ per fibre", float64(s.fiber.lambdas), "")
	r.Fibers = s.fiber.fibers(s.lanes)
	r.FiberLen = Length(r.Fibers) * s.length
	checkStretches(p, s, ps, r, 0)
	// The reach is zero, and the link fails, when the fibre's optics
	// cannot carry the lane or a stretch is over its budget.
	over := r.Margin() < 0
	p.computes(&lfMaxReach, fOpticalMax)
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
	p.computes(&lfBudget, "B_f = Σ optical budget terms (DR: P_tx,min − S_rx − A_conn; SR: IL_channel,max − A_conn), or the limiting stretch's budget when it is over")
	r.Budget = opticalBudget(p, s.fiber) + extra
	if over {
		p.dep("limiting stretch budget", float64(r.ChannelBudget), "dB", -1, &lfChannelBudget)
		r.Budget = r.ChannelBudget
	}
	p.computes(&lfFeasible, fFeasible)
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
	p.computes(&lfLatency, fLatency)
	for part := LatencyPart(0); part < NumLatencyParts; part++ {
		p.dep(LatencyKeys[part], r.Latency[part].Nanoseconds(), "ns", -1, &linkLatency[part])
	}
	p.computes(&lfFlightNS, "t_flight, as breakdown.latency_ns.flight")
	p.dep("t_flight", r.Latency[LatencyFlight].Nanoseconds(), "ns", -1, &linkLatency[LatencyFlight])
	if s.near != s.far {
		// The far end's own path, as far_end shows it.
		m := p.open(scopeFar)
		for _, f := range [2]*Field{&efPathMM, &efPathLoss} {
			p.computes(f, fOpticalPath)
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
func EvaluateLink(l Link) (LinkResult, error) { return evaluateLink(nil, l) }

func evaluateLink(sh *Shared, l Link) (LinkResult, error) {
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
		ps := sh.pathSet(&p, t.lane)
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
		return s, refuse(prefix+"tech", quote(string(l.Tech)), label.Plain(allowedTechs(Techs)), "err.unknown_tech")
	}
	far := l.FarTech
	if far == "" {
		far = l.Tech
	}
	if s.far = far.row(); s.far == nil {
		return s, refuse(prefix+"far_tech", quote(string(l.FarTech)), label.Plain(allowedTechs(Techs)), "err.unknown_tech")
	}
	if s.near.cable && s.far != s.near {
		return s, inputError(prefix+"far_tech", label.Plain(quote(string(l.FarTech))), label.Msg("err.cable_allowed", "tech", string(l.Tech)), label.Msg("err.cable_reason", "tech", string(l.Tech)))
	}
	if !s.near.cable && s.far.cable {
		return s, refuse(prefix+"far_tech", quote(string(l.FarTech)), label.Plain(allowedTechs(TechsWhere(Tech.Optical))), "err.optical_end")
	}
	lane, ok := lookupLane(p, l.LaneGbps)
	if !ok {
		return s, refuse(prefix+"lane_gbps", format.English.Input(l.LaneGbps), label.Plain(allowedLanes()), "err.unknown_lane")
	}
	s.lane = lane
	if l.Lanes < 1 || l.Lanes > maxLinkLanes {
		return s, refuse(prefix+"lanes", format.English.Input(float64(l.Lanes)), label.Msg("err.range", "low", "1", "high", format.English.Input(maxLinkLanes)), "err.out_of_range")
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
