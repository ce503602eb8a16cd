package core

import (
	"math"

	"github.com/cpocalc/cpocalc/core/format"
)

// Tech names an interconnect technology.
type Tech string

// Technologies. Stages of the article: copper (dac, acc, aec), pluggable
// optics (dsp, lpo), co-packaged optics (cpo).
const (
	DAC  Tech = "dac"  // passive copper (direct-attach twinax)
	ACC  Tech = "acc"  // linear active copper (redriver)
	AEC  Tech = "aec"  // retimed active electrical cable
	DSP  Tech = "dsp"  // pluggable optical module with DSP
	LPO  Tech = "lpo"  // linear pluggable optics (no DSP)
	CPO  Tech = "cpo"  // co-packaged optics
	Auto Tech = "auto" // the lowest-power technology that reaches
)

// Techs lists the technologies, copper first.
var Techs = []Tech{DAC, ACC, AEC, DSP, LPO, CPO}

// Stage names one of the article's three stages.
type Stage string

// Stages.
const (
	StageCopper    Stage = "copper"
	StagePluggable Stage = "pluggable"
	StageCPO       Stage = "cpo"
)

// Stage returns the article's stage of a technology.
func (t Tech) Stage() Stage {
	switch t {
	case DAC, ACC, AEC:
		return StageCopper
	case DSP, LPO:
		return StagePluggable
	}
	return StageCPO
}

// Name returns a reader's name for the technology.
func (t Tech) Name() string {
	switch t {
	case DAC:
		return "passive copper (DAC)"
	case ACC:
		return "linear active copper (ACC)"
	case AEC:
		return "retimed active copper (AEC)"
	case DSP:
		return "pluggable optics with DSP"
	case LPO:
		return "linear pluggable optics (LPO)"
	case CPO:
		return "co-packaged optics (CPO)"
	case Auto:
		return "lowest-power technology that reaches"
	}
	return string(t)
}

func (t Tech) valid() bool {
	switch t {
	case DAC, ACC, AEC, DSP, LPO, CPO:
		return true
	}
	return false
}

// Copper reports whether the technology is an electrical cable.
func (t Tech) Copper() bool { return t == DAC || t == ACC || t == AEC }

// Optical reports whether the technology carries light.
func (t Tech) Optical() bool { return t == DSP || t == LPO || t == CPO }

// linear reports whether the end passes the signal between the host SerDes
// and the fibre without regenerating it.
func (t Tech) linear() bool { return t == LPO || t == CPO }

// SerDesClass names the class of host SerDes that drives an end.
type SerDesClass string

// SerDes classes (OIF CEI reach classes).
const (
	SerDesLR  SerDesClass = "long-reach"
	SerDesC2M SerDesClass = "chip-to-module"
	SerDesXSR SerDesClass = "extra-short-reach"
)

// hostClass returns the host SerDes class that drives an end: long-reach
// for passive and linear copper and for LPO (the host equalises the whole
// channel); chip-to-module for a DSP module or an AEC (a retimer sits at the
// cage); extra-short-reach for CPO (a few millimetres to the engine).
func hostClass(t Tech) SerDesClass {
	switch t {
	case DSP, AEC:
		return SerDesC2M
	case CPO:
		return SerDesXSR
	}
	return SerDesLR
}

func hostClassParam(c SerDesClass) paramID {
	switch c {
	case SerDesC2M:
		return pSerdesC2M
	case SerDesXSR:
		return pSerdesXSR
	}
	return pSerdesLR
}

// EnergyBreakdown is the energy per bit of one end, per direction, by
// component (the project's convention: E_b = P_end / R).
type EnergyBreakdown struct {
	HostSerDes EnergyPerBit // the host ASIC's SerDes lanes driving this end
	Fixed      EnergyPerBit // a fixed draw (a passive cable's EEPROM), per bit
	Redriver   EnergyPerBit // linear redriver of an active copper cable
	Retimer    EnergyPerBit // retimer of an active electrical cable
	DSP        EnergyPerBit // DSP of a pluggable module
	DriverTIA  EnergyPerBit // modulator driver and transimpedance amplifier (EIC in CPO)
	Modulator  EnergyPerBit // modulator tuning (CPO rings)
	Laser      EnergyPerBit // lasers (external laser source share in CPO)
	Overhead   EnergyPerBit // module controller and power conversion
}

// Device returns the energy of the interconnect device, without the host.
func (e EnergyBreakdown) Device() EnergyPerBit {
	return e.Fixed + e.Redriver + e.Retimer + e.DSP + e.DriverTIA + e.Modulator + e.Laser + e.Overhead
}

// Total returns the whole energy per bit at this end.
func (e EnergyBreakdown) Total() EnergyPerBit { return e.HostSerDes + e.Device() }

// endEnergy returns the energy breakdown of one end of a link of the given
// technology, lane and port rate. Component energies are catalogue values
// at 100 Gb/s per lane carried to this lane rate (laneSpec.electronics and
// laneSpec.laser).
func endEnergy(p *paramSet, t Tech, lane laneSpec, port BitRate) EnergyBreakdown {
	e := EnergyBreakdown{HostSerDes: lane.electronics(p, p.energyPerBit(hostClassParam(hostClass(t))))}
	switch t {
	case DAC:
		e.Fixed = p.power(pDACWatts).PerBit(port)
	case ACC:
		e.Redriver = lane.electronics(p, p.energyPerBit(pACCPJ))
	case AEC:
		e.Retimer = lane.electronics(p, p.energyPerBit(pAECPJ))
	case DSP:
		e.DSP = lane.electronics(p, p.energyPerBit(pDSPPJ))
		e.DriverTIA = lane.electronics(p, p.energyPerBit(pDriverTIAPJ))
		e.Laser = lane.laser(p, p.energyPerBit(pLaserPJ))
		e.Overhead = lane.electronics(p, p.energyPerBit(pModuleOverheadPJ))
	case LPO:
		e.DriverTIA = lane.electronics(p, p.energyPerBit(pLPODriverPJ))
		e.Laser = lane.laser(p, p.energyPerBit(pLaserPJ))
		e.Overhead = lane.electronics(p, p.energyPerBit(pModuleOverheadPJ))
	case CPO:
		e.DriverTIA = lane.electronics(p, p.energyPerBit(pCPOEICPJ))
		e.Modulator = lane.electronics(p, p.energyPerBit(pCPOModPJ))
		e.Laser = lane.laser(p, p.energyPerBit(pCPOLaserPJ))
	}
	return e
}

// endFIT returns the failure rate of one end device:
//
//	DSP module: n_lanes λ_laser + λ_DSP + λ_other
//	LPO module: n_lanes λ_laser + λ_other
//	CPO port:   λ_engine + ceil(n_lanes / lanes_per_laser) λ_CW
//	cables:     λ_end (+ λ_retimer for an AEC)
func endFIT(p *paramSet, t Tech, lanes int) FIT {
	switch t {
	case DAC:
		return p.fit(pDACFIT)
	case ACC:
		return p.fit(pACCFIT)
	case AEC:
		return p.fit(pAECFIT) + p.fit(pDSPFIT)
	case DSP:
		return FIT(lanes)*p.fit(pLaserFIT) + p.fit(pDSPFIT) + p.fit(pModuleOtherFIT)
	case LPO:
		return FIT(lanes)*p.fit(pLaserFIT) + p.fit(pModuleOtherFIT)
	case CPO:
		lasers := math.Ceil(float64(lanes) / p.ratio(pCPOLanesPerLaser))
		return p.fit(pCPOEngineFIT) + FIT(lasers)*p.fit(pCPOLaserFIT)
	}
	return 0
}

func costParam(t Tech) paramID {
	switch t {
	case ACC:
		return pCostACC
	case AEC:
		return pCostAEC
	case DSP:
		return pCostDSP
	case LPO:
		return pCostLPO
	case CPO:
		return pCostCPO
	}
	return pCostDAC
}

// endCost returns the cost of one end: price per Gb/s x port rate.
func endCost(p *paramSet, t Tech, port BitRate) USD {
	return USD(p.raw(costParam(t)) * port.Gbps())
}

// Link describes one point-to-point link (the JSON contract of EvaluateLink).
type Link struct {
	Tech     Tech               `json:"tech"`
	FarTech  Tech               `json:"far_tech,omitempty"` // the other end, if it differs (optics only)
	LaneGbps float64            `json:"lane_gbps"`
	Lanes    int                `json:"lanes"`
	LengthM  float64            `json:"length_m"`
	AWG      int                `json:"awg,omitempty"`   // copper only; default 26
	Fiber    Fiber              `json:"fiber,omitempty"` // optics only; default smf
	Params   map[string]float64 `json:"params,omitempty"`
}

// DefaultLink returns an 800G link (4 lanes of 200 Gb/s) of passive copper,
// 1 m of 26 AWG.
func DefaultLink() Link {
	return Link{Tech: DAC, LaneGbps: 200, Lanes: 4, LengthM: 1, AWG: defaultAWG}
}

// defaultAWG is the gauge of a copper cable when none is named: 26 AWG, the
// thickest of NVIDIA's LinkX cables, used for the longest passive reaches.
const defaultAWG = 26

// linkSpec is a validated link, ready to evaluate.
type linkSpec struct {
	near, far Tech
	lane      laneSpec
	lanes     int
	length    Length
	awg       int
	fiber     Fiber
}

func (s linkSpec) port() BitRate { return BitRate(s.lanes) * s.lane.Rate }

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

// LatencyBreakdown is the one-way latency of a link by component.
type LatencyBreakdown struct {
	Flight        Time // propagation: fibre or cable, and the traces
	SerDes        Time // transmit and receive SerDes
	FECAccumulate Time // waiting for the FEC codeword(s) to arrive
	FECDecode     Time // decoding them
	DSP           Time // module DSPs
	Retimer       Time // cable retimers
}

// Total returns the sum.
func (l LatencyBreakdown) Total() Time {
	return l.Flight + l.SerDes + l.FECAccumulate + l.FECDecode + l.DSP + l.Retimer
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
	Reason   string // why not, when not feasible
	MaxReach Length
	Budget   Decibel // the budget that limits the reach (electrical or optical)

	// ElectricalPath is the distance the signal travels as electricity
	// before it becomes light (optics, the near end) or, for copper, from
	// die to die; ElectricalLoss its loss at the Nyquist frequency.
	ElectricalPath Length
	ElectricalLoss Decibel
	paths          *pathSet // the lane's path templates, shared
	cable          Segment  // the twinax run (copper)
	farDelay       Time     // the far end's path delay (optics)

	Near, Far EndResult
	Latency   LatencyBreakdown
	Fibers    int    // fibres per link (parallel single-mode or multimode)
	FiberLen  Length // fibre length per link, all fibres
	LinkFIT   FIT
	LinkCost  USD
	LinkPower Power // both ends, devices and host SerDes
}

// WattsPerEnd returns the near end device's power (what datasheets quote).
func (r LinkResult) WattsPerEnd() Power { return r.Near.DevicePower }

// HostWattsPerEnd returns the host SerDes power at the near end.
func (r LinkResult) HostWattsPerEnd() Power { return r.Near.HostPower }

// PJPerBit returns the near end's whole energy per bit, device plus host.
func (r LinkResult) PJPerBit() EnergyPerBit { return r.Near.Energy.Total() }

// Mixed reports whether the two ends use different technologies.
func (r LinkResult) Mixed() bool { return r.FarTech != r.Tech }

// copperReach returns the longest cable of the spec's gauge that keeps the
// channel inside its budget, and that budget:
//
//	DAC: L = (B − 2 H) / α(f_N)
//	ACC: L = (B + G − 2 H) / α(f_N)
//	AEC: L = (B − 2 P) / α(f_N)
//
// B the die-to-die budget of the lane rate, H the loss of one host path to
// the cage, G the redriver's equalisation, P the paddle path to a retimer,
// α the twinax loss per metre at the Nyquist frequency f_N.
func copperReach(p *paramSet, s linkSpec) (Length, Decibel) {
	var h, pp Path
	if s.near == AEC {
		pp = paddlePath(p, s.lane)
	} else {
		h = copperHostPath(p, s.lane)
	}
	return copperReachWith(p, s, &h, &pp)
}

// copperReachWith is copperReach with the host path h (DAC, ACC) or the
// paddle path pp (AEC) already computed.
func copperReachWith(p *paramSet, s linkSpec, h, pp *Path) (Length, Decibel) {
	alpha := twinaxLoss(p, s.awg, s.lane.Nyquist()).Total()
	budget := s.lane.Budget
	p.raw(s.lane.budgetID)
	var avail Decibel
	switch s.near {
	case DAC:
		avail = budget - 2*h.Loss()
	case ACC:
		budget += p.decibel(pACCGain)
		avail = budget - 2*h.Loss()
	case AEC:
		avail = budget - 2*pp.Loss()
	}
	if avail <= 0 || alpha <= 0 {
		return 0, budget
	}
	return clampReach(Length(float64(avail) / float64(alpha))), budget
}

// endPath returns the electrical path of an optical end.
func endPath(p *paramSet, t Tech, lane laneSpec) Path {
	if t == CPO {
		return cpoPath(p, lane)
	}
	return moduleHostPath(p, lane)
}

// linearChannel returns the loss a host SerDes must equalise when an end
// does not regenerate the signal (LPO, CPO):
//
//	C = Σ_linear ends H_end + P_opt − G_LPO
//
// where the paths of both ends count if both are linear, P_opt is the
// optical hop's penalty and G_LPO the equalisation of LPO modules (once,
// if any end is LPO). It must stay within the die-to-die budget. ok is
// false when neither end is linear.
func linearChannel(p *paramSet, s linkSpec, near, far *Path) (c Decibel, ok bool) {
	if !s.near.linear() && !s.far.linear() {
		return 0, false
	}
	if s.near.linear() {
		c += near.Loss()
	}
	if s.far.linear() {
		c += far.Loss()
	}
	c += p.decibel(pLPOPenalty)
	if s.near == LPO || s.far == LPO {
		c -= p.decibel(pLPOGain)
	}
	return c, true
}

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

// pathSet holds the electrical paths of one lane rate: every link at that
// rate shares them.
type pathSet struct {
	copperHost, moduleHost, cpo, paddle Path
}

func newPathSet(p *paramSet, lane laneSpec) *pathSet {
	return &pathSet{
		copperHost: copperHostPath(p, lane),
		moduleHost: moduleHostPath(p, lane),
		cpo:        cpoPath(p, lane),
		paddle:     paddlePath(p, lane),
	}
}

// end returns the path of an optical end.
func (ps *pathSet) end(t Tech) *Path {
	if t == CPO {
		return &ps.cpo
	}
	return &ps.moduleHost
}

// Path returns the link's electrical path, segment by segment: the whole
// channel for copper (host, cable, host), the near end's for optics.
func (r *LinkResult) Path() Path {
	var out Path
	if r.paths == nil {
		return out
	}
	if r.Tech.Copper() {
		out.addPath(&r.paths.copperHost)
		if r.Tech == AEC {
			out.addPath(&r.paths.paddle)
		}
		out.addSegment(r.cable)
		if r.Tech == AEC {
			out.addPath(&r.paths.paddle)
		}
		out.addPath(&r.paths.copperHost)
		return out
	}
	return *r.paths.end(r.Tech)
}

// FarPath returns the far end's electrical path (optics).
func (r *LinkResult) FarPath() Path {
	if r.paths == nil || !r.FarTech.Optical() {
		return Path{}
	}
	return *r.paths.end(r.FarTech)
}

// evalLink evaluates a validated link with its lane's paths. It allocates
// nothing.
func evalLink(p *paramSet, s linkSpec, ps *pathSet) LinkResult {
	port := s.port()
	r := LinkResult{
		Tech: s.near, FarTech: s.far, Lane: s.lane.Rate, Lanes: s.lanes, Port: port,
		Length: s.length, Nyquist: s.lane.Nyquist(),
	}
	near := EndResult{Tech: s.near, HostClass: hostClass(s.near), Energy: endEnergy(p, s.near, s.lane, port), FIT: endFIT(p, s.near, s.lanes), Cost: endCost(p, s.near, port)}
	far := EndResult{Tech: s.far, HostClass: hostClass(s.far), Energy: endEnergy(p, s.far, s.lane, port), FIT: endFIT(p, s.far, s.lanes), Cost: endCost(p, s.far, port)}
	near.DevicePower = near.Energy.Device().Over(port)
	near.HostPower = near.Energy.HostSerDes.Over(port)
	far.DevicePower = far.Energy.Device().Over(port)
	far.HostPower = far.Energy.HostSerDes.Over(port)

	lat := LatencyBreakdown{
		SerDes:        2 * p.time(pSerdesNS),
		FECAccumulate: fecAccumulation(s.lane, s.lanes),
		FECDecode:     p.time(pFECDecodeNS),
	}

	r.paths = ps
	if s.near.Copper() {
		r.AWG = s.awg
		h, pp := &ps.copperHost, &ps.paddle
		r.MaxReach, r.Budget = copperReachWith(p, s, h, pp)
		r.cable = cableSegment(p, s.lane, s.awg, s.length)
		r.ElectricalPath = 2*h.Length() + r.cable.Length
		r.ElectricalLoss = 2*h.Loss() + r.cable.Loss
		lat.Flight = 2*h.Delay() + r.cable.Delay
		if s.near == AEC {
			r.ElectricalPath += 2 * pp.Length()
			r.ElectricalLoss += 2 * pp.Loss()
			lat.Flight += 2 * pp.Delay()
			lat.Retimer = 2 * p.time(pRetimerNS)
		}
		r.Feasible = s.length <= r.MaxReach*(1+1e-12)
		if !r.Feasible {
			r.Reason = "exceeds copper reach"
		}
	} else {
		r.Fiber = s.fiber
		np, fp := ps.end(s.near), ps.end(s.far)
		r.ElectricalPath = np.Length()
		r.ElectricalLoss = np.Loss()
		r.farDelay = fp.Delay()
		r.Budget = opticalBudget(p, s.fiber)
		r.MaxReach = opticalReach(p, s.fiber)
		lat.Flight = np.Delay() + r.farDelay + FiberFlightTime(s.length, groupIndex(p, s.fiber))
		if s.near == DSP {
			lat.DSP += p.time(pDSPNS)
		}
		if s.far == DSP {
			lat.DSP += p.time(pDSPNS)
		}
		r.Fibers = 2 * s.lanes
		r.FiberLen = Length(r.Fibers) * s.length
		r.Feasible = true
		switch {
		case s.fiber == MMF && !mmfCarries(p, s.lane):
			r.MaxReach = 0
			r.Feasible = false
			r.Reason = "no multimode optics at this lane rate"
		default:
			if c, ok := linearChannel(p, s, np, fp); ok && c > s.lane.Budget {
				r.MaxReach = 0
				r.Budget = s.lane.Budget
				r.Feasible = false
				r.Reason = "linear electrical channel exceeds the budget"
			}
		}
		if r.Feasible && s.length > r.MaxReach*(1+1e-12) {
			r.Feasible = false
			r.Reason = "exceeds optical reach"
		}
	}
	r.Near, r.Far = near, far
	r.Latency = lat
	r.LinkFIT = near.FIT + far.FIT
	r.LinkCost = near.Cost + far.Cost
	r.LinkPower = near.DevicePower + near.HostPower + far.DevicePower + far.HostPower
	return r
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
	return evalLink(&p, s, newPathSet(&p, s.lane)), nil
}

// checkLink validates a link and turns it into a spec. prefix is put before
// field names in errors.
func checkLink(p *paramSet, l Link, prefix string) (linkSpec, error) {
	var s linkSpec
	if !l.Tech.valid() {
		return s, &InputError{Field: prefix + "tech", Value: quote(string(l.Tech)), Allowed: "dac, acc, aec, dsp, lpo, cpo", Reason: "is not a known technology"}
	}
	s.near, s.far = l.Tech, l.FarTech
	if s.far == "" {
		s.far = s.near
	}
	if !s.far.valid() {
		return s, &InputError{Field: prefix + "far_tech", Value: quote(string(l.FarTech)), Allowed: "dac, acc, aec, dsp, lpo, cpo", Reason: "is not a known technology"}
	}
	if s.near.Copper() && s.far != s.near {
		return s, &InputError{Field: prefix + "far_tech", Value: quote(string(l.FarTech)), Allowed: string(s.near) + " (a cable has the same kind of end on both sides)", Reason: "cannot end a " + string(s.near) + " cable"}
	}
	if s.near.Optical() && !s.far.Optical() {
		return s, &InputError{Field: prefix + "far_tech", Value: quote(string(l.FarTech)), Allowed: "dsp, lpo, cpo", Reason: "cannot meet an optical end"}
	}
	lane, ok := lookupLane(p, l.LaneGbps)
	if !ok {
		return s, &InputError{Field: prefix + "lane_gbps", Value: format.Input(l.LaneGbps), Allowed: "25, 50, 100, 200, 400", Reason: "is not a known lane rate"}
	}
	s.lane = lane
	if l.Lanes < 1 || l.Lanes > 32 {
		return s, &InputError{Field: prefix + "lanes", Value: format.Input(float64(l.Lanes)), Allowed: "1 to 32", Reason: "is out of range"}
	}
	s.lanes = l.Lanes
	if err := checkRange(prefix+"length_m", l.LengthM, 0, 100000, "m"); err != nil {
		return s, err
	}
	s.length = Length(l.LengthM) * Metre
	s.awg = l.AWG
	if s.awg == 0 {
		s.awg = defaultAWG
	}
	if s.awg != 26 && s.awg != 28 && s.awg != 30 && s.awg != 32 {
		return s, &InputError{Field: prefix + "awg", Value: format.Input(float64(l.AWG)), Allowed: "26, 28, 30, 32", Reason: "is not a twinax gauge the model knows"}
	}
	s.fiber = l.Fiber
	if s.fiber == "" {
		s.fiber = SMF
	}
	if s.fiber != SMF && s.fiber != MMF {
		return s, &InputError{Field: prefix + "fiber", Value: quote(string(l.Fiber)), Allowed: "smf, mmf", Reason: "is not a known fibre type"}
	}
	return s, nil
}
