package core

import (
	"strconv"

	"github.com/cpocalc/cpocalc/core/format"
	"github.com/cpocalc/cpocalc/core/label"
)

// A two-level scale-up domain. One level of switch chips joins a domain
// only while every chip reaches every GPU: a domain of more GPUs than a
// chip has ports (NVL72's chips have 72) needs a second level, as 144- and
// 576-GPU domains have: leaf chips with half their ports down to the GPUs
// and half up, and spine chips that join the leaves, over links of their
// own (copper inside a rack, optics between racks).

// Formulas of the second level.
const (
	fSULevels     = "levels = 1 where domain_gpus ≤ ports per chip (every chip reaches every GPU), else 2"
	fSUTwoChips   = "chips = full domains × (leaves + spines), leaves = ceil(domain_gpus × links per GPU / (ports / 2)), spines = ceil(domain_gpus × links per GPU / ports), + the partial domain's"
	fSUSpineChips = "spine chips = full domains × ceil(domain_gpus × links per GPU / ports), + the partial domain's"
	fSUSpineLinks = "spine links = links: every leaf's up half carries what its down half does"
	fSUSpineLen   = "scale_up.spine_length_m, or length_m when it is 0"
	fSUSpinePower = "P = spine links × P_link"
)

// maxSpineGPUs is the largest domain two levels of chips of ports ports
// join without blocking: ports / 2 leaves' worth of GPUs per spine port.
func maxSpineGPUs(ports int) int { return ports * ports / 2 }

// checkDomain refuses a domain two levels of the chips cannot join.
func checkDomain(d, ports int) error {
	if d > maxSpineGPUs(ports) {
		return refuse("scale_up.domain_gpus", format.English.Input(float64(d)), label.Msg("err.domain_levels_allowed", "max", format.English.Input(float64(maxSpineGPUs(ports))), "ports", strconv.Itoa(ports)), "err.domain_levels_reason")
	}
	return nil
}

// spineLength is the length of the second level's links.
func (pl *plan) spineLength() Length {
	if m := pl.s.ScaleUp.SpineLengthM; m > 0 {
		return Length(m) * Metre
	}
	return Length(pl.s.ScaleUp.LengthM) * Metre
}

// spineRowSpec is a spine link of a technology: leaf chip to spine chip.
func (pl *plan) spineRowSpec(row *techRow) linkSpec {
	s := pl.scaleUpRowSpec(row)
	s.length = pl.spineLength()
	return s
}

// twoLevels lays out the second level of the domains in su: its chips, its
// links and what they draw, hold and cost, added to the domain's.
func (pl *plan) twoLevels(su *ScaleUpResult, t Tech, only Stage, ports int) {
	p := &pl.p
	s := pl.s
	d := s.ScaleUp.DomainGPUs
	su.Levels = 2
	up := d * su.LinksPerGPU
	half := max(1, ports/2)
	p.computes(&sfSwitchChips, fSUTwoChips)
	p.in("domain_gpus", float64(d), "")
	p.dep("links per GPU", float64(su.LinksPerGPU), "", -1, &sfLinksPerGPU)
	p.in("ports per chip", float64(ports), "")
	full, rem := s.GPUs/d, s.GPUs%d
	su.SwitchChips = full * (ceilDiv(up, half) + ceilDiv(up, ports))
	su.SpineChips = full * ceilDiv(up, ports)
	if rem > 0 {
		ru := rem * su.LinksPerGPU
		su.SwitchChips += ceilDiv(ru, half) + ceilDiv(ru, ports)
		su.SpineChips += ceilDiv(ru, ports)
	}
	p.computes(&sfSpineChips, fSUSpineChips)
	p.in("domain_gpus", float64(d), "")
	p.dep("links per GPU", float64(su.LinksPerGPU), "", -1, &sfLinksPerGPU)
	p.in("ports per chip", float64(ports), "")
	p.computes(&sfSpineLinks, fSUSpineLinks)
	p.dep("links", float64(su.Links), "", -1, &sfLinks)
	su.SpineLinks = su.Links
	p.computes(&sfSpineLength, fSUSpineLen)
	p.in("spine_length_m", s.ScaleUp.SpineLengthM, "m")
	p.in("length_m", s.ScaleUp.LengthM, "m")
	su.SpineLength = pl.spineLength()

	var link *LinkResult
	if t == Auto {
		var cands [maxTechs]Candidate
		var n int
		t, link = pl.choose(su.SpineLinks, only, pl.spineRowSpec, &cands, &n)
	} else {
		link = pl.link(pl.spineRowSpec(t.row()))
	}
	su.SpineLink = *link
	su.SpineTech = t
	su.Feasible = su.Feasible && link.Feasible
	leaves := su.SwitchChips - su.SpineChips
	lanes := link.Lanes
	leaf := side{row: link.key.near, units: leaves, links: su.SpineLinks, lanes: lanes, rate: link.Lane, cage: true}
	spine := side{row: link.key.far, units: su.SpineChips, links: su.SpineLinks, lanes: lanes, rate: link.Lane, cage: true}
	p.computes(&sfSpineWatts, fSUSpinePower)
	p.dep("spine links", float64(su.SpineLinks), "", -1, &sfSpineLinks)
	p.depLink("P_link", link.LinkPower.Watts(), "W", &su.SpineLink.key, scopeLink, &lfLinkWatts)
	shared := sharedFixed(p, leaf) + sharedFixed(p, spine)
	su.SpinePower = Power(su.SpineLinks)*link.LinkPower - shared
	su.sharedSwitch += shared // both ends are switch ends
	su.Power += su.SpinePower
	su.Cost += USD(su.SpineLinks) * link.LinkCost
	su.FiberLen += Length(su.SpineLinks) * link.FiberLen
	if link.key.near.cable {
		su.cables += su.SpineLinks
		pairs := su.SpineLinks * lanes * link.PairsPerLane()
		su.Pairs += pairs
		su.PairsPerDomain += up * lanes * link.PairsPerLane()
		su.CopperLen += Length(pairs) * su.SpineLength
		su.CopperPerDomain += Length(up*lanes*link.PairsPerLane()) * su.SpineLength
	}
	dev := pl.bom(p, [2]side{leaf, spine}, [...]*Field{&sfModules, &sfEngines, &sfLasers, &sfSources, &sfFIT})
	su.Modules += dev.modules
	su.Engines += dev.engines
	su.Lasers += dev.lasers
	su.Sources += dev.sources
	su.FIT += dev.fit
}
