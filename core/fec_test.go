package core

import (
	"math"
	"testing"
)

// Each code has its gain, latency and power; an inner code on copper is
// refused with the field and the choices.
func TestFECModes(t *testing.T) {
	p := defaultParams()
	l := Link{Tech: DSP, LaneGbps: 100, Lanes: 8, LengthM: 100}
	std := mustLink(l)
	l.FEC = FECInner
	in := mustLink(l)
	if std.FEC() != FECStandard || in.FEC() != FECInner {
		t.Fatalf("modes %q, %q", std.FEC(), in.FEC())
	}
	// The inner code's optical gain buys reach: ΔL = G_inner / α.
	if got, want := in.MaxReach-std.MaxReach, Length(p.raw(pInnerFECGain)/float64(p.attenuation(pSMFLoss))); math.Abs(float64(got-want)) > 1e-9 {
		t.Errorf("inner code adds %v of reach, want %v", got, want)
	}
	if got := in.Latency[LatencyInnerFEC]; got != p.time(pInnerFECNS) || std.Latency[LatencyInnerFEC] != 0 {
		t.Errorf("inner latency %v (standard %v)", got, std.Latency[LatencyInnerFEC])
	}
	// A DSP module decodes the inner code in its DSP; the host keeps the
	// outer code.
	if d := in.Near.Energy[EnergyDSP] - std.Near.Energy[EnergyDSP]; math.Abs(float64(d-p.energyPerBit(pInnerFECPJ))) > 1e-18 ||
		std.Near.Energy[EnergyFEC] != p.energyPerBit(pRSFECPJ) || in.Near.Energy[EnergyFEC] != p.energyPerBit(pRSFECPJ) {
		t.Errorf("energies: dsp +%v, host fec %v / %v", in.Near.Energy[EnergyDSP]-std.Near.Energy[EnergyDSP], std.Near.Energy[EnergyFEC], in.Near.Energy[EnergyFEC])
	}
	// A linear module leaves the inner code to the host.
	lpo := mustLink(Link{Tech: LPO, LaneGbps: 200, Lanes: 8, LengthM: 100})
	if lpo.FEC() != FECInner || lpo.Near.Energy[EnergyFEC] != p.energyPerBit(pRSFECPJ)+p.energyPerBit(pInnerFECPJ) {
		t.Errorf("200G LPO: %s, host fec %v", lpo.FEC(), lpo.Near.Energy[EnergyFEC])
	}
	if math.Abs(float64(lpo.Near.HostPower-lpo.Near.Energy.Host().Over(lpo.Port))) > 1e-12 {
		t.Errorf("host power %v, want the SerDes and the codes", lpo.Near.HostPower)
	}
	// 200G optics without their inner code lose its gain: the DR
	// budget, written for both codes, no longer closes.
	rs := mustLink(Link{Tech: DSP, LaneGbps: 200, Lanes: 8, LengthM: 100, FEC: FECStandard})
	if rs.Feasible || rs.Reason != ReasonOpticalReach {
		t.Errorf("200G DR with the outer code alone: feasible %v (%s), reach %v", rs.Feasible, rs.Reason, rs.MaxReach)
	}
	// FEC-free: no codeword latency, no code power.
	none := mustLink(Link{Tech: DAC, LaneGbps: 100, Lanes: 2, LengthM: 1, FEC: FECNone})
	if none.Near.Energy[EnergyFEC] != 0 || none.Latency[LatencyFECDecode] != 0 || none.FEC() != FECNone {
		t.Errorf("FEC-free: %v, %v, %s", none.Near.Energy[EnergyFEC], none.Latency[LatencyFECDecode], none.FEC())
	}
	_, err := EvaluateLink(Link{Tech: DAC, LaneGbps: 100, Lanes: 2, LengthM: 1, FEC: FECInner})
	refusedAt(t, err, "fec", "an inner code on copper")
	s := DefaultScenario()
	s.Tiers[0].Tech, s.Tiers[0].FEC = DAC, FECInner
	_, err = Evaluate(s)
	refusedAt(t, err, "tiers[0].fec", "a copper tier with an inner code")
	if _, err := EvaluateLink(Link{Tech: DAC, LaneGbps: 100, Lanes: 2, LengthM: 1, FEC: "ldpc"}); err == nil {
		t.Error("an unknown code accepted")
	}
}

// auto takes the lightest code that closes every budget with margin.
func TestFECAuto(t *testing.T) {
	p := defaultParams()
	margin := p.decibel(pFECMargin)
	// Short copper at 100G runs FEC-free; longer copper needs the code;
	// past the code's reach it keeps the code and fails.
	short := mustLink(Link{Tech: DAC, LaneGbps: 100, Lanes: 2, LengthM: 0.5, FEC: FECAuto})
	long := mustLink(Link{Tech: DAC, LaneGbps: 100, Lanes: 2, LengthM: 2.5, FEC: FECAuto})
	far := mustLink(Link{Tech: DAC, LaneGbps: 100, Lanes: 2, LengthM: 20, FEC: FECAuto})
	if short.FEC() != FECNone || long.FEC() != FECStandard || far.FEC() != FECStandard || far.Feasible {
		t.Errorf("auto copper: 0.5 m %s, 2.5 m %s, 20 m %s (feasible %v)", short.FEC(), long.FEC(), far.FEC(), far.Feasible)
	}
	// The choice keeps the margin: FEC-free at 0.5 m has it.
	if short.Margin() < margin {
		t.Errorf("FEC-free 0.5 m margin %v, below %v", short.Margin(), margin)
	}
	// 100G DR optics need the outer code; 200G ones the inner as well.
	if l := mustLink(Link{Tech: DSP, LaneGbps: 100, Lanes: 8, LengthM: 100, FEC: FECAuto}); l.FEC() != FECStandard || !l.Feasible {
		t.Errorf("auto 100G DR: %s, feasible %v", l.FEC(), l.Feasible)
	}
	if l := mustLink(Link{Tech: DSP, LaneGbps: 200, Lanes: 8, LengthM: 100, FEC: FECAuto}); l.FEC() != FECInner || !l.Feasible {
		t.Errorf("auto 200G DR: %s, feasible %v", l.FEC(), l.Feasible)
	}
	// In a cluster: the 100G scale-up domain's 0.6 m cables run FEC-free
	// under auto, and its latency drops by the code's.
	s := DefaultScenario()
	s.LaneGbps = 100
	base := mustEvaluate(s)
	s.ScaleUp.FEC = FECAuto
	auto := mustEvaluate(s)
	if auto.ScaleUp.Link.FEC() != FECNone || auto.Totals.ScaleUpLatency >= base.Totals.ScaleUpLatency || auto.ScaleUp.Power >= base.ScaleUp.Power {
		t.Errorf("auto domain: %s, latency %v against %v, power %v against %v", auto.ScaleUp.Link.FEC(), auto.Totals.ScaleUpLatency, base.Totals.ScaleUpLatency, auto.ScaleUp.Power, base.ScaleUp.Power)
	}
	// Auto tiers are the same as evaluated link by link.
	for i := range s.Tiers {
		s.Tiers[i].FEC = FECAuto
	}
	r := mustEvaluate(s)
	for i := range r.Tiers {
		l := r.Tiers[i].Link
		want := mustLink(Link{Tech: l.Tech, FarTech: l.FarTech, LaneGbps: 100, Lanes: l.Lanes, LengthM: l.Length.Metres(), FEC: FECAuto})
		if l.FEC() != want.FEC() || l.LinkPower != want.LinkPower {
			t.Errorf("tier %d: %s %v, alone %s %v", i+1, l.FEC(), l.LinkPower, want.FEC(), want.LinkPower)
		}
	}
}
