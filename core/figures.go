package core

import (
	"math"
	"strconv"
)

// Figures are the data behind the site's charts for one scenario: the same
// numbers whether the build draws them or the browser redraws them after an
// edit. Values that cannot exist (a reach of a cable that cannot run, a
// stage that cannot be built) are NaN, which JSON writes as null.
type Figures struct {
	Lanes    []float64 `json:"lanes_gbps"` // the lane rates of CopperWall
	LaneGbps float64   `json:"lane_gbps"`  // the scenario's lane rate
	PortGbps float64   `json:"port_gbps"`  // its scale-out port

	// CopperWall: maximum reach (m) of each copper technology at each lane
	// rate, 26 AWG, against the lengths of the scenario's tiers.
	CopperWall struct {
		Techs []Tech   `json:"techs"`
		Reach []Values `json:"reach_m"` // [tech][lane]
		Marks []Mark   `json:"marks"`
	} `json:"copper_wall"`

	// Energy and Latency: per technology, by component, for one port of the
	// scenario (its lane rate and port width) over 1 m.
	Energy  Breakdown `json:"energy"`
	Latency Breakdown `json:"latency"`

	// ClusterPower: scale-out power (MW) of the scenario at each GPU count,
	// built at each stage.
	ClusterPower struct {
		GPUs   []int     `json:"gpus"`
		Series []Series2 `json:"series"`
	} `json:"cluster_power"`

	// ElectricalPath: the three-step compression at the scenario's lane
	// rate: path (mm) and loss (dB) of copper (1 m DAC), pluggable, CPO.
	ElectricalPath struct {
		Labels []string `json:"labels"`
		Techs  []Tech   `json:"techs"`
		PathMM Values   `json:"path_mm"`
		LossDB Values   `json:"loss_db"`
	} `json:"electrical_path"`
}

// Mark is a reference length on a chart.
type Mark struct {
	Name    string  `json:"name"`
	LengthM float64 `json:"length_m"`
}

// Breakdown is a stacked bar chart's data: a value per component and
// technology, and each technology's total.
type Breakdown struct {
	Techs      []Tech   `json:"techs"`
	Components []string `json:"components"` // keys of EnergyComponents or LatencyComponents
	Labels     []string `json:"labels"`
	Values     []Values `json:"values"` // [component][tech]
	Totals     Values   `json:"totals"`
	Unit       string   `json:"unit"`
}

// Series2 is a named series over the x values of its chart.
type Series2 struct {
	Name   string `json:"name"`
	Stage  string `json:"stage"`
	Values Values `json:"values"`
}

// ClusterSizes are the GPU counts of the cluster-power figure.
var ClusterSizes = []int{1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000, 1000000}

// campusTier is the length given to a fourth tier, between halls, when a
// sized cluster needs one and the scenario gives none (an engineering
// choice for the figure, inside a DR link's 500 m).
const campusTier = 400.0

// SizedScenario returns s at n GPUs, with tiers added (auto, 400 m) if the
// larger cluster needs more than s gives.
func SizedScenario(s Scenario, n int) Scenario {
	s.GPUs = n
	s.Tiers = append([]Tier(nil), s.Tiers...)
	for len(s.Tiers) < MaxTiers {
		if Validate(s) == nil {
			break
		}
		s.Tiers = append(s.Tiers, Tier{Tech: Auto, LengthM: campusTier})
	}
	return s
}

// CopperEra returns the scenario built as the copper era built clusters:
// on every tier the lowest-power copper that reaches, DSP pluggables where
// none does; the scale-up domain keeps its technology. r is s evaluated.
func CopperEra(s Scenario, r Result) Scenario {
	var copper StageResult
	for _, st := range r.ByStage {
		if st.Stage == "copper" {
			copper = st
		}
	}
	blocked := map[int]bool{}
	for _, b := range copper.BlockedList() {
		blocked[b.Tier] = true
	}
	s.Tiers = append([]Tier(nil), s.Tiers...)
	for i := range r.Tiers {
		s.Tiers[i].Tech = copper.Tiers[i]
		if blocked[i] {
			s.Tiers[i].Tech = DSP
		}
	}
	return s
}

// ComputeFigures computes the chart data for a scenario.
func ComputeFigures(s Scenario) (Figures, error) {
	var f Figures
	r, err := Evaluate(s)
	if err != nil {
		return f, err
	}
	params := s.Params
	f.Lanes = LaneRates
	f.LaneGbps = s.LaneGbps
	f.PortGbps = float64(r.PortLanes) * s.LaneGbps

	cu := []Tech{DAC, ACC, AEC}
	f.CopperWall.Techs = cu
	for _, t := range cu {
		row := make(Values, len(LaneRates))
		for i, lane := range LaneRates {
			l, err := EvaluateLink(Link{Tech: t, LaneGbps: lane, Lanes: 4, LengthM: 0.1, Params: params})
			if err != nil {
				return f, err
			}
			row[i] = l.MaxReach.Metres()
			if l.MaxReach <= 0 {
				row[i] = math.NaN()
			}
		}
		f.CopperWall.Reach = append(f.CopperWall.Reach, row)
	}
	names := []string{"rack", "row", "hall", "campus", "campus", "campus"}
	for i, t := range r.Tiers {
		f.CopperWall.Marks = append(f.CopperWall.Marks, Mark{Name: names[i] + " " + t.Length.String(), LengthM: t.Length.Metres()})
	}

	links := make([]LinkResult, len(Techs))
	for i, t := range Techs {
		if links[i], err = EvaluateLink(Link{Tech: t, LaneGbps: s.LaneGbps, Lanes: r.PortLanes, LengthM: 1, Params: params}); err != nil {
			return f, err
		}
	}
	f.Energy = breakdown(links, "pJ/bit", EnergyComponents, func(l *LinkResult, k string) float64 { return l.Near.Energy.Component(k).PJ() }, func(l *LinkResult) float64 { return l.PJPerBit().PJ() })
	f.Latency = breakdown(links, "ns", LatencyComponents, func(l *LinkResult, k string) float64 { return l.Latency.Component(k).Nanoseconds() }, func(l *LinkResult) float64 { return l.Latency.Total().Nanoseconds() })

	f.ElectricalPath.Labels = []string{"copper (1 m DAC)", "pluggable (DSP)", "co-packaged (CPO)"}
	f.ElectricalPath.Techs = []Tech{DAC, DSP, CPO}
	for _, t := range f.ElectricalPath.Techs {
		l := links[techIndex(t)]
		f.ElectricalPath.PathMM = append(f.ElectricalPath.PathMM, l.ElectricalPath.Millimetres())
		f.ElectricalPath.LossDB = append(f.ElectricalPath.LossDB, float64(l.ElectricalLoss))
	}

	f.ClusterPower.GPUs = ClusterSizes
	series := []Series2{
		{Name: "copper where it reaches", Stage: "copper"},
		{Name: "pluggable optics (DSP)", Stage: "dsp"},
		{Name: "linear pluggable optics (LPO)", Stage: "lpo"},
		{Name: "co-packaged optics (CPO)", Stage: "cpo"},
	}
	for _, n := range ClusterSizes {
		sized := SizedScenario(s, n)
		rs, err := Evaluate(sized)
		vals := [4]float64{math.NaN(), math.NaN(), math.NaN(), math.NaN()}
		if err == nil {
			if mixed, err := Evaluate(CopperEra(sized, rs)); err == nil {
				vals[0] = mixed.Totals.ScaleOutPower.Watts() / 1e6
			}
			for _, st := range rs.ByStage {
				for i := 1; i < 4; i++ {
					if st.Stage == series[i].Stage && st.Feasible {
						vals[i] = st.Totals.ScaleOutPower.Watts() / 1e6
					}
				}
			}
		}
		for i := range series {
			series[i].Values = append(series[i].Values, vals[i])
		}
	}
	f.ClusterPower.Series = series
	return f, nil
}

func techIndex(t Tech) int {
	for i, x := range Techs {
		if x == t {
			return i
		}
	}
	return 0
}

func breakdown(links []LinkResult, unit string, comps []struct{ Key, Label string }, value func(*LinkResult, string) float64, total func(*LinkResult) float64) Breakdown {
	b := Breakdown{Techs: Techs, Unit: unit}
	for _, c := range comps {
		row := make(Values, len(links))
		for i := range links {
			row[i] = value(&links[i], c.Key)
		}
		b.Components = append(b.Components, c.Key)
		b.Labels = append(b.Labels, c.Label)
		b.Values = append(b.Values, row)
	}
	for i := range links {
		b.Totals = append(b.Totals, total(&links[i]))
	}
	return b
}

// Values is a list of numbers whose JSON writes NaN and infinities as null.
type Values []float64

// MarshalJSON writes the list, non-finite values as null.
func (v Values) MarshalJSON() ([]byte, error) {
	b := []byte{'['}
	for i, x := range v {
		if i > 0 {
			b = append(b, ',')
		}
		if math.IsNaN(x) || math.IsInf(x, 0) {
			b = append(b, "null"...)
			continue
		}
		b = strconv.AppendFloat(b, x, 'g', -1, 64)
	}
	return append(b, ']'), nil
}
