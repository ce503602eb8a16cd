package core

import "math"

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
	Length    Length
	Link      LinkResult
	Feasible  bool

	SwitchesAbove int // switches at the upper end of this tier
	Modules       int // pluggable modules (twin-port modules counted once)
	Engines       int // co-packaged optical engines
	Cables        int // copper cable assemblies
	Power         Power
	FiberLen      Length // all fibres of the tier (core length)
	FIT           FIT
	Cost          USD

	Candidates  [6]Candidate
	nCandidates int
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
	Requested       Tech
	Tech            Tech
	Length          Length
	Link            LinkResult
	Feasible        bool
	Power           Power
	FIT             FIT
	Cost            USD
	FiberLen        Length
	Modules         int
	Engines         int
	// AsTech is the power the same domains would draw with each technology
	// (infeasible ones marked).
	AsTech      [6]Candidate
	Candidates  [6]Candidate
	nCandidates int
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
	Cables            int
	InterconnectPower Power // every link device and its host SerDes
	ScaleOutPower     Power
	ScaleUpPower      Power
	SwitchPower       Power // switch ASICs besides their SerDes
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
	FIT               FIT
	MTBF              Time
	Latency           Time // worst GPU-to-GPU path over the scale-out network
	ScaleUpLatency    Time // GPU to GPU through one scale-up switch
}

// Blocked names a tier a stage cannot reach.
type Blocked struct {
	Tier     int // -1 for the scale-up domain
	Tech     Tech
	Need     Length
	MaxReach Length
}

// StageResult is the cluster built with one stage's technology.
type StageResult struct {
	Stage    string // copper, dsp, lpo, cpo
	Feasible bool
	Totals   Totals
	Tiers    [MaxTiers]Tech
	ScaleUp  Tech
	Blocked  [MaxTiers + 1]Blocked
	nBlocked int
}

// BlockedList returns the tiers the stage cannot reach.
func (s *StageResult) BlockedList() []Blocked { return s.Blocked[:s.nBlocked] }

// Stages lists the by_stage comparisons, in the article's order.
var Stages = []string{"copper", "dsp", "lpo", "cpo"}

// Result is the evaluation of a scenario.
type Result struct {
	Scenario    Scenario
	Lane        LaneInfo
	Endpoints   int // scale-out ports
	PortsPerGPU int
	PortLanes   int
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
	tiers      [MaxTiers]Tech
	nic        Tech
	scaleUp    Tech
	copperOnly bool // auto may only choose copper
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

func (pl *plan) evaluate() Result {
	p := &pl.p
	r := Result{
		Scenario:    pl.s,
		Endpoints:   pl.endpoints,
		PortsPerGPU: pl.portsPerGPU,
		PortLanes:   pl.portLanes,
		TiersUsed:   pl.tree.tiers,
		Capacity:    FatTreeCapacity(pl.tree.radix, pl.tree.tiers),
		Lane: LaneInfo{
			Rate: pl.lane.Rate, Modulation: pl.lane.Modulation, Baud: pl.lane.Baud,
			Nyquist: pl.lane.Nyquist(), Budget: pl.lane.Budget,
			SkinDepth: SkinDepth(pl.lane.Nyquist(), p.conductivity(pCuSigma)),
		},
	}
	var a assignment
	for i := 0; i < pl.tree.tiers; i++ {
		a.tiers[i] = pl.tiers[i].tech
	}
	a.nic = pl.s.ScaleOut.NICTech
	a.scaleUp = pl.suTech
	var tiers [MaxTiers]TierResult
	pl.run(a, &tiers, &r.ScaleUp, &r.Totals)
	r.Tiers = make([]TierResult, pl.tree.tiers)
	copy(r.Tiers, tiers[:pl.tree.tiers])
	if r.ScaleUp.Present {
		for i, t := range Techs {
			l := pl.link(pl.scaleUpSpec(t))
			r.ScaleUp.AsTech[i] = Candidate{Tech: t, Feasible: l.Feasible, MaxReach: l.MaxReach, Power: Power(r.ScaleUp.Links) * l.LinkPower}
		}
	}
	r.ByStage = make([]StageResult, len(Stages))
	for i, st := range Stages {
		r.ByStage[i] = pl.stage(st)
	}
	return r
}

// stageAssignment returns the assignment of a by_stage comparison of the
// scale-out network: copper lets auto choose among copper only; dsp and lpo
// put that module at both ends (the NIC too); cpo puts engines in the
// switches while the NIC keeps scale_out.nic_tech. The scale-up domain keeps
// scale_up.tech in every stage: what it would draw with each technology is
// in ScaleUpResult.AsTech.
func (pl *plan) stageAssignment(stage string) assignment {
	var a assignment
	var t Tech
	switch stage {
	case "copper":
		t, a.copperOnly, a.nic = Auto, true, pl.s.ScaleOut.NICTech
	case "dsp":
		t, a.nic = DSP, DSP
	case "lpo":
		t, a.nic = LPO, LPO
	default:
		t, a.nic = CPO, pl.s.ScaleOut.NICTech
	}
	for i := 0; i < pl.tree.tiers; i++ {
		a.tiers[i] = t
	}
	a.scaleUp = pl.suTech
	return a
}

func (pl *plan) stage(stage string) StageResult {
	a := pl.stageAssignment(stage)
	var tiers [MaxTiers]TierResult
	var su ScaleUpResult
	sr := StageResult{Stage: stage}
	pl.run(a, &tiers, &su, &sr.Totals)
	sr.Feasible = sr.Totals.Feasible
	for i := 0; i < pl.tree.tiers; i++ {
		sr.Tiers[i] = tiers[i].Tech
		if !tiers[i].Feasible {
			sr.Blocked[sr.nBlocked] = Blocked{Tier: i, Tech: tiers[i].Tech, Need: tiers[i].Length, MaxReach: tiers[i].Link.MaxReach}
			sr.nBlocked++
		}
	}
	sr.ScaleUp = su.Tech
	if su.Present && !su.Feasible {
		sr.Blocked[sr.nBlocked] = Blocked{Tier: -1, Tech: su.Tech, Need: su.Length, MaxReach: su.Link.MaxReach}
		sr.nBlocked++
	}
	return sr
}

// run evaluates every tier and the scale-up domain under an assignment and
// sums the totals.
func (pl *plan) run(a assignment, tiers *[MaxTiers]TierResult, su *ScaleUpResult, tot *Totals) {
	for i := 0; i < pl.tree.tiers; i++ {
		tiers[i] = pl.tier(i, a.tiers[i], a.nic, a.copperOnly)
	}
	*su = pl.scaleUpResult(a.scaleUp, a.copperOnly)
	*tot = pl.totals(tiers[:pl.tree.tiers], su)
}

// tierSpec returns the link of tier i with technology t at the switch end.
func (pl *plan) tierLink(i int, t, nic Tech) linkSpec {
	ts := pl.tiers[i]
	far := t
	if i == 0 && t.Optical() {
		far = nic
	}
	return linkSpec{near: t, far: far, lane: pl.lane, lanes: pl.portLanes, length: ts.length, awg: ts.awg, fiber: ts.fiber}
}

// choose evaluates the candidates for auto and returns the lowest-power
// technology that reaches, or, when none does, the one that reaches
// furthest.
func (pl *plan) choose(links int, copperOnly bool, spec func(Tech) linkSpec, cands *[6]Candidate, n *int) (Tech, LinkResult) {
	best, longest := -1, -1
	*n = 0
	for _, t := range Techs {
		if copperOnly && !t.Copper() {
			continue
		}
		l := pl.link(spec(t))
		c := Candidate{Tech: t, Feasible: l.Feasible, MaxReach: l.MaxReach, Power: Power(links) * l.LinkPower}
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
	t := cands[pick].Tech
	return t, pl.link(spec(t))
}

func (pl *plan) tier(i int, t, nic Tech, copperOnly bool) TierResult {
	tr := TierResult{Index: i, Requested: t, Links: pl.tree.links[i], Length: pl.tiers[i].length, SwitchesAbove: pl.tree.switches[i]}
	if t == Auto {
		t, tr.Link = pl.choose(tr.Links, copperOnly, func(c Tech) linkSpec { return pl.tierLink(i, c, nic) }, &tr.Candidates, &tr.nCandidates)
	} else {
		tr.Link = pl.link(pl.tierLink(i, t, nic))
	}
	tr.Tech = t
	if tr.Link.FarTech != t {
		tr.NICTech = tr.Link.FarTech
	}
	tr.Feasible = tr.Link.Feasible
	links := tr.Links
	tr.Power = Power(links) * tr.Link.LinkPower
	tr.FIT = FIT(links) * tr.Link.LinkFIT
	tr.Cost = USD(links) * tr.Link.LinkCost
	tr.FiberLen = Length(links) * tr.Link.FiberLen
	if t.Copper() {
		tr.Cables = links
	} else {
		nearSide := sideSwitch
		farSide := sideSwitch
		if i == 0 {
			farSide = sideNIC
		}
		m, e := pl.ends(tr.Link.Tech, links, nearSide)
		tr.Modules += m
		tr.Engines += e
		m, e = pl.ends(tr.Link.FarTech, links, farSide)
		tr.Modules += m
		tr.Engines += e
	}
	return tr
}

type side int

const (
	sideSwitch side = iota
	sideNIC
)

// ends counts the pluggable modules or co-packaged engines for n link ends
// of technology t. A switch cage takes a module of module_lanes lanes, which
// carries floor(module_lanes / port lanes) ports (two 800G ports of 4 lanes
// in one 8-lane 1.6T module: "twin-port"); a NIC has a cage per port.
// Engines: ceil(n × R_port / engine capacity).
func (pl *plan) ends(t Tech, n int, s side) (modules, engines int) {
	p := &pl.p
	switch t {
	case DSP, LPO:
		ml := p.count(pModuleLanes)
		perPort := ceilDiv(pl.portLanes, ml) // modules per port when a port needs more
		if s == sideSwitch && pl.portLanes <= ml {
			return ceilDiv(n, ml/pl.portLanes), 0
		}
		return n * perPort, 0
	case CPO:
		port := BitRate(pl.portLanes) * pl.lane.Rate
		return 0, int(math.Ceil(float64(n)*float64(port)/p.si(pCPOEngineGbps) - 1e-9))
	}
	return 0, 0
}

// scaleUpSpec returns the scale-up link with technology t.
func (pl *plan) scaleUpSpec(t Tech) linkSpec {
	return linkSpec{near: t, far: t, lane: pl.lane, lanes: pl.p.count(pSULinkLanes),
		length: Length(pl.s.ScaleUp.LengthM) * Metre, awg: pl.suAWG, fiber: SMF}
}

// scaleUpResult lays out the scale-up domains: each GPU has
// ceil(gbps / lane) lanes each way, grouped into links of
// scale_up_link_lanes lanes, each link to a scale-up switch chip. Pairs =
// links × lanes × 2 directions. NVL72: 72 × 18 links × 4 pairs = 5,184.
func (pl *plan) scaleUpResult(t Tech, copperOnly bool) ScaleUpResult {
	p := &pl.p
	su := ScaleUpResult{Requested: t, Feasible: true}
	if !pl.scaleUp {
		return su
	}
	su.Present = true
	s := pl.s
	d := s.ScaleUp.DomainGPUs
	su.DomainGPUs = d
	su.Domains = ceilDiv(s.GPUs, d)
	su.LanesPerGPU = int(math.Ceil(s.ScaleUp.GbpsPerGPU/pl.lane.Rate.Gbps() - 1e-9))
	ll := p.count(pSULinkLanes)
	su.LinksPerGPU = ceilDiv(su.LanesPerGPU, ll)
	su.Links = s.GPUs * su.LinksPerGPU
	su.Pairs = su.Links * ll * 2
	su.PairsPerDomain = d * su.LinksPerGPU * ll * 2
	su.DomainBandwidth = 2 * BitRate(d) * BitRate(s.ScaleUp.GbpsPerGPU) * Gbps
	su.Length = Length(s.ScaleUp.LengthM) * Metre
	ports := p.count(pSUSwitchPorts)
	full := s.GPUs / d
	su.SwitchChips = full * ceilDiv(d*su.LinksPerGPU, ports)
	if rem := s.GPUs % d; rem > 0 {
		su.SwitchChips += ceilDiv(rem*su.LinksPerGPU, ports)
	}
	chipRate := BitRate(ports*ll) * pl.lane.Rate
	su.SwitchPower = Power(su.SwitchChips) * p.energyPerBit(pSwitchCorePJ).Over(chipRate)
	if t == Auto {
		t, su.Link = pl.choose(su.Links, copperOnly, pl.scaleUpSpec, &su.Candidates, &su.nCandidates)
	} else {
		su.Link = pl.link(pl.scaleUpSpec(t))
	}
	su.Tech = t
	su.Feasible = su.Link.Feasible
	su.Power = Power(su.Links) * su.Link.LinkPower
	su.FIT = FIT(su.Links) * su.Link.LinkFIT
	su.Cost = USD(su.Links) * su.Link.LinkCost
	su.FiberLen = Length(su.Links) * su.Link.FiberLen
	if t.Copper() {
		su.CopperLen = Length(su.Pairs) * su.Length
		su.CopperPerDomain = Length(su.PairsPerDomain) * su.Length
	} else {
		m, e := pl.ends(t, 2*su.Links, sideSwitch)
		su.Modules, su.Engines = m, e
	}
	return su
}

// totals sums the cluster.
//
//	P_IT  = N (P_GPU + P_NIC) + P_switch cores + P_interconnect
//	share = P_interconnect / P_IT
//	E_yr  = P_interconnect × PUE × 8,766 h
//	MTBF  = 10⁹ h / Σ FIT
//	t_worst = Σ_tiers 2 t_link + (2 T − 1) t_switch
func (pl *plan) totals(tiers []TierResult, su *ScaleUpResult) Totals {
	p := &pl.p
	s := pl.s
	var t Totals
	t.Feasible = su.Feasible
	t.Switches = pl.tree.totalSwitches()
	t.ScaleUpSwitches = su.SwitchChips
	switchRate := BitRate(s.ScaleOut.SwitchRadix) * BitRate(s.ScaleOut.PortGbps) * Gbps
	t.SwitchPower = Power(t.Switches)*p.energyPerBit(pSwitchCorePJ).Over(switchRate) + su.SwitchPower
	for i := range tiers {
		tr := &tiers[i]
		t.Feasible = t.Feasible && tr.Feasible
		t.Links += tr.Links
		t.Modules += tr.Modules
		t.Engines += tr.Engines
		t.Cables += tr.Cables
		t.ScaleOutPower += tr.Power
		t.FiberLen += tr.FiberLen
		t.Capex += tr.Cost
		t.FIT += tr.FIT
		t.Latency += 2 * tr.Link.Latency.Total()
	}
	if n := len(tiers); n > 0 {
		t.Latency += Time(2*n-1) * p.time(pSwitchNS)
	}
	t.ScaleUpLinks = su.Links
	t.ScaleUpPower = su.Power
	t.Modules += su.Modules
	t.Engines += su.Engines
	if su.Tech.Copper() {
		t.Cables += su.Links
	}
	t.FiberLen += su.FiberLen
	t.Capex += su.Cost
	t.FIT += su.FIT
	if su.Present {
		t.ScaleUpLatency = 2*su.Link.Latency.Total() + p.time(pSwitchNS)
	}
	t.Transceivers = t.Modules + t.Engines
	t.InterconnectPower = t.ScaleOutPower + t.ScaleUpPower
	t.GPUPower = Power(s.GPUs) * Power(s.GPUWatts)
	t.NICPower = Power(s.GPUs) * p.power(pNICWatts)
	t.ITPower = t.GPUPower + t.NICPower + t.SwitchPower + t.InterconnectPower
	t.FacilityPower = t.ITPower * Power(s.PUE)
	if t.ITPower > 0 {
		t.InterconnectShare = Ratio(t.InterconnectPower / t.ITPower)
	}
	t.InterconnectHeat = t.InterconnectPower * Power(s.PUE)
	t.AnnualEnergy = Energy(float64(t.InterconnectHeat) * float64(Year))
	t.AnnualUSD = USD(float64(t.AnnualEnergy/KilowattHour) * s.USDPerKWh)
	if hh := p.energy(pHouseholdKWh); hh > 0 {
		t.Households = float64(t.AnnualEnergy / hh)
	}
	t.FiberCNY = CNY(float64(t.FiberLen/Kilometre) * s.FiberCNYPerCoreKm)
	t.MTBF = t.FIT.MTBF()
	return t
}
