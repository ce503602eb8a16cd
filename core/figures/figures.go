// Package figures computes the data behind the site's charts for one
// scenario, from core: the same numbers whether the build draws the charts
// or the browser redraws them after an edit. Values that cannot exist (a
// reach of a cable that cannot run, a stage that cannot be built) are NaN,
// which JSON writes as null.
package figures

import (
	"math"
	"slices"
	"strconv"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/wire"
)

// Figures are the data behind the site's charts for one scenario.
type Figures struct {
	Lanes    []float64 `json:"lanes_gbps"` // the lane rates of CopperWall
	LaneGbps float64   `json:"lane_gbps"`  // the scenario's lane rate
	PortGbps float64   `json:"port_gbps"`  // its scale-out port

	// CopperWall: maximum reach (m) of each copper technology at each lane
	// rate, 26 AWG, against the lengths of the scenario's tiers.
	CopperWall CopperWall `json:"copper_wall"`

	// Energy and Latency: per technology, by part, for one port of the
	// scenario (its lane rate and port width) over 1 m.
	Energy  Breakdown `json:"energy"`
	Latency Breakdown `json:"latency"`

	// ClusterPower: scale-out power (MW) of the scenario at each GPU count,
	// built at each stage.
	ClusterPower ClusterPower `json:"cluster_power"`

	// ElectricalPath: the three-step compression at the scenario's lane
	// rate: path (mm) and loss (dB) of each article stage's first
	// technology (1 m of passive copper, a DSP pluggable, CPO).
	ElectricalPath ElectricalPath `json:"electrical_path"`
}

// CopperWall is the maximum reach (m) of each copper technology at each
// lane rate, against reference lengths.
type CopperWall struct {
	Techs []core.Tech `json:"techs"`
	Reach []Values    `json:"reach_m"` // [tech][lane]
	Marks []Mark      `json:"marks"`
}

// ClusterPower is scale-out power (MW) at each GPU count, by stage.
type ClusterPower struct {
	GPUs   []int     `json:"gpus"`
	Series []Series2 `json:"series"`
}

// ElectricalPath is the three-step compression: path (mm) and loss (dB)
// of each stage's first technology.
type ElectricalPath struct {
	Labels []string     `json:"labels"`
	Techs  []core.Tech  `json:"techs"`
	PathMM Values       `json:"path_mm"`
	LossDB Values       `json:"loss_db"`
	stages []core.Stage // its labels' keys: path.<stage>
}

// Mark is a reference length on a chart.
type Mark struct {
	Name    string  `json:"name"`
	LengthM float64 `json:"length_m"`
	// Below: its label goes under its line, the next mark up being too
	// close on the chart's log axis for both labels above their lines
	// (a hall's 300 m under a campus' 400 m).
	Below  bool   `json:"below"`
	key    string // its words' key (mark.<key>)
	length core.Length
}

// closeMarks is the ratio of lengths under which two marks' labels, both
// above their lines, would overlap on the copper chart's log axis (a
// factor of 2 is 0.3 of a decade, about 20 px at the chart's size).
const closeMarks = 2.0

// Breakdown is a stacked bar chart's data: a value per part and
// technology, and each technology's total.
type Breakdown struct {
	Techs      []core.Tech `json:"techs"`
	Components []string    `json:"components"` // core.EnergyKeys or core.LatencyKeys
	Labels     []string    `json:"labels"`
	Values     []Values    `json:"values"` // [part][tech]
	Totals     Values      `json:"totals"`
	Unit       string      `json:"unit"`
	prefix     string      // its labels' keys: prefix + component
}

// Series2 is a named series over the x values of its chart.
type Series2 struct {
	Name   string `json:"name"`
	Stage  string `json:"stage"`
	Values Values `json:"values"`
}

// ClusterSizes are the GPU counts of the cluster-power figure.
var ClusterSizes = []int{1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000, 1000000}

// SizedScenario returns s at n GPUs. A cluster that needs more tiers than
// s gives gets them from the model (core.AddedTier) when s leaves the tier
// count to it.
func SizedScenario(s core.Scenario, n int) core.Scenario {
	s.GPUs = n
	return s
}

// copperKey is the by_stage comparison of copper alone.
const copperKey = "copper"

// CopperEra returns the scenario built as the copper era built clusters:
// on every tier the lowest-power copper that reaches, DSP pluggables where
// none does; the scale-up domain keeps its technology. r is s evaluated.
func CopperEra(s core.Scenario, r core.Result) core.Scenario {
	var copper core.StageResult
	for _, st := range r.ByStage {
		if st.Stage == copperKey {
			copper = st
		}
	}
	blocked := map[int]bool{}
	for _, b := range copper.BlockedList() {
		blocked[b.Tier] = true
	}
	s.Tiers = r.EvaluatedTiers()
	for i := range r.Tiers {
		s.Tiers[i].Tech = copper.Tiers[i]
		if blocked[i] {
			s.Tiers[i].Tech = core.DSP
		}
	}
	return s
}

// markNames name the tiers' lengths on the copper chart.
var markNames = []string{"rack", "row", "hall", "campus", "campus", "campus"}

// Compute computes the chart data for a scenario.
func Compute(c *label.Catalogue, s core.Scenario) (Figures, error) {
	r, err := core.Evaluate(s)
	if err != nil {
		return Figures{}, err
	}
	return ComputeFor(c, s, &r)
}

// ComputeFor is Compute for a scenario already evaluated: r is
// core.Evaluate(s) (the calculator has it, and each figure would
// otherwise evaluate it again).
func ComputeFor(c *label.Catalogue, s core.Scenario, r *core.Result) (Figures, error) {
	var f Figures
	params := s.Params
	f.Lanes = core.LaneRates
	f.LaneGbps = s.LaneGbps
	f.PortGbps = float64(r.PortLanes) * s.LaneGbps

	// Every evaluation below has the scenario's parameters: they share
	// each lane's paths and ends.
	var sh core.Shared
	cu := core.TechsWhere(core.Tech.Copper)
	f.CopperWall.Techs = cu
	for _, t := range cu {
		row := make(Values, len(core.LaneRates))
		for i, lane := range core.LaneRates {
			l, err := sh.EvaluateLink(core.Link{Tech: t, LaneGbps: lane, Lanes: 4, LengthM: 0.1, Params: params})
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
	for i, t := range r.Tiers {
		f.CopperWall.Marks = append(f.CopperWall.Marks, Mark{LengthM: t.Length.Metres(), key: markNames[i], length: t.Length})
	}
	for i := range f.CopperWall.Marks {
		m := &f.CopperWall.Marks[i]
		for _, o := range f.CopperWall.Marks {
			if o.LengthM > m.LengthM && o.LengthM < closeMarks*m.LengthM {
				m.Below = true
			}
		}
	}

	links := map[core.Tech]*core.LinkResult{}
	var all []*core.LinkResult
	for _, t := range core.Techs {
		l, err := sh.EvaluateLink(core.Link{Tech: t, LaneGbps: s.LaneGbps, Lanes: r.PortLanes, LengthM: 1, Params: params})
		if err != nil {
			return f, err
		}
		links[t] = &l
		all = append(all, &l)
	}
	f.Energy = breakdown(all, "pJ/bit", "energy.", core.EnergyKeys[:], func(l *core.LinkResult, i int) float64 { return l.Near.Energy[i].PJ() }, func(l *core.LinkResult) float64 { return l.PJPerBit().PJ() })
	f.Latency = breakdown(all, "ns", "latency.", core.LatencyKeys[:], func(l *core.LinkResult, i int) float64 { return l.Latency[i].Nanoseconds() }, func(l *core.LinkResult) float64 { return l.Latency.Total().Nanoseconds() })

	for _, st := range core.ArticleStages {
		t := core.StageLead(st)
		l := links[t]
		f.ElectricalPath.stages = append(f.ElectricalPath.stages, st)
		f.ElectricalPath.Techs = append(f.ElectricalPath.Techs, t)
		f.ElectricalPath.PathMM = append(f.ElectricalPath.PathMM, l.ElectricalPath.Millimetres())
		f.ElectricalPath.LossDB = append(f.ElectricalPath.LossDB, float64(l.ElectricalLoss))
	}

	f.ClusterPower.GPUs = ClusterSizes
	series := make([]Series2, len(core.Comparisons))
	for i, c := range core.Comparisons {
		series[i] = Series2{Stage: c.Key}
	}
	var rs core.Result // each size's, read before the next
	for _, n := range ClusterSizes {
		sized := SizedScenario(s, n)
		err := sh.EvaluateInto(sized, &rs)
		vals := make([]float64, len(series))
		for i := range vals {
			vals[i] = math.NaN()
		}
		if err == nil {
			for i, st := range rs.ByStage {
				switch {
				case st.Stage == copperKey:
					// The copper era: copper where it reaches, DSP
					// pluggables beyond.
					if mixed, err := sh.EvaluateTotals(CopperEra(sized, rs)); err == nil {
						vals[i] = mixed.ScaleOutPower.Watts() / 1e6
					}
				case st.Feasible:
					vals[i] = st.Totals.ScaleOutPower.Watts() / 1e6
				}
			}
		}
		for i := range series {
			series[i].Values = append(series[i].Values, vals[i])
		}
	}
	f.ClusterPower.Series = series
	f.word(c)
	return f, nil
}

// Reworded returns the figures in the words of catalogue c: their numbers
// do not depend on the language, so figures computed once serve every
// edition.
func (f Figures) Reworded(c *label.Catalogue) Figures {
	f.CopperWall.Marks = slices.Clone(f.CopperWall.Marks)
	f.ClusterPower.Series = slices.Clone(f.ClusterPower.Series)
	f.word(c)
	return f
}

// word puts the figures' words, from catalogue c, on what they name by
// key.
func (f *Figures) word(c *label.Catalogue) {
	for i := range f.CopperWall.Marks {
		m := &f.CopperWall.Marks[i]
		m.Name = c.Get("mark."+m.key) + " " + m.length.In(c)
	}
	f.ElectricalPath.Labels = nil
	for _, st := range f.ElectricalPath.stages {
		f.ElectricalPath.Labels = append(f.ElectricalPath.Labels, c.Get("path."+string(st)))
	}
	for i := range f.ClusterPower.Series {
		f.ClusterPower.Series[i].Name = c.Get("series." + f.ClusterPower.Series[i].Stage)
	}
	f.Energy.word(c)
	f.Latency.word(c)
}

func (b *Breakdown) word(c *label.Catalogue) {
	b.Labels = nil
	for _, k := range b.Components {
		b.Labels = append(b.Labels, c.Get(b.prefix+k))
	}
}

func breakdown(links []*core.LinkResult, unit, prefix string, keys []string, value func(*core.LinkResult, int) float64, total func(*core.LinkResult) float64) Breakdown {
	b := Breakdown{Techs: core.Techs, Unit: unit, prefix: prefix}
	for i, k := range keys {
		row := make(Values, len(links))
		for j := range links {
			row[j] = value(links[j], i)
		}
		b.Components = append(b.Components, k)
		b.Values = append(b.Values, row)
	}
	for _, l := range links {
		b.Totals = append(b.Totals, total(l))
	}
	return b
}

// Values is a list of numbers whose JSON writes NaN and infinities as null.
type Values []float64

// MarshalJSON writes the list, non-finite values as null.
func (v Values) MarshalJSON() ([]byte, error) {
	var w wire.W
	v.write(&w)
	return w.B, nil
}

// write writes the list in the shortest form ('g'), non-finite values as
// null.
func (v Values) write(w *wire.W) {
	w.BeginList() // an empty list for nil too, as the method always wrote
	for _, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			w.Null()
			continue
		}
		w.Raw(strconv.AppendFloat(nil, x, 'g', -1, 64))
	}
	w.EndList()
}

// MarshalJSON writes the figures, in the order and with the names of
// their tags, without reflection (the calculator's WebAssembly links no
// encoding/json).
func (f Figures) MarshalJSON() ([]byte, error) {
	return wire.Marshal(&f, figuresWire), nil
}

// WriteJSON writes the figures in place (the calculator's answer holds
// them).
func (f *Figures) WriteJSON(w *wire.W) { wire.Write(w, f, figuresWire) }

var figuresWire = []wire.Field[*Figures]{
	{Name: "lanes_gbps", Put: func(w *wire.W, f *Figures) { w.Nums(f.Lanes) }},
	{Name: "lane_gbps", Put: func(w *wire.W, f *Figures) { w.Num(f.LaneGbps) }},
	{Name: "port_gbps", Put: func(w *wire.W, f *Figures) { w.Num(f.PortGbps) }},
	{Name: "copper_wall", Put: func(w *wire.W, f *Figures) { wire.Write(w, &f.CopperWall, copperWallWire) }},
	{Name: "energy", Put: func(w *wire.W, f *Figures) { wire.Write(w, &f.Energy, breakdownWire) }},
	{Name: "latency", Put: func(w *wire.W, f *Figures) { wire.Write(w, &f.Latency, breakdownWire) }},
	{Name: "cluster_power", Put: func(w *wire.W, f *Figures) { wire.Write(w, &f.ClusterPower, clusterPowerWire) }},
	{Name: "electrical_path", Put: func(w *wire.W, f *Figures) { wire.Write(w, &f.ElectricalPath, electricalPathWire) }},
}

var copperWallWire = []wire.Field[*CopperWall]{
	{Name: "techs", Put: func(w *wire.W, c *CopperWall) { wire.Strs(w, c.Techs) }},
	{Name: "reach_m", Put: func(w *wire.W, c *CopperWall) { valuesList(w, c.Reach) }},
	{Name: "marks", Put: func(w *wire.W, c *CopperWall) { wire.WriteList(w, c.Marks, markWire) }},
}

var markWire = []wire.Field[*Mark]{
	{Name: "name", Put: func(w *wire.W, m *Mark) { w.Str(m.Name) }},
	{Name: "length_m", Put: func(w *wire.W, m *Mark) { w.Num(m.LengthM) }},
	{Name: "below", Put: func(w *wire.W, m *Mark) { w.Bool(m.Below) }},
}

var clusterPowerWire = []wire.Field[*ClusterPower]{
	{Name: "gpus", Put: func(w *wire.W, c *ClusterPower) { w.Ints(c.GPUs) }},
	{Name: "series", Put: func(w *wire.W, c *ClusterPower) { wire.WriteList(w, c.Series, seriesWire) }},
}

var seriesWire = []wire.Field[*Series2]{
	{Name: "name", Put: func(w *wire.W, s *Series2) { w.Str(s.Name) }},
	{Name: "stage", Put: func(w *wire.W, s *Series2) { w.Str(s.Stage) }},
	{Name: "values", Put: func(w *wire.W, s *Series2) { s.Values.write(w) }},
}

var electricalPathWire = []wire.Field[*ElectricalPath]{
	{Name: "labels", Put: func(w *wire.W, e *ElectricalPath) { wire.Strs(w, e.Labels) }},
	{Name: "techs", Put: func(w *wire.W, e *ElectricalPath) { wire.Strs(w, e.Techs) }},
	{Name: "path_mm", Put: func(w *wire.W, e *ElectricalPath) { e.PathMM.write(w) }},
	{Name: "loss_db", Put: func(w *wire.W, e *ElectricalPath) { e.LossDB.write(w) }},
}

var breakdownWire = []wire.Field[*Breakdown]{
	{Name: "techs", Put: func(w *wire.W, b *Breakdown) { wire.Strs(w, b.Techs) }},
	{Name: "components", Put: func(w *wire.W, b *Breakdown) { wire.Strs(w, b.Components) }},
	{Name: "labels", Put: func(w *wire.W, b *Breakdown) { wire.Strs(w, b.Labels) }},
	{Name: "values", Put: func(w *wire.W, b *Breakdown) { valuesList(w, b.Values) }},
	{Name: "totals", Put: func(w *wire.W, b *Breakdown) { b.Totals.write(w) }},
	{Name: "unit", Put: func(w *wire.W, b *Breakdown) { w.Str(b.Unit) }},
}

func valuesList(w *wire.W, l []Values) { wire.Each(w, l, func(v Values) { v.write(w) }) }

// TornadoWire is a tornado's members: "path", "title", "unit",
// "default", "ids", "names", "low", "high".
var TornadoWire = []wire.Field[*Tornado]{
	{Name: "path", Put: func(w *wire.W, t *Tornado) { w.Str(t.Path) }},
	{Name: "title", Put: func(w *wire.W, t *Tornado) { w.Str(t.Title) }},
	{Name: "unit", Put: func(w *wire.W, t *Tornado) { w.Str(t.Unit) }},
	{Name: "default", Put: func(w *wire.W, t *Tornado) { w.Num(t.Default) }},
	{Name: "ids", Put: func(w *wire.W, t *Tornado) { wire.Strs(w, t.IDs) }},
	{Name: "names", Put: func(w *wire.W, t *Tornado) { wire.Strs(w, t.Names) }},
	{Name: "low", Put: func(w *wire.W, t *Tornado) { t.Low.write(w) }},
	{Name: "high", Put: func(w *wire.W, t *Tornado) { t.High.write(w) }},
}

// RangeBarWire is a range bar's members: "stage", "name", "gpus",
// "low", "high".
var RangeBarWire = []wire.Field[*RangeBar]{
	{Name: "stage", Put: func(w *wire.W, b *RangeBar) { w.Str(b.Stage) }},
	{Name: "name", Put: func(w *wire.W, b *RangeBar) { w.Str(b.Name) }},
	{Name: "gpus", Put: func(w *wire.W, b *RangeBar) { w.Int(b.GPUs) }},
	{Name: "low", Put: func(w *wire.W, b *RangeBar) { w.Num(b.Low) }},
	{Name: "high", Put: func(w *wire.W, b *RangeBar) { w.Num(b.High) }},
}
