package core

// A scale-out tier: its link, the technology auto picks for it, and the
// power, cost, fibre and devices its links count.

// fCandidate is the power of a technology auto considered.
const fCandidate = "P = links × P_link, with this technology"

// candidateOf is what one technology would draw on links links.
func candidateOf(p *paramSet, links int, l *LinkResult) Candidate {
	m := p.open(0)
	defer p.close(m)
	c := Candidate{Tech: l.Tech, Feasible: l.Feasible, MaxReach: l.MaxReach}
	p.computes(&cfFeasible, "as the link's feasible, with this technology")
	p.depLink("feasible", b2f(l.Feasible), "", &l.key, scopeLink, &lfFeasible)
	p.computes(&cfMaxReach, "as the link's max_reach_m, with this technology")
	p.depLink("L_max", l.MaxReach.Metres(), "m", &l.key, scopeLink, &lfMaxReach)
	p.computes(&cfWatts, fCandidate)
	p.in("links", float64(links), "")
	p.depLink("P_link", l.LinkPower.Watts(), "W", &l.key, scopeLink, &lfLinkWatts)
	c.Power = Power(links) * l.LinkPower
	return c
}

// choose evaluates the candidates for auto and returns the lowest-power
// technology that reaches, or, when none does, the one that reaches
// furthest.
func (pl *plan) choose(links int, only Stage, spec func(*techRow) linkSpec, cands *[maxTechs]Candidate, n *int) (Tech, *LinkResult) {
	var picked [maxTechs]*LinkResult
	best, longest := -1, -1
	*n = 0
	for i := range techTable {
		if only != "" && techTable[i].stage != only {
			continue
		}
		l := pl.link(spec(&techTable[i]))
		picked[*n] = l
		c := candidateOf(&pl.p, links, l)
		if c.Feasible && (best < 0 || c.Power < cands[best].Power) {
			best = *n
		}
		if longest < 0 || c.MaxReach > cands[longest].MaxReach {
			longest = *n
		}
		cands[*n] = c
		*n++
	}
	pick := best
	if pick < 0 {
		pick = longest
	}
	return cands[pick].Tech, picked[pick]
}

// Formulas of a tier.
const (
	fTierLinks    = "links = E on tier 1; above it, every uplink of the switches below: N_below × (k − d_below)"
	fTierSwitches = "per plane of E / planes ports: leaves = ceil(E / (planes · d_0)); each level above: for each position of the blocks below, the fewest switches g that divide the u uplinks evenly (g | u) and take them all (g·d ≥ blocks × u); k³/4 hosts on 5k²/4 switches when full (Al-Fares et al., SIGCOMM 2008); times planes"
	fTierTech     = "auto: the lowest-power technology that reaches (or, if none does, the one that reaches furthest)"
	fTierPower    = "P = links × P_link − (ports − modules) × module_fixed_w in switch cages: a twin-port module's controller serves both its ports"
	fTierPJ       = "E_b = P / (2 ends × links × R_port)"
	fTierCost     = "C = links × C_link"
	fTierFiber    = "fibre = links × fibres per link × L, the tier's mean length (core-km); its longest link sets the reach it needs"
	fCables       = "cables = links: one cable assembly per copper link"
	fTransceivers = "modules + engines"
	fNoEnds       = "0: no end of these links is counted this way"
)

func (pl *plan) tier(i int, t, nic Tech, only Stage) TierResult {
	var tr TierResult
	pl.tierInto(i, t, nic, only, &tr)
	return tr
}

// tierInto is tier writing into tr.
func (pl *plan) tierInto(i int, t, nic Tech, only Stage, tr *TierResult) {
	p := &pl.p
	m := p.open(0)
	defer p.close(m)
	*tr = TierResult{Index: i, Requested: t, Length: pl.tiers[i].length, Longest: pl.tiers[i].longest, Added: i >= len(pl.s.Tiers)}
	p.computes(&tfLinks, fTierLinks)
	if i == 0 {
		p.depOf("E", float64(pl.endpoints), "", &planOwner, traceKey{0, &pfEndpoints})
	} else if p.tracing() {
		p.depTier("N_below", float64(pl.tree.switches[i-1]), "", i-1, &tfSwitches)
		p.in("k − d_below", float64(pl.tree.radix-pl.tree.down[i-1]), "")
	}
	tr.Links = pl.tree.links[i]
	p.computes(&tfSwitches, fTierSwitches)
	p.depOf("E", float64(pl.endpoints), "", &planOwner, traceKey{0, &pfEndpoints})
	p.depOf("planes", float64(pl.planes), "", &planOwner, traceKey{0, &pfPlanes})
	p.in("k", float64(pl.tree.radix), "")
	p.in("T", float64(pl.tree.tiers), "")
	p.in("d (down ports)", float64(pl.tree.down[i]), "")
	tr.SwitchesAbove = pl.tree.switches[i]
	var link *LinkResult
	if t == Auto {
		nicRow := nic.row()
		t, link = pl.choose(tr.Links, only, func(c *techRow) linkSpec { return pl.tierSpec(i, c, nicRow) }, &tr.Candidates, &tr.nCandidates)
	} else {
		link = pl.link(pl.tierLink(i, t, nic))
	}
	tr.Link = *link
	tr.Tech = t
	if tr.Link.FarTech != t {
		tr.NICTech = tr.Link.FarTech
	}
	tr.Feasible = tr.Link.Feasible
	// A tier's counts follow from its link: a stage that uses a link the
	// plan already counted on this tier copies them.
	// (The link is known by its place in the plan's memo: a pointer kept
	// in the plan would move the plan to the heap.)
	at := -1
	if !p.tracing() {
		for k := 0; k < pl.nMemo; k++ {
			if &pl.memo[k].res == link {
				at = k
				break
			}
		}
		for k := 0; k < pl.nTierMemo && at >= 0; k++ {
			if e := &pl.tierMemo[k]; e.tier == i && e.link == at {
				e.c.into(tr)
				return
			}
		}
	}
	pl.countTier(i, tr)
	if at >= 0 && pl.nTierMemo < len(pl.tierMemo) {
		e := &pl.tierMemo[pl.nTierMemo]
		pl.nTierMemo++
		e.tier, e.link = i, at
		e.c.from(tr)
	}
}

// tierCounts are the parts of a tier's result its link decides.
type tierCounts struct {
	power, shared                          Power
	cost                                   USD
	fiber                                  Length
	fit                                    FIT
	cables, modules, engines, lasers, srcs int
}

func (c *tierCounts) from(tr *TierResult) {
	*c = tierCounts{tr.Power, tr.sharedSwitch, tr.Cost, tr.FiberLen, tr.FIT, tr.Cables, tr.Modules, tr.Engines, tr.Lasers, tr.Sources}
}

func (c *tierCounts) into(tr *TierResult) {
	tr.Power, tr.sharedSwitch, tr.Cost, tr.FiberLen, tr.FIT = c.power, c.shared, c.cost, c.fiber, c.fit
	tr.Cables, tr.Modules, tr.Engines, tr.Lasers, tr.Sources = c.cables, c.modules, c.engines, c.lasers, c.srcs
}

// countTier counts tier i's power, cost, fibre and devices from its link.
func (pl *plan) countTier(i int, tr *TierResult) {
	p := &pl.p
	links := tr.Links
	// The devices at each end: the switches above; the switches below or,
	// on tier 1, each GPU's NIC with its own cages or engines.
	lanes := tr.Link.Lanes
	near := side{row: tr.Link.key.near, units: pl.tree.switches[i], links: links, lanes: lanes, rate: tr.Link.Lane, cage: true}
	far := side{row: tr.Link.key.far, units: pl.s.GPUs, links: links, lanes: lanes, rate: tr.Link.Lane}
	if i > 0 {
		far.units, far.cage = pl.tree.switches[i-1], true
	}
	p.computes(&tfWatts, fTierPower)
	p.dep("links", float64(links), "", -1, &tfLinks)
	p.depLink("P_link", tr.Link.LinkPower.Watts(), "W", &tr.Link.key, scopeLink, &lfLinkWatts)
	sn, sf := sharedFixed(p, near), sharedFixed(p, far)
	tr.sharedSwitch = sn + sf
	tr.Power = Power(links)*tr.Link.LinkPower - sn - sf
	p.computes(&tfPJ, fTierPJ)
	p.dep("P", tr.Power.Watts(), "W", -1, &tfWatts)
	p.dep("links", float64(links), "", -1, &tfLinks)
	p.in("R_port", tr.Link.Port.Gbps(), "Gb/s")
	p.computes(&tfUSD, fTierCost)
	p.dep("links", float64(links), "", -1, &tfLinks)
	p.depLink("C_link", float64(tr.Link.LinkCost), "USD", &tr.Link.key, scopeLink, &lfUSD)
	tr.Cost = USD(links) * tr.Link.LinkCost
	p.computes(&tfFiber, fTierFiber)
	p.dep("links", float64(links), "", -1, &tfLinks)
	p.depLink("fibres per link", float64(tr.Link.Fibers), "", &tr.Link.key, scopeLink, &lfFibers)
	p.in("L (mean)", tr.Length.Metres(), "m")
	tr.FiberLen = Length(links*tr.Link.Fibers) * tr.Length
	p.computes(&tfCables, fCables)
	p.dep("links", float64(links), "", -1, &tfLinks)
	if tr.Link.key.near.cable {
		tr.Cables = links
	}
	d := pl.bom(p, [2]side{near, far}, [...]*Field{&tfModules, &tfEngines, &tfLasers, &tfSources, &tfFIT})
	tr.Modules, tr.Engines, tr.Lasers, tr.Sources, tr.FIT = d.modules, d.engines, d.lasers, d.sources, d.fit
	p.computes(&tfTransceivers, fTransceivers)
	p.dep("modules", float64(tr.Modules), "", -1, &tfModules)
	p.dep("engines", float64(tr.Engines), "", -1, &tfEngines)
}
