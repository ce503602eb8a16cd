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
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/wire"
)

// Writer words the report in one language: its catalogue's words and its
// way of writing numbers (x.Number, x.Count, x.Quantity are the
// catalogue's). Results carry no language; a page words them with the
// Writer of its own.
type Writer struct{ *label.Catalogue }

// In returns the report's Writer in c's language.
func In(c *label.Catalogue) Writer { return Writer{c} }

// Millions writes a large count to three figures as the language counts
// them: "833 million" in English, "8.33 亿" in Chinese.
func (w Writer) Millions(v float64) string {
	if w.Myriads || math.Abs(v) < 1e6 {
		return w.Number(v, 3)
	}
	return w.Format("fact.millions", "n", w.Number(v/1e6, 3))
}

// escape writes text for HTML, as html.EscapeString does (without that
// package, whose entity table the calculator's WebAssembly need not carry).
var (
	escaper = strings.NewReplacer(`&`, "&amp;", `'`, "&#39;", `<`, "&lt;", `>`, "&gt;", `"`, "&#34;")
	escape  = escaper.Replace
)

// Reach prints a maximum reach; zero means the technology cannot run.
func (x Writer) Reach(l core.Length) string {
	if l <= 0 {
		return x.Get("report.cannot_run")
	}
	return l.In(x.Catalogue)
}

// YesNo prints a bool for a table.
func (x Writer) YesNo(b bool) string {
	if b {
		return x.Get("yes")
	}
	return x.Get("no")
}

// Text prints a number of the result for its unit: a count with
// separators, a flag as yes or no, a quantity with its prefix.
func (x Writer) Text(n core.Number) string {
	switch {
	case n.Flag:
		return x.YesNo(n.Bool)
	case n.Count:
		return x.Count(int(n.Value))
	}
	return x.Quantity(n.Value, n.Unit)
}

// Whole prints a number rounded to a whole one, with a unit after it.
func (x Writer) Whole(unit string) func(core.Number) string {
	return func(n core.Number) string { return x.Count(int(math.Round(n.Value))) + unit }
}

// WholeOf prints a whole number with the unit of a catalogue key, in
// the Writer's language ("174,588 芯公里").
func (x Writer) WholeOf(key string) func(core.Number) string {
	return func(n core.Number) string { return x.Count(int(math.Round(n.Value))) + " " + x.Get(key) }
}

// reachText prints a maximum reach in metres.
func (x Writer) reachText(n core.Number) string { return x.Reach(core.Length(n.Value)) }

// num is a cell showing the number at a path pattern of r, as its unit
// reads, and explainable by its path.
func (x Writer) num(r *core.Result, pattern string, index ...int) Cell {
	return x.numAs(r, x.Text, pattern, index...)
}

// numAs is num with a formatter of its own.
func (x Writer) numAs(r *core.Result, text func(core.Number) string, pattern string, index ...int) Cell {
	n, err := r.Number(pattern, index...)
	if err != nil {
		return Cell{Text: "?"}
	}
	return Cell{Text: text(n), Path: n.Path}
}

// Tiers is the table of scale-out tiers.
func (x Writer) Tiers(r *core.Result) string {
	t := Table{ID: "t-tiers", Caption: x.Get("report.tiers.caption"),
		Head: x.words("report.tiers.head"), Num: numCols(2, 17),
		Cards: true, Key: numCols(0, 6)}
	t.Num[4], t.Num[11] = false, false
	for i := range r.Tiers {
		tr := &r.Tiers[i]
		tech := tr.Tech.Abbrev() // the reader's word (CPO), not the id (cpo)
		if tr.Requested == core.Auto {
			tech = x.then(tech, x.Get("report.auto"))
		}
		if tr.NICTech != "" {
			tech += x.Get("report.list_sep") + x.Format("report.nic", "tech", tr.NICTech.Abbrev())
		}
		// A tier that does not close says why in the words of its
		// blocker: the end, the technology, the budget.
		reaches := x.numAs(r, func(n core.Number) string {
			if n.Bool {
				return x.YesNo(true)
			}
			for _, b := range r.Blockers() {
				if b.Tier == tr.Index {
					return x.Format("report.no_because", "reason", b.Message(x.Catalogue, len(r.Tiers), r.Lane.Rate))
				}
			}
			return x.YesNo(false)
		}, "tiers[].feasible", i)
		name := strconv.Itoa(tr.Index+1) + ". " + core.TierName(x.Catalogue, tr.Index, len(r.Tiers))
		if tr.Added {
			name = x.then(name, x.Get("report.tier_added"))
		}
		// What a reader looks for first comes first: the technology, its
		// power and energy per bit, whether it reaches; the counts after.
		t.Rows = append(t.Rows, []Cell{
			T(name), T(tech), x.num(r, "tiers[].watts", i), x.num(r, "tiers[].pj_per_bit", i),
			reaches, x.num(r, "tiers[].length_m", i), x.numAs(r, x.reachText, "tiers[].max_reach_m", i), x.num(r, "tiers[].links", i),
			x.num(r, "tiers[].latency_ns", i), x.num(r, "tiers[].electrical_path_mm", i), x.num(r, "tiers[].link.margin_db", i),
			T(x.fecWords(tr.Link.FEC(), tr.Index < len(r.Scenario.Tiers) && r.Scenario.Tiers[tr.Index].FEC == core.FECAuto)),
			x.num(r, "tiers[].switches", i), x.num(r, "tiers[].modules", i), x.num(r, "tiers[].engines", i), x.num(r, "tiers[].lasers", i), x.num(r, "tiers[].laser_sources", i), x.numAs(r, x.Whole(" km"), "tiers[].fiber_km", i),
		})
	}
	return t.HTML(x.Catalogue)
}

// fecWords names a link's codes, and says when auto chose them.
func (x Writer) fecWords(fec string, auto bool) string {
	w := x.Get("report.fec." + fec)
	if auto {
		w = x.then(w, x.Get("report.auto"))
	}
	return w
}

// words splits a catalogue entry of "|"-separated words.
func (x Writer) words(key string) []string { return strings.Split(x.Get(key), "|") }

// Totals is the table of cluster totals.
func (x Writer) Totals(r *core.Result) string {
	t := Table{ID: "t-totals", Caption: x.Get("report.totals.caption"), Head: x.words("report.quantity_value"), Num: map[int]bool{1: true}}
	if why, _, ok := x.NotBuildable(r); ok {
		// Above every total, and in the caption a reader's table
		// navigation announces.
		t.Caption = x.then(t.Caption, "("+x.Get("report.not_buildable")+")")
		t.Class = "infeasible"
		t.Rows = append(t.Rows, []Cell{T(x.Get("report.totals.not_buildable")), H(`<span class="blocked">` + escape(why) + `</span>`)})
	}
	// The rows: the field, and how its value reads when it is not as its
	// unit reads.
	rows := []struct {
		field string
		text  func(core.Number) string
	}{
		{"interconnect_watts", nil}, {"interconnect_watts_per_gpu", nil}, {"scale_out_watts", nil}, {"scale_up_watts", nil}, {"interconnect_share", nil},
		{"interconnect_facility_watts", nil}, {"annual_mwh", x.Whole(" MWh")}, {"annual_usd", nil}, {"co2_tonnes_per_year", nil}, {"water_m3_per_year", nil}, {"households", x.Whole("")},
		{"gpu_watts", nil}, {"switch_watts", nil}, {"switch_box_watts", nil}, {"switch_overhead_watts", nil}, {"box_watts", nil}, {"nic_watts", nil},
		{"it_watts", nil}, {"facility_watts", nil}, {"switches", nil}, {"chips_per_box", nil}, {"chip_gbps", nil}, {"box_internal_lanes", nil}, {"switch_chips", nil}, {"scale_up_switches", nil}, {"transceivers", nil},
		{"modules", nil}, {"engines", nil}, {"lasers", nil}, {"laser_sources", nil}, {"cables", nil}, {"fiber_km", x.WholeOf("unit.core_km")},
		{"fiber_m_per_gpu", nil}, {"fiber_km_per_mw", x.WholeOf("unit.core_km")}, {"share_of_world_fiber", nil}, {"clusters_per_world_year", nil}, {"fiber_cny", nil}, {"capex_usd", nil}, {"capex_usd_per_gpu", nil},
		{"switch_capex_usd", nil}, {"fiber_usd", nil}, {"energy_usd", nil}, {"tco_usd", nil}, {"tco_usd_per_gpu", nil}, {"mtbf_hours", nil}, {"network_mtbf_hours", nil}, {"link_failures_per_day", nil}, {"job_interruptions_per_day", nil}, {"gpu_hours_lost_per_year", nil}, {"usd_lost_per_year", nil}, {"latency_ns", nil}, {"scale_up_latency_ns", nil},
	}
	for _, row := range rows {
		text := row.text
		if text == nil {
			text = x.Text
		}
		t.Rows = append(t.Rows, []Cell{T(x.Get("report.totals." + row.field)), x.numAs(r, text, "totals."+row.field)})
	}
	return t.HTML(x.Catalogue)
}

// FieldPathBand is the path of stage j's interconnect power, which its
// band is keyed by.
func FieldPathBand(j int) string { return core.FieldPath("by_stage[].totals.interconnect_watts", j) }

// Stages is the table of the same cluster at each stage, with a place
// for each stage's band (the page fills it when its uncertainty run has
// answered).
func (x Writer) Stages(r *core.Result) string { return x.StagesWithBands(r, nil) }

// StagesWithBands is Stages with each stage's interconnect power band in
// words (BandWords).
func (x Writer) StagesWithBands(r *core.Result, bands map[string]string) string {
	t := Table{ID: "t-stages", Caption: x.Get("report.stages.caption"), Head: x.words("report.stages.head"), Num: numCols(1, 8),
		Cards: true, Key: map[int]bool{0: true, 1: true, 2: true, 3: true, 8: true}}
	for j := range r.ByStage {
		st := &r.ByStage[j]
		if !st.Feasible {
			msg := st.BlockedList()[0].Message(x.Catalogue, len(r.Tiers), r.Lane.Rate)
			t.Rows = append(t.Rows, []Cell{T(core.StageLabel(x.Catalogue, st.Stage)), {HTML: `<span class="blocked">` + escape(msg) + `</span>`, Span: len(t.Head) - 1}})
			continue
		}
		band := FieldPathBand(j)
		t.Rows = append(t.Rows, []Cell{T(core.StageLabel(x.Catalogue, st.Stage)), x.num(r, "by_stage[].totals.interconnect_watts", j),
			H(`<span class="band" data-band-for="` + band + `">` + escape(bands[band]) + `</span>`), x.num(r, "by_stage[].totals.interconnect_share", j),
			x.numAs(r, x.Whole(" MWh"), "by_stage[].totals.annual_mwh", j), x.num(r, "by_stage[].totals.transceivers", j), x.num(r, "by_stage[].totals.mtbf_hours", j), x.num(r, "by_stage[].totals.latency_ns", j), x.num(r, "by_stage[].totals.tco_usd", j)})
	}
	return t.HTML(x.Catalogue)
}

// ScaleUp is the table of the scale-up domains.
func (x Writer) ScaleUp(r *core.Result) string {
	su := &r.ScaleUp
	t := Table{ID: "t-scaleup", Caption: x.Get("report.scaleup.caption"), Head: x.words("report.quantity_value"), Num: map[int]bool{1: true}}
	if !su.Present {
		t.AddRow(x.Get("report.scaleup.domain"), x.Get("report.scaleup.none"))
		return t.HTML(x.Catalogue)
	}
	add := func(field string) {
		t.Rows = append(t.Rows, []Cell{T(x.Get("report.scale_up." + field)), x.num(r, "scale_up."+field)})
	}
	for _, f := range []string{"domains", "domain_gpus", "links_per_gpu", "pairs_per_domain", "copper_per_domain_m", "domain_tbytes_per_s", "switch_chips"} {
		add(f)
	}
	t.Rows = append(t.Rows, []Cell{T(x.Get("report.scale_up.tech")), T(su.Tech.Name(x.Catalogue) + x.Get("report.list_sep") + su.Length.In(x.Catalogue))})
	t.Rows = append(t.Rows, []Cell{T(x.Get("report.scale_up.fec")), T(x.fecWords(su.Link.FEC(), r.Scenario.ScaleUp.FEC == core.FECAuto))})
	if su.Link.Tech.Copper() {
		sig := x.Get("report.sig." + su.Link.Signalling())
		if r.Scenario.ScaleUp.Signalling == core.SigAuto {
			sig = x.then(sig, x.Get("report.auto"))
		}
		t.Rows = append(t.Rows, []Cell{T(x.Get("report.scale_up.signalling")), T(sig)})
	}
	if su.Levels == 2 {
		t.Rows = append(t.Rows, []Cell{T(x.Get("report.scale_up.levels")), x.num(r, "scale_up.levels")})
		t.Rows = append(t.Rows, []Cell{T(x.Get("report.scale_up.spine_chips")), x.num(r, "scale_up.spine_chips")})
		spine := su.SpineTech.Name(x.Catalogue) + x.Get("report.list_sep") + su.SpineLength.In(x.Catalogue)
		if su.Requested == core.Auto {
			spine = x.then(spine, x.Get("report.auto"))
		}
		t.Rows = append(t.Rows, []Cell{T(x.Get("report.scale_up.spine_tech")), T(spine)})
		t.Rows = append(t.Rows, []Cell{T(x.Get("report.scale_up.spine_watts")), x.num(r, "scale_up.spine_watts")})
	}
	reaches := H(escape(x.YesNo(true)))
	if !su.Feasible {
		for _, b := range r.Blockers() {
			if b.Tier < 0 {
				reaches = H(`<span class="blocked">` + escape(x.YesNo(false)+x.Get("report.list_sep")+b.Message(x.Catalogue, len(r.Tiers), r.Lane.Rate)) + `</span>`)
			}
		}
	}
	t.Rows = append(t.Rows, []Cell{T(x.Get("report.scale_up.feasible")), reaches})
	add("watts")
	for i, c := range su.AsTechList() {
		cell := x.numAs(r, func(n core.Number) string {
			v := x.Text(n)
			if !c.Feasible {
				v = x.then(v, x.Format("report.cannot_reach", "length", su.Length.In(x.Catalogue)))
			}
			return v
		}, "scale_up.as_tech[].watts", i)
		t.Rows = append(t.Rows, []Cell{T(x.Format("report.same_as", "tech", c.Tech.Name(x.Catalogue))), cell})
	}
	return t.HTML(x.Catalogue)
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
func (x Writer) Facts(r *core.Result) []Fact {
	t := &r.Totals
	fact := func(c Cell, words string) Fact { return Fact{Path: c.Path, Text: c.Text, Words: words} }
	return []Fact{
		fact(x.num(r, "totals.interconnect_watts"), x.Format("report.fact.power", "share", t.InterconnectShare.Percent(x.Catalogue))),
		fact(x.numAs(r, x.Whole(" MWh"), "totals.annual_mwh"), x.Format("report.fact.energy", "usd", t.AnnualUSD.In(x.Catalogue))),
		fact(x.num(r, "totals.mtbf_hours"), x.Format("report.fact.mtbf", "links", x.Count(t.Links+t.ScaleUpLinks))),
		fact(x.num(r, "totals.tco_usd"), x.Format("report.fact.tco", "years", x.years(r), "per_gpu", t.TCOPerGPU.In(x.Catalogue))),
	}
}

// KeyFacts is the row of headline figures, each with a place for how
// sure it is (BandWords fills it: the page, when its uncertainty run has
// answered; the build, for the default scenario).
func (x Writer) KeyFacts(r *core.Result) string { return x.KeyFactsWithBands(r, nil) }

// KeyFactsWithBands is KeyFacts with each figure's band in words.
func (x Writer) KeyFactsWithBands(r *core.Result, bands map[string]string) string {
	var b strings.Builder
	_, _, blocked := x.NotBuildable(r)
	badge, item := "", `<div role="listitem">`
	if blocked {
		badge, item = x.notBuildableBadge(), `<div role="listitem" class="infeasible">`
	}
	b.WriteString(`<div class="keyfacts" role="list">`)
	for _, f := range x.Facts(r) {
		b.WriteString(item + `<span class="big" data-path="` + f.Path + `" tabindex="0">` + escape(f.Text) + `</span>` + badge + ` ` + escape(f.Words) +
			` <span class="band" data-band-for="` + f.Path + `">` + escape(bands[f.Path]) + `</span></div>`)
	}
	b.WriteString(`</div>`)
	return b.String()
}

// BandWords says how sure each headline figure is, from an uncertainty
// run of the same scenario: "90 % of 2,000 draws between 4.82 and
// 11.4 MW", in the figure's own units.
func (x Writer) BandWords(r *core.Result, u *core.UncertaintyResult) map[string]string {
	out := map[string]string{}
	for _, f := range x.Facts(r) {
		band, ok := u.Bands[f.Path]
		n, err := r.Number(f.Path)
		if !ok || err != nil {
			continue
		}
		text := x.Text
		if f.Path == "totals.annual_mwh" {
			text = x.Whole(" MWh")
		}
		lo, hi := n, n
		lo.Value, hi.Value = band.P5, band.P95
		words := x.Format("report.band", "n", x.Count(band.N), "low", text(lo), "high", text(hi))
		if top := u.Tornado[f.Path]; len(top) >= 2 {
			words = x.then(words, x.Format("report.band_decided", "first", x.paramWords(top[0].ID), "second", x.paramWords(top[1].ID)))
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
		words := x.Format("report.band_range", "low", x.Text(lo), "high", x.Text(hi))
		if band.N < u.Samples {
			words = x.Format("report.band_built", "range", words, "share", core.Ratio(float64(band.N)/float64(u.Samples)).Percent(x.Catalogue))
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
func (x Writer) SureWords(u *core.UncertaintyResult) string {
	var parts []string
	for _, q := range u.Probabilities {
		if q.N == 0 {
			continue
		}
		// The statements in the Writer's words, whatever words the run
		// carries.
		statement, which := x.Get("question."+q.Key), ""
		if q.Judged != "" {
			which = x.Get("question." + q.Key + ".judged")
		}
		part := x.Format("report.sure_part", "statement", statement, "share", core.Ratio(q.Share).Percent(x.Catalogue))
		switch {
		case which != "" && q.N < minJudged:
			// A share of a handful of draws says nothing: say so.
			part = x.Format("report.sure_few", "statement", statement, "n", x.Count(q.N), "samples", x.Count(u.Samples), "which", which)
		case which != "":
			part = x.then(part, x.Format("report.sure_judged", "n", x.Count(q.N), "which", which))
		}
		parts = append(parts, part)
	}
	if len(parts) == 0 {
		return ""
	}
	return x.Format("report.sure", "samples", x.Count(u.Samples), "parts", strings.Join(parts, x.Get("report.parts_sep")))
}

// paramWords names a parameter with its source, short: "host SerDes
// energy, long-reach class (ISSCC 2026)".
func (x Writer) paramWords(id string) string {
	p, ok := core.LookupParam(id)
	if !ok {
		return id
	}
	name := figures.ShortName(x.Catalogue, id)
	if name != "" && name[0] >= 'A' && name[0] <= 'Z' {
		name = strings.ToLower(name[:1]) + name[1:]
	}
	return x.Format("report.param_source", "name", name, "source", shortSource(p.Cited(x.Catalogue)))
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
func (x Writer) then(a, b string) string {
	if a == "" {
		return b
	}
	return x.Format("report.then", "a", a, "b", b)
}

// years says the span of the cost of ownership: "5 years", "1 year".
func (x Writer) years(r *core.Result) string {
	if r.Scenario.Years == 1 {
		return "1 " + x.Get("unit.year")
	}
	return x.Input(r.Scenario.Years) + " " + x.Get("unit.years")
}

// NotBuildable says why the cluster as configured cannot be built: the
// first part that fails, in words, and how many more do; ok is false when
// it can be built.
func (x Writer) NotBuildable(r *core.Result) (why string, more int, ok bool) {
	bl := r.Blockers()
	if len(bl) == 0 {
		return "", 0, false
	}
	return bl[0].Message(x.Catalogue, len(r.Tiers), r.Lane.Rate), len(bl) - 1, true
}

// notBuildableBadge marks a figure of a cluster that cannot be built, in
// words a screen reader reads with the figure.
func (x Writer) notBuildableBadge() string {
	return ` <span class="not-buildable">` + escape(x.Get("report.not_buildable")) + `</span>`
}

// Headline says, in sentences, what the stages mean for this cluster.
func (x Writer) Headline(r *core.Result) string {
	dsp, cpo, cu := stage(r, "dsp"), stage(r, "cpo"), stage(r, "copper")
	var s []string
	if dsp != nil && cpo != nil && dsp.Feasible && cpo.Feasible {
		save := dsp.Totals.InterconnectPower - cpo.Totals.InterconnectPower
		hh := dsp.Totals.Households - cpo.Totals.Households
		if save > 0 {
			s = append(s, x.Format("report.headline.save", "power", save.In(x.Catalogue), "households", x.Count(int(math.Round(hh)))))
		} else {
			s = append(s, x.Format("report.headline.more", "power", (-save).In(x.Catalogue)))
		}
		if d := dsp.Totals.TCO - cpo.Totals.TCO; d >= 0 {
			s = append(s, x.Format("report.headline.tco_less", "years", x.years(r), "usd", d.In(x.Catalogue)))
		} else {
			s = append(s, x.Format("report.headline.tco_more", "years", x.years(r), "usd", (-d).In(x.Catalogue)))
		}
	}
	if cu != nil {
		if cu.Feasible {
			s = append(s, x.Format("report.headline.copper", "power", cu.Totals.InterconnectPower.In(x.Catalogue)))
		} else {
			s = append(s, x.Format("report.headline.nocopper", "why", cu.BlockedList()[0].Message(x.Catalogue, len(r.Tiers), r.Lane.Rate)))
		}
	}
	if why, more, ok := x.NotBuildable(r); ok {
		// What cannot be built comes first: the figures are of a cluster
		// that does not exist.
		lead := x.Format("report.headline.infeasible", "why", why)
		if more > 0 {
			lead = x.Format("report.headline.infeasible_more", "why", why, "n", x.Count(more))
		}
		s = append([]string{lead}, s...)
	}
	out := ""
	for _, sentence := range s {
		out = x.then(out, sentence)
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
	Supply   string            `json:"supply"`           // the fibre market, year by year (Supply)
	Charts   map[string]string `json:"charts,omitempty"` // data tables, by chart id
	Words    map[string]string `json:"words,omitempty"`  // the charts' scenario words (ChartWords), with the tables
}

// MarshalJSON writes the live parts, in the order and with the names of
// their tags.
func (l Live) MarshalJSON() ([]byte, error) {
	return wire.Marshal(&l, liveWire), nil
}

// WriteJSON writes the live parts in place (the calculator's answer holds
// them).
func (l Live) WriteJSON(w *wire.W) { wire.Write(w, &l, liveWire) }

var liveWire = []wire.Field[*Live]{
	{Name: "keyfacts", Put: func(w *wire.W, l *Live) { w.Str(l.KeyFacts) }},
	{Name: "headline", Put: func(w *wire.W, l *Live) { w.Str(l.Headline) }},
	{Name: "tiers", Put: func(w *wire.W, l *Live) { w.Str(l.Tiers) }},
	{Name: "totals", Put: func(w *wire.W, l *Live) { w.Str(l.Totals) }},
	{Name: "stages", Put: func(w *wire.W, l *Live) { w.Str(l.Stages) }},
	{Name: "scaleup", Put: func(w *wire.W, l *Live) { w.Str(l.ScaleUp) }},
	{Name: "supply", Put: func(w *wire.W, l *Live) { w.Str(l.Supply) }},
	{Name: "charts", Put: func(w *wire.W, l *Live) { w.StrMap(l.Charts) }, When: func(l *Live) bool { return len(l.Charts) > 0 }},
	{Name: "words", Put: func(w *wire.W, l *Live) { w.StrMap(l.Words) }, When: func(l *Live) bool { return len(l.Words) > 0 }},
}

// Render writes every live part of the calculator page; the charts' tables
// only when f is given (the figures changed).
func (x Writer) Render(r *core.Result, f *figures.Figures) Live {
	l := Live{KeyFacts: x.KeyFacts(r), Headline: x.Headline(r), Tiers: x.Tiers(r), Totals: x.Totals(r), Stages: x.Stages(r), ScaleUp: x.ScaleUp(r)}
	// A scenario core evaluated has parameters core accepts, so its
	// outlook cannot fail; were it to, the part is left empty.
	l.Supply, _ = x.Supply(r)
	if f != nil {
		l.Charts = x.ChartTables(f)
		l.Words = x.ChartWords(r)
	}
	return l
}

// ChartTables writes the data table of each figure chart, keyed by chart
// id: the text alternative of the chart, and what the calculator updates.
func (x Writer) ChartTables(f *figures.Figures) map[string]string {
	out := map[string]string{}

	var lanes []string
	for _, l := range f.Lanes {
		lanes = append(lanes, x.Number(l, 3)+" Gb/s")
	}
	cw := Table{Caption: x.Get("report.chart.copper_wall"), Head: append([]string{x.Get("report.technology")}, lanes...), Num: numCols(1, len(lanes))}
	for i, t := range f.CopperWall.Techs {
		row := []string{t.Name(x.Catalogue)}
		for _, v := range f.CopperWall.Reach[i] {
			if math.IsNaN(v) || v <= 0 {
				row = append(row, x.Get("report.no_reach")) // said, not a 0
				continue
			}
			row = append(row, x.Number(v, 3))
		}
		cw.AddRow(row...)
	}
	out["copper-wall"] = cw.HTML(x.Catalogue)

	port := x.Format("report.chart.port", "port", x.Number(f.PortGbps, 4), "lane", x.Number(f.LaneGbps, 3))
	out["energy-per-bit"] = x.breakdownTable(x.Format("report.chart.energy", "port", port), &f.Energy)
	out["latency"] = x.breakdownTable(x.Format("report.chart.latency", "port", port), &f.Latency)

	cp := &f.ClusterPower
	head := []string{x.Get("report.gpus")}
	for _, s := range cp.Series {
		head = append(head, s.Name)
	}
	ct := Table{Caption: x.Get("report.chart.cluster_power"), Head: head, Num: numCols(0, len(head)-1)}
	for j, n := range cp.GPUs {
		row := []string{x.Count(n)}
		for _, s := range cp.Series {
			if v := s.Values[j]; math.IsNaN(v) {
				row = append(row, x.Get("report.cannot_build"))
			} else {
				row = append(row, x.Number(v, 3))
			}
		}
		ct.AddRow(row...)
	}
	out["cluster-power"] = ct.HTML(x.Catalogue)

	ep := &f.ElectricalPath
	et := Table{Caption: x.Format("report.chart.path", "lane", x.Number(f.LaneGbps, 3)), Head: x.words("report.chart.path.head"), Num: map[int]bool{1: true, 2: true}}
	for i, label := range ep.Labels {
		et.AddRow(label, x.Number(ep.PathMM[i], 3), x.Number(ep.LossDB[i], 3))
	}
	out["electrical-path"] = et.HTML(x.Catalogue)
	return out
}

// breakdownTable is a component × technology table, without the
// components that are zero everywhere, and with each technology's total.
func (x Writer) breakdownTable(caption string, d *figures.Breakdown) string {
	var cats []string
	for _, t := range d.Techs {
		cats = append(cats, t.Abbrev())
	}
	t := Table{Caption: caption, Head: append([]string{x.Get("report.component")}, cats...), Num: numCols(1, len(cats))}
	for i := range d.Components {
		nonzero := false
		row := []string{d.Labels[i]}
		for _, v := range d.Values[i] {
			nonzero = nonzero || v > 0
			row = append(row, x.Number(v, 3))
		}
		if nonzero {
			t.AddRow(row...)
		}
	}
	total := []string{x.Get("report.total")}
	for _, v := range d.Totals {
		total = append(total, x.Number(v, 3))
	}
	t.AddRow(total...)
	return t.HTML(x.Catalogue)
}

// ChartWords are the words of the charts that depend on the scenario: the
// caption and the source line of each chart that says what it was
// computed for. The build writes them into the pages; the calculator
// replaces them for the reader's scenario, so that a chart never describes
// another cluster than the one it shows.
func (x Writer) ChartWords(r *core.Result) map[string]string {
	s := r.Scenario
	port := x.Number(float64(r.PortLanes)*s.LaneGbps, 4) + " Gb/s"
	lanes := x.Format("chart.port", "port", port, "lanes", strconv.Itoa(r.PortLanes), "lane", x.Number(s.LaneGbps, 3)+" Gb/s")
	var lengths []string
	for i := range r.Tiers {
		if !r.Tiers[i].Added {
			lengths = append(lengths, r.Tiers[i].Length.In(x.Catalogue))
		}
	}
	suTech := x.Get("chart.su_none")
	perGPU := ""
	if r.ScaleUp.Present {
		suTech = r.ScaleUp.Link.Tech.Name(x.Catalogue)
		perGPU = x.Number(r.Totals.ScaleUpPower.Watts()/float64(s.GPUs), 2)
	}
	su := x.Format("chart.cluster.scaleup", "tech", suTech, "w", perGPU)
	if !r.ScaleUp.Present {
		su = x.Get("chart.cluster.noscaleup")
	}
	tree := x.Format("chart.cluster.tree", "radix", strconv.Itoa(s.ScaleOut.SwitchRadix))
	if s.ScaleOut.Planes > 1 {
		tree = x.Format("chart.cluster.planes", "planes", strconv.Itoa(s.ScaleOut.Planes), "radix", strconv.Itoa(s.ScaleOut.SwitchRadix))
	}
	return map[string]string{
		"energy-per-bit.caption":  x.Format("chart.energy.caption", "port", lanes),
		"latency.caption":         x.Format("chart.latency.caption", "port", lanes),
		"electrical-path.caption": x.Format("chart.path.caption", "lane", x.Number(s.LaneGbps, 3)+" Gb/s"),
		"cluster-power.caption":   x.Format("chart.cluster.caption", "scaleup", su),
		"cluster-power.source": x.Format("chart.cluster.source", "gpuw", x.Number(s.GPUWatts, 4), "domain", x.Count(s.ScaleUp.DomainGPUs),
			"gbps", x.Number(s.ScaleOut.GbpsPerGPU, 4)+" Gb/s", "tree", tree, "lengths", strings.Join(lengths, ", "),
			"added", core.Length(core.AddedTierLengthM*float64(core.Metre)).In(x.Catalogue)),
	}
}

// noCompare: see core's.
type noCompare [0]func()

// signed prints a change with its sign: "+0.41", "−1.2".
func (x Writer) signed(v float64) string {
	switch {
	case v > 0:
		return "+" + x.Number(v, 3)
	case v < 0:
		return "−" + x.Number(-v, 3)
	}
	return "0"
}

// TornadoTable is the tornado chart's data table: each parameter, its
// source, and the headline's change at its low and at its high.
func (x Writer) TornadoTable(t *figures.Tornado) string {
	tb := Table{Caption: x.Format("report.tornado.caption", "headline", t.Title, "unit", t.Unit), Head: x.words("report.tornado.head"), Num: map[int]bool{2: true, 3: true}}
	for i, id := range t.IDs {
		src := ""
		if p, ok := core.LookupParam(id); ok {
			src = shortSource(p.Cited(x.Catalogue))
		}
		tb.Rows = append(tb.Rows, []Cell{T(t.Names[i]), T(src), T(x.signed(t.Low[i])), T(x.signed(t.High[i]))})
	}
	return tb.HTML(x.Catalogue)
}

// TornadoWords is the tornado chart's caption for a headline: its value at
// the defaults, and the two parameters that move it most.
func (x Writer) TornadoWords(t *figures.Tornado) string {
	def := x.Number(t.Default, 3) + " " + t.Unit
	if t.Unit == "$ million" || t.Unit == "$ billion" {
		def = "$" + x.Number(t.Default, 3) + t.Unit[1:]
	}
	title := t.Title
	if title != "" && title[0] >= 'a' && title[0] <= 'z' {
		title = strings.ToUpper(title[:1]) + title[1:]
	}
	s := x.Format("report.tornado.words", "headline", title, "default", def)
	if len(t.SetNames) > 0 {
		s = x.Format("report.tornado.words_set", "headline", title, "default", def, "set", strings.Join(t.SetNames, x.Get("report.list_sep")))
	}
	if len(t.IDs) >= 2 {
		s = x.then(s, x.Format("report.band_decided", "first", x.paramWords(t.IDs[0]), "second", x.paramWords(t.IDs[1])))
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
func (x Writer) Tornadoes(r *core.Result, u *core.UncertaintyResult) []TornadoParts {
	var out []TornadoParts
	for _, t := range figures.Tornadoes(x.Catalogue, r, u) {
		if allZero(t.Low) && allZero(t.High) {
			continue // nothing moves it: a count, not a physical number
		}
		out = append(out, TornadoParts{Figure: t, Words: x.TornadoWords(&t), Table: x.TornadoTable(&t)})
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
