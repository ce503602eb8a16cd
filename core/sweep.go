package core

import (
	"math"
	"strconv"
	"strings"

	"github.com/cpocalc/cpocalc/core/label"
)

// A sweep moves one input of a scenario over its range and follows one
// headline at each stage: the calculator's "what if" chart. The inputs are
// the scenario's numbers a reader sets, over the ranges Validate allows,
// and every catalogue parameter over its uncertainty range; a point where
// a stage cannot build the cluster has no value (a gap in its line).

// SweepInput is an input a sweep can move.
type SweepInput struct {
	Key   string // a permalink's key: "gpus", "tiers.1.length_m", "params.laser_fit"
	Unit  string
	Low   float64
	High  float64
	Whole bool // a count: the sweep's points are whole numbers
	Log   bool // the range spans decades: points spaced evenly on a log scale
	// Steps are the only values the input takes (the lane rates the
	// model has), its points whatever their number.
	Steps []float64
	get   func(*Scenario) float64
	set   func(*Scenario, float64)
}

func field(key, unit string, lo, hi float64, whole bool, get func(*Scenario) float64, set func(*Scenario, float64)) SweepInput {
	return SweepInput{Key: key, Unit: unit, Low: lo, High: hi, Whole: whole, Log: lo > 0 && hi/lo >= 100, get: get, set: set}
}

// scenarioSweeps are the scenario's numbers a sweep can move, over the
// ranges a reader explores (within what Validate allows); a scenario whose
// own value lies outside one widens it to include that value.
var scenarioSweeps = []SweepInput{
	{Key: "lane_gbps", Unit: "Gb/s", Low: LaneRates[0], High: LaneRates[len(LaneRates)-1], Log: true, Steps: LaneRates,
		get: func(s *Scenario) float64 { return s.LaneGbps }, set: func(s *Scenario, v float64) { s.LaneGbps = v }},
	field("gpus", "", 64, MaxGPUs, true, func(s *Scenario) float64 { return float64(s.GPUs) }, func(s *Scenario, v float64) { s.GPUs = int(v) }),
	field("gpu_watts", "W", 100, maxGPUWatts, false, func(s *Scenario) float64 { return s.GPUWatts }, func(s *Scenario, v float64) { s.GPUWatts = v }),
	field("scale_up.domain_gpus", "", 1, 1152, true, func(s *Scenario) float64 { return float64(s.ScaleUp.DomainGPUs) }, func(s *Scenario, v float64) { s.ScaleUp.DomainGPUs = int(v) }),
	field("scale_up.gbps_per_gpu", "Gb/s", 100, maxGbps, false, func(s *Scenario) float64 { return s.ScaleUp.GbpsPerGPU }, func(s *Scenario, v float64) { s.ScaleUp.GbpsPerGPU = v }),
	field("scale_up.length_m", "m", minTierLengthM, 10, false, func(s *Scenario) float64 { return s.ScaleUp.LengthM }, func(s *Scenario, v float64) { s.ScaleUp.LengthM = v }),
	field("scale_out.gbps_per_gpu", "Gb/s", 100, 12800, false, func(s *Scenario) float64 { return s.ScaleOut.GbpsPerGPU }, func(s *Scenario, v float64) { s.ScaleOut.GbpsPerGPU = v }),
	field("scale_out.oversubscription", "", 1, maxOversubscription, false, func(s *Scenario) float64 { return s.ScaleOut.Oversubscription }, func(s *Scenario, v float64) { s.ScaleOut.Oversubscription = v }),
	field("pue", "", minPUE, maxPUE, false, func(s *Scenario) float64 { return s.PUE }, func(s *Scenario, v float64) { s.PUE = v }),
	field("usd_per_kwh", "USD/kWh", 0, maxUSDPerKWh, false, func(s *Scenario) float64 { return s.USDPerKWh }, func(s *Scenario, v float64) { s.USDPerKWh = v }),
	field("fiber_cny_per_core_km", "CNY", 0, 1000, false, func(s *Scenario) float64 { return s.FiberCNYPerCoreKm }, func(s *Scenario, v float64) { s.FiberCNYPerCoreKm = v }),
	field("years", "years", minYears, maxYears, true, func(s *Scenario) float64 { return s.Years }, func(s *Scenario, v float64) { s.Years = v }),
	field("grid_kg_co2_per_kwh", "kg/kWh", 0, maxGridKgCO2, false, func(s *Scenario) float64 { return s.GridKgCO2PerKWh }, func(s *Scenario, v float64) { s.GridKgCO2PerKWh = v }),
	field("wue_l_per_kwh", "L/kWh", 0, maxWUE, false, func(s *Scenario) float64 { return s.WUELPerKWh }, func(s *Scenario, v float64) { s.WUELPerKWh = v }),
	field("checkpoint_minutes", "minutes", 1, maxMinutes, false, func(s *Scenario) float64 { return s.CheckpointMinutes }, func(s *Scenario, v float64) { s.CheckpointMinutes = v }),
	field("restart_minutes", "minutes", 0, 240, false, func(s *Scenario) float64 { return s.RestartMinutes }, func(s *Scenario, v float64) { s.RestartMinutes = v }),
	field("gpu_hour_usd", "USD", 0, 10, false, func(s *Scenario) float64 { return s.GPUHourUSD }, func(s *Scenario, v float64) { s.GPUHourUSD = v }),
}

// SweepInputs lists what a sweep of s can move: the scenario's numbers,
// each of its tiers' lengths, then every catalogue parameter.
func SweepInputs(s *Scenario) []SweepInput {
	out := append([]SweepInput(nil), scenarioSweeps...)
	for i := range s.Tiers {
		i := i
		out = append(out, field("tiers."+strconv.Itoa(i)+".length_m", "m", minTierLengthM, 1000, false,
			func(s *Scenario) float64 { return s.Tiers[i].LengthM },
			func(s *Scenario, v float64) { s.Tiers[i].LengthM, s.Tiers[i].MaxLengthM = v, 0 }))
	}
	for _, p := range catalogue {
		if !(p.High > p.Low) {
			continue
		}
		id, def := p.ID, p.Default
		out = append(out, field("params."+id, p.Unit, p.Low, p.High, p.Integer,
			func(s *Scenario) float64 {
				if v, ok := s.Params[id]; ok {
					return v
				}
				return def
			},
			func(s *Scenario, v float64) {
				m := make(map[string]float64, len(s.Params)+1)
				for k, x := range s.Params {
					m[k] = x
				}
				m[id] = v
				s.Params = m
			}))
	}
	return out
}

// SweepHeadlines are the numbers a sweep can follow: totals of each
// stage, and each tier's reach with the stage's technology there.
var SweepHeadlines = []string{"totals.interconnect_watts", "totals.interconnect_share", "totals.interconnect_watts_per_gpu",
	"totals.tco_usd", "totals.network_mtbf_hours", "tiers[0].max_reach_m"}

// MaxSweepPoints bounds a sweep's evaluations.
const MaxSweepPoints = 41

// SweepLine is one stage's values along a sweep (NaN where the stage
// cannot build the cluster).
type SweepLine struct {
	_      noCompare
	Stage  string // the by_stage key
	Name   string // its label, in the sweep's language
	Values []float64
}

// SweepResult is a sweep: the input's values and each stage's headline
// at them.
type SweepResult struct {
	_        noCompare
	Input    string
	Headline string
	Unit     string // the headline's
	XUnit    string // the input's
	Log      bool   // the input's points are spaced on a log scale
	X        []float64
	Current  float64 // the scenario's own value of the input
	Lines    []SweepLine
}

// Sweep moves input over its range in n points (2 to MaxSweepPoints) and
// evaluates headline at each stage, its stage names in c's language.
func Sweep(c *label.Catalogue, s Scenario, input, headline string, n int) (SweepResult, error) {
	if n < 2 || n > MaxSweepPoints {
		return SweepResult{}, refuse("points", strconv.Itoa(n), label.Msg("err.range", "low", "2", "high", strconv.Itoa(MaxSweepPoints)), "err.out_of_range")
	}
	if err := Validate(s); err != nil {
		return SweepResult{}, err
	}
	var in *SweepInput
	inputs := SweepInputs(&s)
	for i := range inputs {
		if inputs[i].Key == input {
			in = &inputs[i]
		}
	}
	if in == nil {
		return SweepResult{}, refuse("input", quote(input), label.Msg("err.sweep_input"), "err.sweep_unknown")
	}
	tier, total, ok := sweepHeadline(headline)
	if !ok {
		return SweepResult{}, refuse("headline", quote(headline), label.Plain(strings.Join(SweepHeadlines, ", ")), "err.sweep_unknown")
	}
	out := SweepResult{Input: input, Headline: headline, XUnit: in.Unit, Log: in.Log, Current: in.get(&s)}
	// The reader's own value is always on the chart.
	if in.Steps == nil {
		if c := out.Current; c < in.Low && (!in.Log || c > 0) {
			in.Low = c
		} else if c > in.High {
			in.High = c
		}
	}
	for i := 0; i < n && in.Steps == nil; i++ {
		out.X = append(out.X, in.at(i, n))
	}
	if in.Whole {
		out.X = wholePoints(out.X)
	}
	if in.Steps != nil {
		out.X = append(out.X, in.Steps...)
	}
	for _, key := range Stages {
		out.Lines = append(out.Lines, SweepLine{Stage: key, Name: StageLabel(c, key), Values: make([]float64, len(out.X))})
	}
	for i, x := range out.X {
		p := s
		p.Tiers = append([]Tier(nil), s.Tiers...)
		in.set(&p, x)
		r, err := Evaluate(p)
		for j := range out.Lines {
			out.Lines[j].Values[i] = math.NaN()
		}
		if err != nil {
			continue // a value the rest of the scenario does not allow: a gap
		}
		for j := range r.ByStage {
			st := &r.ByStage[j]
			if j >= len(out.Lines) {
				continue
			}
			// A tier's reach with the stage's technology is the
			// technology's, whether or not the stage builds the rest.
			if tier >= 0 {
				if tier < len(r.Tiers) && st.Tiers[tier] != "" {
					out.Lines[j].Values[i] = stageReach(&r.Tiers[tier], st.Tiers[tier]).Metres()
				}
				continue
			}
			if !st.Feasible {
				continue
			}
			n, err := r.Number(FieldPath("by_stage[].totals."+total, j))
			if err == nil {
				out.Lines[j].Values[i] = n.Value
				out.Unit = n.Unit
			}
		}
	}
	if tier >= 0 {
		out.Unit = "m"
	}
	// Units a reader reads as symbols: a share in per cent; years are the
	// input's own name.
	if out.Unit == "share" {
		out.Unit = "%"
		for j := range out.Lines {
			for i := range out.Lines[j].Values {
				out.Lines[j].Values[i] *= 100
			}
		}
	}
	if out.XUnit == "years" {
		out.XUnit = ""
	}
	return out, nil
}

// at is the input's i-th point of n over its range.
func (in *SweepInput) at(i, n int) float64 {
	f := float64(i) / float64(n-1)
	if in.Log {
		return in.Low * math.Pow(in.High/in.Low, f)
	}
	return in.Low + (in.High-in.Low)*f
}

// wholePoints rounds the points to whole numbers, once each.
func wholePoints(x []float64) []float64 {
	var out []float64
	for _, v := range x {
		v = math.Round(v)
		if len(out) == 0 || v > out[len(out)-1] {
			out = append(out, v)
		}
	}
	return out
}

// sweepHeadline reads a headline: a tier's reach (its index) or a total
// (its field).
func sweepHeadline(h string) (tier int, total string, ok bool) {
	for _, x := range SweepHeadlines {
		if x != h {
			continue
		}
		if t, ok := strings.CutPrefix(h, "totals."); ok {
			return -1, t, true
		}
		i, err := strconv.Atoi(h[len("tiers[") : len("tiers[")+1])
		return i, "", err == nil
	}
	return 0, "", false
}

// stageReach is a tier's reach with a technology, from its candidates.
func stageReach(tr *TierResult, t Tech) Length {
	for i := 0; i < tr.nCandidates; i++ {
		if tr.Candidates[i].Tech == t {
			return tr.Candidates[i].MaxReach
		}
	}
	if tr.Link.Tech == t {
		return tr.Link.MaxReach
	}
	return 0
}
