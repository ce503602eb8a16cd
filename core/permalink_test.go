package core

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// normalize gives the form a decoded scenario takes.
func normalize(s Scenario) Scenario { return s.Canonical() }

func TestPermalinkRoundTrip(t *testing.T) {
	variants := []func(*Scenario){
		func(s *Scenario) {},
		func(s *Scenario) { s.GPUs = 1000 },
		func(s *Scenario) { s.GPUs = 131072; s.Tiers = append(s.Tiers, Tier{Tech: CPO, LengthM: 2000}) },
		func(s *Scenario) { s.ScaleUp = ScaleUp{DomainGPUs: 1} },
		func(s *Scenario) { s.ScaleOut.NICTech = CPO; s.ScaleOut.SwitchRadix = 128; s.LaneGbps = 100 },
		func(s *Scenario) { s.Tiers[0] = Tier{Tech: DAC, LengthM: 1.5, AWG: 30} },
		func(s *Scenario) { s.Tiers[1].Fiber = MMF; s.PUE = 1.1; s.USDPerKWh = 0 },
		func(s *Scenario) { s.Params = map[string]float64{"c2m_host_trace_mm": 150, "laser_fit": 50} },
		func(s *Scenario) { s.GPUWatts = 1000.000001; s.FiberCNYPerCoreKm = 240 },
	}
	for i, edit := range variants {
		s := DefaultScenario()
		edit(&s)
		link, err := EncodePermalink(s)
		if err != nil {
			t.Fatalf("variant %d: %v", i, err)
		}
		if strings.ContainsAny(link, "+/=?&# ") {
			t.Errorf("variant %d: %q is not URL-safe", i, link)
		}
		got, err := DecodePermalink(link)
		if err != nil {
			t.Fatalf("variant %d: decode %q: %v", i, link, err)
		}
		if !reflect.DeepEqual(got, normalize(s)) {
			t.Errorf("variant %d: round trip changed the scenario\n got %+v\nwant %+v", i, got, normalize(s))
		}
	}
	if link, _ := EncodePermalink(DefaultScenario()); link != "1." {
		t.Errorf("default scenario encodes as %q, want %q", link, "1.")
	}
	// Spelling a default out changes nothing.
	s0 := DefaultScenario()
	s0.ScaleUp.AWG = 26
	for i := range s0.Tiers {
		s0.Tiers[i].AWG, s0.Tiers[i].Fiber = 26, SMF
	}
	if link, _ := EncodePermalink(s0); link != "1." {
		t.Errorf("explicit defaults encode as %q", link)
	}
	// Only differences are stored: one changed field, a short link.
	s := DefaultScenario()
	s.GPUs = 1000
	if link, _ := EncodePermalink(s); len(link) > 24 {
		t.Errorf("one change gives %q (%d characters)", link, len(link))
	}
}

func TestPermalinkErrors(t *testing.T) {
	valid, _ := EncodePermalink(func() Scenario { s := DefaultScenario(); s.GPUs = 1000; return s }())
	cases := map[string]string{
		"":                        "no version",
		"garbage":                 "no version",
		"x.abc":                   "no version number",
		"0.e30":                   "version 0",
		"2.eyJncHVzIjoxfQ":        "version 2",
		"1.$$$":                   "damaged",
		"1.AAAA":                  "damaged",
		"1.WzEsMl0":               "damaged",      // [1,2]
		"1.eyJncHVzIjoiYSJ9":      "cannot read",  // {"gpus":"a"}
		"1.eyJncHVzIjotMX0":       "out of range", // {"gpus":-1}
		"1.eyJ2IjoxfQ":            "damaged",      // {"v":1}
		valid[:len(valid)-3]:      "",             // truncated: some error
		strings.Repeat("1", 9000): "too long",
	}
	for in, want := range cases {
		s, err := DecodePermalink(in)
		if err == nil {
			t.Errorf("%q: no error", in)
			continue
		}
		if !errors.Is(err, ErrPermalink) {
			t.Errorf("%q: error does not wrap ErrPermalink: %v", in, err)
		}
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want it to mention %q", in, err, want)
		}
		if !reflect.DeepEqual(s, DefaultScenario()) {
			t.Errorf("%q: a failed decode should give the defaults", in)
		}
	}
	// The scenario's own error is reachable for the page to show at its field.
	_, err := DecodePermalink("1.eyJncHVzIjotMX0")
	var ie *InputError
	if !errors.As(err, &ie) || ie.Field != "gpus" {
		t.Errorf("want the InputError on gpus inside, got %v", err)
	}
	// A link copied with its fragment marker still reads.
	if _, err := DecodePermalink("#s=" + valid); err != nil {
		t.Errorf("fragment form: %v", err)
	}
}

func FuzzDecodePermalink(f *testing.F) {
	for _, seed := range []string{"1.", "1.eyJncHVzIjoxMDAwfQ", "2.x", "garbage", "1.e30", "1.eyJ0aWVycyI6W119"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, link string) {
		s, err := DecodePermalink(link)
		if err != nil {
			return
		}
		again, err := EncodePermalink(s)
		if err != nil {
			t.Fatalf("decoded %q to a scenario that does not encode: %v", link, err)
		}
		s2, err := DecodePermalink(again)
		if err != nil || !reflect.DeepEqual(s, s2) {
			t.Fatalf("%q -> %q does not round-trip: %v", link, again, err)
		}
	})
}

func FuzzEvaluate(f *testing.F) {
	d, _ := json.Marshal(DefaultScenario())
	f.Add(d)
	f.Add([]byte(`{"gpus": 1, "scale_up": {"domain_gpus": 1}}`))
	f.Add([]byte(`{"gpus": 10000000, "lane_gbps": 400, "tiers": [{"tech":"dac","length_m":1},{"length_m":1e5}]}`))
	f.Add([]byte(`{"params": {"smf_db_per_km": 1, "module_lanes": 1}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseScenario(data)
		if err != nil {
			return
		}
		r, err := Evaluate(s)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error is not an *InputError: %v", err)
			}
			return
		}
		if _, err := json.Marshal(r); err != nil {
			t.Fatalf("result does not marshal: %v", err)
		}
		link, err := EncodePermalink(s)
		if err != nil {
			t.Fatalf("valid scenario does not encode: %v", err)
		}
		back, err := DecodePermalink(link)
		if err != nil || !reflect.DeepEqual(back, normalize(s)) {
			t.Fatalf("permalink round trip failed: %v", err)
		}
	})
}
