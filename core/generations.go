package core

import "math"

// The generations of AI clusters, 2016 to 2030: the article's "when". Each
// row is a year's leading GPU system, network card and switch chip, with
// its sources; the years after 2026 are projections, with ranges. Each
// generation is a scenario of the model (Generation.Scenario), so what
// copper can build in each year comes out of the same physics as every
// other number: nothing here says when copper runs out.

// Span is a value with its range: Low and High equal Mid where the value
// is known (a shipped product), and bracket it where it is projected or
// the sources disagree.
type Span struct{ Mid, Low, High float64 }

// Ranged reports whether the value has a range.
func (s Span) Ranged() bool { return s.Low != s.Mid || s.High != s.Mid }

// Shipping technologies, by where they are used: keys of the catalogue's
// words ("tech.<id>" for a technology, "gen.pcb" for board traces).
const (
	ShipPCB = "pcb" // the GPUs' own board: traces and connectors, no cables
)

// Generation is one row of the table.
type Generation struct {
	Year      int
	Projected bool   // after today: a projection with ranges
	Systems   string // the products that define it (proper names)

	LaneGbps   Span    // the scale-out electrical lane: the switch chip's SerDes
	UpLaneGbps float64 // the scale-up electrical lane (NVLink's), at the nearest rate the model has
	UpGBps     Span    // scale-up bandwidth per GPU, GB/s, both directions (as NVIDIA counts)
	OutGbps    Span    // scale-out bandwidth per GPU, Gb/s each way
	PortGbps   float64 // one scale-out port (a GPU's share of its network card)
	GPUWatts   Span    // one GPU package
	DomainGPUs Span    // GPUs in one scale-up domain
	// DomainChips is the switch chips one shipped domain has (0: the GPUs
	// link directly); the model counts its own from the chips' ports.
	DomainChips int
	SwitchTbps  Span // the leading Ethernet switch chip's capacity
	ClusterGPUs Span // the largest cluster of the year, in GPU packages
	// UpLengthM is the scale-up domain's mean GPU-to-switch link: the
	// board's traces up to 2022, the rack's cable spine from 2024, across
	// racks once a domain outgrows one.
	UpLengthM float64
	// NIC is the technology at the GPU's end of the first tier. At 400
	// Gb/s lanes no pluggable closes its host channel in the model, so the
	// projected rows put the optics on the network chip's package.
	NIC Tech
	// Shipping is what carried each part of the network that year: the
	// scale-up domain, the first scale-out tier, the tiers above (ShipPCB
	// or technology ids).
	Shipping [3][]string
	Sources  []string // the citations behind the row
}

// Generations is the table, oldest first.
var Generations = []Generation{
	{Year: 2016, Systems: "Tesla P100, DGX-1; ConnectX-4 EDR; Tomahawk 2",
		LaneGbps: Span{25, 25, 25}, UpLaneGbps: 25, UpGBps: Span{160, 160, 160}, OutGbps: Span{50, 50, 50}, PortGbps: 50, GPUWatts: Span{300, 300, 300},
		DomainGPUs: Span{8, 8, 8}, DomainChips: 0, SwitchTbps: Span{6.4, 6.4, 6.4}, ClusterGPUs: Span{992, 992, 1024}, UpLengthM: 0.3,
		Shipping: [3][]string{{ShipPCB}, {"dac"}, {"dsp"}},
		Sources: []string{
			"NVLink 1: 4 links × 40 GB/s (20 Gb/s NRZ pairs): The Next Platform, NVLink Takes GPU Acceleration To The Next Level, 2016-05-04",
			"P100 SXM2 300 W: NVIDIA Volta architecture whitepaper, GPU comparison table",
			"DGX-1: 8 GPUs in a hybrid cube mesh, 4 ConnectX-4 EDR 100G cards for 8 GPUs: AnandTech, NVIDIA Unveils the DGX-1 HPC Server, 2016",
			"Tomahawk 2: 6.4 Tb/s, 256 × 25G SerDes: SemiAccurate, Broadcom Tomahawk 2 switch support 64 100Gbps ports, 2016-10-11",
			"Largest cluster: NVIDIA SaturnV, 124 DGX-1 = 992 P100, Top500 November 2016",
		}},
	{Year: 2018, Systems: "Tesla V100, DGX-2 with NVSwitch; ConnectX-5 EDR; Tomahawk 3",
		LaneGbps: Span{50, 50, 50}, UpLaneGbps: 25, UpGBps: Span{300, 300, 300}, OutGbps: Span{50, 50, 50}, PortGbps: 50, GPUWatts: Span{300, 300, 350},
		DomainGPUs: Span{16, 16, 16}, DomainChips: 12, SwitchTbps: Span{12.8, 12.8, 12.8}, ClusterGPUs: Span{4096, 1024, 27648}, UpLengthM: 0.5,
		Shipping: [3][]string{{ShipPCB}, {"dac"}, {"dsp"}},
		Sources: []string{
			"NVLink 2: 6 links × 50 GB/s, 25 Gb/s NRZ pairs; NVSwitch: 18 ports; DGX-2: 16 GPUs, 12 NVSwitch chips: AnandTech, NVIDIA Develops NVLink Switch, 2018",
			"DGX-2: 8 EDR 100G cards for 16 GPUs, about 10 kW: PC Perspective, NVIDIA Announces DGX-2, 2018-03; ComputerBase, 2018-03",
			"Tomahawk 3: 12.8 Tb/s, 256 × 50G PAM4, sampling December 2017: Linley Group, Broadcom Axes Ethernet-Switch Foes, 2017-12-26",
			"Largest cluster: AI labs 1,000 to 4,000 GPUs; the high end is Summit, 27,648 V100 (Top500 June 2018)",
		}},
	{Year: 2020, Systems: "A100, DGX A100; ConnectX-6 HDR; Tomahawk 4",
		LaneGbps: Span{50, 50, 50}, UpLaneGbps: 50, UpGBps: Span{600, 600, 600}, OutGbps: Span{200, 200, 200}, PortGbps: 200, GPUWatts: Span{400, 400, 400},
		DomainGPUs: Span{8, 8, 8}, DomainChips: 6, SwitchTbps: Span{25.6, 25.6, 25.6}, ClusterGPUs: Span{10000, 6080, 10000}, UpLengthM: 0.5,
		Shipping: [3][]string{{ShipPCB}, {"dac", "dsp"}, {"dsp"}},
		Sources: []string{
			"NVLink 3: 12 links, 600 GB/s per A100: NVIDIA, NVLink data-centre page",
			"A100 SXM4 400 W: NVIDIA A100 datasheet",
			"DGX A100: 8 GPUs, 6 NVSwitch chips, 8 ConnectX-6 HDR 200G cards: NVIDIA Technical Blog, Defining AI Innovation with DGX A100, 2020",
			"Tomahawk 4: 25.6 Tb/s, 512 × 50G PAM4: Linley Group, Tomahawk 4 Switch First to 25.6Tbps, 2019-12-17",
			"Largest cluster: 10,000 GPUs for OpenAI on Azure: DatacenterDynamics, Microsoft reveals immense cloud supercomputer just for OpenAI, 2020-05",
		}},
	{Year: 2022, Systems: "H100, DGX H100; ConnectX-7 NDR; Tomahawk 5",
		LaneGbps: Span{100, 100, 100}, UpLaneGbps: 100, UpGBps: Span{900, 900, 900}, OutGbps: Span{400, 400, 400}, PortGbps: 400, GPUWatts: Span{700, 700, 700},
		DomainGPUs: Span{8, 8, 8}, DomainChips: 4, SwitchTbps: Span{51.2, 51.2, 51.2}, ClusterGPUs: Span{24576, 16000, 25000}, UpLengthM: 0.5,
		Shipping: [3][]string{{ShipPCB}, {"dac", "dsp"}, {"dsp"}},
		Sources: []string{
			"NVLink 4: 18 links × 50 GB/s, 100 Gb/s PAM4 pairs; DGX H100: 4 NVSwitch chips, 8 ConnectX-7 400G: NVIDIA, DGX BasePOD reference architecture, Core Components",
			"H100 SXM5 up to 700 W: NVIDIA H100 datasheet",
			"Tomahawk 5: 51.2 Tb/s, 512 × 106.25G PAM4: Broadcom, via Converge Digest, 2022-08",
			"Largest cluster: Meta, 2 × 24,576 H100 (2023); GPT-4 on about 25,000 A100: Glenn Klockwood, Meta's H100 clusters; SemiAnalysis as summarised",
		}},
	{Year: 2024, Systems: "B200, GB200 NVL72; ConnectX-7; Tomahawk 5",
		LaneGbps: Span{100, 100, 100}, UpLaneGbps: 200, UpGBps: Span{1800, 1800, 1800}, OutGbps: Span{400, 400, 400}, PortGbps: 400, GPUWatts: Span{1000, 1000, 1200},
		DomainGPUs: Span{72, 72, 72}, DomainChips: 18, SwitchTbps: Span{51.2, 51.2, 51.2}, ClusterGPUs: Span{100000, 24576, 100000}, UpLengthM: 0.6,
		Shipping: [3][]string{{"dac"}, {"dac", "aec", "dsp"}, {"dsp", "lpo"}},
		Sources: []string{
			"NVLink 5: 18 × 100 GB/s = 1.8 TB/s per GPU; NVL72: 72 GPUs, 18 NVSwitch chips, 130 TB/s: NVIDIA, NVLink & NVLink Switch product page",
			"GB200 NVL72 spine: more than 5,000 copper cables, about 2 miles: The Register, as cited by Xataka On",
			"B200: 1,000 W in HGX, 1,200 W in GB200: Glenn Klockwood, B200",
			"Largest cluster: xAI Colossus, 100,000 H100, September 2024",
		}},
	{Year: 2025, Systems: "B300, GB300 NVL72; ConnectX-8; Tomahawk 6",
		LaneGbps: Span{200, 200, 200}, UpLaneGbps: 200, UpGBps: Span{1800, 1800, 1800}, OutGbps: Span{800, 800, 800}, PortGbps: 800, GPUWatts: Span{1400, 1400, 1400},
		DomainGPUs: Span{72, 72, 72}, DomainChips: 18, SwitchTbps: Span{102.4, 102.4, 102.4}, ClusterGPUs: Span{200000, 150000, 200000}, UpLengthM: 0.6,
		Shipping: [3][]string{{"dac"}, {"aec", "dsp"}, {"dsp", "lpo"}},
		Sources: []string{
			"ConnectX-8: 800 Gb/s: NVIDIA, ConnectX-8 SuperNIC user manual",
			"B300 1,400 W: Glenn Klockwood, B300",
			"Tomahawk 6: 102.4 Tb/s, 512 × 200G or 1,024 × 100G: New Electronics, Broadcom ships Tomahawk 6, 2025",
			"Largest cluster: xAI Colossus, about 200,000 GPUs (2025)",
		}},
	{Year: 2026, Systems: "Vera Rubin NVL72; ConnectX-9; Spectrum-6 and Tomahawk 6",
		LaneGbps: Span{200, 200, 200}, UpLaneGbps: 200, UpGBps: Span{3600, 3600, 3600}, OutGbps: Span{1600, 1600, 1600}, PortGbps: 1600, GPUWatts: Span{2000, 1800, 2300},
		DomainGPUs: Span{72, 72, 72}, DomainChips: 36, SwitchTbps: Span{102.4, 102.4, 102.4}, ClusterGPUs: Span{500000, 400000, 600000}, UpLengthM: 0.6,
		Shipping: [3][]string{{"dac"}, {"aec", "dsp"}, {"dsp", "lpo", "cpo"}},
		Sources: []string{
			"NVLink 6: 3.6 TB/s per GPU over the same 5,184-cable copper spine; ConnectX-9 1.6 Tb/s per GPU (two 800G chips): NVIDIA Technical Blog, Inside the NVIDIA Rubin Platform, 2026; Wheeler's Network, Decoding Nvidia's Rubin Networking Math, 2025-11",
			"Rubin 1.8 to 2.3 kW, as reported (not confirmed by NVIDIA): SemiAnalysis and KeyBanc as cited by the press",
			"First co-packaged switches: Quantum-X Photonics early 2026, Spectrum-X Photonics second half of 2026: NVIDIA at Hot Chips 2025, as reported",
			"Largest cluster: 400,000 to 600,000 GPUs (Stargate Abilene, xAI Colossus 2), as announced",
		}},
	{Year: 2027, Projected: true, Systems: "Rubin Ultra, Kyber NVL144 (projected)",
		LaneGbps: Span{200, 200, 400}, UpLaneGbps: 200, UpGBps: Span{7200, 3600, 7200}, OutGbps: Span{1600, 1600, 3200}, PortGbps: 1600, GPUWatts: Span{3000, 2300, 3600},
		DomainGPUs: Span{144, 72, 144}, SwitchTbps: Span{102.4, 102.4, 204.8}, ClusterGPUs: Span{800000, 500000, 1200000}, UpLengthM: 0.8,
		Shipping: [3][]string{{ShipPCB, "dac"}, {"aec", "dsp", "cpo"}, {"dsp", "cpo"}},
		Sources: []string{
			"Kyber NVL144: 144 Rubin Ultra packages on a printed backplane, 600 kW racks: Tom's Hardware, Nvidia shows off Rubin Ultra with 600,000-Watt Kyber racks, 2025-03; NVIDIA GTC 2026 roadmap as reported",
			"Range: NVLink 7 doubles per package (high) or stays at Rubin's (low); a quad-die package at up to 3.6 kW or a dual-die one (reported cut)",
			"Cluster: 1.5 to 2 GW sites at 3 to 3.5 kW per package, all in",
		}},
	{Year: 2028, Projected: true, Systems: "Feynman, optical NVLink (projected)",
		LaneGbps: Span{400, 200, 400}, UpLaneGbps: 400, UpGBps: Span{10000, 7200, 14400}, OutGbps: Span{3200, 1600, 3200}, PortGbps: 1600, GPUWatts: Span{3600, 2500, 5000},
		DomainGPUs: Span{576, 144, 576}, SwitchTbps: Span{204.8, 204.8, 204.8}, ClusterGPUs: Span{1200000, 700000, 2000000}, UpLengthM: 2, NIC: CPO,
		Shipping: [3][]string{{"dac", "cpo"}, {"dsp", "cpo"}, {"cpo"}},
		Sources: []string{
			"Feynman, NVLink 8 on co-packaged optics, Spectrum-7 204.8 Tb/s CPO, ConnectX-10: NVIDIA GTC 2026 roadmap, as reported by Tom's Hardware and others",
			"Range: bandwidth per GPU from the trend (×1.37 a year) to two doublings from Rubin; a domain of one rack (144) to four (576)",
			"Cluster: 2 to 5 GW sites at 4 to 5 kW per package; multi-site training doubles it",
		}},
	{Year: 2030, Projected: true, Systems: "Two generations after Feynman (projected)",
		LaneGbps: Span{400, 400, 400}, UpLaneGbps: 400, UpGBps: Span{14400, 10000, 28800}, OutGbps: Span{3200, 3200, 6400}, PortGbps: 3200, GPUWatts: Span{4500, 3000, 6000},
		DomainGPUs: Span{576, 576, 9216}, SwitchTbps: Span{409.6, 204.8, 409.6}, ClusterGPUs: Span{2000000, 1500000, 5000000}, UpLengthM: 2, NIC: CPO,
		Shipping: [3][]string{{"cpo"}, {"cpo", "dsp"}, {"cpo"}},
		Sources: []string{
			"Lanes: 448G work at the OIF demonstrates PAM4, PAM6 and PAM8 (OFC 2026); the model's 400 Gb/s lane is a research row",
			"Domain: Google already runs 9,216-chip optically switched TPU pods, the high end",
			"Cluster: Epoch AI's trend, about 2 million chips and 9 GW for the largest 2030 system",
		}},
}

// Today is the year the table calls today: rows after it are projections.
const Today = 2026

// The lengths a cluster needs, in metres: a GPU to its leaf switch in
// the rack, leaf to spine along the row, spine to core across the hall
// (the default scenario's tiers are these).
const (
	RackM = 3
	RowM  = 30
	HallM = 300
)

// Scenario is the generation as a scenario of the model: its cluster at
// its mid values, every technology chosen by the model (auto), the
// default scenario's tier lengths and prices.
func (g *Generation) Scenario() Scenario {
	s := DefaultScenario()
	s.GPUs = int(g.ClusterGPUs.Mid)
	s.GPUWatts = g.GPUWatts.Mid
	s.LaneGbps = g.LaneGbps.Mid
	s.ScaleUp = ScaleUp{DomainGPUs: int(g.DomainGPUs.Mid), LaneGbps: g.UpLaneGbps, GbpsPerGPU: g.UpGBps.Mid * 8 / 2,
		Tech: Auto, LengthM: g.UpLengthM, Signalling: SigAuto}
	radix := int(math.Round(g.SwitchTbps.Mid * 1000 / g.PortGbps))
	nic := g.NIC
	if nic == "" {
		nic = DSP
	}
	s.ScaleOut = ScaleOut{GbpsPerGPU: g.OutGbps.Mid, PortGbps: g.PortGbps, SwitchRadix: radix &^ 1, NICTech: nic, Oversubscription: 1}
	return s
}

// CopperTechs are the copper technologies, in the table's order.
func CopperTechs() []Tech { return StageTechs(StageCopper) }

// GenerationResult is what the model computes for one generation.
type GenerationResult struct {
	_          noCompare
	Generation *Generation
	Scenario   Scenario
	Permalink  string
	Result     Result
	// Reach is each copper technology's longest link at the scale-out
	// lane (CopperTechs' order), Best the longest of them.
	Reach [maxTechs]Length
	Best  Length
	// UpReach is the same at the scale-up lane.
	UpReach [maxTechs]Length
	UpBest  Length
	// CopperTiers is how many tiers from the GPUs copper builds: the
	// copper stage's tiers, up to the first it cannot.
	CopperTiers int
	// UpCopper reports whether the scale-up domain closes in copper (any
	// copper technology reaches its length), and UpTech what the model
	// picks there.
	UpCopper bool
	UpTech   Tech
	// Bands are each stage's interconnect power per GPU over an
	// uncertainty run (GenerationBands), by_stage's order; N 0 where the
	// run was not made or the stage cannot be built.
	Bands [maxComparisons]Band
}

// maxComparisons bounds the by_stage comparisons.
const maxComparisons = 8

// PerGPU is stage j's interconnect power per GPU, and whether the stage
// can build the cluster (a number of a cluster that cannot be built is
// no result).
func (g *GenerationResult) PerGPU(j int) (Power, bool) {
	st := &g.Result.ByStage[j]
	return st.Totals.WattsPerGPU, st.Feasible
}

// PJPerBit is stage j's interconnect energy per bit a GPU sends, each
// way: its interconnect power over every GPU's scale-up and scale-out
// bandwidth, E = P_interconnect / (N_GPU × (B_up + B_out)).
func (g *GenerationResult) PJPerBit(j int) float64 {
	s := &g.Scenario
	bps := float64(s.GPUs) * (s.ScaleUp.GbpsPerGPU + s.ScaleOut.GbpsPerGPU) * 1e9
	return g.Result.ByStage[j].Totals.InterconnectPower.Watts() / bps * 1e12
}

// GenerationBands runs each generation's uncertainty (samples draws from
// seed) and keeps each stage's band of interconnect power per GPU.
func GenerationBands(gs []GenerationResult, samples int, seed uint64) error {
	for i := range gs {
		g := &gs[i]
		u, err := Uncertainty(g.Scenario, samples, seed)
		if err != nil {
			return err
		}
		n := float64(g.Scenario.GPUs)
		for j := range g.Result.ByStage {
			b, ok := u.Bands[FieldPath("by_stage[].totals.interconnect_watts", j)]
			if !ok || j >= maxComparisons {
				continue
			}
			g.Bands[j] = Band{P5: b.P5 / n, P50: b.P50 / n, P95: b.P95 / n, Default: b.Default / n, N: b.N}
		}
	}
	return nil
}

// EvaluateGenerations evaluates every generation's scenario.
func EvaluateGenerations() ([]GenerationResult, error) {
	out := make([]GenerationResult, len(Generations))
	for i := range Generations {
		if err := evaluateGeneration(&Generations[i], &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func evaluateGeneration(g *Generation, out *GenerationResult) error {
	s := g.Scenario()
	r, err := Evaluate(s)
	if err != nil {
		return err
	}
	out.Generation, out.Scenario, out.Result = g, s, r
	if out.Permalink, err = EncodePermalink(s); err != nil {
		return err
	}
	for i, t := range CopperTechs() {
		l, err := EvaluateLink(Link{Tech: t, LaneGbps: s.LaneGbps, Lanes: 1, LengthM: 1})
		if err != nil {
			return err
		}
		out.Reach[i] = l.MaxReach
		out.Best = max(out.Best, l.MaxReach)
		u, err := EvaluateLink(Link{Tech: t, LaneGbps: g.UpLaneGbps, Lanes: 1, LengthM: 1, Signalling: SigAuto})
		if err != nil {
			return err
		}
		out.UpReach[i] = u.MaxReach
		out.UpBest = max(out.UpBest, u.MaxReach)
	}
	for i := range r.ByStage {
		st := &r.ByStage[i]
		if st.Stage != "copper" {
			continue
		}
		out.CopperTiers = len(r.Tiers)
		for _, b := range st.BlockedList() {
			if b.Tier >= 0 && b.Tier < out.CopperTiers {
				out.CopperTiers = b.Tier
			}
		}
	}
	su := &r.ScaleUp
	out.UpTech = su.Tech
	for i := 0; i < su.nAsTech; i++ {
		if c := &su.AsTech[i]; c.Tech.Copper() && c.Feasible {
			out.UpCopper = true
		}
	}
	return nil
}

// FirstYear returns the first generation's year at which need is beyond
// reach (reach(i) < need), and whether there is one; before is true when
// even the first generation could not reach it.
func FirstYear(gs []GenerationResult, reach func(*GenerationResult) Length, need Length) (year int, before, ok bool) {
	for i := range gs {
		if reach(&gs[i]) < need {
			return gs[i].Generation.Year, i == 0, true
		}
	}
	return 0, false, false
}
