package core

import (
	"strconv"
)

// Candidate is one technology auto considered for a tier.
type Candidate struct {
	_        noCompare
	Tech     Tech
	Feasible bool
	MaxReach Length
	Power    Power // the tier's links with this technology
}

// TierResult is one tier of scale-out links.
type TierResult struct {
	_         noCompare
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
	_               noCompare
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
	cables       int   // copper cable assemblies: the copper links, the spine's included
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
	_                 noCompare
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
	// CO2PerYear is the carbon dioxide the grid emits for the
	// interconnect's yearly energy (cooling included), in tonnes;
	// WaterPerYear the water the site consumes for it, in cubic metres.
	CO2PerYear   float64
	WaterPerYear float64
	Households   float64
	FiberLen     Length
	FiberPerMW   float64 // fibre core-km per megawatt of IT load
	// ShareOfWorldFiber is the cluster's fibre over one year of the
	// world's output; ClustersPerWorldYear how many such clusters that
	// year's output wires.
	ShareOfWorldFiber    float64
	ClustersPerWorldYear float64
	FiberCNY             CNY
	Capex                USD
	FIT                  FIT  // the interconnect's devices
	MTBF                 Time // of the interconnect
	NetworkFIT           FIT  // the interconnect and the switch boxes
	NetworkMTBF          Time
	// Failures in time and money: the links' failures a day, the
	// interruptions of a job that spans the whole cluster, and the work
	// they lose a year (half a checkpoint interval and a restart each),
	// in GPU-hours and at the scenario's price of one.
	LinkFailuresPerDay float64
	JobStopsPerDay     float64
	GPUHoursLost       float64
	USDLost            USD
	Latency            Time // worst GPU-to-GPU path over the scale-out network
	ScaleUpLatency     Time // GPU to GPU through one scale-up switch

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
	_        noCompare
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
	_        noCompare
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
func Evaluate(s Scenario) (Result, error) { return (*Shared)(nil).Evaluate(s) }

// EvaluateTotals is Evaluate without the by_stage comparisons, which take
// most of its time: the cluster's own totals, for sweeps that need only
// them (the figures' cluster-power chart).
func EvaluateTotals(s Scenario) (Totals, error) { return (*Shared)(nil).EvaluateTotals(s) }

// totalsOnly evaluates the scenario's own technologies for their totals
// alone: no result's lists.
func (pl *plan) totalsOnly() Totals {
	var (
		tiers [MaxTiers]TierResult
		su    ScaleUpResult
		tot   Totals
	)
	pl.run(pl.assignment(-1), &tiers, &su, &tot)
	return tot
}

// evaluateParts evaluates the scenario, with or without the by_stage
// comparisons (an explanation of another number does not need them).
func (pl *plan) evaluateParts(stages bool) Result {
	var r Result
	pl.evaluateInto(&r, stages)
	return r
}

// evaluateInto is evaluateParts writing into r: its lists of tiers and
// stages are reused where they are long enough (a sweep that reads each
// result before the next allocates them once).
func (pl *plan) evaluateInto(r *Result, stages bool) {
	tierList, stageList := r.Tiers[:0], r.ByStage[:0]
	*r = Result{
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
	r.Tiers = append(tierList, tiers[:pl.tree.tiers]...)
	if r.ScaleUp.Present && !pl.draw {
		for _, t := range Techs {
			l := pl.link(pl.scaleUpSpec(t))
			r.ScaleUp.AsTech[r.ScaleUp.nAsTech] = candidateOf(&pl.p, r.ScaleUp.Links, l)
			r.ScaleUp.nAsTech++
		}
	}
	if !stages {
		return
	}
	if cap(stageList) >= len(Comparisons) {
		r.ByStage = stageList[:len(Comparisons)]
	} else {
		r.ByStage = make([]StageResult, len(Comparisons))
	}
	for i := range Comparisons {
		r.ByStage[i] = pl.stage(i)
	}
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
