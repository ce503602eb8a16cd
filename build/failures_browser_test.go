package main

import (
	"strings"
	"testing"

	"github.com/cpocalc/cpocalc/core"
)

// The carbon, the water and the failures in money, as a reader sets them
// in the calculator: the totals follow core for the scenario typed; a
// value out of its range is named with its field and range, the typed
// text is kept, and the results stay as they were.
func TestCarbonAndFailuresInTheCalculator(t *testing.T) {
	ctx, tr := calculatorTab(t)
	typeInto(t, ctx, "grid_kg_co2_per_kwh", "0.05")
	typeInto(t, ctx, "wue_l_per_kwh", "1.8")
	typeInto(t, ctx, "checkpoint_minutes", "60")
	typeInto(t, ctx, "restart_minutes", "5")
	typeInto(t, ctx, "gpu_hour_usd", "3.5")
	s := core.DefaultScenario()
	s.GridKgCO2PerKWh, s.WUELPerKWh, s.CheckpointMinutes, s.RestartMinutes, s.GPUHourUSD = 0.05, 1.8, 60, 5, 3.5
	checkAgainstCore(t, ctx, s)
	good := text(t, ctx, "r-totals")
	for _, row := range []string{"CO₂", "water", "interruptions a day", "GPU-hours"} {
		if !strings.Contains(good, row) {
			t.Errorf("the totals have no %q row", row)
		}
	}
	typeInto(t, ctx, "gpu_hour_usd", "500")
	if msg := text(t, ctx, "e-gpu_hour_usd"); !strings.Contains(msg, "500") || !strings.Contains(msg, "0 to 100") {
		t.Errorf("message for a $500 GPU-hour: %q", msg)
	}
	if v := eval[string](t, ctx, `document.getElementById("f-gpu_hour_usd").value`); v != "500" {
		t.Errorf("the typed value was lost: %q", v)
	}
	if text(t, ctx, "r-totals") != good {
		t.Error("the results changed on a bad value")
	}
	checkTraffic(t, "carbon and failures", tr)
}
