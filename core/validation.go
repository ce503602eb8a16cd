package core

import "math"

// The validation cases: published numbers the model reproduces from its
// parameters (the V table of the project's reference), and published
// figures outside it that nothing was fitted to. The methodology page shows
// both, computed at build time; the tests require every row to pass.

// ValidationRow is one published claim beside the model's number.
type ValidationRow struct {
	ID        string  `json:"id"`
	Claim     string  `json:"claim"`
	Source    string  `json:"source"`
	Kind      string  `json:"kind"` // derived, topology, calibration, physics, convention, arithmetic
	Want      float64 `json:"want"`
	Tolerance float64 `json:"tolerance"` // relative
	Model     float64 `json:"model"`
	Pass      bool    `json:"pass"`
}

// CheckRow is a published figure, given as a range, beside the model.
type CheckRow struct {
	Name   string  `json:"name"`
	Source string  `json:"source"`
	Low    float64 `json:"low"`
	High   float64 `json:"high"`
	Model  float64 `json:"model"`
	Pass   bool    `json:"pass"`
}

type validationCase struct {
	id     string
	claim  string
	source string
	kind   string
	want   float64
	relTol float64
	got    func() float64
}

// mustLink evaluates a link of the validation tables; they are written
// against the default catalogue, so an error is a bug and shows as NaN.
func mustLink(l Link) LinkResult {
	r, err := EvaluateLink(l)
	if err != nil {
		return LinkResult{MaxReach: Length(math.NaN()), ElectricalLoss: Decibel(math.NaN())}
	}
	return r
}

func mustEvaluate(s Scenario) Result {
	r, err := Evaluate(s)
	if err != nil {
		return Result{}
	}
	return r
}

// approxEqual reports whether got is within absTol or relTol of want.
func approxEqual(got, want, absTol, relTol float64) bool {
	if math.IsNaN(got) || math.IsNaN(want) {
		return false
	}
	d := math.Abs(got - want)
	return d <= absTol || d <= relTol*math.Abs(want)
}

// nvl72 is one GB200 NVL72 rack: 72 GPUs, 18 NVLink 5 links each.
func nvl72() Scenario {
	s := DefaultScenario()
	s.GPUs = 72
	return s
}

var validationCases = []validationCase{
	{
		id: "V1", claim: "CPO cuts the electrical path loss from 22 dB to 4 dB: '63x signal integrity'",
		source: "NVIDIA, Hot Chips 2025", kind: "derived (c2m_host_trace_mm is calibrated to the 22 dB)",
		want: 63.1, relTol: 0.02,
		got: func() float64 {
			plug := mustLink(Link{Tech: DSP, LaneGbps: 200, Lanes: 8, LengthM: 100})
			cpo := mustLink(Link{Tech: CPO, LaneGbps: 200, Lanes: 8, LengthM: 100})
			return (plug.ElectricalLoss - cpo.ElectricalLoss).Ratio()
		},
	},
	{
		id: "V2", claim: "1.6T port ~30 W pluggable vs ~9 W CPO: '3.5x power efficiency' (3.3-3.5x)",
		source: "NVIDIA, Hot Chips 2025; NVIDIA 2025 via TechInsights", kind: "derived",
		want: 3.4, relTol: 0.10,
		got: func() float64 {
			plug := mustLink(Link{Tech: DSP, LaneGbps: 200, Lanes: 8, LengthM: 100})
			cpo := mustLink(Link{Tech: CPO, LaneGbps: 200, Lanes: 8, LengthM: 100})
			return float64(plug.PJPerBit() / cpo.PJPerBit())
		},
	},
	{
		id: "V3a", claim: "NVL72: 'over 5,000 cables' = 72 GPUs × 18 links × 4 differential pairs",
		source: "NVIDIA GTC 2024 via The Register; NVIDIA NVLink page", kind: "topology",
		want: 5184, relTol: 0,
		got: func() float64 { return float64(mustEvaluate(nvl72()).ScaleUp.PairsPerDomain) },
	},
	{
		id: "V3b", claim: "NVL72: 130 TB/s per rack = 72 × 1.8 TB/s",
		source: "NVIDIA NVLink page", kind: "topology",
		want: 129.6, relTol: 1e-12,
		got: func() float64 {
			return float64(mustEvaluate(nvl72()).ScaleUp.DomainBandwidth) / 8e12
		},
	},
	{
		id: "V4a", claim: "passive copper reach 5 m at 25 Gb/s per lane", source: "IEEE 802.3bj objective", kind: "calibration",
		want: 5, relTol: 0.30, got: func() float64 { return dacReach(25) },
	},
	{
		id: "V4b", claim: "passive copper reach 3 m at 50 Gb/s per lane", source: "IEEE 802.3cd objective", kind: "calibration",
		want: 3, relTol: 0.30, got: func() float64 { return dacReach(50) },
	},
	{
		id: "V4c", claim: "passive copper reach 2 m at 100 Gb/s per lane", source: "IEEE P802.3ck objectives", kind: "calibration",
		want: 2, relTol: 0.30, got: func() float64 { return dacReach(100) },
	},
	{
		id: "V4d", claim: "passive copper reach 1 m at 200 Gb/s per lane", source: "IEEE P802.3dj objective", kind: "calibration",
		want: 1, relTol: 0.30, got: func() float64 { return dacReach(200) },
	},
	{
		id: "V5a", claim: "800GBASE-DR8: 500 m on 0.5 dB/km cable", source: "TIA FOTC", kind: "derived",
		want: 500, relTol: 1e-9,
		got: func() float64 {
			return float64(mustLink(Link{Tech: DSP, LaneGbps: 100, Lanes: 8, LengthM: 1}).MaxReach)
		},
	},
	{
		id: "V5b", claim: "800GBASE-DR8: 250 m on 1.0 dB/km cable", source: "TIA FOTC", kind: "derived",
		want: 250, relTol: 1e-9,
		got: func() float64 {
			return float64(mustLink(Link{Tech: DSP, LaneGbps: 100, Lanes: 8, LengthM: 1, Params: map[string]float64{"smf_db_per_km": 1.0}}).MaxReach)
		},
	},
	{
		id: "V6", claim: "fibre time of flight: 100 m = 490 ns", source: "derived from n_g = 1.4682 (G.652 datasheets)", kind: "physics",
		want: 490, relTol: 0.005,
		got: func() float64 {
			a := mustLink(Link{Tech: DSP, LaneGbps: 200, Lanes: 4, LengthM: 100})
			b := mustLink(Link{Tech: DSP, LaneGbps: 200, Lanes: 4, LengthM: 0})
			return (a.Latency[LatencyFlight] - b.Latency[LatencyFlight]).Nanoseconds()
		},
	},
	{
		id: "V7", claim: "Ayar TeraPHY: 10 W at 4 Tb/s bidirectional = 5 pJ/bit", source: "Ayar Labs", kind: "convention",
		want: 5, relTol: 1e-12,
		got: func() float64 { return (10 * Watt).PerBit(2 * Tbps).PJ() },
	},
	{
		id: "V8a", claim: "200 FIT × 100,000 nodes = 50 h MTBF", source: "Google, OFC 2026", kind: "arithmetic",
		want: 50, relTol: 1e-12,
		got: func() float64 { return FIT(200 * 100000).MTBF().Hours() },
	},
	{
		id: "V8b", claim: "200 FIT × 1,000,000 nodes = 5 h MTBF", source: "Google, OFC 2026", kind: "arithmetic",
		want: 5, relTol: 1e-12,
		got: func() float64 { return FIT(200 * 1000000).MTBF().Hours() },
	},
	{
		id: "V9a", claim: "fat tree, k = 64: k³/4 = 65,536 hosts in 3 tiers", source: "Al-Fares et al., SIGCOMM 2008", kind: "topology",
		want: 65536, relTol: 0,
		got: func() float64 { return FatTreeCapacity(64, 3) },
	},
	{
		id: "V9b", claim: "fat tree, k = 64: k²/2 = 2,048 hosts in 2 tiers", source: "Al-Fares et al., SIGCOMM 2008", kind: "topology",
		want: 2048, relTol: 0,
		got: func() float64 { return FatTreeCapacity(64, 2) },
	},
	{
		id: "V9c", claim: "fat tree, k = 64, 65,536 hosts: 5,120 switches", source: "Al-Fares et al., SIGCOMM 2008", kind: "topology",
		want: 5120, relTol: 0,
		got: func() float64 { return float64(mustEvaluate(DefaultScenario()).Totals.Switches) },
	},
	{
		id: "V10a", claim: "skin depth of copper at 1 GHz: 2.09 µm", source: "Pozar, Microwave Engineering", kind: "physics",
		want: 2.09, relTol: 0.01,
		got: func() float64 { return float64(SkinDepth(1*Gigahertz, 5.8e7) / Micrometre) },
	},
	{
		id: "V10b", claim: "skin depth of copper at 26.56 GHz: 0.41 µm (printed to two figures: 0.405-0.415)", source: "Pozar, Microwave Engineering", kind: "physics",
		want: 0.41, relTol: 0.0125,
		got: func() float64 { return float64(SkinDepth(26.56*Gigahertz, 5.8e7) / Micrometre) },
	},
}

func dacReach(lane float64) float64 {
	return float64(mustLink(Link{Tech: DAC, LaneGbps: lane, Lanes: 4, LengthM: 1}).MaxReach)
}

// publishedCases are figures outside V1-V10 that nothing was fitted to.
// They come out of the component energies, the lane-rate scaling, the
// channel physics and the topology.
var publishedCases = []struct {
	name, source string
	lo, hi       float64
	got          func() float64
}{
	{"800G OSFP DR8 module (8 × 100G), W", "NVIDIA datasheet: 15-17 W", 15, 17,
		func() float64 {
			return mustLink(Link{Tech: DSP, LaneGbps: 100, Lanes: 8, LengthM: 100}).WattsPerEnd().Watts()
		}},
	{"400G DR4 module (4 × 100G), W", "NVIDIA datasheet: 9 W max", 6, 9,
		func() float64 {
			return mustLink(Link{Tech: DSP, LaneGbps: 100, Lanes: 4, LengthM: 100}).WattsPerEnd().Watts()
		}},
	{"1.6T pluggable (8 × 200G), W", "NVIDIA via TechInsights ~30 W; Ciena 25 W", 25, 30,
		func() float64 {
			return mustLink(Link{Tech: DSP, LaneGbps: 200, Lanes: 8, LengthM: 100}).WattsPerEnd().Watts()
		}},
	{"800G LPO module, W", "FS, Gazettabyte: 7-9 W", 7, 9,
		func() float64 {
			return mustLink(Link{Tech: LPO, LaneGbps: 100, Lanes: 8, LengthM: 100}).WattsPerEnd().Watts()
		}},
	{"1.6T CPO port, engine and host SerDes, W", "NVIDIA Hot Chips 2025: ~9 W", 8, 10,
		func() float64 {
			r := mustLink(Link{Tech: CPO, LaneGbps: 200, Lanes: 8, LengthM: 100})
			return (r.WattsPerEnd() + r.HostWattsPerEnd()).Watts()
		}},
	{"800G CPO (100G lanes), W", "Broadcom Bailly, OFC 2024: 5.5 W per 800G", 4.7, 6.3,
		func() float64 {
			r := mustLink(Link{Tech: CPO, LaneGbps: 100, Lanes: 8, LengthM: 100})
			return (r.WattsPerEnd() + r.HostWattsPerEnd()).Watts()
		}},
	{"copper twinax at 200G/lane, pJ/bit", "Meta, OFC 2026: ~4 pJ/bit", 3.2, 4.8,
		func() float64 {
			return mustLink(Link{Tech: DAC, LaneGbps: 200, Lanes: 2, LengthM: 0.5}).PJPerBit().PJ()
		}},
	{"30 AWG passive reach at 100G/lane, m", "NVIDIA LinkX: 30 AWG to ~1-1.5 m", 1.0, 1.5,
		func() float64 {
			return mustLink(Link{Tech: DAC, LaneGbps: 100, Lanes: 4, LengthM: 1, AWG: 30}).MaxReach.Metres()
		}},
	{"AEC reach at 100G/lane (800G), m", "Credo: up to 7 m", 4, 7,
		func() float64 {
			return mustLink(Link{Tech: AEC, LaneGbps: 100, Lanes: 8, LengthM: 1}).MaxReach.Metres()
		}},
	{"1.6T active copper (4 m), W", "Ciena OFC 2026: 2.5 W", 2.0, 3.0,
		func() float64 {
			return mustLink(Link{Tech: ACC, LaneGbps: 200, Lanes: 8, LengthM: 2}).WattsPerEnd().Watts()
		}},
	{"FEC accumulation, one 100G lane, ns", "5,440 b / 106.25 Gb/s", 51.2, 51.2,
		func() float64 { return math.Round(fecAccumulation(lane100(), 1).Nanoseconds()*1e6) / 1e6 }},
	{"FEC accumulation, 800G, ns", "4 codewords interleaved at 800G", 25.6, 25.6,
		func() float64 { return math.Round(fecAccumulation(lane100(), 8).Nanoseconds()*1e6) / 1e6 }},
	{"64 × 800G switch, DSP minus LPO module heat, W", "axiomupgrades (2025): more than ~500 W", 450, 600,
		func() float64 {
			d := mustLink(Link{Tech: DSP, LaneGbps: 100, Lanes: 8, LengthM: 100})
			l := mustLink(Link{Tech: LPO, LaneGbps: 100, Lanes: 8, LengthM: 100})
			return 64 * (d.WattsPerEnd() - l.WattsPerEnd()).Watts()
		}},
	{"fat tree k = 48, 3 tiers: hosts", "Al-Fares: k³/4 = 27,648", 27648, 27648,
		func() float64 { return FatTreeCapacity(48, 3) }},
	{"fat tree k = 48, 27,648 hosts: switches", "Al-Fares: 5k²/4 = 2,880", 2880, 2880,
		func() float64 {
			s := DefaultScenario()
			s.GPUs = 27648
			s.ScaleOut.SwitchRadix = 48
			return float64(mustEvaluate(s).Totals.Switches)
		}},
	{"scale-out optics per GPU, 1.6T ports, three tiers of DSP pluggables, W", "Jensen Huang, GTC 2025 keynote: six transceivers of 30 W, 180 W per GPU", 160, 200,
		func() float64 {
			s := DefaultScenario()
			s.ScaleUp.DomainGPUs = 1
			s.ScaleOut.PortGbps, s.ScaleOut.GbpsPerGPU = 1600, 1600
			for i := range s.Tiers {
				s.Tiers[i].Tech = DSP
			}
			r := mustEvaluate(s)
			return r.Totals.InterconnectPower.Watts() / float64(s.GPUs)
		}},
	{"Meta field data: pluggable module MTBF, million hours", "Meta, ECOC 2025: 0.5-1 M device-hours", 0.5, 1.0,
		func() float64 {
			return mustLink(Link{Tech: DSP, LaneGbps: 100, Lanes: 8, LengthM: 1}).Near.FIT.MTBF().Hours() / 1e6
		}},
}

// ValidationTable evaluates the V cases with the default catalogue.
func ValidationTable() []ValidationRow {
	rows := make([]ValidationRow, len(validationCases))
	for i, c := range validationCases {
		got := c.got()
		rows[i] = ValidationRow{ID: c.id, Claim: c.claim, Source: c.source, Kind: c.kind, Want: c.want,
			Tolerance: c.relTol, Model: got, Pass: approxEqual(got, c.want, 0, c.relTol)}
	}
	return rows
}

// PublishedChecks evaluates the published figures nothing was fitted to.
func PublishedChecks() []CheckRow {
	rows := make([]CheckRow, len(publishedCases))
	for i, c := range publishedCases {
		got := c.got()
		rows[i] = CheckRow{Name: c.name, Source: c.source, Low: c.lo, High: c.hi, Model: got,
			Pass: got >= c.lo*(1-1e-9) && got <= c.hi*(1+1e-9)}
	}
	return rows
}

func lane100() laneSpec {
	p := defaultParams()
	l, _ := lookupLane(&p, 100)
	return l
}
