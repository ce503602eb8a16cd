package core

import (
	"encoding/json"
	"github.com/cpocalc/cpocalc/core/format"
	"math"
)

// JSON forms of the results. Field names carry their units (the contract in
// DESIGN.md); the Go values are converted from SI here and nowhere else.

// num keeps JSON valid: non-finite values (an MTBF with no failures, say)
// become null.
type num float64

func (n num) MarshalJSON() ([]byte, error) {
	f := float64(n)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return json.Marshal(f)
}

type energyJSON struct {
	HostSerDes num `json:"host_serdes"`
	Fixed      num `json:"fixed"`
	Redriver   num `json:"redriver"`
	Retimer    num `json:"retimer"`
	DSP        num `json:"dsp"`
	DriverTIA  num `json:"driver_tia"`
	Modulator  num `json:"modulator"`
	Laser      num `json:"laser"`
	Overhead   num `json:"overhead"`
}

func energyOut(e EnergyBreakdown) energyJSON {
	return energyJSON{
		HostSerDes: num(e.HostSerDes.PJ()), Fixed: num(e.Fixed.PJ()), Redriver: num(e.Redriver.PJ()),
		Retimer: num(e.Retimer.PJ()), DSP: num(e.DSP.PJ()), DriverTIA: num(e.DriverTIA.PJ()),
		Modulator: num(e.Modulator.PJ()), Laser: num(e.Laser.PJ()), Overhead: num(e.Overhead.PJ()),
	}
}

// EnergyComponents lists the energy breakdown's JSON keys with a reader's
// label, in drawing order.
var EnergyComponents = []struct{ Key, Label string }{
	{"host_serdes", "host SerDes"}, {"fixed", "cable EEPROM"}, {"redriver", "redriver"},
	{"retimer", "retimer"}, {"dsp", "DSP"}, {"driver_tia", "driver and TIA"},
	{"modulator", "modulator tuning"}, {"laser", "laser"}, {"overhead", "control and power"},
}

// Component returns the breakdown's value for a key of EnergyComponents.
func (e EnergyBreakdown) Component(key string) EnergyPerBit {
	switch key {
	case "host_serdes":
		return e.HostSerDes
	case "fixed":
		return e.Fixed
	case "redriver":
		return e.Redriver
	case "retimer":
		return e.Retimer
	case "dsp":
		return e.DSP
	case "driver_tia":
		return e.DriverTIA
	case "modulator":
		return e.Modulator
	case "laser":
		return e.Laser
	case "overhead":
		return e.Overhead
	}
	return 0
}

type latencyJSON struct {
	Flight        num `json:"flight"`
	SerDes        num `json:"serdes"`
	FECAccumulate num `json:"fec_accumulation"`
	FECDecode     num `json:"fec_decode"`
	DSP           num `json:"dsp"`
	Retimer       num `json:"retimer"`
}

// LatencyComponents lists the latency breakdown's JSON keys and labels.
var LatencyComponents = []struct{ Key, Label string }{
	{"flight", "time of flight"}, {"serdes", "SerDes"}, {"fec_accumulation", "FEC accumulation"},
	{"fec_decode", "FEC decode"}, {"dsp", "module DSPs"}, {"retimer", "cable retimers"},
}

// Component returns the breakdown's value for a key of LatencyComponents.
func (l LatencyBreakdown) Component(key string) Time {
	switch key {
	case "flight":
		return l.Flight
	case "serdes":
		return l.SerDes
	case "fec_accumulation":
		return l.FECAccumulate
	case "fec_decode":
		return l.FECDecode
	case "dsp":
		return l.DSP
	case "retimer":
		return l.Retimer
	}
	return 0
}

func latencyOut(l LatencyBreakdown) latencyJSON {
	return latencyJSON{
		Flight: num(l.Flight.Nanoseconds()), SerDes: num(l.SerDes.Nanoseconds()),
		FECAccumulate: num(l.FECAccumulate.Nanoseconds()), FECDecode: num(l.FECDecode.Nanoseconds()),
		DSP: num(l.DSP.Nanoseconds()), Retimer: num(l.Retimer.Nanoseconds()),
	}
}

type segmentJSON struct {
	Name     string `json:"name"`
	LengthMM num    `json:"length_mm"`
	LossDB   num    `json:"loss_db"`
}

func pathOut(p *Path) []segmentJSON {
	out := make([]segmentJSON, p.n)
	for i := 0; i < p.n; i++ {
		s := p.seg[i]
		out[i] = segmentJSON{Name: s.Name, LengthMM: num(s.Length.Millimetres()), LossDB: num(s.Loss)}
	}
	return out
}

type endJSON struct {
	Tech            Tech          `json:"tech"`
	HostClass       SerDesClass   `json:"host_serdes_class"`
	WattsPerEnd     num           `json:"watts_per_end"`
	HostWattsPerEnd num           `json:"host_watts_per_end"`
	PJPerBit        num           `json:"pj_per_bit"`
	FIT             num           `json:"fit"`
	USD             num           `json:"usd"`
	ElectricalPath  num           `json:"electrical_path_mm"`
	ElectricalLoss  num           `json:"electrical_loss_db"`
	Energy          energyJSON    `json:"energy_pj_per_bit"`
	Path            []segmentJSON `json:"path,omitempty"`
}

func endOut(e *EndResult, path *Path) endJSON {
	return endJSON{
		Tech: e.Tech, HostClass: e.HostClass, WattsPerEnd: num(e.DevicePower), HostWattsPerEnd: num(e.HostPower),
		PJPerBit: num(e.Energy.Total().PJ()), FIT: num(e.FIT), USD: num(e.Cost),
		ElectricalPath: num(path.Length().Millimetres()), ElectricalLoss: num(path.Loss()),
		Energy: energyOut(e.Energy), Path: pathOut(path),
	}
}

type linkJSON struct {
	Tech            Tech   `json:"tech"`
	FarTech         Tech   `json:"far_tech"`
	Stage           Stage  `json:"stage"`
	LaneGbps        num    `json:"lane_gbps"`
	Lanes           int    `json:"lanes"`
	PortGbps        num    `json:"port_gbps"`
	LengthM         num    `json:"length_m"`
	AWG             int    `json:"awg,omitempty"`
	Fiber           Fiber  `json:"fiber,omitempty"`
	NyquistGHz      num    `json:"nyquist_ghz"`
	Feasible        bool   `json:"feasible"`
	Reason          string `json:"reason,omitempty"`
	MaxReachM       num    `json:"max_reach_m"`
	BudgetDB        num    `json:"budget_db"`
	ElectricalPath  num    `json:"electrical_path_mm"`
	ElectricalLoss  num    `json:"electrical_loss_db"`
	WattsPerEnd     num    `json:"watts_per_end"`
	HostWattsPerEnd num    `json:"host_watts_per_end"`
	PJPerBit        num    `json:"pj_per_bit"`
	LinkWatts       num    `json:"link_watts"`
	LatencyNS       num    `json:"latency_ns"`
	FlightNS        num    `json:"flight_ns"`
	FITPerEnd       num    `json:"fit_per_end"`
	LinkFIT         num    `json:"link_fit"`
	USD             num    `json:"usd"`
	Fibers          int    `json:"fibers"`
	Breakdown       struct {
		Energy  energyJSON    `json:"energy_pj_per_bit"`
		Latency latencyJSON   `json:"latency_ns"`
		Path    []segmentJSON `json:"path"`
	} `json:"breakdown"`
	FarEnd *endJSON `json:"far_end,omitempty"`
}

func linkOut(r *LinkResult) linkJSON {
	j := linkJSON{
		Tech: r.Tech, FarTech: r.FarTech, Stage: r.Tech.Stage(), LaneGbps: num(r.Lane.Gbps()), Lanes: r.Lanes,
		PortGbps: num(r.Port.Gbps()), LengthM: num(r.Length), AWG: r.AWG, Fiber: r.Fiber,
		NyquistGHz: num(r.Nyquist.GHz()), Feasible: r.Feasible, Reason: r.Reason,
		MaxReachM: num(r.MaxReach), BudgetDB: num(r.Budget),
		ElectricalPath: num(r.ElectricalPath.Millimetres()), ElectricalLoss: num(r.ElectricalLoss),
		WattsPerEnd: num(r.WattsPerEnd()), HostWattsPerEnd: num(r.HostWattsPerEnd()),
		PJPerBit: num(r.PJPerBit().PJ()), LinkWatts: num(r.LinkPower),
		LatencyNS: num(r.Latency.Total().Nanoseconds()), FlightNS: num(r.Latency.Flight.Nanoseconds()),
		FITPerEnd: num(r.Near.FIT), LinkFIT: num(r.LinkFIT), USD: num(r.LinkCost), Fibers: r.Fibers,
	}
	j.Breakdown.Energy = energyOut(r.Near.Energy)
	j.Breakdown.Latency = latencyOut(r.Latency)
	path := r.Path()
	j.Breakdown.Path = pathOut(&path)
	if r.Mixed() {
		fp := r.FarPath()
		f := endOut(&r.Far, &fp)
		j.FarEnd = &f
	}
	return j
}

// MarshalJSON writes the link result in the contract's units.
func (r LinkResult) MarshalJSON() ([]byte, error) { return json.Marshal(linkOut(&r)) }

type candidateJSON struct {
	Tech      Tech `json:"tech"`
	Feasible  bool `json:"feasible"`
	MaxReachM num  `json:"max_reach_m"`
	Watts     num  `json:"watts"`
}

func candidatesOut(c []Candidate) []candidateJSON {
	if len(c) == 0 {
		return nil
	}
	out := make([]candidateJSON, len(c))
	for i, x := range c {
		out[i] = candidateJSON{Tech: x.Tech, Feasible: x.Feasible, MaxReachM: num(x.MaxReach), Watts: num(x.Power)}
	}
	return out
}

type tierJSON struct {
	Tier           int             `json:"tier"`
	Name           string          `json:"name"`
	Requested      Tech            `json:"requested"`
	Tech           Tech            `json:"tech"`
	NICTech        Tech            `json:"nic_tech,omitempty"`
	Links          int             `json:"links"`
	LengthM        num             `json:"length_m"`
	Feasible       bool            `json:"feasible"`
	MaxReachM      num             `json:"max_reach_m"`
	Watts          num             `json:"watts"`
	PJPerBit       num             `json:"pj_per_bit"`
	LatencyNS      num             `json:"latency_ns"`
	ElectricalPath num             `json:"electrical_path_mm"`
	ElectricalLoss num             `json:"electrical_loss_db"`
	Switches       int             `json:"switches"`
	Modules        int             `json:"modules"`
	Engines        int             `json:"engines"`
	Transceivers   int             `json:"transceivers"`
	Cables         int             `json:"cables"`
	FiberKM        num             `json:"fiber_km"`
	FIT            num             `json:"fit"`
	USD            num             `json:"usd"`
	Link           linkJSON        `json:"link"`
	Candidates     []candidateJSON `json:"candidates,omitempty"`
}

// TierName returns a reader's name for link tier i of a tree of n tiers.
func TierName(i, n int) string {
	if n == 1 {
		return "GPU to switch"
	}
	switch i {
	case 0:
		return "GPU to leaf"
	case 1:
		return "leaf to spine"
	case 2:
		return "spine to core"
	}
	return "tier " + string(rune('1'+i))
}

func tierOut(t *TierResult, n int) tierJSON {
	return tierJSON{
		Tier: t.Index + 1, Name: TierName(t.Index, n), Requested: t.Requested, Tech: t.Tech, NICTech: t.NICTech,
		Links: t.Links, LengthM: num(t.Length), Feasible: t.Feasible, MaxReachM: num(t.Link.MaxReach),
		Watts: num(t.Power), PJPerBit: num(t.PJPerBit().PJ()), LatencyNS: num(t.Link.Latency.Total().Nanoseconds()),
		ElectricalPath: num(t.Link.ElectricalPath.Millimetres()), ElectricalLoss: num(t.Link.ElectricalLoss),
		Switches: t.SwitchesAbove, Modules: t.Modules, Engines: t.Engines, Transceivers: t.Transceivers(),
		Cables: t.Cables, FiberKM: num(t.FiberLen / Kilometre), FIT: num(t.FIT), USD: num(t.Cost),
		Link: linkOut(&t.Link), Candidates: candidatesOut(t.CandidateList()),
	}
}

type scaleUpJSON struct {
	Present          bool            `json:"present"`
	Domains          int             `json:"domains"`
	DomainGPUs       int             `json:"domain_gpus"`
	LanesPerGPU      int             `json:"lanes_per_gpu"`
	LinksPerGPU      int             `json:"links_per_gpu"`
	Links            int             `json:"links"`
	Pairs            int             `json:"pairs"`
	PairsPerDomain   int             `json:"pairs_per_domain"`
	CopperKM         num             `json:"copper_km"`
	CopperPerDomainM num             `json:"copper_per_domain_m"`
	DomainTBps       num             `json:"domain_tbytes_per_s"`
	SwitchChips      int             `json:"switch_chips"`
	SwitchWatts      num             `json:"switch_watts"`
	Requested        Tech            `json:"requested"`
	Tech             Tech            `json:"tech"`
	LengthM          num             `json:"length_m"`
	Feasible         bool            `json:"feasible"`
	MaxReachM        num             `json:"max_reach_m"`
	Watts            num             `json:"watts"`
	PJPerBit         num             `json:"pj_per_bit"`
	FIT              num             `json:"fit"`
	USD              num             `json:"usd"`
	FiberKM          num             `json:"fiber_km"`
	Link             *linkJSON       `json:"link,omitempty"`
	AsTech           []candidateJSON `json:"as_tech,omitempty"`
	Candidates       []candidateJSON `json:"candidates,omitempty"`
}

func scaleUpOut(s *ScaleUpResult) scaleUpJSON {
	j := scaleUpJSON{Present: s.Present, Requested: s.Requested, Tech: s.Tech, Feasible: s.Feasible}
	if !s.Present {
		return j
	}
	j.Domains, j.DomainGPUs, j.LanesPerGPU, j.LinksPerGPU = s.Domains, s.DomainGPUs, s.LanesPerGPU, s.LinksPerGPU
	j.Links, j.Pairs, j.PairsPerDomain = s.Links, s.Pairs, s.PairsPerDomain
	j.CopperKM = num(s.CopperLen / Kilometre)
	j.CopperPerDomainM = num(s.CopperPerDomain)
	j.DomainTBps = num(float64(s.DomainBandwidth) / 8e12)
	j.SwitchChips, j.SwitchWatts = s.SwitchChips, num(s.SwitchPower)
	j.LengthM, j.MaxReachM = num(s.Length), num(s.Link.MaxReach)
	j.Watts = num(s.Power)
	j.PJPerBit = num(s.Power.PerBit(BitRate(2*s.Links) * s.Link.Port).PJ())
	j.FIT, j.USD, j.FiberKM = num(s.FIT), num(s.Cost), num(s.FiberLen/Kilometre)
	l := linkOut(&s.Link)
	j.Link = &l
	j.AsTech = candidatesOut(s.AsTech[:])
	j.Candidates = candidatesOut(s.Candidates[:s.nCandidates])
	return j
}

type totalsJSON struct {
	Feasible          bool `json:"feasible"`
	Switches          int  `json:"switches"`
	ScaleUpSwitches   int  `json:"scale_up_switches"`
	Links             int  `json:"links"`
	ScaleUpLinks      int  `json:"scale_up_links"`
	Transceivers      int  `json:"transceivers"`
	Modules           int  `json:"modules"`
	Engines           int  `json:"engines"`
	Cables            int  `json:"cables"`
	InterconnectWatts num  `json:"interconnect_watts"`
	ScaleOutWatts     num  `json:"scale_out_watts"`
	ScaleUpWatts      num  `json:"scale_up_watts"`
	SwitchWatts       num  `json:"switch_watts"`
	GPUWatts          num  `json:"gpu_watts"`
	NICWatts          num  `json:"nic_watts"`
	ITWatts           num  `json:"it_watts"`
	FacilityWatts     num  `json:"facility_watts"`
	InterconnectShare num  `json:"interconnect_share"`
	InterconnectHeat  num  `json:"interconnect_facility_watts"`
	AnnualMWh         num  `json:"annual_mwh"`
	AnnualUSD         num  `json:"annual_usd"`
	Households        num  `json:"households"`
	FiberKM           num  `json:"fiber_km"`
	FiberCNY          num  `json:"fiber_cny"`
	CapexUSD          num  `json:"capex_usd"`
	FIT               num  `json:"fit"`
	MTBFHours         num  `json:"mtbf_hours"`
	LatencyNS         num  `json:"latency_ns"`
	ScaleUpLatencyNS  num  `json:"scale_up_latency_ns"`
}

func totalsOut(t *Totals) totalsJSON {
	return totalsJSON{
		Feasible: t.Feasible, Switches: t.Switches, ScaleUpSwitches: t.ScaleUpSwitches, Links: t.Links,
		ScaleUpLinks: t.ScaleUpLinks, Transceivers: t.Transceivers, Modules: t.Modules, Engines: t.Engines, Cables: t.Cables,
		InterconnectWatts: num(t.InterconnectPower), ScaleOutWatts: num(t.ScaleOutPower), ScaleUpWatts: num(t.ScaleUpPower),
		SwitchWatts: num(t.SwitchPower), GPUWatts: num(t.GPUPower), NICWatts: num(t.NICPower), ITWatts: num(t.ITPower),
		FacilityWatts: num(t.FacilityPower), InterconnectShare: num(t.InterconnectShare), InterconnectHeat: num(t.InterconnectHeat),
		AnnualMWh: num(t.AnnualEnergy.MWh()), AnnualUSD: num(t.AnnualUSD), Households: num(t.Households),
		FiberKM: num(t.FiberLen / Kilometre), FiberCNY: num(t.FiberCNY), CapexUSD: num(t.Capex),
		FIT: num(t.FIT), MTBFHours: num(t.MTBF.Hours()), LatencyNS: num(t.Latency.Nanoseconds()),
		ScaleUpLatencyNS: num(t.ScaleUpLatency.Nanoseconds()),
	}
}

type blockedJSON struct {
	Tier      int    `json:"tier"` // 0 for the scale-up domain
	Name      string `json:"name"`
	Tech      Tech   `json:"tech"`
	NeedM     num    `json:"need_m"`
	MaxReachM num    `json:"max_reach_m"`
	Message   string `json:"message"`
}

type stageJSON struct {
	Stage    string        `json:"stage"`
	Label    string        `json:"label"`
	Feasible bool          `json:"feasible"`
	Tiers    []Tech        `json:"tiers"`
	ScaleUp  Tech          `json:"scale_up_tech,omitempty"`
	Blocked  []blockedJSON `json:"blocked,omitempty"`
	Reason   string        `json:"reason,omitempty"`
	Totals   *totalsJSON   `json:"totals"`
}

// StageLabel returns a reader's label for a by_stage entry.
func StageLabel(stage string) string {
	switch stage {
	case "copper":
		return "all copper"
	case "dsp":
		return "pluggable optics (DSP)"
	case "lpo":
		return "linear pluggable optics (LPO)"
	case "cpo":
		return "co-packaged optics (CPO)"
	}
	return stage
}

// Message explains in words why a stage cannot reach a tier.
func (b Blocked) Message(nTiers int, lane BitRate) string {
	where := "the scale-up domain"
	if b.Tier >= 0 {
		where = "tier " + string(rune('1'+b.Tier)) + " (" + TierName(b.Tier, nTiers) + ")"
	}
	if b.MaxReach <= 0 {
		return b.Tech.Name() + " cannot run " + format.Number(lane.Gbps(), 3) + " Gb/s lanes at all; " + where + " needs " + b.Need.String()
	}
	return b.Tech.Name() + " reaches " + b.MaxReach.String() + " at " + format.Number(lane.Gbps(), 3) + " Gb/s per lane; " + where + " needs " + b.Need.String()
}

func stageOut(s *StageResult, nTiers int, lane BitRate) stageJSON {
	j := stageJSON{Stage: s.Stage, Label: StageLabel(s.Stage), Feasible: s.Feasible, Tiers: append([]Tech(nil), s.Tiers[:nTiers]...), ScaleUp: s.ScaleUp}
	for _, b := range s.BlockedList() {
		msg := b.Message(nTiers, lane)
		name := "scale-up domain"
		if b.Tier >= 0 {
			name = TierName(b.Tier, nTiers)
		}
		j.Blocked = append(j.Blocked, blockedJSON{Tier: b.Tier + 1, Name: name, Tech: b.Tech, NeedM: num(b.Need), MaxReachM: num(b.MaxReach), Message: msg})
		if j.Reason == "" {
			j.Reason = msg
		}
	}
	if s.Feasible {
		t := totalsOut(&s.Totals)
		j.Totals = &t
	}
	return j
}

type laneJSON struct {
	Gbps        num    `json:"gbps"`
	Modulation  string `json:"modulation"`
	BaudGBd     num    `json:"baud_gbd"`
	NyquistGHz  num    `json:"nyquist_ghz"`
	BudgetDB    num    `json:"budget_db"`
	SkinDepthUM num    `json:"skin_depth_um"`
}

type resultJSON struct {
	V           int         `json:"v"`
	Scenario    Scenario    `json:"scenario"`
	Lane        laneJSON    `json:"lane"`
	Endpoints   int         `json:"endpoints"`
	PortsPerGPU int         `json:"ports_per_gpu"`
	PortLanes   int         `json:"port_lanes"`
	TiersUsed   int         `json:"tiers_used"`
	Capacity    num         `json:"capacity"`
	Tiers       []tierJSON  `json:"tiers"`
	ScaleUp     scaleUpJSON `json:"scale_up"`
	Totals      totalsJSON  `json:"totals"`
	ByStage     []stageJSON `json:"by_stage"`
}

// MarshalJSON writes the result in the contract's units.
func (r Result) MarshalJSON() ([]byte, error) {
	j := resultJSON{
		V: Version, Scenario: r.Scenario,
		Lane: laneJSON{Gbps: num(r.Lane.Rate.Gbps()), Modulation: r.Lane.Modulation, BaudGBd: num(r.Lane.Baud.GHz()),
			NyquistGHz: num(r.Lane.Nyquist.GHz()), BudgetDB: num(r.Lane.Budget), SkinDepthUM: num(r.Lane.SkinDepth / Micrometre)},
		Endpoints: r.Endpoints, PortsPerGPU: r.PortsPerGPU, PortLanes: r.PortLanes, TiersUsed: r.TiersUsed,
		Capacity: num(r.Capacity), ScaleUp: scaleUpOut(&r.ScaleUp), Totals: totalsOut(&r.Totals),
	}
	for i := range r.Tiers {
		j.Tiers = append(j.Tiers, tierOut(&r.Tiers[i], len(r.Tiers)))
	}
	for i := range r.ByStage {
		j.ByStage = append(j.ByStage, stageOut(&r.ByStage[i], len(r.Tiers), r.Lane.Rate))
	}
	return json.Marshal(j)
}
