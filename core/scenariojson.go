package core

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/cpocalc/cpocalc/core/format"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/wire"
)

// The scenario's JSON, each field written once: its name and where it sits
// in the Go value. The reader, the writer, the permalink (which writes only
// what differs from the defaults) and the explanations of inputs all read
// these tables; no reflection, so the calculator's WebAssembly links
// neither encoding/json nor reflect. The struct tags on Scenario say the
// same for readers of the type, and a test holds the two together.

// jsonField is one field of a JSON object read into a T, a pointer
// (*Scenario, *Tier, ...): pointers share one shape, so the generic code
// below is compiled once for all of them.
type jsonField[T any] struct {
	name string
	omit bool // omitempty: left out when zero
	// nullable: null reads as the field left out (the writer's own null,
	// for a nil list); any other field refuses null.
	nullable bool

	// One of these says where a scalar field sits.
	num   func(T) *float64
	whole func(T) *int
	text  func(T) *string

	// A nested value (an object, a list, a map) reads and writes itself;
	// differs says whether it differs from the base (for the permalink).
	read    func(T, *wire.Value, string) error
	write   func(*wire.W, T, T) // the value and, in the permalink's diff, the base
	differs func(v, base T) bool
	empty   func(T) bool // omitempty for a nested value
}

var scenarioFields = []jsonField[*Scenario]{
	{name: "v", whole: func(s *Scenario) *int { return &s.V }},
	{name: "gpus", whole: func(s *Scenario) *int { return &s.GPUs }},
	{name: "gpu_watts", num: func(s *Scenario) *float64 { return &s.GPUWatts }},
	{name: "lane_gbps", num: func(s *Scenario) *float64 { return &s.LaneGbps }},
	nested("scale_up", scaleUpFields, func(s *Scenario) *ScaleUp { return &s.ScaleUp }),
	nested("scale_out", scaleOutFields, func(s *Scenario) *ScaleOut { return &s.ScaleOut }),
	{name: "tiers", nullable: true,
		read: func(s *Scenario, v *wire.Value, path string) error {
			if v.Kind != wire.List {
				return typeError(path, v, "json.a_list")
			}
			s.Tiers = make([]Tier, len(v.Items))
			for i := range v.Items {
				if err := readObject(tierFields, &s.Tiers[i], &v.Items[i], path+"["+strconv.Itoa(i)+"]"); err != nil {
					return err
				}
			}
			return nil
		},
		write: func(w *wire.W, s, _ *Scenario) {
			if s.Tiers == nil {
				w.Null()
				return
			}
			w.BeginList()
			for i := range s.Tiers {
				writeObject(w, tierFields, &s.Tiers[i], nil)
			}
			w.EndList()
		},
		differs: func(s, d *Scenario) bool { return !slices.Equal(s.Tiers, d.Tiers) },
	},
	{name: "switch_cooling", text: func(s *Scenario) *string { return &s.SwitchCooling }},
	{name: "pue", num: func(s *Scenario) *float64 { return &s.PUE }},
	{name: "usd_per_kwh", num: func(s *Scenario) *float64 { return &s.USDPerKWh }},
	{name: "fiber_cny_per_core_km", num: func(s *Scenario) *float64 { return &s.FiberCNYPerCoreKm }},
	{name: "years", num: func(s *Scenario) *float64 { return &s.Years }},
	{name: "grid_kg_co2_per_kwh", num: func(s *Scenario) *float64 { return &s.GridKgCO2PerKWh }},
	{name: "wue_l_per_kwh", num: func(s *Scenario) *float64 { return &s.WUELPerKWh }},
	{name: "checkpoint_minutes", num: func(s *Scenario) *float64 { return &s.CheckpointMinutes }},
	{name: "restart_minutes", num: func(s *Scenario) *float64 { return &s.RestartMinutes }},
	{name: "gpu_hour_usd", num: func(s *Scenario) *float64 { return &s.GPUHourUSD }},
	paramsField(func(s *Scenario) *map[string]float64 { return &s.Params }),
}

var scaleUpFields = []jsonField[*ScaleUp]{
	{name: "domain_gpus", whole: func(s *ScaleUp) *int { return &s.DomainGPUs }},
	{name: "lane_gbps", num: func(s *ScaleUp) *float64 { return &s.LaneGbps }},
	{name: "gbps_per_gpu", num: func(s *ScaleUp) *float64 { return &s.GbpsPerGPU }},
	{name: "tech", text: func(s *ScaleUp) *string { return (*string)(&s.Tech) }},
	{name: "length_m", num: func(s *ScaleUp) *float64 { return &s.LengthM }},
	{name: "awg", omit: true, whole: func(s *ScaleUp) *int { return &s.AWG }},
	{name: "fec", omit: true, text: func(s *ScaleUp) *string { return &s.FEC }},
	{name: "signalling", omit: true, text: func(s *ScaleUp) *string { return &s.Signalling }},
	{name: "spine_length_m", omit: true, num: func(s *ScaleUp) *float64 { return &s.SpineLengthM }},
}

var scaleOutFields = []jsonField[*ScaleOut]{
	{name: "gbps_per_gpu", num: func(s *ScaleOut) *float64 { return &s.GbpsPerGPU }},
	{name: "port_gbps", num: func(s *ScaleOut) *float64 { return &s.PortGbps }},
	{name: "switch_radix", whole: func(s *ScaleOut) *int { return &s.SwitchRadix }},
	{name: "tiers", whole: func(s *ScaleOut) *int { return &s.Tiers }},
	{name: "nic_tech", text: func(s *ScaleOut) *string { return (*string)(&s.NICTech) }},
	{name: "oversubscription", num: func(s *ScaleOut) *float64 { return &s.Oversubscription }},
	{name: "planes", omit: true, whole: func(s *ScaleOut) *int { return &s.Planes }},
}

var tierFields = []jsonField[*Tier]{
	{name: "tech", text: func(t *Tier) *string { return (*string)(&t.Tech) }},
	{name: "length_m", num: func(t *Tier) *float64 { return &t.LengthM }},
	{name: "max_length_m", omit: true, num: func(t *Tier) *float64 { return &t.MaxLengthM }},
	{name: "awg", omit: true, whole: func(t *Tier) *int { return &t.AWG }},
	{name: "fiber", omit: true, text: func(t *Tier) *string { return (*string)(&t.Fiber) }},
	{name: "fec", omit: true, text: func(t *Tier) *string { return &t.FEC }},
}

var linkFields = []jsonField[*Link]{
	{name: "tech", text: func(l *Link) *string { return (*string)(&l.Tech) }},
	{name: "far_tech", omit: true, text: func(l *Link) *string { return (*string)(&l.FarTech) }},
	{name: "lane_gbps", num: func(l *Link) *float64 { return &l.LaneGbps }},
	{name: "lanes", whole: func(l *Link) *int { return &l.Lanes }},
	{name: "length_m", num: func(l *Link) *float64 { return &l.LengthM }},
	{name: "awg", omit: true, whole: func(l *Link) *int { return &l.AWG }},
	{name: "fiber", omit: true, text: func(l *Link) *string { return (*string)(&l.Fiber) }},
	{name: "fec", omit: true, text: func(l *Link) *string { return &l.FEC }},
	{name: "signalling", omit: true, text: func(l *Link) *string { return &l.Signalling }},
	paramsField(func(l *Link) *map[string]float64 { return &l.Params }),
}

// nested is a field holding an object of its own fields.
func nested[S comparable](name string, fields []jsonField[*S], at func(*Scenario) *S) jsonField[*Scenario] {
	return jsonField[*Scenario]{name: name,
		read: func(t *Scenario, v *wire.Value, path string) error { return readObject(fields, at(t), v, path) },
		write: func(w *wire.W, t, base *Scenario) {
			var b *S
			if base != nil {
				b = at(base)
			}
			writeObject(w, fields, at(t), b)
		},
		differs: func(t, base *Scenario) bool { return *at(t) != *at(base) },
	}
}

// paramsField is the catalogue overrides: parameter ids and numbers.
func paramsField[T any](at func(T) *map[string]float64) jsonField[T] {
	return jsonField[T]{name: "params",
		read: func(t T, v *wire.Value, path string) error {
			if v.Kind != wire.Object {
				return typeError(path, v, "json.param_object")
			}
			m := *at(t)
			if m == nil {
				m = make(map[string]float64, len(v.Keys))
				*at(t) = m
			}
			for i, k := range v.Keys {
				x := &v.Items[i]
				if x.Kind == wire.Null {
					return nullError(path+"."+k, "json.a_number")
				}
				f, ok := x.Float()
				if !ok {
					return typeError(path+"."+k, x, "json.a_number")
				}
				m[k] = f
			}
			return nil
		},
		write:   func(w *wire.W, t, _ T) { w.NumMap(*at(t)) },
		differs: func(t, _ T) bool { return len(*at(t)) > 0 },
		empty:   func(t T) bool { return len(*at(t)) == 0 },
	}
}

// wholeError says why a value is not a whole number, in the reader's
// terms: a number with a fraction, one too large, or not a number at all.
func wholeError(path string, v *wire.Value) error {
	f, ok := v.Float()
	switch {
	case v.Kind != wire.Number:
		return typeError(path, v, "json.a_whole_number")
	case ok && f == math.Trunc(f):
		return refuse(path, v.Text, label.Msg("json.whole_up_to", "max", format.English.Input(MaxGPUs)), "err.too_large")
	case ok:
		return refuse(path, v.Text, label.Msg("json.a_whole_number"), "json.not_whole")
	}
	return refuse(path, v.Text, label.Msg("json.a_whole_number"), "json.too_large_number")
}

// want says what a field takes, for a message: the key of its words.
func (f *jsonField[T]) want() string {
	switch {
	case f.num != nil:
		return "json.a_number"
	case f.whole != nil:
		return "json.a_whole_number"
	case f.text != nil:
		return "json.a_string"
	case f.name == "tiers":
		return "json.a_list_of_tiers"
	}
	return "json.an_object"
}

// nullError refuses an explicit null: a field is given a value, or left
// out for its default, never silently reset.
func nullError(path, want string) error { // want: the key of what is allowed
	if path == "" {
		path = "scenario"
	}
	return refuse(path, "null", label.Msg("json.or_default").Worded("want", want), "json.empty")
}

// notNumbers are how JavaScript writes what JSON cannot hold (the API
// stringifies them so, rather than dropping them): the values a page's
// script may pass by mistake.
var notNumbers = map[string]bool{"NaN": true, "Infinity": true, "-Infinity": true, "undefined": true, "function": true, "symbol": true}

// typeError says that a value is of the wrong kind, in a reader's words:
// "gpus: "abc" is text (allowed: a whole number)".
// want is the key of what is allowed.
func typeError(path string, v *wire.Value, want string) error {
	if path == "" {
		path = "scenario"
	}
	value, kind := v.Text, "json.a_number"
	switch v.Kind {
	case wire.String:
		value, kind = quote(shorten(v.Text)), "json.kind.text"
		if notNumbers[v.Text] {
			value, kind = v.Text, "json.kind.not_json"
		}
	case wire.Bool:
		value, kind = strconv.FormatBool(v.True), "json.kind.bool"
	case wire.List:
		value, kind = "[…]", "json.a_list"
	case wire.Object:
		value, kind = "{…}", "json.an_object"
	case wire.Null:
		value, kind = "null", "json.kind.empty"
	}
	return inputError(path, label.Plain(value), label.Msg(want), label.Msg("json.is").Worded("kind", kind))
}

// readObject reads the JSON object v onto t: fields left out keep their
// value, null leaves a field as it is (as encoding/json reads), an unknown
// field or a value of the wrong type is an *InputError naming its path.
func readObject[T any](fields []jsonField[T], t T, v *wire.Value, path string) error {
	if v.Kind == wire.Null {
		return nullError(path, "json.an_object")
	}
	if v.Kind != wire.Object {
		return typeError(path, v, "json.an_object")
	}
	prefix := path
	if prefix != "" {
		prefix += "."
	}
	for i, k := range v.Keys {
		x := &v.Items[i]
		if slices.Contains(v.Keys[:i], k) {
			return inputError(prefix+k, label.Msg("json.value.twice"), label.Msg("json.each_once"), label.Msg("json.twice"))
		}
		f := lookupJSONField(fields, k)
		if f == nil {
			return inputError(prefix+k, label.Msg("json.value.present"), label.Msg("link.fields_allowed"), label.Msg("link.field_reason"))
		}
		if x.Kind == wire.Null {
			if f.nullable {
				continue
			}
			return nullError(prefix+k, f.want())
		}
		switch {
		case f.num != nil:
			n, ok := x.Float()
			if !ok {
				return typeError(prefix+k, x, "json.a_number")
			}
			*f.num(t) = n
		case f.whole != nil:
			n, ok := x.Int()
			if !ok {
				return wholeError(prefix+k, x)
			}
			*f.whole(t) = n
		case f.text != nil:
			if x.Kind != wire.String {
				return typeError(prefix+k, x, "json.a_string")
			}
			*f.text(t) = x.Text
		default:
			if err := f.read(t, x, prefix+k); err != nil {
				return err
			}
		}
	}
	return nil
}

func lookupJSONField[T any](fields []jsonField[T], name string) *jsonField[T] {
	for i := range fields {
		if fields[i].name == name {
			return &fields[i]
		}
	}
	return nil
}

// writeObject writes t as an object. With a base, only the fields that
// differ from it are written (a permalink's payload); without, every field
// but the empty omitempty ones.
func writeObject[T comparable](w *wire.W, fields []jsonField[T], t, base T) {
	var none T // no base: every field is written
	w.Begin()
	for i := range fields {
		f := &fields[i]
		switch {
		case f.num != nil:
			v := *f.num(t)
			if (base != none && v == *f.num(base)) || (f.omit && v == 0) {
				continue
			}
			w.Key(f.name)
			w.Num(v)
		case f.whole != nil:
			v := *f.whole(t)
			if (base != none && v == *f.whole(base)) || (f.omit && v == 0) {
				continue
			}
			w.Key(f.name)
			w.Int(v)
		case f.text != nil:
			v := *f.text(t)
			if (base != none && v == *f.text(base)) || (f.omit && v == "") {
				continue
			}
			w.Key(f.name)
			w.Str(v)
		default:
			if (base != none && !f.differs(t, base)) || (f.empty != nil && f.empty(t)) {
				continue
			}
			w.Key(f.name)
			f.write(w, t, base)
		}
	}
	w.End()
}

// readScenario reads a parsed scenario onto the defaults, as
// ParseScenario does.
func readScenario(v *wire.Value) (Scenario, error) {
	if v.Kind != wire.Object {
		return DefaultScenario(), typeError("", v, "json.a_json_object")
	}
	s := DefaultScenario()
	s.Tiers = nil
	if err := readObject(scenarioFields, &s, v, ""); err != nil {
		return DefaultScenario(), err
	}
	if s.Tiers == nil {
		s.Tiers = DefaultScenario().Tiers
	}
	if s.V == 0 {
		s.V = Version
	}
	return s, nil
}

// syntaxError turns malformed JSON into an InputError.
func syntaxError(err error) error {
	se, ok := err.(*wire.SyntaxError)
	if !ok {
		return inputError("scenario", label.Msg("json.value.input"), label.Msg("json.a_json_object"), label.Msg("json.unreadable", "why", err.Error()))
	}
	if se.Trailing {
		return inputError("scenario", label.Msg("json.value.trailing"), label.Msg("json.one_json_object"), label.Msg("json.trailing"))
	}
	return inputError("scenario", label.Msg("json.value.byte", "n", strconv.Itoa(se.Offset)), label.Msg("json.a_json_object"), label.Msg("json.invalid", "why", se.Msg))
}

// MarshalJSON writes the scenario as the contract has it.
func (s Scenario) MarshalJSON() ([]byte, error) {
	w := wire.W{B: make([]byte, 0, 512)}
	writeObject(&w, scenarioFields, &s, nil)
	return w.B, nil
}

// UnmarshalJSON reads a scenario onto s, as ParseScenario reads it onto
// the defaults: fields left out keep their value.
func (s *Scenario) UnmarshalJSON(data []byte) error {
	v, err := wire.Parse(data)
	if err != nil {
		return syntaxError(err)
	}
	return readObject(scenarioFields, s, &v, "")
}

// MarshalJSON writes the link as the contract has it.
func (l Link) MarshalJSON() ([]byte, error) {
	var w wire.W
	writeObject(&w, linkFields, &l, nil)
	return w.B, nil
}

// UnmarshalJSON reads a link onto l, fields left out keeping their value.
func (l *Link) UnmarshalJSON(data []byte) error {
	v, err := wire.Parse(data)
	if err != nil {
		return syntaxError(err)
	}
	return readObject(linkFields, l, &v, "")
}

// TierJSON writes a tier as the scenario has it.
func TierJSON(t Tier) ([]byte, error) {
	var w wire.W
	writeObject(&w, tierFields, &t, nil)
	return w.B, nil
}

// appendScenario writes the scenario as the contract has it.
func appendScenario(b []byte, s *Scenario) []byte {
	w := wire.W{B: b}
	writeObject(&w, scenarioFields, s, nil)
	return w.B
}

// The other values that cross the JavaScript boundary write themselves
// through wire as well, in the order and with the names of their tags.

// MarshalJSON writes the explanation.
func (e Explanation) MarshalJSON() ([]byte, error) {
	return wire.Marshal(&e, explanationWire), nil
}

var explanationWire = []wire.Field[*Explanation]{
	{Name: "path", Put: func(w *wire.W, e *Explanation) { w.Str(e.Path) }},
	{Name: "key", Put: func(w *wire.W, e *Explanation) { w.Str(e.Key) }},
	{Name: "label", Put: func(w *wire.W, e *Explanation) { w.Str(e.Label) }},
	{Name: "value", Put: func(w *wire.W, e *Explanation) {
		switch v := e.Value.(type) {
		case float64:
			w.Num(v)
		case bool:
			w.Bool(v)
		default:
			w.Null()
		}
	}},
	{Name: "unit", Put: func(w *wire.W, e *Explanation) { w.Str(e.Unit) }},
	{Name: "text", Put: func(w *wire.W, e *Explanation) { w.Str(e.Text) }},
	{Name: "formula", Put: func(w *wire.W, e *Explanation) { w.Str(e.Formula) }},
	{Name: "example", Put: func(w *wire.W, e *Explanation) { w.Str(e.Example) }, When: func(e *Explanation) bool { return e.Example != "" }},
	{Name: "inputs", Put: func(w *wire.W, e *Explanation) { wire.WriteList(w, e.Inputs, termWire) }},
	{Name: "params", Put: func(w *wire.W, e *Explanation) { wire.WriteList(w, e.Params, paramUseWire) }},
	{Name: "note", Put: func(w *wire.W, e *Explanation) { w.Str(e.Note) }, When: func(e *Explanation) bool { return e.Note != "" }},
}

var termWire = []wire.Field[*Term]{
	{Name: "name", Put: func(w *wire.W, t *Term) { w.Str(t.Name) }},
	{Name: "value", Put: func(w *wire.W, t *Term) { w.Num(t.Value) }},
	{Name: "unit", Put: func(w *wire.W, t *Term) { w.Str(t.Unit) }},
	{Name: "text", Put: func(w *wire.W, t *Term) { w.Str(t.Text) }},
	{Name: "path", Put: func(w *wire.W, t *Term) { w.Str(t.Path) }, When: func(t *Term) bool { return t.Path != "" }},
	{Name: "key", Put: func(w *wire.W, t *Term) { w.Str(t.Key) }, When: func(t *Term) bool { return t.Key != "" }},
}

// source is where a parameter comes from, as ParamUse and Param write it.
type source struct {
	kind            Kind
	conf            Confidence
	text, url, note string
}

var sourceWire = []wire.Field[*source]{
	{Name: "kind", Put: func(w *wire.W, s *source) { w.Str(string(s.kind)) }},
	{Name: "confidence", Put: func(w *wire.W, s *source) { w.Str(string(s.conf)) }},
	{Name: "source", Put: func(w *wire.W, s *source) { w.Str(s.text) }},
	{Name: "url", Put: func(w *wire.W, s *source) { w.Str(s.url) }, When: func(s *source) bool { return s.url != "" }},
	{Name: "note", Put: func(w *wire.W, s *source) { w.Str(s.note) }, When: func(s *source) bool { return s.note != "" }},
}

var paramUseWire = []wire.Field[*ParamUse]{
	{Name: "id", Put: func(w *wire.W, p *ParamUse) { w.Str(p.ID) }},
	{Name: "name", Put: func(w *wire.W, p *ParamUse) { w.Str(p.Name) }},
	{Name: "value", Put: func(w *wire.W, p *ParamUse) { w.Num(p.Value) }},
	{Name: "default", Put: func(w *wire.W, p *ParamUse) { w.Num(p.Default) }},
	{Name: "unit", Put: func(w *wire.W, p *ParamUse) { w.Str(p.Unit) }},
	{Name: "text", Put: func(w *wire.W, p *ParamUse) { w.Str(p.Text) }},
	{Name: "default_text", Put: func(w *wire.W, p *ParamUse) { w.Str(p.DefaultText) }},
	{Name: "grade", Put: func(w *wire.W, p *ParamUse) { w.Str(p.Grade) }},
	{Name: "overridden", Put: func(w *wire.W, p *ParamUse) { w.Bool(p.Overridden) }},
	{Put: func(w *wire.W, p *ParamUse) {
		s := source{p.Kind, p.Confidence, p.Source, p.URL, p.Note}
		wire.Members(w, &s, sourceWire)
	}},
}

// MarshalJSON writes the parameter as the catalogue lists it.
func (p Param) MarshalJSON() ([]byte, error) {
	w := wire.W{B: make([]byte, 0, 512)}
	p.write(&w)
	return w.B, nil
}

func (p *Param) write(w *wire.W) { wire.Write(w, p, paramWire) }

var paramWire = []wire.Field[*Param]{
	{Name: "id", Put: func(w *wire.W, p *Param) { w.Str(p.ID) }},
	{Name: "name", Put: func(w *wire.W, p *Param) { w.Str(p.Name) }},
	{Name: "group", Put: func(w *wire.W, p *Param) { w.Str(p.Group) }},
	{Name: "unit", Put: func(w *wire.W, p *Param) { w.Str(p.Unit) }},
	{Name: "default", Put: func(w *wire.W, p *Param) { w.Num(p.Default) }},
	{Name: "low", Put: func(w *wire.W, p *Param) { w.Num(p.Low) }},
	{Name: "high", Put: func(w *wire.W, p *Param) { w.Num(p.High) }},
	{Put: func(w *wire.W, p *Param) {
		s := source{p.Kind, p.Confidence, p.Source, p.URL, p.Note}
		wire.Members(w, &s, sourceWire)
	}},
	{Name: "integer", Put: func(w *wire.W, p *Param) { w.Bool(true) }, When: func(p *Param) bool { return p.Integer }},
	{Name: "spec", Put: func(w *wire.W, p *Param) { w.Bool(true) }, When: func(p *Param) bool { return p.Spec }},
}

// CatalogueJSON writes the whole catalogue as a JSON list.
func CatalogueJSON() []byte {
	w := wire.W{B: make([]byte, 0, 64<<10)}
	w.BeginList()
	for i := range catalogue {
		catalogue[i].write(&w)
	}
	w.EndList()
	return w.B
}

// ResultFieldsJSON writes ResultFields(c) as a JSON list.
func ResultFieldsJSON(c *label.Catalogue) []byte {
	w := wire.W{B: make([]byte, 0, 32<<10)}
	wire.WriteList(&w, ResultFields(c), fieldInfoWire)
	return w.B
}

var fieldInfoWire = []wire.Field[*FieldInfo]{
	{Name: "key", Put: func(w *wire.W, f *FieldInfo) { w.Str(f.Key) }},
	{Name: "pattern", Put: func(w *wire.W, f *FieldInfo) { w.Str(f.Pattern) }},
	{Name: "unit", Put: func(w *wire.W, f *FieldInfo) { w.Str(f.Unit) }},
	{Name: "label", Put: func(w *wire.W, f *FieldInfo) { w.Str(f.Label) }},
	{Name: "numeric", Put: func(w *wire.W, f *FieldInfo) { w.Bool(f.Numeric) }},
}

// InputWordsWire is an input error's members, worded: field, value,
// allowed, reason. A message that carries one writes them among its own.
var InputWordsWire = []wire.Field[*InputWords]{
	{Name: "field", Put: func(w *wire.W, e *InputWords) { w.Str(e.Field) }},
	{Name: "value", Put: func(w *wire.W, e *InputWords) { w.Str(e.Value) }},
	{Name: "allowed", Put: func(w *wire.W, e *InputWords) { w.Str(e.Allowed) }},
	{Name: "reason", Put: func(w *wire.W, e *InputWords) { w.Str(e.Reason) }},
}

// ErrorJSON writes the error object every call of the calculator's API
// returns on failure: {"error": {"field", "value", "allowed", "reason",
// "message"}}, the first four empty when the error is not about one input;
// the message is the input error's when there is one inside. A permalink
// that cannot be read adds "why": the message without the link, for a
// page that shows the link beside it, and "side": "a" when the mistake is
// a comparison's pinned A's (core.PairError). With several
// problems (all, from Problems), the object lists each as well:
// "problems": [{"field", "value", "allowed", "reason", "message"}, ...],
// so that a form can mark each of its bad fields. Every word is in c's
// language.
func ErrorJSON(c *label.Catalogue, err error, all []*InputError) []byte {
	a := errorAnswer{message: ErrorText(c, err)}
	if ie := AsInputError(err); ie != nil {
		a.InputWords, a.message = ie.In(c), ie.Message(c) // the input's own words
	}
	inner := err
	if pe, ok := err.(*PairError); ok {
		a.side, inner = "a", pe.Err
	}
	if pe, ok := inner.(*PermalinkError); ok {
		a.why = pe.Why(c)
	}
	if len(all) > 1 {
		a.problems = make([]errorAnswer, len(all))
		for i, p := range all {
			a.problems[i] = errorAnswer{InputWords: p.In(c), message: p.Message(c)}
		}
	}
	return wire.Marshal(&a, errorWrap)
}

type errorAnswer struct {
	InputWords
	message  string
	why      string // a link's: why it cannot be read, without the link
	side     string // "a": the mistake is a comparison's pinned scenario A's
	problems []errorAnswer
}

var errorWrap = []wire.Field[*errorAnswer]{
	{Name: "error", Put: func(w *wire.W, a *errorAnswer) { wire.Write(w, a, errorWire) }},
}

var errorWire = []wire.Field[*errorAnswer]{
	{Put: func(w *wire.W, a *errorAnswer) { wire.Members(w, &a.InputWords, InputWordsWire) }},
	{Name: "message", Put: func(w *wire.W, a *errorAnswer) { w.Str(a.message) }},
	{Name: "why", Put: func(w *wire.W, a *errorAnswer) { w.Str(a.why) }, When: func(a *errorAnswer) bool { return a.why != "" }},
	{Name: "side", Put: func(w *wire.W, a *errorAnswer) { w.Str(a.side) }, When: func(a *errorAnswer) bool { return a.side != "" }},
	{Name: "problems", Put: func(w *wire.W, a *errorAnswer) { wire.WriteList(w, a.problems, problemWire) }, When: func(a *errorAnswer) bool { return a.problems != nil }},
}

// problemWire is one of several problems: an input error and its message.
var problemWire = []wire.Field[*errorAnswer]{
	{Put: func(w *wire.W, a *errorAnswer) { wire.Members(w, &a.InputWords, InputWordsWire) }},
	{Name: "message", Put: func(w *wire.W, a *errorAnswer) { w.Str(a.message) }},
}

// Problems lists every input error of s, each on its own field: the first
// that Validate finds, then the next once that field is put back to its
// default, and so on, so that a form can mark all its bad fields at once.
// A valid scenario has none.
func Problems(s Scenario) []*InputError {
	s.Tiers = append([]Tier(nil), s.Tiers...)
	if s.Params != nil {
		p := make(map[string]float64, len(s.Params))
		for k, v := range s.Params {
			p[k] = v
		}
		s.Params = p
	}
	var out []*InputError
	for len(out) < 32 {
		ie := AsInputError(Validate(s))
		if ie == nil {
			break
		}
		out = append(out, ie)
		if !resetField(&s, ie.Field) {
			break
		}
	}
	return out
}

// resetField puts the field at path back to its default: the default
// scenario's, a tier's as the model would add it, a parameter's as the
// catalogue has it. False when the path names no field it can reset.
func resetField(s *Scenario, path string) bool {
	d := DefaultScenario()
	if id, ok := strings.CutPrefix(path, "params."); ok {
		if _, there := s.Params[id]; !there {
			return false
		}
		delete(s.Params, id)
		return true
	}
	if rest, ok := strings.CutPrefix(path, "tiers["); ok {
		i, name, found := strings.Cut(rest, "].")
		n, err := strconv.Atoi(i)
		if !found || err != nil || n < 0 || n >= len(s.Tiers) {
			return false
		}
		base := AddedTier(n)
		return resetScalar(tierFields, &s.Tiers[n], &base, name)
	}
	if name, ok := strings.CutPrefix(path, "scale_up."); ok {
		return resetScalar(scaleUpFields, &s.ScaleUp, &d.ScaleUp, name)
	}
	if name, ok := strings.CutPrefix(path, "scale_out."); ok {
		return resetScalar(scaleOutFields, &s.ScaleOut, &d.ScaleOut, name)
	}
	return resetScalar(scenarioFields, s, &d, path)
}

func resetScalar[T any](fields []jsonField[T], t, base T, name string) bool {
	f := lookupJSONField(fields, name)
	switch {
	case f == nil:
		return false
	case f.num != nil:
		*f.num(t) = *f.num(base)
	case f.whole != nil:
		*f.whole(t) = *f.whole(base)
	case f.text != nil:
		*f.text(t) = *f.text(base)
	default:
		return false
	}
	return true
}

// MarshalJSON writes the result as
// {"samples", "seed", "bands": {path: {p5, p50, p95, default, n}},
// "tornado": {path: [{id, low, high, set (when the reader set it)}]}, "probabilities": {key: {share,
// n, text}}}, the headlines in their order.
func (u UncertaintyResult) MarshalJSON() ([]byte, error) {
	return wire.Marshal(&u, uncertaintyWire), nil
}

var uncertaintyWire = []wire.Field[*UncertaintyResult]{
	{Name: "samples", Put: func(w *wire.W, u *UncertaintyResult) { w.Int(u.Samples) }},
	{Name: "seed", Put: func(w *wire.W, u *UncertaintyResult) { w.Raw(strconv.AppendUint(nil, u.Seed, 10)) }},
	{Name: "bands", Put: func(w *wire.W, u *UncertaintyResult) {
		wire.Keyed(w, u.Paths, func(p *string) string {
			if _, ok := u.Bands[*p]; ok {
				return *p
			}
			return ""
		}, func(w *wire.W, p *string) {
			b := u.Bands[*p]
			wire.Write(w, &b, bandWire)
		})
	}},
	{Name: "tornado", Put: func(w *wire.W, u *UncertaintyResult) {
		wire.Keyed(w, u.Paths, func(p *string) string {
			if _, ok := u.Tornado[*p]; ok {
				return *p
			}
			return ""
		}, func(w *wire.W, p *string) { wire.WriteList(w, u.Tornado[*p], swingWire) })
	}},
	{Name: "probabilities", Put: func(w *wire.W, u *UncertaintyResult) {
		wire.Keyed(w, u.Probabilities, func(q *Probability) string { return q.Key }, func(w *wire.W, q *Probability) { wire.Write(w, q, probabilityWire) })
	}},
}

var bandWire = []wire.Field[*Band]{
	{Name: "p5", Put: func(w *wire.W, b *Band) { w.Num(b.P5) }},
	{Name: "p50", Put: func(w *wire.W, b *Band) { w.Num(b.P50) }},
	{Name: "p95", Put: func(w *wire.W, b *Band) { w.Num(b.P95) }},
	{Name: "default", Put: func(w *wire.W, b *Band) { w.Num(b.Default) }},
	{Name: "n", Put: func(w *wire.W, b *Band) { w.Int(b.N) }},
}

var swingWire = []wire.Field[*Swing]{
	{Name: "id", Put: func(w *wire.W, s *Swing) { w.Str(s.ID) }},
	{Name: "low", Put: func(w *wire.W, s *Swing) { w.Num(s.Low) }},
	{Name: "high", Put: func(w *wire.W, s *Swing) { w.Num(s.High) }},
	{Name: "set", Put: func(w *wire.W, s *Swing) { w.Bool(true) }, When: func(s *Swing) bool { return s.Set }},
}

var probabilityWire = []wire.Field[*Probability]{
	{Name: "share", Put: func(w *wire.W, q *Probability) { w.Num(q.Share) }},
	{Name: "n", Put: func(w *wire.W, q *Probability) { w.Int(q.N) }},
	{Name: "text", Put: func(w *wire.W, q *Probability) { w.Str(q.Text) }},
}

// MarshalJSON writes the sweep: {"input", "headline", "unit", "x_unit",
// "log", "x", "current", "lines": [{"stage", "name", "values"}]}, a
// value the stage cannot build null.
func (r SweepResult) MarshalJSON() ([]byte, error) { return wire.Marshal(&r, sweepWire), nil }

var sweepWire = []wire.Field[*SweepResult]{
	{Name: "input", Put: func(w *wire.W, r *SweepResult) { w.Str(r.Input) }},
	{Name: "headline", Put: func(w *wire.W, r *SweepResult) { w.Str(r.Headline) }},
	{Name: "unit", Put: func(w *wire.W, r *SweepResult) { w.Str(r.Unit) }},
	{Name: "x_unit", Put: func(w *wire.W, r *SweepResult) { w.Str(r.XUnit) }},
	{Name: "log", Put: func(w *wire.W, r *SweepResult) { w.Bool(r.Log) }},
	{Name: "x", Put: func(w *wire.W, r *SweepResult) { w.Nums(r.X) }},
	{Name: "current", Put: func(w *wire.W, r *SweepResult) { w.Num(r.Current) }},
	{Name: "lines", Put: func(w *wire.W, r *SweepResult) { wire.WriteList(w, r.Lines, sweepLineWire) }},
}

var sweepLineWire = []wire.Field[*SweepLine]{
	{Name: "stage", Put: func(w *wire.W, l *SweepLine) { w.Str(l.Stage) }},
	{Name: "name", Put: func(w *wire.W, l *SweepLine) { w.Str(l.Name) }},
	{Name: "values", Put: func(w *wire.W, l *SweepLine) { w.Nums(l.Values) }},
}
