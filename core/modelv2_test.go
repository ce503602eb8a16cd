package core

import (
	"math"
	"testing"
)

// At 400 Gb/s per lane the pluggable's host path runs out: a DSP module
// fails its chip-to-module budget and a linear pluggable its host-to-host
// one, while near- and co-packaged optics still work; auto then builds the
// optical tiers at the package.
func TestPluggablesRunOutAt400G(t *testing.T) {
	for tech, want := range map[Tech]Reason{DSP: ReasonHostChannel, LRO: ReasonHostChannel, LPO: ReasonLinearChannel, NPO: "", CPO: ""} {
		r, err := EvaluateLink(Link{Tech: tech, LaneGbps: 400, Lanes: 4, LengthM: 100})
		if err != nil {
			t.Fatal(err)
		}
		if r.Reason != want || r.Feasible != (want == "") {
			t.Errorf("%s at 400G: feasible %v, reason %q, want %q", tech, r.Feasible, r.Reason, want)
		}
		if want != "" && (r.MaxReach != 0 || r.Margin() >= 0) {
			t.Errorf("%s at 400G: reach %v, margin %v; want none", tech, r.MaxReach, r.Margin())
		}
	}
	// At 200 Gb/s per lane they all work, the pluggables with a thin margin.
	for _, tech := range []Tech{DSP, LRO, LPO, NPO, CPO} {
		r, _ := EvaluateLink(Link{Tech: tech, LaneGbps: 200, Lanes: 4, LengthM: 100})
		if !r.Feasible || r.Margin() < 0 {
			t.Errorf("%s at 200G: feasible %v, margin %v", tech, r.Feasible, r.Margin())
		}
	}
	s := DefaultScenario()
	s.LaneGbps = 400
	s.ScaleOut.PortGbps, s.ScaleOut.GbpsPerGPU, s.ScaleOut.NICTech = 1600, 1600, CPO
	r := mustEvaluate(s)
	for _, tr := range r.Tiers[1:] {
		if st := tr.Tech.Stage(); st != StageCPO {
			t.Errorf("400G tier %d: auto chose %s", tr.Index+1, tr.Tech)
		}
	}
	for _, st := range r.ByStage {
		if (st.Stage == "dsp" || st.Stage == "lpo") && st.Feasible {
			t.Errorf("400G: the %s cluster is buildable", st.Stage)
		}
	}
}

// A linear end makes the far SerDes equalise both hosts and the hop; a
// retimed end bounds only its own host.
func TestStretches(t *testing.T) {
	mixed, _ := EvaluateLink(Link{Tech: CPO, FarTech: DSP, LaneGbps: 200, Lanes: 4, LengthM: 10})
	dsp, _ := EvaluateLink(Link{Tech: DSP, LaneGbps: 200, Lanes: 4, LengthM: 10})
	if mixed.Channel != StretchHost || mixed.ChannelLoss != dsp.ChannelLoss {
		t.Errorf("CPO to a DSP NIC: limiting stretch %s %v, want the DSP host's %v", StretchKeys[mixed.Channel], mixed.ChannelLoss, dsp.ChannelLoss)
	}
	lpo, _ := EvaluateLink(Link{Tech: LPO, LaneGbps: 200, Lanes: 4, LengthM: 10})
	p := defaultParams()
	want := 2*dsp.ChannelLoss + p.decibel(pLPOPenalty) - p.decibel(pLPOGain)
	if lpo.Channel != StretchLinear || math.Abs(float64(lpo.ChannelLoss-want)) > 1e-9 {
		t.Errorf("LPO: %s %v, want host to host %v", StretchKeys[lpo.Channel], lpo.ChannelLoss, want)
	}
	aec, _ := EvaluateLink(Link{Tech: AEC, LaneGbps: 400, Lanes: 4, LengthM: 1, Params: map[string]float64{"cr_host_trace_mm": 250}})
	if aec.Feasible || aec.Reason != ReasonHostChannel {
		t.Errorf("AEC with a long host trace at 400G: feasible %v, %q", aec.Feasible, aec.Reason)
	}
}

// A half-retimed module crosses its DSP in one direction: the link's DSP
// latency is one crossing, and its power sits between LPO and DSP.
func TestLRO(t *testing.T) {
	get := func(tech, far Tech) LinkResult {
		r, err := EvaluateLink(Link{Tech: tech, FarTech: far, LaneGbps: 100, Lanes: 8, LengthM: 100})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	dsp, lro, lpo := get(DSP, ""), get(LRO, ""), get(LPO, "")
	ns := Time(catalogue[pDSPNS].Default) * Nanosecond
	if dsp.Latency[LatencyDSP] != 2*ns || lro.Latency[LatencyDSP] != ns || lpo.Latency[LatencyDSP] != 0 {
		t.Errorf("DSP crossings: dsp %v, lro %v, lpo %v", dsp.Latency[LatencyDSP], lro.Latency[LatencyDSP], lpo.Latency[LatencyDSP])
	}
	// LRO transmitting to a DSP module: the slower direction crosses both DSPs.
	if m := get(LRO, DSP); m.Latency[LatencyDSP] != 2*ns {
		t.Errorf("LRO to DSP: %v", m.Latency[LatencyDSP])
	}
	if !(lpo.WattsPerEnd() < lro.WattsPerEnd() && lro.WattsPerEnd() < dsp.WattsPerEnd()) {
		t.Errorf("LRO %v not between LPO %v and DSP %v", lro.WattsPerEnd(), lpo.WattsPerEnd(), dsp.WattsPerEnd())
	}
}

// The bill of materials is counted per device: the scale-up domain at its
// own link width (the scale-out port does not change it), one engine per
// NIC, engines per switch, a twin-port module's DSP once.
func TestBillOfMaterials(t *testing.T) {
	s := DefaultScenario()
	s.GPUs = 1024
	s.ScaleUp.Tech, s.ScaleUp.LengthM = CPO, 2
	a := mustEvaluate(s)
	s.ScaleOut.PortGbps = 1600
	s.ScaleOut.GbpsPerGPU = 1600
	b := mustEvaluate(s)
	if a.ScaleUp.Engines != b.ScaleUp.Engines || a.ScaleUp.Engines == 0 {
		t.Errorf("scale-up engines %d and %d: they change with the scale-out port", a.ScaleUp.Engines, b.ScaleUp.Engines)
	}
	// 18 links of 2 lanes of 200G per GPU: 7.2 Tb/s, two 6.4T engines per GPU.
	if got, want := a.ScaleUp.Engines, 1024*2+a.ScaleUp.SwitchChips*ceilDiv(72*2*200, 6400); got != want {
		t.Errorf("scale-up engines %d, want %d", got, want)
	}

	s = DefaultScenario()
	s.GPUs = 2048
	s.ScaleUp.DomainGPUs = 1
	s.ScaleOut.NICTech = CPO
	for i := range s.Tiers {
		s.Tiers[i].Tech = CPO
	}
	r := mustEvaluate(s)
	// Tier 1: every NIC its own engine; each of 64 leaves 32 × 800G = 4 engines.
	if got, want := r.Tiers[0].Engines, 2048+64*4; got != want {
		t.Errorf("tier 1 engines %d, want %d (one per NIC, four per leaf)", got, want)
	}
	for i := range s.Tiers {
		s.Tiers[i].Tech = DSP
	}
	s.ScaleOut.NICTech = DSP
	r = mustEvaluate(s)
	p := defaultParams()
	module := func(lanes int) FIT {
		return FIT(lanes)*p.fit(pLaserFIT) + p.fit(pDSPFIT) + p.fit(pModuleOtherFIT)
	}
	// Tier 2: 2,048 links of 4 lanes, twin-port 8-lane modules at both
	// ends: 2,048 modules of 8 lasers and one DSP.
	if got, want := r.Tiers[1].FIT, FIT(r.Tiers[1].Modules)*module(8); r.Tiers[1].Modules != 2048 || math.Abs(float64(got-want)) > 1e-6 {
		t.Errorf("tier 2: %d modules, %v FIT; want 2048 and %v", r.Tiers[1].Modules, got, want)
	}
	if r.Tiers[1].Lasers != 2048*8 {
		t.Errorf("tier 2 lasers %d", r.Tiers[1].Lasers)
	}
	// A twin-port module has one controller: its fixed power once.
	tr := &r.Tiers[1]
	shared := Power(2*tr.Links-tr.Modules) * p.power(pModuleFixedW)
	if got, want := tr.Power, Power(tr.Links)*tr.Link.LinkPower-shared; math.Abs(float64(got-want)) > 1e-6 || shared <= 0 {
		t.Errorf("tier 2 power %v, want %v (links × link power less %v shared)", got, want, shared)
	}
	// An engine's failure rate per end is the end's share of it.
	c, _ := EvaluateLink(Link{Tech: CPO, LaneGbps: 200, Lanes: 4, LengthM: 10})
	lasers := math.Ceil(4 / p.ratio(pCPOLanesPerLaser))
	sources := 4 / p.ratio(pCPOLanesPerLaser) / p.ratio(pELSLasers) // its share of a laser source module
	if want := FIT(800.0/6400)*p.fit(pCPOEngineFIT) + FIT(lasers)*p.fit(pCPOLaserFIT) + FIT(sources)*p.fit(pELSFIT); math.Abs(float64(c.Near.FIT-want)) > 1e-9 {
		t.Errorf("CPO end FIT %v, want %v", c.Near.FIT, want)
	}
}

// A switch box is its ASIC core, control plane and the ends in it, with
// converter losses, fans or pumps and supply losses on top; co-packaged optics make it smaller.
func TestSwitchBox(t *testing.T) {
	s := DefaultScenario()
	s.GPUs, s.LaneGbps = 64, 100
	s.ScaleUp.DomainGPUs = 1
	s.Tiers = []Tier{{Tech: DSP, LengthM: 30}}
	r := mustEvaluate(s)
	l := r.Tiers[0].Link
	p := defaultParams()
	elec := r.Totals.SwitchPower + 64*(l.Near.DevicePower+l.Near.HostPower)
	want := Power(float64(elec) * (1 + p.ratio(pFanShare)) / p.ratio(pPSUEfficiency) / p.ratio(pVRMEfficiency))
	if math.Abs(float64(r.Totals.SwitchBoxPower-want)) > 1e-6 || r.Totals.SwitchOverhead != r.Totals.SwitchBoxPower-elec {
		t.Errorf("box %v, want %v", r.Totals.SwitchBoxPower, want)
	}
	if r.Totals.ITPower != r.Totals.GPUPower+r.Totals.NICPower+r.Totals.SwitchPower+r.Totals.InterconnectPower+r.Totals.SwitchOverhead {
		t.Error("IT power does not add up")
	}
	s.SwitchCooling = CoolingLiquid
	if liquid := mustEvaluate(s); liquid.Totals.SwitchBoxPower >= r.Totals.SwitchBoxPower {
		t.Errorf("liquid box %v not below air %v", liquid.Totals.SwitchBoxPower, r.Totals.SwitchBoxPower)
	}
	if switchBox(CPO) >= switchBox(LPO) || switchBox(LPO) >= switchBox(DSP) {
		t.Errorf("boxes: cpo %v, lpo %v, dsp %v", switchBox(CPO), switchBox(LPO), switchBox(DSP))
	}
	if r.Totals.NetworkMTBF >= r.Totals.MTBF {
		t.Error("the network with its switches fails less often than its links")
	}
}

// Oversubscribed below the top, a tree holds more hosts on fewer switches.
func TestOversubscription(t *testing.T) {
	s := DefaultScenario()
	s.GPUs, s.ScaleUp.DomainGPUs = 3072, 1
	s.ScaleOut.Oversubscription = 3
	r := mustEvaluate(s)
	if r.TiersUsed != 2 || r.Totals.Switches != 64+16 || r.Tiers[1].Links != 1024 {
		t.Errorf("3:1, 3,072 ports: %d tiers, %d switches, %d uplinks; want 2, 80, 1024", r.TiersUsed, r.Totals.Switches, r.Tiers[1].Links)
	}
	s.ScaleOut.Oversubscription = 64
	if _, err := Evaluate(s); err == nil {
		t.Error("oversubscription 64 accepted")
	}
}

// A tier's longest link decides whether it works; its mean sets the fibre.
func TestLongestLink(t *testing.T) {
	s := DefaultScenario()
	s.Tiers[0] = Tier{Tech: DAC, LengthM: 1, MaxLengthM: 1}
	r := mustEvaluate(s)
	s.Tiers[0].MaxLengthM = 2
	long := mustEvaluate(s)
	if !r.Tiers[0].Feasible || long.Tiers[0].Feasible {
		t.Errorf("DAC tier of 1 m links with one of 2 m: feasible %v, %v", r.Tiers[0].Feasible, long.Tiers[0].Feasible)
	}
	s.Tiers[2] = Tier{Tech: DSP, LengthM: 100, MaxLengthM: 400}
	a := mustEvaluate(s)
	if a.Tiers[2].Link.Length != 400*Metre || a.Tiers[2].FiberLen != Length(a.Tiers[2].Links*a.Tiers[2].Link.Fibers)*100*Metre {
		t.Errorf("longest %v, fibre %v", a.Tiers[2].Link.Length, a.Tiers[2].FiberLen)
	}
	s.Tiers[2].MaxLengthM = 50
	if _, err := Evaluate(s); err == nil {
		t.Error("a longest link shorter than the mean accepted")
	}
}

// The scale-up domain may run its own lane rate.
func TestScaleUpLane(t *testing.T) {
	s := DefaultScenario()
	s.ScaleUp.LaneGbps = 100
	r := mustEvaluate(s)
	d := mustEvaluate(DefaultScenario())
	if r.ScaleUp.Link.Lane != 100*Gbps || r.ScaleUp.LanesPerGPU != 2*d.ScaleUp.LanesPerGPU || r.Tiers[0].Link.Lane != 200*Gbps {
		t.Errorf("scale-up lane %v, %d lanes per GPU (was %d), scale-out lane %v", r.ScaleUp.Link.Lane, r.ScaleUp.LanesPerGPU, d.ScaleUp.LanesPerGPU, r.Tiers[0].Link.Lane)
	}
	if r.ScaleUp.Link.MaxReach <= d.ScaleUp.Link.MaxReach {
		t.Errorf("copper reach at 100G %v not beyond 200G's %v", r.ScaleUp.Link.MaxReach, d.ScaleUp.Link.MaxReach)
	}
	s.ScaleUp.LaneGbps = 150
	if _, err := Evaluate(s); err == nil {
		t.Error("a 150 Gb/s lane accepted")
	}
}

// Optics classes: WDM puts four lanes on a fibre, SR's VCSELs draw less.
func TestOpticsClasses(t *testing.T) {
	get := func(f Fiber) LinkResult {
		r, err := EvaluateLink(Link{Tech: DSP, LaneGbps: 100, Lanes: 8, LengthM: 50, Fiber: f})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	dr, sr, fr, lr := get(SMF), get(MMF), get(FR), get(LR)
	if dr.Fibers != 16 || sr.Fibers != 16 || fr.Fibers != 4 || lr.Fibers != 4 {
		t.Errorf("fibres: dr %d sr %d fr %d lr %d", dr.Fibers, sr.Fibers, fr.Fibers, lr.Fibers)
	}
	if !(sr.WattsPerEnd() < dr.WattsPerEnd() && dr.WattsPerEnd() < fr.WattsPerEnd() && fr.WattsPerEnd() < lr.WattsPerEnd()) {
		t.Errorf("module power: sr %v dr %v fr %v lr %v", sr.WattsPerEnd(), dr.WattsPerEnd(), fr.WattsPerEnd(), lr.WattsPerEnd())
	}
	if !(sr.MaxReach < dr.MaxReach && dr.MaxReach < fr.MaxReach && fr.MaxReach < lr.MaxReach) {
		t.Errorf("reach: sr %v dr %v fr %v lr %v", sr.MaxReach, dr.MaxReach, fr.MaxReach, lr.MaxReach)
	}
	// A fixed part: half the lanes draw more than half the power.
	half, _ := EvaluateLink(Link{Tech: DSP, LaneGbps: 100, Lanes: 4, LengthM: 50})
	if 2*half.WattsPerEnd() <= dr.WattsPerEnd() {
		t.Errorf("4 lanes %v, 8 lanes %v: no fixed part", half.WattsPerEnd(), dr.WattsPerEnd())
	}
}

// A FEC-free copper link waits for no codeword and gives up the coding
// gain: less latency, less reach; optics cannot go FEC-free.
func TestFECFree(t *testing.T) {
	rs, _ := EvaluateLink(Link{Tech: DAC, LaneGbps: 100, Lanes: 2, LengthM: 1})
	none, err := EvaluateLink(Link{Tech: DAC, LaneGbps: 100, Lanes: 2, LengthM: 1, FEC: FECNone})
	if err != nil {
		t.Fatal(err)
	}
	saved := rs.Latency[LatencyFECAccumulate] + rs.Latency[LatencyFECDecode]
	if none.Latency.Total() != rs.Latency.Total()-saved || saved <= 0 {
		t.Errorf("latency %v, want %v less than %v", none.Latency.Total(), saved, rs.Latency.Total())
	}
	p := defaultParams()
	alpha := TwinaxLoss(26, rs.Nyquist)
	if got, want := rs.MaxReach-none.MaxReach, Length(float64(p.decibel(pFECGain))/float64(alpha.Total())); math.Abs(float64(got-want)) > 1e-9 {
		t.Errorf("reach given up %v, want %v", got, want)
	}
	// FEC-free optics are a choice now; at 100 Gb/s PAM4 the host channel and
	// the DR budget, written for the RS code, do not close without it.
	if d, err := EvaluateLink(Link{Tech: DSP, LaneGbps: 100, Lanes: 2, LengthM: 1, FEC: FECNone}); err != nil || d.Feasible {
		t.Errorf("FEC-free DR optics: %v, feasible %v (%s)", err, d.Feasible, d.Reason)
	}
	// At 200 Gb/s per lane the coding gain is most of a 0.6 m cable's
	// margin; at 100 Gb/s the domain runs FEC-free.
	s := DefaultScenario()
	s.ScaleUp.FEC = FECNone
	if r := mustEvaluate(s); r.ScaleUp.Feasible {
		t.Errorf("FEC-free 200G copper reaches %v", r.ScaleUp.Link.MaxReach)
	}
	s.ScaleUp.LaneGbps = 100
	r := mustEvaluate(s)
	if r.ScaleUp.Link.Latency[LatencyFECDecode] != 0 || !r.ScaleUp.Feasible {
		t.Errorf("FEC-free 100G domain: decode %v, feasible %v", r.ScaleUp.Link.Latency[LatencyFECDecode], r.ScaleUp.Feasible)
	}
}
