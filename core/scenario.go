package core

import (
	"math"
	"strconv"

	"github.com/cpocalc/cpocalc/core/format"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/wire"
)

// Version is the scenario format's version: the "v" of the JSON and of
// permalinks. Renaming or removing a field needs a new version and a
// decoder for the old one, because shared permalinks must keep working.
const Version = 1

// Scenario is a whole cluster to evaluate. Its JSON is a public contract
// shared by the permalink, the JavaScript API and the embed snippet. Units
// are in the field names.
type Scenario struct {
	V        int     `json:"v"`
	GPUs     int     `json:"gpus"`
	GPUWatts float64 `json:"gpu_watts"` // per GPU, besides its link SerDes
	LaneGbps float64 `json:"lane_gbps"` // electrical lane rate everywhere

	ScaleUp  ScaleUp  `json:"scale_up"`
	ScaleOut ScaleOut `json:"scale_out"`
	Tiers    []Tier   `json:"tiers"` // scale-out link tiers, GPU side first

	// SwitchCooling is how the switch boxes are cooled: "air" (fans) or
	// "liquid" (cold plates and pumps).
	SwitchCooling string `json:"switch_cooling"`

	PUE               float64 `json:"pue"`
	USDPerKWh         float64 `json:"usd_per_kwh"`
	FiberCNYPerCoreKm float64 `json:"fiber_cny_per_core_km"`
	// Years is how long the cluster runs: the span of its total cost of
	// ownership (the purchase plus that many years of energy).
	Years float64 `json:"years"`
	// GridKgCO2PerKWh is the carbon dioxide the grid emits for each
	// kilowatt-hour the facility draws; WUELPerKWh is the water the site
	// consumes for each kilowatt-hour of IT energy (its water-usage
	// effectiveness).
	GridKgCO2PerKWh float64 `json:"grid_kg_co2_per_kwh"`
	WUELPerKWh      float64 `json:"wue_l_per_kwh"`
	// A training job that spans the cluster saves a checkpoint every
	// CheckpointMinutes and takes RestartMinutes to start again after an
	// interruption; GPUHourUSD is what an hour of one GPU costs.
	CheckpointMinutes float64 `json:"checkpoint_minutes"`
	RestartMinutes    float64 `json:"restart_minutes"`
	GPUHourUSD        float64 `json:"gpu_hour_usd"`

	Params map[string]float64 `json:"params,omitempty"` // catalogue overrides by id
}

// ScaleUp is the scale-up domain (NVLink-like): GPUs joined through
// scale-up switches, each GPU with its own links.
type ScaleUp struct {
	DomainGPUs int     `json:"domain_gpus"`  // 1 means no scale-up domain
	LaneGbps   float64 `json:"lane_gbps"`    // its own electrical lane rate; 0: the scenario's lane_gbps
	GbpsPerGPU float64 `json:"gbps_per_gpu"` // per direction
	Tech       Tech    `json:"tech"`
	LengthM    float64 `json:"length_m"` // mean GPU-to-switch cable
	AWG        int     `json:"awg,omitempty"`
	// FEC is the domain's links' codes: "" the lane's standard, "none"
	// FEC-free for the least latency at the cost of the coding gain,
	// "rs", "rs_inner" (optics) or "auto" (the lightest that closes).
	FEC string `json:"fec,omitempty"`
	// Signalling is how the domain's copper uses its pairs: "" PAM4 one
	// direction per pair, pam4_bidi, pam6, pam8, or auto (the
	// lowest-power option that closes).
	Signalling string `json:"signalling,omitempty"`
	// SpineLengthM is the length of a second level's links, leaf chip to
	// spine chip, where the domain has more GPUs than a switch chip has
	// ports (0: length_m).
	SpineLengthM float64 `json:"spine_length_m,omitempty"`
}

// ScaleOut is the scale-out network: a fat tree (folded Clos) of switches
// of one radix.
type ScaleOut struct {
	GbpsPerGPU  float64 `json:"gbps_per_gpu"` // per direction
	PortGbps    float64 `json:"port_gbps"`
	SwitchRadix int     `json:"switch_radix"` // ports per switch
	Tiers       int     `json:"tiers"`        // 0: as many as the GPU count needs
	NICTech     Tech    `json:"nic_tech"`     // GPU-side end of tier 1 when it is optical
	// Oversubscription is the down:up port ratio of the switches just
	// below the top tier (1: non-blocking). Large training clusters run
	// 1:1 inside a pod and oversubscribed above it.
	Oversubscription float64 `json:"oversubscription"`
	// Planes splits each GPU's scale-out ports evenly over that many
	// independent fabrics, each its own fat tree (0 or 1: one tree of
	// all the ports). A smaller tree may need fewer tiers.
	Planes int `json:"planes,omitempty"`
}

// Tier is one tier of scale-out links: GPU to leaf, leaf to spine, ...
type Tier struct {
	Tech    Tech    `json:"tech"`
	LengthM float64 `json:"length_m"` // mean: it sets the fibre
	// MaxLengthM is the tier's longest link, which sets the reach it
	// needs and its worst latency (0: every link is length_m).
	MaxLengthM float64 `json:"max_length_m,omitempty"`
	AWG        int     `json:"awg,omitempty"`   // copper gauge; default 26
	Fiber      Fiber   `json:"fiber,omitempty"` // smf (default) or mmf
	// FEC is the tier's codes: "" the lane's standard, none, rs,
	// rs_inner (optics), or auto, the lightest that closes with margin.
	FEC string `json:"fec,omitempty"`
}

// DefaultScenario returns the scenario the site opens with: 65,536 GPUs of
// 1,200 W at 200 Gb/s per lane, NVL72-like scale-up domains on 0.6 m of
// copper, one 800G scale-out port per GPU into a fat tree of 64-port
// switches, with tier lengths of a rack, a row and a hall.
func DefaultScenario() Scenario {
	return Scenario{
		V:        Version,
		GPUs:     65536,
		GPUWatts: 1200,
		LaneGbps: 200,
		ScaleUp:  ScaleUp{DomainGPUs: 72, GbpsPerGPU: 7200, Tech: DAC, LengthM: 0.6},
		ScaleOut: ScaleOut{GbpsPerGPU: 800, PortGbps: 800, SwitchRadix: 64, Tiers: 0, NICTech: DSP, Oversubscription: 1},
		Tiers: []Tier{
			{Tech: Auto, LengthM: RackM},
			{Tech: Auto, LengthM: RowM},
			{Tech: Auto, LengthM: HallM},
		},
		SwitchCooling:     CoolingAir,
		PUE:               1.3,
		USDPerKWh:         0.08,
		FiberCNYPerCoreKm: 50,
		Years:             5,
		GridKgCO2PerKWh:   GridKgCO2PerKWh,
		WUELPerKWh:        WUELPerKWh,
		CheckpointMinutes: 30,
		RestartMinutes:    20,
		GPUHourUSD:        2,
	}
}

// AddedTier is the tier the model adds at place i (0: GPU to leaf) when
// the cluster needs more tiers than the scenario gives and
// scale_out.tiers is 0: auto, at the default scenario's length for that
// place (a rack, a row, a hall), or AddedTierLengthM above those.
func AddedTier(i int) Tier {
	d := DefaultScenario().Tiers
	if i < len(d) {
		return d[i]
	}
	return Tier{Tech: Auto, LengthM: AddedTierLengthM}
}

// EvaluatedTiers returns the tiers the result was evaluated with: the
// scenario's, then the ones the model added (AddedTier) for a cluster that
// needs more. A scenario with these tiers gives the same result.
func (r *Result) EvaluatedTiers() []Tier {
	ts := append([]Tier(nil), r.Scenario.Tiers...)
	for i := len(ts); i < len(r.Tiers); i++ {
		ts = append(ts, AddedTier(i))
	}
	return ts
}

// AddedTierLengthM is the mean length of a tier added above a hall's:
// between halls of a campus, inside a DR link's 500 m (an engineering
// choice, not a measurement).
const AddedTierLengthM = 400.0

// The defaults of the carbon and the water, each a published average a
// reader replaces with their own site's.
const (
	// GridKgCO2PerKWh is the US grid's carbon dioxide per kilowatt-hour
	// generated in 2023: 0.81 lb (US EIA, "How much carbon dioxide is
	// produced per kilowatthour of U.S. electricity generation?", 2024).
	GridKgCO2PerKWh = 0.367
	// WUELPerKWh is US data centres' direct water consumption over their
	// electricity in 2023: 17 billion gallons (64 billion litres) over
	// 176 TWh (Shehabi et al., 2024 United States Data Center Energy
	// Usage Report, LBNL, December 2024).
	WUELPerKWh = 0.36
)

// Switch cooling.
const (
	CoolingAir    = "air"
	CoolingLiquid = "liquid"
)

// Limits on scenario fields.
const (
	MaxGPUs      = 10_000_000
	MaxTiers     = 6
	maxRadix     = 1024
	maxGbps      = 100_000
	maxLengthM   = 100_000
	maxPortLanes = 32
	// maxOversubscription bounds the down:up ratio below the top tier.
	maxOversubscription = 16
	// maxPlanes bounds the scale-out planes (a GPU's ports, at most).
	maxPlanes = 16
	// The allowed ranges of the other numbers a reader sets.
	maxGPUWatts    = 20_000
	maxDomainGPUs  = 100_000
	maxUpLengthM   = 1000
	minPUE, maxPUE = 1, 3
	maxUSDPerKWh   = 2
	maxFiberCNY    = 10_000
	minYears       = 1
	maxYears       = 30
	maxGridKgCO2   = 1.5 // a coal-fired grid emits about 1 kg a kWh
	maxWUE         = 5
	maxMinutes     = 24 * 60
	maxGPUHourUSD  = 100
	minTierLengthM = 0.01
)

// ParseScenario reads a scenario from JSON. Fields left out keep their
// default (DefaultScenario); a given "tiers" list replaces the default one
// whole. Unknown fields, wrong types and malformed JSON give an
// *InputError naming the field. The result is not yet validated: Evaluate
// does that.
func ParseScenario(data []byte) (Scenario, error) {
	v, err := wire.Parse(data)
	if err != nil {
		return DefaultScenario(), syntaxError(err)
	}
	return readScenario(&v)
}

// ParseLink reads a link from JSON, like ParseScenario: left-out fields
// take DefaultLink's values.
func ParseLink(data []byte) (Link, error) {
	v, err := wire.Parse(data)
	if err != nil {
		return DefaultLink(), syntaxError(err)
	}
	if v.Kind != wire.Object {
		return DefaultLink(), typeError("link", &v, "json.a_json_object")
	}
	l := DefaultLink()
	if err := readObject(linkFields, &l, &v, ""); err != nil {
		return DefaultLink(), err
	}
	return l, nil
}

// plan is a validated scenario, with everything derived that the
// evaluation needs.
type plan struct {
	s           Scenario
	p           paramSet
	preset      *paramSet // the parameters, resolved already (an uncertainty sample)
	draw        bool      // an uncertainty draw: what no headline reads is left out (scale_up.as_tech)
	lane        laneSpec
	laneInfo    LaneInfo
	portLanes   int
	portsPerGPU int
	planes      int // independent fat trees the ports are split over
	endpoints   int
	capacity    float64
	tree        fatTree
	tiers       [MaxTiers]tierSpec
	scaleUp     bool
	suAWG       int
	suTech      Tech
	suFEC       fecMode // the domain's links' codes
	suSig       uint8   // the domain's copper signalling
	sigPaths    [len(sigTable)]*pathSet
	cooling     paramID // fans or pumps, as a share of a switch's electronics
	box         boxSpec // how a scale-out switch box is built

	// memo holds the links evaluated so far: auto, by_stage and the
	// scale-up comparison ask for many of the same links.
	paths  *pathSet
	suLane laneSpec // the scale-up domains' lane (the scale-out one unless given)
	suPath *pathSet
	memo   [maxMemo]memoEntry
	nMemo  int
	su     ScaleUpResult // the scenario's scale-up domains, once evaluated
	suDone bool
	// tierMemo holds each tier's counts by the link they came from.
	tierMemo [3 * MaxTiers]struct {
		tier, link int // link: its place in memo
		c          tierCounts
	}
	nTierMemo int
	shared    *Shared // paths shared with other evaluations (nil: the plan's own)
}

const maxMemo = 48

type memoEntry struct {
	key linkKey
	res LinkResult
}

// link evaluates a link, once per plan. A traced run evaluates afresh.
func (pl *plan) link(s linkSpec) *LinkResult {
	if s.sig == sigAuto {
		s = chooseSig(&pl.p, s, pl.link)
	}
	if s.sig != 0 && s.lane.sig == 0 {
		s.lane = s.lane.signalled(s.sig)
	}
	if s.fec == fecAuto {
		s = chooseFEC(&pl.p, s, pl.link)
	}
	k := s.key()
	for i := 0; i < pl.nMemo; i++ {
		if m := &pl.memo[i].key; m.near == k.near && m.far == k.far && m.length == k.length && m.lanes == k.lanes && m.awg == k.awg && m.fiber == k.fiber && m.gbps == k.gbps && m.fec == k.fec && m.probe == k.probe && m.sig == k.sig {
			return &pl.memo[i].res
		}
	}
	ps := pl.pathsOf(k)
	if pl.nMemo < maxMemo {
		e := &pl.memo[pl.nMemo]
		pl.nMemo++
		e.key = k
		evalLinkInto(&pl.p, &s, ps, &e.res)
		return &e.res
	}
	r := evalLink(&pl.p, s, ps)
	return &r
}

// pathsOf returns the paths of a link's lane rate (and signalling: a
// copper option of its own symbol rate has paths of its own, built once).
func (pl *plan) pathsOf(k linkKey) *pathSet {
	if k.sig != 0 && k.sig != sigAuto {
		if pl.sigPaths[k.sig] == nil {
			lane := pl.lane
			if pl.suPath != nil && k.gbps == pl.suLane.Rate.Gbps() {
				lane = pl.suLane
			}
			pl.sigPaths[k.sig] = pl.shared.pathSet(&pl.p, lane.signalled(k.sig))
		}
		return pl.sigPaths[k.sig]
	}
	if pl.suPath != nil && k.gbps == pl.suLane.Rate.Gbps() {
		return pl.suPath
	}
	return pl.paths
}

// laneOf returns the signalling of a link's lane rate.
func (pl *plan) laneOf(k linkKey) laneSpec { return pl.pathsOf(k).lane }

type tierSpec struct {
	tech    Tech
	length  Length // mean
	longest Length
	awg     int
	fiber   *fiberRow
	fec     fecMode
}

func checkTech(field string, t Tech, allowAuto bool) error {
	if t.Valid() || (allowAuto && t == Auto) {
		return nil
	}
	allowed := allowedTechs(Techs)
	if allowAuto {
		allowed = allowedTechs(Techs, Auto)
	}
	return refuse(field, quote(string(t)), label.Plain(allowed), "err.unknown_tech")
}

func checkInt(field string, v, lo, hi int) error {
	if v < lo || v > hi {
		return refuse(field, format.English.Input(float64(v)), label.Msg("err.range", "low", format.English.Input(float64(lo)), "high", format.English.Input(float64(hi))), "err.out_of_range")
	}
	return nil
}

// allowedGauges writes the twinax gauges for an error message.
func allowedGauges() string {
	var b []byte
	for i, g := range Gauges {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendInt(b, int64(g), 10)
	}
	return string(b)
}

func checkAWG(field string, awg int) (int, error) {
	if awg == 0 {
		return DefaultAWG, nil
	}
	for _, g := range Gauges {
		if g == awg {
			return awg, nil
		}
	}
	return 0, refuse(field, format.English.Input(float64(awg)), label.Plain(allowedGauges()), "err.unknown_gauge")
}

func checkFiber(field string, f Fiber) (*fiberRow, error) {
	if f == "" {
		f = DefaultFiber
	}
	if r := f.row(); r != nil {
		return r, nil
	}
	var allowed []byte
	for i, x := range Fibers {
		if i > 0 {
			allowed = append(allowed, ", "...)
		}
		allowed = append(allowed, x...)
	}
	return nil, refuse(field, quote(string(f)), label.Plain(string(allowed)), "err.unknown_fibre")
}

// checkTier validates tier i. Field names are built only for errors.
func checkTier(i int, t Tier) (tierSpec, error) {
	tech := t.Tech
	if tech == "" {
		tech = Auto
	}
	if err := checkTech("", tech, true); err != nil {
		return tierSpec{}, named(err, tierField(i, "tech"))
	}
	if !(t.LengthM >= 0.01 && t.LengthM <= maxLengthM) {
		return tierSpec{}, checkRange(tierField(i, "length_m"), t.LengthM, minTierLengthM, maxLengthM, "m")
	}
	awg, err := checkAWG("", t.AWG)
	if err != nil {
		return tierSpec{}, named(err, tierField(i, "awg"))
	}
	fiber, err := checkFiber("", t.Fiber)
	if err != nil {
		return tierSpec{}, named(err, tierField(i, "fiber"))
	}
	fec, err := checkFEC("", t.FEC, tech.row())
	if err != nil {
		return tierSpec{}, named(err, tierField(i, "fec"))
	}
	longest := t.LengthM
	if t.MaxLengthM != 0 {
		if !(t.MaxLengthM >= t.LengthM && t.MaxLengthM <= maxLengthM) {
			return tierSpec{}, refuse(tierField(i, "max_length_m"), format.English.Input(t.MaxLengthM), label.Msg("err.max_length", "mean", format.English.Input(t.LengthM), "max", format.English.Input(maxLengthM)), "err.out_of_range")
		}
		longest = t.MaxLengthM
	}
	return tierSpec{tech: tech, length: Length(t.LengthM) * Metre, longest: Length(longest) * Metre, awg: awg, fiber: fiber, fec: fec}, nil
}

func tierField(i int, name string) string { return "tiers[" + strconv.Itoa(i) + "]." + name }

// named gives an input error its field.
func named(err error, field string) error {
	if ie, ok := err.(*InputError); ok {
		ie.Field = field
	}
	return err
}

// Validate checks a scenario without evaluating it.
func Validate(s Scenario) error {
	return new(plan).build(s)
}

// Formulas of the scenario's layout.
const (
	fPortsPerGPU = "ports per GPU = ceil(scale_out.gbps_per_gpu / port_gbps)"
	fEndpoints   = "E = N_GPU × ports per GPU"
	fPortLanes   = "lanes per port = port_gbps / lane_gbps"
	fPlanes      = "planes: scale_out.planes (1 when left out); each plane is a fat tree of E / planes ports"
	fTiersUsed   = "T = the fewest tiers with E / planes ≤ d_0 × d_1 × … × d_(T−1) (or scale_out.tiers when it is set)"
	fCapacity    = "planes × d_0 × d_1 × … × d_(T−1), d the down ports of each level: k/2 below the top, floor(k·r/(r+1)) just below it, k at the top; 2 (k/2)^T per plane when r = 1"
	fSkinDepth   = "δ = 1/√(π f μ0 σ)"
)

// build validates s and fills the plan.
func (pl *plan) build(s Scenario) error {
	pl.s = s
	if s.V != Version && s.V != 0 {
		return refuse("v", format.English.Input(float64(s.V)), label.Plain(strconv.Itoa(Version)), "err.version")
	}
	var err error
	if pl.preset != nil {
		pl.p = *pl.preset
	} else if pl.p, err = resolveParams(s.Params); err != nil {
		return err
	}
	p := &pl.p
	if err := checkInt("gpus", s.GPUs, 1, MaxGPUs); err != nil {
		return err
	}
	if err := checkRange("gpu_watts", s.GPUWatts, 1, maxGPUWatts, "W"); err != nil {
		return err
	}
	lane, ok := lookupLane(p, s.LaneGbps)
	if !ok {
		return refuse("lane_gbps", format.English.Input(s.LaneGbps), label.Plain(allowedLanes()), "err.unknown_lane")
	}
	pl.lane = lane
	pl.paths = pl.shared.pathSet(p, lane)

	// Scale-up.
	su := s.ScaleUp
	if err := checkInt("scale_up.domain_gpus", su.DomainGPUs, 1, maxDomainGPUs); err != nil {
		return err
	}
	pl.scaleUp = su.DomainGPUs > 1
	if err := checkRange("scale_up.gbps_per_gpu", su.GbpsPerGPU, 0, maxGbps, "Gb/s"); err != nil {
		return err
	}
	pl.suLane = lane
	if su.LaneGbps != 0 && su.LaneGbps != s.LaneGbps {
		l, ok := lookupLane(p, su.LaneGbps)
		if !ok {
			return refuse("scale_up.lane_gbps", format.English.Input(su.LaneGbps), label.Plain(allowedLanes()+", or 0 for the scale-out lane rate"), "err.unknown_lane")
		}
		pl.suLane, pl.suPath = l, pl.shared.pathSet(p, l)
	}
	pl.suTech = su.Tech
	if pl.suTech == "" {
		pl.suTech = Auto
	}
	if err := checkTech("scale_up.tech", pl.suTech, true); err != nil {
		return err
	}
	if err := checkRange("scale_up.length_m", su.LengthM, 0, maxUpLengthM, "m"); err != nil {
		return err
	}
	if pl.suAWG, err = checkAWG("scale_up.awg", su.AWG); err != nil {
		return err
	}
	if pl.suFEC, err = checkFEC("scale_up.fec", su.FEC, pl.suTech.row()); err != nil {
		return err
	}
	if pl.suSig, err = checkSignalling("scale_up.signalling", su.Signalling, pl.suTech.row()); err != nil {
		return err
	}
	if err := checkRange("scale_up.spine_length_m", su.SpineLengthM, 0, maxUpLengthM, "m"); err != nil {
		return err
	}
	if pl.scaleUp {
		if err := checkDomain(su.DomainGPUs, p.count(pSUSwitchPorts)); err != nil {
			return err
		}
	}
	if su.DomainGPUs > s.GPUs {
		return refuse("scale_up.domain_gpus", format.English.Input(float64(su.DomainGPUs)), label.Msg("err.domain_allowed", "max", format.English.Input(float64(s.GPUs))), "err.domain_reason")
	}
	if pl.scaleUp && su.GbpsPerGPU == 0 {
		return refuse("scale_up.gbps_per_gpu", "0", label.Msg("err.su_bw_allowed"), "err.su_bw_reason")
	}

	// Scale-out.
	so := s.ScaleOut
	if err := checkRange("scale_out.gbps_per_gpu", so.GbpsPerGPU, lane.Rate.Gbps(), maxGbps, "Gb/s"); err != nil {
		return err
	}
	if err := checkRange("scale_out.port_gbps", so.PortGbps, lane.Rate.Gbps(), lane.Rate.Gbps()*maxPortLanes, "Gb/s"); err != nil {
		return err
	}
	lanes := so.PortGbps / lane.Rate.Gbps()
	if lanes != math.Trunc(lanes) {
		return refuse("scale_out.port_gbps", format.English.Input(so.PortGbps), label.Msg("err.port_allowed", "lane", format.English.Input(lane.Rate.Gbps())), "err.port_reason")
	}
	pl.portLanes = int(lanes)
	if err := checkInt("scale_out.switch_radix", so.SwitchRadix, 4, maxRadix); err != nil {
		return err
	}
	if so.SwitchRadix%2 != 0 {
		return refuse("scale_out.switch_radix", format.English.Input(float64(so.SwitchRadix)), label.Msg("err.radix_allowed", "max", format.English.Input(maxRadix)), "err.radix_reason")
	}
	if err := checkInt("scale_out.tiers", so.Tiers, 0, MaxTiers); err != nil {
		return err
	}
	if !so.NICTech.NICEnd() {
		return refuse("scale_out.nic_tech", quote(string(so.NICTech)), label.Plain(allowedTechs(TechsWhere(Tech.NICEnd))), "err.nic_reason")
	}
	pl.portsPerGPU = int(math.Ceil(so.GbpsPerGPU/so.PortGbps - 1e-9))
	pl.endpoints = s.GPUs * pl.portsPerGPU
	if pl.endpoints > MaxGPUs*4 {
		return inputError("scale_out.gbps_per_gpu", label.Plain(format.English.Input(so.GbpsPerGPU)), label.Msg("err.ports_allowed", "max", format.English.Input(MaxGPUs*4)), label.Msg("err.ports_reason", "n", format.English.Input(float64(pl.endpoints))))
	}
	if so.Oversubscription == 0 {
		so.Oversubscription = 1 // left out: non-blocking
	}
	if err := checkRange("scale_out.oversubscription", so.Oversubscription, 1, maxOversubscription, ""); err != nil {
		return err
	}
	if up := so.SwitchRadix - int(math.Floor(float64(so.SwitchRadix)*so.Oversubscription/(so.Oversubscription+1))); up < 1 {
		return refuse("scale_out.oversubscription", format.English.Input(so.Oversubscription), label.Msg("err.over_allowed", "max", format.English.Input(float64(so.SwitchRadix-1)), "radix", strconv.Itoa(so.SwitchRadix)), "err.over_reason")
	}
	pl.planes = max(1, so.Planes)
	if err := checkInt("scale_out.planes", so.Planes, 0, maxPlanes); err != nil {
		return err
	}
	if pl.portsPerGPU%pl.planes != 0 {
		return inputError("scale_out.planes", label.Plain(format.English.Input(float64(so.Planes))), label.Msg("err.planes_allowed", "ports", strconv.Itoa(pl.portsPerGPU), "divisors", divisors(pl.portsPerGPU, maxPlanes)), label.Msg("err.planes_reason", "ports", strconv.Itoa(pl.portsPerGPU)))
	}
	if pl.tree, err = buildFatTree(pl.endpoints, so.SwitchRadix, so.Tiers, so.Oversubscription, pl.planes); err != nil {
		return err
	}
	pl.box = newBox(pl.lane, so.SwitchRadix, so.PortGbps)

	// Tiers.
	if len(s.Tiers) > MaxTiers {
		return inputError("tiers", label.Msg("err.tiers_value", "n", strconv.Itoa(len(s.Tiers))), label.Msg("err.at_most", "max", strconv.Itoa(MaxTiers)), label.Msg("err.too_many"))
	}
	for i, t := range s.Tiers {
		ts, err := checkTier(i, t)
		if err != nil {
			return err
		}
		pl.tiers[i] = ts
	}
	if len(s.Tiers) < pl.tree.tiers {
		if so.Tiers != 0 {
			return inputError("tiers", label.Msg("err.given", "n", strconv.Itoa(len(s.Tiers))), label.Msg("err.tiers_allowed", "n", strconv.Itoa(pl.tree.tiers)), label.Msg("err.tiers_few"))
		}
		// As many tiers as needed: the ones the scenario does not give are
		// added, auto, at a length for their place in the tree.
		for i := len(s.Tiers); i < pl.tree.tiers; i++ {
			pl.tiers[i], _ = checkTier(i, AddedTier(i))
		}
	}

	switch s.SwitchCooling {
	case CoolingAir, "":
		pl.cooling = pFanShare
	case CoolingLiquid:
		pl.cooling = pPumpShare
	default:
		return refuse("switch_cooling", quote(s.SwitchCooling), label.Plain(CoolingAir+", "+CoolingLiquid), "err.cooling")
	}

	// Economics.
	if err := checkRange("pue", s.PUE, minPUE, maxPUE, ""); err != nil {
		return err
	}
	if err := checkRange("usd_per_kwh", s.USDPerKWh, 0, maxUSDPerKWh, "USD/kWh"); err != nil {
		return err
	}
	if err := checkRange("fiber_cny_per_core_km", s.FiberCNYPerCoreKm, 0, maxFiberCNY, "CNY per core-km"); err != nil {
		return err
	}
	if err := checkRange("years", s.Years, minYears, maxYears, "years"); err != nil {
		return err
	}
	if err := checkRange("grid_kg_co2_per_kwh", s.GridKgCO2PerKWh, 0, maxGridKgCO2, "kg CO₂/kWh"); err != nil {
		return err
	}
	if err := checkRange("wue_l_per_kwh", s.WUELPerKWh, 0, maxWUE, "L/kWh"); err != nil {
		return err
	}
	if err := checkRange("checkpoint_minutes", s.CheckpointMinutes, 0, maxMinutes, "minutes"); err != nil {
		return err
	}
	if err := checkRange("restart_minutes", s.RestartMinutes, 0, maxMinutes, "minutes"); err != nil {
		return err
	}
	if err := checkRange("gpu_hour_usd", s.GPUHourUSD, 0, maxGPUHourUSD, "USD"); err != nil {
		return err
	}
	pl.layout()
	return nil
}

// layout derives the numbers of the result's top level and its lane from
// the validated scenario.
func (pl *plan) layout() {
	p := &pl.p
	s := pl.s
	m := p.open(0)
	defer p.close(m)
	p.computes(&pfPortsPerGPU, fPortsPerGPU)
	p.in("gbps_per_gpu", s.ScaleOut.GbpsPerGPU, "Gb/s")
	p.in("port_gbps", s.ScaleOut.PortGbps, "Gb/s")
	p.computes(&pfEndpoints, fEndpoints)
	p.in("N_GPU", float64(s.GPUs), "")
	p.dep("ports per GPU", float64(pl.portsPerGPU), "", -1, &pfPortsPerGPU)
	p.computes(&pfPortLanes, fPortLanes)
	p.in("port_gbps", s.ScaleOut.PortGbps, "Gb/s")
	p.in("lane_gbps", s.LaneGbps, "Gb/s")
	p.computes(&pfPlanes, fPlanes)
	p.in("scale_out.planes", float64(s.ScaleOut.Planes), "")
	p.computes(&pfTiersUsed, fTiersUsed)
	p.dep("E", float64(pl.endpoints), "", -1, &pfEndpoints)
	p.dep("planes", float64(pl.planes), "", -1, &pfPlanes)
	p.in("k", float64(s.ScaleOut.SwitchRadix), "")
	p.in("r", s.ScaleOut.Oversubscription, "")
	p.computes(&pfCapacity, fCapacity)
	p.dep("planes", float64(pl.planes), "", -1, &pfPlanes)
	p.in("k", float64(pl.tree.radix), "")
	p.in("r", pl.tree.over, "")
	p.dep("T", float64(pl.tree.tiers), "", -1, &pfTiersUsed)
	pl.capacity = pl.tree.capacity
	lane := pl.lane
	p.at(&nfBaud)
	if p.tracing() {
		p.formula("the lane rate's signalling: " + lane.Modulation + ", IEEE 802.3 (400 Gb/s per lane assumed)")
	}
	if lane.baudID != noParam {
		p.raw(lane.baudID)
	}
	p.computes(&nfNyquist, "f_N = baud / 2")
	p.dep("baud", lane.Baud.GHz(), "GBd", -1, &nfBaud)
	p.computes(&nfBudget, "the die-to-die loss budget of the lane rate at f_N (catalogue)")
	p.raw(lane.budgetID)
	p.computes(&nfSkinDepth, fSkinDepth)
	p.dep("f", lane.Nyquist().GHz(), "GHz", -1, &nfNyquist)
	p.in("σ", p.raw(pCuSigma), "S/m")
	pl.laneInfo = LaneInfo{
		Rate: lane.Rate, Modulation: lane.Modulation, Baud: lane.Baud,
		Nyquist: lane.Nyquist(), Budget: lane.Budget,
		SkinDepth: SkinDepth(lane.Nyquist(), p.conductivity(pCuSigma)),
	}
}
