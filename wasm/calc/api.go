// Command calc is the calculator's WebAssembly: a thin JavaScript API over
// core, installed as window.cpocalc. Each call takes the contract's JSON and
// returns JSON; bad input comes back as {"error": {...}} and no input can
// panic the runtime. Build it with GOOS=js GOARCH=wasm (go run ./build does).
package main

import (
	"errors"
	"strconv"
	"unsafe"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/figures"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/report"
	"github.com/cpocalc/cpocalc/core/scene"
	"github.com/cpocalc/cpocalc/core/wire"
)

// lang is the page's language (setLang): every word and number the API
// writes is in it. The model computes without one.
var lang = label.English

// errorJSON writes the error object every call returns on failure
// (core.ErrorJSON).
func errorJSON(err error) string { return errorsJSON(err, nil) }

// errorsJSON is errorJSON with every problem of the input, when there are
// several, so that a form can mark each of its bad fields.
func errorsJSON(err error, all []*core.InputError) string {
	return string(core.ErrorJSON(lang, err, all))
}

// guard runs f and turns a panic into an error object: a panic would kill
// the WebAssembly runtime and the page with it.
func guard(f func() (string, error)) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = errorJSON(errors.New("internal error (please report it): " + panicText(r)))
		}
	}()
	s, err := f()
	if err != nil {
		return errorJSON(err)
	}
	return s
}

func panicText(r any) string {
	switch v := r.(type) {
	case error:
		return v.Error()
	case string:
		return v
	}
	return "unknown"
}

// marshal writes an answer: every answer writes its own JSON
// (wire.Marshaler: no reflection, so no encoding/json in this binary).
func marshal(v wire.Marshaler) (string, error) {
	b, err := v.MarshalJSON()
	return string(b), err
}

// object writes {"key": v}.
func object(key string, v wire.Marshaler) (string, error) {
	b, err := v.MarshalJSON()
	if err != nil {
		return "", err
	}
	return "{" + string(wire.AppendString(nil, key)) + ":" + string(b) + "}", nil
}

// text is a string answer's JSON.
type text string

func (t text) MarshalJSON() ([]byte, error) { return wire.AppendString(nil, string(t)), nil }

// raw is JSON already written.
type raw []byte

func (r raw) MarshalJSON() ([]byte, error) { return r, nil }

// lastScenario is the scenario of the last successful evaluate, which
// explain uses when it is given none.
var lastScenario = core.DefaultScenario()

// parseScenario reads a scenario's JSON; no argument at all (a JavaScript
// null or undefined arrives as "") is the default scenario, but a text
// that says null (a file) is no scenario.
func parseScenario(in string) (core.Scenario, error) {
	if in == "" {
		return core.DefaultScenario(), nil
	}
	return core.ParseScenario([]byte(in))
}

// given reports whether an optional argument was passed (JavaScript's
// undefined and null arrive as text).
func given(arg string) bool { return arg != "" && arg != "null" && arg != "undefined" }

// evaluateIn parses a scenario argument and evaluates it.
func evaluateIn(in string) (core.Result, error) {
	s, err := parseScenario(in)
	if err != nil {
		return core.Result{}, err
	}
	return core.Evaluate(s)
}

// evaluate: scenario JSON (fields left out take their defaults) -> result.
func evaluate(in string) string {
	return guard(func() (string, error) {
		s, err := parseScenario(in)
		if err != nil {
			return "", err
		}
		r, err := core.Evaluate(s)
		if err != nil {
			return "", err
		}
		lastScenario = s
		return marshal(r)
	})
}

// evaluateLink: link JSON -> link result.
func evaluateLink(in string) string {
	return guard(func() (string, error) {
		l, err := core.ParseLink([]byte(in))
		if err != nil {
			return "", err
		}
		r, err := core.EvaluateLink(l)
		if err != nil {
			return "", err
		}
		return marshal(r)
	})
}

// sweep: scenario JSON, an input (core.SweepInputs' key), a headline
// (core.SweepHeadlines) and a number of points -> core.Sweep's JSON.
func sweep(in, input, headline, points string) string {
	return guard(func() (string, error) {
		s, err := parseScenario(in)
		if err != nil {
			return "", err
		}
		n := 25
		if given(points) {
			if n, err = strconv.Atoi(points); err != nil {
				return "", &core.InputError{Field: "points", Value: label.Plain(quoteArg(points)), Allowed: label.Msg("err.whole_range", "low", "2", "high", strconv.Itoa(core.MaxSweepPoints)), Reason: label.Msg("err.not_whole")}
			}
		}
		r, err := core.Sweep(lang, s, input, headline, n)
		if err != nil {
			return "", err
		}
		return marshal(r)
	})
}

// quantity writes v in the page's language: with its unit, or, with no
// unit, as a count.
func quantity(v float64, unit string) string {
	if unit == "" {
		return lang.Exact(v)
	}
	return lang.Quantity(v, unit)
}

// defaults: the default scenario.
func defaults() string {
	return guard(func() (string, error) { return marshal(core.DefaultScenario()) })
}

// encode: scenario JSON -> {"permalink": "1...."}.
func encode(in string) string {
	return guard(func() (string, error) {
		s, err := parseScenario(in)
		if err != nil {
			return "", err
		}
		link, err := core.EncodePermalink(s)
		if err != nil {
			return "", err
		}
		return object("permalink", text(link))
	})
}

// decode: a link (a permalink, or a comparison's: B's with A's pairs
// after it) -> {"scenario": B, "pinned": A or null}. A mistake of A's
// says so ("side": "a").
func decode(link string) string {
	return guard(func() (string, error) {
		b, a, err := core.DecodePair(link)
		if err != nil {
			return "", err
		}
		_, made := core.SplitVersion(link)
		return string(wire.Marshal(&decoded{b, a, made}, decodedWire)), nil
	})
}

type decoded struct {
	b    core.Scenario
	a    *core.Scenario
	made string // the model version the link was made with ("" for none)
}

var decodedWire = []wire.Field[*decoded]{
	{Name: "scenario", Put: func(w *wire.W, d *decoded) { w.JSON(d.b) }},
	{Name: "model_version", Put: func(w *wire.W, d *decoded) { w.Str(core.ModelVersion) }},
	{Name: "made_with", Put: func(w *wire.W, d *decoded) { w.Str(d.made) }, When: func(d *decoded) bool { return d.made != "" && d.made != core.ModelVersion }},
	{Name: "pinned", Put: func(w *wire.W, d *decoded) {
		if d.a == nil {
			w.Null()
			return
		}
		w.JSON(*d.a)
	}},
}

// explain: a result path (and a scenario, or the last evaluated one) ->
// the explanation of that number.
func explain(path, scenario string) string {
	return guard(func() (string, error) {
		s := lastScenario
		if given(scenario) {
			var err error
			if s, err = core.ParseScenario([]byte(scenario)); err != nil {
				return "", err
			}
		}
		e, err := core.Explain(lang, s, path)
		if err != nil {
			return "", err
		}
		return marshal(e)
	})
}

// uncertainty: scenario JSON, a sample count and a seed (as the page's
// numbers give them: text) -> core.Uncertainty's JSON.
func uncertainty(in, samples, seed string) string {
	return guard(func() (string, error) {
		_, u, err := runUncertainty(in, samples, seed)
		if err != nil {
			return "", err
		}
		return marshal(u)
	})
}

// bands: the same arguments -> {"words": {path: "90 % of … between …"},
// "sure": "Over 2,000 draws …", "bars": [{"stage", "name", "gpus", "low",
// "high"}] (the cluster chart's error bars, MW), "tornado": [{"path", "title", "unit",
// "default", "ids", "names", "low", "high", "words", "table"}]}: how sure
// each headline figure is, in how many draws the reader's questions come
// out yes, and what moves each headline most.
func bands(in, samples, seed string) string {
	return guard(func() (string, error) {
		s, u, err := runUncertainty(in, samples, seed)
		if err != nil {
			return "", err
		}
		r, err := core.Evaluate(s)
		if err != nil {
			return "", err
		}
		a := bandsAnswer{words: report.In(lang).BandWords(&r, &u), sure: report.In(lang).SureWords(&u), bars: figures.ClusterBars(lang, &r, &u), tornado: report.In(lang).Tornadoes(&r, &u)}
		return string(wire.Marshal(&a, bandsWire)), nil
	})
}

// bandsAnswer is bands' answer.
type bandsAnswer struct {
	words   map[string]string
	sure    string
	bars    []figures.RangeBar
	tornado []report.TornadoParts
}

var bandsWire = []wire.Field[*bandsAnswer]{
	{Name: "words", Put: func(w *wire.W, a *bandsAnswer) { w.StrMap(a.words) }},
	{Name: "sure", Put: func(w *wire.W, a *bandsAnswer) { w.Str(a.sure) }},
	{Name: "bars", Put: func(w *wire.W, a *bandsAnswer) { wire.WriteList(w, a.bars, figures.RangeBarWire) }},
	{Name: "tornado", Put: func(w *wire.W, a *bandsAnswer) { wire.WriteList(w, a.tornado, report.TornadoPartsWire) }},
}

func runUncertainty(in, samples, seed string) (core.Scenario, core.UncertaintyResult, error) {
	s, err := parseScenario(in)
	if err != nil {
		return s, core.UncertaintyResult{}, err
	}
	n, err := strconv.Atoi(samples)
	if err != nil {
		return s, core.UncertaintyResult{}, &core.InputError{Field: "samples", Value: label.Plain(quoteArg(samples)), Allowed: label.Msg("err.whole_range", "low", "1", "high", strconv.Itoa(core.MaxUncertaintySamples)), Reason: label.Msg("err.not_whole")}
	}
	sd, err := strconv.ParseUint(seed, 10, 64)
	if err != nil || sd > 1<<53 {
		return s, core.UncertaintyResult{}, &core.InputError{Field: "seed", Value: label.Plain(quoteArg(seed)), Allowed: label.Msg("err.whole_range", "low", "0", "high", "2^53"), Reason: label.Msg("err.not_whole")}
	}
	u, err := core.Uncertainty(s, n, sd)
	if err == nil {
		u.Reword(lang) // a run words its statements in English
	}
	return s, u, err
}

// quoteArg shows an argument in a message, shortened.
func quoteArg(s string) string {
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return `"` + s + `"`
}

// chartData: scenario JSON -> the data of the charts.
func chartData(in string) string {
	return guard(func() (string, error) {
		s, err := parseScenario(in)
		if err != nil {
			return "", err
		}
		f, err := figures.Compute(lang, s)
		if err != nil {
			return "", err
		}
		return marshal(f)
	})
}

// fields: every field of the result JSON with its path pattern, unit and
// label, in the contract's order (the page's CSV columns come from it).
func fields() string {
	return guard(func() (string, error) { return marshal(raw(core.ResultFieldsJSON(lang))) })
}

// catalogue: every parameter with its default, range and source.
func catalogue() string {
	return guard(func() (string, error) { return marshal(raw(core.CatalogueJSON())) })
}

// update: scenario JSON -> everything the calculator page shows: the
// tables and sentences as HTML (the same the build wrote into the page),
// the charts' data, the permalink, the scenario as read, and what the
// animation draws. One call per edit, and one evaluation: the permalink is
// written from the scenario Evaluate validated, and the animation is sent
// its own link, not the whole cluster to validate again. The result itself
// comes from evaluate when it is wanted (export), which keeps this call
// light.
//
// With a second scenario, the pinned A of a comparison, the answer also
// has "deltas": for every number the tables show, how B (the first
// scenario) differs from A, in words.
func update(in, pinnedIn string) string { return updateAs(in, pinnedIn, false) }

// updateAs is update; borrowed, its answer may be the kept buffer itself,
// read as a string, valid only until the next edit: the WebAssembly's
// binding hands it to JSON.parse at once, which saves copying tens of
// kilobytes each edit.
func updateAs(in, pinnedIn string, borrowed bool) string {
	return guard(func() (string, error) {
		var a *core.Result
		if given(pinnedIn) {
			var err error
			if a, err = pinnedResult(pinnedIn); err != nil {
				return "", err
			}
		}
		s, err := parseScenario(in)
		if err != nil {
			return "", err
		}
		r, err := core.Evaluate(s)
		if err != nil {
			return errorsJSON(err, core.Problems(s)), nil // every bad field, for the form
		}
		f, fresh, err := cachedFigures(s, &r)
		if err != nil {
			return "", err
		}
		if !fresh {
			f = nil // the page has them already
		}
		lastScenario = s
		html := report.In(lang).Render(&r, f)
		var deltas map[string]string
		if a != nil {
			deltas = report.In(lang).Deltas(a, &r, html)
		}
		if err := updateJSON(s.Canonical(), &r, a, html, f, scene.FromResult(&r), deltas); err != nil {
			return "", err
		}
		if borrowed {
			return unsafe.String(unsafe.SliceData(answer), len(answer)), nil
		}
		return string(answer), nil
	})
}

// updateAnswer is update's answer: {"scenario", "html", "figures" (null
// when unchanged since the last call), "permalink", "link" (the address's
// fragment: the permalink, with the pinned A's pairs after it), "anim" (the
// animation's link), and the tree's shape for the tier rows: "tiers_used",
// "ports" (with "ports_text", for a reader), "radix" and "added_tiers" (the tiers the model added after the
// scenario's, as scenario tiers), "blockers" (what cannot be built as
// configured: [{"field", "message"}], the input that makes it fail), and,
// against a pinned A, "deltas"}.
type updateAnswer struct {
	s         core.Scenario
	r         *core.Result
	permalink string // r's, written once
	link      string // the page's: the permalink, with the pinned A's pairs
	html      report.Live
	f         *figures.Figures
	anim      scene.Params
	deltas    map[string]string
}

// blocker is what cannot be built, at the input that makes it fail.
type blocker struct{ field, message string }

var blockerWire = []wire.Field[*blocker]{
	{Name: "field", Put: func(w *wire.W, b *blocker) { w.Str(b.field) }},
	{Name: "message", Put: func(w *wire.W, b *blocker) { w.Str(b.message) }},
}

var updateWire = []wire.Field[*updateAnswer]{
	{Name: "scenario", Put: func(w *wire.W, a *updateAnswer) { w.JSON(a.s) }},
	{Name: "html", Put: func(w *wire.W, a *updateAnswer) { w.JSON(a.html) }},
	{Name: "figures", Put: func(w *wire.W, a *updateAnswer) {
		if a.f == nil {
			w.Null()
			return
		}
		w.JSON(a.f)
	}},
	{Name: "permalink", Put: func(w *wire.W, a *updateAnswer) { w.Str(a.permalink) }},
	{Name: "link", Put: func(w *wire.W, a *updateAnswer) { w.Str(a.link) }},
	{Name: "anim", Put: func(w *wire.W, a *updateAnswer) { w.JSON(a.anim) }},
	{Name: "tiers_used", Put: func(w *wire.W, a *updateAnswer) { w.Int(a.r.TiersUsed) }},
	{Name: "ports", Put: func(w *wire.W, a *updateAnswer) { w.Int(a.r.Endpoints) }},
	{Name: "ports_text", Put: func(w *wire.W, a *updateAnswer) { w.Str(lang.Count(a.r.Endpoints)) }},
	{Name: "radix", Put: func(w *wire.W, a *updateAnswer) { w.Int(a.r.Scenario.ScaleOut.SwitchRadix) }},
	{Name: "added_tiers", Put: func(w *wire.W, a *updateAnswer) {
		w.BeginList()
		for _, t := range a.r.EvaluatedTiers()[len(a.r.Scenario.Tiers):] {
			b, _ := core.TierJSON(t)
			w.Raw(b)
		}
		w.EndList()
	}},
	{Name: "blockers", Put: func(w *wire.W, a *updateAnswer) {
		bs := []blocker{}
		for _, b := range a.r.Blockers() {
			bs = append(bs, blocker{b.Field(&a.r.Scenario), b.Message(lang, len(a.r.Tiers), a.r.Lane.Rate)})
		}
		wire.WriteList(w, bs, blockerWire)
	}},
	{Name: "deltas", Put: func(w *wire.W, a *updateAnswer) { w.StrMap(a.deltas) }, When: func(a *updateAnswer) bool { return a.deltas != nil }},
}

// updateJSON writes the answer into answer.
func updateJSON(s core.Scenario, r, pinned *core.Result, html report.Live, f *figures.Figures, anim scene.Params, deltas map[string]string) error {
	a := updateAnswer{s: s, r: r, permalink: r.Permalink(), html: html, f: f, anim: anim, deltas: deltas}
	a.link = a.permalink
	if pinned != nil {
		a.link = core.PairLink(a.permalink, pinned.Permalink())
	}
	a.link = core.VersionedLink(a.link) // as a reader shares it
	answer = wire.AppendMarshal(answer[:0], &a, updateWire)
	return nil
}

// answer is the buffer the last edit's answer was written in, kept for
// the next (an answer is tens of kilobytes).
var answer []byte

// pinned is scenario A of a comparison, evaluated once for all the edits
// of B.
var pinned struct {
	key string
	r   core.Result
}

// pinnedResult evaluates scenario A, or returns it from the last call.
// Its mistakes are named as A's (asA).
func pinnedResult(in string) (*core.Result, error) {
	if in == pinned.key {
		return &pinned.r, nil
	}
	s, err := parseScenario(in)
	if err == nil {
		pinned.r, err = core.Evaluate(s)
	}
	if err != nil {
		pinned.key = ""
		return nil, asA(err)
	}
	pinned.key = in
	return &pinned.r, nil
}

// asA names a mistake of scenario A as A's: its answer says "side": "a"
// (core.PairError).
func asA(err error) error { return &core.PairError{Err: err} }

// pin: scenario JSON -> what the page keeps of scenario A while B is
// edited: {"scenario", "permalink", "fields" (the link's fields for a
// reader, "" for the default), "figures" (its charts' data, drawn as
// ghosts beside B's)}.
func pin(in string) string {
	return guard(func() (string, error) {
		a, err := pinnedResult(in)
		if err != nil {
			return "", err
		}
		f, err := figures.Compute(lang, a.Scenario)
		if err != nil {
			return "", asA(err)
		}
		p := pinAnswer{r: a, f: &f}
		return string(wire.Marshal(&p, pinWire)), nil
	})
}

// pinAnswer is pin's answer.
type pinAnswer struct {
	r *core.Result
	f *figures.Figures
}

var pinWire = []wire.Field[*pinAnswer]{
	{Name: "scenario", Put: func(w *wire.W, a *pinAnswer) { w.JSON(a.r.Scenario.Canonical()) }},
	{Name: "permalink", Put: func(w *wire.W, a *pinAnswer) { w.Str(a.r.Permalink()) }},
	{Name: "fields", Put: func(w *wire.W, a *pinAnswer) { w.Str(core.LinkFields(a.r.Permalink())) }},
	{Name: "figures", Put: func(w *wire.W, a *pinAnswer) { w.JSON(a.f) }},
}

// load: a file the site exported -> what it restores: {"kind" (scenario,
// pair, results or comparison), "scenario" (B, for the form), "pinned"
// (A, or null)}. Everything the calculator saves loads back.
func load(in string) string {
	return guard(func() (string, error) {
		e, err := core.ReadExport([]byte(in))
		if err != nil {
			return "", err
		}
		return string(wire.Marshal(&e, loadWire)), nil
	})
}

var loadWire = []wire.Field[*core.Export]{
	{Name: "kind", Put: func(w *wire.W, e *core.Export) { w.Str(string(e.Kind)) }},
	{Name: "scenario", Put: func(w *wire.W, e *core.Export) { w.JSON(e.B) }},
	{Name: "pinned", Put: func(w *wire.W, e *core.Export) {
		if e.A == nil {
			w.Null()
			return
		}
		w.JSON(*e.A)
	}},
}

// compare: scenarios A and B -> both, and every number of B against A:
// {"a": {"permalink", "scenario", "result"}, "b": {…}, "deltas": [{"path",
// "unit", "a", "b", "diff", "rel", "text"}]}, for the export of a
// comparison.
func compare(aIn, bIn string) string {
	return guard(func() (string, error) {
		a, err := pinnedResult(aIn)
		if err != nil {
			return "", err
		}
		b, err := evaluateIn(bIn)
		if err != nil {
			return "", err
		}
		c := compareAnswer{a: a, b: &b, deltas: core.Compare(a, &b, nil)}
		return string(wire.Marshal(&c, compareWire)), nil
	})
}

// compareAnswer is compare's answer.
type compareAnswer struct {
	a, b   *core.Result
	deltas []core.Delta
}

var compareWire = []wire.Field[*compareAnswer]{
	{Name: "a", Put: func(w *wire.W, c *compareAnswer) { wire.Write(w, c.a, sideWire) }},
	{Name: "b", Put: func(w *wire.W, c *compareAnswer) { wire.Write(w, c.b, sideWire) }},
	{Name: "deltas", Put: func(w *wire.W, c *compareAnswer) { wire.WriteList(w, c.deltas, deltaWire) }},
}

var sideWire = []wire.Field[*core.Result]{
	{Name: "permalink", Put: func(w *wire.W, r *core.Result) { w.Str(r.Permalink()) }},
	{Name: "scenario", Put: func(w *wire.W, r *core.Result) { w.JSON(r.Scenario.Canonical()) }},
	{Name: "result", Put: func(w *wire.W, r *core.Result) { w.JSON(*r) }},
}

var deltaWire = []wire.Field[*core.Delta]{
	{Name: "path", Put: func(w *wire.W, d *core.Delta) { w.Str(d.Path) }},
	{Name: "unit", Put: func(w *wire.W, d *core.Delta) { w.Str(d.Unit) }},
	{Name: "a", Put: func(w *wire.W, d *core.Delta) { w.Num(d.A) }},
	{Name: "b", Put: func(w *wire.W, d *core.Delta) { w.Num(d.B) }},
	{Name: "diff", Put: func(w *wire.W, d *core.Delta) { w.Num(d.Diff) }},
	{Name: "rel", Put: func(w *wire.W, d *core.Delta) { w.Num(d.Rel) }},
	{Name: "text", Put: func(w *wire.W, d *core.Delta) { w.Str(report.In(lang).DeltaText(*d)) }},
}

// csvExport: scenario B, a pinned A (or nothing) and the page's address
// -> {"csv": the results as CSV, or the comparison's with A, "comparison":
// whether it is one} (core/report/csv.go writes it).
func csvExport(bIn, aIn, address string) string {
	return guard(func() (string, error) {
		b, err := evaluateIn(bIn)
		if err != nil {
			return "", err
		}
		var out csvAnswer
		if given(aIn) {
			a, aErr := pinnedResult(aIn)
			if aErr != nil {
				return "", aErr
			}
			out.comparison = true
			out.csv, err = report.In(lang).ComparisonCSV(a, &b, address)
		} else {
			out.csv, err = report.In(lang).CSV(&b, address)
		}
		if err != nil {
			return "", err
		}
		return string(wire.Marshal(&out, csvWire)), nil
	})
}

type csvAnswer struct {
	csv        string
	comparison bool
}

var csvWire = []wire.Field[*csvAnswer]{
	{Name: "csv", Put: func(w *wire.W, a *csvAnswer) { w.Str(a.csv) }},
	{Name: "comparison", Put: func(w *wire.W, a *csvAnswer) { w.Bool(a.comparison) }},
}

// The figures depend on the GPU count only through the result's tiers
// (the copper chart marks each tier's length; the cluster chart sweeps its
// own sizes), and most edits change only numbers: the last figures are
// kept for the scenario they were computed for, GPU count aside, and for
// the same tiers, port and language.
var figureCache struct {
	key     []byte
	figures figures.Figures
}

func cachedFigures(s core.Scenario, r *core.Result) (f *figures.Figures, fresh bool, err error) {
	k := s.Canonical()
	k.GPUs = 0
	b, err := k.MarshalJSON()
	if err != nil {
		return nil, false, err
	}
	// What ComputeFor reads besides the scenario: the language of its
	// names, the port's lanes and each tier's length.
	b = append(append(b, " lang "...), lang.Lang...)
	b = strconv.AppendInt(append(b, " lanes "...), int64(r.PortLanes), 10)
	for _, t := range r.Tiers {
		b = strconv.AppendFloat(append(b, " tier "...), t.Length.Metres(), 'g', -1, 64)
	}
	if figureCache.key != nil && string(b) == string(figureCache.key) {
		return &figureCache.figures, false, nil
	}
	fig, err := figures.ComputeFor(lang, s, r)
	if err != nil {
		return nil, false, err
	}
	figureCache.key, figureCache.figures = b, fig
	return &figureCache.figures, true, nil
}

// resetFigures forgets the cached figures: a page that (re)loads has none.
func resetFigures() { figureCache.key = nil }

// prose: the explainer's numbers for a scenario a reader moved in its
// sentences. Arguments: the scenario's JSON (none: the default), a knob
// (core.ProseKnobs' key; none: the scenario as given) and its new value,
// the calculator's address as the page writes it (for the claims'
// links), and optionally an uncertainty run's samples and seed (the
// worker's call: with them, the draws' facts and the claims' "how sure").
// Answer: {"scenario", "permalink", "facts": {id: words}, "knobs": [{"key",
// "value"}], "claims": [{"verdict", "says"}] (HTML cells, the table's
// engineering rows in order), "draws" (whether the draws were run), and,
// without the draws, "figures", "charts" and "words" (the charts')}.
func prose(in, knob, value, calculator, samples, seed string) string {
	return guard(func() (string, error) {
		s, err := parseScenario(in)
		if err != nil {
			return "", err
		}
		if given(knob) {
			v, err := strconv.ParseFloat(value, 64)
			if err != nil {
				return "", &core.InputError{Field: knob, Value: label.Plain(quoteArg(value)), Allowed: label.Msg("err.knob_value"), Reason: label.Msg("err.nan")}
			}
			if s, err = core.MoveKnob(s, knob, v); err != nil {
				return "", err
			}
		}
		var u *core.UncertaintyResult
		if given(samples) {
			b, err := s.MarshalJSON()
			if err != nil {
				return "", err
			}
			_, run, err := runUncertainty(string(b), samples, seed)
			if err != nil {
				return "", err
			}
			u = &run
		}
		r, err := core.Evaluate(s)
		if err != nil {
			return "", err
		}
		w := report.In(lang)
		a := proseAnswer{s: s.Canonical(), permalink: r.Permalink(), draws: u != nil}
		if a.facts, err = w.ProseFacts(s, &r, u); err != nil {
			return "", err
		}
		claims, err := w.Claims(s, &r, u)
		if err != nil {
			return "", err
		}
		for _, c := range claims {
			a.claims = append(a.claims, proseClaim{w.Verdict(c.Verdict, ""), w.ClaimSays(c, calculator, a.permalink)})
		}
		for _, k := range core.ProseKnobs {
			if in, ok := core.KnobInput(&s, k.Key); ok {
				a.knobs = append(a.knobs, proseKnob{k.Key, in.Value(&s)})
			}
		}
		if u == nil {
			// The charts follow the edit; the worker's call (with the
			// draws) is for the facts and claims alone.
			if a.f, _, err = cachedFigures(s, &r); err != nil {
				return "", err
			}
			a.charts, a.words = w.ChartTables(a.f), w.ChartWords(&r)
		}
		return string(wire.Marshal(&a, proseWire)), nil
	})
}

type proseKnob struct {
	key   string
	value float64
}

var proseKnobWire = []wire.Field[*proseKnob]{
	{Name: "key", Put: func(w *wire.W, k *proseKnob) { w.Str(k.key) }},
	{Name: "value", Put: func(w *wire.W, k *proseKnob) { w.Num(k.value) }},
}

// proseClaim is a claim's two cells that follow the scenario (HTML).
type proseClaim struct{ verdict, says string }

var proseClaimWire = []wire.Field[*proseClaim]{
	{Name: "verdict", Put: func(w *wire.W, c *proseClaim) { w.Str(c.verdict) }},
	{Name: "says", Put: func(w *wire.W, c *proseClaim) { w.Str(c.says) }},
}

// proseAnswer is prose's answer.
type proseAnswer struct {
	s         core.Scenario
	permalink string
	facts     map[string]string
	knobs     []proseKnob
	claims    []proseClaim
	f         *figures.Figures
	charts    map[string]string // the charts' data tables (report.ChartTables)
	words     map[string]string // their scenario words (report.ChartWords)
	draws     bool
}

var proseWire = []wire.Field[*proseAnswer]{
	{Name: "scenario", Put: func(w *wire.W, a *proseAnswer) { w.JSON(a.s) }},
	{Name: "permalink", Put: func(w *wire.W, a *proseAnswer) { w.Str(a.permalink) }},
	{Name: "facts", Put: func(w *wire.W, a *proseAnswer) { w.StrMap(a.facts) }},
	{Name: "knobs", Put: func(w *wire.W, a *proseAnswer) { wire.WriteList(w, a.knobs, proseKnobWire) }},
	{Name: "claims", Put: func(w *wire.W, a *proseAnswer) { wire.WriteList(w, a.claims, proseClaimWire) }},
	{Name: "figures", Put: func(w *wire.W, a *proseAnswer) { w.JSON(a.f) }, When: func(a *proseAnswer) bool { return a.f != nil }},
	{Name: "charts", Put: func(w *wire.W, a *proseAnswer) { w.StrMap(a.charts) }, When: func(a *proseAnswer) bool { return a.f != nil }},
	{Name: "words", Put: func(w *wire.W, a *proseAnswer) { w.StrMap(a.words) }, When: func(a *proseAnswer) bool { return a.f != nil }},
	{Name: "draws", Put: func(w *wire.W, a *proseAnswer) { w.Bool(a.draws) }},
}

// cite: the page's address, a link (a permalink, or "" for the site) and
// the day it was read (YYYY-MM-DD, or "") -> {"bibtex", "csl", "plain"}:
// how to cite that scenario with today's model version. A link that
// cannot be read is refused, as decode refuses it.
func cite(address, link, accessed string) string {
	return guard(func() (string, error) {
		if link != "" {
			if _, _, err := core.DecodePair(link); err != nil {
				return "", err
			}
		}
		c := report.In(lang).Cite(address, link, accessed)
		return string(wire.Marshal(&c, citeWire)), nil
	})
}

var citeWire = []wire.Field[*report.Citation]{
	{Name: "bibtex", Put: func(w *wire.W, c *report.Citation) { w.Str(c.BibTeX) }},
	{Name: "csl", Put: func(w *wire.W, c *report.Citation) { w.Str(c.CSL) }},
	{Name: "plain", Put: func(w *wire.W, c *report.Citation) { w.Str(c.Plain) }},
}
