package wire

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
)

// toAny converts a parsed value to what encoding/json decodes into an any.
func toAny(t testing.TB, v *Value) any {
	switch v.Kind {
	case Null:
		return nil
	case Bool:
		return v.True
	case String:
		return v.Text
	case Number:
		f, ok := v.Float()
		if !ok {
			t.Fatalf("number %q does not convert", v.Text)
		}
		return f
	case List:
		l := make([]any, len(v.Items))
		for i := range v.Items {
			l[i] = toAny(t, &v.Items[i])
		}
		return l
	}
	m := map[string]any{}
	for i, k := range v.Keys {
		m[k] = toAny(t, &v.Items[i])
	}
	return m
}

// checkParse compares Parse with encoding/json on one input: both accept
// it or both refuse it, and an accepted input reads the same.
func checkParse(t testing.TB, in []byte) {
	v, err := Parse(in)
	var want any
	jerr := json.Unmarshal(in, &want)
	if (err == nil) != (jerr == nil) {
		// encoding/json refuses numbers beyond float64; so do we, later.
		if jerr != nil && strings.Contains(jerr.Error(), "cannot unmarshal number") {
			return
		}
		t.Fatalf("%q: Parse error %v, encoding/json error %v", in, err, jerr)
	}
	if err != nil {
		if _, ok := err.(*SyntaxError); !ok {
			t.Fatalf("%q: error %T, want *SyntaxError", in, err)
		}
		return
	}
	if got := toAny(t, &v); !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: read %#v, encoding/json %#v", in, got, want)
	}
}

var parseCases = []string{
	`{}`, `[]`, `null`, `true`, `false`, `0`, `-0`, `1.5e3`, `-12.25E-2`, `"a\"b\\c\/\b\f\n\r\t"`,
	`"\u00e9\u4e2d\ud83d\ude00"`, `"\ud800"`, `"\udc00x"`, `"\ud800\u0041"`, "\"\xff\xfe\"", `{"a":1,"a":2}`,
	` { "gpus" : 65536 , "tiers" : [ { "tech" : "dac" } ] } `, `{"a":[1,[2,[3,{"b":null}]]]}`,
	`{`, `}`, `[1,]`, `{"a":1,}`, `{"a" 1}`, `{a:1}`, `01`, `1.`, `.5`, `1e`, `-`, `+1`, `tru`, `nul`, `"abc`,
	"\"a\nb\"", `"\x"`, `"\u12"`, `{} x`, `[] []`, `1 2`, `{"a":1}}`, "", " ", `"\u00"`,
}

func TestParseAgreesWithEncodingJSON(t *testing.T) {
	for _, c := range parseCases {
		checkParse(t, []byte(c))
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		in       string
		off      int
		trailing bool
	}{{`{"a":1} x`, 8, true}, {`{"a":}`, 5, false}, {`[1,2`, 4, false}} {
		_, err := Parse([]byte(c.in))
		se, ok := err.(*SyntaxError)
		if !ok || se.Offset != c.off || se.Trailing != c.trailing {
			t.Errorf("%q: %#v, want offset %d trailing %v", c.in, err, c.off, c.trailing)
		}
	}
	deep := strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1)
	if _, err := Parse([]byte(deep)); err == nil {
		t.Errorf("nesting %d deep was read; at most %d", MaxDepth+1, MaxDepth)
	}
}

func TestValueReaders(t *testing.T) {
	v, err := Parse([]byte(`{"i":72,"f":1.5,"e":1e3,"s":"x","big":1e400,"i":73}`))
	if err != nil {
		t.Fatal(err)
	}
	if i, _ := v.Get("i"); i == nil || i.Text != "73" {
		t.Errorf("Get took %v, want the last of a repeated key (73)", i)
	}
	for key, want := range map[string]bool{"i": true, "f": false, "e": false, "s": false} {
		x, _ := v.Get(key)
		if _, ok := x.Int(); ok != want {
			t.Errorf("%s.Int() ok = %v, want %v", key, ok, want)
		}
	}
	big, _ := v.Get("big")
	if _, ok := big.Float(); ok {
		t.Error("1e400 read as a float64")
	}
	f, _ := v.Get("f")
	if f.Describe() != "number 1.5" {
		t.Errorf("Describe = %q", f.Describe())
	}
}

func FuzzParse(f *testing.F) {
	for _, c := range parseCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, in []byte) { checkParse(t, in) })
}

func TestWriterAgreesWithEncodingJSON(t *testing.T) {
	floats := []float64{0, -0.0, 1, -1.5, 1e-7, 1.234e-7, 1e20, 1e21, 123456789.125, 1e-6, 6.641e6, math.MaxFloat64, math.SmallestNonzeroFloat64}
	for _, f := range floats {
		want, _ := json.Marshal(f)
		if got := AppendFloat(nil, f); string(got) != string(want) {
			t.Errorf("AppendFloat(%v) = %s, encoding/json %s", f, got, want)
		}
	}
	for _, s := range []string{"", "plain", `q"b\s`, "<a href='x'>&amp;</a>", "\x00\x1f\t\n\r", "é中😀", "\xff\xfe", "\u2028\u2029", "a\u007fb"} {
		want, _ := json.Marshal(s)
		if got := AppendString(nil, s); string(got) != string(want) {
			t.Errorf("AppendString(%q) = %s, encoding/json %s", s, got, want)
		}
	}
	var w W
	w.Begin()
	w.Key("a")
	w.Nums([]float64{1, math.NaN()})
	w.Key("m")
	w.NumMap(map[string]float64{"z": 1, "a": 2})
	w.Key("s")
	w.StrMap(map[string]string{"b": "<", "a": ""})
	w.Key("n")
	w.Ints(nil)
	w.Key("l")
	w.BeginList()
	w.Begin()
	w.End()
	w.Bool(true)
	w.Null()
	Strs(&w, []string{"x"})
	w.EndList()
	w.End()
	want := `{"a":[1,null],"m":{"a":2,"z":1},"s":{"a":"","b":"\u003c"},"n":null,"l":[{},true,null,["x"]]}`
	if string(w.B) != want {
		t.Errorf("writer wrote\n%s\nwant\n%s", w.B, want)
	}
}
