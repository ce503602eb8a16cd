package core

// The scale-up domains: their links, switch chips and power.

import (
	"math"
)

// sigOf is the domain's signalling for a technology: copper's, or PAM4
// one way for optics.
func (pl *plan) sigOf(row *techRow) uint8 {
	if row.cable {
		return pl.suSig
	}
	return 0
}

// scaleUpSpec returns the scale-up link with technology t.
func (pl *plan) scaleUpSpec(t Tech) linkSpec { return pl.scaleUpRowSpec(t.row()) }

// scaleUpRowSpec is scaleUpSpec by row.
func (pl *plan) scaleUpRowSpec(row *techRow) linkSpec {
	return linkSpec{near: row, far: row, lane: pl.suLane, lanes: pl.p.count(pSULinkLanes), fec: pl.suFEC, sig: pl.sigOf(row),
		length: Length(pl.s.ScaleUp.LengthM) * Metre, awg: pl.suAWG, fiber: SMF.row()}
}

// Formulas of the scale-up domains.
const (
	fSUDomains     = "domains = ceil(N_GPU / domain_gpus)"
	fSULanes       = "lanes per GPU = ceil(gbps_per_gpu / R_lane), each way"
	fSULinks       = "links per GPU = ceil(lanes per GPU / scale_up_link_lanes)"
	fSUAllLinks    = "links = N_GPU × links per GPU"
	fSUPairs       = "pairs = links × scale_up_link_lanes × pairs per lane (2, one per direction; 1 with both directions on one pair)"
	fSUDomainPairs = "pairs per domain = domain_gpus × links per GPU × scale_up_link_lanes × pairs per lane"
	fSUCopper      = "copper = pairs × L (copper only)"
	fSUBandwidth   = "bandwidth = domain_gpus × gbps_per_gpu × 2 directions / 8 bits"
	fSUChips       = "chips = full domains × ceil(domain_gpus × links per GPU / ports per chip), + the partial domain's"
	fSUChipPower   = "P = chips × ports × scale_up_link_lanes × R_lane × E_core"
)

// scaleUpResult lays out the scale-up domains: each GPU has
// ceil(gbps / lane) lanes each way, grouped into links of
// scale_up_link_lanes lanes, each link to a scale-up switch chip. Pairs =
// links × lanes × 2 directions. NVL72: 72 × 18 links × 4 pairs = 5,184.
func (pl *plan) scaleUpResult(t Tech, only Stage) ScaleUpResult {
	p := &pl.p
	su := ScaleUpResult{Requested: t, Feasible: true}
	if !pl.scaleUp {
		return su
	}
	m := p.open(0)
	defer p.close(m)
	su.Present = true
	s := pl.s
	d := s.ScaleUp.DomainGPUs
	su.DomainGPUs = d
	p.computes(&sfLaneGbps, "scale_up.lane_gbps, or the scale-out lane_gbps when it is 0")
	if pl.suLane.baudID != noParam {
		p.raw(pl.suLane.baudID)
	}
	su.Lane = pl.suLane.Rate
	p.computes(&sfDomains, fSUDomains)
	p.in("N_GPU", float64(s.GPUs), "")
	p.in("domain_gpus", float64(d), "")
	su.Domains = ceilDiv(s.GPUs, d)
	p.computes(&sfLanesPerGPU, fSULanes)
	p.in("gbps_per_gpu", s.ScaleUp.GbpsPerGPU, "Gb/s")
	p.in("R_lane", pl.suLane.Rate.Gbps(), "Gb/s")
	su.LanesPerGPU = int(math.Ceil(s.ScaleUp.GbpsPerGPU/pl.suLane.Rate.Gbps() - 1e-9))
	p.computes(&sfLinksPerGPU, fSULinks)
	p.dep("lanes per GPU", float64(su.LanesPerGPU), "", -1, &sfLanesPerGPU)
	ll := p.count(pSULinkLanes)
	su.LinksPerGPU = ceilDiv(su.LanesPerGPU, ll)
	p.computes(&sfLinks, fSUAllLinks)
	p.in("N_GPU", float64(s.GPUs), "")
	p.dep("links per GPU", float64(su.LinksPerGPU), "", -1, &sfLinksPerGPU)
	su.Links = s.GPUs * su.LinksPerGPU
	var link *LinkResult
	if t == Auto {
		t, link = pl.choose(su.Links, only, pl.scaleUpRowSpec, &su.Candidates, &su.nCandidates)
	} else {
		link = pl.link(pl.scaleUpSpec(t))
	}
	su.Link = *link
	su.Tech = t
	su.Feasible = su.Link.Feasible
	if link.key.near.cable {
		su.cables = su.Links
	}
	p.computes(&sfPairs, fSUPairs)
	p.dep("links", float64(su.Links), "", -1, &sfLinks)
	p.in("scale_up_link_lanes", p.raw(pSULinkLanes), "")
	p.in("pairs per lane (2: one direction per pair; 1: both)", float64(su.Link.PairsPerLane()), "")
	su.Pairs = su.Links * ll * su.Link.PairsPerLane()
	p.computes(&sfPairsPerDomain, fSUDomainPairs)
	p.in("domain_gpus", float64(d), "")
	p.dep("links per GPU", float64(su.LinksPerGPU), "", -1, &sfLinksPerGPU)
	p.in("scale_up_link_lanes", p.raw(pSULinkLanes), "")
	p.in("pairs per lane (2: one direction per pair; 1: both)", float64(su.Link.PairsPerLane()), "")
	su.PairsPerDomain = d * su.LinksPerGPU * ll * su.Link.PairsPerLane()
	p.computes(&sfBandwidth, fSUBandwidth)
	p.in("domain_gpus", float64(d), "")
	p.in("gbps_per_gpu", s.ScaleUp.GbpsPerGPU, "Gb/s")
	su.DomainBandwidth = 2 * BitRate(d) * BitRate(s.ScaleUp.GbpsPerGPU) * Gbps
	su.Length = Length(s.ScaleUp.LengthM) * Metre
	p.computes(&sfSwitchChips, fSUChips)
	ports := p.count(pSUSwitchPorts)
	p.in("domain_gpus", float64(d), "")
	p.dep("links per GPU", float64(su.LinksPerGPU), "", -1, &sfLinksPerGPU)
	p.in("ports per chip", float64(ports), "")
	full := s.GPUs / d
	su.SwitchChips = full * ceilDiv(d*su.LinksPerGPU, ports)
	if rem := s.GPUs % d; rem > 0 {
		su.SwitchChips += ceilDiv(rem*su.LinksPerGPU, ports)
	}
	// Each GPU's links and each switch chip's, with their own devices,
	// at the domain's own link width.
	lanes := su.Link.Lanes
	gpu := side{row: su.Link.key.far, units: s.GPUs, links: su.Links, lanes: lanes, rate: su.Link.Lane, cage: true}
	chip := side{row: su.Link.key.near, units: su.SwitchChips, links: su.Links, lanes: lanes, rate: su.Link.Lane, cage: true}
	p.computes(&sfWatts, fTierPower)
	p.dep("links", float64(su.Links), "", -1, &sfLinks)
	p.depLink("P_link", su.Link.LinkPower.Watts(), "W", &su.Link.key, scopeLink, &lfLinkWatts)
	sc, sg := sharedFixed(p, chip), sharedFixed(p, gpu)
	su.sharedSwitch = sc
	su.Power = Power(su.Links)*su.Link.LinkPower - sc - sg
	p.computes(&sfPJ, fTierPJ)
	p.dep("P", su.Power.Watts(), "W", -1, &sfWatts)
	p.dep("links", float64(su.Links), "", -1, &sfLinks)
	p.in("R_port", su.Link.Port.Gbps(), "Gb/s")
	p.computes(&sfUSD, fTierCost)
	p.dep("links", float64(su.Links), "", -1, &sfLinks)
	p.depLink("C_link", float64(su.Link.LinkCost), "USD", &su.Link.key, scopeLink, &lfUSD)
	su.Cost = USD(su.Links) * su.Link.LinkCost
	p.computes(&sfFiber, fTierFiber)
	p.dep("links", float64(su.Links), "", -1, &sfLinks)
	p.depLink("fibres per link", float64(su.Link.Fibers), "", &su.Link.key, scopeLink, &lfFibers)
	p.in("L", su.Length.Metres(), "m")
	su.FiberLen = Length(su.Links) * su.Link.FiberLen
	if su.Link.key.near.cable {
		for _, f := range [2]*Field{&sfCopper, &sfCopperPerDomain} {
			p.computes(f, fSUCopper)
			p.in("L", su.Length.Metres(), "m")
			if f == &sfCopper {
				p.dep("pairs", float64(su.Pairs), "", -1, &sfPairs)
			} else {
				p.dep("pairs per domain", float64(su.PairsPerDomain), "", -1, &sfPairsPerDomain)
			}
		}
		su.CopperLen = Length(su.Pairs) * su.Length
		su.CopperPerDomain = Length(su.PairsPerDomain) * su.Length
	}
	dev := pl.bom(p, [2]side{chip, gpu}, [...]*Field{&sfModules, &sfEngines, &sfLasers, &sfSources, &sfFIT})
	su.Modules, su.Engines, su.Lasers, su.Sources, su.FIT = dev.modules, dev.engines, dev.lasers, dev.sources, dev.fit
	p.computes(&sfLevels, fSULevels)
	p.in("domain_gpus", float64(d), "")
	p.in("ports per chip", p.raw(pSUSwitchPorts), "")
	su.Levels = 1
	if ports := p.count(pSUSwitchPorts); d > ports {
		pl.twoLevels(&su, su.Requested, only, ports)
	}
	// The chips' cores, once their count is known (both levels).
	p.computes(&sfSwitchWatts, fSUChipPower)
	p.dep("chips", float64(su.SwitchChips), "", -1, &sfSwitchChips)
	p.in("ports", float64(p.count(pSUSwitchPorts)), "")
	p.in("scale_up_link_lanes", float64(p.count(pSULinkLanes)), "")
	p.in("R_lane", pl.suLane.Rate.Gbps(), "Gb/s")
	eCore := coreEnergy(p, pl.suLane)
	p.in("E_core = P_core / C_chip of the lane rate's switch ASIC", eCore.PJ(), "pJ/bit")
	su.ChipRate = BitRate(p.count(pSUSwitchPorts)*p.count(pSULinkLanes)) * pl.suLane.Rate
	su.SwitchPower = Power(su.SwitchChips) * eCore.Over(su.ChipRate)
	return su
}
