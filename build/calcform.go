package main

import (
	"encoding/json"
	"html"
	"slices"
	"strconv"
	"strings"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/report"
)

// The calculator's form, pre-rendered with the default scenario so that a
// reader can start typing before the WebAssembly arrives (calc.js reads the
// form when it is live, so nothing typed is lost). Every input carries the
// JSON path of its scenario field in data-field; errors from core name the
// same path, which is how calc.js puts a message at the right field.

type formField struct {
	Field   string // JSON path
	Label   string
	Kind    string // "int", "num" or "select"
	Unit    string
	Hint    string
	Options []option
	// Optional: an empty input leaves the field out (its default);
	// Placeholder says what empty means.
	Optional    bool
	Placeholder string
	// Number: a select whose values are numbers. Blank (when HasBlank) is
	// what a select shows for a field the scenario leaves out (or zero):
	// the model's default, so that the page need not know it.
	Number   bool
	HasBlank bool
	Blank    string
}

// withBlank is f showing blank for a field left out.
func (f formField) withBlank(blank string) formField {
	f.HasBlank, f.Blank = true, blank
	return f
}

// numeric is f with numbers for values.
func (f formField) numeric() formField {
	f.Number = true
	return f
}

type option struct{ Value, Label string }

func techOptions(auto bool) []option {
	var o []option
	if auto {
		o = append(o, option{"auto", label.Get("form.opt.auto")})
	}
	for _, t := range core.Techs {
		o = append(o, option{string(t), t.Name()})
	}
	return o
}

// nicOptions lists the technologies that may be the GPU's end of tier 1.
func nicOptions() []option {
	var o []option
	for _, t := range core.TechsWhere(core.Tech.NICEnd) {
		o = append(o, option{string(t), t.Name()})
	}
	return o
}

func laneOptions() []option {
	var o []option
	for _, l := range core.LaneRates {
		v := strconv.FormatFloat(l, 'f', -1, 64)
		name := v + " Gb/s"
		if core.LaneResearch(l) {
			name += label.Get("form.opt.research")
		}
		o = append(o, option{v, name})
	}
	return o
}

func awgOptions() []option {
	var o []option
	for _, g := range core.Gauges {
		o = append(o, option{strconv.Itoa(g), strconv.Itoa(g) + " AWG"})
	}
	return o
}

// fecOptions are the links' error-correction choices, the lane's standard
// ("") first.
func fecOptions() []option { return choices(core.FECModes, "form.opt.fec_") }

// sigOptions are copper's signalling options, PAM4 one way ("") first.
func sigOptions() []option { return choices(core.Signallings, "form.opt.sig_") }

// choices labels a model's list of choices from the catalogue: key
// prefix + the choice, "lane" for the empty one (the default).
func choices(list []string, prefix string) []option {
	var o []option
	for _, m := range list {
		key := m
		if m == "" {
			key = "lane"
		}
		o = append(o, option{m, label.Get(prefix + key)})
	}
	return o
}

// fiberOptions are the optics classes of the fibre table.
func fiberOptions() []option {
	var o []option
	for _, f := range core.Fibers {
		o = append(o, option{string(f), label.Get("fiber." + string(f))})
	}
	return o
}

// formGroups are the form's fieldsets, in the edition's words.
func formGroups() []formGroup {
	return []formGroup{
		{label.Get("form.group.cluster"), []formField{
			{Field: "gpus", Label: label.Get("form.gpus"), Kind: "int", Hint: label.Get("form.gpus.hint")},
			{Field: "gpu_watts", Label: label.Get("form.gpu_watts"), Kind: "num", Unit: "W", Hint: label.Get("form.gpu_watts.hint")},
			formField{Field: "lane_gbps", Label: label.Get("form.lane_gbps"), Kind: "select", Options: laneOptions()}.numeric(),
		}},
		{label.Get("form.group.scale_up"), []formField{
			{Field: "scale_up.domain_gpus", Label: label.Get("form.scale_up.domain_gpus"), Kind: "int", Hint: label.Get("form.scale_up.domain_gpus.hint")},
			{Field: "scale_up.gbps_per_gpu", Label: label.Get("form.scale_up.gbps_per_gpu"), Kind: "num", Unit: "Gb/s"},
			formField{Field: "scale_up.lane_gbps", Label: label.Get("form.scale_up.lane_gbps"), Kind: "select", Options: append([]option{{"0", label.Get("form.opt.as_scale_out")}}, laneOptions()...)}.numeric(),
			formField{Field: "scale_up.tech", Label: label.Get("form.scale_up.tech"), Kind: "select", Options: techOptions(true)}.withBlank(string(core.Auto)),
			{Field: "scale_up.length_m", Label: label.Get("form.scale_up.length_m"), Kind: "num", Unit: "m"},
			{Field: "scale_up.spine_length_m", Label: label.Get("form.scale_up.spine_length_m"), Kind: "num", Unit: "m", Optional: true, Placeholder: label.Get("form.scale_up.spine_length_m.placeholder"), Hint: label.Get("form.scale_up.spine_length_m.hint")},
			formField{Field: "scale_up.awg", Label: label.Get("form.scale_up.awg"), Kind: "select", Options: awgOptions()}.numeric().withBlank(strconv.Itoa(core.DefaultAWG)),
			formField{Field: "scale_up.fec", Label: label.Get("form.scale_up.fec"), Kind: "select", Options: fecOptions()}.withBlank(""),
			{Field: "scale_up.signalling", Label: label.Get("form.scale_up.signalling"), Kind: "select", Options: sigOptions()},
		}},
		{label.Get("form.group.scale_out"), []formField{
			{Field: "scale_out.gbps_per_gpu", Label: label.Get("form.scale_out.gbps_per_gpu"), Kind: "num", Unit: "Gb/s"},
			{Field: "scale_out.port_gbps", Label: label.Get("form.scale_out.port_gbps"), Kind: "num", Unit: "Gb/s", Hint: label.Get("form.scale_out.port_gbps.hint")},
			{Field: "scale_out.switch_radix", Label: label.Get("form.scale_out.switch_radix"), Kind: "int", Unit: label.Get("form.unit.ports"), Hint: label.Get("form.scale_out.switch_radix.hint")},
			{Field: "scale_out.tiers", Label: label.Get("form.scale_out.tiers"), Kind: "int", Hint: label.Get("form.scale_out.tiers.hint")},
			{Field: "scale_out.planes", Label: label.Get("form.scale_out.planes"), Kind: "int", Hint: label.Get("form.scale_out.planes.hint"), Optional: true, Placeholder: "1"},
			{Field: "scale_out.nic_tech", Label: label.Get("form.scale_out.nic_tech"), Kind: "select", Options: nicOptions()},
			{Field: "scale_out.oversubscription", Label: label.Get("form.scale_out.oversubscription"), Kind: "num", Unit: label.Get("form.unit.down_up"), Hint: label.Get("form.scale_out.oversubscription.hint")},
			{Field: "switch_cooling", Label: label.Get("form.switch_cooling"), Kind: "select", Options: []option{{core.CoolingAir, label.Get("form.opt.air")}, {core.CoolingLiquid, label.Get("form.opt.liquid")}}},
		}},
		{label.Get("form.group.economics"), []formField{
			{Field: "pue", Label: label.Get("form.pue"), Kind: "num", Hint: label.Get("form.pue.hint")},
			{Field: "usd_per_kwh", Label: label.Get("form.usd_per_kwh"), Kind: "num", Unit: label.Get("form.unit.usd_kwh")},
			{Field: "fiber_cny_per_core_km", Label: label.Get("form.fiber_cny_per_core_km"), Kind: "num", Unit: label.Get("form.unit.cny_core_km")},
			{Field: "years", Label: label.Get("form.years"), Kind: "num", Unit: label.Get("form.unit.years"), Hint: label.Get("form.years.hint")},
		}},
	}
}

// fieldID turns a JSON path into an HTML id.
func fieldID(field string) string {
	r := strings.NewReplacer(".", "-", "[", "-", "]", "")
	return r.Replace(field)
}

// scenarioValue returns a scenario's value of a (non-list) field as text,
// as the form shows it.
func scenarioValue(s core.Scenario, field string) string {
	b, err := json.Marshal(s)
	if err != nil {
		return ""
	}
	var v any
	if json.Unmarshal(b, &v) != nil {
		return ""
	}
	for _, k := range strings.Split(field, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = m[k]
	}
	switch x := v.(type) {
	case string:
		return x
	case float64:
		if x == 0 && strings.HasSuffix(field, "awg") {
			return strconv.Itoa(core.DefaultAWG)
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return ""
}

func inputHTML(f formField, value string) string {
	id := "f-" + fieldID(f.Field)
	eid := "e-" + fieldID(f.Field)
	var b strings.Builder
	b.WriteString(`<div class="field"><label for="` + id + `">` + html.EscapeString(f.Label))
	if f.Unit != "" {
		// The space before the unit is the English catalogue's.
		b.WriteString(`<span class="unit">` + html.EscapeString(label.Format("form.unit_paren", "unit", f.Unit)) + `</span>`)
	}
	b.WriteString(`</label>`)
	desc := eid
	if f.Hint != "" {
		desc = "h-" + fieldID(f.Field) + " " + eid
	}
	attrs := ` id="` + id + `" name="` + html.EscapeString(f.Field) + `" data-field="` + html.EscapeString(f.Field) + `" data-kind="` + f.Kind + `" aria-describedby="` + desc + `"`
	if f.Kind == "select" {
		if f.Number {
			attrs += ` data-number="1"`
		}
		if f.HasBlank {
			attrs += ` data-blank="` + html.EscapeString(f.Blank) + `"`
		}
		b.WriteString(`<select` + attrs + `>`)
		for _, o := range f.Options {
			sel := ""
			if o.Value == value {
				sel = " selected"
			}
			b.WriteString(`<option value="` + html.EscapeString(o.Value) + `"` + sel + `>` + html.EscapeString(o.Label) + `</option>`)
		}
		b.WriteString(`</select>`)
	} else {
		mode := "decimal"
		if f.Kind == "int" {
			mode = "numeric"
		}
		if f.Optional {
			attrs += ` data-optional="1" placeholder="` + html.EscapeString(f.Placeholder) + `"`
		}
		b.WriteString(`<input type="text" inputmode="` + mode + `" autocomplete="off" spellcheck="false"` + attrs + ` value="` + html.EscapeString(value) + `">`)
	}
	if f.Hint != "" {
		b.WriteString(`<span class="hint" id="h-` + fieldID(f.Field) + `">` + html.EscapeString(f.Hint) + `</span>`)
	}
	b.WriteString(`<span class="field-error" id="` + eid + `" hidden></span></div>`)
	return b.String()
}

// optionalNum writes an optional number: empty for 0 (left out).
func optionalNum(v float64) string {
	if v == 0 {
		return ""
	}
	return report.Num(v, 6)
}

// tierRowHTML writes the inputs of tier i.
func tierRowHTML(i int, t core.Tier) string {
	p := "tiers[" + strconv.Itoa(i) + "]."
	awg := t.AWG
	if awg == 0 {
		awg = core.DefaultAWG
	}
	fiber := string(t.Fiber)
	if fiber == "" {
		fiber = string(core.DefaultFiber)
	}
	cell := func(f formField, value string) string {
		f.Field = p + f.Field
		return `<td>` + inputHTML(f, value) + `</td>`
	}
	// The row's name in a narrow layout, around its number ("Tier 1").
	before, after, _ := strings.Cut(label.Get("form.tier_label"), "{n}")
	return `<tr class="tier-row"><th scope="row" class="tier-name"><span class="tier-num" data-before="` + html.EscapeString(before) + `" data-after="` + html.EscapeString(after) + `">` + strconv.Itoa(i+1) + `</span><span class="tier-note" hidden></span></th>` +
		cell(formField{Field: "tech", Label: label.Get("form.tech"), Kind: "select", Options: techOptions(true)}.withBlank(string(core.Auto)), string(t.Tech)) +
		cell(formField{Field: "length_m", Label: label.Get("form.length_m"), Kind: "num", Unit: "m"}, report.Num(t.LengthM, 6)) +
		cell(formField{Field: "max_length_m", Label: label.Get("form.max_length_m"), Kind: "num", Unit: "m", Optional: true, Placeholder: label.Get("form.max_length_m.placeholder")}, optionalNum(t.MaxLengthM)) +
		cell(formField{Field: "awg", Label: label.Get("form.awg"), Kind: "select", Options: awgOptions()}.numeric().withBlank(strconv.Itoa(core.DefaultAWG)), strconv.Itoa(awg)) +
		cell(formField{Field: "fiber", Label: label.Get("form.fiber"), Kind: "select", Options: fiberOptions()}.withBlank(string(core.DefaultFiber)), fiber) +
		cell(formField{Field: "fec", Label: label.Get("form.fec"), Kind: "select", Options: fecOptions()}.withBlank(""), t.FEC) +
		`<td><button type="button" class="remove-tier" aria-label="` + html.EscapeString(label.Format("js.calc.remove_tier", "n", strconv.Itoa(i+1))) + `">` + html.EscapeString(label.Get("form.remove")) + `</button></td></tr>`
}

// heads writes a row of column heads from a catalogue's "a|b|c".
func heads(words string) string {
	var b strings.Builder
	for _, h := range strings.Split(words, "|") {
		b.WriteString(`<th scope="col">` + html.EscapeString(h) + `</th>`)
	}
	return b.String()
}

type formGroup struct {
	Legend string
	Fields []formField
}

func paramRowsHTML() string {
	var b strings.Builder
	group := ""
	// One table per group, in the order the groups first appear: the
	// catalogue keeps related parameters apart where it reads better in
	// code (a group's heading must not come twice).
	cat := core.Catalogue()
	rank := map[string]int{}
	for _, p := range cat {
		if _, ok := rank[p.Group]; !ok {
			rank[p.Group] = len(rank)
		}
	}
	slices.SortStableFunc(cat, func(a, b core.Param) int { return rank[a.Group] - rank[b.Group] })
	for _, p := range cat {
		if p.Group != group {
			if group != "" {
				b.WriteString(`</tbody></table></div>`)
			}
			group = p.Group
			b.WriteString(`<h4>` + html.EscapeString(p.GroupName()) + `</h4><div class="table-wrap" tabindex="0" role="region" aria-label="` + html.EscapeString(label.Format("form.params_of", "group", p.GroupName())) + `"><table class="data params"><thead><tr>` + heads(label.Get("form.params.head")) + `</tr></thead><tbody>`)
		}
		f := "params." + p.ID
		id := "f-" + fieldID(f)
		eid := "e-" + fieldID(f)
		b.WriteString(`<tr><th scope="row"><label for="` + id + `">` + html.EscapeString(p.Title()) + `</label><br><code>` + html.EscapeString(p.ID) + `</code></th>`)
		b.WriteString(`<td><input type="text" inputmode="decimal" autocomplete="off" spellcheck="false" id="` + id + `" data-field="` + f + `" data-param="` + html.EscapeString(p.ID) + `" data-default="` + strconv.FormatFloat(p.Default, 'g', -1, 64) + `" data-kind="num" value="` + strconv.FormatFloat(p.Default, 'g', -1, 64) + `" aria-describedby="` + eid + `"> <span class="unit">` + html.EscapeString(p.Unit) + `</span><span class="field-error" id="` + eid + `" hidden></span></td>`)
		b.WriteString(`<td class="num">` + html.EscapeString(label.Format("err.range", "low", report.Num(p.Low, 4), "high", report.Num(p.High, 4))) + `</td>`)
		b.WriteString(`<td>` + html.EscapeString(label.Format("form.graded", "grade", confidenceWord(p.Confidence), "source", p.Cited())) + `</td></tr>`)
	}
	if group != "" {
		b.WriteString(`</tbody></table></div>`)
	}
	return b.String()
}

// calculatorForm writes the whole form.
func (m *model) calculatorForm() string {
	s := m.scenario
	var b strings.Builder
	b.WriteString(`<form id="calc-form" class="calc-form" novalidate autocomplete="off">`)
	b.WriteString(`<div id="form-error" class="form-error" role="alert" hidden></div>`)
	for _, g := range formGroups() {
		b.WriteString(`<fieldset><legend>` + html.EscapeString(g.Legend) + `</legend>`)
		for _, f := range g.Fields {
			b.WriteString(inputHTML(f, scenarioValue(s, f.Field)))
		}
		b.WriteString(`</fieldset>`)
	}
	b.WriteString(`<fieldset id="tiers-fieldset"><legend>` + html.EscapeString(label.Get("form.tiers")) + `</legend>`)
	b.WriteString(`<div class="table-wrap" tabindex="0" role="region" aria-label="` + html.EscapeString(label.Get("form.tiers_region")) + `"><table class="tier-inputs"><thead><tr>` + heads(label.Get("form.tiers.head")) + `<th scope="col"><span class="visually-hidden">` + html.EscapeString(label.Get("form.remove_col")) + `</span></th></tr></thead><tbody id="tier-rows">`)
	for i, t := range s.Tiers {
		b.WriteString(tierRowHTML(i, t))
	}
	b.WriteString(`</tbody></table></div><div class="field-error" id="e-tiers" hidden></div><button type="button" id="add-tier">` + html.EscapeString(label.Get("form.add_tier")) + `</button></fieldset>`)
	b.WriteString(`<details id="advanced"><summary>` + html.EscapeString(label.Get("form.advanced")) + `</summary><p>` + html.EscapeString(label.Get("form.advanced.help")) + `</p><button type="button" id="reset-params">` + html.EscapeString(label.Get("form.reset_params")) + `</button>`)
	b.WriteString(paramRowsHTML())
	b.WriteString(`</details>`)
	b.WriteString(`</form>`)
	return b.String()
}
