package core

import "strings"

// The technology table: one row per interconnect technology, holding
// everything that differs between them. The physics, the cluster, the
// explanations and the report read the rows; nothing outside this file
// branches on a technology. To add a technology, add its constant, its row
// and its catalogue parameters, and name it in core/label.

// Tech names an interconnect technology: the id of a row of techTable.
type Tech string

// Technologies. Stages of the article: copper (dac, acc, aec), pluggable
// optics (dsp, lro, lpo), optics at the package (npo beside it, cpo on it).
const (
	DAC  Tech = "dac"  // passive copper (direct-attach twinax)
	ACC  Tech = "acc"  // linear active copper (redriver)
	AEC  Tech = "aec"  // retimed active electrical cable
	DSP  Tech = "dsp"  // pluggable optical module with DSP
	LRO  Tech = "lro"  // linear-receive pluggable optics (DSP on the transmit side only)
	LPO  Tech = "lpo"  // linear pluggable optics (no DSP)
	NPO  Tech = "npo"  // near-packaged optics (an engine on the board beside the package)
	CPO  Tech = "cpo"  // co-packaged optics
	Auto Tech = "auto" // not a technology: the lowest-power one that reaches
)

// Stage names one of the article's three stages.
type Stage string

// Stages, in the article's order.
const (
	StageCopper    Stage = "copper"
	StagePluggable Stage = "pluggable"
	StageCPO       Stage = "cpo"
)

// ArticleStages lists the article's stages in order.
var ArticleStages = []Stage{StageCopper, StagePluggable, StageCPO}

// SerDesClass names the class of host SerDes that drives an end.
type SerDesClass string

// SerDes classes (OIF CEI reach classes).
const (
	SerDesLR  SerDesClass = "long-reach"
	SerDesC2M SerDesClass = "chip-to-module"
	SerDesXSR SerDesClass = "extra-short-reach"
)

// serdesEnergy is the catalogue energy of each host SerDes class.
var serdesEnergy = map[SerDesClass]paramID{SerDesLR: pSerdesLR, SerDesC2M: pSerdesC2M, SerDesXSR: pSerdesXSR}

// scaling says how a component energy follows the lane rate.
type scaling uint8

const (
	scaleCMOS scaling = iota // electronics: × cmos_scale per doubling from 100 Gb/s
	perLaser                 // lasers: counted, each powered from its link budget (laser.go)
	perPort                  // a fixed power per end (W), spread over the port's bits
)

// energyTerm is one component of an end's energy per bit; a term of
// lasers names their kind (a module's: the optics class's).
type energyTerm struct {
	part  EnergyPart
	param paramID
	scale scaling
	laser laserKind
}

// latencyTerm is a delay an end of this technology adds to a link, in
// both directions, or only to the signal it transmits (txOnly: a
// half-retimed module's DSP).
type latencyTerm struct {
	part   LatencyPart
	param  paramID
	txOnly bool
}

// fitCount says how many of a part an end holds.
type fitCount uint8

const (
	onePerEnd   fitCount = iota // one
	perLane                     // one per lane (a laser per lane)
	perLaserOf                  // ceil(lanes / group), group a catalogue parameter
	perSourceOf                 // the external laser source modules of those lasers: ceil(lasers / els_lasers)
)

// fitTerm is a part of an end whose failures count.
type fitTerm struct {
	param paramID
	count fitCount
	group paramID // lanes per part, for perLaserOf
}

// countKind says how the cluster counts the ends of a technology.
type countKind uint8

const (
	countCables  countKind = iota // copper cable assemblies, one per link
	countModules                  // pluggable modules in cages (twin-port at a switch)
	countEngines                  // co-packaged optical engines, by capacity
)

// pathKind names an electrical path the channel physics builds.
type pathKind int8

const (
	pathNone        pathKind = iota - 1
	pathCopperHost           // ASIC die to a copper-cable cage
	pathModuleHost           // ASIC die to the chip inside a pluggable module
	pathPackage              // ASIC die to a co-packaged engine
	pathNearPackage          // ASIC die to a near-packaged engine on the board
	pathPlug                 // a cable plug's paddle card and wire termination
	pathRetimer              // the bump of the retimer in an active cable's plug
	numPaths
)

// techRow is everything that makes a technology what it is.
type techRow struct {
	tech   Tech
	abbrev string // as an axis writes it
	stage  Stage
	// cable: an electrical cable, the same kind of end on both sides, and
	// a cable assembly to count; otherwise optics, whose two ends may
	// differ (a CPO switch meets a pluggable at the NIC).
	cable bool
	host  SerDesClass // the host SerDes that drives an end
	// hostPath runs from the ASIC die to the cage (cables), to the
	// module's first chip or to the engine (optics); plugPath is a
	// cable's plug, from the cage to its wires.
	hostPath, plugPath pathKind
	// retimed: the plug regenerates the signal (AEC), so the host drives a
	// chip-to-module channel to the plug's retimer and the cable's budget
	// applies retimer to retimer; otherwise die to die.
	retimed bool
	// txLinear, rxLinear: an optical end passes the host's signal to the
	// light (tx) or the light's to the host (rx) without regenerating it,
	// so the SerDes at the far side of that hop equalises the electrical
	// paths of the linear ends and the optical hop between them (LPO, NPO,
	// CPO both ways; LRO on receive). A regenerating side instead bounds
	// its host's path by the chip-to-module budget.
	txLinear, rxLinear bool
	gain               paramID // equalisation the end adds to the loss budget, or noParam
	lead               bool    // the stage's representative (the explainer's and the animation's)
	energy             []energyTerm
	latency            []latencyTerm
	fit                []fitTerm
	cost               paramID // price per Gb/s per end
	count              countKind
	nic                bool // may be the GPU's end of the first tier
}

// The parts every pluggable module has: a laser per lane of its optics
// class, and a fixed part (controller, conversion) whatever its lanes.
var (
	moduleLaser = energyTerm{EnergyLaser, noParam, perLaser, laserModule}
	moduleFixed = energyTerm{EnergyFixed, pModuleFixedW, perPort, laserNone}
	sourceLaser = energyTerm{EnergyLaser, noParam, perLaser, laserCW} // external CW lasers
)

var techTable = []techRow{
	{tech: DAC, abbrev: "DAC", stage: StageCopper, cable: true, host: SerDesLR, hostPath: pathCopperHost, plugPath: pathPlug, gain: noParam, lead: true,
		energy: []energyTerm{{EnergyFixed, pDACWatts, perPort, laserNone}},
		fit:    []fitTerm{{param: pDACFIT}}, cost: pCostDAC, count: countCables},
	{tech: ACC, abbrev: "ACC", stage: StageCopper, cable: true, host: SerDesLR, hostPath: pathCopperHost, plugPath: pathPlug, gain: pACCGain,
		energy: []energyTerm{{EnergyRedriver, pACCPJ, scaleCMOS, laserNone}},
		fit:    []fitTerm{{param: pACCFIT}}, cost: pCostACC, count: countCables},
	{tech: AEC, abbrev: "AEC", stage: StageCopper, cable: true, host: SerDesC2M, hostPath: pathCopperHost, plugPath: pathPlug, retimed: true, gain: noParam,
		energy:  []energyTerm{{EnergyRetimer, pAECPJ, scaleCMOS, laserNone}},
		latency: []latencyTerm{{part: LatencyRetimer, param: pDSPNS}}, // a retimer is a DSP
		fit:     []fitTerm{{param: pAECFIT}, {param: pDSPFIT}}, cost: pCostAEC, count: countCables},
	{tech: DSP, abbrev: "DSP", stage: StagePluggable, host: SerDesC2M, hostPath: pathModuleHost, plugPath: pathNone, gain: noParam, nic: true, lead: true,
		energy:  []energyTerm{{EnergyDSP, pDSPPJ, scaleCMOS, laserNone}, {EnergyDriverTIA, pDriverTIAPJ, scaleCMOS, laserNone}, moduleLaser, {EnergyOverhead, pModuleOverheadPJ, scaleCMOS, laserNone}, moduleFixed},
		latency: []latencyTerm{{part: LatencyDSP, param: pDSPNS}},
		fit:     []fitTerm{{param: pLaserFIT, count: perLane}, {param: pDSPFIT}, {param: pModuleOtherFIT}}, cost: pCostDSP, count: countModules},
	{tech: LRO, abbrev: "LRO", stage: StagePluggable, host: SerDesLR, hostPath: pathModuleHost, plugPath: pathNone, rxLinear: true, gain: pLPOGain, nic: true,
		energy:  []energyTerm{{EnergyDSP, pLRODSPPJ, scaleCMOS, laserNone}, {EnergyDriverTIA, pDriverTIAPJ, scaleCMOS, laserNone}, moduleLaser, {EnergyOverhead, pModuleOverheadPJ, scaleCMOS, laserNone}, moduleFixed},
		latency: []latencyTerm{{part: LatencyDSP, param: pDSPNS, txOnly: true}},
		fit:     []fitTerm{{param: pLaserFIT, count: perLane}, {param: pDSPFIT}, {param: pModuleOtherFIT}}, cost: pCostLRO, count: countModules},
	{tech: LPO, abbrev: "LPO", stage: StagePluggable, host: SerDesLR, hostPath: pathModuleHost, plugPath: pathNone, txLinear: true, rxLinear: true, gain: pLPOGain, nic: true,
		energy: []energyTerm{{EnergyDriverTIA, pLPODriverPJ, scaleCMOS, laserNone}, moduleLaser, {EnergyOverhead, pModuleOverheadPJ, scaleCMOS, laserNone}, moduleFixed},
		fit:    []fitTerm{{param: pLaserFIT, count: perLane}, {param: pModuleOtherFIT}}, cost: pCostLPO, count: countModules},
	{tech: NPO, abbrev: "NPO", stage: StageCPO, host: SerDesC2M, hostPath: pathNearPackage, plugPath: pathNone, txLinear: true, rxLinear: true, gain: noParam, nic: true,
		energy: []energyTerm{{EnergyDriverTIA, pCPOEICPJ, scaleCMOS, laserNone}, {EnergyModulator, pCPOModPJ, scaleCMOS, laserNone}, sourceLaser},
		fit:    []fitTerm{{param: pCPOEngineFIT}, {param: pCPOLaserFIT, count: perLaserOf, group: pCPOLanesPerLaser}, {param: pELSFIT, count: perSourceOf, group: pCPOLanesPerLaser}}, cost: pCostNPO, count: countEngines},
	{tech: CPO, abbrev: "CPO", stage: StageCPO, host: SerDesXSR, hostPath: pathPackage, plugPath: pathNone, txLinear: true, rxLinear: true, gain: noParam, nic: true, lead: true,
		energy: []energyTerm{{EnergyDriverTIA, pCPOEICPJ, scaleCMOS, laserNone}, {EnergyModulator, pCPOModPJ, scaleCMOS, laserNone}, sourceLaser},
		fit:    []fitTerm{{param: pCPOEngineFIT}, {param: pCPOLaserFIT, count: perLaserOf, group: pCPOLanesPerLaser}, {param: pELSFIT, count: perSourceOf, group: pCPOLanesPerLaser}}, cost: pCostCPO, count: countEngines},
}

// maxTechs bounds the table, so per-technology lists in results are
// arrays (an evaluation allocates little).
const maxTechs = 10

// Techs lists the technologies in table order, copper first.
var Techs = func() []Tech {
	out := make([]Tech, len(techTable))
	for i := range techTable {
		out[i] = techTable[i].tech
	}
	return out
}()

// row returns the technology's row, or nil for an unknown one (and Auto).
func (t Tech) row() *techRow {
	for i := range techTable {
		if techTable[i].tech == t {
			return &techTable[i]
		}
	}
	return nil
}

// Valid reports whether t is a row of the table (Auto is not).
func (t Tech) Valid() bool { return t.row() != nil }

// Stage returns the article's stage of a technology, or "" for one the
// table does not hold.
func (t Tech) Stage() Stage {
	if r := t.row(); r != nil {
		return r.stage
	}
	return ""
}

// Abbrev returns the technology's short name, as an axis writes it.
func (t Tech) Abbrev() string {
	if r := t.row(); r != nil {
		return r.abbrev
	}
	return strings.ToUpper(string(t))
}

// Copper reports whether the technology is an electrical cable.
func (t Tech) Copper() bool { r := t.row(); return r != nil && r.cable }

// Optical reports whether the technology carries light.
func (t Tech) Optical() bool { r := t.row(); return r != nil && !r.cable }

// Linear reports whether an end passes a signal between the host and the
// light without regenerating it, in either direction.
func (t Tech) Linear() bool { r := t.row(); return r != nil && (r.txLinear || r.rxLinear) }

// HostClass returns the class of host SerDes that drives an end.
func (t Tech) HostClass() SerDesClass {
	if r := t.row(); r != nil {
		return r.host
	}
	return ""
}

// NICEnd reports whether the technology may be the GPU's end of tier 1.
func (t Tech) NICEnd() bool { r := t.row(); return r != nil && r.nic }

// TechsWhere lists the technologies whose row satisfies keep, in order.
func TechsWhere(keep func(Tech) bool) []Tech {
	var out []Tech
	for _, t := range Techs {
		if keep(t) {
			out = append(out, t)
		}
	}
	return out
}

// StageTechs lists the technologies of a stage, in table order.
func StageTechs(s Stage) []Tech { return TechsWhere(func(t Tech) bool { return t.Stage() == s }) }

// StageLead returns the technology that stands for a stage in the
// explainer and the animation.
func StageLead(s Stage) Tech {
	for i := range techTable {
		if techTable[i].stage == s && techTable[i].lead {
			return techTable[i].tech
		}
	}
	return ""
}

// allowedTechs writes a list of technologies for an error message.
func allowedTechs(ts []Tech, extra ...Tech) string {
	var b strings.Builder
	for i, t := range append(append([]Tech(nil), ts...), extra...) {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(t))
	}
	return b.String()
}

// Comparison is one entry of by_stage: the cluster's scale-out built with
// one stage's technology.
type Comparison struct {
	Key string // the by_stage entry's "stage"
	// Tech goes on every tier; Auto with Only set lets auto choose among
	// that stage's technologies alone.
	Tech Tech
	Only Stage
	// SameNIC puts the same technology at the GPU's end of tier 1 (a
	// pluggable at both ends); otherwise the NIC keeps scale_out.nic_tech
	// (a co-packaged switch still meets a pluggable at the NIC).
	SameNIC bool
}

// Comparisons lists the by_stage comparisons, in the article's order.
var Comparisons = []Comparison{
	{Key: "copper", Tech: Auto, Only: StageCopper},
	{Key: "dsp", Tech: DSP, SameNIC: true},
	{Key: "lro", Tech: LRO, SameNIC: true},
	{Key: "lpo", Tech: LPO, SameNIC: true},
	{Key: "npo", Tech: NPO},
	{Key: "cpo", Tech: CPO},
}

// Stages lists the by_stage keys, in order.
var Stages = func() []string {
	out := make([]string, len(Comparisons))
	for i, c := range Comparisons {
		out[i] = c.Key
	}
	return out
}()

// TechInfo is a technology's row as a reader of the methodology sees it:
// what the model reads for it, by catalogue id.
type TechInfo struct {
	Tech     Tech
	Abbrev   string
	Stage    Stage
	Cable    bool
	Host     SerDesClass
	Path     []string // the electrical path's parts, die first
	Retimed  bool
	TxLinear bool
	RxLinear bool
	Gain     string   // catalogue id, or ""
	Energy   []string // catalogue ids of its energy parts
	Latency  []string
	FIT      []string
	Cost     string
	Counted  string // cables, modules or engines
	NICEnd   bool
	LaneRate []float64 // the lane rates it runs at (all of the lane table)
}

var pathNames = [numPaths]string{"host to cage", "host to module", "package to engine", "board to engine", "cable plug", "retimer"}
var countNames = map[countKind]string{countCables: "cables", countModules: "modules", countEngines: "engines"}

// TechTable returns every row of the technology table, in order.
func TechTable() []TechInfo {
	var out []TechInfo
	for _, r := range techTable {
		t := TechInfo{Tech: r.tech, Abbrev: r.abbrev, Stage: r.stage, Cable: r.cable, Host: r.host, Retimed: r.retimed, TxLinear: r.txLinear, RxLinear: r.rxLinear,
			Cost: catalogue[r.cost].ID, Counted: countNames[r.count], NICEnd: r.nic, LaneRate: LaneRates}
		t.Path = append(t.Path, pathNames[r.hostPath])
		if r.retimed {
			t.Path = append(t.Path, pathNames[pathRetimer])
		}
		if r.plugPath != pathNone {
			t.Path = append(t.Path, pathNames[r.plugPath])
		}
		if r.gain != noParam {
			t.Gain = catalogue[r.gain].ID
		}
		for _, e := range r.energy {
			if e.scale == perLaser {
				// Lasers read their kind's parameters (a module's: both
				// kinds, by its optics class).
				kinds := []laserKind{e.laser}
				if e.laser == laserModule {
					kinds = []laserKind{laserEML, laserVCSEL}
				}
				for _, k := range kinds {
					row := &laserTable[k]
					for _, id := range []paramID{row.loss, row.wpe, row.cooler} {
						if id != noParam {
							t.Energy = append(t.Energy, catalogue[id].ID)
						}
					}
					if row.shared {
						t.Energy = append(t.Energy, catalogue[pELSFixedW].ID)
					}
				}
				continue
			}
			t.Energy = append(t.Energy, catalogue[e.param].ID)
		}
		for _, l := range r.latency {
			t.Latency = append(t.Latency, catalogue[l.param].ID)
		}
		for _, f := range r.fit {
			t.FIT = append(t.FIT, catalogue[f.param].ID)
		}
		out = append(out, t)
	}
	return out
}
