package core

import "testing"

// Every row of the validation table (../shared/reference/validation.md,
// V1-V10) within its tolerance; calibration rows say so in their kind.
func TestValidationCases(t *testing.T) {
	rows := ValidationTable()
	if len(rows) != len(validationCases) || len(rows) < 10 {
		t.Fatalf("ValidationTable has %d rows", len(rows))
	}
	seen := map[string]bool{}
	for _, r := range rows {
		seen[r.ID[:2]+r.ID[2:]] = true
		t.Run(r.ID, func(t *testing.T) {
			if r.Source == "" || r.Kind == "" || r.Claim == "" {
				t.Errorf("row without claim, source or kind")
			}
			if !r.Pass {
				t.Errorf("%s (%s; %s): model gives %.6g, want %.6g within %.3g%%", r.Claim, r.Source, r.Kind, r.Model, r.Want, r.Tolerance*100)
			}
		})
	}
	for _, id := range []string{"V1", "V2", "V3a", "V4a", "V5a", "V6", "V7", "V8a", "V9a", "V10a"} {
		if !seen[id] {
			t.Errorf("validation case %s missing", id)
		}
	}
}

// Published figures nothing was fitted to.
func TestPublishedFigures(t *testing.T) {
	for _, r := range PublishedChecks() {
		t.Run(r.Name, func(t *testing.T) {
			if r.Disagreement != "" {
				// Shown on the methodology page, not tuned away; if the
				// model comes to agree, the note must go.
				if r.Pass {
					t.Errorf("%s agrees now (%.4g); drop its disagreement note", r.Name, r.Model)
				}
				return
			}
			if !r.Pass {
				t.Errorf("%s: model gives %.4g, published (%s) %g to %g", r.Name, r.Model, r.Source, r.Low, r.High)
			}
		})
	}
}

// V4 also asks the ladder to fall strictly; the 400G/lane point (research)
// continues it.
func TestCopperLadderFalls(t *testing.T) {
	prev := Length(1e9)
	for _, lane := range LaneRates {
		r := Length(dacReach(lane))
		if !(r < prev) && !(r == 0 && prev == 0) {
			t.Errorf("DAC reach at %g Gb/s per lane is %v, not below %v", lane, r, prev)
		}
		prev = r
	}
}
