package core

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"

	"github.com/cpocalc/cpocalc/core/label"
)

// How sure the headline numbers are. Most catalogue parameters are
// engineering estimates with a low and a high; Uncertainty draws every
// parameter the reader has not set from a triangular distribution on its
// low, default and high (its default the most likely value; on their
// logarithms for a range of a decade or more, see draw), evaluates the
// scenario for each draw, and reports each headline's 5th, 50th and 95th
// percentiles. Structure is not uncertain: the topology, the counts, the
// integer parameters (lanes per module, ports per chip) and the scenario's
// own inputs stay as given.
//
// Calibration parameters are not drawn: they were fitted so that a
// published figure comes out, and they move with what they were fitted
// to, so that the figure still comes out (calibrated).
//
// Nor are specifications: a loss budget or an optical power a standard
// sets (802.3dj's die-to-die budget, a DR lane's minimum launch power
// and sensitivity, a channel's connection allocation) is the limit every
// compliant part is built to, the same in every draw. Their ranges stay
// in the catalogue for a reader who wants another standard's figure;
// what the parts spend of them (losses per millimetre, per transition,
// per kilometre) is drawn.

// MaxUncertaintySamples bounds a run.
const MaxUncertaintySamples = 100000

// Band is a headline's spread: its percentiles over the samples, and its
// value with every parameter at its default.
type Band struct {
	_            noCompare
	P5, P50, P95 float64
	Default      float64
	N            int // samples in which the number exists (a stage that cannot be built has none)
}

// Swing is what one parameter does to a headline alone: the headline's
// value with that parameter at its low and at its high, the others at
// their defaults.
type Swing struct {
	_         noCompare
	ID        string
	Low, High float64
	// Set is true for a parameter the reader set: not drawn (its value is
	// the reader's), but its swing over its range is shown all the same,
	// and kept in the tornado whatever its size.
	Set bool
}

// Probability is the share of samples in which a statement holds.
type Probability struct {
	_      noCompare
	Key    string
	Text   string // the statement, in words
	Judged string // which samples can judge it, in words ("" for all)
	Share  float64
	N      int // the samples in which it could be judged
}

// word puts the statement's words, from catalogue c.
func (pr *Probability) word(c *label.Catalogue, judged bool) {
	pr.Text, pr.Judged = c.Get("question."+pr.Key), ""
	if judged {
		pr.Judged = c.Get("question." + pr.Key + ".judged")
	}
}

// Reword puts the words of catalogue c on a run's statements (a run
// words them in English): the numbers of a run do not depend on the
// language, so a run computed once serves every edition.
func (u *UncertaintyResult) Reword(c *label.Catalogue) {
	for i := range u.Probabilities {
		pr := &u.Probabilities[i]
		pr.word(c, pr.Judged != "")
	}
}

// UncertaintyResult is Uncertainty's answer.
type UncertaintyResult struct {
	Samples       int
	Seed          uint64
	Paths         []string // the headlines, in order
	Bands         map[string]Band
	Tornado       map[string][]Swing // per headline, the parameters by their swing, largest first
	Probabilities []Probability
}

// tornadoTop is how many parameters the tornado keeps per headline.
const tornadoTop = 10

// uncertain reports whether a parameter has an uncertainty Uncertainty
// can draw: a range, and neither an integer (structure) nor a calibration
// (derived) nor a specification (fixed by a standard).
func uncertain(id paramID) bool {
	c := &catalogue[id]
	return !(c.Integer || c.Kind == Calibration || c.Spec || id == pCRHostTrace || !(c.Low < c.High))
}

// drawn are the parameters Uncertainty samples for a scenario: the
// uncertain ones the reader has not set.
func drawn(s *Scenario) []paramID {
	var ids []paramID
	for id := paramID(0); id < numParams; id++ {
		if _, set := s.Params[catalogue[id].ID]; uncertain(id) && !set {
			ids = append(ids, id)
		}
	}
	return ids
}

// setByReader are the uncertain parameters the reader set.
func setByReader(s *Scenario) []paramID {
	var ids []paramID
	for id := paramID(0); id < numParams; id++ {
		if _, set := s.Params[catalogue[id].ID]; uncertain(id) && set {
			ids = append(ids, id)
		}
	}
	return ids
}

// DrawnParams counts the catalogue parameters Uncertainty draws for a
// scenario.
func DrawnParams(s Scenario) int { return len(drawn(&s)) }

// triangular draws from the triangular distribution on [lo, hi] with mode
// c, by its inverse distribution function at u in [0, 1).
func triangular(u, lo, c, hi float64) float64 {
	if f := (c - lo) / (hi - lo); u < f {
		return lo + math.Sqrt(u*(hi-lo)*(c-lo))
	}
	return hi - math.Sqrt((1-u)*(hi-lo)*(hi-c))
}

// logRange is the ratio of high to low from which a parameter's
// uncertainty is read as a factor rather than an amount: a range of an
// order of magnitude or more (a failure rate of 10 to 500 FIT, a loss
// tangent of 0.001 to 0.01).
const logRange = 10

// draw draws a parameter at u in [0, 1): triangular on its low, default
// and high; on their logarithms where the range spans logRange or more,
// so that its default stays the most likely value and the median is not
// pulled up by the long side of a wide range.
func draw(u float64, c *Param) float64 { return distributionOf(c).at(u) }

// distribution is a parameter's triangular distribution, its ends and
// mode taken to logarithms once (not for every draw) where it is drawn
// on them.
type distribution struct {
	lo, mode, hi float64
	log          bool
}

func distributionOf(c *Param) distribution {
	if c.Low > 0 && c.High >= logRange*c.Low {
		return distribution{detLog(c.Low), detLog(c.Default), detLog(c.High), true}
	}
	return distribution{c.Low, c.Default, c.High, false}
}

// at draws at u in [0, 1), as draw does.
func (d distribution) at(u float64) float64 {
	if d.log {
		return detExp(triangular(u, d.lo, d.mode, d.hi))
	}
	return triangular(u, d.lo, d.mode, d.hi)
}

// calibrated sets the calibration parameters from the drawn ones, so that
// the figure each was fitted to still comes out:
//
//   - c2m_host_trace_mm was fitted so that the host's path to a pluggable
//     at 200 Gb/s per lane loses NVIDIA's 22 dB: the board trace takes the
//     length that keeps the whole path (package, board, connector, module)
//     at that loss with the drawn losses per millimetre and per transition.
//   - cr_host_trace_mm is, by its source, about half that trace (copper
//     ports take the cages nearest the ASIC): it keeps its ratio to it.
func calibrated(p *paramSet) {
	set := func(id paramID, v float64) {
		if p.overridden[id] {
			return // the reader's value stays
		}
		c := &catalogue[id]
		p.v[id] = math.Min(math.Max(v, c.Low), c.High)
	}
	// The board trace is as long as keeps the whole path at the fitted
	// loss: L = L₀ + (22 dB − loss at L₀) / α.
	if a := float64(boardLoss(p, hostFit.lane, hostFit.lane.Nyquist()).Total()); a > 0 {
		l0 := p.v[pC2MHostTrace]
		set(pC2MHostTrace, l0+float64(hostFit.loss-moduleHostLoss(p, hostFit.lane))/a*1000)
	}
	set(pCRHostTrace, catalogue[pCRHostTrace].Default*p.v[pC2MHostTrace]/catalogue[pC2MHostTrace].Default)
}

// hostFit is where c2m_host_trace_mm was fitted: the 200 Gb/s lane, and
// the whole path from the ASIC's die to a pluggable module's chip there
// with the default catalogue (NVIDIA's ~22 dB; computed once, not per
// draw).
var hostFit = func() (f struct {
	lane laneSpec
	loss Decibel
}) {
	d := defaultParams()
	f.lane, _ = lookupLane(&d, 200)
	f.loss = moduleHostLoss(&d, f.lane)
	return f
}()

// moduleHostLoss is the loss of the path from the ASIC's die to a
// pluggable module's chip at a lane's Nyquist frequency.
func moduleHostLoss(p *paramSet, lane laneSpec) Decibel {
	var path Path
	buildPath(p, pathModuleHost, lane, &path)
	return path.Loss()
}

// headlines are the numbers Uncertainty reports for a result: the totals a
// reader looks at first, each tier's power and reach, and each stage's
// interconnect and scale-out power.
func headlines(r *Result) []string {
	paths := []string{"totals.interconnect_watts", "totals.interconnect_share", "totals.annual_mwh", "totals.annual_usd",
		"totals.co2_tonnes_per_year", "totals.water_m3_per_year", "totals.mtbf_hours",
		"totals.job_interruptions_per_day", "totals.usd_lost_per_year", "totals.share_of_world_fiber", "totals.tco_usd", "scale_up.watts"}
	for i := range r.Tiers {
		n := strconv.Itoa(i)
		paths = append(paths, "tiers["+n+"].watts", "tiers["+n+"].max_reach_m")
	}
	for i := range r.ByStage {
		paths = append(paths, "by_stage["+strconv.Itoa(i)+"].totals.interconnect_watts")
	}
	for i := range r.ByStage { // the cluster chart's range bars
		paths = append(paths, "by_stage["+strconv.Itoa(i)+"].totals.scale_out_watts")
	}
	return paths
}

// valueAt reads a headline from a result by its parsed path: NaN where it
// does not exist (a stage that cannot be built has no totals).
func valueAt(r *Result, keys []pathKey) float64 {
	lf, err := findValue(r, keys)
	if err != nil {
		return math.NaN()
	}
	if v, ok := lf.value().(float64); ok {
		return v
	}
	return math.NaN()
}

// compiledPaths are parsed paths compiled for reading from many results
// (valueAt's value, without a search by name per read); a path that names
// no number reads NaN.
func compiledPaths(keys [][]pathKey) []compiledPath {
	out := make([]compiledPath, len(keys))
	for i, k := range keys {
		out[i], _ = compilePath(k)
	}
	return out
}

func parsedPaths(paths []string) [][]pathKey {
	out := make([][]pathKey, len(paths))
	for i, p := range paths {
		out[i], _ = parsePath(p)
	}
	return out
}

// evaluateWith evaluates s with parameters resolved already, in pl, into
// r, as a draw: without what no headline or question reads (what the
// scale-up domain would draw with each technology). A run of thousands of
// draws uses one plan (some 40 kB), one result and the same paths' memory
// (pl's Shared recycles them: newDrawPlan), cleared for each draw, rather
// than leave thousands to the collector; each draw's result is read before
// the next. A draw the model refuses leaves r as it was.
func evaluateWith(pl *plan, s Scenario, p *paramSet, r *Result) error {
	sh := pl.shared
	*pl = plan{preset: p, draw: true, shared: sh}
	if err := pl.build(s); err != nil {
		return err
	}
	pl.evaluateInto(r, true)
	return nil
}

// newDrawPlan is the plan a run of draws evaluates each in.
func newDrawPlan() *plan { return &plan{shared: &Shared{recycle: true}} }

// probabilities are the reader's questions, asked of one sample: each
// returns whether the statement holds, and whether it can be judged.
var probabilities = []struct {
	key, text, judged string
	holds             func(r *Result) (yes, judged bool)
}{
	{"cpo_below_dsp", "co-packaged optics draw less than pluggable optics with DSPs", "that can build both", func(r *Result) (bool, bool) {
		return stageBelow(r, "cpo", "dsp")
	}},
	{"lpo_below_dsp", "linear pluggable optics draw less than pluggable optics with DSPs", "that can build both", func(r *Result) (bool, bool) {
		return stageBelow(r, "lpo", "dsp")
	}},
	{"dac_reaches_tier1", "passive copper reaches the first tier's length", "", func(r *Result) (bool, bool) {
		if len(r.Tiers) == 0 {
			return false, false
		}
		for _, c := range r.Tiers[0].CandidateList() {
			if c.Tech == DAC {
				return c.Feasible, true
			}
		}
		return false, false
	}},
	{"copper_builds_scale_out", "copper cables can build the whole scale-out network", "", func(r *Result) (bool, bool) {
		for i := range r.ByStage {
			if r.ByStage[i].Stage == "copper" {
				return r.ByStage[i].Feasible, true
			}
		}
		return false, false
	}},
}

// stageBelow says whether stage a's interconnect power is below stage b's,
// when both can be built.
func stageBelow(r *Result, a, b string) (bool, bool) {
	var pa, pb *StageResult
	for i := range r.ByStage {
		switch r.ByStage[i].Stage {
		case a:
			pa = &r.ByStage[i]
		case b:
			pb = &r.ByStage[i]
		}
	}
	if pa == nil || pb == nil || !pa.Feasible || !pb.Feasible {
		return false, false
	}
	return pa.Totals.InterconnectPower < pb.Totals.InterconnectPower, true
}

// Uncertainty runs a seeded Monte Carlo of samples draws over the
// catalogue's ranges (see the top of this file). The same scenario,
// samples and seed give the same answer, here and in WebAssembly.
func Uncertainty(s Scenario, samples int, seed uint64) (UncertaintyResult, error) {
	if samples < 1 || samples > MaxUncertaintySamples {
		return UncertaintyResult{}, refuse("samples", strconv.Itoa(samples), label.Msg("err.range", "low", "1", "high", strconv.Itoa(MaxUncertaintySamples)), "err.out_of_range")
	}
	base, err := Evaluate(s)
	if err != nil {
		return UncertaintyResult{}, err
	}
	out := UncertaintyResult{Samples: samples, Seed: seed, Paths: headlines(&base), Bands: map[string]Band{}, Tornado: map[string][]Swing{}}
	keys := parsedPaths(out.Paths)
	ids := drawn(&s)
	values := make([][]float64, len(out.Paths))
	yes := make([]int, len(probabilities))
	judged := make([]int, len(probabilities))

	readers := compiledPaths(keys)
	cur := new(cursor)
	err = eachDraw(s, ids, samples, seed, func(r *Result) {
		for i := range out.Paths {
			if v := readers[i].number(r, cur); !math.IsNaN(v) {
				values[i] = append(values[i], v)
			}
		}
		for i, q := range probabilities {
			if y, ok := q.holds(r); ok {
				judged[i]++
				if y {
					yes[i]++
				}
			}
		}
	})
	if err != nil {
		return UncertaintyResult{}, err
	}
	for i, p := range out.Paths {
		v := values[i]
		if len(v) == 0 {
			continue
		}
		slices.Sort(v)
		out.Bands[p] = Band{P5: percentile(v, 0.05), P50: percentile(v, 0.5), P95: percentile(v, 0.95), Default: valueAt(&base, keys[i]), N: len(v)}
	}
	for i, q := range probabilities {
		// The words are the catalogue's (question.<key>); q.text is their
		// English, for reading the table above.
		pr := Probability{Key: q.key, N: judged[i]}
		pr.word(label.English, q.judged != "")
		if judged[i] > 0 {
			pr.Share = float64(yes[i]) / float64(judged[i])
		}
		out.Probabilities = append(out.Probabilities, pr)
	}

	// The tornado: each drawn parameter alone at its low and its high,
	// and each the reader set (from the reader's value to either end).
	swings := make([][]Swing, len(out.Paths))
	set := setByReader(&s)
	given, err := resolveParams(s.Params) // valid: Evaluate read them
	if err != nil {
		return UncertaintyResult{}, err
	}
	var (
		p paramSet
		r Result
	)
	pl := newDrawPlan()
	for k, id := range append(append([]paramID(nil), ids...), set...) {
		c := &catalogue[id]
		isSet := k >= len(ids)
		var at [2][]float64
		for j, v := range [2]float64{c.Low, c.High} {
			p = given
			p.v[id] = v
			calibrated(&p)
			err := evaluateWith(pl, s, &p, &r)
			at[j] = make([]float64, len(out.Paths))
			for i := range out.Paths {
				at[j][i] = math.NaN()
				if err == nil {
					at[j][i] = readers[i].number(&r, cur)
				}
			}
		}
		for i := range out.Paths {
			lo, hi := at[0][i], at[1][i]
			if math.IsNaN(lo) || math.IsNaN(hi) || (lo == hi && !isSet) {
				continue
			}
			swings[i] = append(swings[i], Swing{ID: c.ID, Low: lo, High: hi, Set: isSet})
		}
	}
	for i, p := range out.Paths {
		sw := swings[i]
		slices.SortStableFunc(sw, func(a, b Swing) int {
			da, db := math.Abs(a.High-a.Low), math.Abs(b.High-b.Low)
			switch {
			case da > db:
				return -1
			case da < db:
				return 1
			}
			return 0
		})
		if len(sw) > tornadoTop {
			// The largest swings, and every parameter the reader set.
			kept := append([]Swing(nil), sw[:tornadoTop]...)
			for _, x := range sw[tornadoTop:] {
				if x.Set {
					kept = append(kept, x)
				}
			}
			sw = kept
		}
		out.Tornado[p] = sw
	}
	return out, nil
}

// percentile is the p-quantile of sorted values, linear between ranks.
func percentile(v []float64, p float64) float64 {
	if len(v) == 1 {
		return v[0]
	}
	x := p * float64(len(v)-1)
	i := int(x)
	if i >= len(v)-1 {
		return v[len(v)-1]
	}
	f := x - float64(i)
	return v[i] + f*(v[i+1]-v[i])
}

// eachDraw evaluates s with samples draws of the parameters ids from
// seed and hands each result to visit (a draw the model refuses, none
// should, is left out).
func eachDraw(s Scenario, ids []paramID, samples int, seed uint64, visit func(*Result)) error {
	given, err := resolveParams(s.Params) // valid: Evaluate read them
	if err != nil {
		return err
	}
	var (
		p paramSet
		r Result
	)
	pl := newDrawPlan()
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	dists := make([]distribution, len(ids))
	for j, id := range ids {
		dists[j] = distributionOf(&catalogue[id])
	}
	for n := 0; n < samples; n++ {
		p = given
		for j, id := range ids {
			p.v[id] = dists[j].at(rng.Float64())
		}
		calibrated(&p)
		if err := evaluateWith(pl, s, &p, &r); err != nil {
			continue
		}
		visit(&r)
	}
	return nil
}

// BandOf is the band of any number of a result over samples draws of the
// parameters the reader did not set, from seed: f reads it (false where a
// draw has none). It serves numbers no headline is, such as a difference
// of two stages. A draw's result has no scale_up.as_tech (see
// evaluateWith).
func BandOf(s Scenario, samples int, seed uint64, f func(*Result) (float64, bool)) (Band, error) {
	if samples < 1 || samples > MaxUncertaintySamples {
		return Band{}, refuse("samples", strconv.Itoa(samples), label.Msg("err.range", "low", "1", "high", strconv.Itoa(MaxUncertaintySamples)), "err.out_of_range")
	}
	base, err := Evaluate(s)
	if err != nil {
		return Band{}, err
	}
	var v []float64
	if err := eachDraw(s, drawn(&s), samples, seed, func(r *Result) {
		if x, ok := f(r); ok && !math.IsNaN(x) {
			v = append(v, x)
		}
	}); err != nil {
		return Band{}, err
	}
	b := Band{N: len(v), Default: math.NaN()}
	if d, ok := f(&base); ok {
		b.Default = d
	}
	if len(v) > 0 {
		slices.Sort(v)
		b.P5, b.P50, b.P95 = percentile(v, 0.05), percentile(v, 0.5), percentile(v, 0.95)
	}
	return b, nil
}

// TechReach is tier i's reach with technology t in r (0 where the tier
// has no such candidate).
func (r *Result) TechReach(i int, t Tech) Length {
	if i < 0 || i >= len(r.Tiers) {
		return 0
	}
	return stageReach(&r.Tiers[i], t)
}
