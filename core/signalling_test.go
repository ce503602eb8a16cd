package core

import (
	"math"
	"testing"
)

// Each signalling option moves the lane's symbol rate and budget as its
// physics says, and costs its SerDes factor; only copper has one.
func TestSignallingOptions(t *testing.T) {
	p := defaultParams()
	base := mustLink(Link{Tech: DAC, LaneGbps: 200, Lanes: 2, LengthM: 0.6})
	if base.Signalling() != SigPAM4 || base.PairsPerLane() != 2 {
		t.Fatalf("default: %s, %d pairs per lane", base.Signalling(), base.PairsPerLane())
	}
	for _, c := range []struct {
		sig     string
		nyquist float64 // against PAM4's
		penalty float64 // dB
		pairs   int
	}{
		{SigPAM4Bidi, 1, p.raw(pSBDPenalty), 1},
		{SigPAM6, 2 / 2.5, 20 * math.Log10(5.0/3), 2},
		{SigPAM8, 2.0 / 3, 20 * math.Log10(7.0/3), 2},
	} {
		r := mustLink(Link{Tech: DAC, LaneGbps: 200, Lanes: 2, LengthM: 0.6, Signalling: c.sig})
		if r.Signalling() != c.sig || r.PairsPerLane() != c.pairs {
			t.Errorf("%s: %s, %d pairs per lane", c.sig, r.Signalling(), r.PairsPerLane())
		}
		if got := float64(r.Nyquist / base.Nyquist); math.Abs(got-c.nyquist) > 1e-12 {
			t.Errorf("%s: Nyquist ×%v, want ×%v", c.sig, got, c.nyquist)
		}
		if got := float64(base.ChannelBudget - r.ChannelBudget); math.Abs(got-c.penalty) > 1e-9 {
			t.Errorf("%s: budget −%v dB, want −%v", c.sig, got, c.penalty)
		}
		factor := p.raw(pPAMHiFactor)
		if c.sig == SigPAM4Bidi {
			factor = p.raw(pSBDFactor)
		}
		if got := float64(r.Near.Energy[EnergyHostSerDes] / base.Near.Energy[EnergyHostSerDes]); math.Abs(got-factor) > 1e-12 {
			t.Errorf("%s: SerDes ×%v, want ×%v", c.sig, got, factor)
		}
		// The same line rate: the codeword takes as long to arrive.
		if r.Latency[LatencyFECAccumulate] != base.Latency[LatencyFECAccumulate] {
			t.Errorf("%s: FEC accumulation %v, want %v", c.sig, r.Latency[LatencyFECAccumulate], base.Latency[LatencyFECAccumulate])
		}
	}
	_, err := EvaluateLink(Link{Tech: CPO, LaneGbps: 200, Lanes: 8, LengthM: 10, Signalling: SigPAM6})
	refusedAt(t, err, "signalling", "PAM6 optics")
	if _, err := EvaluateLink(Link{Tech: DAC, LaneGbps: 200, Lanes: 2, LengthM: 1, Signalling: "qam16"}); err == nil {
		t.Error("an unknown signalling accepted")
	}
}

// Both directions on one pair double a rack's scale-up bandwidth over the
// same pairs, where the budget allows; auto takes the lowest power that
// closes, and a longer domain the option that reaches.
func TestSignallingInTheDomain(t *testing.T) {
	nvl := mustEvaluate(DefaultScenario())
	s := DefaultScenario()
	s.ScaleUp.GbpsPerGPU *= 2
	s.ScaleUp.Signalling = SigPAM4Bidi
	bidi := mustEvaluate(s)
	if !bidi.ScaleUp.Feasible || bidi.ScaleUp.PairsPerDomain != nvl.ScaleUp.PairsPerDomain || bidi.ScaleUp.Links != 2*nvl.ScaleUp.Links {
		t.Errorf("twice the bandwidth both ways on a pair: feasible %v, %d pairs per domain against %d", bidi.ScaleUp.Feasible, bidi.ScaleUp.PairsPerDomain, nvl.ScaleUp.PairsPerDomain)
	}
	if bidi.ScaleUp.CopperPerDomain != nvl.ScaleUp.CopperPerDomain {
		t.Errorf("copper per domain %v, want %v", bidi.ScaleUp.CopperPerDomain, nvl.ScaleUp.CopperPerDomain)
	}
	s.ScaleUp.Signalling = SigAuto
	auto := mustEvaluate(s)
	if auto.ScaleUp.Link.Signalling() != SigPAM4 {
		t.Errorf("auto at 0.6 m: %s, want PAM4 (the lowest power)", auto.ScaleUp.Link.Signalling())
	}
	// At 1.5 m PAM4 at 200G does not reach; PAM8 does.
	s.ScaleUp.LengthM = 1.5
	long := mustEvaluate(s)
	if !long.ScaleUp.Feasible || long.ScaleUp.Link.Signalling() == SigPAM4 {
		t.Errorf("auto at 1.5 m: %s, feasible %v", long.ScaleUp.Link.Signalling(), long.ScaleUp.Feasible)
	}
	want := mustLink(Link{Tech: DAC, LaneGbps: 200, Lanes: long.ScaleUp.Link.Lanes, LengthM: 1.5, Signalling: SigAuto})
	if want.Signalling() != long.ScaleUp.Link.Signalling() || want.LinkPower != long.ScaleUp.Link.LinkPower {
		t.Errorf("the domain's choice %s, a link's alone %s", long.ScaleUp.Link.Signalling(), want.Signalling())
	}
	// Optics in the domain keep PAM4 whatever copper is asked for.
	s.ScaleUp.Tech = CPO
	s.ScaleUp.Signalling = SigAuto
	if r := mustEvaluate(s); r.ScaleUp.Link.Signalling() != SigPAM4 {
		t.Errorf("optics: %s", r.ScaleUp.Link.Signalling())
	}
	s.ScaleUp.Signalling = SigPAM6
	if _, err := Evaluate(s); err == nil {
		t.Error("PAM6 on an optical domain accepted")
	}
}
