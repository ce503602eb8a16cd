package core

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// A cable's retimer is a DSP: each of an active electrical cable's two
// retimers costs one crossing of the DSP datapath that a DSP module's
// DSP costs, and the parameter moves both.
func TestRetimerLatencyIsADSPs(t *testing.T) {
	for _, dsp := range []float64{0, 25, 80} {
		var params map[string]float64
		want := catalogue[pDSPNS].Default
		if dsp > 0 {
			params, want = map[string]float64{"dsp_ns": dsp}, dsp
		}
		link := func(tech Tech) LinkResult {
			r, err := EvaluateLink(Link{Tech: tech, LaneGbps: 200, Lanes: 4, LengthM: 1, Params: params})
			if err != nil {
				t.Fatal(err)
			}
			return r
		}
		aec, dspMod := link(AEC), link(DSP)
		if got := aec.Latency[LatencyRetimer].Nanoseconds(); got != 2*want {
			t.Errorf("dsp_ns %v: the AEC's retimers take %v ns; want two crossings, %v ns", dsp, got, 2*want)
		}
		if got := dspMod.Latency[LatencyDSP].Nanoseconds(); got != 2*want {
			t.Errorf("dsp_ns %v: the DSP modules take %v ns; want %v ns", dsp, got, 2*want)
		}
	}
	// An old link's retimer_ns is refused, and says what stands for it.
	_, err := EvaluateLink(Link{Tech: AEC, LaneGbps: 200, Lanes: 4, LengthM: 1, Params: map[string]float64{"retimer_ns": 20}})
	var ie *InputError
	if !errors.As(err, &ie) || ie.Field != "params.retimer_ns" || !strings.Contains(ie.Error(), "dsp_ns") {
		t.Errorf("retimer_ns: %v", err)
	}
}

// Laser power follows the counted lasers: a tier's laser watts are its
// lasers times the watts of one; a quarter of the lasers (each feeding
// four times the lanes) changes the watts, not only the failure rate.
func TestLaserPowerFollowsTheCount(t *testing.T) {
	s := DefaultScenario()
	s.Tiers = []Tier{{Tech: DSP, LengthM: 3}, {Tech: DSP, LengthM: 30}, {Tech: CPO, LengthM: 300}}
	r := evaluate(t, s)
	// Tier 2: DSP modules at both ends, an EML per lane.
	tr := &r.Tiers[1]
	eml, _ := LaserWatts("eml", SMF, 200)
	perLink := tr.Link.Near.Energy[EnergyLaser].Over(tr.Link.Port) + tr.Link.Far.Energy[EnergyLaser].Over(tr.Link.Port)
	if got, want := Power(tr.Links)*perLink, Power(tr.Lasers)*eml; math.Abs(float64(got-want)) > 1e-6*float64(want) {
		t.Errorf("tier 2: lasers draw %v; want %d lasers × %v = %v", got, tr.Lasers, eml, want)
	}
	// Tier 3: co-packaged at both ends; the switches' external lasers sit
	// in source modules of els_lasers each, counted like any device.
	if c := &r.Tiers[2]; c.Lasers != 2*c.Links*c.Link.Lanes/4 || c.Sources != c.Lasers/8 || r.Totals.Sources != c.Sources+r.ScaleUp.Sources {
		t.Errorf("tier 3: %d lasers in %d source modules (totals %d); want %d in %d", c.Lasers, c.Sources, r.Totals.Sources, 2*c.Links*c.Link.Lanes/4, c.Lasers/8)
	}
	// Four lanes per CW laser, then sixteen: a quarter of the lasers,
	// each with four times the light (and 6 dB more splitter), and a
	// quarter of the source modules.
	link := func(group float64) LinkResult {
		l, err := EvaluateLink(Link{Tech: CPO, LaneGbps: 200, Lanes: 8, LengthM: 100, Params: map[string]float64{"cpo_lanes_per_laser": group}})
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	four, sixteen := link(4), link(16)
	if four.Near.Energy[EnergyLaser] == sixteen.Near.Energy[EnergyLaser] || four.Near.FIT == sixteen.Near.FIT {
		t.Errorf("a quarter of the lasers left the laser energy (%v) or the failure rate (%v) unchanged", four.Near.Energy[EnergyLaser], four.Near.FIT)
	}
	// With the splitter's loss exactly offsetting the fewer lasers, only
	// the fixed power of the fewer source modules differs.
	cw := func(group float64) Power {
		p := defaultParams()
		p.v[pCPOLanesPerLaser] = group
		lane, _ := lookupLane(&p, 200)
		return laserPower(&p, laserCW, SMF.row(), lane)
	}
	if got, want := cw(16)-coolerOf(new(paramSet), noParam), 4*(cw(4)-dflt(pCWCoolerW))+dflt(pCWCoolerW); math.Abs(float64(got-want)) > 1e-9 {
		t.Errorf("a CW laser feeding 16 lanes draws %v; want four times the light of one feeding 4, plus one cooler: %v", got, want)
	}
}

// dflt is a catalogue default as a power.
func dflt(id paramID) Power { d := defaultParams(); return d.power(id) }
