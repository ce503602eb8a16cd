// Package report writes a cluster result as the HTML the calculator shows:
// its tables and headline sentences. The build pre-renders the default
// scenario with it and the calculator's WebAssembly re-renders every edit
// with it, so the page reads the same before and after it comes alive.
// Like core, it uses the standard library only and does no I/O.
package report

import (
	"math"
	"strconv"
	"strings"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/figures"
	"github.com/cpocalc/cpocalc/core/format"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/wire"
)

// escape writes text for HTML, as html.EscapeString does (without that
// package, whose entity table the calculator's WebAssembly need not carry).
var escape = strings.NewReplacer(`&`, "&amp;", `'`, "&#39;", `<`, "&lt;", `>`, "&gt;", `"`, "&#34;").Replace

// Count prints a whole number with thousands separators.
func Count(n int) string { return format.Count(n) }

// Num prints x to sig significant figures (format.Number).
func Num(x float64, sig int) string { return format.Number(x, sig) }

// Exact prints a whole number exactly and any other to 4 figures.
func Exact(x float64) string { return format.Exact(x) }

// Reach prints a maximum reach; zero means the technology cannot run.
func Reach(l core.Length) string {
	if l <= 0 {
		return label.Get("report.cannot_run")
	}
	return l.String()
}

// YesNo prints a bool for a table.
func YesNo(b bool) string {
	if b {
		return label.Get("yes")
	}
	return label.Get("no")
}

// Text prints a number of the result for its unit: a count with
// separators, a flag as yes or no, a quantity with its prefix.
func Text(n core.Number) string {
	switch {
	case n.Flag:
		return YesNo(n.Bool)
	case n.Count:
		return format.Count(int(n.Value))
	}
	return format.Quantity(n.Value, n.Unit)
}

// Whole prints a number rounded to a whole one, with a unit after it.
func Whole(unit string) func(core.Number) string {
	return func(n core.Number) string { return format.Count(int(math.Round(n.Value))) + unit }
}

// WholeOf prints a whole number with the unit of a catalogue key, in
// the language in use when it prints ("174,588 芯公里").
func WholeOf(key string) func(core.Number) string {
	return func(n core.Number) string { return format.Count(int(math.Round(n.Value))) + " " + label.Get(key) }
}

// reachText prints a maximum reach in metres.
func reachText(n core.Number) string { return Reach(core.Length(n.Value)) }

// num is a cell showing the number at a path pattern of r, as its unit
// reads, and explainable by its path.
func num(r *core.Result, pattern string, index ...int) Cell { return numAs(r, Text, pattern, index...) }

// numAs is num with a formatter of its own.
func numAs(r *core.Result, text func(core.Number) string, pattern string, index ...int) Cell {
	n, err := r.Number(pattern, index...)
	if err != nil {
		return Cell{Text: "?"}
	}
	return Cell{Text: text(n), Path: n.Path}
}

// Tiers is the table of scale-out tiers.
func Tiers(r *core.Result) string {
	t := Table{ID: "t-tiers", Caption: label.Get("report.tiers.caption"),
		Head: words("report.tiers.head"), Num: numCols(2, 17),
		Cards: true, Key: numCols(0, 6)}
	t.Num[4], t.Num[11] = false, false
	for i := range r.Tiers {
		tr := &r.Tiers[i]
		tech := tr.Tech.Abbrev() // the reader's word (CPO), not the id (cpo)
		if tr.Requested == core.Auto {
			tech = then(tech, label.Get("report.auto"))
		}
		if tr.NICTech != "" {
			tech += label.Get("report.list_sep") + label.Format("report.nic", "tech", tr.NICTech.Abbrev())
		}
		// A tier that does not close says why in the words of its
		// blocker: the end, the technology, the budget.
		reaches := numAs(r, func(n core.Number) string {
			if n.Bool {
				return YesNo(true)
			}
			for _, b := range r.Blockers() {
				if b.Tier == tr.Index {
					return label.Format("report.no_because", "reason", b.Message(len(r.Tiers), r.Lane.Rate))
				}
			}
			return YesNo(false)
		}, "tiers[].feasible", i)
		name := strconv.Itoa(tr.Index+1) + ". " + core.TierName(tr.Index, len(r.Tiers))
		if tr.Added {
			name = then(name, label.Get("report.tier_added"))
		}
		// What a reader looks for first comes first: the technology, its
		// power and energy per bit, whether it reaches; the counts after.
		t.Rows = append(t.Rows, []Cell{
			T(name), T(tech), num(r, "tiers[].watts", i), num(r, "tiers[].pj_per_bit", i),
			reaches, num(r, "tiers[].length_m", i), numAs(r, reachText, "tiers[].max_reach_m", i), num(r, "tiers[].links", i),
			num(r, "tiers[].latency_ns", i), num(r, "tiers[].electrical_path_mm", i), num(r, "tiers[].link.margin_db", i),
			T(fecWords(tr.Link.FEC(), tr.Index < len(r.Scenario.Tiers) && r.Scenario.Tiers[tr.Index].FEC == core.FECAuto)),
			num(r, "tiers[].switches", i), num(r, "tiers[].modules", i), num(r, "tiers[].engines", i), num(r, "tiers[].lasers", i), num(r, "tiers[].laser_sources", i), numAs(r, Whole(" km"), "tiers[].fiber_km", i),
		})
	}
	return t.HTML()
}

// fecWords names a link's codes, and says when auto chose them.
func fecWords(fec string, auto bool) string {
	w := label.Get("report.fec." + fec)
	if auto {
		w = then(w, label.Get("report.auto"))
	}
	return w
}

// words splits a catalogue entry of "|"-separated words.
func words(key string) []string { return strings.Split(label.Get(key), "|") }

// totalsRows are the rows of the totals table: the field, and how its
// value reads when it is not as its unit reads.
var totalsRows = []struct {
	field string
	text  func(core.Number) string
}{
	{"interconnect_watts", nil}, {"interconnect_watts_per_gpu", nil}, {"scale_out_watts", nil}, {"scale_up_watts", nil}, {"interconnect_share", nil},
	{"interconnect_facility_watts", nil}, {"annual_mwh", Whole(" MWh")}, {"annual_usd", nil}, {"households", Whole("")},
	{"gpu_watts", nil}, {"switch_watts", nil}, {"switch_box_watts", nil}, {"switch_overhead_watts", nil}, {"box_watts", nil}, {"nic_watts", nil},
	{"it_watts", nil}, {"facility_watts", nil}, {"switches", nil}, {"chips_per_box", nil}, {"chip_gbps", nil}, {"box_internal_lanes", nil}, {"switch_chips", nil}, {"scale_up_switches", nil}, {"transceivers", nil},
	{"modules", nil}, {"engines", nil}, {"lasers", nil}, {"laser_sources", nil}, {"cables", nil}, {"fiber_km", WholeOf("unit.core_km")},
	{"fiber_m_per_gpu", nil}, {"fiber_cny", nil}, {"capex_usd", nil}, {"capex_usd_per_gpu", nil},
	{"switch_capex_usd", nil}, {"fiber_usd", nil}, {"energy_usd", nil}, {"tco_usd", nil}, {"tco_usd_per_gpu", nil}, {"mtbf_hours", nil}, {"network_mtbf_hours", nil}, {"latency_ns", nil}, {"scale_up_latency_ns", nil},
}

// Totals is the table of cluster totals.
func Totals(r *core.Result) string {
	t := Table{ID: "t-totals", Caption: label.Get("report.totals.caption"), Head: words("report.quantity_value"), Num: map[int]bool{1: true}}
	if why, _, ok := NotBuildable(r); ok {
		// Above every total, and in the caption a reader's table
		// navigation announces.
		t.Caption = then(t.Caption, "("+label.Get("report.not_buildable")+")")
		t.Class = "infeasible"
		t.Rows = append(t.Rows, []Cell{T(label.Get("report.totals.not_buildable")), H(`<span class="blocked">` + escape(why) + `</span>`)})
	}
	for _, row := range totalsRows {
		text := row.text
		if text == nil {
			text = Text
		}
		t.Rows = append(t.Rows, []Cell{T(label.Get("report.totals." + row.field)), numAs(r, text, "totals."+row.field)})
	}
	return t.HTML()
}

// FieldPathBand is the path of stage j's interconnect power, which its
// band is keyed by.
func FieldPathBand(j int) string { return core.FieldPath("by_stage[].totals.interconnect_watts", j) }

// Stages is the table of the same cluster at each stage, with a place
// for each stage's band (the page fills it when its uncertainty run has
// answered).
func Stages(r *core.Result) string { return StagesWithBands(r, nil) }

// StagesWithBands is Stages with each stage's interconnect power band in
// words (BandWords).
func StagesWithBands(r *core.Result, bands map[string]string) string {
	t := Table{ID: "t-stages", Caption: label.Get("report.stages.caption"), Head: words("report.stages.head"), Num: numCols(1, 8),
		Cards: true, Key: map[int]bool{0: true, 1: true, 2: true, 3: true, 8: true}}
	for j := range r.ByStage {
		st := &r.ByStage[j]
		if !st.Feasible {
			msg := st.BlockedList()[0].Message(len(r.Tiers), r.Lane.Rate)
			t.Rows = append(t.Rows, []Cell{T(core.StageLabel(st.Stage)), {HTML: `<span class="blocked">` + escape(msg) + `</span>`, Span: len(t.Head) - 1}})
			continue
		}
		band := FieldPathBand(j)
		t.Rows = append(t.Rows, []Cell{T(core.StageLabel(st.Stage)), num(r, "by_stage[].totals.interconnect_watts", j),
			H(`<span class="band" data-band-for="` + band + `">` + escape(bands[band]) + `</span>`), num(r, "by_stage[].totals.interconnect_share", j),
			numAs(r, Whole(" MWh"), "by_stage[].totals.annual_mwh", j), num(r, "by_stage[].totals.transceivers", j), num(r, "by_stage[].totals.mtbf_hours", j), num(r, "by_stage[].totals.latency_ns", j), num(r, "by_stage[].totals.tco_usd", j)})
	}
	return t.HTML()
}

// ScaleUp is the table of the scale-up domains.
func ScaleUp(r *core.Result) string {
	su := &r.ScaleUp
	t := Table{ID: "t-scaleup", Caption: label.Get("report.scaleup.caption"), Head: words("report.quantity_value"), Num: map[int]bool{1: true}}
	if !su.Present {
		t.AddRow(label.Get("report.scaleup.domain"), label.Get("report.scaleup.none"))
		return t.HTML()
	}
	add := func(field string) {
		t.Rows = append(t.Rows, []Cell{T(label.Get("report.scale_up." + field)), num(r, "scale_up."+field)})
	}
	for _, f := range []string{"domains", "domain_gpus", "links_per_gpu", "pairs_per_domain", "copper_per_domain_m", "domain_tbytes_per_s", "switch_chips"} {
		add(f)
	}
	t.Rows = append(t.Rows, []Cell{T(label.Get("report.scale_up.tech")), T(su.Tech.Name() + label.Get("report.list_sep") + su.Length.String())})
	t.Rows = append(t.Rows, []Cell{T(label.Get("report.scale_up.fec")), T(fecWords(su.Link.FEC(), r.Scenario.ScaleUp.FEC == core.FECAuto))})
	if su.Link.Tech.Copper() {
		sig := label.Get("report.sig." + su.Link.Signalling())
		if r.Scenario.ScaleUp.Signalling == core.SigAuto {
			sig = then(sig, label.Get("report.auto"))
		}
		t.Rows = append(t.Rows, []Cell{T(label.Get("report.scale_up.signalling")), T(sig)})
	}
	if su.Levels == 2 {
		t.Rows = append(t.Rows, []Cell{T(label.Get("report.scale_up.levels")), num(r, "scale_up.levels")})
		t.Rows = append(t.Rows, []Cell{T(label.Get("report.scale_up.spine_chips")), num(r, "scale_up.spine_chips")})
		spine := su.SpineTech.Name() + label.Get("report.list_sep") + su.SpineLength.String()
		if su.Requested == core.Auto {
			spine = then(spine, label.Get("report.auto"))
		}
		t.Rows = append(t.Rows, []Cell{T(label.Get("report.scale_up.spine_tech")), T(spine)})
		t.Rows = append(t.Rows, []Cell{T(label.Get("report.scale_up.spine_watts")), num(r, "scale_up.spine_watts")})
	}
	reaches := H(escape(YesNo(true)))
	if !su.Feasible {
		for _, b := range r.Blockers() {
			if b.Tier < 0 {
				reaches = H(`<span class="blocked">` + escape(YesNo(false)+label.Get("report.list_sep")+b.Message(len(r.Tiers), r.Lane.Rate)) + `</span>`)
			}
		}
	}
	t.Rows = append(t.Rows, []Cell{T(label.Get("report.scale_up.feasible")), reaches})
	add("watts")
	for i, c := range su.AsTechList() {
		cell := numAs(r, func(n core.Number) string {
			v := Text(n)
			if !c.Feasible {
				v = then(v, label.Format("report.cannot_reach", "length", su.Length.String()))
			}
			return v
		}, "scale_up.as_tech[].watts", i)
		t.Rows = append(t.Rows, []Cell{T(label.Format("report.same_as", "tech", c.Tech.Name())), cell})
	}
	return t.HTML()
}

// stage returns the by_stage entry of a stage.
func stage(r *core.Result, name string) *core.StageResult {
	for i := range r.ByStage {
		if r.ByStage[i].Stage == name {
			return &r.ByStage[i]
		}
	}
	return nil
}

// Fact is one headline figure: the number, where it sits in the result,
// and the words after it.
type Fact struct {
	_                 noCompare
	Path, Text, Words string
}

// Facts are the headline figures, in their order.
func Facts(r *core.Result) []Fact {
	t := &r.Totals
	fact := func(c Cell, words string) Fact { return Fact{Path: c.Path, Text: c.Text, Words: words} }
	return []Fact{
		fact(num(r, "totals.interconnect_watts"), label.Format("report.fact.power", "share", t.InterconnectShare.Percent())),
		fact(numAs(r, Whole(" MWh"), "totals.annual_mwh"), label.Format("report.fact.energy", "usd", t.AnnualUSD.String())),
		fact(num(r, "totals.mtbf_hours"), label.Format("report.fact.mtbf", "links", Count(t.Links+t.ScaleUpLinks))),
		fact(num(r, "totals.tco_usd"), label.Format("report.fact.tco", "years", years(r), "per_gpu", t.TCOPerGPU.String())),
	}
}

// KeyFacts is the row of headline figures, each with a place for how
// sure it is (BandWords fills it: the page, when its uncertainty run has
// answered; the build, for the default scenario).
func KeyFacts(r *core.Result) string { return KeyFactsWithBands(r, nil) }

// KeyFactsWithBands is KeyFacts with each figure's band in words.
func KeyFactsWithBands(r *core.Result, bands map[string]string) string {
	var b strings.Builder
	_, _, blocked := NotBuildable(r)
	badge, item := "", `<div role="listitem">`
	if blocked {
		badge, item = notBuildableBadge(), `<div role="listitem" class="infeasible">`
	}
	b.WriteString(`<div class="keyfacts" role="list">`)
	for _, f := range Facts(r) {
		b.WriteString(item + `<span class="big" data-path="` + f.Path + `" tabindex="0">` + escape(f.Text) + `</span>` + badge + ` ` + escape(f.Words) +
			` <span class="band" data-band-for="` + f.Path + `">` + escape(bands[f.Path]) + `</span></div>`)
	}
	b.WriteString(`</div>`)
	return b.String()
}

// BandWords says how sure each headline figure is, from an uncertainty
// run of the same scenario: "90 % of 2,000 draws between 4.82 and
// 11.4 MW", in the figure's own units.
func BandWords(r *core.Result, u *core.UncertaintyResult) map[string]string {
	out := map[string]string{}
	for _, f := range Facts(r) {
		band, ok := u.Bands[f.Path]
		n, err := r.Number(f.Path)
		if !ok || err != nil {
			continue
		}
		text := Text
		if f.Path == "totals.annual_mwh" {
			text = Whole(" MWh")
		}
		lo, hi := n, n
		lo.Value, hi.Value = band.P5, band.P95
		words := label.Format("report.band", "n", Count(band.N), "low", text(lo), "high", text(hi))
		if top := u.Tornado[f.Path]; len(top) >= 2 {
			words = then(words, label.Format("report.band_decided", "first", paramWords(top[0].ID), "second", paramWords(top[1].ID)))
		}
		out[f.Path] = words
	}
	// Each stage's interconnect power, short, for the stages table: a
	// stage that some draws cannot build says in how many it can.
	for j := range r.ByStage {
		path := "by_stage[" + strconv.Itoa(j) + "].totals.interconnect_watts"
		band, ok := u.Bands[path]
		n, err := r.Number(path)
		if !ok || err != nil || band.N == 0 {
			continue
		}
		lo, hi := n, n
		lo.Value, hi.Value = band.P5, band.P95
		words := label.Format("report.band_range", "low", Text(lo), "high", Text(hi))
		if band.N < u.Samples {
			words = label.Format("report.band_built", "range", words, "share", core.Ratio(float64(band.N)/float64(u.Samples)).Percent())
		}
		out[path] = words
	}
	return out
}

// minJudged is the fewest draws a share is given for.
const minJudged = 100

// SureWords answers the reader's questions from an uncertainty run: in
// how many of the draws each statement holds ("co-packaged optics draw
// less than pluggable optics with DSPs in 100 % of the 201 draws that can
// build both").
func SureWords(u *core.UncertaintyResult) string {
	var parts []string
	for _, q := range u.Probabilities {
		if q.N == 0 {
			continue
		}
		part := label.Format("report.sure_part", "statement", q.Text, "share", core.Ratio(q.Share).Percent())
		switch {
		case q.Judged != "" && q.N < minJudged:
			// A share of a handful of draws says nothing: say so.
			part = label.Format("report.sure_few", "statement", q.Text, "n", Count(q.N), "samples", Count(u.Samples), "which", q.Judged)
		case q.Judged != "":
			part = then(part, label.Format("report.sure_judged", "n", Count(q.N), "which", q.Judged))
		}
		parts = append(parts, part)
	}
	if len(parts) == 0 {
		return ""
	}
	return label.Format("report.sure", "samples", Count(u.Samples), "parts", strings.Join(parts, label.Get("report.parts_sep")))
}

// paramWords names a parameter with its source, short: "host SerDes
// energy, long-reach class (ISSCC 2026)".
func paramWords(id string) string {
	p, ok := core.LookupParam(id)
	if !ok {
		return id
	}
	name := figures.ShortName(id)
	if name != "" && name[0] >= 'A' && name[0] <= 'Z' {
		name = strings.ToLower(name[:1]) + name[1:]
	}
	return label.Format("report.param_source", "name", name, "source", shortSource(p.Cited()))
}

// shortSource is a source's first words: up to its first parenthesis,
// colon or semicolon, and at most about 40 characters.
func shortSource(s string) string {
	for _, sep := range []string{" (", ":", ";", ",", "（", "：", "；", "，"} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	if r := []rune(s); len(r) > 40 {
		head := string(r[:40])
		cut := strings.LastIndex(head, " ")
		if cut < 10 {
			cut = len(head)
		}
		s = head[:cut] + "…"
	}
	return s
}

// then writes b after a, as the language joins two phrases or sentences
// ("a b" in English, "ab" in Chinese).
func then(a, b string) string {
	if a == "" {
		return b
	}
	return label.Format("report.then", "a", a, "b", b)
}

// years says the span of the cost of ownership: "5 years", "1 year".
func years(r *core.Result) string {
	if r.Scenario.Years == 1 {
		return "1 " + label.Get("unit.year")
	}
	return format.Input(r.Scenario.Years) + " " + label.Get("unit.years")
}

// NotBuildable says why the cluster as configured cannot be built: the
// first part that fails, in words, and how many more do; ok is false when
// it can be built.
func NotBuildable(r *core.Result) (why string, more int, ok bool) {
	bl := r.Blockers()
	if len(bl) == 0 {
		return "", 0, false
	}
	return bl[0].Message(len(r.Tiers), r.Lane.Rate), len(bl) - 1, true
}

// notBuildableBadge marks a figure of a cluster that cannot be built, in
// words a screen reader reads with the figure.
func notBuildableBadge() string {
	return ` <span class="not-buildable">` + escape(label.Get("report.not_buildable")) + `</span>`
}

// Headline says, in sentences, what the stages mean for this cluster.
func Headline(r *core.Result) string {
	dsp, cpo, cu := stage(r, "dsp"), stage(r, "cpo"), stage(r, "copper")
	var s []string
	if dsp != nil && cpo != nil && dsp.Feasible && cpo.Feasible {
		save := dsp.Totals.InterconnectPower - cpo.Totals.InterconnectPower
		hh := dsp.Totals.Households - cpo.Totals.Households
		if save > 0 {
			s = append(s, label.Format("report.headline.save", "power", save.String(), "households", Count(int(math.Round(hh)))))
		} else {
			s = append(s, label.Format("report.headline.more", "power", (-save).String()))
		}
		if d := dsp.Totals.TCO - cpo.Totals.TCO; d >= 0 {
			s = append(s, label.Format("report.headline.tco_less", "years", years(r), "usd", d.String()))
		} else {
			s = append(s, label.Format("report.headline.tco_more", "years", years(r), "usd", (-d).String()))
		}
	}
	if cu != nil {
		if cu.Feasible {
			s = append(s, label.Format("report.headline.copper", "power", cu.Totals.InterconnectPower.String()))
		} else {
			s = append(s, label.Format("report.headline.nocopper", "why", cu.BlockedList()[0].Message(len(r.Tiers), r.Lane.Rate)))
		}
	}
	if why, more, ok := NotBuildable(r); ok {
		// What cannot be built comes first: the figures are of a cluster
		// that does not exist.
		lead := label.Format("report.headline.infeasible", "why", why)
		if more > 0 {
			lead = label.Format("report.headline.infeasible_more", "why", why, "n", Count(more))
		}
		s = append([]string{lead}, s...)
	}
	out := ""
	for _, sentence := range s {
		out = then(out, sentence)
	}
	return escape(out)
}

// Live is everything the calculator replaces on each edit.
type Live struct {
	KeyFacts string            `json:"keyfacts"`
	Headline string            `json:"headline"`
	Tiers    string            `json:"tiers"`
	Totals   string            `json:"totals"`
	Stages   string            `json:"stages"`
	ScaleUp  string            `json:"scaleup"`
	Charts   map[string]string `json:"charts,omitempty"` // data tables, by chart id
	Words    map[string]string `json:"words,omitempty"`  // the charts' scenario words (ChartWords), with the tables
}

// MarshalJSON writes the live parts, in the order and with the names of
// their tags.
func (l Live) MarshalJSON() ([]byte, error) {
	return wire.Marshal(&l, liveWire), nil
}

var liveWire = []wire.Field[*Live]{
	{Name: "keyfacts", Put: func(w *wire.W, l *Live) { w.Str(l.KeyFacts) }},
	{Name: "headline", Put: func(w *wire.W, l *Live) { w.Str(l.Headline) }},
	{Name: "tiers", Put: func(w *wire.W, l *Live) { w.Str(l.Tiers) }},
	{Name: "totals", Put: func(w *wire.W, l *Live) { w.Str(l.Totals) }},
	{Name: "stages", Put: func(w *wire.W, l *Live) { w.Str(l.Stages) }},
	{Name: "scaleup", Put: func(w *wire.W, l *Live) { w.Str(l.ScaleUp) }},
	{Name: "charts", Put: func(w *wire.W, l *Live) { w.StrMap(l.Charts) }, When: func(l *Live) bool { return len(l.Charts) > 0 }},
	{Name: "words", Put: func(w *wire.W, l *Live) { w.StrMap(l.Words) }, When: func(l *Live) bool { return len(l.Words) > 0 }},
}

// Render writes every live part of the calculator page; the charts' tables
// only when f is given (the figures changed).
func Render(r *core.Result, f *figures.Figures) Live {
	l := Live{KeyFacts: KeyFacts(r), Headline: Headline(r), Tiers: Tiers(r), Totals: Totals(r), Stages: Stages(r), ScaleUp: ScaleUp(r)}
	if f != nil {
		l.Charts = ChartTables(f)
		l.Words = ChartWords(r)
	}
	return l
}

// ChartTables writes the data table of each figure chart, keyed by chart
// id: the text alternative of the chart, and what the calculator updates.
func ChartTables(f *figures.Figures) map[string]string {
	out := map[string]string{}

	var lanes []string
	for _, l := range f.Lanes {
		lanes = append(lanes, Num(l, 3)+" Gb/s")
	}
	cw := Table{Caption: label.Get("report.chart.copper_wall"), Head: append([]string{label.Get("report.technology")}, lanes...), Num: numCols(1, len(lanes))}
	for i, t := range f.CopperWall.Techs {
		row := []string{t.Name()}
		for _, v := range f.CopperWall.Reach[i] {
			if math.IsNaN(v) || v <= 0 {
				row = append(row, label.Get("report.no_reach")) // said, not a 0
				continue
			}
			row = append(row, Num(v, 3))
		}
		cw.AddRow(row...)
	}
	out["copper-wall"] = cw.HTML()

	port := label.Format("report.chart.port", "port", Num(f.PortGbps, 4), "lane", Num(f.LaneGbps, 3))
	out["energy-per-bit"] = breakdownTable(label.Format("report.chart.energy", "port", port), &f.Energy)
	out["latency"] = breakdownTable(label.Format("report.chart.latency", "port", port), &f.Latency)

	cp := &f.ClusterPower
	head := []string{label.Get("report.gpus")}
	for _, s := range cp.Series {
		head = append(head, s.Name)
	}
	ct := Table{Caption: label.Get("report.chart.cluster_power"), Head: head, Num: numCols(0, len(head)-1)}
	for j, n := range cp.GPUs {
		row := []string{Count(n)}
		for _, s := range cp.Series {
			if v := s.Values[j]; math.IsNaN(v) {
				row = append(row, label.Get("report.cannot_build"))
			} else {
				row = append(row, Num(v, 3))
			}
		}
		ct.AddRow(row...)
	}
	out["cluster-power"] = ct.HTML()

	ep := &f.ElectricalPath
	et := Table{Caption: label.Format("report.chart.path", "lane", Num(f.LaneGbps, 3)), Head: words("report.chart.path.head"), Num: map[int]bool{1: true, 2: true}}
	for i, label := range ep.Labels {
		et.AddRow(label, Num(ep.PathMM[i], 3), Num(ep.LossDB[i], 3))
	}
	out["electrical-path"] = et.HTML()
	return out
}

// breakdownTable is a component × technology table, without the
// components that are zero everywhere, and with each technology's total.
func breakdownTable(caption string, d *figures.Breakdown) string {
	var cats []string
	for _, t := range d.Techs {
		cats = append(cats, t.Abbrev())
	}
	t := Table{Caption: caption, Head: append([]string{label.Get("report.component")}, cats...), Num: numCols(1, len(cats))}
	for i := range d.Components {
		nonzero := false
		row := []string{d.Labels[i]}
		for _, v := range d.Values[i] {
			nonzero = nonzero || v > 0
			row = append(row, Num(v, 3))
		}
		if nonzero {
			t.AddRow(row...)
		}
	}
	total := []string{label.Get("report.total")}
	for _, v := range d.Totals {
		total = append(total, Num(v, 3))
	}
	t.AddRow(total...)
	return t.HTML()
}

// ChartWords are the words of the charts that depend on the scenario: the
// caption and the source line of each chart that says what it was
// computed for. The build writes them into the pages; the calculator
// replaces them for the reader's scenario, so that a chart never describes
// another cluster than the one it shows.
func ChartWords(r *core.Result) map[string]string {
	s := r.Scenario
	port := Num(float64(r.PortLanes)*s.LaneGbps, 4) + " Gb/s"
	lanes := label.Format("chart.port", "port", port, "lanes", strconv.Itoa(r.PortLanes), "lane", Num(s.LaneGbps, 3)+" Gb/s")
	var lengths []string
	for i := range r.Tiers {
		if !r.Tiers[i].Added {
			lengths = append(lengths, r.Tiers[i].Length.String())
		}
	}
	suTech := label.Get("chart.su_none")
	perGPU := ""
	if r.ScaleUp.Present {
		suTech = r.ScaleUp.Link.Tech.Name()
		perGPU = Num(r.Totals.ScaleUpPower.Watts()/float64(s.GPUs), 2)
	}
	su := label.Format("chart.cluster.scaleup", "tech", suTech, "w", perGPU)
	if !r.ScaleUp.Present {
		su = label.Get("chart.cluster.noscaleup")
	}
	tree := label.Format("chart.cluster.tree", "radix", strconv.Itoa(s.ScaleOut.SwitchRadix))
	if s.ScaleOut.Planes > 1 {
		tree = label.Format("chart.cluster.planes", "planes", strconv.Itoa(s.ScaleOut.Planes), "radix", strconv.Itoa(s.ScaleOut.SwitchRadix))
	}
	return map[string]string{
		"energy-per-bit.caption":  label.Format("chart.energy.caption", "port", lanes),
		"latency.caption":         label.Format("chart.latency.caption", "port", lanes),
		"electrical-path.caption": label.Format("chart.path.caption", "lane", Num(s.LaneGbps, 3)+" Gb/s"),
		"cluster-power.caption":   label.Format("chart.cluster.caption", "scaleup", su),
		"cluster-power.source": label.Format("chart.cluster.source", "gpuw", Num(s.GPUWatts, 4), "domain", Count(s.ScaleUp.DomainGPUs),
			"gbps", Num(s.ScaleOut.GbpsPerGPU, 4)+" Gb/s", "tree", tree, "lengths", strings.Join(lengths, ", "),
			"added", core.Length(core.AddedTierLengthM*float64(core.Metre)).String()),
	}
}

// noCompare: see core's.
type noCompare [0]func()

// signed prints a change with its sign: "+0.41", "−1.2".
func signed(v float64) string {
	switch {
	case v > 0:
		return "+" + Num(v, 3)
	case v < 0:
		return "−" + Num(-v, 3)
	}
	return "0"
}

// TornadoTable is the tornado chart's data table: each parameter, its
// source, and the headline's change at its low and at its high.
func TornadoTable(t *figures.Tornado) string {
	tb := Table{Caption: label.Format("report.tornado.caption", "headline", t.Title, "unit", t.Unit), Head: words("report.tornado.head"), Num: map[int]bool{2: true, 3: true}}
	for i, id := range t.IDs {
		src := ""
		if p, ok := core.LookupParam(id); ok {
			src = shortSource(p.Cited())
		}
		tb.Rows = append(tb.Rows, []Cell{T(t.Names[i]), T(src), T(signed(t.Low[i])), T(signed(t.High[i]))})
	}
	return tb.HTML()
}

// TornadoWords is the tornado chart's caption for a headline: its value at
// the defaults, and the two parameters that move it most.
func TornadoWords(t *figures.Tornado) string {
	def := format.Number(t.Default, 3) + " " + t.Unit
	if t.Unit == "$ million" || t.Unit == "$ billion" {
		def = "$" + format.Number(t.Default, 3) + t.Unit[1:]
	}
	title := t.Title
	if title != "" && title[0] >= 'a' && title[0] <= 'z' {
		title = strings.ToUpper(title[:1]) + title[1:]
	}
	s := label.Format("report.tornado.words", "headline", title, "default", def)
	if len(t.SetNames) > 0 {
		s = label.Format("report.tornado.words_set", "headline", title, "default", def, "set", strings.Join(t.SetNames, label.Get("report.list_sep")))
	}
	if len(t.IDs) >= 2 {
		s = then(s, label.Format("report.band_decided", "first", paramWords(t.IDs[0]), "second", paramWords(t.IDs[1])))
	}
	return s
}

// TornadoParts are, for the page, each headline's tornado, its caption and
// its table, in the run's order.
type TornadoParts struct {
	Figure figures.Tornado
	Words  string
	Table  string
}

// TornadoPartsWire is a tornado's members with its words and table.
var TornadoPartsWire = []wire.Field[*TornadoParts]{
	{Put: func(w *wire.W, t *TornadoParts) { wire.Members(w, &t.Figure, figures.TornadoWire) }},
	{Name: "words", Put: func(w *wire.W, t *TornadoParts) { w.Str(t.Words) }},
	{Name: "table", Put: func(w *wire.W, t *TornadoParts) { w.Str(t.Table) }},
}

// Tornadoes writes the parts of every headline's tornado of a run.
func Tornadoes(r *core.Result, u *core.UncertaintyResult) []TornadoParts {
	var out []TornadoParts
	for _, t := range figures.Tornadoes(r, u) {
		if allZero(t.Low) && allZero(t.High) {
			continue // nothing moves it: a count, not a physical number
		}
		out = append(out, TornadoParts{Figure: t, Words: TornadoWords(&t), Table: TornadoTable(&t)})
	}
	return out
}

func allZero(v []float64) bool {
	for _, x := range v {
		if x != 0 && !math.IsNaN(x) {
			return false
		}
	}
	return true
}
