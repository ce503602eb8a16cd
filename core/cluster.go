package core

import (
	"math"
	"strconv"
)

// Candidate is one technology auto considered for a tier.
type Candidate struct {
	Tech     Tech
	Feasible bool
	MaxReach Length
	Power    Power // the tier's links with this technology
}

// TierResult is one tier of scale-out links.
type TierResult struct {
	Index     int
	Requested Tech // as the scenario asked (may be auto)
	Tech      Tech // the switch-side technology used
	NICTech   Tech // the GPU-side end of tier 1 when it differs
	Links     int
	Length    Length // mean
	Longest   Length // the longest link: the tier's link is evaluated at it
	Link      LinkResult
	Feasible  bool
	Added     bool // the model added it: the scenario gave fewer tiers than the cluster needs

	SwitchesAbove int // switches at the upper end of this tier
	Modules       int // pluggable modules (twin-port modules counted once)
	Engines       int // co-packaged or near-packaged optical engines
	Lasers        int // lasers: one per lane in a module, external sources for engines
	Sources       int // external laser source modules holding the engines' lasers
	Cables        int // copper cable assemblies
	Power         Power
	FiberLen      Length // all fibres of the tier (core length)
	FIT           FIT
	Cost          USD

	Candidates  [maxTechs]Candidate
	nCandidates int

	sharedSwitch Power // module fixed power twin-port modules share, in switch boxes
}

// Transceivers returns the tier's optical transceivers: pluggable modules
// and co-packaged engines.
func (t *TierResult) Transceivers() int { return t.Modules + t.Engines }

// PJPerBit returns the tier's energy per bit per end per direction:
// P / (2 ends × links × R_port).
func (t *TierResult) PJPerBit() EnergyPerBit {
	return t.Power.PerBit(BitRate(2*t.Links) * t.Link.Port)
}

// CandidateList returns what auto considered (empty unless auto).
func (t *TierResult) CandidateList() []Candidate { return t.Candidates[:t.nCandidates] }

// ScaleUpResult is the scale-up domains of the cluster.
type ScaleUpResult struct {
	Present         bool
	Lane            BitRate // its electrical lane rate
	Domains         int
	DomainGPUs      int
	LanesPerGPU     int // per direction
	LinksPerGPU     int
	Links           int // whole cluster
	Pairs           int // differential pairs, whole cluster
	PairsPerDomain  int
	CopperLen       Length // pairs × length, whole cluster (copper only)
	CopperPerDomain Length
	DomainBandwidth BitRate // both directions, one full domain
	SwitchChips     int
	SwitchPower     Power
	ChipRate        BitRate // one switch chip's capacity, each way
	Requested       Tech
	Tech            Tech
	Length          Length
	Link            LinkResult
	// A second level of switch chips, where one level cannot reach every
	// GPU of the domain (Levels 2): its spine chips (counted in
	// SwitchChips too) and its links, from leaf chips to spine chips.
	Levels      int
	SpineChips  int
	SpineLinks  int
	SpineLength Length
	SpineTech   Tech
	SpineLink   LinkResult
	SpinePower  Power // also in Power
	Feasible    bool
	Power       Power
	FIT         FIT
	Cost        USD
	FiberLen    Length
	Modules     int
	Engines     int
	Lasers      int
	Sources     int
	// AsTech is the power the same domains would draw with each technology
	// (infeasible ones marked).
	AsTech      [maxTechs]Candidate
	nAsTech     int
	Candidates  [maxTechs]Candidate
	nCandidates int

	sharedSwitch Power // module fixed power twin-port modules share, at the switch chips
}

// AsTechList returns what the domains would draw with each technology.
func (s *ScaleUpResult) AsTechList() []Candidate { return s.AsTech[:s.nAsTech] }

// CandidateList returns what auto considered (empty unless auto).
func (s *ScaleUpResult) CandidateList() []Candidate { return s.Candidates[:s.nCandidates] }

// PJPerBit returns the domains' energy per bit per end per direction.
func (s *ScaleUpResult) PJPerBit() EnergyPerBit {
	return s.Power.PerBit(BitRate(2*s.Links) * s.Link.Port)
}

// Totals are the cluster-wide sums.
type Totals struct {
	Feasible          bool
	Switches          int // scale-out switches
	ScaleUpSwitches   int // scale-up switch chips
	Links             int // scale-out links
	ScaleUpLinks      int
	Transceivers      int // pluggable modules and co-packaged engines
	Modules           int
	Engines           int
	Lasers            int
	Sources           int // external laser source modules
	Cables            int
	InterconnectPower Power // every link device and its host SerDes
	ScaleOutPower     Power
	ScaleUpPower      Power
	SwitchPower       Power // switch boxes' own electronics: ASIC cores, SerDes between chips, control planes
	SwitchBoxPower    Power // whole switch boxes at the wall: ASICs, SerDes and optics in them, fans or pumps, converter and supply losses
	SwitchOverhead    Power // of the boxes: fans or pumps, converter and supply losses (counted nowhere else)
	SwitchChips       int   // switch ASICs in the scale-out boxes
	ChipsPerBox       int   // ASICs in one scale-out box
	ChipRate          BitRate
	BoxInternalLanes  int   // lanes between one box's chips, each way
	BoxPower          Power // one scale-out box at the wall, the mean over the tiers
	GPUPower          Power
	NICPower          Power
	ITPower           Power
	FacilityPower     Power // IT × PUE
	InterconnectShare Ratio // of IT power
	InterconnectHeat  Power // interconnect × PUE: what it costs the facility
	AnnualEnergy      Energy
	AnnualUSD         USD
	Households        float64
	FiberLen          Length
	FiberCNY          CNY
	Capex             USD
	FIT               FIT  // the interconnect's devices
	MTBF              Time // of the interconnect
	NetworkFIT        FIT  // the interconnect and the switch boxes
	NetworkMTBF       Time
	Latency           Time // worst GPU-to-GPU path over the scale-out network
	ScaleUpLatency    Time // GPU to GPU through one scale-up switch

	// Per GPU, what an engineer sizes a cluster by.
	WattsPerGPU Power  // interconnect power
	CapexPerGPU USD    // links' capital cost
	FiberPerGPU Length // fibre core length

	// The network's cost of ownership over the scenario's years, in one
	// currency: the links, the switch boxes and the fibre bought, and the
	// energy of the links and the switches over the years.
	SwitchCapex USD
	FiberUSD    USD
	EnergyUSD   USD // over the years
	TCO         USD
	TCOPerGPU   USD
}

// SpineTier is the Tier of a Blocked that is a scale-up domain's second
// level (its spine links).
const SpineTier = -2

// Blocked names a part of a cluster that cannot be built: a tier, or the
// scale-up domain, whose link does not close.
type Blocked struct {
	Tier     int // -1 for the scale-up domain, SpineTier for its second level
	Tech     Tech
	Need     Length
	MaxReach Length
	// Where the link fails: at one end (a tier's switch end or its NIC
	// end, when the two differ) or along it, with which technology, for
	// what reason, and by how much its limiting channel is over its
	// budget at the length needed (0 when it is not the channel).
	End     LinkEnd
	EndTech Tech
	Reason  Reason
	Channel StretchKind
	Over    Decibel
	link    linkKey // the link that cannot reach
}

// blockedOf describes the failing link of tier i (-1: the scale-up
// domain).
func blockedOf(i int, tech Tech, l *LinkResult) Blocked {
	b := Blocked{Tier: i, Tech: tech, Need: l.Length, MaxReach: l.MaxReach, End: EndBoth, EndTech: tech, Reason: l.Reason, Channel: l.Channel, link: l.key}
	if l.Margin() < 0 {
		b.Over = -l.Margin()
		if l.FarTech != "" && l.FarTech != l.Tech {
			b.End = l.ChannelEnd
			if b.End == EndFar {
				b.EndTech = l.FarTech
			}
		}
	}
	return b
}

// Field is the scenario's input that makes the part fail, by its JSON
// path, for the page to say so at it: the length a link cannot reach, or,
// when the link cannot run the lane rate at any length, the technology
// chosen for that part (the NIC's for a tier's NIC end). A tier the
// model added has no input of its own: "tiers".
func (b Blocked) Field(s *Scenario) string {
	if b.Tier == SpineTier {
		if b.MaxReach > 0 {
			if s.ScaleUp.SpineLengthM > 0 {
				return "scale_up.spine_length_m"
			}
			return "scale_up.length_m"
		}
		return "scale_up.tech"
	}
	if b.Tier < 0 {
		if b.MaxReach > 0 {
			return "scale_up.length_m"
		}
		return "scale_up.tech"
	}
	if b.End == EndFar {
		return "scale_out.nic_tech"
	}
	if b.Tier >= len(s.Tiers) {
		return "tiers"
	}
	tier := "tiers[" + strconv.Itoa(b.Tier) + "]."
	switch {
	case b.MaxReach <= 0:
		return tier + "tech"
	case s.Tiers[b.Tier].MaxLengthM > 0:
		return tier + "max_length_m"
	}
	return tier + "length_m"
}

// blockers lists what cannot be built: each tier that does not close,
// then the scale-up domain.
func blockers(tiers []TierResult, su *ScaleUpResult, out []Blocked) []Blocked {
	for i := range tiers {
		if !tiers[i].Feasible {
			out = append(out, blockedOf(i, tiers[i].Tech, &tiers[i].Link))
		}
	}
	if su.Present && !su.Link.Feasible {
		out = append(out, blockedOf(-1, su.Tech, &su.Link))
	}
	if su.Present && su.Levels == 2 && !su.SpineLink.Feasible {
		out = append(out, blockedOf(SpineTier, su.SpineTech, &su.SpineLink))
	}
	return out
}

// StageResult is the cluster built with one stage's technology.
type StageResult struct {
	Stage    string // the comparison's key: copper, dsp, lpo, cpo
	Feasible bool
	Totals   Totals
	Tiers    [MaxTiers]Tech
	ScaleUp  Tech
	Blocked  [MaxTiers + 2]Blocked
	nBlocked int
}

// BlockedList returns the tiers the stage cannot reach.
func (s *StageResult) BlockedList() []Blocked { return s.Blocked[:s.nBlocked] }

// Blockers lists what of the cluster cannot be built as configured (none
// when it can): every tier whose link does not close, then the scale-up
// domain.
func (r *Result) Blockers() []Blocked { return blockers(r.Tiers, &r.ScaleUp, nil) }

// Result is the evaluation of a scenario.
type Result struct {
	Scenario    Scenario
	Lane        LaneInfo
	Endpoints   int // scale-out ports
	PortsPerGPU int
	PortLanes   int
	Planes      int // independent fat trees; TiersUsed and Capacity are per plane and over them all
	TiersUsed   int
	Capacity    float64 // ports the tree could hold at this radix and depth
	Tiers       []TierResult
	ScaleUp     ScaleUpResult
	Totals      Totals
	ByStage     []StageResult
}

// LaneInfo describes the lane rate in use.
type LaneInfo struct {
	Rate       BitRate
	Modulation string
	Baud       Frequency
	Nyquist    Frequency
	Budget     Decibel
	SkinDepth  Length
}

// assignment says which technology each part of the cluster uses.
type assignment struct {
	tiers   [MaxTiers]Tech
	nic     Tech
	scaleUp Tech
	only    Stage // auto may only choose this stage's technologies ("": any)
}

// Evaluate computes a whole cluster: topology, link counts, power and its
// share, annual energy and cost, fibre, reliability, latency, and the same
// cluster built at each stage. Invalid input gives an *InputError; no input
// makes it panic.
func Evaluate(s Scenario) (Result, error) {
	pl := new(plan)
	if err := pl.build(s); err != nil {
		return Result{}, err
	}
	return pl.evaluate(), nil
}

func (pl *plan) evaluate() Result { return pl.evaluateParts(true) }

// EvaluateTotals is Evaluate without the by_stage comparisons, which take
// most of its time: the cluster's own totals, for sweeps that need only
// them (the figures' cluster-power chart).
func EvaluateTotals(s Scenario) (Totals, error) {
	pl := new(plan)
	if err := pl.build(s); err != nil {
		return Totals{}, err
	}
	r := pl.evaluateParts(false)
	return r.Totals, nil
}

// evaluateParts evaluates the scenario, with or without the by_stage
// comparisons (an explanation of another number does not need them).
func (pl *plan) evaluateParts(stages bool) Result {
	r := Result{
		Scenario:    pl.s,
		Endpoints:   pl.endpoints,
		PortsPerGPU: pl.portsPerGPU,
		PortLanes:   pl.portLanes,
		Planes:      pl.planes,
		TiersUsed:   pl.tree.tiers,
		Capacity:    pl.capacity,
		Lane:        pl.laneInfo,
	}
	var tiers [MaxTiers]TierResult
	pl.run(pl.assignment(-1), &tiers, &r.ScaleUp, &r.Totals)
	r.Tiers = make([]TierResult, pl.tree.tiers)
	copy(r.Tiers, tiers[:pl.tree.tiers])
	if r.ScaleUp.Present {
		for _, t := range Techs {
			l := pl.link(pl.scaleUpSpec(t))
			r.ScaleUp.AsTech[r.ScaleUp.nAsTech] = candidateOf(&pl.p, r.ScaleUp.Links, l)
			r.ScaleUp.nAsTech++
		}
	}
	if !stages {
		return r
	}
	r.ByStage = make([]StageResult, len(Comparisons))
	for i := range Comparisons {
		r.ByStage[i] = pl.stage(i)
	}
	return r
}

// assignment returns the technologies of the scenario (stage -1) or of
// by_stage comparison i. The scale-up domain keeps scale_up.tech in every
// comparison: what it would draw with each technology is in
// ScaleUpResult.AsTech.
func (pl *plan) assignment(stage int) assignment {
	a := assignment{nic: pl.s.ScaleOut.NICTech, scaleUp: pl.suTech}
	if stage < 0 {
		for i := 0; i < pl.tree.tiers; i++ {
			a.tiers[i] = pl.tiers[i].tech
		}
		return a
	}
	c := Comparisons[stage]
	for i := 0; i < pl.tree.tiers; i++ {
		a.tiers[i] = c.Tech
	}
	a.only = c.Only
	if c.SameNIC {
		a.nic = c.Tech
	}
	return a
}

func (pl *plan) stage(i int) StageResult {
	a := pl.assignment(i)
	var tiers [MaxTiers]TierResult
	var own ScaleUpResult
	sr := StageResult{Stage: Comparisons[i].Key}
	su := pl.run(a, &tiers, &own, &sr.Totals)
	sr.Feasible = sr.Totals.Feasible
	for i := 0; i < pl.tree.tiers; i++ {
		sr.Tiers[i] = tiers[i].Tech
	}
	sr.ScaleUp = su.Tech
	sr.nBlocked = len(blockers(tiers[:pl.tree.tiers], su, sr.Blocked[:0]))
	return sr
}

// run evaluates every tier and the scale-up domain under an assignment and
// sums the totals.
//
// It returns the scale-up result it used: su, or, where the comparison
// shares the scenario's domains, the plan's own (not copied: a stage reads
// it).
func (pl *plan) run(a assignment, tiers *[MaxTiers]TierResult, su *ScaleUpResult, tot *Totals) *ScaleUpResult {
	for i := 0; i < pl.tree.tiers; i++ {
		pl.tierInto(i, a.tiers[i], a.nic, a.only, &tiers[i])
	}
	// The scale-up domains keep their technology in every comparison, so
	// one result serves them all unless auto must keep to a stage.
	if pl.suDone && !pl.p.tracing() && (a.scaleUp != Auto || a.only == "") {
		su = &pl.su
	} else {
		*su = pl.scaleUpResult(a.scaleUp, a.only)
		if a.only == "" && !pl.p.tracing() {
			pl.su, pl.suDone = *su, true
		}
	}
	*tot = pl.totals(tiers[:pl.tree.tiers], su)
	return su
}

// tierLink returns the link of tier i with technology t at the switch end.
func (pl *plan) tierLink(i int, t, nic Tech) linkSpec { return pl.tierSpec(i, t.row(), nic.row()) }

// tierSpec is tierLink by rows.
func (pl *plan) tierSpec(i int, row, nic *techRow) linkSpec {
	ts := &pl.tiers[i]
	far := row
	if i == 0 && !row.cable {
		far = nic
	}
	return linkSpec{near: row, far: far, lane: pl.lane, lanes: pl.portLanes, length: ts.longest, awg: ts.awg, fiber: ts.fiber, fec: ts.fec}
}

// fCandidate is the power of a technology auto considered.
const fCandidate = "P = links × P_link, with this technology"

// candidateOf is what one technology would draw on links links.
func candidateOf(p *paramSet, links int, l *LinkResult) Candidate {
	m := p.open(0)
	defer p.close(m)
	c := Candidate{Tech: l.Tech, Feasible: l.Feasible, MaxReach: l.MaxReach}
	p.at(&cfFeasible)
	p.formula("as the link's feasible, with this technology")
	p.depLink("feasible", b2f(l.Feasible), "", &l.key, scopeLink, &lfFeasible)
	p.at(&cfMaxReach)
	p.formula("as the link's max_reach_m, with this technology")
	p.depLink("L_max", l.MaxReach.Metres(), "m", &l.key, scopeLink, &lfMaxReach)
	p.at(&cfWatts)
	p.formula(fCandidate)
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
	p.at(&tfLinks)
	p.formula(fTierLinks)
	if i == 0 {
		p.depOf("E", float64(pl.endpoints), "", &planOwner, traceKey{0, &pfEndpoints})
	} else if p.tracing() {
		p.depTier("N_below", float64(pl.tree.switches[i-1]), "", i-1, &tfSwitches)
		p.in("k − d_below", float64(pl.tree.radix-pl.tree.down[i-1]), "")
	}
	tr.Links = pl.tree.links[i]
	p.at(&tfSwitches)
	p.formula(fTierSwitches)
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
	p.at(&tfWatts)
	p.formula(fTierPower)
	p.dep("links", float64(links), "", -1, &tfLinks)
	p.depLink("P_link", tr.Link.LinkPower.Watts(), "W", &tr.Link.key, scopeLink, &lfLinkWatts)
	sn, sf := sharedFixed(p, near), sharedFixed(p, far)
	tr.sharedSwitch = sn + sf
	tr.Power = Power(links)*tr.Link.LinkPower - sn - sf
	p.at(&tfPJ)
	p.formula(fTierPJ)
	p.dep("P", tr.Power.Watts(), "W", -1, &tfWatts)
	p.dep("links", float64(links), "", -1, &tfLinks)
	p.in("R_port", tr.Link.Port.Gbps(), "Gb/s")
	p.at(&tfUSD)
	p.formula(fTierCost)
	p.dep("links", float64(links), "", -1, &tfLinks)
	p.depLink("C_link", float64(tr.Link.LinkCost), "USD", &tr.Link.key, scopeLink, &lfUSD)
	tr.Cost = USD(links) * tr.Link.LinkCost
	p.at(&tfFiber)
	p.formula(fTierFiber)
	p.dep("links", float64(links), "", -1, &tfLinks)
	p.depLink("fibres per link", float64(tr.Link.Fibers), "", &tr.Link.key, scopeLink, &lfFibers)
	p.in("L (mean)", tr.Length.Metres(), "m")
	tr.FiberLen = Length(links*tr.Link.Fibers) * tr.Length
	p.at(&tfCables)
	p.formula(fCables)
	p.dep("links", float64(links), "", -1, &tfLinks)
	if tr.Link.key.near.cable {
		tr.Cables = links
	}
	d := pl.bom(p, [2]side{near, far}, [...]*Field{&tfModules, &tfEngines, &tfLasers, &tfSources, &tfFIT})
	tr.Modules, tr.Engines, tr.Lasers, tr.Sources, tr.FIT = d.modules, d.engines, d.lasers, d.sources, d.fit
	p.at(&tfTransceivers)
	p.formula(fTransceivers)
	p.dep("modules", float64(tr.Modules), "", -1, &tfModules)
	p.dep("engines", float64(tr.Engines), "", -1, &tfEngines)
}

// side is one end of some links, as the bill of materials counts it:
// units devices (switches, NICs) sharing links links evenly, each link of
// lanes lanes; cage: a switch's cages, where one module may carry several
// ports (twin-port), rather than a NIC's cage per port.
type side struct {
	row                 *techRow
	units, links, lanes int
	rate                BitRate // of a lane
	cage                bool
}

// spread shares the side's links among its devices as evenly as they go:
// n devices with m ports each, in two groups (r devices take one more).
func (sd side) spread() [2]struct{ n, m int } {
	units := max(1, sd.units)
	q, r := sd.links/units, sd.links%units
	return [2]struct{ n, m int }{{r, q + 1}, {units - r, q}}
}

// devices is a part of the bill of materials.
type devices struct {
	modules, engines, lasers, sources int
	fit                               FIT
}

func (d *devices) add(e devices) {
	d.modules += e.modules
	d.engines += e.engines
	d.lasers += e.lasers
	d.sources += e.sources
	d.fit += e.fit
}

// Formulas of the bill of materials.
const (
	fModules = "per device with m ports of ℓ lanes: ceil(m / floor(module_lanes / ℓ)) modules in a switch's cages (twin-port), m × ceil(ℓ / module_lanes) at a NIC"
	fEngines = "per device with m ports: ceil(m × ℓ × R_lane / cpo_engine_gbps) engines (at least one per NIC or switch)"
	fLasers  = "a laser per lane in each module; ceil(lanes of the device / cpo_lanes_per_laser) external lasers for each device's engines"
	fSources = "ceil(external lasers of the device / els_lasers) laser source modules for each device's engines"
	fBOMFIT  = "λ = Σ devices Σ parts n_part × λ_part: a module's DSP and controller once, its lasers per lane; an engine once, the external lasers per group; a cable's two plugs"
)

// bom counts the devices at the sides of some links and sums their
// failure rates. A traced run counts once for each field, so that each
// reads what it needs.
func (pl *plan) bom(p *paramSet, sides [2]side, fields [5]*Field) devices {
	var d devices
	n := 1
	if p.tracing() {
		n = len(fields)
	}
	for k := 0; k < n; k++ {
		p.at(fields[k])
		p.formula([...]string{fModules, fEngines, fLasers, fSources, fBOMFIT}[k])
		d = devices{}
		for _, sd := range sides {
			d.add(pl.sideDevices(p, sd))
		}
	}
	return d
}

// sideDevices counts one side's devices: the links shared as evenly as
// they go (r units take one more than the rest).
func (pl *plan) sideDevices(p *paramSet, sd side) devices {
	var d devices
	if p.tracing() {
		p.in("devices", float64(max(1, sd.units)), "")
		p.in("ports", float64(sd.links), "")
		p.in("ℓ (lanes per port)", float64(sd.lanes), "")
	}
	for _, g := range sd.spread() {
		if g.n == 0 || g.m == 0 {
			continue
		}
		e := deviceOf(p, sd.row, g.m, sd.lanes, sd.cage, sd.rate)
		d.modules += g.n * e.modules
		d.engines += g.n * e.engines
		d.lasers += g.n * e.lasers
		d.sources += g.n * e.sources
		d.fit += FIT(g.n) * e.fit
	}
	return d
}

// sharedFixed is the fixed module power a side's twin-port modules save:
// one controller serves the ports a module carries, where the links count
// one per port.
func sharedFixed(p *paramSet, sd side) Power {
	if sd.row.count != countModules || !sd.cage {
		return 0
	}
	ml := p.count(pModuleLanes)
	if sd.lanes > ml || ml/sd.lanes < 2 {
		return 0
	}
	per := ml / sd.lanes
	var fixed Power
	for _, e := range sd.row.energy {
		if e.scale == perPort {
			fixed += p.power(e.param)
			p.in(catalogue[e.param].ID, p.raw(e.param), "W")
		}
	}
	ports, modules := sd.links, 0
	for _, g := range sd.spread() {
		modules += g.n * ceilDiv(g.m, per)
	}
	p.in("ports in shared cages", float64(ports), "")
	p.in("modules there", float64(modules), "")
	return Power(ports-modules) * fixed
}

// deviceOf is what one device with m ports of lanes lanes holds of a
// technology: its modules, engines, lasers and their failure rate.
func deviceOf(p *paramSet, t *techRow, m, lanes int, cage bool, rate BitRate) devices {
	var d devices
	switch t.count {
	case countCables:
		// The plugs of m cables at this device.
		d.fit = FIT(m) * partsFIT(p, t, 1, lanes, &d)
	case countModules:
		ml := p.count(pModuleLanes)
		p.in("module_lanes", float64(ml), "")
		per, inModule := 1, min(lanes, ml)
		if cage && lanes <= ml {
			per = ml / lanes
			d.modules = ceilDiv(m, per)
			inModule = per * lanes
		} else {
			d.modules = m * ceilDiv(lanes, ml)
		}
		d.fit = FIT(d.modules) * partsFIT(p, t, 1, inModule, &d)
		d.lasers *= d.modules
	case countEngines:
		all := m * lanes
		p.in("cpo_engine_gbps", p.raw(pCPOEngineGbps), "Gb/s")
		d.engines = max(1, int(math.Ceil(float64(all)*float64(rate)/p.si(pCPOEngineGbps)-1e-9)))
		d.fit = partsFIT(p, t, d.engines, all, &d)
	}
	return d
}

// partsFIT sums the failure rates of a technology's parts for units
// devices over lanes lanes: a part once per unit, per lane, or per group
// of lanes (external lasers, shared by the device's engines), or per
// module of those lasers. It counts the lasers and source modules in d.
func partsFIT(p *paramSet, t *techRow, units, lanes int, d *devices) FIT {
	var f FIT
	before := d.lasers
	for _, ft := range t.fit {
		n := units
		switch ft.count {
		case perLane:
			n = lanes
		case perLaserOf:
			n = int(math.Ceil(float64(lanes)/p.ratio(ft.group) - 1e-9))
			p.in(catalogue[ft.group].ID, p.raw(ft.group), "")
		case perSourceOf:
			// The modules that hold the lasers counted just before.
			n = ceilDiv(d.lasers-before, p.count(pELSLasers))
			p.in("els_lasers", p.raw(pELSLasers), "")
			d.sources += n
		}
		if ft.count == perLane || ft.count == perLaserOf {
			d.lasers += n
		}
		p.in(catalogue[ft.param].ID, p.raw(ft.param), "FIT")
		f += FIT(n) * p.fit(ft.param)
	}
	return f
}

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
	p.at(&sfLaneGbps)
	p.formula("scale_up.lane_gbps, or the scale-out lane_gbps when it is 0")
	if pl.suLane.baudID != noParam {
		p.raw(pl.suLane.baudID)
	}
	su.Lane = pl.suLane.Rate
	p.at(&sfDomains)
	p.formula(fSUDomains)
	p.in("N_GPU", float64(s.GPUs), "")
	p.in("domain_gpus", float64(d), "")
	su.Domains = ceilDiv(s.GPUs, d)
	p.at(&sfLanesPerGPU)
	p.formula(fSULanes)
	p.in("gbps_per_gpu", s.ScaleUp.GbpsPerGPU, "Gb/s")
	p.in("R_lane", pl.suLane.Rate.Gbps(), "Gb/s")
	su.LanesPerGPU = int(math.Ceil(s.ScaleUp.GbpsPerGPU/pl.suLane.Rate.Gbps() - 1e-9))
	p.at(&sfLinksPerGPU)
	p.formula(fSULinks)
	p.dep("lanes per GPU", float64(su.LanesPerGPU), "", -1, &sfLanesPerGPU)
	ll := p.count(pSULinkLanes)
	su.LinksPerGPU = ceilDiv(su.LanesPerGPU, ll)
	p.at(&sfLinks)
	p.formula(fSUAllLinks)
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
	p.at(&sfPairs)
	p.formula(fSUPairs)
	p.dep("links", float64(su.Links), "", -1, &sfLinks)
	p.in("scale_up_link_lanes", p.raw(pSULinkLanes), "")
	p.in("pairs per lane (2: one direction per pair; 1: both)", float64(su.Link.PairsPerLane()), "")
	su.Pairs = su.Links * ll * su.Link.PairsPerLane()
	p.at(&sfPairsPerDomain)
	p.formula(fSUDomainPairs)
	p.in("domain_gpus", float64(d), "")
	p.dep("links per GPU", float64(su.LinksPerGPU), "", -1, &sfLinksPerGPU)
	p.in("scale_up_link_lanes", p.raw(pSULinkLanes), "")
	p.in("pairs per lane (2: one direction per pair; 1: both)", float64(su.Link.PairsPerLane()), "")
	su.PairsPerDomain = d * su.LinksPerGPU * ll * su.Link.PairsPerLane()
	p.at(&sfBandwidth)
	p.formula(fSUBandwidth)
	p.in("domain_gpus", float64(d), "")
	p.in("gbps_per_gpu", s.ScaleUp.GbpsPerGPU, "Gb/s")
	su.DomainBandwidth = 2 * BitRate(d) * BitRate(s.ScaleUp.GbpsPerGPU) * Gbps
	su.Length = Length(s.ScaleUp.LengthM) * Metre
	p.at(&sfSwitchChips)
	p.formula(fSUChips)
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
	p.at(&sfWatts)
	p.formula(fTierPower)
	p.dep("links", float64(su.Links), "", -1, &sfLinks)
	p.depLink("P_link", su.Link.LinkPower.Watts(), "W", &su.Link.key, scopeLink, &lfLinkWatts)
	sc, sg := sharedFixed(p, chip), sharedFixed(p, gpu)
	su.sharedSwitch = sc
	su.Power = Power(su.Links)*su.Link.LinkPower - sc - sg
	p.at(&sfPJ)
	p.formula(fTierPJ)
	p.dep("P", su.Power.Watts(), "W", -1, &sfWatts)
	p.dep("links", float64(su.Links), "", -1, &sfLinks)
	p.in("R_port", su.Link.Port.Gbps(), "Gb/s")
	p.at(&sfUSD)
	p.formula(fTierCost)
	p.dep("links", float64(su.Links), "", -1, &sfLinks)
	p.depLink("C_link", float64(su.Link.LinkCost), "USD", &su.Link.key, scopeLink, &lfUSD)
	su.Cost = USD(su.Links) * su.Link.LinkCost
	p.at(&sfFiber)
	p.formula(fTierFiber)
	p.dep("links", float64(su.Links), "", -1, &sfLinks)
	p.depLink("fibres per link", float64(su.Link.Fibers), "", &su.Link.key, scopeLink, &lfFibers)
	p.in("L", su.Length.Metres(), "m")
	su.FiberLen = Length(su.Links) * su.Link.FiberLen
	if su.Link.key.near.cable {
		for _, f := range [2]*Field{&sfCopper, &sfCopperPerDomain} {
			p.at(f)
			p.formula(fSUCopper)
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
	p.at(&sfLevels)
	p.formula(fSULevels)
	p.in("domain_gpus", float64(d), "")
	p.in("ports per chip", p.raw(pSUSwitchPorts), "")
	su.Levels = 1
	if ports := p.count(pSUSwitchPorts); d > ports {
		pl.twoLevels(&su, su.Requested, only, ports)
	}
	// The chips' cores, once their count is known (both levels).
	p.at(&sfSwitchWatts)
	p.formula(fSUChipPower)
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

// Formulas of the totals.
const (
	fTotSwitches     = "Σ tiers' switches above"
	fTotLinks        = "Σ tiers' links"
	fTotSum          = "Σ tiers' and the scale-up domain's"
	fTotInterconnect = "P_interconnect = P_scale-out + P_scale-up: every link device and the host SerDes that drive it, each counted once"
	fTotScaleOut     = "P_scale-out = Σ tiers' P"
	fTotGPU          = "P_GPU = N_GPU × gpu_watts (the GPU's link SerDes count with the links)"
	fTotNIC          = "P_NIC = N_GPU × nic_core_watts"
	fTotIT           = "P_IT = P_GPU + P_NIC + P_switch + P_interconnect + P_switch overhead"
	fTotBox          = "P_boxes = (P_switch + Σ switch-side ends (device + host SerDes)) / η_VRM × (1 + s_cooling) / η_PSU, every scale-out box and scale-up chip"
	fTotOverhead     = "P_overhead = P_boxes − (P_switch + switch-side ends): fans or pumps, converter and supply losses"
	fTotNetFIT       = "λ_network = λ_interconnect + (N_switch + N_scale-up chips) × switch_fit"
	fTotNetMTBF      = "MTBF = 10⁹ h / λ_network"
	fTotFacility     = "P_facility = P_IT × PUE"
	fTotShare        = "share = P_interconnect / P_IT"
	fTotHeat         = "P_interconnect × PUE: every watt of the links becomes heat the facility removes"
	fTotAnnual       = "E_year = P_interconnect × PUE × 8,766 h"
	fTotUSD          = "cost = E_year (kWh) × usd_per_kwh"
	fTotHouseholds   = "households = E_year / household_kwh_per_year"
	fTotWattsPerGPU  = "P per GPU = P_interconnect / N_GPU"
	fTotCapexPerGPU  = "capex per GPU = C_links / N_GPU"
	fTotFiberPerGPU  = "fibre per GPU = fibre / N_GPU"
	fTotFiberCNY     = "cost = fibre (core-km) × fiber_cny_per_core_km"
	fTotSwitchCapex  = "C_switches = (N_switch × k × R_port + N_scale-up chips × R_chip) × cost_switch_usd_per_gbps"
	fTotFiberUSD     = "C_fibre = fibre cost (CNY) / cny_per_usd"
	fTotEnergyUSD    = "C_energy = (P_interconnect + P_switch + P_switch overhead) × PUE × 8,766 h × years × usd_per_kwh"
	fTotTCO          = "TCO = C_links + C_switches + C_fibre + C_energy"
	fTotTCOPerGPU    = "TCO per GPU = TCO / N_GPU"
	fTotMTBF         = "MTBF = 10⁹ h / Σ FIT"
	fTotLatency      = "t_worst = Σ tiers 2 × t_link + (2T − 1) × t_switch: up to the top tier and down again"
	fTotSULatency    = "t = 2 × t_link + t_switch; with a second level, + 2 × t_spine link + 2 × t_switch"
	fTotFeasible     = "every tier and the scale-up domain reach their length"
)

// totals sums the cluster.
//
//	P_IT  = N (P_GPU + P_NIC) + P_switch cores + P_interconnect
//	share = P_interconnect / P_IT
//	E_yr  = P_interconnect × PUE × 8,766 h
//	MTBF  = 10⁹ h / Σ FIT
//	t_worst = Σ_tiers 2 t_link + (2 T − 1) t_switch
func (pl *plan) totals(tiers []TierResult, su *ScaleUpResult) Totals {
	p := &pl.p
	m := p.open(0)
	defer p.close(m)
	s := pl.s
	var t Totals
	t.Feasible = su.Feasible
	p.at(&xfSwitches)
	p.formula(fTotSwitches)
	t.Switches = pl.tree.totalSwitches()
	for i := 0; i < len(tiers) && p.tracing(); i++ {
		p.depTier("switches above tier "+tierNumber(i), float64(tiers[i].SwitchesAbove), "", i, &tfSwitches)
	}
	t.ScaleUpSwitches = su.SwitchChips
	pl.switchBoxes(&t, su)
	for i := range tiers {
		tr := &tiers[i]
		t.Feasible = t.Feasible && tr.Feasible
		t.Links += tr.Links
		t.Modules += tr.Modules
		t.Engines += tr.Engines
		t.Lasers += tr.Lasers
		t.Sources += tr.Sources
		t.Cables += tr.Cables
		t.ScaleOutPower += tr.Power
		t.FiberLen += tr.FiberLen
		t.Capex += tr.Cost
		t.FIT += tr.FIT
		t.Latency += 2 * tr.Link.Latency.Total()
	}
	if n := len(tiers); n > 0 {
		p.at(&xfLatency)
		t.Latency += Time((2*n-1)*pl.box.hops) * p.time(pSwitchNS)
	}
	t.ScaleUpLinks = su.Links
	t.ScaleUpPower = su.Power
	t.Modules += su.Modules
	t.Engines += su.Engines
	t.Lasers += su.Lasers
	t.Sources += su.Sources
	if su.Present && su.Link.key.near.cable {
		t.Cables += su.Links
	}
	t.FiberLen += su.FiberLen
	t.Capex += su.Cost
	t.FIT += su.FIT
	if su.Present {
		p.at(&xfSULatency)
		t.ScaleUpLatency = 2*su.Link.Latency.Total() + p.time(pSwitchNS)
		if su.Levels == 2 {
			t.ScaleUpLatency += 2*su.SpineLink.Latency.Total() + 2*p.time(pSwitchNS)
		}
	}
	t.Transceivers = t.Modules + t.Engines
	t.InterconnectPower = t.ScaleOutPower + t.ScaleUpPower
	t.GPUPower = Power(s.GPUs) * Power(s.GPUWatts)
	p.at(&xfNICWatts)
	t.NICPower = Power(s.GPUs) * p.power(pNICWatts)
	ports, outPorts := switchPorts(tiers, su)
	elec := t.SwitchPower + ports
	p.at(&xfBoxWatts)
	wall := (1 + p.ratio(pl.cooling)) / p.ratio(pPSUEfficiency) / p.ratio(pVRMEfficiency)
	t.SwitchBoxPower = Power(float64(elec) * wall)
	t.SwitchOverhead = t.SwitchBoxPower - elec
	p.at(&xfOneBoxWatts)
	if t.Switches > 0 {
		t.BoxPower = Power(float64(t.SwitchPower-su.SwitchPower+outPorts) * wall / float64(t.Switches))
	}
	t.ITPower = t.GPUPower + t.NICPower + t.SwitchPower + t.InterconnectPower + t.SwitchOverhead
	t.FacilityPower = t.ITPower * Power(s.PUE)
	if t.ITPower > 0 {
		t.InterconnectShare = Ratio(t.InterconnectPower / t.ITPower)
	}
	t.InterconnectHeat = t.InterconnectPower * Power(s.PUE)
	t.AnnualEnergy = Energy(float64(t.InterconnectHeat) * float64(Year))
	t.AnnualUSD = USD(float64(t.AnnualEnergy/KilowattHour) * s.USDPerKWh)
	p.at(&xfHouseholds)
	if hh := p.energy(pHouseholdKWh); hh > 0 {
		t.Households = float64(t.AnnualEnergy / hh)
	}
	t.FiberCNY = CNY(float64(t.FiberLen/Kilometre) * s.FiberCNYPerCoreKm)
	t.MTBF = t.FIT.MTBF()
	p.at(&xfNetFIT)
	t.NetworkFIT = t.FIT + FIT(t.Switches+t.ScaleUpSwitches)*p.fit(pSwitchFIT)
	t.NetworkMTBF = t.NetworkFIT.MTBF()
	n := float64(s.GPUs)
	t.WattsPerGPU = t.InterconnectPower / Power(n)
	t.CapexPerGPU = t.Capex / USD(n)
	t.FiberPerGPU = t.FiberLen / Length(n)
	pl.ownership(&t, su)
	if p.tracing() {
		pl.traceTotals(tiers, su, &t)
	}
	return t
}

// ownership sums what the network costs over the scenario's years, in
// dollars: what is bought (links, switch boxes, fibre at the exchange
// rate) and the energy the links and switches draw at the wall.
func (pl *plan) ownership(t *Totals, su *ScaleUpResult) {
	p := &pl.p
	s := pl.s
	p.at(&xfSwitchCapex)
	p.formula(fTotSwitchCapex)
	p.dep("N_switch", float64(t.Switches), "", -1, &xfSwitches)
	p.in("k", float64(s.ScaleOut.SwitchRadix), "")
	p.in("R_port", s.ScaleOut.PortGbps, "Gb/s")
	p.dep("N_scale-up chips", float64(t.ScaleUpSwitches), "", -1, &xfScaleUpSwitches)
	p.in("R_chip", su.ChipRate.Gbps(), "Gb/s")
	perGbps := p.raw(pSwitchCost)
	p.in("cost_switch_usd_per_gbps", perGbps, "USD/(Gb/s)")
	capacity := float64(t.Switches)*pl.box.silicon().Gbps() + float64(t.ScaleUpSwitches)*su.ChipRate.Gbps()
	t.SwitchCapex = USD(capacity * perGbps)

	p.at(&xfFiberUSD)
	p.formula(fTotFiberUSD)
	p.dep("fibre cost", float64(t.FiberCNY), "CNY", -1, &xfFiberCNY)
	rate := p.raw(pCNYPerUSD)
	p.in("cny_per_usd", rate, "CNY/USD")
	t.FiberUSD = USD(float64(t.FiberCNY) / rate)

	p.at(&xfEnergyUSD)
	p.formula(fTotEnergyUSD)
	p.dep("P_interconnect", t.InterconnectPower.Watts(), "W", -1, &xfInterconnect)
	p.dep("P_switch", t.SwitchPower.Watts(), "W", -1, &xfSwitchWatts)
	p.dep("P_switch overhead", t.SwitchOverhead.Watts(), "W", -1, &xfOverheadWatts)
	p.in("PUE", s.PUE, "1")
	p.in("years", s.Years, "years")
	p.in("usd_per_kwh", s.USDPerKWh, "USD/kWh")
	wall := (t.InterconnectPower + t.SwitchPower + t.SwitchOverhead) * Power(s.PUE)
	kwh := float64(Energy(float64(wall)*float64(Year)) / KilowattHour)
	t.EnergyUSD = USD(kwh * s.Years * s.USDPerKWh)

	p.at(&xfTCO)
	p.formula(fTotTCO)
	p.dep("C_links", float64(t.Capex), "USD", -1, &xfCapex)
	p.dep("C_switches", float64(t.SwitchCapex), "USD", -1, &xfSwitchCapex)
	p.dep("C_fibre", float64(t.FiberUSD), "USD", -1, &xfFiberUSD)
	p.dep("C_energy", float64(t.EnergyUSD), "USD", -1, &xfEnergyUSD)
	t.TCO = t.Capex + t.SwitchCapex + t.FiberUSD + t.EnergyUSD

	p.at(&xfTCOPerGPU)
	p.formula(fTotTCOPerGPU)
	p.dep("TCO", float64(t.TCO), "USD", -1, &xfTCO)
	p.in("N_GPU", float64(s.GPUs), "")
	t.TCOPerGPU = t.TCO / USD(s.GPUs)
}

func tierNumber(i int) string { return string(rune('1' + i)) }

// switchPorts is the power of the link ends in switch boxes: the upper end
// of every tier, the lower end of every tier above the first, the switch
// end of the scale-up links. Each is its device (a module in a cage, an
// engine, a cable's plug) and the ASIC's SerDes that drive it.
func switchPorts(tiers []TierResult, su *ScaleUpResult) (all, scaleOut Power) {
	for i := range tiers {
		l := &tiers[i].Link
		scaleOut += Power(tiers[i].Links)*(l.Near.DevicePower+l.Near.HostPower) - tiers[i].sharedSwitch
		if i > 0 {
			scaleOut += Power(tiers[i].Links) * (l.Far.DevicePower + l.Far.HostPower)
		}
	}
	all = scaleOut
	if su.Present {
		all += Power(su.Links)*(su.Link.Near.DevicePower+su.Link.Near.HostPower) - su.sharedSwitch
		if l := &su.SpineLink; su.Levels == 2 {
			// Both ends of a spine link are in switch trays.
			all += Power(su.SpineLinks) * (l.Near.DevicePower + l.Near.HostPower + l.Far.DevicePower + l.Far.HostPower)
		}
	}
	return all, scaleOut
}

// traceTotals records the totals' formulas and inputs: each is a sum or a
// product of the numbers above.
func (pl *plan) traceTotals(tiers []TierResult, su *ScaleUpResult, t *Totals) {
	p := &pl.p
	s := pl.s
	var vals [MaxTiers]float64
	sumTiers := func(f *Field, unit string, tf *Field, suf *Field, suv float64) {
		p.at(f)
		p.formula(fTotSum)
		if suf == nil {
			p.formula(fTotLinks)
		}
		for i := range tiers {
			p.depTier("tier "+tierNumber(i), vals[i], unit, i, tf)
		}
		if suf != nil && su.Present {
			p.depSU("scale-up", suv, unit, suf)
		}
	}
	for i := range tiers {
		vals[i] = float64(tiers[i].Links)
	}
	sumTiers(&xfLinks, "", &tfLinks, nil, 0)
	for i := range tiers {
		vals[i] = float64(tiers[i].Modules)
	}
	sumTiers(&xfModules, "", &tfModules, &sfModules, float64(su.Modules))
	for i := range tiers {
		vals[i] = float64(tiers[i].Engines)
	}
	sumTiers(&xfEngines, "", &tfEngines, &sfEngines, float64(su.Engines))
	for i := range tiers {
		vals[i] = float64(tiers[i].Lasers)
	}
	sumTiers(&xfLasers, "", &tfLasers, &sfLasers, float64(su.Lasers))
	for i := range tiers {
		vals[i] = float64(tiers[i].Sources)
	}
	sumTiers(&xfSources, "", &tfSources, &sfSources, float64(su.Sources))
	for i := range tiers {
		vals[i] = float64(tiers[i].Cables)
	}
	sumTiers(&xfCables, "", &tfCables, &sfLinks, float64(t.Cables-sumCables(tiers)))
	for i := range tiers {
		vals[i] = float64(tiers[i].FiberLen / Kilometre)
	}
	sumTiers(&xfFiber, "km", &tfFiber, &sfFiber, float64(su.FiberLen/Kilometre))
	for i := range tiers {
		vals[i] = float64(tiers[i].Cost)
	}
	sumTiers(&xfCapex, "USD", &tfUSD, &sfUSD, float64(su.Cost))
	for i := range tiers {
		vals[i] = float64(tiers[i].FIT)
	}
	sumTiers(&xfFIT, "FIT", &tfFIT, &sfFIT, float64(su.FIT))
	p.at(&xfScaleOutWatts)
	p.formula(fTotScaleOut)
	for i := range tiers {
		p.depTier("P tier "+tierNumber(i), tiers[i].Power.Watts(), "W", i, &tfWatts)
	}
	p.at(&xfScaleUpWatts)
	p.formula("P_scale-up = the scale-up domains' link power")
	p.depSU("P_scale-up", su.Power.Watts(), "W", &sfWatts)
	p.at(&xfScaleUpSwitches)
	p.formula("the scale-up switch chips")
	p.depSU("chips", float64(su.SwitchChips), "", &sfSwitchChips)
	p.at(&xfScaleUpLinks)
	p.formula("the scale-up links")
	p.depSU("links", float64(su.Links), "", &sfLinks)
	p.at(&xfTransceivers)
	p.formula(fTransceivers)
	p.dep("modules", float64(t.Modules), "", -1, &xfModules)
	p.dep("engines", float64(t.Engines), "", -1, &xfEngines)
	p.at(&xfInterconnect)
	p.formula(fTotInterconnect)
	p.dep("P_scale-out", t.ScaleOutPower.Watts(), "W", -1, &xfScaleOutWatts)
	p.dep("P_scale-up", t.ScaleUpPower.Watts(), "W", -1, &xfScaleUpWatts)
	ports, outPorts := switchPorts(tiers, su)
	p.at(&xfBoxWatts)
	p.formula(fTotBox)
	p.dep("P_switch", t.SwitchPower.Watts(), "W", -1, &xfSwitchWatts)
	for i := range tiers {
		l := &tiers[i].Link
		p.in("P_end + P_host, tier "+tierNumber(i)+" upper end", (l.Near.DevicePower + l.Near.HostPower).Watts(), "W")
		p.depTier("links, tier "+tierNumber(i), float64(tiers[i].Links), "", i, &tfLinks)
	}
	p.in("switch-side ends", ports.Watts(), "W")
	p.in("s_cooling", p.raw(pl.cooling), "")
	p.in("η_VRM", p.raw(pVRMEfficiency), "")
	p.in("η_PSU", p.raw(pPSUEfficiency), "")
	p.at(&xfOverheadWatts)
	p.formula(fTotOverhead)
	p.dep("P_boxes", t.SwitchBoxPower.Watts(), "W", -1, &xfBoxWatts)
	p.dep("P_switch", t.SwitchPower.Watts(), "W", -1, &xfSwitchWatts)
	p.in("switch-side ends", ports.Watts(), "W")
	p.at(&xfOneBoxWatts)
	p.formula(fBoxWatts)
	p.dep("P_switch", t.SwitchPower.Watts(), "W", -1, &xfSwitchWatts)
	p.depSU("less the scale-up chips", su.SwitchPower.Watts(), "W", &sfSwitchWatts)
	p.in("scale-out switch-side ends", outPorts.Watts(), "W")
	p.dep("N_switch", float64(t.Switches), "", -1, &xfSwitches)
	p.in("η_VRM", p.raw(pVRMEfficiency), "")
	p.in("s_cooling", p.raw(pl.cooling), "")
	p.in("η_PSU", p.raw(pPSUEfficiency), "")
	p.at(&xfNetFIT)
	p.formula(fTotNetFIT)
	p.dep("λ_interconnect", float64(t.FIT), "FIT", -1, &xfFIT)
	p.dep("N_switch", float64(t.Switches), "", -1, &xfSwitches)
	p.dep("N_scale-up chips", float64(t.ScaleUpSwitches), "", -1, &xfScaleUpSwitches)
	p.in("switch_fit", p.raw(pSwitchFIT), "FIT")
	p.at(&xfNetMTBF)
	p.formula(fTotNetMTBF)
	p.dep("λ_network", float64(t.NetworkFIT), "FIT", -1, &xfNetFIT)
	p.at(&xfGPUWatts)
	p.formula(fTotGPU)
	p.in("N_GPU", float64(s.GPUs), "")
	p.in("gpu_watts", s.GPUWatts, "W")
	p.at(&xfNICWatts)
	p.formula(fTotNIC)
	p.in("N_GPU", float64(s.GPUs), "")
	p.in("nic_core_watts", p.raw(pNICWatts), "W")
	p.at(&xfITWatts)
	p.formula(fTotIT)
	p.dep("P_GPU", t.GPUPower.Watts(), "W", -1, &xfGPUWatts)
	p.dep("P_NIC", t.NICPower.Watts(), "W", -1, &xfNICWatts)
	p.dep("P_switch", t.SwitchPower.Watts(), "W", -1, &xfSwitchWatts)
	p.dep("P_interconnect", t.InterconnectPower.Watts(), "W", -1, &xfInterconnect)
	p.dep("P_switch overhead", t.SwitchOverhead.Watts(), "W", -1, &xfOverheadWatts)
	p.at(&xfFacility)
	p.formula(fTotFacility)
	p.dep("P_IT", t.ITPower.Watts(), "W", -1, &xfITWatts)
	p.in("PUE", s.PUE, "1")
	p.at(&xfShare)
	p.formula(fTotShare)
	p.dep("P_interconnect", t.InterconnectPower.Watts(), "W", -1, &xfInterconnect)
	p.dep("P_IT", t.ITPower.Watts(), "W", -1, &xfITWatts)
	p.at(&xfHeat)
	p.formula(fTotHeat)
	p.dep("P_interconnect", t.InterconnectPower.Watts(), "W", -1, &xfInterconnect)
	p.in("PUE", s.PUE, "1")
	p.at(&xfAnnualMWh)
	p.formula(fTotAnnual)
	p.dep("P_interconnect × PUE", t.InterconnectHeat.Watts(), "W", -1, &xfHeat)
	p.at(&xfAnnualUSD)
	p.formula(fTotUSD)
	p.dep("E_year", t.AnnualEnergy.MWh(), "MWh", -1, &xfAnnualMWh)
	p.in("usd_per_kwh", s.USDPerKWh, "USD/kWh")
	p.at(&xfHouseholds)
	p.formula(fTotHouseholds)
	p.dep("E_year", t.AnnualEnergy.MWh(), "MWh", -1, &xfAnnualMWh)
	p.in("household_kwh_per_year", p.raw(pHouseholdKWh), "kWh")
	p.at(&xfFiberCNY)
	p.formula(fTotFiberCNY)
	p.dep("fibre", float64(t.FiberLen/Kilometre), "km", -1, &xfFiber)
	p.in("fiber_cny_per_core_km", s.FiberCNYPerCoreKm, "CNY")
	p.at(&xfMTBF)
	p.formula(fTotMTBF)
	p.dep("Σ FIT", float64(t.FIT), "FIT", -1, &xfFIT)
	p.at(&xfLatency)
	p.formula(fTotLatency)
	for i := range tiers {
		p.depLink("t_link tier "+tierNumber(i), tiers[i].Link.Latency.Total().Nanoseconds(), "ns", &tiers[i].Link.key, scopeLink, &lfLatency)
	}
	p.in("T", float64(len(tiers)), "")
	p.in("t_switch", p.raw(pSwitchNS), "ns")
	p.at(&xfSULatency)
	p.formula(fTotSULatency)
	if su.Present {
		p.depLink("t_link", su.Link.Latency.Total().Nanoseconds(), "ns", &su.Link.key, scopeLink, &lfLatency)
		p.in("t_switch", p.raw(pSwitchNS), "ns")
	}
	n := float64(s.GPUs)
	p.at(&xfWattsPerGPU)
	p.formula(fTotWattsPerGPU)
	p.dep("P_interconnect", t.InterconnectPower.Watts(), "W", -1, &xfInterconnect)
	p.in("N_GPU", n, "")
	p.at(&xfCapexPerGPU)
	p.formula(fTotCapexPerGPU)
	p.dep("C_links", float64(t.Capex), "USD", -1, &xfCapex)
	p.in("N_GPU", n, "")
	p.at(&xfFiberPerGPU)
	p.formula(fTotFiberPerGPU)
	p.dep("fibre", float64(t.FiberLen/Kilometre), "km", -1, &xfFiber)
	p.in("N_GPU", n, "")
	p.at(&xfFeasible)
	p.formula(fTotFeasible)
	for i := range tiers {
		p.depTier("tier "+tierNumber(i), b2f(tiers[i].Feasible), "", i, &tfFeasible)
	}
}

func sumCables(tiers []TierResult) int {
	n := 0
	for i := range tiers {
		n += tiers[i].Cables
	}
	return n
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// FirstTier is a scenario's first tier as the animation draws it: the
// lane rate and port, the tier's mean length, the technology the scenario
// asks for there and the one it gets, and the copper the all-copper stage
// would put there ("" when none is in the table). Present is false for a
// cluster with no tier.
type FirstTier struct {
	LaneGbps  float64
	PortLanes int
	Length    Length
	Requested Tech
	Tech      Tech
	Copper    Tech
	Present   bool
}

// EvaluateFirstTier evaluates only the first tier of a scenario, under
// the scenario's technologies and under copper alone: what Evaluate would
// say of it, without the rest of the cluster.
func EvaluateFirstTier(s Scenario) (FirstTier, error) {
	pl := new(plan)
	if err := pl.build(s); err != nil {
		return FirstTier{}, err
	}
	ft := FirstTier{LaneGbps: pl.s.LaneGbps, PortLanes: pl.portLanes}
	if pl.tree.tiers == 0 {
		return ft, nil
	}
	var tr TierResult
	a := pl.assignment(-1)
	pl.tierInto(0, a.tiers[0], a.nic, a.only, &tr)
	ft.Present, ft.Length, ft.Requested, ft.Tech = true, tr.Length, tr.Requested, tr.Tech
	for i, c := range Comparisons {
		if c.Only == StageCopper {
			a := pl.assignment(i)
			pl.tierInto(0, a.tiers[0], a.nic, a.only, &tr)
			ft.Copper = tr.Tech
		}
	}
	return ft, nil
}
