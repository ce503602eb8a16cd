package core

import "math"

// The fibre market, year by year: the AI capacity the sources expect to
// come online, the world's demand for fibre besides it, and what the
// world's preform plants can make. The model turns the plants' glass into
// core-km (the glass's density and the fibre's cladding) and the AI
// capacity into core-km (its own fibre per megawatt of IT load, from the
// scenario's bill of materials), and so computes the share of the world's
// fibre the AI build-out takes and the shortfall it leaves, beside the
// article's 5-10 % for 2026 and 15 % for 2027. Nothing here is tuned to
// those figures: where the counting does not give them, the page says so
// and what it would take.

// MarketYear is one year of the fibre market as the sources give it, each
// value with its range.
type MarketYear struct {
	Year int
	// AIGW is the AI data-centre IT capacity that comes online in the
	// year, GW.
	AIGW Span
	// PreformKt is the world's preform capacity in the year, thousand
	// tonnes of glass: the bottleneck of fibre making (a drawing tower
	// follows a preform plant within months; a preform plant takes 18-24
	// months to build).
	PreformKt Span
	// OtherMkm is the world's fibre demand besides AI data centres
	// (telecom, access networks, other data centres), million core-km.
	OtherMkm Span
	// ArticleGap is the article's shortfall for the year, a share of
	// demand (zero where it gives none).
	ArticleGap Span
	Sources    []string
}

// MarketYears are the years the article speaks of, and the one before
// them.
var MarketYears = []MarketYear{
	{Year: 2025,
		AIGW:      Span{8, 4, 12},
		PreformKt: Span{25, 23, 27},
		OtherMkm:  Span{522, 428, 665},
		Sources: []string{
			"AI capacity: Goldman Sachs Research (2025) puts data centres at about 55 GW, AI 14 % of it, and at 92 GW by 2027 with AI 27 %: about 8.5 GW of AI a year; Schneider Electric (2023) 4.3 GW of AI growing to 20 GW by 2028, about 3 GW a year; McKinsey (2025) 125 GW of data centres to add in 2025-2030, about 70 % of them AI-ready, about 15 GW a year. An engineering estimate across them",
			"Preform: about 25,000 t of capacity in the world (CICC, as reported in Chinese financial press, 2026)",
			"Demand besides AI: 95 % of a year's world demand of about 550 million core-km (450-700 M: the catalogue's world_fiber_core_km_per_year); CRU puts data centres at about 5 % of world fibre demand in 2025 (Hengtong citing CRU, 17 March 2025)",
		}},
	{Year: 2026,
		AIGW:       Span{10, 5, 16},
		PreformKt:  Span{25, 24, 26.5},
		OtherMkm:   Span{522, 440, 680},
		ArticleGap: Span{0.075, 0.05, 0.10},
		Sources: []string{
			"AI capacity: the same sources, a year on; Epoch AI (November 2025) expects five sites to pass 1 GW in 2026. An engineering estimate",
			"Preform: little new capacity before 2027, a preform plant taking 18-24 months (Tom's Hardware, 16 May 2026; 1.5-2 years, cszlmy.com, January 2026)",
			"Demand besides AI: flat; China Mobile's tenders fell from 143.2 million fibre-km (2021) to 98.8 million (2025/26, CRU, June 2025), while US homes passed by fibre reached a record 11.8 million in 2025 (Fiber Broadband Association and RVA, December 2025). An engineering estimate",
			"The article's shortfall: 5-10 % in 2026 (Sina Finance, 8 May 2026, institutional estimates, as cited by the article)",
		}},
	{Year: 2027,
		AIGW:       Span{12, 6, 20},
		PreformKt:  Span{26, 25, 29},
		OtherMkm:   Span{572, 500, 620},
		ArticleGap: Span{0.15, 0.15, 0.15},
		Sources: []string{
			"AI capacity: Goldman Sachs Research (2025): AI 27 % of 92 GW by 2027; an engineering estimate across the sources above",
			"Preform: about 26,000 t by 2027 (CICC); Fujikura (March 2026) and Corning (with NVIDIA, May 2026) announced expansions that come later",
			"Demand besides AI: CICC puts world demand at 880 million core-km in 2027, AI about 35 % of it, leaving about 572 million",
			"The article's shortfall: 15 % in 2027 (Sina Finance, 8 May 2026, as cited by the article)",
		}},
}

// Corning is the fibre maker of the article's title, with what its
// investors announced.
var Corning = struct {
	Share     Span // of the world's preform capacity
	Expansion Span // the growth of its US fibre capacity the NVIDIA deal announces
	Sources   []string
}{
	Share:     Span{0.155, 0.10, 0.20},
	Expansion: Span{0.5, 0.5, 0.6},
	Sources: []string{
		"Share: the largest preform capacity in the world in 2019, 15.5 % (YOFC 15.2 %), ResearchInChina; no later figure was found",
		"Expansion: NVIDIA and Corning, 6 May 2026: US optical connectivity capacity ×10 and US fibre capacity up by more than 50 %, three new plants; Meta's up to $6 billion agreement through 2030 (27 January 2026)",
	},
}

// SupplyStage is one stage's fibre against one year's market.
type SupplyStage struct {
	Stage    string
	Feasible bool    // a stage the scenario cannot build has no fibre count
	KmPerMW  float64 // the stage's fibre per megawatt of IT load, core-km
	AIMkm    Span    // the AI build-out's fibre, million core-km
	Share    Span    // of the world's fibre supply
	Gap      Span    // the shortfall, a share of demand (0 where supply covers it)
	// Need is the fibre per megawatt that would make the article's
	// shortfall (mid of its range) with the year's other figures, core-km;
	// Times is it over the stage's.
	Need, Times Span
}

// SupplyYear is one year's outlook.
type SupplyYear struct {
	MarketYear
	SupplyMkm Span // what the year's preforms make, million core-km
	// Own is the build-out wired as the scenario is, with its own
	// technologies (not feasible where the scenario cannot be built);
	// Stages as each stage of its comparison would wire it.
	Own    SupplyStage
	Stages []SupplyStage
}

// SupplyOutlook is the fibre market of each year of MarketYears against
// the AI build-out wired like the scenario s, whose result is r: with
// its own technologies, and as each stage of r.ByStage would wire it,
// each at its fibre per megawatt. A range is the
// ends of the inputs' ranges taken together (the low end of a shortfall:
// the least AI, the least other demand, the most glass and the best
// yield), not a probability band.
func SupplyOutlook(s Scenario, r *Result) ([]SupplyYear, error) {
	p, err := resolveParams(s.Params)
	if err != nil {
		return nil, err
	}
	return supplyOutlook(&p, r), nil
}

// KmPerKg is the fibre (core-km) that one kilogram of preform glass
// draws, at the given yield: a 125 µm strand of silica.
func KmPerKg(density, claddingM, yield float64) float64 {
	r := claddingM / 2
	return yield / (density * math.Pi * r * r) / 1e3
}

func supplyOutlook(p *paramSet, r *Result) []SupplyYear {
	rho := catalogue[pSilicaDensity]
	clad := p.si(pCladdingUM)
	yield := catalogue[pPreformYield]
	kg := func(y, density float64) float64 { return KmPerKg(density, clad, y) }
	perKg := Span{kg(p.raw(pPreformYield), p.raw(pSilicaDensity)), kg(yield.Low, rho.High), kg(yield.High, rho.Low)}
	out := make([]SupplyYear, len(MarketYears))
	for i, m := range MarketYears {
		y := &out[i]
		y.MarketYear = m
		// kt × 1e6 kg × km/kg, in millions of core-km
		y.SupplyMkm = Span{m.PreformKt.Mid * perKg.Mid, m.PreformKt.Low * perKg.Low, m.PreformKt.High * perKg.High}
		y.Own = SupplyStage{Feasible: len(r.Blockers()) == 0 && r.Totals.FiberPerMW > 0, KmPerMW: r.Totals.FiberPerMW}
		if y.Own.Feasible {
			y.Own.fill(y)
		}
		for j := range r.ByStage {
			st := &r.ByStage[j]
			ss := SupplyStage{Stage: st.Stage, Feasible: st.Feasible && st.Totals.FiberPerMW > 0, KmPerMW: st.Totals.FiberPerMW}
			if ss.Feasible {
				ss.fill(y)
			}
			y.Stages = append(y.Stages, ss)
		}
	}
	return out
}

// fill computes a stage's figures for year y.
func (ss *SupplyStage) fill(y *SupplyYear) {
	ai := func(gw float64) float64 { return gw * 1e3 * ss.KmPerMW / 1e6 }
	gap := func(supply, other, ai float64) float64 { return math.Max(0, 1-supply/(other+ai)) }
	g, sup, oth := y.AIGW, y.SupplyMkm, y.OtherMkm
	ss.AIMkm = Span{ai(g.Mid), ai(g.Low), ai(g.High)}
	ss.Share = Span{ss.AIMkm.Mid / sup.Mid, ss.AIMkm.Low / sup.High, ss.AIMkm.High / sup.Low}
	ss.Gap = Span{gap(sup.Mid, oth.Mid, ss.AIMkm.Mid), gap(sup.High, oth.Low, ss.AIMkm.Low), gap(sup.Low, oth.High, ss.AIMkm.High)}
	if a := y.ArticleGap.Mid; a > 0 {
		// The AI fibre that leaves a shortfall a: supply = (1 − a) ×
		// demand, per megawatt of the year's AI capacity.
		need := func(supply, other, gw float64) float64 {
			return math.Max(0, supply/(1-a)-other) * 1e6 / (gw * 1e3)
		}
		ss.Need = Span{need(sup.Mid, oth.Mid, g.Mid), need(sup.Low, oth.High, g.High), need(sup.High, oth.Low, g.Low)}
		ss.Times = Span{ss.Need.Mid / ss.KmPerMW, ss.Need.Low / ss.KmPerMW, ss.Need.High / ss.KmPerMW}
	}
}

// CorningAdds is what Corning's announced expansion adds to the world's
// fibre in year y, million core-km, at most (as if all its capacity grew
// as its US capacity does), and the AI capacity that glass wires at a
// fibre per megawatt, GW a year.
func CorningAdds(y *SupplyYear, kmPerMW float64) (mkm, gw Span) {
	c := Corning
	mkm = Span{c.Share.Mid * c.Expansion.Mid * y.SupplyMkm.Mid, c.Share.Low * c.Expansion.Low * y.SupplyMkm.Low, c.Share.High * c.Expansion.High * y.SupplyMkm.High}
	per := func(m float64) float64 { return m * 1e6 / kmPerMW / 1e3 }
	return mkm, Span{per(mkm.Mid), per(mkm.Low), per(mkm.High)}
}

// SupplyStageOf is the stage named of a year's outlook (nil: none).
func (y *SupplyYear) SupplyStageOf(stage string) *SupplyStage {
	for i := range y.Stages {
		if y.Stages[i].Stage == stage {
			return &y.Stages[i]
		}
	}
	return nil
}
