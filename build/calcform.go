package main

import (
	"encoding/json"
	"html"
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
}

type option struct{ Value, Label string }

func techOptions(auto bool) []option {
	var o []option
	if auto {
		o = append(o, option{"auto", "auto: lowest power that reaches"})
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
		label := v + " Gb/s"
		if core.LaneResearch(l) {
			label += " (research)"
		}
		o = append(o, option{v, label})
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

// fiberOptions are the optics classes of the fibre table.
var fiberOptions = func() []option {
	var o []option
	for _, f := range core.Fibers {
		o = append(o, option{string(f), label.Get("fiber." + string(f))})
	}
	return o
}()

var formGroups = []struct {
	Legend string
	Fields []formField
}{
	{"Cluster", []formField{
		{Field: "gpus", Label: "GPUs", Kind: "int", Hint: "1 to 10,000,000"},
		{Field: "gpu_watts", Label: "Power per GPU", Kind: "num", Unit: "W", Hint: "besides its link SerDes"},
		{Field: "lane_gbps", Label: "Electrical lane rate", Kind: "select", Options: laneOptions()},
	}},
	{"Scale-up domain", []formField{
		{Field: "scale_up.domain_gpus", Label: "GPUs per domain", Kind: "int", Hint: "1 for none"},
		{Field: "scale_up.gbps_per_gpu", Label: "Bandwidth per GPU, each way", Kind: "num", Unit: "Gb/s"},
		{Field: "scale_up.lane_gbps", Label: "Lane rate", Kind: "select", Options: append([]option{{"0", "as the scale-out lanes"}}, laneOptions()...)},
		{Field: "scale_up.tech", Label: "Technology", Kind: "select", Options: techOptions(true)},
		{Field: "scale_up.length_m", Label: "Mean cable length", Kind: "num", Unit: "m"},
		{Field: "scale_up.awg", Label: "Copper gauge", Kind: "select", Options: awgOptions()},
		{Field: "scale_up.fec", Label: "Forward error correction", Kind: "select", Options: []option{{core.FECStandard, "Reed-Solomon (the lane's)"}, {core.FECNone, "none on copper: least latency"}}},
	}},
	{"Scale-out network", []formField{
		{Field: "scale_out.gbps_per_gpu", Label: "Bandwidth per GPU, each way", Kind: "num", Unit: "Gb/s"},
		{Field: "scale_out.port_gbps", Label: "Port rate", Kind: "num", Unit: "Gb/s", Hint: "a whole number of lanes"},
		{Field: "scale_out.switch_radix", Label: "Switch radix", Kind: "int", Unit: "ports", Hint: "even, 4 to 1,024"},
		{Field: "scale_out.tiers", Label: "Tiers", Kind: "int", Hint: "0: as many as needed"},
		{Field: "scale_out.nic_tech", Label: "GPU end of tier 1", Kind: "select", Options: nicOptions()},
		{Field: "scale_out.oversubscription", Label: "Oversubscription below the top tier", Kind: "num", Unit: "down:up", Hint: "1 for non-blocking, up to 16"},
		{Field: "switch_cooling", Label: "Switch cooling", Kind: "select", Options: []option{{core.CoolingAir, "air (fans)"}, {core.CoolingLiquid, "liquid (cold plates)"}}},
	}},
	{"Economics", []formField{
		{Field: "pue", Label: "PUE", Kind: "num", Hint: "1 to 3"},
		{Field: "usd_per_kwh", Label: "Electricity price", Kind: "num", Unit: "USD/kWh"},
		{Field: "fiber_cny_per_core_km", Label: "Fibre price", Kind: "num", Unit: "CNY per core-km"},
		{Field: "years", Label: "Years of operation", Kind: "num", Unit: "years", Hint: "for the cost of ownership, 1 to 30"},
	}},
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
			return "26"
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
		b.WriteString(` <span class="unit">(` + html.EscapeString(f.Unit) + `)</span>`)
	}
	b.WriteString(`</label>`)
	desc := eid
	if f.Hint != "" {
		desc = "h-" + fieldID(f.Field) + " " + eid
	}
	attrs := ` id="` + id + `" name="` + html.EscapeString(f.Field) + `" data-field="` + html.EscapeString(f.Field) + `" data-kind="` + f.Kind + `" aria-describedby="` + desc + `"`
	if f.Kind == "select" {
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
		awg = 26
	}
	fiber := string(t.Fiber)
	if fiber == "" {
		fiber = "smf"
	}
	cell := func(f formField, value string) string {
		f.Field = p + f.Field
		return `<td>` + inputHTML(f, value) + `</td>`
	}
	return `<tr class="tier-row"><th scope="row" class="tier-name"><span class="tier-num">` + strconv.Itoa(i+1) + `</span><span class="tier-note" hidden></span></th>` +
		cell(formField{Field: "tech", Label: "Technology", Kind: "select", Options: techOptions(true)}, string(t.Tech)) +
		cell(formField{Field: "length_m", Label: "Mean length", Kind: "num", Unit: "m"}, report.Num(t.LengthM, 6)) +
		cell(formField{Field: "max_length_m", Label: "Longest link", Kind: "num", Unit: "m", Optional: true, Placeholder: "mean"}, optionalNum(t.MaxLengthM)) +
		cell(formField{Field: "awg", Label: "Copper gauge", Kind: "select", Options: awgOptions()}, strconv.Itoa(awg)) +
		cell(formField{Field: "fiber", Label: "Fibre", Kind: "select", Options: fiberOptions}, fiber) +
		`<td><button type="button" class="remove-tier" aria-label="Remove tier ` + strconv.Itoa(i+1) + `">Remove</button></td></tr>`
}

func paramRowsHTML() string {
	var b strings.Builder
	group := ""
	for _, p := range core.Catalogue() {
		if p.Group != group {
			if group != "" {
				b.WriteString(`</tbody></table></div>`)
			}
			group = p.Group
			b.WriteString(`<h4>` + html.EscapeString(group) + `</h4><div class="table-wrap" tabindex="0" role="region" aria-label="Parameters: ` + html.EscapeString(group) + `"><table class="data params"><thead><tr><th scope="col">parameter</th><th scope="col">value</th><th scope="col">range</th><th scope="col">source</th></tr></thead><tbody>`)
		}
		f := "params." + p.ID
		id := "f-" + fieldID(f)
		eid := "e-" + fieldID(f)
		b.WriteString(`<tr><th scope="row"><label for="` + id + `">` + html.EscapeString(p.Name) + `</label><br><code>` + html.EscapeString(p.ID) + `</code></th>`)
		b.WriteString(`<td><input type="text" inputmode="decimal" autocomplete="off" spellcheck="false" id="` + id + `" data-field="` + f + `" data-param="` + html.EscapeString(p.ID) + `" data-default="` + strconv.FormatFloat(p.Default, 'g', -1, 64) + `" data-kind="num" value="` + strconv.FormatFloat(p.Default, 'g', -1, 64) + `" aria-describedby="` + eid + `"> <span class="unit">` + html.EscapeString(p.Unit) + `</span><span class="field-error" id="` + eid + `" hidden></span></td>`)
		b.WriteString(`<td class="num">` + report.Num(p.Low, 4) + ` to ` + report.Num(p.High, 4) + `</td>`)
		b.WriteString(`<td>` + html.EscapeString(confidenceWord(p.Confidence)) + `. ` + html.EscapeString(p.Source) + `</td></tr>`)
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
	for _, g := range formGroups {
		b.WriteString(`<fieldset><legend>` + html.EscapeString(g.Legend) + `</legend>`)
		for _, f := range g.Fields {
			b.WriteString(inputHTML(f, scenarioValue(s, f.Field)))
		}
		b.WriteString(`</fieldset>`)
	}
	b.WriteString(`<fieldset id="tiers-fieldset"><legend>Scale-out tiers, from the GPUs up</legend>`)
	b.WriteString(`<div class="table-wrap" tabindex="0" role="region" aria-label="Scale-out tiers"><table class="tier-inputs"><thead><tr><th scope="col">tier</th><th scope="col">technology</th><th scope="col">mean length</th><th scope="col">longest link</th><th scope="col">copper gauge</th><th scope="col">fibre</th><th scope="col"><span class="visually-hidden">remove</span></th></tr></thead><tbody id="tier-rows">`)
	for i, t := range s.Tiers {
		b.WriteString(tierRowHTML(i, t))
	}
	b.WriteString(`</tbody></table></div><div class="field-error" id="e-tiers" hidden></div><button type="button" id="add-tier">Add a tier</button></fieldset>`)
	b.WriteString(`<details id="advanced"><summary>Every model parameter (advanced)</summary><p>Each parameter of the model, with its source. Change one to see what it does; a changed parameter is saved in the link.</p><button type="button" id="reset-params">Reset every parameter</button>`)
	b.WriteString(paramRowsHTML())
	b.WriteString(`</details>`)
	b.WriteString(`</form>`)
	return b.String()
}
