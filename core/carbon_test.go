package core

import (
	"math"
	"testing"

	"github.com/cpocalc/cpocalc/core/label"
)

// The interconnect's carbon and water are its yearly energy times the
// grid's intensity, and its IT energy times the site's water-usage
// effectiveness, at every stage; each walks to its two inputs; each input
// is refused outside its range.
func TestCarbonAndWater(t *testing.T) {
	s := DefaultScenario()
	s.GridKgCO2PerKWh, s.WUELPerKWh = 0.5, 1.2
	r, err := Evaluate(s)
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string, tt *Totals) {
		kwh := float64(tt.AnnualEnergy / KilowattHour)
		if want := kwh * 0.5 / 1000; math.Abs(tt.CO2PerYear-want) > 1e-9*want || want <= 0 {
			t.Errorf("%s: CO₂ %g t, want %g", what, tt.CO2PerYear, want)
		}
		if want := kwh / s.PUE * 1.2 / 1000; math.Abs(tt.WaterPerYear-want) > 1e-9*want || want <= 0 {
			t.Errorf("%s: water %g m³, want %g", what, tt.WaterPerYear, want)
		}
	}
	check("totals", &r.Totals)
	for _, st := range r.ByStage {
		if st.Feasible {
			check(st.Stage, &st.Totals)
		}
	}
	for path, inputs := range map[string][]string{"totals.co2_tonnes_per_year": {"grid_kg_co2_per_kwh"}, "totals.water_m3_per_year": {"wue_l_per_kwh", "PUE"}} {
		e, err := Explain(label.English, s, path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, in := range inputs {
			found := false
			for _, term := range e.Inputs {
				found = found || term.Name == in
			}
			if !found {
				t.Errorf("%s: its explanation does not name %s", path, in)
			}
		}
	}
	for _, bad := range []func(*Scenario){
		func(s *Scenario) { s.GridKgCO2PerKWh = -0.1 },
		func(s *Scenario) { s.GridKgCO2PerKWh = 2 },
		func(s *Scenario) { s.WUELPerKWh = math.NaN() },
		func(s *Scenario) { s.WUELPerKWh = 9 },
	} {
		s := DefaultScenario()
		bad(&s)
		if err := Validate(s); err == nil {
			t.Errorf("%+v accepted", s)
		}
	}
}
