package core

import (
	"math"
	"strings"
	"testing"

	"github.com/cpocalc/cpocalc/core/label"
)

// A domain of more GPUs than a chip has ports is two levels: leaf chips
// half down and half up, spine chips, and the spine links between them,
// counted, powered and timed with the domain.
func TestTwoLevelDomain(t *testing.T) {
	one := mustEvaluate(DefaultScenario())
	if one.ScaleUp.Levels != 1 || one.ScaleUp.SpineLinks != 0 || one.ScaleUp.SpineChips != 0 {
		t.Fatalf("NVL72: %d levels, %d spine links", one.ScaleUp.Levels, one.ScaleUp.SpineLinks)
	}
	s := DefaultScenario()
	s.GPUs = 144 * 64
	s.ScaleUp.DomainGPUs = 144
	s.ScaleUp.SpineLengthM = 5
	// Passive copper does not reach 5 m at 200 Gb/s: the spine is what
	// fails, at its own input.
	dac := mustEvaluate(s)
	if dac.ScaleUp.Feasible || !dac.ScaleUp.Link.Feasible {
		t.Fatalf("DAC spine of 5 m: domain feasible %v, first level %v", dac.ScaleUp.Feasible, dac.ScaleUp.Link.Feasible)
	}
	if b := dac.Blockers(); len(b) != 1 || b[0].Tier != SpineTier || b[0].Field(&s) != "scale_up.spine_length_m" {
		t.Errorf("blockers %+v", b)
	} else if m := b[0].Message(label.English, len(dac.Tiers), dac.Lane.Rate); !strings.Contains(m, "spine") {
		t.Errorf("message %q", m)
	}
	s.ScaleUp.Tech = Auto
	r := mustEvaluate(s)
	su := r.ScaleUp
	up := 144 * su.LinksPerGPU // 2,592 uplinks a domain
	leaves, spines := ceilDiv(up, 36), ceilDiv(up, 72)
	if su.Levels != 2 || su.SpineChips != 64*spines || su.SwitchChips != 64*(leaves+spines) || su.SpineLinks != su.Links {
		t.Fatalf("144-GPU domains: %d levels, %d spine chips (want %d), %d chips (want %d), %d spine links", su.Levels, su.SpineChips, 64*spines, su.SwitchChips, 64*(leaves+spines), su.SpineLinks)
	}
	if su.SpineLength.Metres() != 5 || !su.SpineLink.Feasible || su.SpineLink.Length.Metres() != 5 {
		t.Errorf("spine links: %v long, feasible %v", su.SpineLength, su.SpineLink.Feasible)
	}
	// The spine's links draw on top of the first level's.
	first := Power(su.Links)*su.Link.LinkPower - 0
	if su.SpinePower <= 0 || su.Power < su.SpinePower || math.Abs(float64(su.Power-su.SpinePower-first)) > 0.02*float64(first) {
		t.Errorf("power %v, spine %v, first level about %v", su.Power, su.SpinePower, first)
	}
	p := defaultParams()
	if want := 2*su.Link.Latency.Total() + 2*su.SpineLink.Latency.Total() + 3*p.time(pSwitchNS); math.Abs(float64(r.Totals.ScaleUpLatency-want)) > 1e-15 {
		t.Errorf("latency %v, want %v", r.Totals.ScaleUpLatency, want)
	}
	// Both ends of every spine link sit in switch trays: the boxes'
	// switch-side ends hold them.
	one2 := su
	one2.Levels = 1
	with, _ := switchPorts(r.Tiers, &su)
	without, _ := switchPorts(r.Tiers, &one2)
	sl := su.SpineLink
	if want := Power(su.SpineLinks) * (sl.Near.DevicePower + sl.Near.HostPower + sl.Far.DevicePower + sl.Far.HostPower); math.Abs(float64(with-without-want)) > 1e-6*float64(want) {
		t.Errorf("spine ends in the switch boxes: %v, want %v", with-without, want)
	}
	// Chips' power follows their count.
	if want := Power(su.SwitchChips) * coreEnergy(&p, laneOf(t, 200)).Over(su.ChipRate); math.Abs(float64(su.SwitchPower-want)) > 1e-6 {
		t.Errorf("chip power %v, want %v", su.SwitchPower, want)
	}
	// Past two levels of 72-port chips the domain is refused at its field.
	s.ScaleUp.DomainGPUs = 72*72/2 + 1
	s.GPUs = s.ScaleUp.DomainGPUs
	_, err := Evaluate(s)
	refusedAt(t, err, "scale_up.domain_gpus", "a domain beyond two levels")
}

func laneOf(t *testing.T, gbps float64) laneSpec {
	p := defaultParams()
	l, ok := lookupLane(&p, gbps)
	if !ok {
		t.Fatal(gbps)
	}
	return l
}

// A two-level domain's copper links are cables at both levels: the
// totals count the spine's too, and the explanation of the count says
// what the domains add.
func TestTwoLevelDomainCables(t *testing.T) {
	s := DefaultScenario()
	s.GPUs = 144 * 64
	s.ScaleUp.DomainGPUs = 144
	s.ScaleUp.SpineLengthM = 0.6 // within passive copper's reach
	r := mustEvaluate(s)
	su := r.ScaleUp
	if su.Levels != 2 || !su.SpineLink.Feasible || !su.SpineTech.Copper() || !su.Tech.Copper() {
		t.Fatalf("copper at both levels: %d levels, spine %s (feasible %v), leaves %s", su.Levels, su.SpineTech, su.SpineLink.Feasible, su.Tech)
	}
	tiers := 0
	for _, tr := range r.Tiers {
		tiers += tr.Cables
	}
	if want := tiers + su.Links + su.SpineLinks; r.Totals.Cables != want {
		t.Errorf("cables %d, want %d (tiers %d, leaf links %d, spine links %d)", r.Totals.Cables, want, tiers, su.Links, su.SpineLinks)
	}
	e, err := Explain(label.English, s, "totals.cables")
	if err != nil {
		t.Fatal(err)
	}
	var sum float64
	for _, in := range e.Inputs {
		sum += in.Value
	}
	if sum != float64(r.Totals.Cables) {
		t.Errorf("the explanation's inputs sum to %v, the count is %d: %+v", sum, r.Totals.Cables, e.Inputs)
	}
}
