package core

import (
	"math"
	"testing"
)

// A kilogram of silica drawn to a 125 µm strand: 1 / (ρ π r²).
func TestKmPerKg(t *testing.T) {
	got := KmPerKg(2200, 125e-6, 1)
	want := 1 / (2200 * math.Pi * 62.5e-6 * 62.5e-6) / 1e3
	if math.Abs(got-want) > 1e-9 || math.Abs(got-37.04) > 0.01 {
		t.Errorf("KmPerKg = %v, want %v (about 37.04 km)", got, want)
	}
	if h := KmPerKg(2200, 125e-6, 0.5); math.Abs(h-got/2) > 1e-9 {
		t.Errorf("half the yield gives %v, want %v", h, got/2)
	}
}

// The outlook's arithmetic, year by year: the AI build-out's fibre is
// its capacity times the stage's fibre per MW; the share and the
// shortfall follow from the year's supply and other demand; the fibre
// per MW the article's shortfall takes gives exactly that shortfall; a
// range brackets its middle; a stage that cannot be built has no fibre.
func TestSupplyOutlook(t *testing.T) {
	s := DefaultScenario()
	r := evaluate(t, s)
	years, err := SupplyOutlook(s, &r)
	if err != nil {
		t.Fatal(err)
	}
	if len(years) != len(MarketYears) {
		t.Fatalf("%d years, want %d", len(years), len(MarketYears))
	}
	p := defaultParams()
	perKg := KmPerKg(p.raw(pSilicaDensity), p.si(pCladdingUM), p.raw(pPreformYield))
	ordered := func(what string, sp Span) {
		t.Helper()
		if !(sp.Low <= sp.Mid+1e-12 && sp.Mid <= sp.High+1e-12) {
			t.Errorf("%s: %v is not low ≤ mid ≤ high", what, sp)
		}
	}
	for _, y := range years {
		if math.Abs(y.SupplyMkm.Mid-y.PreformKt.Mid*perKg) > 1e-9 {
			t.Errorf("%d: supply %v, want %v kt × %v km/kg", y.Year, y.SupplyMkm.Mid, y.PreformKt.Mid, perKg)
		}
		ordered("supply", y.SupplyMkm)
		for _, st := range y.Stages {
			if !st.Feasible {
				if st.AIMkm != (Span{}) || st.Gap != (Span{}) {
					t.Errorf("%d %s: a stage that cannot be built has figures", y.Year, st.Stage)
				}
				continue
			}
			if want := y.AIGW.Mid * 1e3 * st.KmPerMW / 1e6; math.Abs(st.AIMkm.Mid-want) > 1e-9 {
				t.Errorf("%d %s: AI fibre %v, want %v", y.Year, st.Stage, st.AIMkm.Mid, want)
			}
			if want := st.AIMkm.Mid / y.SupplyMkm.Mid; math.Abs(st.Share.Mid-want) > 1e-12 {
				t.Errorf("%d %s: share %v, want %v", y.Year, st.Stage, st.Share.Mid, want)
			}
			if want := math.Max(0, 1-y.SupplyMkm.Mid/(y.OtherMkm.Mid+st.AIMkm.Mid)); math.Abs(st.Gap.Mid-want) > 1e-12 {
				t.Errorf("%d %s: gap %v, want %v", y.Year, st.Stage, st.Gap.Mid, want)
			}
			for _, sp := range []Span{st.AIMkm, st.Share, st.Gap, st.Need} {
				ordered(st.Stage, sp)
			}
			if g := y.ArticleGap.Mid; g > 0 {
				ai := st.Need.Mid * y.AIGW.Mid * 1e3 / 1e6
				if got := 1 - y.SupplyMkm.Mid/(y.OtherMkm.Mid+ai); math.Abs(got-g) > 1e-9 {
					t.Errorf("%d %s: %v core-km per MW leaves a shortfall of %v, not the article's %v", y.Year, st.Stage, st.Need.Mid, got, g)
				}
				if math.Abs(st.Times.Mid-st.Need.Mid/st.KmPerMW) > 1e-9 {
					t.Errorf("%d %s: times %v", y.Year, st.Stage, st.Times.Mid)
				}
			}
		}
		if !y.Own.Feasible || y.Own.KmPerMW != r.Totals.FiberPerMW {
			t.Errorf("%d: the build-out wired as the scenario is: %+v, want its %v core-km per MW", y.Year, y.Own, r.Totals.FiberPerMW)
		}
		if cu := y.SupplyStageOf(string(DAC)); cu != nil && cu.Feasible {
			t.Errorf("%d: copper builds the reference cluster's fibre", y.Year)
		}
		if y.SupplyStageOf("copper") == nil || y.SupplyStageOf("copper").Feasible {
			t.Errorf("%d: the copper stage should be there, and not buildable", y.Year)
		}
	}
}

// A cluster that cannot be built wires no build-out: its outlook has no
// figures of its own.
func TestSupplyOfAClusterThatCannotBeBuilt(t *testing.T) {
	s := DefaultScenario()
	for i := range s.Tiers {
		s.Tiers[i].Tech = DAC
	}
	r := evaluate(t, s)
	if len(r.Blockers()) == 0 {
		t.Fatal("copper built the whole cluster")
	}
	years, err := SupplyOutlook(s, &r)
	if err != nil {
		t.Fatal(err)
	}
	for _, y := range years {
		if y.Own.Feasible || y.Own.AIMkm != (Span{}) {
			t.Errorf("%d: a cluster that cannot be built has a build-out: %+v", y.Year, y.Own)
		}
	}
}

// A market short of glass gives the shortfall the arithmetic says, and
// the reader's yield moves the supply.
func TestSupplyShortfall(t *testing.T) {
	y := SupplyYear{MarketYear: MarketYear{Year: 2030, AIGW: Span{10, 10, 10}, OtherMkm: Span{800, 800, 800}, ArticleGap: Span{0.1, 0.1, 0.1}}, SupplyMkm: Span{800, 800, 800}}
	st := SupplyStage{Stage: "dsp", Feasible: true, KmPerMW: 2000}
	st.fill(&y)
	// 10 GW × 2,000 core-km/MW = 20 M core-km; demand 820 against 800.
	if want := 1 - 800.0/820; math.Abs(st.Gap.Mid-want) > 1e-12 {
		t.Errorf("gap %v, want %v", st.Gap.Mid, want)
	}
	// A 10 % shortfall: 800 / 0.9 − 800 = 88.9 M core-km over 10 GW.
	if want := (800/0.9 - 800) * 1e6 / 1e4; math.Abs(st.Need.Mid-want) > 1e-6 {
		t.Errorf("need %v, want %v", st.Need.Mid, want)
	}
	s := DefaultScenario()
	r := evaluate(t, s)
	base, _ := SupplyOutlook(s, &r)
	s.Params = map[string]float64{"preform_draw_yield": 0.8}
	low, err := SupplyOutlook(s, &r)
	if err != nil {
		t.Fatal(err)
	}
	if want := base[0].SupplyMkm.Mid * 0.8 / 0.9; math.Abs(low[0].SupplyMkm.Mid-want) > 1e-9 {
		t.Errorf("yield 0.8: supply %v, want %v", low[0].SupplyMkm.Mid, want)
	}
	s.Params = map[string]float64{"preform_draw_yield": 2}
	if _, err := SupplyOutlook(s, &r); err == nil {
		t.Error("a yield of 2 was taken")
	}
}

// Corning's expansion at most: share × growth × supply, and the AI it
// wires at a fibre per MW.
func TestCorningAdds(t *testing.T) {
	y := SupplyYear{SupplyMkm: Span{800, 700, 900}}
	mkm, gw := CorningAdds(&y, 2000)
	if want := Corning.Share.Mid * Corning.Expansion.Mid * 800; math.Abs(mkm.Mid-want) > 1e-9 {
		t.Errorf("adds %v, want %v", mkm.Mid, want)
	}
	if want := mkm.Mid * 1e6 / 2000 / 1e3; math.Abs(gw.Mid-want) > 1e-9 {
		t.Errorf("wires %v GW, want %v", gw.Mid, want)
	}
	if !(mkm.Low < mkm.Mid && mkm.Mid < mkm.High) {
		t.Errorf("range %v", mkm)
	}
}
