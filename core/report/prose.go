package report

import (
	"math"
	"strconv"

	"github.com/cpocalc/cpocalc/core"
)

// The explainer's prose quotes the model's numbers as "facts", each an id
// and its words. Those that follow the page's scenario are written here,
// for the build (the default scenario) and for the page's WebAssembly
// (the scenario the reader moved in the sentences) alike; the facts that
// describe fixed examples (a reference link, a parameter, the market)
// are the build's.

// ProseFacts writes the facts that follow the scenario s, whose result is
// r: its lane's physics, its cluster, its stages, its scale-up domain,
// its costs. With u (an uncertainty run of s; nil for none) it adds how
// sure they are (the "unc_" facts).
func (w Writer) ProseFacts(s core.Scenario, r *core.Result, u *core.UncertaintyResult) (map[string]string, error) {
	c := w.Catalogue
	f := map[string]string{}
	set := func(key, value string) { f[key] = value }
	num := func(x float64, sig int) string { return c.Number(x, sig) }
	count := func(n int) string { return c.Count(n) }
	mwh := func(e core.Energy) string { return count(int(math.Round(e.MWh()))) + " MWh" }

	// The lane's physics.
	lane := r.Lane
	set("lane", core.BitRate(s.LaneGbps*1e9).In(c))
	set("nyquist_200", lane.Nyquist.In(c))
	set("baud_200", num(lane.Baud.GHz(), 5)+" GBd")
	set("budget_200", lane.Budget.In(c))
	set("skin_200", lane.SkinDepth.In(c))
	set("twinax26_200", core.TwinaxLoss(26, lane.Nyquist).Total().In(c))
	set("twinax32_200", core.TwinaxLoss(32, lane.Nyquist).Total().In(c))
	set("board_200_in", c.Format("fact.per_inch", "loss", num(float64(core.BoardTraceLoss(s.LaneGbps, lane.Nyquist).Total())*0.0254, 3)+" dB"))

	// The cluster.
	t := r.Totals
	set("gpus", count(s.GPUs))
	set("gpu_watts", core.Power(s.GPUWatts).In(c))
	set("radix", strconv.Itoa(s.ScaleOut.SwitchRadix))
	set("tiers", strconv.Itoa(r.TiersUsed))
	set("switches", count(t.Switches))
	set("box_chips", count(t.ChipsPerBox))
	set("box_chip_rate", t.ChipRate.In(c))
	set("box_watts", t.BoxPower.In(c))
	for _, st := range r.ByStage {
		if st.Stage == "dsp" || st.Stage == "cpo" {
			set("box_watts_"+st.Stage, st.Totals.BoxPower.In(c))
		}
	}
	for i, tr := range r.EvaluatedTiers() {
		if i < 3 {
			set([]string{"rack_m", "row_m", "hall_m"}[i], (core.Length(tr.LengthM) * core.Metre).In(c))
		}
	}
	set("nvl_pairs", count(r.ScaleUp.PairsPerDomain))
	set("links", count(t.Links))
	if len(r.Tiers) > 0 {
		set("links_per_tier", count(r.Tiers[0].Links))
	}
	set("scale_up_links", count(t.ScaleUpLinks))
	set("transceivers", count(t.Transceivers))
	set("interconnect", t.InterconnectPower.In(c))
	set("interconnect_share", t.InterconnectShare.Percent(c))
	set("it_power", t.ITPower.In(c))
	set("facility_power", t.FacilityPower.In(c))
	set("pue", num(s.PUE, 3))
	set("annual_mwh", mwh(t.AnnualEnergy))
	set("annual_usd", t.AnnualUSD.In(c))
	set("households", count(int(math.Round(t.Households))))
	set("mtbf", t.MTBF.In(c))
	set("latency", t.Latency.In(c))
	set("fiber_km", count(int(math.Round(float64(t.FiberLen/core.Kilometre))))+" km")
	set("fiber_cny", t.FiberCNY.In(c))
	// The same fibre at the article's 240 yuan per core-km (its cost is
	// its length at the price: totals.fiber_cny's formula).
	set("fiber_cny_240", core.CNY(float64(t.FiberLen/core.Kilometre)*240).In(c))
	// One GPU's fibre, and what it costs at the article's prices before
	// and after (32 and 240 yuan per core-km); a megawatt's.
	perGPU := float64(t.FiberPerGPU / core.Kilometre)
	set("fiber_per_gpu", num(perGPU, 3)+" "+c.Get("unit.core_km"))
	set("fiber_per_mw", count(int(math.Round(t.FiberPerMW)))+" "+c.Get("unit.core_km"))
	set("fiber_gpu_cny_32", core.CNY(perGPU*32).In(c))
	set("fiber_gpu_cny_240", core.CNY(perGPU*240).In(c))
	if t.ShareOfWorldFiber > 0 {
		set("world_fiber", num(float64(t.FiberLen/core.Kilometre)/t.ShareOfWorldFiber, 3)+" "+c.Get("unit.core_km"))
	}
	set("share_of_world_fiber", core.Ratio(t.ShareOfWorldFiber).Percent(c))
	set("clusters_per_world_year", num(t.ClustersPerWorldYear, 3))
	// The world's fibre, year by year, against the AI build-out wired as
	// this cluster is (core.SupplyOutlook).
	years, err := core.SupplyOutlook(s, r)
	if err != nil {
		return nil, err
	}
	km := func(mkm float64) string { return w.Millions(mkm*1e6) + " " + c.Get("unit.core_km") }
	pct := func(x float64) string { return core.Ratio(x).Percent(c) }
	for i := range years {
		y := &years[i]
		st := &y.Own
		if !st.Feasible {
			continue
		}
		k := strconv.Itoa(y.Year)
		set("supply_"+k, km(y.SupplyMkm.Mid))
		set("supply_ai_gw_"+k, num(y.AIGW.Mid, 3)+" GW")
		set("supply_ai_"+k, km(st.AIMkm.Mid))
		set("supply_share_"+k, pct(st.Share.Mid))
		set("supply_share_range_"+k, c.Format("err.range", "low", pct(st.Share.Low), "high", pct(st.Share.High)))
		set("supply_gap_max_"+k, pct(st.Gap.High))
		if y.ArticleGap.Mid > 0 {
			set("supply_need_"+k, num(st.Need.Mid, 2)+" "+c.Get("unit.core_km"))
			set("supply_times_"+k, num(st.Times.Mid, 2))
			set("supply_times_range_"+k, c.Format("err.range", "low", num(st.Times.Low, 2), "high", num(st.Times.High, 2)))
		}
		if i == len(years)-1 {
			mkm, gw := core.CorningAdds(y, st.KmPerMW)
			set("corning_adds", km(mkm.Mid))
			set("corning_gw", num(gw.Mid, 2)+" GW")
		}
	}
	set("capex", t.Capex.In(c))
	set("years", (core.Time(s.Years) * core.Year).In(c))
	set("tco", t.TCO.In(c))
	set("tco_per_gpu", t.TCOPerGPU.In(c))
	set("switch_capex", t.SwitchCapex.In(c))
	set("fiber_usd", t.FiberUSD.In(c))
	set("fiber_tco_share", core.Ratio(float64(t.FiberUSD/t.TCO)).Percent(c))
	set("usd_per_kwh", core.USD(s.USDPerKWh).In(c))
	set("grid", c.Number(s.GridKgCO2PerKWh, 3)+" kg")
	set("wue", c.Number(s.WUELPerKWh, 3)+" L")
	set("co2", c.Quantity(t.CO2PerYear, "t"))
	set("water", c.Quantity(t.WaterPerYear, "m³"))
	set("checkpoint", c.Duration(s.CheckpointMinutes*60))
	set("restart", c.Duration(s.RestartMinutes*60))
	set("gpu_hour_usd", core.USD(s.GPUHourUSD).In(c))

	// The stages.
	stages := map[string]core.StageResult{}
	for _, st := range r.ByStage {
		stages[st.Stage] = st
	}
	for _, name := range core.Stages {
		st := stages[name]
		if st.Feasible {
			set("stage_"+name, megawatts(st.Totals.InterconnectPower))
			set("stage_"+name+"_share", st.Totals.InterconnectShare.Percent(c))
			set("stage_"+name+"_households", count(int(math.Round(st.Totals.Households))))
			set("stage_"+name+"_mwh", mwh(st.Totals.AnnualEnergy))
			set("stage_"+name+"_usd", st.Totals.AnnualUSD.In(c))
			set("stage_"+name+"_tco", st.Totals.TCO.In(c))
			set("stage_"+name+"_co2", c.Quantity(st.Totals.CO2PerYear, "t"))
			set("stage_"+name+"_water", c.Quantity(st.Totals.WaterPerYear, "m³"))
			set("stage_"+name+"_stops", c.Number(st.Totals.JobStopsPerDay, 3))
			set("stage_"+name+"_gpuh", num(st.Totals.GPUHoursLost, 3))
			set("stage_"+name+"_usd_lost", st.Totals.USDLost.In(c))
			set("stage_"+name+"_why", "")
		} else {
			set("stage_"+name, c.Get("report.cannot_build"))
			for _, k := range []string{"_share", "_households", "_mwh", "_usd", "_tco", "_co2", "_water", "_stops", "_gpuh", "_usd_lost"} {
				set("stage_"+name+k, c.Get("report.cannot_build"))
			}
			why := ""
			if b := st.BlockedList(); len(b) > 0 {
				why = b[0].Message(c, len(r.Tiers), r.Lane.Rate)
			}
			set("stage_"+name+"_why", why)
		}
	}
	if dsp, cpo := stages["dsp"], stages["cpo"]; cpo.Feasible && dsp.Feasible {
		set("cpo_saving", megawatts(dsp.Totals.InterconnectPower-cpo.Totals.InterconnectPower))
		set("cpo_saving_facility", (dsp.Totals.InterconnectHeat - cpo.Totals.InterconnectHeat).In(c))
		set("cpo_saving_households", count(int(math.Round(dsp.Totals.Households-cpo.Totals.Households))))
		set("cpo_tco_saving", (dsp.Totals.TCO - cpo.Totals.TCO).In(c))
	} else {
		for _, k := range []string{"cpo_saving", "cpo_saving_facility", "cpo_saving_households", "cpo_tco_saving"} {
			set(k, c.Get("report.cannot_build"))
		}
	}

	// The scale-up domain.
	su := r.ScaleUp
	set("domain_gpus", strconv.Itoa(su.DomainGPUs))
	set("domain_pairs", count(su.PairsPerDomain))
	set("domain_copper", su.CopperPerDomain.In(c))
	set("domain_copper_miles", c.Format("fact.miles", "n", num(float64(su.CopperPerDomain)/1609.344, 3)))
	set("domain_tbps", num(float64(su.DomainBandwidth)/8e12, 4)+" TB/s")
	set("scale_up_length", su.Length.In(c))
	for _, a := range su.AsTechList() {
		set("scale_up_as_"+string(a.Tech), a.Power.In(c))
	}
	set("scale_up_power", su.Power.In(c))

	if u == nil {
		return f, nil
	}
	// How sure: the uncertainty run's draws.
	set("unc_samples", count(u.Samples))
	set("unc_drawn", count(core.DrawnParams(s)))
	for _, q := range u.Probabilities {
		set("unc_"+q.Key, core.Ratio(q.Share).Percent(c))
	}
	for i := range r.ByStage {
		b := u.Bands["by_stage["+strconv.Itoa(i)+"].totals.interconnect_watts"]
		set("unc_"+r.ByStage[i].Stage+"_built", core.Ratio(float64(b.N)/float64(u.Samples)).Percent(c))
	}
	mb := u.Bands["totals.mtbf_hours"]
	set("unc_mtbf_p50", core.Time(mb.P50*3600).In(c))
	set("unc_mtbf_p95", core.Time(mb.P95*3600).In(c))
	return f, nil
}

// megawatts writes a cluster's power to the hundredth of a megawatt, so
// that the stages' figures and their differences in a sentence agree to
// the digit (10.03 − 6.87 = 3.16, where three figures would say 10).
func megawatts(p core.Power) string { return strconv.FormatFloat(p.Watts()/1e6, 'f', 2, 64) + " MW" }
