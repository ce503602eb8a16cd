package main

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/figures"
	"github.com/cpocalc/cpocalc/core/report"
	"github.com/cpocalc/cpocalc/core/scene"
	"github.com/cpocalc/cpocalc/core/wire"
)

// model holds everything the pages say, computed from core once per build:
// the default scenario's result, reference links, and the facts the prose
// quotes, already formatted with their units.
type model struct {
	scenario core.Scenario
	result   core.Result
	facts    map[string]string
	moving   map[string]string             // the facts that follow the scenario (report.ProseFacts)
	links    map[core.Tech]core.LinkResult // 800G (4 × 200G) links, 1 m
	figures  figures.Figures
	words    map[string]string // the charts' scenario words (report.ChartWords)
	bands    map[string]string // how sure the key figures are (report.BandWords)
	unc      core.UncertaintyResult
	sure     string // in how many draws the reader's questions come out yes (report.SureWords)
	market   *market
	gens     []core.GenerationResult // the generations, 2016 to 2030 (generations.go)
}

// refLane is the lane rate the explainer's figures use: 200 Gb/s, today's.
const refLane = 200

// The uncertainty runs of the key figures, the build's and the page's
// (calc.js asks its worker for the same): samples and seed.
const (
	bandSamples = 2000
	bandSeed    = 1
)

// computed is what the build computes once for all editions: the default
// scenario's result, its figures and its uncertainty run, whose numbers do
// not depend on the language (each edition words them: the figures'
// Reworded, the run's Reword). The words are put on at the edge.
type computed struct {
	result  core.Result
	figures figures.Figures
	unc     core.UncertaintyResult
	gens    []core.GenerationResult
	done    bool
}

// compute computes them, once.
func (c *computed) compute(s core.Scenario) error {
	if c.done {
		return nil
	}
	var err error
	if c.result, err = core.Evaluate(s); err != nil {
		return fmt.Errorf("default scenario: %w", err)
	}
	if c.figures, err = figures.Compute(ed.Cat, s); err != nil {
		return fmt.Errorf("figures: %w", err)
	}
	if c.unc, err = core.Uncertainty(s, bandSamples, bandSeed); err != nil {
		return fmt.Errorf("uncertainty: %w", err)
	}
	if c.gens, err = core.EvaluateGenerations(); err != nil {
		return fmt.Errorf("generations: %w", err)
	}
	if err = core.GenerationBands(c.gens, genSamples, bandSeed); err != nil {
		return fmt.Errorf("generations' bands: %w", err)
	}
	c.done = true
	return nil
}

// uncertainty returns the default scenario's run in the words of the
// edition in use.
func (c *computed) uncertainty() core.UncertaintyResult {
	u := c.unc
	u.Probabilities = append([]core.Probability(nil), u.Probabilities...)
	u.Reword(ed.Cat)
	return u
}

func newModel(root string, c *computed) (*model, error) {
	m := &model{scenario: core.DefaultScenario(), facts: map[string]string{}, links: map[core.Tech]core.LinkResult{}}
	var err error
	if m.market, err = loadMarket(root); err != nil {
		return nil, err
	}
	if err = c.compute(m.scenario); err != nil {
		return nil, err
	}
	m.result, m.figures, m.gens = c.result, c.figures.Reworded(ed.Cat), c.gens
	m.words = report.In(ed.Cat).ChartWords(&m.result)
	u := c.uncertainty()
	m.bands = report.In(ed.Cat).BandWords(&m.result, &u)
	m.sure = report.In(ed.Cat).SureWords(&u)
	m.unc = u
	for _, t := range core.Techs {
		l, err := core.EvaluateLink(core.Link{Tech: t, LaneGbps: refLane, Lanes: 4, LengthM: 1})
		if err != nil {
			return nil, fmt.Errorf("%s link: %w", t, err)
		}
		m.links[t] = l
	}
	return m, m.fillFacts()
}

func (m *model) set(key, value string) { m.facts[key] = value }

// proseParams is the link the explainer's prose describes (1 m of an
// 800G port, passive copper on the copper stage), as the animation's
// parameters.
func (m *model) proseParams() scene.Params { return scene.Prose() }

// bandBars is the cluster chart's error bars for the default scenario, as
// the calculator's worker writes them for another (JSON).
func (m *model) bandBars() string {
	var w wire.W
	wire.WriteList(&w, figures.ClusterBars(ed.Cat, &m.result, &m.unc), figures.RangeBarWire)
	return string(w.B)
}

// fact returns a formatted fact for the templates; an unknown key is an
// error, so a typo in the prose fails the build.
func (m *model) fact(key string) (string, error) {
	v, ok := m.facts[key]
	if !ok {
		return "", fmt.Errorf("no fact %q", key)
	}
	return v, nil
}

func link(l core.Link) (core.LinkResult, error) {
	r, err := core.EvaluateLink(l)
	if err != nil {
		return r, fmt.Errorf("%+v: %w", l, err)
	}
	return r, nil
}

func (m *model) fillFacts() error {
	for _, lane := range core.LaneRates {
		for _, t := range core.TechsWhere(core.Tech.Copper) {
			r, err := link(core.Link{Tech: t, LaneGbps: lane, Lanes: 4, LengthM: 0.1})
			if err != nil {
				return err
			}
			m.set(fmt.Sprintf("%s_reach_%g", t, lane), reach(r.MaxReach))
		}
	}
	// The facts that follow the scenario: the default's here, the
	// reader's on the page (the same function, in its WebAssembly).
	moving, err := report.In(ed.Cat).ProseFacts(m.scenario, &m.result, &m.unc)
	if err != nil {
		return err
	}
	for k, v := range moving {
		m.set(k, v)
	}
	m.moving = moving
	m.set("skin_1g", core.SkinDepth(core.Gigahertz, 5.8e7).In(ed.Cat))
	m.set("twinax26_25", core.TwinaxLoss(26, 12.890625*core.Gigahertz).Total().In(ed.Cat))

	dac, dsp, lpo, cpo, aec, acc := m.links[core.DAC], m.links[core.DSP], m.links[core.LPO], m.links[core.CPO], m.links[core.AEC], m.links[core.ACC]
	for t, l := range m.links {
		m.set(string(t)+"_pj", fmtNum(l.PJPerBit().PJ(), 3)+" pJ/bit")
		m.set(string(t)+"_path", l.ElectricalPath.In(ed.Cat))
		m.set(string(t)+"_loss", l.ElectricalLoss.In(ed.Cat))
		m.set(string(t)+"_latency", l.Latency.Total().In(ed.Cat))
	}
	_ = acc
	m.set("dac_path_m", dac.ElectricalPath.In(ed.Cat))
	m.set("v1_ratio", fmtNum((dsp.ElectricalLoss-cpo.ElectricalLoss).Ratio(), 3))
	m.set("dsp_over_cpo", fmtNum(float64(dsp.PJPerBit()/cpo.PJPerBit()), 2))
	m.set("dsp_fec_latency", (dsp.Latency[core.LatencyFECAccumulate] + dsp.Latency[core.LatencyFECDecode]).In(ed.Cat))
	m.set("dsp_dsp_latency", dsp.Latency[core.LatencyDSP].In(ed.Cat))
	m.set("aec_vs_dac_pj", fmtNum(float64(aec.PJPerBit()/dac.PJPerBit()), 2))
	m.set("lpo_pj_saving", core.Ratio(1-float64(lpo.PJPerBit()/dsp.PJPerBit())).Percent(ed.Cat))

	p16, err := link(core.Link{Tech: core.DSP, LaneGbps: 200, Lanes: 8, LengthM: 100})
	if err != nil {
		return err
	}
	c16, err := link(core.Link{Tech: core.CPO, LaneGbps: 200, Lanes: 8, LengthM: 100})
	if err != nil {
		return err
	}
	// 1.6 Tb/s ports on one stated basis: each end, its host SerDes
	// included (as every pJ/bit of the page); the module alone (what
	// datasheets quote) beside it.
	m.set("dsp_1600_w", p16.WattsPerEnd().In(ed.Cat))
	m.set("dsp_1600_end_w", (p16.WattsPerEnd() + p16.HostWattsPerEnd()).In(ed.Cat))
	m.set("dsp_1600_pj", fmtNum(p16.PJPerBit().PJ(), 3)+" pJ/bit")
	m.set("cpo_1600_w", (c16.WattsPerEnd() + c16.HostWattsPerEnd()).In(ed.Cat))
	m.set("cpo_1600_pj", fmtNum(c16.PJPerBit().PJ(), 3)+" pJ/bit")
	m.set("dsp_reach", reach(dsp.MaxReach))
	// Where co-packaged optics' saving comes from at 1.6 Tb/s: the lasers'
	// part of it, each side's counted lasers times their power.
	laserW := func(l core.LinkResult) core.Power { return l.Near.Energy[core.EnergyLaser].Over(l.Port) }
	m.set("dsp_1600_laser_w", laserW(p16).In(ed.Cat))
	m.set("cpo_1600_laser_w", laserW(c16).In(ed.Cat))
	saved := (p16.WattsPerEnd() + p16.HostWattsPerEnd()) - (c16.WattsPerEnd() + c16.HostWattsPerEnd())
	m.set("laser_share_of_saving", core.Ratio(float64((laserW(p16)-laserW(c16))/saved)).Percent(ed.Cat))

	// Error correction: what each code costs and buys.
	for _, id := range []string{"rs_fec_pj", "inner_fec_pj"} {
		if p, ok := core.LookupParam(id); ok {
			m.set(id, fmtNum(p.Default, 3)+" pJ/bit")
		}
	}
	for _, id := range []string{"inner_fec_gain_db", "fec_auto_margin_db", "fec_gain_db"} {
		if p, ok := core.LookupParam(id); ok {
			m.set(id, core.Decibel(p.Default).In(ed.Cat))
		}
	}
	dr100, err := link(core.Link{Tech: core.DSP, LaneGbps: 100, Lanes: 8, LengthM: 100})
	if err != nil {
		return err
	}
	dr100in, err := link(core.Link{Tech: core.DSP, LaneGbps: 100, Lanes: 8, LengthM: 100, FEC: core.FECInner})
	if err != nil {
		return err
	}
	m.set("dr100_reach", reach(dr100.MaxReach))
	m.set("dr100_inner_reach", reach(dr100in.MaxReach))
	su100 := core.DefaultScenario()
	su100.LaneGbps = 100
	suStd, err := core.EvaluateTotals(su100)
	if err != nil {
		return err
	}
	su100.ScaleUp.FEC = core.FECAuto
	suAuto, err := core.Evaluate(su100)
	if err != nil {
		return err
	}
	m.set("su100_auto_fec", ed.Cat.Get("report.fec."+suAuto.ScaleUp.Link.FEC()))
	m.set("su100_latency", suStd.ScaleUpLatency.In(ed.Cat))
	m.set("su100_auto_latency", suAuto.Totals.ScaleUpLatency.In(ed.Cat))
	// Copper signalling: what each option costs and buys.
	cu := func(g float64, sig string) (core.LinkResult, error) {
		return link(core.Link{Tech: core.DAC, LaneGbps: g, Lanes: 2, LengthM: 0.6, Signalling: sig})
	}
	pam4, err := cu(200, "")
	if err != nil {
		return err
	}
	for _, sig := range []string{core.SigPAM4Bidi, core.SigPAM6, core.SigPAM8} {
		l, err := cu(200, sig)
		if err != nil {
			return err
		}
		m.set("sig_"+sig+"_penalty", (pam4.ChannelBudget - l.ChannelBudget).In(ed.Cat))
		m.set("sig_"+sig+"_reach", reach(l.MaxReach))
	}
	m.set("sig_pam4_reach", reach(pam4.MaxReach))
	l400, err := cu(400, core.SigPAM8)
	if err != nil {
		return err
	}
	m.set("sig_400_pam8_works", map[bool]string{true: ed.Cat.Get("fact.works"), false: ed.Cat.Get("fact.does_not_work")}[l400.Feasible])
	twice := core.DefaultScenario()
	twice.ScaleUp.GbpsPerGPU *= 2
	twice.ScaleUp.Signalling = core.SigPAM4Bidi
	twR, err := core.Evaluate(twice)
	if err != nil {
		return err
	}
	m.set("bidi_gbps", core.BitRate(twice.ScaleUp.GbpsPerGPU*1e9).In(ed.Cat))
	m.set("bidi_pairs", count(twR.ScaleUp.PairsPerDomain))
	// A two-level scale-up domain: 144 GPUs on the reference rack's chips.
	two := core.DefaultScenario()
	two.GPUs = 144 * 64
	two.ScaleUp.DomainGPUs = 144
	two.ScaleUp.Tech = core.Auto
	two.ScaleUp.SpineLengthM = 5
	twoR, err := core.Evaluate(two)
	if err != nil {
		return err
	}
	one := core.DefaultScenario()
	one.GPUs = 144 * 64
	oneR, err := core.Evaluate(one)
	if err != nil {
		return err
	}
	m.set("two_chips", count(twoR.ScaleUp.SwitchChips/twoR.ScaleUp.Domains))
	if p, ok := core.LookupParam("scale_up_switch_ports"); ok {
		m.set("su_ports", count(int(p.Default)))
		m.set("su_max_gpus", count(int(p.Default)*int(p.Default)/2))
	}
	m.set("two_spine_tech", twoR.ScaleUp.SpineTech.Name(ed.Cat))
	m.set("two_watts_per_gpu", (twoR.ScaleUp.Power / core.Power(two.GPUs)).In(ed.Cat))
	m.set("one_watts_per_gpu", (oneR.ScaleUp.Power / core.Power(one.GPUs)).In(ed.Cat))
	m.set("two_latency", twoR.Totals.ScaleUpLatency.In(ed.Cat))
	m.set("one_chips", count(oneR.ScaleUp.SwitchChips/oneR.ScaleUp.Domains*2))
	big := core.DefaultScenario()
	big.LaneGbps, big.ScaleOut.SwitchRadix = 100, 128
	bigR, err := core.EvaluateTotals(big)
	if err != nil {
		return err
	}
	m.set("big_box_chips", count(bigR.ChipsPerBox))
	m.set("big_box_lanes", count(bigR.BoxInternalLanes))
	m.set("gen_samples", ed.Cat.Count(genSamples))
	if p, ok := core.LookupParam("cpo_engine_gbps"); ok {
		m.set("cpo_engine_capacity", (core.BitRate(p.Default) * core.Gbps).In(ed.Cat))
	}
	for id, fact := range map[string]string{"c2m_200g_db": "c2m_200", "c2m_400g_db": "c2m_400", "budget_400g_db": "budget_400"} {
		p, _ := core.LookupParam(id)
		m.set(fact, core.Decibel(p.Default).In(ed.Cat))
	}
	// One laser of each kind, as the model powers it from its budget.
	for _, l := range []struct {
		kind  string
		fiber core.Fiber
		gbps  float64
	}{{"vcsel", core.MMF, 100}, {"eml", core.SMF, 100}, {"eml", core.SMF, 200}, {"cw", core.SMF, 200}} {
		if w, ok := core.LaserWatts(l.kind, l.fiber, l.gbps); ok {
			m.set("laser_"+l.kind+"_"+strconv.Itoa(int(l.gbps)), w.In(ed.Cat))
		}
	}
	if p, ok := core.LookupParam("module_fixed_w"); ok {
		m.set("module_fixed", core.Power(p.Default).In(ed.Cat))
	}
	for _, id := range []string{"cpo_lanes_per_laser", "els_lasers"} {
		if p, ok := core.LookupParam(id); ok {
			m.set(id, strconv.Itoa(int(p.Default)))
		}
	}
	if p, ok := core.LookupParam("module_lanes"); ok {
		m.set("module_lanes", strconv.Itoa(int(p.Default)))
	}
	if p, ok := core.LookupParam("cny_per_usd"); ok {
		m.set("cny_per_usd", fmtNum(p.Default, 4))
	}
	if p, ok := core.LookupParam("cost_switch_usd_per_gbps"); ok {
		m.set("switch_usd_per_gbps", core.USD(p.Default).In(ed.Cat))
	}
	if p, ok := core.LookupParam("psu_efficiency"); ok {
		m.set("psu_efficiency", core.Ratio(p.Default).Percent(ed.Cat))
	}
	if p, ok := core.LookupParam("switch_vrm_efficiency"); ok {
		m.set("vrm_efficiency", core.Ratio(p.Default).Percent(ed.Cat))
	}
	if p, ok := core.LookupParam("switch_mgmt_w"); ok {
		m.set("mgmt_w", core.Power(p.Default).In(ed.Cat))
	}
	m.set("twinax_26_100", core.TwinaxLoss(26, 26.5625*core.Gigahertz).Total().In(ed.Cat))
	// The next lane rate: where each technology's electrical side runs out.
	for _, t := range []core.Tech{core.DSP, core.LPO, core.NPO, core.CPO} {
		l, err := link(core.Link{Tech: t, LaneGbps: 400, Lanes: 4, LengthM: 100})
		if err != nil {
			return err
		}
		m.set(string(t)+"_400_channel", l.ChannelLoss.In(ed.Cat))
		m.set(string(t)+"_400_budget", l.ChannelBudget.In(ed.Cat))
		m.set(string(t)+"_400_works", map[bool]string{true: ed.Cat.Get("fact.works"), false: ed.Cat.Get("fact.does_not_work")}[l.Feasible])
	}
	// A kilogram of preform glass in fibre (the catalogue's glass and
	// cladding, all of it drawn, then at the draw's yield).
	var pv [3]float64
	for i, id := range []string{"silica_density_kg_m3", "fiber_cladding_um", "preform_draw_yield"} {
		p, ok := core.LookupParam(id)
		if !ok {
			return fmt.Errorf("no parameter %s", id)
		}
		pv[i] = p.Default
	}
	m.set("km_per_kg", ed.Cat.Number(core.KmPerKg(pv[0], pv[1]*1e-6, 1), 3)+" km")
	m.set("km_per_kg_yield", ed.Cat.Number(core.KmPerKg(pv[0], pv[1]*1e-6, pv[2]), 3)+" km")
	// The article's shortfalls, as core holds them beside the market's
	// figures (core.MarketYears).
	for _, y := range core.MarketYears {
		if g := y.ArticleGap; g.Mid > 0 {
			v := pct(g.Low)
			if g.Ranged() {
				v = ed.Cat.Format("err.range", "low", pct(g.Low), "high", pct(g.High))
			}
			m.set("gap_"+strconv.Itoa(y.Year), v)
		}
	}
	m.set("plant_months", ed.Cat.Format("fact.months", "low", strconv.Itoa(m.market.LeadMonths.Low), "high", strconv.Itoa(m.market.LeadMonths.High)))
	for _, inv := range m.market.Investments {
		m.set("invest_"+inv.key, core.USD(inv.USD).In(ed.Cat))
	}
	return nil
}

func reach(l core.Length) string { return report.In(ed.Cat).Reach(l) }

func pct(x float64) string { return ed.Cat.Percent(x) }

func fmtNum(x float64, sig int) string { return ed.Cat.Number(x, sig) }

func count(n int) string { return ed.Cat.Count(n) }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
