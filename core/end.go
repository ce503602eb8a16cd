package core

// One end of a link: its energy by part, its device's and host's power,
// its failure rate and cost; and the time to gather the port's codewords.

import (
	"math"
)

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
	fHost       = "P_host = (E_SerDes + E_FEC) × R_port"
	fEndPJ      = "E_b = (P_end + P_host) / R_port"
	fEndFIT     = "λ_end = Σ parts n_part × λ_part (an engine's part by the end's share of its capacity)"
	fEndCost    = "C_end = price per Gb/s × R_port"
)

// endOf evaluates one end of a link with its error-correcting codes m: its
// energy by part, its device's and its host's power, its failure rate and
// its cost. The codes' energy comes before the powers that sum it, so that
// a traced run explains each power with the energies it really adds.
// scope is scopeNear or scopeFar.
func endOf(p *paramSet, t *techRow, fiber *fiberRow, lane laneSpec, lanes int, port BitRate, codes fecMode, scope int) EndResult {
	m := p.open(scope)
	defer p.close(m)
	e := EndResult{Tech: t.tech, HostClass: t.host}
	p.computes(&endEnergy[EnergyHostSerDes], fHostSerDes)
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
	fecInto(p, codes, &e, t)
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
	e.HostPower = e.Energy.Host().Over(port)
	p.formula(fHost)
	p.dep("E_SerDes", e.Energy[EnergyHostSerDes].PJ(), "pJ/bit", -1, &endEnergy[EnergyHostSerDes])
	p.dep("E_FEC", e.Energy[EnergyFEC].PJ(), "pJ/bit", -1, &endEnergy[EnergyFEC])
	p.in("R_port", port.Gbps(), "Gb/s")
	p.computes(&efPJ, fEndPJ)
	p.dep("P_end", e.DevicePower.Watts(), "W", -1, &efWatts)
	p.dep("P_host", e.HostPower.Watts(), "W", -1, &efHostWatts)
	p.in("R_port", port.Gbps(), "Gb/s")
	p.computes(&efFIT, fEndFIT)
	for _, ft := range t.fit {
		e.FIT += ft.rate(p, t, lanes, port)
	}
	p.computes(&efCost, fEndCost)
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
