package core

import (
	"math"
	"reflect"
	"testing"
)

// Loss grows with length and with frequency, and adds across spans.
func TestLossMonotone(t *testing.T) {
	p := defaultParams()
	for _, awg := range Gauges {
		prev := Attenuation(0)
		for f := 1.0; f <= 120; f *= 1.5 {
			a := twinaxLoss(&p, awg, Frequency(f)*Gigahertz).Total()
			if !(a > prev) {
				t.Errorf("%d AWG: loss %v at %g GHz not above %v", awg, a, f, prev)
			}
			prev = a
		}
	}
	prev := Attenuation(0)
	for f := 1.0; f <= 120; f *= 1.5 {
		a := BoardTraceLoss(200, Frequency(f)*Gigahertz).Total()
		if !(a > prev) {
			t.Errorf("board trace: loss %v at %g GHz not above %v", a, f, prev)
		}
		prev = a
	}
	for _, tech := range []Tech{DAC, ACC, AEC} {
		prevLoss := Decibel(-1)
		for _, l := range []float64{0, 0.5, 1, 2, 4} {
			r := mustLink(Link{Tech: tech, LaneGbps: 100, Lanes: 4, LengthM: l})
			if !(r.ElectricalLoss > prevLoss) {
				t.Errorf("%s: loss %v at %g m not above %v", tech, r.ElectricalLoss, l, prevLoss)
			}
			prevLoss = r.ElectricalLoss
		}
	}
	// Additivity: a 1 m and a 2 m span lose what one 3 m span loses.
	lane := lane100()
	a := cableSegment(&p, lane, 26, 1).Loss + cableSegment(&p, lane, 26, 2).Loss
	b := cableSegment(&p, lane, 26, 3).Loss
	if !approxEqual(float64(a), float64(b), 1e-12, 1e-12) {
		t.Errorf("1 m + 2 m = %v, 3 m = %v", a, b)
	}
}

// The conductor part of twinax loss goes as sqrt(f), the dielectric as f.
func TestLossForm(t *testing.T) {
	a, b := TwinaxLoss(26, 10*Gigahertz), TwinaxLoss(26, 40*Gigahertz)
	if !approxEqual(float64(b.Conductor/a.Conductor), 2, 0, 1e-9) {
		t.Errorf("conductor loss ratio for 4x frequency = %v, want 2", b.Conductor/a.Conductor)
	}
	if !approxEqual(float64(b.Dielectric/a.Dielectric), 4, 0, 1e-9) {
		t.Errorf("dielectric loss ratio for 4x frequency = %v, want 4", b.Dielectric/a.Dielectric)
	}
}

// Copper reach strictly falls as the lane rate rises, for every copper
// technology and gauge, until it reaches zero.
func TestCopperReachFalls(t *testing.T) {
	for _, tech := range []Tech{DAC, ACC, AEC} {
		for _, awg := range Gauges {
			prev := Length(math.Inf(1))
			for _, lane := range LaneRates {
				r := mustLink(Link{Tech: tech, LaneGbps: lane, Lanes: 4, LengthM: 0.1, AWG: awg}).MaxReach
				if !(r < prev) && !(r == 0 && prev == 0) {
					t.Errorf("%s %d AWG: reach %v at %g Gb/s not below %v", tech, awg, r, lane, prev)
				}
				prev = r
			}
		}
	}
}

// A thicker gauge reaches further.
func TestThickerGaugeReachesFurther(t *testing.T) {
	for _, tech := range []Tech{DAC, ACC, AEC} {
		for _, lane := range LaneRates {
			prev := Length(math.Inf(1))
			for _, awg := range Gauges { // thickest first
				r := mustLink(Link{Tech: tech, LaneGbps: lane, Lanes: 4, LengthM: 0.1, AWG: awg}).MaxReach
				if r == 0 {
					continue
				}
				if !(r < prev) {
					t.Errorf("%s at %g Gb/s: %d AWG reaches %v, not less than the thicker gauge's %v", tech, lane, awg, r, prev)
				}
				prev = r
			}
		}
	}
}

// Zero length gives zero flight time in the medium.
func TestZeroLengthZeroFlight(t *testing.T) {
	if FiberFlightTime(0, 1.4682) != 0 {
		t.Error("fibre flight over 0 m is not 0")
	}
	p := defaultParams()
	if cableSegment(&p, lane100(), 26, 0).Delay != 0 {
		t.Error("cable delay over 0 m is not 0")
	}
	a := mustLink(Link{Tech: DSP, LaneGbps: 200, Lanes: 4, LengthM: 0})
	b := mustLink(Link{Tech: DSP, LaneGbps: 200, Lanes: 4, LengthM: 50})
	if d := (b.Latency[LatencyFlight] - a.Latency[LatencyFlight]).Nanoseconds(); !approxEqual(d, 50*1.4682/SpeedOfLight*1e9, 1e-9, 0) {
		t.Errorf("50 m of fibre adds %v ns", d)
	}
}

// Power scales with the link count: twice the GPUs at the same depth, twice
// the links and twice the link power.
func TestPowerScalesWithLinks(t *testing.T) {
	s := DefaultScenario()
	s.GPUs = 16384
	s.ScaleOut.Tiers = 3
	r1 := mustEvaluate(s)
	s.GPUs = 32768
	r2 := mustEvaluate(s)
	for i := range r1.Tiers {
		if r2.Tiers[i].Links != 2*r1.Tiers[i].Links {
			t.Errorf("tier %d: %d links, want %d", i, r2.Tiers[i].Links, 2*r1.Tiers[i].Links)
		}
		if !approxEqual(float64(r2.Tiers[i].Power), 2*float64(r1.Tiers[i].Power), 0, 1e-12) {
			t.Errorf("tier %d: %v, want twice %v", i, r2.Tiers[i].Power, r1.Tiers[i].Power)
		}
	}
	if !approxEqual(float64(r2.Totals.ScaleUpPower), 2*float64(r1.Totals.ScaleUpPower), 0, 1e-12) {
		t.Errorf("scale-up power %v, want twice %v", r2.Totals.ScaleUpPower, r1.Totals.ScaleUpPower)
	}
}

// The energy convention holds for every technology and lane rate:
// pj_per_bit × R_port = P_end + P_host, and the link is both ends.
func TestEnergyConvention(t *testing.T) {
	for _, lane := range LaneRates {
		for _, tech := range Techs {
			r := mustLink(Link{Tech: tech, LaneGbps: lane, Lanes: 4, LengthM: 0.5})
			w := r.PJPerBit().Over(r.Port)
			if !approxEqual(float64(w), float64(r.WattsPerEnd()+r.HostWattsPerEnd()), 0, 1e-12) {
				t.Errorf("%s %g: %v × %v = %v, want %v", tech, lane, r.PJPerBit(), r.Port, w, r.WattsPerEnd()+r.HostWattsPerEnd())
			}
			if !approxEqual(float64(r.LinkPower), 2*float64(w), 0, 1e-12) {
				t.Errorf("%s %g: link %v, want both ends %v", tech, lane, r.LinkPower, 2*w)
			}
		}
	}
	// A passive cable draws only its EEPROM.
	if w := mustLink(Link{Tech: DAC, LaneGbps: 200, Lanes: 4, LengthM: 1}).WattsPerEnd(); !approxEqual(float64(w), 0.1, 0, 1e-12) {
		t.Errorf("DAC watts per end = %v, want 0.1 W", w)
	}
}

// The three-step compression: metres, then tens of centimetres, then
// millimetres of electrical path, with falling loss.
func TestThreeStepCompression(t *testing.T) {
	cu := mustLink(Link{Tech: DAC, LaneGbps: 200, Lanes: 4, LengthM: 1})
	plug := mustLink(Link{Tech: DSP, LaneGbps: 200, Lanes: 4, LengthM: 100})
	cpo := mustLink(Link{Tech: CPO, LaneGbps: 200, Lanes: 4, LengthM: 100})
	if !(cu.ElectricalPath >= 1*Metre) {
		t.Errorf("copper path %v, want metres", cu.ElectricalPath)
	}
	if !(plug.ElectricalPath >= 100*Millimetre && plug.ElectricalPath < 1*Metre) {
		t.Errorf("pluggable path %v, want tens of centimetres", plug.ElectricalPath)
	}
	if !(cpo.ElectricalPath < 20*Millimetre) {
		t.Errorf("CPO path %v, want millimetres", cpo.ElectricalPath)
	}
	if !(cu.ElectricalLoss > plug.ElectricalLoss && plug.ElectricalLoss > cpo.ElectricalLoss) {
		t.Errorf("losses %v, %v, %v do not fall", cu.ElectricalLoss, plug.ElectricalLoss, cpo.ElectricalLoss)
	}
	if !(cu.PJPerBit() < plug.PJPerBit() && cpo.PJPerBit() < plug.PJPerBit()) {
		t.Errorf("energy: copper %v, pluggable %v, CPO %v", cu.PJPerBit(), plug.PJPerBit(), cpo.PJPerBit())
	}
}

// Auto chooses the lowest-power technology among those that reach, and
// says so through its candidates.
func TestAutoChoosesLowestPower(t *testing.T) {
	r := mustEvaluate(DefaultScenario())
	for _, tr := range r.Tiers {
		best := Power(math.Inf(1))
		for _, c := range tr.CandidateList() {
			if c.Feasible && c.Power < best {
				best = c.Power
			}
		}
		if tr.Power != best {
			t.Errorf("tier %d chose %s at %v; the lowest feasible was %v", tr.Index, tr.Tech, tr.Power, best)
		}
	}
	// Copper cannot reach the row and the hall: the copper stage says so.
	for _, st := range r.ByStage {
		if st.Stage == "copper" {
			if st.Feasible || len(st.BlockedList()) != 2 {
				t.Errorf("copper stage: feasible %v, blocked %v; want tiers 2 and 3 blocked", st.Feasible, st.BlockedList())
			}
		} else if !st.Feasible {
			t.Errorf("%s stage infeasible: %v", st.Stage, st.BlockedList())
		}
	}
}

// The stages order as the article says: DSP pluggables draw the most, CPO
// the least of the optics.
func TestStagesOrder(t *testing.T) {
	r := mustEvaluate(DefaultScenario())
	w := map[string]Power{}
	for _, st := range r.ByStage {
		w[st.Stage] = st.Totals.InterconnectPower
	}
	if !(w["cpo"] < w["lpo"] && w["lpo"] < w["dsp"]) {
		t.Errorf("stage power: %v", w)
	}
}

// The results are finite and non-negative across lane rates and sizes.
func TestResultsFinite(t *testing.T) {
	for _, lane := range LaneRates {
		for _, n := range []int{1, 8, 1000, 65536, 1000000} {
			s := DefaultScenario()
			s.GPUs = n
			s.ScaleUp.DomainGPUs = min(s.ScaleUp.DomainGPUs, n) // a domain is at most the cluster
			s.LaneGbps = lane
			s.Tiers = append(s.Tiers, Tier{Tech: Auto, LengthM: 1000})
			r, err := Evaluate(s)
			if err != nil {
				t.Fatalf("%d GPUs at %g: %v", n, lane, err)
			}
			tt := r.Totals
			for name, v := range map[string]float64{"interconnect": float64(tt.InterconnectPower), "it": float64(tt.ITPower), "share": float64(tt.InterconnectShare), "latency": float64(tt.Latency), "fiber": float64(tt.FiberLen)} {
				if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
					t.Errorf("%d GPUs at %g: %s = %v", n, lane, name, v)
				}
			}
		}
	}
}

// EvaluateTotals, the sweeps' shortcut, gives Evaluate's totals.
func TestEvaluateTotalsIsEvaluates(t *testing.T) {
	for _, s := range []Scenario{DefaultScenario(), func() Scenario {
		s := DefaultScenario()
		s.GPUs, s.LaneGbps = 4096, 100
		s.Tiers[0].Tech = DAC
		return s
	}()} {
		r := evaluate(t, s)
		tot, err := EvaluateTotals(s)
		if err != nil || !reflect.DeepEqual(tot, r.Totals) {
			t.Errorf("EvaluateTotals = %+v (%v), Evaluate's totals %+v", tot, err, r.Totals)
		}
	}
	if _, err := EvaluateTotals(Scenario{}); AsInputError(err) == nil {
		t.Errorf("an empty scenario gave %v, want an input error", err)
	}
}
