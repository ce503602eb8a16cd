package core

// The electrical paths of a lane rate, shared by its links, and the
// ends evaluated on them, cached.

// pathSet holds the electrical paths of one lane rate: every link at that
// rate shares them. A traced run builds them afresh where they are used,
// so that the parameters they read count for the number using them.
type pathSet struct {
	lane  laneSpec
	paths [numPaths]Path
	// ends caches the ends evaluated so far: an end does not depend on
	// the link's length, so the links of a plan share them.
	ends  [maxEnds]endEntry
	nEnds int
	// alpha caches the twinax loss per metre at the lane's Nyquist
	// frequency, by gauge (0: not yet).
	alpha [4]Attenuation
}

// twinax returns the loss per metre of a gauge at the lane's Nyquist
// frequency, once per plan (afresh when traced).
func (ps *pathSet) twinax(p *paramSet, awg int) Attenuation {
	i := -1
	for j, g := range Gauges {
		if g == awg && j < len(ps.alpha) {
			i = j
		}
	}
	if p.tracing() || i < 0 {
		return twinaxLoss(p, awg, ps.lane.Nyquist()).Total()
	}
	if ps.alpha[i] == 0 {
		ps.alpha[i] = twinaxLoss(p, awg, ps.lane.Nyquist()).Total()
	}
	return ps.alpha[i]
}

const maxEnds = 24

type endEntry struct {
	row   *techRow
	fiber *fiberRow
	lanes int
	res   EndResult
}

// endInto evaluates one end of a link into dst, once per lane (afresh
// when traced).
func (ps *pathSet) endInto(p *paramSet, t *techRow, fiber *fiberRow, lanes int, port BitRate, scope int, dst *EndResult) {
	if p.tracing() {
		ps.freshEnd(p, t, fiber, lanes, port, scope, dst)
		return
	}
	if t.cable {
		fiber = nil
	}
	for i := 0; i < ps.nEnds; i++ {
		if e := &ps.ends[i]; e.row == t && e.fiber == fiber && e.lanes == lanes {
			*dst = e.res
			return
		}
	}
	if ps.nEnds == maxEnds {
		ps.freshEnd(p, t, fiber, lanes, port, scope, dst)
		return
	}
	e := &ps.ends[ps.nEnds]
	ps.nEnds++
	e.row, e.fiber, e.lanes = t, fiber, lanes
	ps.freshEnd(p, t, fiber, lanes, port, scope, &e.res)
	*dst = e.res
}

// freshEnd evaluates an end with its lane's standard codes, uncached,
// into dst.
//
//go:noinline
func (ps *pathSet) freshEnd(p *paramSet, t *techRow, fiber *fiberRow, lanes int, port BitRate, scope int, dst *EndResult) {
	*dst = endOf(p, t, fiber, ps.lane, lanes, port, laneMode(ps.lane, t), scope)
}

// Shared lets evaluations with the same parameters share each lane's
// electrical paths and link ends, built once rather than once per
// evaluation: the figures' cluster chart evaluates ten cluster sizes, each
// with its six stage comparisons, and the copper chart a link per
// technology and lane rate, all with one scenario's parameters. What a
// result points to is only ever added to, so every result stays valid.
// The zero value is ready to use; a Shared is not safe for concurrent use.
// Evaluations with other parameters start it afresh.
type Shared struct {
	v          [numParams]float64
	overridden [numParams]bool
	used       bool
	sets       []*pathSet
	// recycle: the evaluations' results are read and dropped before the
	// next (uncertainty draws, each with parameters of its own), so the
	// paths of other parameters are built again in the same memory.
	recycle bool
	free    []*pathSet
}

// pathSet returns the paths of lane under p: sh's, when sh holds them for
// the same parameters, or new ones (kept by sh when there is one). A
// traced run's are always its own.
func (sh *Shared) pathSet(p *paramSet, lane laneSpec) *pathSet {
	if sh == nil || p.tracing() {
		return newPathSet(p, lane)
	}
	if !sh.used || sh.v != p.v || sh.overridden != p.overridden {
		if sh.recycle {
			sh.free = append(sh.free, sh.sets...)
		}
		clear(sh.sets)
		sh.v, sh.overridden, sh.used, sh.sets = p.v, p.overridden, true, sh.sets[:0]
	}
	for _, ps := range sh.sets {
		if ps.lane == lane {
			return ps
		}
	}
	var ps *pathSet
	if n := len(sh.free); n > 0 {
		ps, sh.free = sh.free[n-1], sh.free[:n-1]
		ps.init(p, lane)
	} else {
		ps = newPathSet(p, lane)
	}
	sh.sets = append(sh.sets, ps)
	return ps
}

// Evaluate is core.Evaluate sharing sh's paths (a nil sh shares none).
func (sh *Shared) Evaluate(s Scenario) (Result, error) {
	var r Result
	err := sh.EvaluateInto(s, &r)
	return r, err
}

// EvaluateInto is Evaluate writing into r, whose lists of tiers and
// stages it reuses: for a sweep that reads each result before the next
// (what r held before is overwritten, and so is anything that shares its
// lists; a scenario that cannot be evaluated leaves r as it was).
func (sh *Shared) EvaluateInto(s Scenario, r *Result) error {
	pl := &plan{shared: sh}
	if err := pl.build(s); err != nil {
		return err
	}
	pl.evaluateInto(r, true)
	return nil
}

// EvaluateTotals is core.EvaluateTotals sharing sh's paths (a nil sh
// shares none).
func (sh *Shared) EvaluateTotals(s Scenario) (Totals, error) {
	pl := &plan{shared: sh}
	if err := pl.build(s); err != nil {
		return Totals{}, err
	}
	return pl.totalsOnly(), nil
}

// EvaluateLink is core.EvaluateLink sharing sh's paths.
func (sh *Shared) EvaluateLink(l Link) (LinkResult, error) { return evaluateLink(sh, l) }

func newPathSet(p *paramSet, lane laneSpec) *pathSet {
	ps := new(pathSet)
	ps.init(p, lane)
	return ps
}

// init builds ps afresh for lane under p.
func (ps *pathSet) init(p *paramSet, lane laneSpec) {
	*ps = pathSet{lane: lane}
	for k := pathKind(0); k < numPaths; k++ {
		buildPath(p, k, lane, &ps.paths[k])
	}
}

// get returns path k (a fresh one when tracing).
func (ps *pathSet) get(p *paramSet, k pathKind) *Path {
	if p.tracing() {
		var fresh Path
		buildPath(p, k, ps.lane, &fresh)
		return &fresh
	}
	return &ps.paths[k]
}

// endPath returns the electrical path of an optical end: from the ASIC die
// to where the signal becomes light.
func (ps *pathSet) endPath(p *paramSet, t *techRow) *Path { return ps.get(p, t.hostPath) }
