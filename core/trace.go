package core

// Tracing: how Explain learns what produced a number. The code that
// computes the result announces, as it goes, which number it is computing
// (at), the formula it applies (formula) and the values it takes (in, dep).
// In a normal evaluation the paramSet has no tracer and each of these is a
// nil check. Explain re-runs the same code with a tracer that wants one
// number: the tracer keeps the formula and inputs of that number, counts
// the catalogue parameters read while it (or anything it calls) is being
// computed, and follows the numbers it was computed from.

// traceKey names one number within the code that computes it: the field,
// and the scope it is in (the near or far end of a link, a path segment).
type traceKey struct {
	scope int
	f     *Field
}

// Scopes of a link's evaluation: the link itself, its two ends, and the
// segments of its near and far electrical paths.
const (
	scopeLink    = 0
	scopeNear    = 1
	scopeFar     = 2
	scopeSegment = 100 // + index: a segment of the link's path
	scopeFarSeg  = 200 // + index: a segment of the far end's path
)

type frame struct {
	key traceKey
	rec *keyRec // nil until at() names the number
}

// traceDep is a number another was computed from: a field of an owner.
type traceDep struct {
	owner owner
	key   traceKey
}

// tracer records one traced run of an owner's code: for every number the
// code computes, the parameters read while computing it (and whatever it
// called) and the numbers it took; for the target, its formula and inputs.
type tracer struct {
	all     bool    // count every read in allUsed (the catalogue's own test)
	allUsed tracker //
	owner   owner   // what is being re-run, for the inputs' paths
	target  traceKey
	stack   []frame
	keys    []traceKey // the numbers computed, and their records
	recs    []keyRec

	formula string
	inputs  []Term
}

// read counts a parameter read for every number being computed.
func (t *tracer) read(id paramID) {
	if t.all {
		t.allUsed.mark(id)
	}
	for i := range t.stack {
		if r := t.stack[i].rec; r != nil {
			r.used.mark(id)
		}
	}
}

// open starts a function that computes numbers in a scope (-1: the
// caller's); it returns the mark close takes.
func (p *paramSet) open(scope int) int {
	if p.tr == nil {
		return 0
	}
	return p.tr.open(scope)
}

//go:noinline
func (t *tracer) open(scope int) int {
	if scope < 0 {
		scope = t.scope()
	}
	t.stack = append(t.stack, frame{key: traceKey{scope: scope}})
	return len(t.stack)
}

// quiet starts a stretch of code whose reads count for the numbers being
// computed but which records no formula or input of its own (a path built
// afresh for a traced reach).
func (p *paramSet) quiet() int {
	t := p.tr
	if t == nil {
		return 0
	}
	t.stack = append(t.stack, frame{key: traceKey{scope: -1}})
	return len(t.stack)
}

// close ends the function opened at mark.
func (p *paramSet) close(mark int) {
	if p.tr != nil && mark > 0 {
		p.tr.close(mark)
	}
}

//go:noinline
func (t *tracer) close(mark int) {
	if len(t.stack) >= mark {
		t.stack = t.stack[:mark-1]
	}
}

// at says that what follows computes field f, in the current scope.
func (p *paramSet) at(f *Field) {
	if p.tr != nil {
		p.tr.at(f)
	}
}

//go:noinline
func (t *tracer) at(f *Field) {
	if len(t.stack) == 0 {
		return
	}
	top := &t.stack[len(t.stack)-1]
	top.key.f = f
	top.rec = t.record(top.key)
}

// record returns the record of number k, made on first use.
func (t *tracer) record(k traceKey) *keyRec {
	for i := range t.keys {
		if t.keys[i] == k {
			return &t.recs[i]
		}
	}
	if len(t.recs) == cap(t.recs) {
		// The records move: frames keep indices, not pointers, across
		// the copy.
		recs := make([]keyRec, len(t.recs), 2*cap(t.recs)+64)
		copy(recs, t.recs)
		t.recs = recs
		for i := range t.stack {
			if t.stack[i].rec != nil {
				for j := range t.keys {
					if t.keys[j] == t.stack[i].key {
						t.stack[i].rec = &t.recs[j]
					}
				}
			}
		}
	}
	t.keys = append(t.keys, k)
	t.recs = append(t.recs, keyRec{})
	return &t.recs[len(t.recs)-1]
}

// lookup returns the record of number k, or nil.
func (t *tracer) lookup(k traceKey) *keyRec {
	for i := range t.keys {
		if t.keys[i] == k {
			return &t.recs[i]
		}
	}
	return nil
}

func (t *tracer) scope() int {
	if len(t.stack) == 0 {
		return scopeLink
	}
	return t.stack[len(t.stack)-1].key.scope
}

// atTarget reports whether the innermost number is the one explained.
func (t *tracer) atTarget() bool {
	return len(t.stack) > 0 && t.stack[len(t.stack)-1].key == t.target
}

// wanting reports whether a number is being computed.
func (t *tracer) wanting() bool {
	return len(t.stack) > 0 && t.stack[len(t.stack)-1].rec != nil
}

// computes says that what follows computes field f by the formula
// given: at and formula in one.
func (p *paramSet) computes(f *Field, formula string) {
	if p.tr != nil {
		p.tr.at(f)
		p.tr.setFormula(formula)
	}
}

// formula records the formula of the number being computed.
func (p *paramSet) formula(f string) {
	if p.tr != nil {
		p.tr.setFormula(f)
	}
}

//go:noinline
func (t *tracer) setFormula(f string) {
	if t.atTarget() {
		t.formula = f
	}
}

// in records an input of the formula: a symbol, its value and unit (the
// units of the contract: m, mm, ns, pJ/bit, W, dB, ...).
func (p *paramSet) in(sym string, v float64, unit string) {
	if p.tr != nil {
		p.tr.in(sym, v, unit)
	}
}

//go:noinline
func (t *tracer) in(sym string, v float64, unit string) {
	if t.atTarget() {
		t.input(Term{Name: sym, Value: v, Unit: unit})
	}
}

// input adds a term once (code computed twice records it twice).
func (t *tracer) input(term Term) {
	for _, x := range t.inputs {
		if x == term {
			return
		}
	}
	t.inputs = append(t.inputs, term)
}

// dep records an input that is itself a number computed by the same code,
// in scope (-1: the current one): its parameters count too.
func (p *paramSet) dep(sym string, v float64, unit string, scope int, f *Field) {
	if p.tr != nil {
		p.tr.dep(sym, v, unit, scope, f)
	}
}

func (t *tracer) dep(sym string, v float64, unit string, scope int, f *Field) {
	if !t.wanting() {
		return
	}
	if scope < 0 {
		scope = t.scope()
	}
	t.depOf(sym, v, unit, &t.owner, traceKey{scope, f})
}

// depOf records an input that is a number of another owner (the link of a
// tier, a tier of the totals).
func (p *paramSet) depOf(sym string, v float64, unit string, o *owner, k traceKey) {
	if p.tr != nil {
		p.tr.depOf(sym, v, unit, o, k)
	}
}

func (t *tracer) depOf(sym string, v float64, unit string, o *owner, k traceKey) {
	if !t.wanting() {
		return
	}
	top := &t.stack[len(t.stack)-1]
	top.rec.deps = append(top.rec.deps, traceDep{owner: *o, key: k})
	if t.atTarget() {
		t.input(Term{Name: sym, Value: v, Unit: unit, Path: o.path(k), Key: k.f.Key})
	}
}

// tracing reports whether the run is traced (code that would otherwise
// reuse a shared value recomputes it, so its parameters are read in scope).
func (p *paramSet) tracing() bool { return p.tr != nil }
