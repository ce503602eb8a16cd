package core

import (
	"regexp"
	"testing"
)

// Every parameter is traceable: id, unit, default inside its range, a
// source or an honest estimate label, a confidence, and for calibrations
// the figure they were fitted to.
func TestCatalogueComplete(t *testing.T) {
	idRe := regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	seen := map[string]bool{}
	for i, p := range Catalogue() {
		if p.ID == "" {
			t.Errorf("parameter %d has no id", i)
			continue
		}
		if !idRe.MatchString(p.ID) {
			t.Errorf("%s: id is not snake_case", p.ID)
		}
		if seen[p.ID] {
			t.Errorf("%s: duplicate id", p.ID)
		}
		seen[p.ID] = true
		if _, ok := unitScale(p.Unit); !ok {
			t.Errorf("%s: unknown unit %q", p.ID, p.Unit)
		}
		if p.Name == "" || p.Group == "" {
			t.Errorf("%s: no name or group", p.ID)
		}
		if !(p.Low <= p.Default && p.Default <= p.High) || p.Low == p.High {
			t.Errorf("%s: default %v outside [%v, %v]", p.ID, p.Default, p.Low, p.High)
		}
		if p.Source == "" {
			t.Errorf("%s: no source", p.ID)
		}
		switch p.Kind {
		case Sourced:
			if p.Confidence == Estimate {
				t.Errorf("%s: sourced but graded E", p.ID)
			}
		case Estimated:
			if p.Confidence != Estimate || !regexp.MustCompile(`engineering estimate`).MatchString(p.Source) {
				t.Errorf("%s: an estimate must be graded E and say 'engineering estimate'", p.ID)
			}
		case Calibration:
			if p.Note == "" {
				t.Errorf("%s: a calibration must name what it was fitted to", p.ID)
			}
		default:
			t.Errorf("%s: unknown kind %q", p.ID, p.Kind)
		}
		switch p.Confidence {
		case High, Medium, Low, Estimate:
		default:
			t.Errorf("%s: unknown confidence %q", p.ID, p.Confidence)
		}
		if got, ok := LookupParam(p.ID); !ok || got.ID != p.ID {
			t.Errorf("%s: LookupParam fails", p.ID)
		}
	}
	if len(seen) != int(numParams) {
		t.Errorf("catalogue has %d ids, want %d", len(seen), numParams)
	}
}

// Every parameter is read by some evaluation: none is dead weight in the
// catalogue (a reader would wonder what it does).
func TestEveryParameterIsUsed(t *testing.T) {
	tr := &tracer{all: true}
	p := defaultParams()
	p.tr = tr
	for _, lane := range LaneRates {
		l, _ := lookupLane(&p, lane)
		coreEnergy(&p, l) // each lane rate's switch chip
		ps := newPathSet(&p, l)
		for _, a := range Techs {
			for _, b := range Techs {
				if a.Copper() != b.Copper() || (a.Copper() && a != b) {
					continue
				}
				for _, f := range Fibers {
					evalLink(&p, linkSpec{near: a.row(), far: b.row(), lane: l, lanes: 8, length: 10, awg: 26, fiber: f.row()}, ps)
				}
			}
		}
	}
	liquid := DefaultScenario()
	liquid.SwitchCooling = CoolingLiquid
	liquid.ScaleUp.FEC = FECNone
	auto := DefaultScenario()
	auto.ScaleUp.FEC = FECAuto
	auto.ScaleUp.Signalling = SigAuto
	bidi, pam8 := DefaultScenario(), DefaultScenario()
	bidi.ScaleUp.Signalling, pam8.ScaleUp.Signalling = SigPAM4Bidi, SigPAM8
	for _, s := range []Scenario{DefaultScenario(), liquid, auto, bidi, pam8} {
		pl := new(plan)
		if err := pl.build(s); err != nil {
			t.Fatal(err)
		}
		pl.p.tr = tr
		pl.layout()
		pl.evaluateParts(true)
		supplyOutlook(&pl.p, &Result{})
	}
	for i := paramID(0); i < numParams; i++ {
		if !tr.allUsed.has(i) {
			t.Errorf("parameter %s is never read", catalogue[i].ID)
		}
	}
}

func TestParamOverrides(t *testing.T) {
	if _, err := resolveParams(map[string]float64{"no_such_param": 1}); err == nil {
		t.Error("unknown parameter accepted")
	}
	if _, err := resolveParams(map[string]float64{"smf_db_per_km": 50}); err == nil {
		t.Error("out-of-range parameter accepted")
	}
	if _, err := resolveParams(map[string]float64{"module_lanes": 4.5}); err == nil {
		t.Error("fractional count accepted")
	}
	p, err := resolveParams(map[string]float64{"smf_db_per_km": 1})
	if err != nil || p.v[pSMFLoss] != 1 || !p.overridden[pSMFLoss] {
		t.Errorf("override not applied: %v", err)
	}
}
