package core

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/cpocalc/cpocalc/core/label"
)

// Bad input gives an *InputError naming the field, the value and what is
// allowed; nothing panics.
func TestValidationErrors(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*Scenario)
		field string
	}{
		{"zero GPUs", func(s *Scenario) { s.GPUs = 0 }, "gpus"},
		{"negative GPUs", func(s *Scenario) { s.GPUs = -5 }, "gpus"},
		{"absurd GPUs", func(s *Scenario) { s.GPUs = 2_000_000_000 }, "gpus"},
		{"NaN watts", func(s *Scenario) { s.GPUWatts = math.NaN() }, "gpu_watts"},
		{"infinite watts", func(s *Scenario) { s.GPUWatts = math.Inf(1) }, "gpu_watts"},
		{"zero watts", func(s *Scenario) { s.GPUWatts = 0 }, "gpu_watts"},
		{"lane rate", func(s *Scenario) { s.LaneGbps = 150 }, "lane_gbps"},
		{"domain", func(s *Scenario) { s.ScaleUp.DomainGPUs = 0 }, "scale_up.domain_gpus"},
		{"scale-up tech", func(s *Scenario) { s.ScaleUp.Tech = "fiber" }, "scale_up.tech"},
		{"scale-up length", func(s *Scenario) { s.ScaleUp.LengthM = -1 }, "scale_up.length_m"},
		{"scale-up gauge", func(s *Scenario) { s.ScaleUp.AWG = 27 }, "scale_up.awg"},
		{"scale-up without bandwidth", func(s *Scenario) { s.ScaleUp.GbpsPerGPU = 0 }, "scale_up.gbps_per_gpu"},
		{"port not in lanes", func(s *Scenario) { s.ScaleOut.PortGbps = 500 }, "scale_out.port_gbps"},
		{"port too fast", func(s *Scenario) { s.ScaleOut.PortGbps = 1e6 }, "scale_out.port_gbps"},
		{"odd radix", func(s *Scenario) { s.ScaleOut.SwitchRadix = 63 }, "scale_out.switch_radix"},
		{"tiny radix", func(s *Scenario) { s.ScaleOut.SwitchRadix = 2 }, "scale_out.switch_radix"},
		{"radix cannot build", func(s *Scenario) { s.ScaleOut.SwitchRadix = 4; s.GPUs = 1_000_000 }, "scale_out.switch_radix"},
		{"too few forced tiers", func(s *Scenario) { s.ScaleOut.Tiers = 2 }, "scale_out.tiers"},
		{"too many tiers", func(s *Scenario) { s.ScaleOut.Tiers = 9 }, "scale_out.tiers"},
		{"NIC tech", func(s *Scenario) { s.ScaleOut.NICTech = DAC }, "scale_out.nic_tech"},
		{"domain larger than the cluster", func(s *Scenario) { s.GPUs = 64 }, "scale_up.domain_gpus"},
		{"tiers missing, count forced", func(s *Scenario) { s.Tiers = s.Tiers[:2]; s.ScaleOut.Tiers = 3 }, "tiers"},
		{"tier tech", func(s *Scenario) { s.Tiers[1].Tech = "wifi" }, "tiers[1].tech"},
		{"tier length zero", func(s *Scenario) { s.Tiers[2].LengthM = 0 }, "tiers[2].length_m"},
		{"tier length NaN", func(s *Scenario) { s.Tiers[0].LengthM = math.NaN() }, "tiers[0].length_m"},
		{"tier gauge", func(s *Scenario) { s.Tiers[0].AWG = 24 }, "tiers[0].awg"},
		{"tier fibre", func(s *Scenario) { s.Tiers[0].Fiber = "plastic" }, "tiers[0].fiber"},
		{"PUE", func(s *Scenario) { s.PUE = 0.5 }, "pue"},
		{"price", func(s *Scenario) { s.USDPerKWh = -1 }, "usd_per_kwh"},
		{"fibre price", func(s *Scenario) { s.FiberCNYPerCoreKm = math.Inf(-1) }, "fiber_cny_per_core_km"},
		{"unknown param", func(s *Scenario) { s.Params = map[string]float64{"warp_factor": 9} }, "params.warp_factor"},
		{"param range", func(s *Scenario) { s.Params = map[string]float64{"smf_db_per_km": -1} }, "params.smf_db_per_km"},
		{"version", func(s *Scenario) { s.V = 7 }, "v"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := edited(c.edit)
			_, err := Evaluate(s)
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("got %v, want an *InputError", err)
			}
			if ie.Field != c.field {
				t.Errorf("field %q, want %q (%v)", ie.Field, c.field, err)
			}
			if label.English.Say(ie.Value) == "" || label.English.Say(ie.Allowed) == "" || !strings.Contains(err.Error(), c.field) {
				t.Errorf("message lacks value or allowed range: %v", err)
			}
		})
	}
}

func TestLinkValidation(t *testing.T) {
	cases := []struct {
		l     Link
		field string
	}{
		{Link{Tech: "x", LaneGbps: 100, Lanes: 4, LengthM: 1}, "tech"},
		{Link{Tech: DAC, FarTech: DSP, LaneGbps: 100, Lanes: 4, LengthM: 1}, "far_tech"},
		{Link{Tech: DSP, FarTech: DAC, LaneGbps: 100, Lanes: 4, LengthM: 1}, "far_tech"},
		{Link{Tech: DAC, LaneGbps: 99, Lanes: 4, LengthM: 1}, "lane_gbps"},
		{Link{Tech: DAC, LaneGbps: 100, Lanes: 0, LengthM: 1}, "lanes"},
		{Link{Tech: DAC, LaneGbps: 100, Lanes: 4, LengthM: -1}, "length_m"},
		{Link{Tech: DAC, LaneGbps: 100, Lanes: 4, LengthM: 1, AWG: 31}, "awg"},
		{Link{Tech: DSP, LaneGbps: 100, Lanes: 4, LengthM: 1, Fiber: "om9"}, "fiber"},
	}
	for _, c := range cases {
		_, err := EvaluateLink(c.l)
		var ie *InputError
		if !errors.As(err, &ie) || ie.Field != c.field {
			t.Errorf("%+v: got %v, want an error on %s", c.l, err, c.field)
		}
	}
}

func TestParseScenario(t *testing.T) {
	s, err := ParseScenario([]byte(`{"gpus": 1000, "scale_out": {"switch_radix": 32}}`))
	if err != nil {
		t.Fatal(err)
	}
	d := DefaultScenario()
	if s.GPUs != 1000 || s.ScaleOut.SwitchRadix != 32 || s.ScaleOut.PortGbps != d.ScaleOut.PortGbps || len(s.Tiers) != 3 {
		t.Errorf("partial scenario not merged onto defaults: %+v", s)
	}
	s, err = ParseScenario([]byte(`{"tiers": [{"tech": "cpo", "length_m": 5}]}`))
	if err != nil || len(s.Tiers) != 1 || s.Tiers[0].Tech != CPO {
		t.Errorf("tiers not replaced whole: %+v, %v", s.Tiers, err)
	}
	for in, field := range map[string]string{
		`{"gpus": "many"}`:                   "gpus",
		`{"gpus": 1.5}`:                      "gpus",
		`{"gpu": 8}`:                         "gpu",
		`{"scale_up": {"tech": 3}}`:          "scale_up.tech",
		`{"gpus": 8`:                         "scenario",
		`[1, 2]`:                             "scenario",
		`{"gpus": 8} {"gpus": 9}`:            "scenario",
		`{"params": {"smf_db_per_km": "x"}}`: "params.smf_db_per_km",
		`{"tiers": [{"length_m": 3}, {"tech": 5}]}`: "tiers[1].tech",
		`{"scale_up": 5}`: "scale_up",
		`null`:            "scenario",
	} {
		_, err := ParseScenario([]byte(in))
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Errorf("%s: got %v, want an *InputError", in, err)
			continue
		}
		if ie.Field != field {
			t.Errorf("%s: field %q, want %q (%v)", in, ie.Field, field, err)
		}
	}
}

// The topology of the fat tree for sizes that do not fill it: each leaf's
// uplinks split evenly over the spines, so a partial tree gets a divisor
// of the uplinks, not the bare quotient.
func TestFatTreeCounts(t *testing.T) {
	cases := []struct {
		e, k, forced int
		over         float64
		tiers        int
		switches     []int
		links        []int
	}{
		{64, 64, 0, 1, 1, []int{1}, []int{64}},
		{65, 64, 0, 1, 2, []int{3, 2}, []int{65, 96}},
		{2048, 64, 0, 1, 2, []int{64, 32}, []int{2048, 2048}},
		{1000, 64, 0, 1, 2, []int{32, 16}, []int{1000, 1024}},
		// 47 leaves of 32 uplinks: 24 spines would take 62.7 links each;
		// 32 spines take one from every leaf.
		{1500, 64, 0, 1, 2, []int{47, 32}, []int{1500, 1504}},
		{65536, 64, 0, 1, 3, []int{2048, 2048, 1024}, []int{65536, 65536, 65536}},
		// Two full pods and a pod of one leaf and one aggregation switch:
		// the position the third pod stands in takes 96 uplinks on two
		// core switches, the other 31 positions 64 on one each.
		{2048 + 1, 64, 0, 1, 3, []int{65, 64 + 1, 2 + 31}, []int{2049, 2080, 2080}},
		{1000, 64, 3, 1, 3, []int{32, 32, 16}, []int{1000, 1024, 1024}},
		{131072, 64, 0, 1, 4, []int{4096, 4096, 4096, 2048}, []int{131072, 131072, 131072, 131072}},
		// 3:1 below the top: 48 hosts and 16 uplinks per leaf, 64 leaves
		// on 16 spines.
		{3072, 64, 0, 3, 2, []int{64, 16}, []int{3072, 1024}},
	}
	for _, c := range cases {
		ft, err := buildFatTree(c.e, c.k, c.forced, c.over, 1)
		if err != nil {
			t.Fatalf("%+v: %v", c, err)
		}
		if ft.tiers != c.tiers {
			t.Errorf("%d ports at k=%d: %d tiers, want %d", c.e, c.k, ft.tiers, c.tiers)
			continue
		}
		for i, n := range c.switches {
			if ft.switches[i] != n || ft.links[i] != c.links[i] {
				t.Errorf("%d ports at k=%d r=%g, tier %d: %d switches and %d links, want %d and %d", c.e, c.k, c.over, i, ft.switches[i], ft.links[i], n, c.links[i])
			}
		}
		// Every switch below the top has its uplinks taken, and no
		// switch above has more links than ports.
		for i := 1; i < ft.tiers; i++ {
			if ft.links[i] > ft.switches[i]*ft.down[i] {
				t.Errorf("%d ports: tier %d has %d links for %d switches of %d down ports", c.e, i, ft.links[i], ft.switches[i], ft.down[i])
			}
		}
	}
}

// Twin-port modules: an 8-lane module carries two 4-lane ports on a switch;
// the NIC has one per port.
func TestModuleCounts(t *testing.T) {
	s := DefaultScenario()
	for i := range s.Tiers {
		s.Tiers[i].Tech = DSP
	}
	r := mustEvaluate(s)
	n := r.Tiers[0].Links
	if got, want := r.Tiers[0].Modules, n/2+n; got != want {
		t.Errorf("tier 1 modules %d, want %d (twin-port at the leaf, one per NIC)", got, want)
	}
	if got, want := r.Tiers[1].Modules, n; got != want {
		t.Errorf("tier 2 modules %d, want %d (twin-port at both ends)", got, want)
	}
	s.Tiers[0].Tech = CPO
	r = mustEvaluate(s)
	if got, want := r.Tiers[0].Engines, n*800/6400; got != want {
		t.Errorf("tier 1 engines %d, want %d", got, want)
	}
	if r.Tiers[0].NICTech != DSP || r.Tiers[0].Modules != n {
		t.Errorf("CPO leaf meets a DSP NIC: nic %s, modules %d", r.Tiers[0].NICTech, r.Tiers[0].Modules)
	}
}

// An explicitly chosen technology that cannot reach says so, and the rest
// of the result stands.
func TestInfeasibleTier(t *testing.T) {
	s := DefaultScenario()
	s.Tiers[2].Tech = DAC
	r := mustEvaluate(s)
	if r.Tiers[2].Feasible || r.Totals.Feasible {
		t.Error("300 m of passive copper marked feasible")
	}
	if r.Tiers[2].Link.Reason == "" {
		t.Error("no reason given")
	}
	if r.Totals.InterconnectPower <= 0 {
		t.Error("totals missing")
	}
}

// With scale_out.tiers 0 (as many as needed) a cluster that outgrows the
// scenario's tiers gets the missing ones, auto, at the length for their
// place; the result says which were added, and a scenario that gives them
// explicitly gets the same result.
func TestTiersAddedWhenNeeded(t *testing.T) {
	for _, c := range []struct {
		gpus  int
		given int
		want  int
	}{{131072, 3, 4}, {1000000, 3, 4}, {65536, 2, 3}, {65536, 0, 3}, {1000, 3, 2}} {
		s := DefaultScenario()
		s.GPUs = c.gpus
		s.Tiers = s.Tiers[:c.given]
		r, err := Evaluate(s)
		if err != nil {
			t.Fatalf("%d GPUs, %d tiers given: %v", c.gpus, c.given, err)
		}
		if len(r.Tiers) != c.want {
			t.Fatalf("%d GPUs: %d tiers, want %d", c.gpus, len(r.Tiers), c.want)
		}
		for i, tr := range r.Tiers {
			if tr.Added != (i >= c.given) {
				t.Errorf("%d GPUs: tier %d added = %v", c.gpus, i+1, tr.Added)
			}
			if want := AddedTier(i).LengthM; tr.Added && tr.Length.Metres() != want {
				t.Errorf("%d GPUs: added tier %d at %v m, want %v", c.gpus, i+1, tr.Length.Metres(), want)
			}
		}
		explicit := s
		explicit.Tiers = r.EvaluatedTiers()
		r2, err := Evaluate(explicit)
		if err != nil || !reflect.DeepEqual(r2.Totals, r.Totals) {
			t.Errorf("%d GPUs: the added tiers given explicitly give %+v (%v), want %+v", c.gpus, r2.Totals, err, r.Totals)
		}
		js, _ := r.MarshalJSON()
		if added := strings.Count(string(js), `"added":true`); added != max(0, c.want-c.given) {
			t.Errorf("%d GPUs: %d tiers say added in the JSON, want %d", c.gpus, added, c.want-c.given)
		}
	}
	if AddedTier(3).LengthM != AddedTierLengthM || AddedTier(0) != DefaultScenario().Tiers[0] {
		t.Error("added tiers do not take the default lengths for their place")
	}
}

// A whole number that is not one says why in the reader's terms.
func TestWholeNumberMessages(t *testing.T) {
	for in, reason := range map[string]string{`{"gpus": 65536.5}`: "is not a whole number", `{"gpus": 1e308}`: "is too large", `{"gpus": "x"}`: "is text", `{"gpus": 1e999}`: "too large"} {
		_, err := ParseScenario([]byte(in))
		ie := AsInputError(err)
		if ie == nil || ie.Field != "gpus" || !strings.Contains(label.English.Say(ie.Reason), reason) {
			t.Errorf("%s: %v, want gpus %q", in, err, reason)
		}
	}
}

// Problems lists every bad field at once, each on its own field.
func TestProblems(t *testing.T) {
	s := DefaultScenario()
	s.GPUs = -5
	s.PUE = 9
	s.Tiers[1].LengthM = 0
	s.Params = map[string]float64{"smf_db_per_km": -1}
	var fields []string
	for _, p := range Problems(s) {
		fields = append(fields, p.Field)
	}
	want := map[string]bool{"gpus": true, "pue": true, "tiers[1].length_m": true, "params.smf_db_per_km": true}
	if len(fields) != len(want) {
		t.Fatalf("problems on %v, want %v", fields, want)
	}
	for _, f := range fields {
		if !want[f] {
			t.Errorf("a problem on %q", f)
		}
	}
	if s.GPUs != -5 || s.Params["smf_db_per_km"] != -1 {
		t.Error("Problems changed the scenario it was given")
	}
	if p := Problems(DefaultScenario()); len(p) != 0 {
		t.Errorf("the default scenario has problems: %v", p)
	}
}

// An explicit null, or what JavaScript writes for a number JSON cannot
// hold, is refused at its field: nothing silently becomes a default.
func TestNullsAndNonNumbersRefused(t *testing.T) {
	for in, field := range map[string]string{
		`{"gpus": null}`:                   "gpus",
		`{"scale_out": null}`:              "scale_out",
		`{"scale_up": {"length_m": null}}`: "scale_up.length_m",
		`{"tiers": [null]}`:                "tiers[0]",
		`{"tiers": [{"tech": null}]}`:      "tiers[0].tech",
		`{"params": {"laser_fit": null}}`:  "params.laser_fit",
		`{"gpus": "NaN"}`:                  "gpus",
		`{"pue": "Infinity"}`:              "pue",
		`{"usd_per_kwh": "-Infinity"}`:     "usd_per_kwh",
		`{"gpu_watts": "undefined"}`:       "gpu_watts",
	} {
		_, err := ParseScenario([]byte(in))
		ie := AsInputError(err)
		if ie == nil || ie.Field != field {
			t.Errorf("%s: %v, want an error on %s", in, err, field)
			continue
		}
		if strings.Contains(in, "null") && (label.English.Say(ie.Value) != "null" || !strings.Contains(label.English.Say(ie.Allowed), "left out")) {
			t.Errorf("%s: %v: say that it is empty and how to get the default", in, err)
		}
	}
	// The writer's own null, a nil list of tiers, reads as the defaults.
	if s, err := ParseScenario([]byte(`{"tiers": null}`)); err != nil || len(s.Tiers) != len(DefaultScenario().Tiers) {
		t.Errorf(`{"tiers": null}: %v, %d tiers`, err, len(s.Tiers))
	}
	if _, err := ParseScenario([]byte(`{"gpus": "NaN"}`)); err == nil || !strings.Contains(err.Error(), "NaN is not a value JSON can hold") {
		t.Errorf("NaN: %v", err)
	}
}
