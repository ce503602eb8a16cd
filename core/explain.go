package core

import (
	"strconv"
	"strings"

	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/wire"
)

// Explanation says how one result number was computed: the formula, the
// inputs it took (other result numbers, with their paths) and the catalogue
// parameters read on the way (with their sources). It comes from a traced
// run of the code that computed the number (see trace.go), so it cannot
// drift from the code.
type Explanation struct {
	Path    string     `json:"path"`
	Key     string     `json:"key"` // the field's key: its label's key in core/label
	Label   string     `json:"label"`
	Value   any        `json:"value"` // number or bool, as in the result JSON
	Unit    string     `json:"unit"`
	Text    string     `json:"text"` // the value with its unit, for reading
	Formula string     `json:"formula"`
	Example string     `json:"example,omitempty"` // the formula with the reader's numbers
	Inputs  []Term     `json:"inputs"`
	Params  []ParamUse `json:"params"`
	Note    string     `json:"note,omitempty"`
}

// Term is one input of a formula.
type Term struct {
	Name  string  `json:"name"` // its symbol in the formula
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	Text  string  `json:"text"`           // the value with its unit, for reading
	Path  string  `json:"path,omitempty"` // where it sits in the result, if it is there
	Key   string  `json:"key,omitempty"`  // its field's key, when it is a result number
}

// ParamUse is a catalogue parameter as one evaluation used it.
type ParamUse struct {
	_           noCompare
	ID          string     `json:"id"`
	Name        string     `json:"name"`
	Value       float64    `json:"value"`
	Default     float64    `json:"default"`
	Unit        string     `json:"unit"`
	Text        string     `json:"text"`         // the value with its unit, for reading
	DefaultText string     `json:"default_text"` // the default so
	Grade       string     `json:"grade"`        // confidence and kind in words
	Overridden  bool       `json:"overridden"`
	Kind        Kind       `json:"kind"`
	Confidence  Confidence `json:"confidence"`
	Source      string     `json:"source"`
	URL         string     `json:"url,omitempty"`
	Note        string     `json:"note,omitempty"`
}

// ---- Owners: the code that computes a group of numbers -----------------

type ownerKind uint8

const (
	ownPlan      ownerKind = iota // the layout: ports, tiers, the lane
	ownLink                       // one link's evaluation
	ownTier                       // one tier of a cluster
	ownScaleUp                    // the scale-up domains of a cluster
	ownTotals                     // a cluster's totals
	ownCandidate                  // a technology auto considered, or the domains as one technology
	ownStage                      // a by_stage comparison
)

// owner is a piece of the evaluation that can be re-run on its own.
type owner struct {
	kind   ownerKind
	stage  int // -1: the scenario's own cluster; else the by_stage index
	index  int // the tier (-1: the scale-up domain, for candidates)
	cand   int
	asTech bool
	link   linkKey // ownLink
	prefix string  // its place in the result, with a trailing dot
	placed bool    // it has a place in the result
}

func ownerOfPlan() owner { return planOwner }

// planOwner is the layout's owner.
var planOwner = owner{kind: ownPlan, stage: -1, placed: true}

func ownerOfLink(k linkKey, prefix string) owner {
	return owner{kind: ownLink, stage: -1, link: k, prefix: prefix, placed: prefix != ""}
}

func ownerOfTier(stage, i int) owner {
	return owner{kind: ownTier, stage: stage, index: i, prefix: "tiers[" + strconv.Itoa(i) + "].", placed: stage < 0}
}

func ownerOfScaleUp(stage int) owner {
	return owner{kind: ownScaleUp, stage: stage, index: -1, prefix: "scale_up.", placed: stage < 0}
}

func ownerOfTotals(stage int) owner {
	o := owner{kind: ownTotals, stage: stage, prefix: "totals.", placed: true}
	if stage >= 0 {
		o.prefix = "by_stage[" + strconv.Itoa(stage) + "].totals."
	}
	return o
}

func ownerOfCandidate(stage, tier, cand int, asTech bool, prefix string) owner {
	if prefix != "" && strings.HasPrefix(prefix, "scale_up.") {
		tier = -1
	}
	return owner{kind: ownCandidate, stage: stage, index: tier, cand: cand, asTech: asTech, prefix: prefix, placed: prefix != ""}
}

// linkPrefix is where the owner's link sits in the result.
func (o owner) linkPrefix() string {
	if o.placed && (o.kind == ownTier || o.kind == ownScaleUp) {
		return o.prefix + "link."
	}
	return ""
}

// path returns where number k of the owner sits in the result, or "".
func (o owner) path(k traceKey) string {
	if !o.placed || k.f == nil {
		return ""
	}
	if o.kind != ownLink {
		if o.kind == ownPlan && laneObject.has(k.f) {
			return "lane." + k.f.Name
		}
		return o.prefix + k.f.Name
	}
	p := o.prefix
	mixed := o.link.near != o.link.far
	switch {
	case k.scope >= scopeFarSeg:
		if !mixed {
			return ""
		}
		return p + "far_end.path[" + strconv.Itoa(k.scope-scopeFarSeg) + "]." + k.f.Name
	case k.scope >= scopeSegment:
		return p + "breakdown.path[" + strconv.Itoa(k.scope-scopeSegment) + "]." + k.f.Name
	case k.scope == scopeNear:
		if energyObject.has(k.f) {
			return p + "breakdown.energy_pj_per_bit." + k.f.Name
		}
		for _, f := range linkObject.fields {
			if f.alias != nil && f.Name == k.f.Name || (k.f == &efFIT && f == &lfFITPerEnd) {
				return p + f.Name
			}
		}
		return ""
	case k.scope == scopeFar:
		if !mixed {
			return ""
		}
		if energyObject.has(k.f) {
			return p + "far_end.energy_pj_per_bit." + k.f.Name
		}
		return p + "far_end." + k.f.Name
	}
	if latencyObject.has(k.f) {
		return p + "breakdown.latency_ns." + k.f.Name
	}
	return p + k.f.Name
}

func (o *object) has(f *Field) bool {
	for _, x := range o.fields {
		if x == f {
			return true
		}
	}
	return false
}

// run re-runs the owner's code on the plan's parameters (which carry the
// tracer).
func (o owner) run(pl *plan) {
	p := &pl.p
	quiet := func(f func()) { tr := p.tr; p.tr = nil; f(); p.tr = tr }
	switch o.kind {
	case ownPlan:
		pl.layout()
	case ownLink:
		if o.link.near == nil {
			return
		}
		evalLink(p, o.link.spec(pl.laneOf(o.link)), pl.pathsOf(o.link))
	case ownTier:
		a := pl.assignment(o.stage)
		if o.index < pl.tree.tiers {
			pl.tier(o.index, a.tiers[o.index], a.nic, a.only)
		}
	case ownScaleUp:
		a := pl.assignment(o.stage)
		pl.scaleUpResult(a.scaleUp, a.only)
	case ownTotals:
		a := pl.assignment(o.stage)
		var tiers [MaxTiers]TierResult
		var su ScaleUpResult
		quiet(func() {
			for i := 0; i < pl.tree.tiers; i++ {
				tiers[i] = pl.tier(i, a.tiers[i], a.nic, a.only)
			}
			su = pl.scaleUpResult(a.scaleUp, a.only)
		})
		pl.totals(tiers[:pl.tree.tiers], &su)
	case ownCandidate:
		a := pl.assignment(o.stage)
		var links int
		var l *LinkResult
		quiet(func() {
			su := pl.scaleUpResult(a.scaleUp, a.only)
			switch {
			case o.asTech && o.cand < len(Techs):
				links, l = su.Links, pl.link(pl.scaleUpSpec(Techs[o.cand]))
			case o.index < 0 && o.cand < su.nCandidates:
				links, l = su.Links, pl.link(pl.scaleUpSpec(su.Candidates[o.cand].Tech))
			case o.index >= 0 && o.index < pl.tree.tiers:
				tr := pl.tier(o.index, a.tiers[o.index], a.nic, a.only)
				if o.cand < tr.nCandidates {
					links, l = tr.Links, pl.link(pl.tierLink(o.index, tr.Candidates[o.cand].Tech, a.nic))
				}
			}
		})
		if l != nil {
			candidateOf(p, links, l)
		}
	case ownStage:
		m := p.open(0)
		p.computes(&bkTier, "the tier's position from the GPUs, 1 first; 0 for the scale-up domain")
		p.close(m)
	}
}

// ---- The traced run's record ---------------------------------------------

// keyRec is what one traced run learnt of one number.
type keyRec struct {
	used tracker
	deps []traceDep
}

func (p *paramSet) owner() owner {
	if p.tr == nil {
		return owner{}
	}
	return p.tr.owner
}

// depLink records an input that is a number of a link this code uses.
func (p *paramSet) depLink(sym string, v float64, unit string, k *linkKey, scope int, f *Field) {
	if p.tr != nil {
		p.tr.depLink(sym, v, unit, k, scope, f)
	}
}

func (t *tracer) depLink(sym string, v float64, unit string, k *linkKey, scope int, f *Field) {
	{
		o := ownerOfLink(*k, t.owner.linkPrefix())
		t.depOf(sym, v, unit, &o, traceKey{scope, f})
	}
}

// depTier records an input that is a number of tier i of the same cluster.
func (p *paramSet) depTier(sym string, v float64, unit string, i int, f *Field) {
	if p.tr != nil {
		p.tr.depTier(sym, v, unit, i, f)
	}
}

func (t *tracer) depTier(sym string, v float64, unit string, i int, f *Field) {
	{
		o := ownerOfTier(t.owner.stage, i)
		t.depOf(sym, v, unit, &o, traceKey{0, f})
	}
}

// depSU records an input that is a number of the same cluster's scale-up
// domains.
func (p *paramSet) depSU(sym string, v float64, unit string, f *Field) {
	if p.tr != nil {
		p.tr.depSU(sym, v, unit, f)
	}
}

func (t *tracer) depSU(sym string, v float64, unit string, f *Field) {
	{
		o := ownerOfScaleUp(t.owner.stage)
		t.depOf(sym, v, unit, &o, traceKey{0, f})
	}
}

// maxReruns bounds the owners one explanation re-runs.
const maxReruns = 64

// trace explains target t of the plan: its formula and inputs from a
// traced re-run of its owner, and the parameters read by it and by every
// number it was computed from, each owner re-run once.
func (pl *plan) trace(t target) (formula string, inputs []Term, used tracker) {
	runs := map[owner]*tracer{}
	get := func(o owner, tk traceKey) *tracer {
		if tr, ok := runs[o]; ok || len(runs) >= maxReruns {
			return tr
		}
		tr := &tracer{owner: o, target: tk, stack: make([]frame, 0, 8), keys: make([]traceKey, 0, 64), recs: make([]keyRec, 0, 64)}
		pl.p.tr = tr
		o.run(pl)
		pl.p.tr = nil
		runs[o] = tr
		return tr
	}
	first := get(t.owner, t.key)
	seen := map[traceDep]bool{}
	var visit func(o owner, k traceKey)
	visit = func(o owner, k traceKey) {
		d := traceDep{owner: o, key: k}
		if seen[d] {
			return
		}
		seen[d] = true
		tr := get(o, traceKey{-1, nil})
		if tr == nil {
			return
		}
		rec := tr.lookup(k)
		if rec == nil {
			return
		}
		used.or(&rec.used)
		for _, x := range rec.deps {
			visit(x.owner, x.key)
		}
	}
	visit(t.owner, t.key)
	return first.formula, first.inputs, used
}

// ---- Explain ---------------------------------------------------------

// Explain says how the number at path in Evaluate(s) was computed. Paths
// follow the result JSON: "totals.interconnect_watts", "tiers[1].watts",
// "tiers[0].link.breakdown.energy_pj_per_bit.laser", "scale_up.pairs",
// "by_stage[3].totals.interconnect_watts". It evaluates the scenario once
// and re-runs only the code behind that number.
func Explain(c *label.Catalogue, s Scenario, path string) (Explanation, error) {
	var pl plan
	if err := pl.build(s); err != nil {
		return Explanation{}, err
	}
	keys, err := parsePath(path)
	if err != nil {
		return Explanation{}, err
	}
	if keys[0].key == "scenario" {
		return explainInput(c, pl.s, path, keys)
	}
	r := pl.evaluateParts(keys[0].key == "by_stage")
	lf, err := find(&r, keys)
	if err != nil {
		return Explanation{}, refuseText("path", quote(path), label.Msg("err.path_allowed"), pathWhy(err))
	}
	return pl.explainLeaf(c, path, &lf), nil
}

func (pl *plan) explainLeaf(c *label.Catalogue, path string, lf *leaf) Explanation {
	e := Explanation{Path: path, Key: lf.f.Key, Label: lf.f.Label(c), Value: lf.value(), Unit: lf.f.Unit, Inputs: []Term{}, Params: []ParamUse{}}
	e.Text = valueText(c, e.Value, e.Unit)
	formula, inputs, used := pl.trace(lf.target())
	// The formulas and their inputs' names are the code's own English; a
	// translation keys its words by them ("formula.<English>").
	e.Formula = c.Or("formula."+formula, formula)
	if formula == "" {
		e.Formula = c.Get("formula.input")
	}
	if inputs != nil {
		e.Inputs = inputs
	}
	for i := range e.Inputs {
		e.Inputs[i].Text = valueText(c, e.Inputs[i].Value, e.Inputs[i].Unit)
		if w, ok := c.Numbered("term." + e.Inputs[i].Name); ok {
			e.Inputs[i].Name = w
		}
	}
	e.Example = example(&e)
	e.Params = paramUses(c, &pl.p, &used)
	return e
}

// example writes the formula's worked example: its inputs with the
// reader's numbers, then the result.
func example(e *Explanation) string {
	if len(e.Inputs) == 0 || e.Text == "" {
		return ""
	}
	var b strings.Builder
	for i, t := range e.Inputs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(t.Name + " = " + t.Text)
	}
	lhs := e.Formula
	if i := strings.Index(lhs, " = "); i > 0 && i < 40 {
		lhs = lhs[:i]
	} else {
		lhs = e.Label
	}
	b.WriteString(" → " + lhs + " = " + e.Text)
	return b.String()
}

// explainInput explains a number of the scenario itself: an input.
func explainInput(c *label.Catalogue, s Scenario, path string, keys []pathKey) (Explanation, error) {
	var w wire.W
	writeObject(&w, scenarioFields, &s, nil)
	doc, err := wire.Parse(w.B)
	if err != nil {
		return Explanation{}, err
	}
	cur := &doc // at keys[0], "scenario"
	for _, k := range keys[1:] {
		if cur == nil {
			break
		}
		switch {
		case cur.Kind == wire.Object && k.index < 0:
			cur, _ = cur.Get(k.key)
		case cur.Kind == wire.List && k.index >= 0 && k.index < len(cur.Items):
			cur = &cur.Items[k.index]
		default:
			cur = nil
		}
	}
	bad := refuse("path", quote(path), label.Msg("err.path_allowed"), "err.path_no_number")
	var value any
	switch {
	case cur != nil && cur.Kind == wire.Bool:
		value = cur.True
	case cur != nil && cur.Kind == wire.Number:
		f, ok := cur.Float()
		if !ok {
			return Explanation{}, bad
		}
		value = f
	default:
		return Explanation{}, bad
	}
	e := Explanation{Path: path, Key: "scenario", Label: c.Get("field.scenario"), Value: value, Formula: c.Get("formula.input"), Inputs: []Term{}, Params: []ParamUse{}}
	e.Text = valueText(c, value, "")
	return e, nil
}

// ExplainLink says how one number of EvaluateLink(l) was computed; field is
// a path in the link result JSON ("max_reach_m", "breakdown.energy_pj_per_bit.laser").
func ExplainLink(c *label.Catalogue, l Link, field string) (Explanation, error) {
	var pl plan
	var err error
	if pl.p, err = resolveParams(l.Params); err != nil {
		return Explanation{}, err
	}
	s, err := checkLink(&pl.p, l, "")
	if err != nil {
		return Explanation{}, err
	}
	pl.paths = newPathSet(&pl.p, s.lane)
	r := evalLink(&pl.p, s, pl.paths)
	keys, err := parsePath(field)
	if err != nil {
		return Explanation{}, err
	}
	pl.lane = s.lane
	root := owner{kind: ownLink, stage: -1, link: s.key(), placed: true}
	lf, err := findFrom(cursor{link: &r, stageIdx: -1, owner: target{root, traceKey{scopeLink, nil}}}, linkObject, keys)
	if err != nil {
		return Explanation{}, refuseText("path", quote(field), label.Msg("err.link_path_allowed"), pathWhy(err))
	}
	return pl.explainLeaf(c, field, &lf), nil
}

func paramUses(lang *label.Catalogue, p *paramSet, tr *tracker) []ParamUse {
	out := []ParamUse{}
	for _, id := range tr.ids() {
		c := &catalogue[id]
		out = append(out, ParamUse{ID: c.ID, Name: c.Title(lang), Value: p.v[id], Default: c.Default, Unit: c.Unit,
			Text: paramText(lang, p.v[id], c.Unit), DefaultText: paramText(lang, c.Default, c.Unit), Grade: Grade(lang, c.Confidence, c.Kind),
			Overridden: p.overridden[id], Kind: c.Kind, Confidence: c.Confidence, Source: c.Cited(lang), URL: c.URL, Note: c.Remark(lang)})
	}
	return out
}

// paramText writes a parameter's value with its unit, as a reader reads
// it (a pure number without the "1").
func paramText(c *label.Catalogue, v float64, unit string) string {
	if unit == "1" || unit == "" {
		return c.Number(v, 4)
	}
	return c.Number(v, 4) + " " + unit
}

// Grade says in words how sure a parameter's value is and how it was
// obtained: "standard or datasheet, sourced".
func Grade(lang *label.Catalogue, c Confidence, k Kind) string {
	return lang.Get("confidence."+string(c)) + ", " + lang.Get("kind."+string(k))
}

type pathKey struct {
	key   string
	index int // -1 when the key is a name
}

// parsePath splits "tiers[1].link.max_reach_m" into keys.
func parsePath(path string) ([]pathKey, error) {
	if path == "" || len(path) > 200 {
		return nil, refuse("path", quote(path), label.Msg("err.path_dotted"), "err.path_length")
	}
	var keys []pathKey
	for _, part := range strings.Split(path, ".") {
		name := part
		var idx []int
		for {
			open := strings.IndexByte(name, '[')
			if open < 0 {
				break
			}
			close := strings.IndexByte(name[open:], ']')
			if close < 0 {
				return nil, refuse("path", quote(path), label.Msg("err.path_indices"), "err.path_bracket")
			}
			n, err := strconv.Atoi(name[open+1 : open+close])
			if err != nil || n < 0 {
				return nil, refuse("path", quote(path), label.Msg("err.path_indices"), "err.path_index")
			}
			idx = append(idx, n)
			rest := name[open+close+1:]
			name = name[:open] + rest
		}
		if name == "" {
			return nil, refuse("path", quote(path), label.Msg("err.path_dotted"), "err.path_empty_part")
		}
		keys = append(keys, pathKey{key: name, index: -1})
		for _, n := range idx {
			keys = append(keys, pathKey{index: n})
		}
	}
	return keys, nil
}

// pathErr is why a path names no number of a result: its words, written
// where the error is shown.
type pathErr struct{ why label.Text }

func (e pathErr) Error() string { return label.English.Say(e.why) }

// pathWhy is the words of a path's error.
func pathWhy(err error) label.Text {
	if pe, ok := err.(pathErr); ok {
		return pe.why
	}
	return label.Plain(err.Error())
}

// valueText writes a value with its unit, as the page shows it.
func valueText(c *label.Catalogue, v any, unit string) string {
	switch x := v.(type) {
	case bool:
		if x {
			return c.Get("yes")
		}
		return c.Get("no")
	case float64:
		if unit == "" {
			return c.Exact(x)
		}
		return c.Quantity(x, unit)
	case nil:
		return c.Get("none")
	}
	return ""
}
