package core

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/wire"
)

// The scenario's field tables say what its struct tags say: encoding/json,
// reading the tags of a copy of the type without its methods, writes the
// same bytes and reads the same values.
type (
	taggedScenario Scenario
	taggedLink     Link
)

func randomScenario(r *rand.Rand) Scenario {
	s := DefaultScenario()
	pick := func(l ...float64) float64 { return l[r.IntN(len(l))] }
	s.GPUs = r.IntN(200000) + 1
	s.GPUWatts = pick(700, 1200, 1000.5)
	s.LaneGbps = pick(50, 100, 200, 400)
	s.ScaleUp.AWG = []int{0, 26, 30}[r.IntN(3)]
	s.ScaleUp.FEC = []string{"", "none", "rs"}[r.IntN(3)]
	s.ScaleUp.LaneGbps = pick(0, 100)
	s.ScaleUp.Tech = []Tech{DAC, Auto, ""}[r.IntN(3)]
	s.ScaleOut.Tiers = r.IntN(4)
	s.ScaleOut.Oversubscription = pick(0, 1, 2.5)
	s.Tiers = nil
	for i := r.IntN(4); i > 0; i-- {
		s.Tiers = append(s.Tiers, Tier{Tech: []Tech{Auto, CPO, DAC}[r.IntN(3)], LengthM: pick(1, 3.25, 1e-7, 3e21), MaxLengthM: pick(0, 40), AWG: []int{0, 30}[r.IntN(2)], Fiber: []Fiber{"", MMF}[r.IntN(2)]})
	}
	if r.IntN(2) == 0 {
		s.Tiers = []Tier{}
	}
	if r.IntN(2) == 0 {
		s.Params = map[string]float64{"smf_db_per_km": pick(0.4, 1e-9), "launch_step_db": 2}
	}
	s.SwitchCooling = []string{"", CoolingLiquid, "<&>"}[r.IntN(3)]
	return s
}

func TestScenarioJSONMatchesTags(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 300; i++ {
		s := randomScenario(r)
		got, _ := s.MarshalJSON()
		want, err := json.Marshal(taggedScenario(s))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Fatalf("scenario writes\n%s\nits tags say\n%s", got, want)
		}
		back, err := ParseScenario(got)
		if err != nil {
			t.Fatalf("%s does not read back: %v", got, err)
		}
		tagged := taggedScenario(DefaultScenario())
		tagged.Tiers = nil
		if err := json.Unmarshal(got, &tagged); err != nil {
			t.Fatal(err)
		}
		if tagged.Tiers == nil {
			tagged.Tiers = DefaultScenario().Tiers
		}
		if !reflect.DeepEqual(back, Scenario(tagged)) {
			t.Fatalf("%s reads as\n%+v\nits tags read\n%+v", got, back, tagged)
		}
	}
}

func TestLinkJSONMatchesTags(t *testing.T) {
	for _, l := range []Link{DefaultLink(), {Tech: CPO, FarTech: DSP, LaneGbps: 100, Lanes: 8, LengthM: 30, Fiber: MMF, Params: map[string]float64{"a": 1}}, {Tech: DAC, FEC: "none"}} {
		got, _ := l.MarshalJSON()
		want, _ := json.Marshal(taggedLink(l))
		if string(got) != string(want) {
			t.Errorf("link writes\n%s\nits tags say\n%s", got, want)
		}
		back, err := ParseLink(got)
		tagged := taggedLink(DefaultLink())
		json.Unmarshal(got, &tagged)
		if err != nil || !reflect.DeepEqual(back, Link(tagged)) {
			t.Errorf("%s reads as %+v (%v), its tags read %+v", got, back, err, tagged)
		}
	}
	if _, err := ParseLink([]byte(`{"lanes": "4"}`)); err == nil {
		t.Error("a string for lanes was read")
	}
}

type (
	taggedExplanation Explanation
	taggedParam       Param
)

func TestDocumentJSONMatchesTags(t *testing.T) {
	s := DefaultScenario()
	for _, path := range []string{"totals.interconnect_watts", "tiers[0].link.feasible", "scenario.gpus", "tiers[1].link.max_reach_m", "scale_up.link.breakdown.energy_pj_per_bit.host_serdes"} {
		e, err := Explain(label.English, s, path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		got, _ := e.MarshalJSON()
		want, _ := json.Marshal(taggedExplanation(e))
		if string(got) != string(want) {
			t.Errorf("%s: explanation writes\n%s\nits tags say\n%s", path, got, want)
		}
	}
	var params []taggedParam
	for _, p := range Catalogue() {
		params = append(params, taggedParam(p))
	}
	want, _ := json.Marshal(params)
	if got := CatalogueJSON(); string(got) != string(want) {
		t.Errorf("catalogue writes\n%.300s\nits tags say\n%.300s", got, want)
	}
	want, _ = json.Marshal(ResultFields(label.English))
	if got := ResultFieldsJSON(label.English); string(got) != string(want) {
		t.Errorf("fields write\n%.300s\nits tags say\n%.300s", got, want)
	}
	ie := &InputWords{Field: "gpus", Value: "0", Allowed: "1 to 10,000,000", Reason: "is out of range"}
	var w wire.W
	wire.Write(&w, ie, InputWordsWire)
	want, _ = json.Marshal(ie)
	if string(w.B) != string(want) {
		t.Errorf("input error writes %s, its tags say %s", w.B, want)
	}
}

// What ParseScenario reads, encoding/json reads the same through the tags
// (ParseScenario is stricter: it refuses keys in another case, which
// encoding/json takes).
func FuzzParseScenarioMatchesTags(f *testing.F) {
	d, _ := DefaultScenario().MarshalJSON()
	f.Add(d)
	f.Add([]byte(`{"gpus": 1000, "scale_up": {"tech": "cpo", "awg": 30}, "tiers": [{"length_m": 2}, null]}`))
	f.Add([]byte(`{"params": {"launch_step_db": 2}, "tiers": [], "switch_cooling": "liquid", "scale_out": null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseScenario(data)
		if err != nil {
			if AsInputError(err) == nil {
				t.Fatalf("%q: error %v is not an *InputError", data, err)
			}
			return
		}
		tagged := taggedScenario(DefaultScenario())
		tagged.Tiers = nil
		if err := json.Unmarshal(data, &tagged); err != nil {
			t.Fatalf("%q: read, but encoding/json refuses it: %v", data, err)
		}
		if tagged.Tiers == nil {
			tagged.Tiers = DefaultScenario().Tiers
		}
		if tagged.V == 0 {
			tagged.V = Version
		}
		if !reflect.DeepEqual(s, Scenario(tagged)) {
			t.Fatalf("%q reads as\n%+v\nits tags read\n%+v", data, s, tagged)
		}
	})
}

func TestAsInputError(t *testing.T) {
	_, err := DecodePermalink("1." + "eyJncHVzIjowfQ") // {"gpus":0}
	if ie := AsInputError(err); ie == nil || ie.Field != "gpus" {
		t.Errorf("AsInputError(%v) = %v, want the gpus error inside the permalink error", err, ie)
	}
	if AsInputError(ErrPermalink) != nil {
		t.Error("AsInputError found an input error in a plain error")
	}
}
