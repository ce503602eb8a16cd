package wire

import "testing"

type thing struct {
	Name  string
	N     float64
	Tags  []string
	Parts []part
	Skip  bool
}

type part struct{ K string }

var partWire = []Field[*part]{
	{Name: "k", Put: func(w *W, p *part) { w.Str(p.K) }},
}

var thingWire = []Field[*thing]{
	{Name: "name", Put: func(w *W, t *thing) { w.Str(t.Name) }},
	{Name: "n", Put: func(w *W, t *thing) { w.Num(t.N) }, When: func(t *thing) bool { return !t.Skip }},
	{Put: func(w *W, t *thing) { Members(w, &part{"inline"}, partWire) }},
	{Name: "tags", Put: func(w *W, t *thing) { Strs(w, t.Tags) }},
	{Name: "parts", Put: func(w *W, t *thing) { WriteList(w, t.Parts, partWire) }},
}

// A table writes its fields in its order, leaves out those whose When
// says no, puts an unnamed field's members among its own, and writes a
// nil list as null and an empty one as [].
func TestWriteTable(t *testing.T) {
	for _, c := range []struct {
		in   thing
		want string
	}{
		{thing{Name: "a<b", N: 1.5, Parts: []part{{"x"}, {"y"}}}, `{"name":"a\u003cb","n":1.5,"k":"inline","tags":null,"parts":[{"k":"x"},{"k":"y"}]}`},
		{thing{Skip: true, Tags: []string{}, Parts: []part{}}, `{"name":"","k":"inline","tags":[],"parts":[]}`},
	} {
		var w W
		Write(&w, &c.in, thingWire)
		if string(w.B) != c.want {
			t.Errorf("wrote %s, want %s", w.B, c.want)
		}
	}
	var w W
	w.BeginList()
	Keyed(&w, []part{{"a"}, {""}, {"b"}}, func(p *part) string { return p.K }, func(w *W, p *part) { w.Str(p.K + "!") })
	w.JSON(nil)
	w.EndList()
	if want := `[{"a":"a!","b":"b!"},null]`; string(w.B) != want {
		t.Errorf("keyed wrote %s, want %s", w.B, want)
	}
}
