package core

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/wire"
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
		s := edited(edit)
		link, err := EncodePermalink(s)
		if err != nil {
			t.Fatalf("variant %d: %v", i, err)
		}
		if strings.Trim(link, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._~%=&-") != "" {
			t.Errorf("variant %d: %q is not URL-safe", i, link)
		}
		if !strings.HasPrefix(link, "v=1") {
			t.Errorf("variant %d: %q does not start with its version", i, link)
		}
		// The link a reader had before still opens the same scenario.
		old, err := DecodePermalink(legacyLink(s))
		if err != nil || !reflect.DeepEqual(old, normalize(s)) {
			t.Errorf("variant %d: the old link %q reads %+v, %v", i, legacyLink(s), old, err)
		}
		got, err := DecodePermalink(link)
		if err != nil {
			t.Fatalf("variant %d: decode %q: %v", i, link, err)
		}
		if !reflect.DeepEqual(got, normalize(s)) {
			t.Errorf("variant %d: round trip changed the scenario\n got %+v\nwant %+v", i, got, normalize(s))
		}
	}
	if link, _ := EncodePermalink(DefaultScenario()); link != "v=1" {
		t.Errorf("default scenario encodes as %q, want %q", link, "v=1")
	}
	// Spelling a default out changes nothing.
	s0 := DefaultScenario()
	s0.ScaleUp.AWG = 26
	for i := range s0.Tiers {
		s0.Tiers[i].AWG, s0.Tiers[i].Fiber = 26, SMF
	}
	if link, _ := EncodePermalink(s0); link != "v=1" {
		t.Errorf("explicit defaults encode as %q", link)
	}
	// Only differences are stored: one changed field, a short link.
	s := DefaultScenario()
	s.GPUs = 1000
	if link, _ := EncodePermalink(s); link != "v=1&gpus=1000" {
		t.Errorf("one change gives %q", link)
	}
}

// legacyLink is a permalink as the first release wrote it: the version, a
// dot, and the base64url of the differences as JSON.
func legacyLink(s Scenario) string {
	s = s.Canonical()
	d := DefaultScenario()
	var w wire.W
	writeObject(&w, scenarioFields, &s, &d)
	if string(w.B) == "{}" {
		return "1."
	}
	return "1." + base64.RawURLEncoding.EncodeToString(w.B)
}

// A reader can write a link by hand, in any order after the version, and
// a link from the first release reads as it always did.
func TestPermalinkReadable(t *testing.T) {
	cases := map[string]func(*Scenario){
		"v=1&gpus=131072&lane_gbps=400":                   func(s *Scenario) { s.GPUs = 131072; s.LaneGbps = 400 },
		"#v=1&lane_gbps=400&gpus=131072":                  func(s *Scenario) { s.GPUs = 131072; s.LaneGbps = 400 },
		"v=1&scale_up.domain_gpus=1":                      func(s *Scenario) { s.ScaleUp.DomainGPUs = 1 },
		"v=1&tiers.0.tech=cpo&params.laser_fit=50":        func(s *Scenario) { s.Tiers[0].Tech = CPO; s.Params = map[string]float64{"laser_fit": 50} },
		"v=1&tiers=4&tiers.3.length_m=900":                func(s *Scenario) { s.Tiers = append(s.Tiers, Tier{Tech: Auto, LengthM: 900}) },
		"v=1&tiers=2":                                     func(s *Scenario) { s.Tiers = s.Tiers[:2] },
		"v=1&switch_cooling=liquid&years=10&":             func(s *Scenario) { s.SwitchCooling = CoolingLiquid; s.Years = 10 },
		"v=1&scale_up.tech=%63po":                         func(s *Scenario) { s.ScaleUp.Tech = CPO },
		"1.eyJncHVzIjoxMzEwNzIsImxhbmVfZ2JwcyI6NDAwfQ":    func(s *Scenario) { s.GPUs = 131072; s.LaneGbps = 400 },
		"#s=1.eyJncHVzIjoxMzEwNzIsImxhbmVfZ2JwcyI6NDAwfQ": func(s *Scenario) { s.GPUs = 131072; s.LaneGbps = 400 },
	}
	for link, edit := range cases {
		want := edited(edit)
		got, err := DecodePermalink(link)
		if err != nil {
			t.Errorf("%q: %v", link, err)
			continue
		}
		if !reflect.DeepEqual(got, normalize(want)) {
			t.Errorf("%q reads\n %+v\nwant %+v", link, got, normalize(want))
		}
	}
	// A hand-edited link that is wrong names what is wrong, and where.
	bad := map[string]string{
		"v=2&gpus=1":                   "version 2",
		"gpus=1&v=1":                   "no version",
		"v=1&v=1":                      "given twice",
		"v=1&gpus":                     "not key=value",
		"v=1&gpus=%zz":                 "bad %-escape in gpus",
		"v=1&gpus=%":                   "bad %-escape",
		"v=1&gpus=abc":                 "gpus",
		"v=1&gpus=0":                   "gpus",
		"v=1&gpu=5":                    "gpu: (present) is not a known field",
		"v=1&tiers.3.tech=cpo":         "names no tier",
		"v=1&tiers=99":                 "not a number of tiers",
		"v=1&tiers.0.colour=red":       "tiers[0].colour",
		"v=1&params.nope=1":            "params.nope",
		"v=1&scale_up.a.b=1":           "not a known field",
		"v=1&tiers.0.tech=warp":        "tiers[0].tech",
		"v=1&gpus=1&gpus=2":            "gpus is given twice",
		"v=1&GPUS=1":                   "GPUS",
		"+1.eyJncHVzIjoxMDAwfQ":        "no version number",
		"01.eyJncHVzIjoxMDAwfQ":        "no version number",
		"1.eyJncHVzIjoxLCJncHVzIjoyfQ": "given twice", // {"gpus":1,"gpus":2}
		"1.eyJHUFVTIjoxMDAwfQ":         "GPUS",        // {"GPUS":1000}
		"1.eyJWIjoxfQ":                 "V",           // {"V":1}
		"s=%":                          "damaged",
	}
	for link, want := range bad {
		_, err := DecodePermalink(link)
		if err == nil || !errors.Is(err, ErrPermalink) || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want a permalink error mentioning %q", link, err, want)
		}
	}
}

func TestPermalinkErrors(t *testing.T) {
	valid := legacyLink(func() Scenario { s := DefaultScenario(); s.GPUs = 1000; return s }())
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
	for _, seed := range []string{"1.", "1.eyJncHVzIjoxMDAwfQ", "2.x", "garbage", "1.e30", "1.eyJ0aWVycyI6W119",
		"v=1", "v=1&gpus=131072&tiers=4&tiers.3.length_m=900", "v=1&params.laser_fit=50&scale_up.tech=%63po", "v=1&tiers=0"} {
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

// Hostile links, made from good ones: each reads as a valid scenario or is
// refused with a reason; none panics, none reads as something else.
func TestHostileLinks(t *testing.T) {
	good := []string{"v=1", "v=1&gpus=131072&lane_gbps=400", "v=1&tiers=4&tiers.3.length_m=900&params.laser_fit=50", legacyLink(func() Scenario { s := DefaultScenario(); s.GPUs = 1000; return s }())}
	var links []string
	for _, g := range good {
		for i := 0; i <= len(g); i++ {
			links = append(links, g[:i], g[:i]+"%", g[:i]+"%zz", g[:i]+"\x00", g[:i]+"&&", g[:i]+"é", g[i:])
		}
		links = append(links, strings.ToUpper(g), "#"+g, "?"+g, " "+g+" ", g+"&"+g, strings.Repeat(g, 200), g+"&gpus=1e999", g+"&gpus=-0", g+"&v=1", "+"+g, "0"+g)
	}
	for _, v := range []string{"<script>", "\"><img>", "../../etc/passwd", "javascript:alert(1)", "%00", "%%", "%E0%A4%A", "\u202e", strings.Repeat("%41", 3000)} {
		links = append(links, "v=1&gpus="+v, "v=1&scale_up.tech="+v, "v=1&"+v+"=1", "s=1."+v, v)
	}
	ok, refused := 0, 0
	for _, l := range links {
		s, err := DecodePermalink(l)
		if err != nil {
			var pe *PermalinkError
			if !errors.As(err, &pe) || label.English.Say(pe.Reason) == "" {
				t.Errorf("%q: %v is not a permalink error with a reason", l, err)
			}
			refused++
			continue
		}
		if err := Validate(s); err != nil {
			t.Errorf("%q read as an invalid scenario: %v", l, err)
		}
		ok++
	}
	t.Logf("%d hostile links: %d read as valid scenarios, %d refused with a reason, 0 bad", len(links), ok, refused)
}

// A comparison's link carries B's permalink and A's pairs after it; each
// reads back, and a mistake in A is A's.
func TestPairLinks(t *testing.T) {
	b, a := DefaultScenario(), DefaultScenario()
	b.GPUs, a.GPUs = 4096, 2048
	a.LaneGbps = 100
	rb, _ := Evaluate(b)
	ra, _ := Evaluate(a)
	link := PairLink(rb.Permalink(), ra.Permalink())
	if want := rb.Permalink() + "&a.v=1&a.gpus=2048&a.lane_gbps=100"; link != want {
		t.Fatalf("pair link %q, want %q", link, want)
	}
	if PairLink(rb.Permalink(), "") != rb.Permalink() {
		t.Error("a link without A is B's")
	}
	gb, ga, err := DecodePair(link)
	if err != nil || ga == nil || gb.GPUs != 4096 || ga.GPUs != 2048 || ga.LaneGbps != 100 {
		t.Fatalf("decoded %+v, %+v, %v", gb.GPUs, ga, err)
	}
	if _, ga, err := DecodePair(rb.Permalink()); err != nil || ga != nil {
		t.Errorf("B alone: %v, %v", ga, err)
	}
	_, _, err = DecodePair(rb.Permalink() + "&a.v=1&a.gpus=-1")
	if pe, ok := err.(*PairError); !ok || AsInputError(err) == nil || AsInputError(err).Field != "gpus" {
		t.Errorf("a mistake in A: %v (%T, %v)", err, err, pe)
	}
	if _, _, err := DecodePair("v=1&gpus=-1&a.v=1"); err == nil {
		t.Error("a mistake in B read")
	} else if _, ok := err.(*PairError); ok {
		t.Error("a mistake in B said to be A's")
	}
	if got := LinkFields(ra.Permalink()); got != "gpus=2048, lane_gbps=100" {
		t.Errorf("A's fields %q", got)
	}
	if got := LinkFields("v=1"); got != "" {
		t.Errorf("the default's fields %q", got)
	}
}

// A shared link carries the model version it was made with; the scenario
// ignores it, and a reader's page can tell an older version's link.
func TestVersionedLink(t *testing.T) {
	s := DefaultScenario()
	s.GPUs = 4096
	link, err := EncodePermalink(s)
	if err != nil {
		t.Fatal(err)
	}
	shared := VersionedLink(link)
	if shared != link+"&mv="+ModelVersion {
		t.Errorf("shared link %q", shared)
	}
	if VersionedLink("v=1") != "v=1" {
		t.Error("the default scenario's link carries a version")
	}
	for _, l := range []string{shared, link + "&mv=2", "mv=1&" + link, "#" + link + "&mv=3.0"} {
		got, err := DecodePermalink(l)
		if err != nil || got.GPUs != 4096 {
			t.Errorf("%q: %v, %v", l, got.GPUs, err)
		}
	}
	if rest, v := SplitVersion(link + "&mv=3.0"); rest != link || v != "3.0" {
		t.Errorf("SplitVersion: %q %q", rest, v)
	}
	if rest, v := SplitVersion(link); rest != link || v != "" {
		t.Errorf("SplitVersion of a link without one: %q %q", rest, v)
	}
	b, a, err := DecodePair(PairLink(link, "v=1") + "&mv=3.1")
	if err != nil || b.GPUs != 4096 || a == nil || a.GPUs != DefaultScenario().GPUs {
		t.Errorf("a comparison's link with a version: %v %v %v", b.GPUs, a, err)
	}
}
