package core

import (
	"math"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/wire"
)

// The result's numbers, each written once. A Field is one entry of the
// result JSON: its key (the object it sits in and its JSON name, which is
// also its label's key in core/label), its unit, and how to read it from
// the result. The objects below list the fields in the contract's order;
// the JSON writer, Explain, the report's data-path attributes, the CSV
// columns and the labels all read them.

type fieldKind uint8

const (
	kNum    fieldKind = iota // a number (null when not finite)
	kInt                     // a whole number
	kBool                    // true or false
	kText                    // a string
	kObject                  // an object (sub); enter points the cursor at it
	kList                    // a list of objects (sub) or of strings (text)
	kRaw                     // JSON written by raw (the scenario)
)

// Field describes one entry of the result.
type Field struct {
	Key  string // "<object>.<name>": totals.interconnect_watts, link.max_reach_m
	Name string // the JSON key
	Unit string // the unit of the JSON number ("" for counts and flags)
	kind fieldKind

	num  func(*cursor) float64
	cnt  func(*cursor) int // kInt
	flag func(*cursor) bool
	text func(*cursor) string
	raw  func(*cursor, []byte) []byte

	sub   *object
	enter func(*cursor) bool   // kObject: point the cursor at it; false: absent
	n     func(*cursor) int    // kList: its length
	at    func(*cursor, int)   // kList: point the cursor at element i
	omit  func(*cursor) bool   // left out of the JSON (omitempty)
	alias func(*cursor) target // the number is another's (the tier's reach is its link's)
}

// Label returns the field's label in c's language.
func (f *Field) Label(c *label.Catalogue) string { return c.Field(f.Key) }

// Numeric reports whether the field is a number or a flag (Explain takes
// those).
func (f *Field) Numeric() bool { return f.kind == kNum || f.kind == kInt || f.kind == kBool }

// object is a JSON object of the result: its fields in order, and what
// computes them (for Explain).
type object struct {
	name   string
	fields []*Field
	// owner says which code computes the object's numbers, and in which
	// scope, for a cursor pointing at it.
	owner func(*cursor) target
}

// target is what computed a number: the owner to re-run and the number
// within it.
type target struct {
	owner owner
	key   traceKey
}

// cursor points at the objects along a path of the result.
type cursor struct {
	r      *Result
	tier   *TierResult
	su     *ScaleUpResult
	link   *LinkResult
	end    *EndResult
	far    bool  // the end is the far end (far_end)
	path   *Path // the segments of breakdown.path or far_end.path
	seg    int
	cand   *Candidate
	stage  *StageResult
	block  int
	tot    *Totals
	text   []Tech // a list of technologies
	nTiers int

	// Where the cursor is, for Explain.
	stageIdx int // -1: the scenario's own cluster
	tierIdx  int
	candIdx  int
	asTech   bool
	prefix   string // the path so far, with a trailing dot
	owner    target // the object's owner (set on entering it)
	quick    bool   // a value is all that is wanted: no prefix, no owner
}

func obj(name string, fields ...*Field) *object { return &object{name: name, fields: fields} }

func numField(name, unit string, get func(*cursor) float64) Field {
	return Field{Name: name, Unit: unit, kind: kNum, num: get}
}

// value is a number's or a count's value at the cursor.
func (f *Field) value(c *cursor) float64 {
	if f.cnt != nil {
		return float64(f.cnt(c))
	}
	return f.num(c)
}

func countField(name string, get func(*cursor) int) Field {
	return Field{Name: name, kind: kInt, cnt: get}
}

func flagField(name string, get func(*cursor) bool) Field {
	return Field{Name: name, kind: kBool, flag: get}
}

func textField(name string, get func(*cursor) string) Field {
	return Field{Name: name, kind: kText, text: get}
}

func textOmitField(name string, get func(*cursor) string) Field {
	f := textField(name, get)
	f.omit = func(c *cursor) bool { return get(c) == "" }
	return f
}

// aliasOf makes a field's explanation that of another number.
func (f Field) aliasOf(a func(*cursor) target) Field { f.alias = a; return f }

func (f Field) omitIf(o func(*cursor) bool) Field { f.omit = o; return f }

// ---- A link ----------------------------------------------------------

var (
	lfTech     = Field{Name: "tech", kind: kText, text: func(c *cursor) string { return string(c.link.Tech) }}
	lfFarTech  = Field{Name: "far_tech", kind: kText, text: func(c *cursor) string { return string(c.link.FarTech) }}
	lfStage    = Field{Name: "stage", kind: kText, text: func(c *cursor) string { return string(c.link.Stage()) }}
	lfLaneGbps = numField("lane_gbps", "Gb/s", func(c *cursor) float64 { return c.link.Lane.Gbps() }).aliasOf(func(c *cursor) target {
		if c.su != nil && c.link == &c.su.Link {
			return target{ownerOfScaleUp(c.stageIdx), traceKey{0, &sfLaneGbps}}
		}
		return target{ownerOfPlan(), traceKey{0, &nfGbps}}
	})
	lfLanes    = Field{Name: "lanes", kind: kInt, cnt: func(c *cursor) int { return c.link.Lanes }}
	lfPortGbps = Field{Name: "port_gbps", Unit: "Gb/s", kind: kNum, num: func(c *cursor) float64 { return c.link.Port.Gbps() }}
	lfLengthM  = Field{Name: "length_m", Unit: "m", kind: kNum, num: func(c *cursor) float64 { return c.link.Length.Metres() }}
	lfAWG      = Field{Name: "awg", kind: kInt, cnt: func(c *cursor) int { return c.link.AWG }, omit: func(c *cursor) bool { return c.link.AWG == 0 }}
	lfFiber    = textOmitField("fiber", func(c *cursor) string { return string(c.link.Fiber) })
	lfFEC      = Field{Name: "fec", kind: kText, text: func(c *cursor) string { return c.link.fec.name() }}
	lfSig      = Field{Name: "signalling", kind: kText, text: func(c *cursor) string { return c.link.Signalling() }}
	lfNyquist  = Field{Name: "nyquist_ghz", Unit: "GHz", kind: kNum, num: func(c *cursor) float64 { return c.link.Nyquist.GHz() }}
	lfFeasible = Field{Name: "feasible", kind: kBool, flag: func(c *cursor) bool { return c.link.Feasible }}
	lfReason   = textOmitField("reason", func(c *cursor) string { return string(c.link.Reason) })
	lfMaxReach = Field{Name: "max_reach_m", Unit: "m", kind: kNum, num: func(c *cursor) float64 { return c.link.MaxReach.Metres() }}
	lfBudget   = Field{Name: "budget_db", Unit: "dB", kind: kNum, num: func(c *cursor) float64 { return float64(c.link.Budget) }}

	lfChannel       = Field{Name: "channel", kind: kText, text: func(c *cursor) string { return StretchKeys[c.link.Channel] }}
	lfChannelLoss   = Field{Name: "channel_loss_db", Unit: "dB", kind: kNum, num: func(c *cursor) float64 { return float64(c.link.ChannelLoss) }}
	lfChannelBudget = Field{Name: "channel_budget_db", Unit: "dB", kind: kNum, num: func(c *cursor) float64 { return float64(c.link.ChannelBudget) }}
	lfMargin        = Field{Name: "margin_db", Unit: "dB", kind: kNum, num: func(c *cursor) float64 { return float64(c.link.Margin()) }}

	lfElectricalPath = Field{Name: "electrical_path_mm", Unit: "mm", kind: kNum, num: func(c *cursor) float64 { return c.link.ElectricalPath.Millimetres() }}
	lfElectricalLoss = Field{Name: "electrical_loss_db", Unit: "dB", kind: kNum, num: func(c *cursor) float64 { return float64(c.link.ElectricalLoss) }}
	lfWattsPerEnd    = numField("watts_per_end", "W", func(c *cursor) float64 { return c.link.Near.DevicePower.Watts() }).aliasOf(nearEnd(&efWatts))
	lfHostWatts      = numField("host_watts_per_end", "W", func(c *cursor) float64 { return c.link.Near.HostPower.Watts() }).aliasOf(nearEnd(&efHostWatts))
	lfPJ             = numField("pj_per_bit", "pJ/bit", func(c *cursor) float64 { return c.link.PJPerBit().PJ() }).aliasOf(nearEnd(&efPJ))
	lfLinkWatts      = Field{Name: "link_watts", Unit: "W", kind: kNum, num: func(c *cursor) float64 { return c.link.LinkPower.Watts() }}
	lfLatency        = Field{Name: "latency_ns", Unit: "ns", kind: kNum, num: func(c *cursor) float64 { return c.link.Latency.Total().Nanoseconds() }}
	lfFlightNS       = Field{Name: "flight_ns", Unit: "ns", kind: kNum, num: func(c *cursor) float64 { return c.link.Latency[LatencyFlight].Nanoseconds() }}
	lfFITPerEnd      = numField("fit_per_end", "FIT", func(c *cursor) float64 { return float64(c.link.Near.FIT) }).aliasOf(nearEnd(&efFIT))
	lfLinkFIT        = Field{Name: "link_fit", Unit: "FIT", kind: kNum, num: func(c *cursor) float64 { return float64(c.link.LinkFIT) }}
	lfUSD            = Field{Name: "usd", Unit: "USD", kind: kNum, num: func(c *cursor) float64 { return float64(c.link.LinkCost) }}
	lfFibers         = Field{Name: "fibers", kind: kInt, cnt: func(c *cursor) int { return c.link.Fibers }}

	lfBreakdown = Field{Name: "breakdown", kind: kObject, sub: breakdownObject, enter: func(c *cursor) bool {
		c.end, c.far = &c.link.Near, false
		return true
	}}
	lfFarEnd = Field{Name: "far_end", kind: kObject, sub: endObject, enter: func(c *cursor) bool {
		if !c.link.Mixed() {
			return false
		}
		c.end, c.far = &c.link.Far, true
		return true
	}, omit: func(c *cursor) bool { return !c.link.Mixed() }}
)

// nearEnd says a link-level number is its near end's.
func nearEnd(f *Field) func(*cursor) target {
	return func(c *cursor) target { return target{c.owner.owner, traceKey{scopeNear, f}} }
}

var linkObject = &object{name: "link", fields: []*Field{&lfTech, &lfFarTech, &lfStage, &lfLaneGbps, &lfLanes, &lfPortGbps, &lfLengthM, &lfAWG, &lfFiber, &lfFEC, &lfSig,
	&lfNyquist, &lfFeasible, &lfReason, &lfMaxReach, &lfBudget, &lfChannel, &lfChannelLoss, &lfChannelBudget, &lfMargin, &lfElectricalPath, &lfElectricalLoss, &lfWattsPerEnd,
	&lfHostWatts, &lfPJ, &lfLinkWatts, &lfLatency, &lfFlightNS, &lfFITPerEnd, &lfLinkFIT, &lfUSD, &lfFibers, &lfBreakdown, &lfFarEnd}}

// The breakdown: the near end's energy by part, the latency by part, the
// electrical path by segment.
var (
	endEnergy   = energyFields()
	linkLatency = latencyFields()

	bfEnergy  = Field{Name: "energy_pj_per_bit", kind: kObject, sub: energyObject, enter: func(*cursor) bool { return true }}
	bfLatency = Field{Name: "latency_ns", kind: kObject, sub: latencyObject, enter: func(*cursor) bool { return true }}
	bfPath    = Field{Name: "path", kind: kList, sub: segmentObject, n: func(c *cursor) int {
		p := c.link.Path()
		c.path = &p
		return p.n
	}, at: func(c *cursor, i int) { c.seg = i }}

	breakdownObject = &object{name: "breakdown", fields: []*Field{&bfEnergy, &bfLatency, &bfPath}}
	energyObject    = obj("energy", energyPtrs()...)
	latencyObject   = obj("latency", latencyPtrs()...)

	segName   = Field{Name: "name", kind: kText, text: func(c *cursor) string { return c.path.seg[c.seg].Name }}
	segLength = Field{Name: "length_mm", Unit: "mm", kind: kNum, num: func(c *cursor) float64 { return c.path.seg[c.seg].Length.Millimetres() }}
	segLoss   = Field{Name: "loss_db", Unit: "dB", kind: kNum, num: func(c *cursor) float64 { return float64(c.path.seg[c.seg].Loss) }}

	segmentObject = &object{name: "segment", fields: []*Field{&segName, &segLength, &segLoss}}
)

func energyFields() [NumEnergyParts]Field {
	var out [NumEnergyParts]Field
	for i := range out {
		part := EnergyPart(i)
		out[i] = numField(EnergyKeys[i], "pJ/bit", func(c *cursor) float64 { return c.end.Energy[part].PJ() })
	}
	return out
}

func energyPtrs() []*Field {
	out := make([]*Field, NumEnergyParts)
	for i := range out {
		out[i] = &endEnergy[i]
	}
	return out
}

func latencyFields() [NumLatencyParts]Field {
	var out [NumLatencyParts]Field
	for i := range out {
		part := LatencyPart(i)
		out[i] = numField(LatencyKeys[i], "ns", func(c *cursor) float64 { return c.link.Latency[part].Nanoseconds() })
	}
	return out
}

func latencyPtrs() []*Field {
	out := make([]*Field, NumLatencyParts)
	for i := range out {
		out[i] = &linkLatency[i]
	}
	return out
}

// ---- The far end of a mixed link -------------------------------------

var (
	efTech      = Field{Name: "tech", kind: kText, text: func(c *cursor) string { return string(c.end.Tech) }}
	efHostClass = Field{Name: "host_serdes_class", kind: kText, text: func(c *cursor) string { return string(c.end.HostClass) }}
	efWatts     = Field{Name: "watts_per_end", Unit: "W", kind: kNum, num: func(c *cursor) float64 { return c.end.DevicePower.Watts() }}
	efHostWatts = Field{Name: "host_watts_per_end", Unit: "W", kind: kNum, num: func(c *cursor) float64 { return c.end.HostPower.Watts() }}
	efPJ        = Field{Name: "pj_per_bit", Unit: "pJ/bit", kind: kNum, num: func(c *cursor) float64 { return c.end.Energy.Total().PJ() }}
	efFIT       = Field{Name: "fit", Unit: "FIT", kind: kNum, num: func(c *cursor) float64 { return float64(c.end.FIT) }}
	efCost      = Field{Name: "usd", Unit: "USD", kind: kNum, num: func(c *cursor) float64 { return float64(c.end.Cost) }}
	efPathMM    = Field{Name: "electrical_path_mm", Unit: "mm", kind: kNum, num: func(c *cursor) float64 { p := c.link.FarPath(); return p.Length().Millimetres() }}
	efPathLoss  = Field{Name: "electrical_loss_db", Unit: "dB", kind: kNum, num: func(c *cursor) float64 { p := c.link.FarPath(); return float64(p.Loss()) }}
	efPath      = Field{Name: "path", kind: kList, sub: segmentObject, n: func(c *cursor) int {
		p := c.link.FarPath()
		c.path = &p
		return p.n
	}, at: func(c *cursor, i int) { c.seg = i }, omit: func(c *cursor) bool { p := c.link.FarPath(); return p.n == 0 }}

	endObject = &object{name: "end", fields: []*Field{&efTech, &efHostClass, &efWatts, &efHostWatts, &efPJ, &efFIT, &efCost, &efPathMM, &efPathLoss, &bfEnergy, &efPath}}
)

// ---- A candidate of auto, and the scale-up domains as each technology --

var (
	cfTech     = Field{Name: "tech", kind: kText, text: func(c *cursor) string { return string(c.cand.Tech) }}
	cfFeasible = Field{Name: "feasible", kind: kBool, flag: func(c *cursor) bool { return c.cand.Feasible }}
	cfMaxReach = Field{Name: "max_reach_m", Unit: "m", kind: kNum, num: func(c *cursor) float64 { return c.cand.MaxReach.Metres() }}
	cfWatts    = Field{Name: "watts", Unit: "W", kind: kNum, num: func(c *cursor) float64 { return c.cand.Power.Watts() }}

	candidateObject = &object{name: "candidate", fields: []*Field{&cfTech, &cfFeasible, &cfMaxReach, &cfWatts}}
)

// ---- A tier -------------------------------------------------------------

var (
	tfTier      = Field{Name: "tier", kind: kInt, cnt: func(c *cursor) int { return c.tier.Index + 1 }}
	tfName      = Field{Name: "name", kind: kText, text: func(c *cursor) string { return TierName(label.English, c.tier.Index, c.nTiers) }}
	tfRequested = Field{Name: "requested", kind: kText, text: func(c *cursor) string { return string(c.tier.Requested) }}
	tfAdded     = Field{Name: "added", kind: kBool, flag: func(c *cursor) bool { return c.tier.Added }, omit: func(c *cursor) bool { return !c.tier.Added }}
	tfTech      = Field{Name: "tech", kind: kText, text: func(c *cursor) string { return string(c.tier.Tech) }}
	tfNICTech   = textOmitField("nic_tech", func(c *cursor) string { return string(c.tier.NICTech) })
	tfLinks     = Field{Name: "links", kind: kInt, cnt: func(c *cursor) int { return c.tier.Links }}
	tfLength    = Field{Name: "length_m", Unit: "m", kind: kNum, num: func(c *cursor) float64 { return c.tier.Length.Metres() }}
	tfLongest   = Field{Name: "longest_m", Unit: "m", kind: kNum, num: func(c *cursor) float64 { return c.tier.Longest.Metres() }}
	tfFeasible  = flagField("feasible", func(c *cursor) bool { return c.tier.Feasible }).aliasOf(tierLink(&lfFeasible))
	tfMaxReach  = numField("max_reach_m", "m", func(c *cursor) float64 { return c.tier.Link.MaxReach.Metres() }).aliasOf(tierLink(&lfMaxReach))
	tfWatts     = Field{Name: "watts", Unit: "W", kind: kNum, num: func(c *cursor) float64 { return c.tier.Power.Watts() }}
	tfPJ        = Field{Name: "pj_per_bit", Unit: "pJ/bit", kind: kNum, num: func(c *cursor) float64 { return c.tier.PJPerBit().PJ() }}
	tfLatency   = numField("latency_ns", "ns", func(c *cursor) float64 { return c.tier.Link.Latency.Total().Nanoseconds() }).aliasOf(tierLink(&lfLatency))
	tfPath      = numField("electrical_path_mm", "mm", func(c *cursor) float64 { return c.tier.Link.ElectricalPath.Millimetres() }).aliasOf(tierLink(&lfElectricalPath))
	tfLoss      = numField("electrical_loss_db", "dB", func(c *cursor) float64 { return float64(c.tier.Link.ElectricalLoss) }).aliasOf(tierLink(&lfElectricalLoss))
	tfSwitches  = Field{Name: "switches", kind: kInt, cnt: func(c *cursor) int { return c.tier.SwitchesAbove }}
	tfModules   = Field{Name: "modules", kind: kInt, cnt: func(c *cursor) int { return c.tier.Modules }}
	tfEngines   = Field{Name: "engines", kind: kInt, cnt: func(c *cursor) int { return c.tier.Engines }}
	tfLasers    = Field{Name: "lasers", kind: kInt, cnt: func(c *cursor) int { return c.tier.Lasers }}
	tfSources   = Field{Name: "laser_sources", kind: kInt, cnt: func(c *cursor) int { return c.tier.Sources }}

	tfTransceivers = Field{Name: "transceivers", kind: kInt, cnt: func(c *cursor) int { return c.tier.Transceivers() }}
	tfCables       = Field{Name: "cables", kind: kInt, cnt: func(c *cursor) int { return c.tier.Cables }}
	tfFiber        = Field{Name: "fiber_km", Unit: "km", kind: kNum, num: func(c *cursor) float64 { return float64(c.tier.FiberLen / Kilometre) }}
	tfFIT          = Field{Name: "fit", Unit: "FIT", kind: kNum, num: func(c *cursor) float64 { return float64(c.tier.FIT) }}
	tfUSD          = Field{Name: "usd", Unit: "USD", kind: kNum, num: func(c *cursor) float64 { return float64(c.tier.Cost) }}
	tfLink         = Field{Name: "link", kind: kObject, sub: linkObject, enter: func(c *cursor) bool {
		c.link = &c.tier.Link
		return true
	}}
	tfCandidates = Field{Name: "candidates", kind: kList, sub: candidateObject, n: func(c *cursor) int { return c.tier.nCandidates },
		at:   func(c *cursor, i int) { c.cand, c.candIdx, c.asTech = &c.tier.Candidates[i], i, false },
		omit: func(c *cursor) bool { return c.tier.nCandidates == 0 }}

	tierObject = &object{name: "tier", fields: []*Field{&tfTier, &tfName, &tfRequested, &tfAdded, &tfTech, &tfNICTech, &tfLinks, &tfLength, &tfLongest, &tfFeasible, &tfMaxReach,
		&tfWatts, &tfPJ, &tfLatency, &tfPath, &tfLoss, &tfSwitches, &tfModules, &tfEngines, &tfLasers, &tfSources, &tfTransceivers, &tfCables,
		&tfFiber, &tfFIT, &tfUSD, &tfLink, &tfCandidates}}
)

func tierLink(f *Field) func(*cursor) target {
	return func(c *cursor) target {
		return target{ownerOfLink(c.tier.Link.key, c.prefix+"link."), traceKey{scopeLink, f}}
	}
}

// ---- The scale-up domains ---------------------------------------------

var (
	sfPresent         = Field{Name: "present", kind: kBool, flag: func(c *cursor) bool { return c.su.Present }}
	sfLaneGbps        = Field{Name: "lane_gbps", Unit: "Gb/s", kind: kNum, num: func(c *cursor) float64 { return c.su.Lane.Gbps() }}
	sfDomains         = Field{Name: "domains", kind: kInt, cnt: func(c *cursor) int { return c.su.Domains }}
	sfDomainGPUs      = Field{Name: "domain_gpus", kind: kInt, cnt: func(c *cursor) int { return c.su.DomainGPUs }}
	sfLanesPerGPU     = Field{Name: "lanes_per_gpu", kind: kInt, cnt: func(c *cursor) int { return c.su.LanesPerGPU }}
	sfLinksPerGPU     = Field{Name: "links_per_gpu", kind: kInt, cnt: func(c *cursor) int { return c.su.LinksPerGPU }}
	sfLinks           = Field{Name: "links", kind: kInt, cnt: func(c *cursor) int { return c.su.Links }}
	sfPairs           = Field{Name: "pairs", kind: kInt, cnt: func(c *cursor) int { return c.su.Pairs }}
	sfPairsPerDomain  = Field{Name: "pairs_per_domain", kind: kInt, cnt: func(c *cursor) int { return c.su.PairsPerDomain }}
	sfCopper          = Field{Name: "copper_km", Unit: "km", kind: kNum, num: func(c *cursor) float64 { return float64(c.su.CopperLen / Kilometre) }}
	sfCopperPerDomain = Field{Name: "copper_per_domain_m", Unit: "m", kind: kNum, num: func(c *cursor) float64 { return c.su.CopperPerDomain.Metres() }}
	sfBandwidth       = Field{Name: "domain_tbytes_per_s", Unit: "TB/s", kind: kNum, num: func(c *cursor) float64 { return float64(c.su.DomainBandwidth) / 8e12 }}
	sfSwitchChips     = Field{Name: "switch_chips", kind: kInt, cnt: func(c *cursor) int { return c.su.SwitchChips }}
	sfSwitchWatts     = Field{Name: "switch_watts", Unit: "W", kind: kNum, num: func(c *cursor) float64 { return c.su.SwitchPower.Watts() }}
	sfRequested       = Field{Name: "requested", kind: kText, text: func(c *cursor) string { return string(c.su.Requested) }}
	sfTech            = Field{Name: "tech", kind: kText, text: func(c *cursor) string { return string(c.su.Tech) }}
	sfLength          = Field{Name: "length_m", Unit: "m", kind: kNum, num: func(c *cursor) float64 { return c.su.Length.Metres() }}
	sfFeasible        = flagField("feasible", func(c *cursor) bool { return c.su.Feasible }).aliasOf(suLink(&lfFeasible))
	sfMaxReach        = numField("max_reach_m", "m", func(c *cursor) float64 { return c.su.Link.MaxReach.Metres() }).aliasOf(suLink(&lfMaxReach))
	sfWatts           = Field{Name: "watts", Unit: "W", kind: kNum, num: func(c *cursor) float64 { return c.su.Power.Watts() }}
	sfPJ              = Field{Name: "pj_per_bit", Unit: "pJ/bit", kind: kNum, num: func(c *cursor) float64 { return c.su.PJPerBit().PJ() }}
	sfFIT             = Field{Name: "fit", Unit: "FIT", kind: kNum, num: func(c *cursor) float64 { return float64(c.su.FIT) }}
	sfUSD             = Field{Name: "usd", Unit: "USD", kind: kNum, num: func(c *cursor) float64 { return float64(c.su.Cost) }}
	sfFiber           = Field{Name: "fiber_km", Unit: "km", kind: kNum, num: func(c *cursor) float64 { return float64(c.su.FiberLen / Kilometre) }}
	sfModules         = Field{Name: "modules", kind: kInt, cnt: func(c *cursor) int { return c.su.Modules }}
	sfEngines         = Field{Name: "engines", kind: kInt, cnt: func(c *cursor) int { return c.su.Engines }}
	sfLasers          = Field{Name: "lasers", kind: kInt, cnt: func(c *cursor) int { return c.su.Lasers }}
	sfSources         = Field{Name: "laser_sources", kind: kInt, cnt: func(c *cursor) int { return c.su.Sources }}
	sfLink            = Field{Name: "link", kind: kObject, sub: linkObject, enter: func(c *cursor) bool {
		c.link = &c.su.Link
		return c.su.Present
	}, omit: func(c *cursor) bool { return !c.su.Present }}
	sfLevels      = Field{Name: "levels", kind: kInt, cnt: func(c *cursor) int { return c.su.Levels }, omit: func(c *cursor) bool { return !c.su.Present }}
	sfSpineChips  = Field{Name: "spine_chips", kind: kInt, cnt: func(c *cursor) int { return c.su.SpineChips }, omit: func(c *cursor) bool { return c.su.Levels < 2 }}
	sfSpineLinks  = Field{Name: "spine_links", kind: kInt, cnt: func(c *cursor) int { return c.su.SpineLinks }, omit: func(c *cursor) bool { return c.su.Levels < 2 }}
	sfSpineTech   = Field{Name: "spine_tech", kind: kText, text: func(c *cursor) string { return string(c.su.SpineTech) }, omit: func(c *cursor) bool { return c.su.Levels < 2 }}
	sfSpineLength = Field{Name: "spine_length_m", Unit: "m", kind: kNum, num: func(c *cursor) float64 { return c.su.SpineLength.Metres() }, omit: func(c *cursor) bool { return c.su.Levels < 2 }}
	sfSpineWatts  = Field{Name: "spine_watts", Unit: "W", kind: kNum, num: func(c *cursor) float64 { return c.su.SpinePower.Watts() }, omit: func(c *cursor) bool { return c.su.Levels < 2 }}
	sfSpineLink   = Field{Name: "spine_link", kind: kObject, sub: linkObject, enter: func(c *cursor) bool {
		c.link = &c.su.SpineLink
		return c.su.Levels == 2
	}, omit: func(c *cursor) bool { return c.su.Levels < 2 }}
	sfAsTech = Field{Name: "as_tech", kind: kList, sub: candidateObject, n: func(c *cursor) int { return c.su.nAsTech },
		at:   func(c *cursor, i int) { c.cand, c.candIdx, c.asTech = &c.su.AsTech[i], i, true },
		omit: func(c *cursor) bool { return c.su.nAsTech == 0 }}
	sfCandidates = Field{Name: "candidates", kind: kList, sub: candidateObject, n: func(c *cursor) int { return c.su.nCandidates },
		at:   func(c *cursor, i int) { c.cand, c.candIdx, c.asTech = &c.su.Candidates[i], i, false },
		omit: func(c *cursor) bool { return c.su.nCandidates == 0 }}

	scaleUpObject = &object{name: "scale_up", fields: []*Field{&sfPresent, &sfLaneGbps, &sfDomains, &sfDomainGPUs, &sfLanesPerGPU, &sfLinksPerGPU, &sfLinks, &sfPairs,
		&sfPairsPerDomain, &sfCopper, &sfCopperPerDomain, &sfBandwidth, &sfSwitchChips, &sfSwitchWatts, &sfRequested, &sfTech,
		&sfLength, &sfFeasible, &sfMaxReach, &sfWatts, &sfPJ, &sfFIT, &sfUSD, &sfFiber, &sfModules, &sfEngines, &sfLasers, &sfSources, &sfLink, &sfLevels, &sfSpineChips, &sfSpineLinks, &sfSpineTech, &sfSpineLength, &sfSpineWatts, &sfSpineLink, &sfAsTech, &sfCandidates}}
)

func suLink(f *Field) func(*cursor) target {
	return func(c *cursor) target {
		return target{ownerOfLink(c.su.Link.key, c.prefix+"link."), traceKey{scopeLink, f}}
	}
}

// ---- The totals ------------------------------------------------------------

var (
	xfFeasible        = Field{Name: "feasible", kind: kBool, flag: func(c *cursor) bool { return c.tot.Feasible }}
	xfSwitches        = Field{Name: "switches", kind: kInt, cnt: func(c *cursor) int { return c.tot.Switches }}
	xfScaleUpSwitches = Field{Name: "scale_up_switches", kind: kInt, cnt: func(c *cursor) int { return c.tot.ScaleUpSwitches }}
	xfLinks           = Field{Name: "links", kind: kInt, cnt: func(c *cursor) int { return c.tot.Links }}
	xfScaleUpLinks    = Field{Name: "scale_up_links", kind: kInt, cnt: func(c *cursor) int { return c.tot.ScaleUpLinks }}
	xfTransceivers    = Field{Name: "transceivers", kind: kInt, cnt: func(c *cursor) int { return c.tot.Transceivers }}
	xfModules         = Field{Name: "modules", kind: kInt, cnt: func(c *cursor) int { return c.tot.Modules }}
	xfEngines         = Field{Name: "engines", kind: kInt, cnt: func(c *cursor) int { return c.tot.Engines }}
	xfLasers          = Field{Name: "lasers", kind: kInt, cnt: func(c *cursor) int { return c.tot.Lasers }}
	xfSources         = Field{Name: "laser_sources", kind: kInt, cnt: func(c *cursor) int { return c.tot.Sources }}
	xfCables          = Field{Name: "cables", kind: kInt, cnt: func(c *cursor) int { return c.tot.Cables }}
	xfInterconnect    = Field{Name: "interconnect_watts", Unit: "W", kind: kNum, num: func(c *cursor) float64 { return c.tot.InterconnectPower.Watts() }}
	xfScaleOutWatts   = Field{Name: "scale_out_watts", Unit: "W", kind: kNum, num: func(c *cursor) float64 { return c.tot.ScaleOutPower.Watts() }}
	xfScaleUpWatts    = Field{Name: "scale_up_watts", Unit: "W", kind: kNum, num: func(c *cursor) float64 { return c.tot.ScaleUpPower.Watts() }}
	xfSwitchWatts     = Field{Name: "switch_watts", Unit: "W", kind: kNum, num: func(c *cursor) float64 { return c.tot.SwitchPower.Watts() }}
	xfBoxWatts        = Field{Name: "switch_box_watts", Unit: "W", kind: kNum, num: func(c *cursor) float64 { return c.tot.SwitchBoxPower.Watts() }}
	xfOverheadWatts   = Field{Name: "switch_overhead_watts", Unit: "W", kind: kNum, num: func(c *cursor) float64 { return c.tot.SwitchOverhead.Watts() }}
	xfSwitchChips     = Field{Name: "switch_chips", kind: kInt, cnt: func(c *cursor) int { return c.tot.SwitchChips }}
	xfChipsPerBox     = Field{Name: "chips_per_box", kind: kInt, cnt: func(c *cursor) int { return c.tot.ChipsPerBox }}
	xfChipGbps        = Field{Name: "chip_gbps", Unit: "Gb/s", kind: kNum, num: func(c *cursor) float64 { return c.tot.ChipRate.Gbps() }}
	xfBoxInternal     = Field{Name: "box_internal_lanes", kind: kInt, cnt: func(c *cursor) int { return c.tot.BoxInternalLanes }}
	xfOneBoxWatts     = Field{Name: "box_watts", Unit: "W", kind: kNum, num: func(c *cursor) float64 { return c.tot.BoxPower.Watts() }}
	xfGPUWatts        = Field{Name: "gpu_watts", Unit: "W", kind: kNum, num: func(c *cursor) float64 { return c.tot.GPUPower.Watts() }}
	xfNICWatts        = Field{Name: "nic_watts", Unit: "W", kind: kNum, num: func(c *cursor) float64 { return c.tot.NICPower.Watts() }}
	xfITWatts         = Field{Name: "it_watts", Unit: "W", kind: kNum, num: func(c *cursor) float64 { return c.tot.ITPower.Watts() }}
	xfFacility        = Field{Name: "facility_watts", Unit: "W", kind: kNum, num: func(c *cursor) float64 { return c.tot.FacilityPower.Watts() }}
	xfShare           = Field{Name: "interconnect_share", Unit: "share", kind: kNum, num: func(c *cursor) float64 { return float64(c.tot.InterconnectShare) }}
	xfHeat            = Field{Name: "interconnect_facility_watts", Unit: "W", kind: kNum, num: func(c *cursor) float64 { return c.tot.InterconnectHeat.Watts() }}
	xfAnnualMWh       = Field{Name: "annual_mwh", Unit: "MWh", kind: kNum, num: func(c *cursor) float64 { return c.tot.AnnualEnergy.MWh() }}
	xfAnnualUSD       = Field{Name: "annual_usd", Unit: "USD", kind: kNum, num: func(c *cursor) float64 { return float64(c.tot.AnnualUSD) }}
	xfHouseholds      = Field{Name: "households", Unit: "", kind: kNum, num: func(c *cursor) float64 { return c.tot.Households }}
	xfCO2             = Field{Name: "co2_tonnes_per_year", Unit: "t", kind: kNum, num: func(c *cursor) float64 { return c.tot.CO2PerYear }}
	xfWater           = Field{Name: "water_m3_per_year", Unit: "m³", kind: kNum, num: func(c *cursor) float64 { return c.tot.WaterPerYear }}
	xfFiber           = Field{Name: "fiber_km", Unit: "km", kind: kNum, num: func(c *cursor) float64 { return float64(c.tot.FiberLen / Kilometre) }}
	xfFiberCNY        = Field{Name: "fiber_cny", Unit: "CNY", kind: kNum, num: func(c *cursor) float64 { return float64(c.tot.FiberCNY) }}
	xfCapex           = Field{Name: "capex_usd", Unit: "USD", kind: kNum, num: func(c *cursor) float64 { return float64(c.tot.Capex) }}
	xfFIT             = Field{Name: "fit", Unit: "FIT", kind: kNum, num: func(c *cursor) float64 { return float64(c.tot.FIT) }}
	xfMTBF            = Field{Name: "mtbf_hours", Unit: "h", kind: kNum, num: func(c *cursor) float64 { return c.tot.MTBF.Hours() }}
	xfNetFIT          = Field{Name: "network_fit", Unit: "FIT", kind: kNum, num: func(c *cursor) float64 { return float64(c.tot.NetworkFIT) }}
	xfNetMTBF         = Field{Name: "network_mtbf_hours", Unit: "h", kind: kNum, num: func(c *cursor) float64 { return c.tot.NetworkMTBF.Hours() }}
	xfLinkFailures    = Field{Name: "link_failures_per_day", Unit: "", kind: kNum, num: func(c *cursor) float64 { return c.tot.LinkFailuresPerDay }}
	xfJobStops        = Field{Name: "job_interruptions_per_day", Unit: "", kind: kNum, num: func(c *cursor) float64 { return c.tot.JobStopsPerDay }}
	xfGPUHLost        = Field{Name: "gpu_hours_lost_per_year", Unit: "", kind: kNum, num: func(c *cursor) float64 { return c.tot.GPUHoursLost }}
	xfUSDLost         = Field{Name: "usd_lost_per_year", Unit: "USD", kind: kNum, num: func(c *cursor) float64 { return float64(c.tot.USDLost) }}
	xfLatency         = Field{Name: "latency_ns", Unit: "ns", kind: kNum, num: func(c *cursor) float64 { return c.tot.Latency.Nanoseconds() }}
	xfSULatency       = Field{Name: "scale_up_latency_ns", Unit: "ns", kind: kNum, num: func(c *cursor) float64 { return c.tot.ScaleUpLatency.Nanoseconds() }}
	xfWattsPerGPU     = Field{Name: "interconnect_watts_per_gpu", Unit: "W", kind: kNum, num: func(c *cursor) float64 { return c.tot.WattsPerGPU.Watts() }}
	xfCapexPerGPU     = Field{Name: "capex_usd_per_gpu", Unit: "USD", kind: kNum, num: func(c *cursor) float64 { return float64(c.tot.CapexPerGPU) }}
	xfFiberPerGPU     = Field{Name: "fiber_m_per_gpu", Unit: "m", kind: kNum, num: func(c *cursor) float64 { return c.tot.FiberPerGPU.Metres() }}
	xfFiberPerMW      = Field{Name: "fiber_km_per_mw", Unit: "km", kind: kNum, num: func(c *cursor) float64 { return c.tot.FiberPerMW }}
	xfWorldShare      = Field{Name: "share_of_world_fiber", Unit: "share", kind: kNum, num: func(c *cursor) float64 { return c.tot.ShareOfWorldFiber }}
	xfWorldCount      = Field{Name: "clusters_per_world_year", Unit: "", kind: kNum, num: func(c *cursor) float64 { return c.tot.ClustersPerWorldYear }}
	xfSwitchCapex     = Field{Name: "switch_capex_usd", Unit: "USD", kind: kNum, num: func(c *cursor) float64 { return float64(c.tot.SwitchCapex) }}
	xfFiberUSD        = Field{Name: "fiber_usd", Unit: "USD", kind: kNum, num: func(c *cursor) float64 { return float64(c.tot.FiberUSD) }}
	xfEnergyUSD       = Field{Name: "energy_usd", Unit: "USD", kind: kNum, num: func(c *cursor) float64 { return float64(c.tot.EnergyUSD) }}
	xfTCO             = Field{Name: "tco_usd", Unit: "USD", kind: kNum, num: func(c *cursor) float64 { return float64(c.tot.TCO) }}
	xfTCOPerGPU       = Field{Name: "tco_usd_per_gpu", Unit: "USD", kind: kNum, num: func(c *cursor) float64 { return float64(c.tot.TCOPerGPU) }}

	totalsObject = &object{name: "totals", fields: []*Field{&xfFeasible, &xfSwitches, &xfScaleUpSwitches, &xfLinks, &xfScaleUpLinks, &xfTransceivers,
		&xfModules, &xfEngines, &xfLasers, &xfSources, &xfCables, &xfInterconnect, &xfScaleOutWatts, &xfScaleUpWatts, &xfSwitchWatts,
		&xfBoxWatts, &xfOverheadWatts, &xfSwitchChips, &xfChipsPerBox, &xfChipGbps, &xfBoxInternal, &xfOneBoxWatts, &xfGPUWatts, &xfNICWatts, &xfITWatts, &xfFacility, &xfShare, &xfHeat, &xfAnnualMWh,
		&xfAnnualUSD, &xfCO2, &xfWater, &xfHouseholds, &xfFiber, &xfFiberCNY, &xfCapex, &xfFIT, &xfMTBF, &xfNetFIT, &xfNetMTBF, &xfLinkFailures, &xfJobStops, &xfGPUHLost, &xfUSDLost, &xfLatency, &xfSULatency,
		&xfWattsPerGPU, &xfCapexPerGPU, &xfFiberPerGPU, &xfFiberPerMW, &xfWorldShare, &xfWorldCount, &xfSwitchCapex, &xfFiberUSD, &xfEnergyUSD, &xfTCO, &xfTCOPerGPU}}
)

// ---- A by_stage comparison ---------------------------------------------

var (
	gfStage    = Field{Name: "stage", kind: kText, text: func(c *cursor) string { return c.stage.Stage }}
	gfLabel    = Field{Name: "label", kind: kText, text: func(c *cursor) string { return StageLabel(label.English, c.stage.Stage) }}
	gfFeasible = flagField("feasible", func(c *cursor) bool { return c.stage.Feasible }).aliasOf(func(c *cursor) target {
		return target{ownerOfTotals(c.stageIdx), traceKey{0, &xfFeasible}}
	})
	gfTiers = Field{Name: "tiers", kind: kList, n: func(c *cursor) int { c.text = c.stage.Tiers[:c.nTiers]; return c.nTiers },
		text: func(c *cursor) string { return string(c.text[c.seg]) }, at: func(c *cursor, i int) { c.seg = i }}
	gfScaleUp = textOmitField("scale_up_tech", func(c *cursor) string { return string(c.stage.ScaleUp) })
	gfBlocked = Field{Name: "blocked", kind: kList, sub: blockedObject, n: func(c *cursor) int { return c.stage.nBlocked },
		at: func(c *cursor, i int) { c.block = i }, omit: func(c *cursor) bool { return c.stage.nBlocked == 0 }}
	gfReason = textOmitField("reason", func(c *cursor) string {
		if c.stage.nBlocked == 0 {
			return ""
		}
		return c.stage.Blocked[0].Message(label.English, c.nTiers, c.r.Lane.Rate)
	})
	gfTotals = Field{Name: "totals", kind: kObject, sub: totalsObject, enter: func(c *cursor) bool {
		c.tot = &c.stage.Totals
		return c.stage.Feasible
	}}

	stageObject = &object{name: "stage", fields: []*Field{&gfStage, &gfLabel, &gfFeasible, &gfTiers, &gfScaleUp, &gfBlocked, &gfReason, &gfTotals}}

	bkTier = Field{Name: "tier", kind: kInt, cnt: func(c *cursor) int { return c.stage.Blocked[c.block].Tier + 1 }}
	bkName = textField("name", func(c *cursor) string {
		if t := c.stage.Blocked[c.block].Tier; t >= 0 {
			return TierName(label.English, t, c.nTiers)
		}
		return label.English.Get("scale_up.name")
	})
	bkTech = Field{Name: "tech", kind: kText, text: func(c *cursor) string { return string(c.stage.Blocked[c.block].Tech) }}
	bkNeed = numField("need_m", "m", func(c *cursor) float64 { return c.stage.Blocked[c.block].Need.Metres() }).aliasOf(func(c *cursor) target {
		if t := c.stage.Blocked[c.block].Tier; t >= 0 {
			return target{ownerOfTier(c.stageIdx, t), traceKey{0, &tfLength}}
		}
		return target{ownerOfScaleUp(c.stageIdx), traceKey{0, &sfLength}}
	})
	bkMaxReach = numField("max_reach_m", "m", func(c *cursor) float64 { return c.stage.Blocked[c.block].MaxReach.Metres() }).aliasOf(func(c *cursor) target {
		return target{ownerOfLink(c.stage.Blocked[c.block].link, ""), traceKey{scopeLink, &lfMaxReach}}
	})
	bkMessage = textField("message", func(c *cursor) string {
		return c.stage.Blocked[c.block].Message(label.English, c.nTiers, c.r.Lane.Rate)
	})
	// Where the link fails: "link" (along it), "switch" or "nic" (one end
	// of a tier whose ends differ), with the technology there, and by how
	// many dB its limiting channel is over its budget (0: it is the reach).
	bkEnd     = Field{Name: "end", kind: kText, text: func(c *cursor) string { return LinkEndKeys[c.stage.Blocked[c.block].End] }}
	bkEndTech = Field{Name: "end_tech", kind: kText, text: func(c *cursor) string { return string(c.stage.Blocked[c.block].EndTech) }}
	bkOver    = Field{Name: "over_db", Unit: "dB", kind: kNum, num: func(c *cursor) float64 { return float64(c.stage.Blocked[c.block].Over) }}

	blockedObject = &object{name: "blocked", fields: []*Field{&bkTier, &bkName, &bkTech, &bkNeed, &bkMaxReach, &bkMessage, &bkEnd, &bkEndTech, &bkOver}}
)

// ---- The whole result -------------------------------------------------

var (
	nfGbps       = Field{Name: "gbps", Unit: "Gb/s", kind: kNum, num: func(c *cursor) float64 { return c.r.Lane.Rate.Gbps() }}
	nfModulation = Field{Name: "modulation", kind: kText, text: func(c *cursor) string { return c.r.Lane.Modulation }}
	nfBaud       = Field{Name: "baud_gbd", Unit: "GBd", kind: kNum, num: func(c *cursor) float64 { return c.r.Lane.Baud.GHz() }}
	nfNyquist    = Field{Name: "nyquist_ghz", Unit: "GHz", kind: kNum, num: func(c *cursor) float64 { return c.r.Lane.Nyquist.GHz() }}
	nfBudget     = Field{Name: "budget_db", Unit: "dB", kind: kNum, num: func(c *cursor) float64 { return float64(c.r.Lane.Budget) }}
	nfSkinDepth  = Field{Name: "skin_depth_um", Unit: "µm", kind: kNum, num: func(c *cursor) float64 { return float64(c.r.Lane.SkinDepth / Micrometre) }}
	laneObject   = &object{name: "lane", fields: []*Field{&nfGbps, &nfModulation, &nfBaud, &nfNyquist, &nfBudget, &nfSkinDepth}}

	pfV         = countField("v", func(*cursor) int { return Version })
	pfModel     = Field{Name: "model_version", kind: kText, text: func(*cursor) string { return ModelVersion }}
	pfScenario  = Field{Name: "scenario", kind: kRaw, raw: func(c *cursor, b []byte) []byte { return appendScenario(b, &c.r.Scenario) }}
	pfLane      = Field{Name: "lane", kind: kObject, sub: laneObject, enter: func(*cursor) bool { return true }}
	pfEndpoints = Field{Name: "endpoints", kind: kInt, cnt: func(c *cursor) int { return c.r.Endpoints }}

	pfPortsPerGPU = Field{Name: "ports_per_gpu", kind: kInt, cnt: func(c *cursor) int { return c.r.PortsPerGPU }}
	pfPortLanes   = Field{Name: "port_lanes", kind: kInt, cnt: func(c *cursor) int { return c.r.PortLanes }}
	pfPlanes      = Field{Name: "planes", kind: kInt, cnt: func(c *cursor) int { return c.r.Planes }}
	pfTiersUsed   = Field{Name: "tiers_used", kind: kInt, cnt: func(c *cursor) int { return c.r.TiersUsed }}
	pfCapacity    = Field{Name: "capacity", Unit: "", kind: kNum, num: func(c *cursor) float64 { return c.r.Capacity }}
	pfTiers       = Field{Name: "tiers", kind: kList, sub: tierObject, n: func(c *cursor) int { return len(c.r.Tiers) },
		at: func(c *cursor, i int) { c.tier, c.tierIdx = &c.r.Tiers[i], i }}
	pfScaleUp = Field{Name: "scale_up", kind: kObject, sub: scaleUpObject, enter: func(c *cursor) bool { c.su = &c.r.ScaleUp; return true }}
	pfTotals  = Field{Name: "totals", kind: kObject, sub: totalsObject, enter: func(c *cursor) bool { c.tot = &c.r.Totals; return true }}
	pfByStage = Field{Name: "by_stage", kind: kList, sub: stageObject, n: func(c *cursor) int { return len(c.r.ByStage) },
		at: func(c *cursor, i int) { c.stage, c.stageIdx = &c.r.ByStage[i], i }}

	resultObject = &object{name: "result", fields: []*Field{&pfV, &pfModel, &pfScenario, &pfLane, &pfEndpoints, &pfPortsPerGPU, &pfPortLanes, &pfPlanes, &pfTiersUsed,
		&pfCapacity, &pfTiers, &pfScaleUp, &pfTotals, &pfByStage}}
)

// objects lists every object, for the keys of their fields.
var objects = []*object{linkObject, breakdownObject, energyObject, latencyObject, segmentObject, endObject, candidateObject,
	tierObject, scaleUpObject, totalsObject, stageObject, blockedObject, laneObject, resultObject}

func init() {
	for _, o := range objects {
		for _, f := range o.fields {
			if f.Key == "" {
				f.Key = o.name + "." + f.Name
			}
		}
	}
	energyObject.owner = func(c *cursor) target {
		scope := scopeNear
		if c.far {
			scope = scopeFar
		}
		return target{c.owner.owner, traceKey{scope, nil}}
	}
	linkObject.owner = func(c *cursor) target { return target{ownerOfLink(c.link.key, c.prefix), traceKey{scopeLink, nil}} }
	latencyObject.owner = func(c *cursor) target { return target{c.owner.owner, traceKey{scopeLink, nil}} }
	breakdownObject.owner = latencyObject.owner
	endObject.owner = func(c *cursor) target { return target{c.owner.owner, traceKey{scopeFar, nil}} }
	segmentObject.owner = func(c *cursor) target {
		base := scopeSegment
		if c.far {
			base = scopeFarSeg
		}
		return target{c.owner.owner, traceKey{base + c.seg, nil}}
	}
	candidateObject.owner = func(c *cursor) target {
		return target{ownerOfCandidate(c.stageIdx, c.tierIdx, c.candIdx, c.asTech, c.prefix), traceKey{0, nil}}
	}
	tierObject.owner = func(c *cursor) target { return target{ownerOfTier(c.stageIdx, c.tierIdx), traceKey{0, nil}} }
	scaleUpObject.owner = func(c *cursor) target { return target{ownerOfScaleUp(c.stageIdx), traceKey{0, nil}} }
	totalsObject.owner = func(c *cursor) target { return target{ownerOfTotals(c.stageIdx), traceKey{0, nil}} }
	stageObject.owner = func(c *cursor) target { return target{owner{kind: ownStage, stage: c.stageIdx}, traceKey{0, nil}} }
	blockedObject.owner = stageObject.owner
	laneObject.owner = func(*cursor) target { return target{ownerOfPlan(), traceKey{0, nil}} }
	resultObject.owner = laneObject.owner
}

// ---- Writing JSON -------------------------------------------------------

// appendObject writes the object the cursor points at.
func appendObject(b []byte, o *object, c *cursor) []byte {
	b = append(b, '{')
	first := true
	for _, f := range o.fields {
		if f.omit != nil && f.omit(c) {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = wire.AppendString(b, f.Name)
		b = append(b, ':')
		b = appendField(b, f, c)
	}
	return append(b, '}')
}

func appendField(b []byte, f *Field, c *cursor) []byte {
	switch f.kind {
	case kNum:
		return wire.AppendFloat(b, f.num(c))
	case kInt:
		return strconv.AppendInt(b, int64(f.cnt(c)), 10)
	case kBool:
		return strconv.AppendBool(b, f.flag(c))
	case kText:
		return wire.AppendString(b, f.text(c))
	case kRaw:
		return f.raw(c, b)
	case kObject:
		sub := *c
		if !f.enter(&sub) {
			return append(b, "null"...)
		}
		return appendObject(b, f.sub, &sub)
	case kList:
		sub := *c
		n := f.n(&sub)
		b = append(b, '[')
		for i := 0; i < n; i++ {
			if i > 0 {
				b = append(b, ',')
			}
			el := sub
			f.at(&el, i)
			if f.sub == nil {
				b = wire.AppendString(b, f.text(&el))
				continue
			}
			b = appendObject(b, f.sub, &el)
		}
		return append(b, ']')
	}
	return b
}

// MarshalJSON writes the result in the contract's units.
func (r Result) MarshalJSON() ([]byte, error) {
	c := cursor{r: &r, nTiers: len(r.Tiers), stageIdx: -1}
	return appendObject(make([]byte, 0, 16384), resultObject, &c), nil
}

// MarshalJSON writes the link result in the contract's units.
func (r LinkResult) MarshalJSON() ([]byte, error) {
	c := cursor{link: &r, stageIdx: -1}
	return appendObject(make([]byte, 0, 4096), linkObject, &c), nil
}

// ---- Finding a number by its path --------------------------------------

// FieldInfo is a field of the result, for readers of the contract: its
// key, the JSON path pattern of its entries, its unit and its label.
type FieldInfo struct {
	_       noCompare
	Key     string `json:"key"`
	Pattern string `json:"pattern"` // e.g. tiers[].link.max_reach_m
	Unit    string `json:"unit"`
	Label   string `json:"label"`
	Numeric bool   `json:"numeric"`
}

// ResultFields lists every field of the result JSON, in the contract's
// order, with the path pattern under which it appears (a field that
// appears in several places, a link's, is listed at each), labelled in c's
// language.
func ResultFields(c *label.Catalogue) []FieldInfo {
	var out []FieldInfo
	var walk func(o *object, prefix string, depth int)
	walk = func(o *object, prefix string, depth int) {
		if depth > 6 {
			return
		}
		for _, f := range o.fields {
			p := prefix + f.Name
			switch f.kind {
			case kObject:
				walk(f.sub, p+".", depth+1)
			case kList:
				if f.sub != nil {
					walk(f.sub, p+"[].", depth+1)
					continue
				}
				out = append(out, FieldInfo{Key: f.Key, Pattern: p + "[]", Label: f.Label(c)})
			case kRaw:
			default:
				out = append(out, FieldInfo{Key: f.Key, Pattern: p, Unit: f.Unit, Label: f.Label(c), Numeric: f.Numeric()})
			}
		}
	}
	walk(resultObject, "", 0)
	return out
}

// LookupField returns the field with the given key ("totals.annual_mwh").
func LookupField(key string) (*Field, bool) {
	for _, o := range objects {
		for _, f := range o.fields {
			if f.Key == key {
				return f, true
			}
		}
	}
	return nil, false
}

// FieldPath writes the path of a field's entry at the given list indices: for
// "tiers[].link.max_reach_m" and 1, "tiers[1].link.max_reach_m".
func FieldPath(pattern string, index ...int) string {
	var b []byte
	k := 0
	for i := 0; i < len(pattern); i++ {
		if pattern[i] == '[' && i+1 < len(pattern) && pattern[i+1] == ']' && k < len(index) {
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(index[k]), 10)
			b = append(b, ']')
			k++
			i++
			continue
		}
		b = append(b, pattern[i])
	}
	return string(b)
}

// leaf is a number found by its path: its field, the cursor at its
// object, and that object.
type leaf struct {
	f   *Field
	obj *object
	c   cursor
}

// find walks the result to the entry at keys.
func find(r *Result, keys []pathKey) (leaf, error) {
	c := cursor{r: r, nTiers: len(r.Tiers), stageIdx: -1}
	c.owner = resultObject.owner(&c)
	return findFrom(c, resultObject, keys)
}

// findValue is find for a value alone (the uncertainty run's many
// readings): it keeps no path and no owner for an explanation.
func findValue(r *Result, keys []pathKey) (leaf, error) {
	c := cursor{r: r, nTiers: len(r.Tiers), stageIdx: -1, quick: true}
	return findFrom(c, resultObject, keys)
}

// findFrom walks from cursor c, at object o, to the entry at keys.
func findFrom(c cursor, o *object, keys []pathKey) (leaf, error) {
	for i := 0; i < len(keys); i++ {
		k := keys[i]
		if k.index >= 0 {
			return leaf{}, pathErr{label.Msg("err.path_index_here")}
		}
		var f *Field
		for _, x := range o.fields {
			if x.Name == k.key {
				f = x
				break
			}
		}
		if f == nil || (f.omit != nil && f.omit(&c)) {
			return leaf{}, pathErr{label.Msg("err.path_no_field", "key", quote(k.key))}
		}
		last := i == len(keys)-1
		switch f.kind {
		case kObject:
			if last {
				return leaf{}, pathErr{label.Msg("err.path_not_number")}
			}
			if !f.enter(&c) {
				return leaf{}, pathErr{label.Msg("err.path_absent")}
			}
			o = f.sub
			if !c.quick {
				c.prefix += k.key + "."
				c.owner = o.owner(&c)
			}
		case kList:
			if last || keys[i+1].index < 0 {
				return leaf{}, pathErr{label.Msg("err.path_list")}
			}
			n := f.n(&c)
			idx := keys[i+1].index
			if idx >= n {
				return leaf{}, pathErr{label.Msg("err.path_no_element", "n", strconv.Itoa(idx))}
			}
			if f.sub == nil {
				return leaf{}, pathErr{label.Msg("err.path_not_number")}
			}
			f.at(&c, idx)
			o = f.sub
			if !c.quick {
				c.prefix += k.key + "[" + strconv.Itoa(idx) + "]."
				c.owner = o.owner(&c)
			}
			i++
			if i == len(keys)-1 {
				return leaf{}, pathErr{label.Msg("err.path_not_number")}
			}
		default:
			if !last {
				return leaf{}, pathErr{label.Msg("err.path_below", "key", quote(k.key))}
			}
			if !f.Numeric() {
				return leaf{}, pathErr{label.Msg("err.path_not_number")}
			}
			return leaf{f: f, obj: o, c: c}, nil
		}
	}
	return leaf{}, pathErr{label.Msg("err.path_not_number")}
}

// A compiled path is a path's fields found once, by name, so that reading
// it from many results (the uncertainty run's thousands of draws) walks
// pointers instead of comparing names.
type compiledPath []pathStep

// pathStep is one field of a compiled path, and the element taken where
// the field is a list.
type pathStep struct {
	f     *Field
	index int
}

// compilePath finds a parsed path's fields in the result's shape; false
// where it names no number.
func compilePath(keys []pathKey) (compiledPath, bool) {
	o := resultObject
	var out compiledPath
	for i := 0; i < len(keys); i++ {
		k := keys[i]
		if k.index >= 0 {
			return nil, false
		}
		var f *Field
		for _, x := range o.fields {
			if x.Name == k.key {
				f = x
				break
			}
		}
		if f == nil {
			return nil, false
		}
		st := pathStep{f: f, index: -1}
		last := i == len(keys)-1
		switch f.kind {
		case kObject:
			if last {
				return nil, false
			}
			o = f.sub
		case kList:
			if last || keys[i+1].index < 0 || f.sub == nil || i+1 == len(keys)-1 {
				return nil, false
			}
			st.index = keys[i+1].index
			o = f.sub
			i++
		default:
			if !last || !f.Numeric() {
				return nil, false
			}
		}
		out = append(out, st)
	}
	return out, len(out) > 0
}

// number reads a compiled path from a result as findValue and value
// would: NaN where the result has no such number (an absent object, an
// element past the list's end, a field left out, null) or where it is a
// flag.
//
// c is the cursor it walks with, the caller's (a cursor handed to the
// fields' functions would otherwise be allocated for every read).
func (cp compiledPath) number(r *Result, c *cursor) float64 {
	*c = cursor{r: r, nTiers: len(r.Tiers), stageIdx: -1, quick: true}
	f := walkSteps(c, cp, nil, nil)
	if f == nil || f.kind == kBool {
		return math.NaN()
	}
	v := f.value(c)
	if math.IsInf(v, 0) {
		return math.NaN()
	}
	return v
}

// walkSteps walks compiled steps from c, taking each list's element from
// the step, or from index where slot says the step takes an argument, and
// returns the leaf's field with c at its object: nil where the result has
// no such number (an absent object, an element past the list's end, a
// field left out).
func walkSteps(c *cursor, steps []pathStep, slot []bool, index []int) *Field {
	list, arg := 0, 0
	for _, st := range steps {
		f := st.f
		if f.omit != nil && f.omit(c) {
			return nil
		}
		switch f.kind {
		case kObject:
			if !f.enter(c) {
				return nil
			}
		case kList:
			i := st.index
			if slot != nil && slot[list] {
				i = index[arg]
				arg++
			}
			list++
			if i < 0 || i >= f.n(c) {
				return nil
			}
			f.at(c, i)
		default:
			return f
		}
	}
	return nil
}

// A compiled pattern is a path pattern's fields found once ("tiers[].power_w"
// with its list indices as arguments): a report reads hundreds of numbers
// an edit, each by its pattern, and a walk by name cost a quarter of its
// time. Only a number found is read this way; anything else takes find,
// which says why.
type compiledPattern struct {
	steps []pathStep
	slot  []bool // per list step: its element is an argument ("[]"), not the step's fixed index
	slots int    // how many arguments the pattern takes
}

// patterns keeps the compiled patterns, at most maxPatterns of them (a
// pattern not kept is read by find as before).
var patterns struct {
	sync.Mutex
	m map[string]*compiledPattern
}

const maxPatterns = 1024

// compiledPatternOf returns pattern compiled, or nil where it cannot be
// (a path that names no number, or brackets the walk does not expect).
func compiledPatternOf(pattern string) *compiledPattern {
	patterns.Lock()
	defer patterns.Unlock()
	if cp, ok := patterns.m[pattern]; ok {
		return cp
	}
	cp := compilePattern(pattern)
	if patterns.m == nil {
		patterns.m = map[string]*compiledPattern{}
	}
	if len(patterns.m) < maxPatterns {
		patterns.m[pattern] = cp
	}
	return cp
}

func compilePattern(pattern string) *compiledPattern {
	// Each pair of brackets is a list's element: "[]" an argument, "[n]"
	// fixed. The pattern is parsed with 0 for each argument.
	var slot []bool
	for i := 0; i < len(pattern); i++ {
		if pattern[i] == '[' {
			slot = append(slot, i+1 < len(pattern) && pattern[i+1] == ']')
		}
	}
	zeros := make([]int, len(slot))
	keys, err := parsePath(FieldPath(pattern, zeros...))
	if err != nil {
		return nil
	}
	steps, ok := compilePath(keys)
	if !ok {
		return nil
	}
	cp := &compiledPattern{steps: steps}
	for _, st := range steps {
		if st.f.kind == kList {
			cp.slot = append(cp.slot, false)
		}
	}
	if len(cp.slot) != len(slot) {
		return nil
	}
	copy(cp.slot, slot)
	for _, s := range slot {
		if s {
			cp.slots++
		}
	}
	return cp
}

// read reads the number at the compiled pattern with its indices, as
// Number does; false where find must say why there is none.
func (cp *compiledPattern) read(r *Result, index []int) (Number, bool) {
	// A cursor escapes (the fields read through it by function values):
	// a table's hundreds of readings take turns with a spare one, cleared
	// when given back so that it holds no result (a reading that finds it
	// taken, by another goroutine, makes its own).
	c := spareCursor.Swap(nil)
	if c == nil {
		c = new(cursor)
	}
	*c = cursor{r: r, nTiers: len(r.Tiers), stageIdx: -1, quick: true}
	n, ok := cp.readAt(c, index)
	*c = cursor{}
	spareCursor.Store(c)
	return n, ok
}

var spareCursor atomic.Pointer[cursor]

func (cp *compiledPattern) readAt(c *cursor, index []int) (Number, bool) {
	f := walkSteps(c, cp.steps, cp.slot, index)
	if f == nil {
		return Number{}, false
	}
	n := Number{Unit: f.Unit, Count: f.kind == kInt, Flag: f.kind == kBool}
	if f.kind == kBool {
		n.Bool = f.flag(c)
		return n, true
	}
	n.Value = math.NaN()
	if v := f.value(c); !math.IsNaN(v) && !math.IsInf(v, 0) {
		n.Value = v
	}
	return n, true
}

// value returns the leaf's value as the JSON has it: a number, nil for
// null, or a bool.
func (l *leaf) value() any {
	switch l.f.kind {
	case kBool:
		return l.f.flag(&l.c)
	}
	v := l.f.value(&l.c)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return v
}

// target returns what computed the leaf.
func (l *leaf) target() target {
	if l.f.alias != nil {
		return l.f.alias(&l.c)
	}
	t := l.c.owner
	t.key.f = l.f
	return t
}

// Number is one number of a result, read through its field.
type Number struct {
	Value float64 // NaN when the JSON has null
	Bool  bool    // for a flag
	Path  string  // its path in the result
	Unit  string
	Count bool // a whole number
	Flag  bool // true or false, not a number
}

// Number reads the number at a path pattern of the result ("tiers[].watts"
// with its list indices): its value as the JSON has it, its path and its
// unit, so that a table that shows it names it as Explain and the JSON do.
func (r *Result) Number(pattern string, index ...int) (Number, error) {
	path := FieldPath(pattern, index...)
	if cp := compiledPatternOf(pattern); cp != nil && len(index) == cp.slots {
		if n, ok := cp.read(r, index); ok {
			n.Path = path
			return n, nil
		}
	}
	return r.numberAt(path)
}

// numberAt is Number by a walk by names: a pattern that is not compiled,
// and every path with no number, whose error it words.
func (r *Result) numberAt(path string) (Number, error) {
	keys, err := parsePath(path)
	if err != nil {
		return Number{Value: math.NaN()}, err
	}
	lf, err := find(r, keys)
	if err != nil {
		return Number{Value: math.NaN(), Path: path}, refuseText("path", quote(path), label.Msg("err.path_allowed"), pathWhy(err))
	}
	n := Number{Path: path, Unit: lf.f.Unit, Count: lf.f.kind == kInt, Flag: lf.f.kind == kBool}
	switch v := lf.value().(type) {
	case bool:
		n.Bool = v
	case float64:
		n.Value = v
	default:
		n.Value = math.NaN()
	}
	return n, nil
}

// LabelOf returns the label, in c's language, of the field of the number
// at a path ("tier power" for tiers[1].watts), or "" where the path has no
// number.
func (r *Result) LabelOf(c *label.Catalogue, path string) string {
	keys, err := parsePath(path)
	if err != nil {
		return ""
	}
	lf, err := find(r, keys)
	if err != nil {
		return ""
	}
	return lf.f.Label(c)
}
