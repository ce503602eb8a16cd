package core

// A switch box as it ships: one or more switch ASICs of the lane rate's
// generation, the SerDes between them where there are several, the link
// ends in its cages or on its package, a control plane, its board's power
// converters, fans or pumps and supplies. The radix the cluster sees is
// the box's; the power is the box's.

// chipRow is one generation of merchant switch ASIC: the chip a switch box
// of that electrical lane rate is built from. Capacity = lanes × lane rate.
// Its power is the published figure of the whole chip, SerDes included.
type chipRow struct {
	gbps   float64 // lane rate of its SerDes
	lanes  int     // SerDes lanes
	year   int     // first shipped (0: a projection)
	nm     int     // process node (0: a projection)
	family string  // the shipping chip of this class
	power  paramID // published power of the whole chip
}

// chipTable: Broadcom's Tomahawk line, the merchant chip most AI fabrics
// are built from, one generation per lane rate. Lanes and nodes: Broadcom
// (Tomahawk 4: 512 × 50G, 7 nm; Tomahawk 5: 512 × 100G, 5 nm; Tomahawk 6:
// 512 × 200G, 3 nm), via Tom's Hardware, TechInsights and Gazettabyte;
// Tomahawk 2: 256 × 25G, 16 nm. The 400G row is a projection: the same
// 512 lanes at twice the rate.
var chipTable = []chipRow{
	{gbps: 25, lanes: 256, year: 2016, nm: 16, family: "Tomahawk 2", power: pChip25},
	{gbps: 50, lanes: 512, year: 2019, nm: 7, family: "Tomahawk 4", power: pChip50},
	{gbps: 100, lanes: 512, year: 2022, nm: 5, family: "Tomahawk 5", power: pChip100},
	{gbps: 200, lanes: 512, year: 2025, nm: 3, family: "Tomahawk 6", power: pChip200},
	{gbps: 400, lanes: 512, family: "", power: pChip400},
}

func chipOf(gbps float64) *chipRow {
	for i := range chipTable {
		if chipTable[i].gbps == gbps {
			return &chipTable[i]
		}
	}
	return nil
}

// capacity is the chip's switching capacity, each way.
func (c *chipRow) capacity() BitRate { return BitRate(c.lanes) * BitRate(c.gbps) * Gbps }

// chipCore is the power of a chip besides its SerDes and its link codes:
// the published whole chip less its lanes at the long-reach SerDes energy
// of its lane rate (the class its SerDes are built for) and the lane's
// Reed-Solomon code, both counted with the links. Never below zero,
// whatever the parameters drawn.
//
//	P_core = max(0, P_chip − N_lanes × R_lane × (E_SerDes,LR(R_lane) + E_RS))
func chipCore(p *paramSet, c *chipRow, lane laneSpec) Power {
	serdes := Power(c.lanes) * (lane.electronics(p, p.energyPerBit(pSerdesLR)) + p.energyPerBit(pRSFECPJ)).Over(lane.Rate)
	core := p.power(c.power) - serdes
	if core < 0 {
		return 0
	}
	return core
}

// boxSpec is how a scale-out switch box of radix k at R_port is built.
type boxSpec struct {
	chip     *chipRow
	rate     BitRate // the box's capacity: k × R_port
	chipRate BitRate // one chip's
	chips    int     // ASICs in one box
	internal int     // lanes between its chips, each way
	hops     int     // chips a packet crosses inside the box
	share    float64 // of one chip's core a box smaller than a chip draws
}

// newBox builds the box: one chip of the family where the box's capacity
// fits one (cut to the box's capacity, as the family's smaller members
// are), else a two-level Clos of whole chips inside the box, as chassis
// and multi-ASIC boxes are: 2n leaf chips with half their lanes out of the
// box and half up, n spine chips, n = ⌈C_box / C_chip⌉.
func newBox(lane laneSpec, k int, portGbps float64) boxSpec {
	b := boxSpec{chip: chipOf(lane.Rate.Gbps()), rate: BitRate(k) * BitRate(portGbps) * Gbps, chips: 1, hops: 1}
	if b.chip == nil {
		return b
	}
	b.chipRate = b.chip.capacity()
	if b.rate <= b.chipRate {
		b.share = float64(b.rate / b.chipRate)
		return b
	}
	n := int(float64(b.rate/b.chipRate) + 1 - 1e-9)
	b.chips, b.hops, b.share = 3*n, 3, 1
	b.internal = int(float64(b.rate/lane.Rate) + 0.5)
	return b
}

// silicon is the switching capacity the box holds: what its chips are
// priced by.
func (b *boxSpec) silicon() BitRate {
	if b.chips == 1 {
		return b.rate
	}
	return BitRate(b.chips) * b.chipRate
}

// SwitchChip is one row of the switch ASIC table, at the default
// catalogue: what the methodology page shows.
type SwitchChip struct {
	LaneGbps     float64 `json:"lane_gbps"`
	Lanes        int     `json:"lanes"`
	CapacityGbps float64 `json:"capacity_gbps"`
	Year         int     `json:"year,omitempty"`
	ProcessNM    int     `json:"process_nm,omitempty"`
	Family       string  `json:"family,omitempty"`
	Param        string  `json:"param"`
	Watts        float64 `json:"watts"`
	CoreWatts    float64 `json:"core_watts"` // besides its SerDes
	Projection   bool    `json:"projection,omitempty"`
}

// SwitchChips lists the switch ASIC generations with the default
// catalogue's figures.
func SwitchChips() []SwitchChip {
	p := defaultParams()
	out := make([]SwitchChip, 0, len(chipTable))
	for i := range chipTable {
		c := &chipTable[i]
		lane, ok := lookupLane(&p, c.gbps)
		if !ok {
			continue
		}
		out = append(out, SwitchChip{LaneGbps: c.gbps, Lanes: c.lanes, CapacityGbps: c.capacity().Gbps(), Year: c.year, ProcessNM: c.nm,
			Family: c.family, Param: catalogue[c.power].ID, Watts: p.power(c.power).Watts(), CoreWatts: chipCore(&p, c, lane).Watts(),
			Projection: c.year == 0})
	}
	return out
}

// Formulas of the switch boxes.
const (
	fBoxChips    = "chips per box: 1 where k × R_port ≤ C_chip; else a two-level Clos inside the box, 3 ⌈k × R_port / C_chip⌉ (2n leaves, n spines)"
	fBoxChipRate = "C_chip = N_lanes × R_lane, the lane rate's switch ASIC"
	fBoxInternal = "internal lanes per box = k × R_port / R_lane (every leaf's up half, each way), 0 for one chip"
	fSwitchElec  = "P_switch = N_switch × (chips × P_core × share + 2 × internal lanes × R_lane × E_SerDes,LR + P_mgmt) + scale-up chips × R_chip × P_core / C_chip (link SerDes count with the links)"
	fBoxWatts    = "P_box = (P_switch per box + its switch-side ends) / η_VRM × (1 + s_cooling) / η_PSU, the mean scale-out box"
)

// boxPower is one scale-out box's electronics besides its link ends: its
// chips' cores, the SerDes between them and its control plane.
func (pl *plan) boxPower(p *paramSet) (core, internal, mgmt Power) {
	b := &pl.box
	if b.chip == nil {
		return 0, 0, p.power(pSwitchMgmtW)
	}
	c := chipCore(p, b.chip, pl.lane)
	core = Power(float64(b.chips) * float64(c) * b.share)
	if b.internal > 0 {
		e := pl.lane.electronics(p, p.energyPerBit(pSerdesLR))
		internal = 2 * Power(b.internal) * e.Over(pl.lane.Rate)
	}
	return core, internal, p.power(pSwitchMgmtW)
}

// coreEnergy is a chip's core energy per bit of capacity at a lane rate:
// what a scale-up switch chip of that lane rate draws besides its SerDes.
func coreEnergy(p *paramSet, lane laneSpec) EnergyPerBit {
	c := chipOf(lane.Rate.Gbps())
	if c == nil {
		return 0
	}
	return EnergyPerBit(float64(chipCore(p, c, lane)) / float64(c.capacity()))
}

// switchBoxes counts the scale-out boxes' chips and sums the switches' own
// electronics: every box's cores, internal SerDes and control plane, and
// the scale-up switch chips' cores.
func (pl *plan) switchBoxes(t *Totals, su *ScaleUpResult) {
	p := &pl.p
	b := &pl.box
	t.ChipsPerBox, t.ChipRate, t.BoxInternalLanes = b.chips, b.chipRate, b.internal
	p.computes(&xfChipGbps, fBoxChipRate)
	if b.chip != nil {
		p.in("N_lanes", float64(b.chip.lanes), "")
	}
	p.in("R_lane", pl.lane.Rate.Gbps(), "Gb/s")
	p.computes(&xfChipsPerBox, fBoxChips)
	p.in("k", float64(pl.s.ScaleOut.SwitchRadix), "")
	p.in("R_port", pl.s.ScaleOut.PortGbps, "Gb/s")
	p.dep("C_chip", b.chipRate.Gbps(), "Gb/s", -1, &xfChipGbps)
	p.computes(&xfBoxInternal, fBoxInternal)
	p.in("k", float64(pl.s.ScaleOut.SwitchRadix), "")
	p.in("R_port", pl.s.ScaleOut.PortGbps, "Gb/s")
	p.in("R_lane", pl.lane.Rate.Gbps(), "Gb/s")
	p.dep("chips per box", float64(b.chips), "", -1, &xfChipsPerBox)
	p.computes(&xfSwitchChips, fTotSum)
	t.SwitchChips = t.Switches * b.chips
	p.dep("N_switch", float64(t.Switches), "", -1, &xfSwitches)
	p.dep("chips per box", float64(b.chips), "", -1, &xfChipsPerBox)

	p.computes(&xfSwitchWatts, fSwitchElec)
	core, internal, mgmt := pl.boxPower(p)
	if p.tracing() && b.chip != nil {
		p.in("P_chip", p.raw(b.chip.power), "W")
		p.in("P_core", chipCore(p, b.chip, pl.lane).Watts(), "W")
		p.in("share of one chip", b.share, "")
		p.in("switch_mgmt_w", p.raw(pSwitchMgmtW), "W")
	}
	p.dep("N_switch", float64(t.Switches), "", -1, &xfSwitches)
	p.dep("chips per box", float64(b.chips), "", -1, &xfChipsPerBox)
	p.dep("internal lanes per box", float64(b.internal), "", -1, &xfBoxInternal)
	p.depSU("scale-up chips", su.SwitchPower.Watts(), "W", &sfSwitchWatts)
	t.SwitchPower = Power(t.Switches)*(core+internal+mgmt) + su.SwitchPower
}
