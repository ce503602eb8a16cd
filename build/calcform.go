package main

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/cpocalc/cpocalc/core"
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
		o = append(o, option{"auto", ed.Cat.Get("form.opt.auto")})
	}
	for _, t := range core.Techs {
		o = append(o, option{string(t), t.Name(ed.Cat)})
	}
	return o
}

// nicOptions lists the technologies that may be the GPU's end of tier 1.
func nicOptions() []option {
	var o []option
	for _, t := range core.TechsWhere(core.Tech.NICEnd) {
		o = append(o, option{string(t), t.Name(ed.Cat)})
	}
	return o
}

func laneOptions() []option {
	var o []option
	for _, l := range core.LaneRates {
		v := strconv.FormatFloat(l, 'f', -1, 64)
		name := v + " Gb/s"
		if core.LaneResearch(l) {
			name += ed.Cat.Get("form.opt.research")
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
		o = append(o, option{m, ed.Cat.Get(prefix + key)})
	}
	return o
}

// fiberOptions are the optics classes of the fibre table.
func fiberOptions() []option {
	var o []option
	for _, f := range core.Fibers {
		o = append(o, option{string(f), ed.Cat.Get("fiber." + string(f))})
	}
	return o
}

// formGroups are the form's fieldsets, in the edition's words.
func formGroups() []formGroup {
	return []formGroup{
		{ed.Cat.Get("form.group.cluster"), []formField{
			{Field: "gpus", Label: ed.Cat.Get("form.gpus"), Kind: "int", Hint: ed.Cat.Get("form.gpus.hint")},
			{Field: "gpu_watts", Label: ed.Cat.Get("form.gpu_watts"), Kind: "num", Unit: "W", Hint: ed.Cat.Get("form.gpu_watts.hint")},
			formField{Field: "lane_gbps", Label: ed.Cat.Get("form.lane_gbps"), Kind: "select", Options: laneOptions()}.numeric(),
		}},
		{ed.Cat.Get("form.group.scale_up"), []formField{
			{Field: "scale_up.domain_gpus", Label: ed.Cat.Get("form.scale_up.domain_gpus"), Kind: "int", Hint: ed.Cat.Get("form.scale_up.domain_gpus.hint")},
			{Field: "scale_up.gbps_per_gpu", Label: ed.Cat.Get("form.scale_up.gbps_per_gpu"), Kind: "num", Unit: "Gb/s"},
			formField{Field: "scale_up.lane_gbps", Label: ed.Cat.Get("form.scale_up.lane_gbps"), Kind: "select", Options: append([]option{{"0", ed.Cat.Get("form.opt.as_scale_out")}}, laneOptions()...)}.numeric(),
			formField{Field: "scale_up.tech", Label: ed.Cat.Get("form.scale_up.tech"), Kind: "select", Options: techOptions(true)}.withBlank(string(core.Auto)),
			{Field: "scale_up.length_m", Label: ed.Cat.Get("form.scale_up.length_m"), Kind: "num", Unit: "m"},
			{Field: "scale_up.spine_length_m", Label: ed.Cat.Get("form.scale_up.spine_length_m"), Kind: "num", Unit: "m", Optional: true, Placeholder: ed.Cat.Get("form.scale_up.spine_length_m.placeholder"), Hint: ed.Cat.Get("form.scale_up.spine_length_m.hint")},
			formField{Field: "scale_up.awg", Label: ed.Cat.Get("form.scale_up.awg"), Kind: "select", Options: awgOptions()}.numeric().withBlank(strconv.Itoa(core.DefaultAWG)),
			formField{Field: "scale_up.fec", Label: ed.Cat.Get("form.scale_up.fec"), Kind: "select", Options: fecOptions()}.withBlank(""),
			{Field: "scale_up.signalling", Label: ed.Cat.Get("form.scale_up.signalling"), Kind: "select", Options: sigOptions()},
		}},
		{ed.Cat.Get("form.group.scale_out"), []formField{
			{Field: "scale_out.gbps_per_gpu", Label: ed.Cat.Get("form.scale_out.gbps_per_gpu"), Kind: "num", Unit: "Gb/s"},
			{Field: "scale_out.port_gbps", Label: ed.Cat.Get("form.scale_out.port_gbps"), Kind: "num", Unit: "Gb/s", Hint: ed.Cat.Get("form.scale_out.port_gbps.hint")},
			{Field: "scale_out.switch_radix", Label: ed.Cat.Get("form.scale_out.switch_radix"), Kind: "int", Unit: ed.Cat.Get("form.unit.ports"), Hint: ed.Cat.Get("form.scale_out.switch_radix.hint")},
			{Field: "scale_out.tiers", Label: ed.Cat.Get("form.scale_out.tiers"), Kind: "int", Hint: ed.Cat.Get("form.scale_out.tiers.hint")},
			{Field: "scale_out.planes", Label: ed.Cat.Get("form.scale_out.planes"), Kind: "int", Hint: ed.Cat.Get("form.scale_out.planes.hint"), Optional: true, Placeholder: "1"},
			{Field: "scale_out.nic_tech", Label: ed.Cat.Get("form.scale_out.nic_tech"), Kind: "select", Options: nicOptions()},
			{Field: "scale_out.oversubscription", Label: ed.Cat.Get("form.scale_out.oversubscription"), Kind: "num", Unit: ed.Cat.Get("form.unit.down_up"), Hint: ed.Cat.Get("form.scale_out.oversubscription.hint")},
			{Field: "switch_cooling", Label: ed.Cat.Get("form.switch_cooling"), Kind: "select", Options: []option{{core.CoolingAir, ed.Cat.Get("form.opt.air")}, {core.CoolingLiquid, ed.Cat.Get("form.opt.liquid")}}},
		}},
		{ed.Cat.Get("form.group.economics"), []formField{
			{Field: "pue", Label: ed.Cat.Get("form.pue"), Kind: "num", Hint: ed.Cat.Get("form.pue.hint")},
			{Field: "usd_per_kwh", Label: ed.Cat.Get("form.usd_per_kwh"), Kind: "num", Unit: ed.Cat.Get("form.unit.usd_kwh")},
			{Field: "fiber_cny_per_core_km", Label: ed.Cat.Get("form.fiber_cny_per_core_km"), Kind: "num", Unit: ed.Cat.Get("form.unit.cny_core_km")},
			{Field: "years", Label: ed.Cat.Get("form.years"), Kind: "num", Unit: ed.Cat.Get("form.unit.years"), Hint: ed.Cat.Get("form.years.hint")},
			{Field: "grid_kg_co2_per_kwh", Label: ed.Cat.Get("form.grid_kg_co2_per_kwh"), Kind: "num", Unit: ed.Cat.Get("form.unit.kg_co2_kwh"), Hint: ed.Cat.Get("form.grid_kg_co2_per_kwh.hint")},
			{Field: "wue_l_per_kwh", Label: ed.Cat.Get("form.wue_l_per_kwh"), Kind: "num", Unit: ed.Cat.Get("form.unit.l_kwh"), Hint: ed.Cat.Get("form.wue_l_per_kwh.hint")},
			{Field: "checkpoint_minutes", Label: ed.Cat.Get("form.checkpoint_minutes"), Kind: "num", Unit: ed.Cat.Get("form.unit.minutes"), Hint: ed.Cat.Get("form.checkpoint_minutes.hint")},
			{Field: "restart_minutes", Label: ed.Cat.Get("form.restart_minutes"), Kind: "num", Unit: ed.Cat.Get("form.unit.minutes")},
			{Field: "gpu_hour_usd", Label: ed.Cat.Get("form.gpu_hour_usd"), Kind: "num", Unit: ed.Cat.Get("form.unit.usd"), Hint: ed.Cat.Get("form.gpu_hour_usd.hint")},
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

// fieldView is one field as the form's template draws it.
type fieldView struct {
	ID, EID, HintID, Describedby string
	Field, Label, Unit, Kind     string
	Select, Number, HasBlank     bool
	Blank                        string
	Options                      []optionView
	Mode, Value                  string
	Optional                     bool
	Placeholder, Hint            string
}

type optionView struct {
	Value, Label string
	Selected     bool
}

// view is f with value, as the template draws it.
func (f formField) view(value string) fieldView {
	id := fieldID(f.Field)
	v := fieldView{ID: "f-" + id, EID: "e-" + id, Describedby: "e-" + id, Field: f.Field, Label: f.Label, Kind: f.Kind,
		Select: f.Kind == "select", Number: f.Number, HasBlank: f.HasBlank, Blank: f.Blank, Mode: "decimal", Value: value,
		Optional: f.Optional, Placeholder: f.Placeholder, Hint: f.Hint}
	if f.Unit != "" {
		// The space before the unit is the English catalogue's.
		v.Unit = ed.Cat.Format("form.unit_paren", "unit", f.Unit)
	}
	if f.Hint != "" {
		v.HintID = "h-" + id
		v.Describedby = v.HintID + " " + v.EID
	}
	if f.Kind == "int" {
		v.Mode = "numeric"
	}
	for _, o := range f.Options {
		v.Options = append(v.Options, optionView{o.Value, o.Label, o.Value == value})
	}
	return v
}

// optionalNum writes an optional number: empty for 0 (left out).
func optionalNum(v float64) string {
	if v == 0 {
		return ""
	}
	return ed.Cat.Number(v, 6)
}

// tierRowView is a row of the tiers' inputs.
type tierRowView struct {
	N                   int
	Before, After       string // the row's name around its number ("Tier 1") in a narrow layout
	Cells               []fieldView
	RemoveLabel, Remove string
}

// tierRow is the inputs of tier i.
func tierRow(i int, t core.Tier) tierRowView {
	p := "tiers[" + strconv.Itoa(i) + "]."
	awg := t.AWG
	if awg == 0 {
		awg = core.DefaultAWG
	}
	fiber := string(t.Fiber)
	if fiber == "" {
		fiber = string(core.DefaultFiber)
	}
	cell := func(f formField, value string) fieldView {
		f.Field = p + f.Field
		return f.view(value)
	}
	before, after, _ := strings.Cut(ed.Cat.Get("form.tier_label"), "{n}")
	return tierRowView{N: i + 1, Before: before, After: after, Cells: []fieldView{
		cell(formField{Field: "tech", Label: ed.Cat.Get("form.tech"), Kind: "select", Options: techOptions(true)}.withBlank(string(core.Auto)), string(t.Tech)),
		cell(formField{Field: "length_m", Label: ed.Cat.Get("form.length_m"), Kind: "num", Unit: "m"}, ed.Cat.Number(t.LengthM, 6)),
		cell(formField{Field: "max_length_m", Label: ed.Cat.Get("form.max_length_m"), Kind: "num", Unit: "m", Optional: true, Placeholder: ed.Cat.Get("form.max_length_m.placeholder")}, optionalNum(t.MaxLengthM)),
		cell(formField{Field: "awg", Label: ed.Cat.Get("form.awg"), Kind: "select", Options: awgOptions()}.numeric().withBlank(strconv.Itoa(core.DefaultAWG)), strconv.Itoa(awg)),
		cell(formField{Field: "fiber", Label: ed.Cat.Get("form.fiber"), Kind: "select", Options: fiberOptions()}.withBlank(string(core.DefaultFiber)), fiber),
		cell(formField{Field: "fec", Label: ed.Cat.Get("form.fec"), Kind: "select", Options: fecOptions()}.withBlank(""), t.FEC),
	}, RemoveLabel: ed.Cat.Format("js.calc.remove_tier", "n", strconv.Itoa(i+1)), Remove: ed.Cat.Get("form.remove")}
}

type formGroup struct {
	Legend string
	Fields []formField
}

type groupView struct {
	Legend string
	Fields []fieldView
}

// paramGroupView is a table of the advanced parameters: one catalogue
// group.
type paramGroupView struct {
	Name, Region string
	Heads        []string
	Rows         []paramRowView
}

type paramRowView struct {
	ID, EID, Field, Param, Title string
	Default, Unit, Range, Graded string
}

// paramGroups are the advanced parameters' tables, one per group, in the
// order the groups first appear: the catalogue keeps related parameters
// apart where it reads better in code (a group's heading must not come
// twice).
func paramGroups() []paramGroupView {
	cat := core.Catalogue()
	rank := map[string]int{}
	for _, p := range cat {
		if _, ok := rank[p.Group]; !ok {
			rank[p.Group] = len(rank)
		}
	}
	slices.SortStableFunc(cat, func(a, b core.Param) int { return rank[a.Group] - rank[b.Group] })
	var out []paramGroupView
	for _, p := range cat {
		if len(out) == 0 || out[len(out)-1].Name != p.GroupName(ed.Cat) {
			out = append(out, paramGroupView{Name: p.GroupName(ed.Cat), Region: ed.Cat.Format("form.params_of", "group", p.GroupName(ed.Cat)), Heads: strings.Split(ed.Cat.Get("form.params.head"), "|")})
		}
		f := "params." + p.ID
		g := &out[len(out)-1]
		g.Rows = append(g.Rows, paramRowView{ID: "f-" + fieldID(f), EID: "e-" + fieldID(f), Field: f, Param: p.ID, Title: p.Title(ed.Cat),
			Default: strconv.FormatFloat(p.Default, 'g', -1, 64), Unit: p.Unit,
			Range:  ed.Cat.Format("err.range", "low", ed.Cat.Number(p.Low, 4), "high", ed.Cat.Number(p.High, 4)),
			Graded: ed.Cat.Format("form.graded", "grade", confidenceWord(p.Confidence), "source", p.Cited(ed.Cat))})
	}
	return out
}

// formView is the whole form as its template (site/templates/calcform.html)
// draws it.
type formView struct {
	Groups                                 []groupView
	Tiers, TiersRegion, RemoveCol, AddTier string
	TierHeads                              []string
	TierRows                               []tierRowView
	Advanced, AdvancedHelp, ResetParams    string
	ParamGroups                            []paramGroupView
}

// calculatorForm is the form with the model's scenario, in the edition's
// words.
func (m *model) calculatorForm() formView {
	s := m.scenario
	v := formView{Tiers: ed.Cat.Get("form.tiers"), TiersRegion: ed.Cat.Get("form.tiers_region"), RemoveCol: ed.Cat.Get("form.remove_col"),
		AddTier: ed.Cat.Get("form.add_tier"), TierHeads: strings.Split(ed.Cat.Get("form.tiers.head"), "|"),
		Advanced: ed.Cat.Get("form.advanced"), AdvancedHelp: ed.Cat.Get("form.advanced.help"), ResetParams: ed.Cat.Get("form.reset_params"),
		ParamGroups: paramGroups()}
	for _, g := range formGroups() {
		gv := groupView{Legend: g.Legend}
		for _, f := range g.Fields {
			gv.Fields = append(gv.Fields, f.view(scenarioValue(s, f.Field)))
		}
		v.Groups = append(v.Groups, gv)
	}
	for i, t := range s.Tiers {
		v.TierRows = append(v.TierRows, tierRow(i, t))
	}
	return v
}
