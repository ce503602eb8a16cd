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

// The network's failures in time and money: each link failure a day is
// its FIT over a day; the job's interruptions are the network's (links
// and switches) times the share that stops it; each costs every GPU half
// a checkpoint interval and the restart, at the price of a GPU-hour; with
// fewer parts, co-packaged optics lose less than pluggables.
func TestFailuresInMoney(t *testing.T) {
	s := DefaultScenario()
	s.CheckpointMinutes, s.RestartMinutes, s.GPUHourUSD = 60, 10, 3
	s.Params = map[string]float64{"job_stop_share": 0.5}
	r, err := Evaluate(s)
	if err != nil {
		t.Fatal(err)
	}
	near := func(what string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-9*math.Abs(want) || want <= 0 {
			t.Errorf("%s: %g, want %g", what, got, want)
		}
	}
	tt := &r.Totals
	near("link failures a day", tt.LinkFailuresPerDay, float64(tt.FIT)*24e-9)
	near("interruptions a day", tt.JobStopsPerDay, float64(tt.NetworkFIT)*24e-9*0.5)
	near("GPU-hours lost", tt.GPUHoursLost, tt.JobStopsPerDay*365.25*float64(s.GPUs)*(30+10)/60)
	near("their cost", float64(tt.USDLost), tt.GPUHoursLost*3)
	var dsp, cpo *Totals
	for i := range r.ByStage {
		switch r.ByStage[i].Stage {
		case "dsp":
			dsp = &r.ByStage[i].Totals
		case "cpo":
			cpo = &r.ByStage[i].Totals
		}
	}
	if !(cpo.USDLost < dsp.USDLost) {
		t.Errorf("co-packaged optics lose %v a year, pluggables %v", cpo.USDLost, dsp.USDLost)
	}
	e, err := Explain(label.English, s, "totals.gpu_hours_lost_per_year")
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, in := range e.Inputs {
		names[in.Name] = true
	}
	for _, want := range []string{"checkpoint_minutes", "restart_minutes", "N_GPU", "interruptions a day"} {
		if !names[want] {
			t.Errorf("the lost GPU-hours' explanation does not name %s: %v", want, names)
		}
	}
	e, err = Explain(label.English, s, "totals.job_interruptions_per_day")
	if err != nil {
		t.Fatal(err)
	}
	walks := false
	for _, p := range e.Params {
		walks = walks || (p.ID == "job_stop_share" && p.Value == 0.5 && p.Source != "")
	}
	if !walks {
		t.Error("the interruptions' explanation does not walk to job_stop_share, as set, with its source")
	}
	for _, bad := range []func(*Scenario){
		func(s *Scenario) { s.CheckpointMinutes = -1 },
		func(s *Scenario) { s.RestartMinutes = 2000 },
		func(s *Scenario) { s.GPUHourUSD = math.Inf(1) },
	} {
		s := DefaultScenario()
		bad(&s)
		if err := Validate(s); err == nil {
			t.Errorf("%+v accepted", s)
		}
	}
}
