package core

import (
	"reflect"
	"testing"

	"github.com/cpocalc/cpocalc/core/label"
)

// The table is in order, sourced, and honest about what it projects:
// rows after today are projections with their ranges, every value sits
// in its range, and every row is a scenario the model accepts.
func TestGenerationsTable(t *testing.T) {
	if len(Generations) < 8 || Generations[0].Year > 2016 || Generations[len(Generations)-1].Year < 2030 {
		t.Fatalf("the table runs %d to %d in %d rows", Generations[0].Year, Generations[len(Generations)-1].Year, len(Generations))
	}
	for i := range Generations {
		g := &Generations[i]
		if i > 0 && g.Year <= Generations[i-1].Year {
			t.Errorf("%d after %d", g.Year, Generations[i-1].Year)
		}
		if g.Projected != (g.Year > Today) {
			t.Errorf("%d: projected %v, today is %d", g.Year, g.Projected, Today)
		}
		if len(g.Sources) < 3 || g.Systems == "" {
			t.Errorf("%d: %d sources", g.Year, len(g.Sources))
		}
		for name, sp := range map[string]Span{"lane": g.LaneGbps, "scale-up": g.UpGBps, "scale-out": g.OutGbps, "GPU power": g.GPUWatts, "domain": g.DomainGPUs, "switch": g.SwitchTbps, "cluster": g.ClusterGPUs} {
			if !(sp.Low <= sp.Mid && sp.Mid <= sp.High && sp.Low > 0) {
				t.Errorf("%d %s: %v is not in its range", g.Year, name, sp)
			}
		}
		ranged := g.UpGBps.Ranged() || g.GPUWatts.Ranged() || g.ClusterGPUs.Ranged()
		if g.Projected && !ranged {
			t.Errorf("%d is a projection without ranges", g.Year)
		}
		if err := Validate(g.Scenario()); err != nil {
			t.Errorf("%d: %v", g.Year, err)
		}
	}
}

// Each generation is computed by the model: its reach per copper
// technology is the link model's, copper's tiers are the copper stage's,
// its link opens the same scenario, and its numbers explain themselves.
func TestGenerationsComputed(t *testing.T) {
	gs, err := EvaluateGenerations()
	if err != nil {
		t.Fatal(err)
	}
	for i := range gs {
		g := &gs[i]
		y := g.Generation.Year
		for j, tech := range CopperTechs() {
			l := mustLink(Link{Tech: tech, LaneGbps: g.Scenario.LaneGbps, Lanes: 4, LengthM: 1})
			if l.MaxReach != g.Reach[j] {
				t.Errorf("%d %s: reach %v, the link model's %v", y, tech, g.Reach[j], l.MaxReach)
			}
			if g.Reach[j] > g.Best {
				t.Errorf("%d: best %v below %s's %v", y, g.Best, tech, g.Reach[j])
			}
		}
		// A faster lane never reaches further.
		if i > 0 && g.Scenario.LaneGbps > gs[i-1].Scenario.LaneGbps && g.Best > gs[i-1].Best {
			t.Errorf("%d: copper reaches %v at %v Gb/s, further than %v at %v", y, g.Best, g.Scenario.LaneGbps, gs[i-1].Best, gs[i-1].Scenario.LaneGbps)
		}
		// Copper builds the tiers it reaches, and none it does not.
		for k := 0; k < g.CopperTiers; k++ {
			if need := g.Result.Tiers[k].Length; need > g.Best {
				t.Errorf("%d: copper builds tier %d (%v) but reaches %v", y, k+1, need, g.Best)
			}
		}
		if k := g.CopperTiers; k < len(g.Result.Tiers) && g.Result.Tiers[k].Length <= g.Best {
			t.Errorf("%d: copper stops at tier %d (%v) yet reaches %v", y, k+1, g.Result.Tiers[k].Length, g.Best)
		}
		if g.UpTech.Copper() && !g.UpCopper {
			t.Errorf("%d: the domain runs %s, which does not close", y, g.UpTech)
		}
		s, err := DecodePermalink(g.Permalink)
		if err != nil || !reflect.DeepEqual(s, g.Scenario.Canonical()) {
			t.Errorf("%d: the link %q opens %+v (%v)", y, g.Permalink, s, err)
		}
		for j := range g.Result.ByStage {
			p, ok := g.PerGPU(j)
			if !ok {
				continue
			}
			e, err := Explain(label.English, g.Scenario, FieldPath("by_stage[].totals.interconnect_watts_per_gpu", j))
			if err != nil || e.Value != p.Watts() {
				t.Errorf("%d stage %d: %v explained as %v (%v)", y, j, p, e.Value, err)
			}
			if pj := g.PJPerBit(j); !(pj > 0 && pj < 1000) {
				t.Errorf("%d stage %d: %v pJ/bit", y, j, pj)
			}
		}
	}
	// The year copper's best falls below a length is the first such row.
	if year, before, ok := FirstYear(gs, func(g *GenerationResult) Length { return g.Best }, Length(HallM)); !ok || !before || year != gs[0].Generation.Year {
		t.Errorf("copper reaches across the hall: %d %v %v", year, before, ok)
	}
}

// The bands are the uncertainty run's, per GPU: a stage that builds has
// draws, and its band holds its middle.
func TestGenerationBands(t *testing.T) {
	gs, err := EvaluateGenerations()
	if err != nil {
		t.Fatal(err)
	}
	gs = gs[len(gs)-3:]
	if err := GenerationBands(gs, 60, 1); err != nil {
		t.Fatal(err)
	}
	for i := range gs {
		g := &gs[i]
		for j := range g.Result.ByStage {
			b := g.Bands[j]
			if _, ok := g.PerGPU(j); !ok {
				continue
			}
			if b.N == 0 || !(b.P5 <= b.P50 && b.P50 <= b.P95) {
				t.Errorf("%d stage %d: band %+v", g.Generation.Year, j, b)
			}
		}
	}
}
