package core

import (
	"math"
	"testing"
)

// A box whose capacity one chip of its generation holds is one chip, cut
// to the box; a larger one is a two-level Clos of whole chips, with the
// SerDes between them, three chips' latency and its silicon priced.
func TestSwitchBoxChips(t *testing.T) {
	s := DefaultScenario()
	s.GPUs, s.LaneGbps = 4096, 100
	s.ScaleUp.DomainGPUs = 1
	one := mustEvaluate(s)
	if one.Totals.ChipsPerBox != 1 || one.Totals.BoxInternalLanes != 0 || one.Totals.ChipRate.Gbps() != 51200 {
		t.Fatalf("64 × 800G at 100G lanes: %d chips, %d internal lanes, chip %v", one.Totals.ChipsPerBox, one.Totals.BoxInternalLanes, one.Totals.ChipRate)
	}
	if one.Totals.SwitchChips != one.Totals.Switches {
		t.Errorf("chips %d, switches %d", one.Totals.SwitchChips, one.Totals.Switches)
	}
	s.ScaleOut.SwitchRadix = 128
	big := mustEvaluate(s)
	// 102.4 Tb/s of 51.2 Tb/s chips: 4 leaves and 2 spines, 1,024 lanes up.
	if big.Totals.ChipsPerBox != 6 || big.Totals.BoxInternalLanes != 1024 || big.Totals.SwitchChips != 6*big.Totals.Switches {
		t.Fatalf("128 × 800G: %d chips, %d internal lanes, %d in all", big.Totals.ChipsPerBox, big.Totals.BoxInternalLanes, big.Totals.SwitchChips)
	}
	p := defaultParams()
	lane, _ := lookupLane(&p, 100)
	c := chipOf(100)
	core := chipCore(&p, c, lane)
	if want := 500 - 512*(lane.electronics(&p, p.energyPerBit(pSerdesLR))+p.energyPerBit(pRSFECPJ)).Over(lane.Rate).Watts(); math.Abs(core.Watts()-want) > 1e-9 {
		t.Errorf("Tomahawk 5 core %v, want %v W", core, want)
	}
	perBox := (big.Totals.SwitchPower - big.ScaleUp.SwitchPower) / Power(big.Totals.Switches)
	internal := 2 * 1024 * lane.electronics(&p, p.energyPerBit(pSerdesLR)).Over(lane.Rate)
	if want := 6*core + internal + p.power(pSwitchMgmtW); math.Abs(float64(perBox-want)) > 1e-6 {
		t.Errorf("multi-chip box %v, want %v", perBox, want)
	}
	// Each box crossing is three chips.
	n := len(big.Tiers)
	var links Time
	for i := range big.Tiers {
		links += 2 * big.Tiers[i].Link.Latency.Total()
	}
	if want := links + Time(3*(2*n-1))*p.time(pSwitchNS); math.Abs(float64(big.Totals.Latency-want)) > 1e-15 {
		t.Errorf("latency %v, want %v", big.Totals.Latency, want)
	}
	// Its silicon is priced: six chips of 51.2 Tb/s a box.
	if want := USD(float64(big.Totals.Switches) * 6 * 51200 * p.raw(pSwitchCost)); math.Abs(float64(big.Totals.SwitchCapex-want)) > 1e-3 {
		t.Errorf("switch capex %v, want %v", big.Totals.SwitchCapex, want)
	}
}

// A smaller box of the same generation draws its share of the chip's core.
func TestSwitchBoxShare(t *testing.T) {
	s := DefaultScenario()
	s.GPUs, s.LaneGbps = 4096, 100
	s.ScaleUp.DomainGPUs = 1
	s.Tiers = []Tier{{Tech: DSP, LengthM: 3}, {Tech: DSP, LengthM: 30}, {Tech: DSP, LengthM: 300}}
	full := mustEvaluate(s)
	s.ScaleOut.SwitchRadix = 32
	half := mustEvaluate(s)
	p := defaultParams()
	lane, _ := lookupLane(&p, 100)
	core := chipCore(&p, chipOf(100), lane)
	got := (half.Totals.SwitchPower - half.ScaleUp.SwitchPower) / Power(half.Totals.Switches)
	if want := core/2 + p.power(pSwitchMgmtW); math.Abs(float64(got-want)) > 1e-6 {
		t.Errorf("32-port box %v, want %v", got, want)
	}
	if full.Totals.BoxPower <= half.Totals.BoxPower {
		t.Errorf("a 64-port box %v draws no more than a 32-port one %v", full.Totals.BoxPower, half.Totals.BoxPower)
	}
}

// The chip table: every lane rate has its chip, capacity doubling with the
// lane, and no core below zero whatever the parameters.
func TestSwitchChipTable(t *testing.T) {
	chips := SwitchChips()
	if len(chips) != len(LaneRates) {
		t.Fatalf("%d chips for %d lane rates", len(chips), len(LaneRates))
	}
	for i, c := range chips {
		if c.LaneGbps != LaneRates[i] || c.CapacityGbps != float64(c.Lanes)*c.LaneGbps || c.CoreWatts <= 0 || c.CoreWatts >= c.Watts {
			t.Errorf("chip %+v", c)
		}
		if c.Projection != LaneResearch(c.LaneGbps) {
			t.Errorf("chip %v: projection %v, lane research %v", c.LaneGbps, c.Projection, LaneResearch(c.LaneGbps))
		}
	}
	p := defaultParams()
	p.v[pSerdesLR] = catalogue[pSerdesLR].High
	p.v[pChip100] = catalogue[pChip100].Low
	lane, _ := lookupLane(&p, 100)
	if c := chipCore(&p, chipOf(100), lane); c != 0 {
		t.Errorf("core %v with SerDes above the chip's power, want 0", c)
	}
}
