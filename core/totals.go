package core

// The cluster's totals: the tiers and the domains summed, the switch
// boxes, the facility and the cost of ownership, and their trace.

// Formulas of the totals.
const (
	fTotSwitches     = "Σ tiers' switches above"
	fTotLinks        = "Σ tiers' links"
	fTotSum          = "Σ tiers' and the scale-up domain's"
	fTotInterconnect = "P_interconnect = P_scale-out + P_scale-up: every link device and the host SerDes that drive it, each counted once"
	fTotScaleOut     = "P_scale-out = Σ tiers' P"
	fTotGPU          = "P_GPU = N_GPU × gpu_watts (the GPU's link SerDes count with the links)"
	fTotNIC          = "P_NIC = N_GPU × nic_core_watts"
	fTotIT           = "P_IT = P_GPU + P_NIC + P_switch + P_interconnect + P_switch overhead"
	fTotBox          = "P_boxes = (P_switch + Σ switch-side ends (device + host SerDes)) / η_VRM × (1 + s_cooling) / η_PSU, every scale-out box and scale-up chip"
	fTotOverhead     = "P_overhead = P_boxes − (P_switch + switch-side ends): fans or pumps, converter and supply losses"
	fTotNetFIT       = "λ_network = λ_interconnect + (N_switch + N_scale-up chips) × switch_fit"
	fTotNetMTBF      = "MTBF = 10⁹ h / λ_network"
	fTotFacility     = "P_facility = P_IT × PUE"
	fTotShare        = "share = P_interconnect / P_IT"
	fTotHeat         = "P_interconnect × PUE: every watt of the links becomes heat the facility removes"
	fTotAnnual       = "E_year = P_interconnect × PUE × 8,766 h"
	fTotUSD          = "cost = E_year (kWh) × usd_per_kwh"
	fTotHouseholds   = "households = E_year / household_kwh_per_year"
	fTotCO2          = "CO₂ = E_year (kWh) × grid_kg_co2_per_kwh / 1,000 (tonnes)"
	fTotWater        = "water = E_year (kWh) / PUE × wue_l_per_kwh / 1,000 (m³)"
	fTotLinkFail     = "failures a day = Σ FIT × 24 h / 10⁹ h"
	fTotJobStops     = "interruptions a day = λ_network × 24 h / 10⁹ h × job_stop_share"
	fTotGPUHLost     = "GPU-hours lost = interruptions a day × 365.25 × N_GPU × (checkpoint_minutes / 2 + restart_minutes) / 60"
	fTotUSDLost      = "cost = GPU-hours lost × gpu_hour_usd"
	fTotWattsPerGPU  = "P per GPU = P_interconnect / N_GPU"
	fTotCapexPerGPU  = "capex per GPU = C_links / N_GPU"
	fTotFiberPerGPU  = "fibre per GPU = fibre / N_GPU"
	fTotFiberPerMW   = "fibre per MW = fibre (core-km) / P_IT (MW)"
	fTotWorldShare   = "share = fibre (core-km) / world_fiber_core_km_per_year"
	fTotWorldCount   = "clusters = world_fiber_core_km_per_year / fibre (core-km)"
	fTotFiberCNY     = "cost = fibre (core-km) × fiber_cny_per_core_km"
	fTotSwitchCapex  = "C_switches = (N_switch × k × R_port + N_scale-up chips × R_chip) × cost_switch_usd_per_gbps"
	fTotFiberUSD     = "C_fibre = fibre cost (CNY) / cny_per_usd"
	fTotEnergyUSD    = "C_energy = (P_interconnect + P_switch + P_switch overhead) × PUE × 8,766 h × years × usd_per_kwh"
	fTotTCO          = "TCO = C_links + C_switches + C_fibre + C_energy"
	fTotTCOPerGPU    = "TCO per GPU = TCO / N_GPU"
	fTotMTBF         = "MTBF = 10⁹ h / Σ FIT"
	fTotLatency      = "t_worst = Σ tiers 2 × t_link + (2T − 1) × t_switch: up to the top tier and down again"
	fTotSULatency    = "t = 2 × t_link + t_switch; with a second level, + 2 × t_spine link + 2 × t_switch"
	fTotFeasible     = "every tier and the scale-up domain reach their length"
)

// totals sums the cluster.
//
//	P_IT  = N (P_GPU + P_NIC) + P_switch cores + P_interconnect
//	share = P_interconnect / P_IT
//	E_yr  = P_interconnect × PUE × 8,766 h
//	MTBF  = 10⁹ h / Σ FIT
//	t_worst = Σ_tiers 2 t_link + (2 T − 1) t_switch
func (pl *plan) totals(tiers []TierResult, su *ScaleUpResult) Totals {
	p := &pl.p
	m := p.open(0)
	defer p.close(m)
	s := pl.s
	var t Totals
	t.Feasible = su.Feasible
	p.computes(&xfSwitches, fTotSwitches)
	t.Switches = pl.tree.totalSwitches()
	for i := 0; i < len(tiers) && p.tracing(); i++ {
		p.depTier("switches above tier "+tierNumber(i), float64(tiers[i].SwitchesAbove), "", i, &tfSwitches)
	}
	t.ScaleUpSwitches = su.SwitchChips
	pl.switchBoxes(&t, su)
	for i := range tiers {
		tr := &tiers[i]
		t.Feasible = t.Feasible && tr.Feasible
		t.Links += tr.Links
		t.Modules += tr.Modules
		t.Engines += tr.Engines
		t.Lasers += tr.Lasers
		t.Sources += tr.Sources
		t.Cables += tr.Cables
		t.ScaleOutPower += tr.Power
		t.FiberLen += tr.FiberLen
		t.Capex += tr.Cost
		t.FIT += tr.FIT
		t.Latency += 2 * tr.Link.Latency.Total()
	}
	if n := len(tiers); n > 0 {
		p.at(&xfLatency)
		t.Latency += Time((2*n-1)*pl.box.hops) * p.time(pSwitchNS)
	}
	t.ScaleUpLinks = su.Links
	t.ScaleUpPower = su.Power
	t.Modules += su.Modules
	t.Engines += su.Engines
	t.Lasers += su.Lasers
	t.Sources += su.Sources
	t.Cables += su.cables
	t.FiberLen += su.FiberLen
	t.Capex += su.Cost
	t.FIT += su.FIT
	if su.Present {
		p.at(&xfSULatency)
		t.ScaleUpLatency = 2*su.Link.Latency.Total() + p.time(pSwitchNS)
		if su.Levels == 2 {
			t.ScaleUpLatency += 2*su.SpineLink.Latency.Total() + 2*p.time(pSwitchNS)
		}
	}
	t.Transceivers = t.Modules + t.Engines
	t.InterconnectPower = t.ScaleOutPower + t.ScaleUpPower
	t.GPUPower = Power(s.GPUs) * Power(s.GPUWatts)
	p.at(&xfNICWatts)
	t.NICPower = Power(s.GPUs) * p.power(pNICWatts)
	ports, outPorts := switchPorts(tiers, su)
	elec := t.SwitchPower + ports
	p.at(&xfBoxWatts)
	wall := (1 + p.ratio(pl.cooling)) / p.ratio(pPSUEfficiency) / p.ratio(pVRMEfficiency)
	t.SwitchBoxPower = Power(float64(elec) * wall)
	t.SwitchOverhead = t.SwitchBoxPower - elec
	p.at(&xfOneBoxWatts)
	if t.Switches > 0 {
		t.BoxPower = Power(float64(t.SwitchPower-su.SwitchPower+outPorts) * wall / float64(t.Switches))
	}
	t.ITPower = t.GPUPower + t.NICPower + t.SwitchPower + t.InterconnectPower + t.SwitchOverhead
	t.FacilityPower = t.ITPower * Power(s.PUE)
	if t.ITPower > 0 {
		t.InterconnectShare = Ratio(t.InterconnectPower / t.ITPower)
	}
	t.InterconnectHeat = t.InterconnectPower * Power(s.PUE)
	t.AnnualEnergy = Energy(float64(t.InterconnectHeat) * float64(Year))
	t.AnnualUSD = USD(float64(t.AnnualEnergy/KilowattHour) * s.USDPerKWh)
	t.CO2PerYear = float64(t.AnnualEnergy/KilowattHour) * s.GridKgCO2PerKWh / 1000
	t.WaterPerYear = float64(t.AnnualEnergy/KilowattHour) / s.PUE * s.WUELPerKWh / 1000
	p.at(&xfHouseholds)
	if hh := p.energy(pHouseholdKWh); hh > 0 {
		t.Households = float64(t.AnnualEnergy / hh)
	}
	t.FiberCNY = CNY(float64(t.FiberLen/Kilometre) * s.FiberCNYPerCoreKm)
	t.MTBF = t.FIT.MTBF()
	p.at(&xfNetFIT)
	t.NetworkFIT = t.FIT + FIT(t.Switches+t.ScaleUpSwitches)*p.fit(pSwitchFIT)
	t.NetworkMTBF = t.NetworkFIT.MTBF()
	p.at(&xfJobStops)
	t.LinkFailuresPerDay = float64(t.FIT) * 24e-9
	t.JobStopsPerDay = float64(t.NetworkFIT) * 24e-9 * p.ratio(pJobStopShare)
	t.GPUHoursLost = t.JobStopsPerDay * 365.25 * float64(s.GPUs) * (s.CheckpointMinutes/2 + s.RestartMinutes) / 60
	t.USDLost = USD(t.GPUHoursLost * s.GPUHourUSD)
	n := float64(s.GPUs)
	t.WattsPerGPU = t.InterconnectPower / Power(n)
	t.CapexPerGPU = t.Capex / USD(n)
	t.FiberPerGPU = t.FiberLen / Length(n)
	if t.ITPower > 0 {
		t.FiberPerMW = float64(t.FiberLen/Kilometre) / (t.ITPower.Watts() / 1e6)
	}
	p.at(&xfWorldShare)
	if world := p.raw(pWorldFiber); world > 0 && t.FiberLen > 0 {
		t.ShareOfWorldFiber = float64(t.FiberLen/Kilometre) / world
		t.ClustersPerWorldYear = world / float64(t.FiberLen/Kilometre)
	}
	pl.ownership(&t, su)
	if p.tracing() {
		pl.traceTotals(tiers, su, &t)
	}
	return t
}

// ownership sums what the network costs over the scenario's years, in
// dollars: what is bought (links, switch boxes, fibre at the exchange
// rate) and the energy the links and switches draw at the wall.
func (pl *plan) ownership(t *Totals, su *ScaleUpResult) {
	p := &pl.p
	s := pl.s
	p.computes(&xfSwitchCapex, fTotSwitchCapex)
	p.dep("N_switch", float64(t.Switches), "", -1, &xfSwitches)
	p.in("k", float64(s.ScaleOut.SwitchRadix), "")
	p.in("R_port", s.ScaleOut.PortGbps, "Gb/s")
	p.dep("N_scale-up chips", float64(t.ScaleUpSwitches), "", -1, &xfScaleUpSwitches)
	p.in("R_chip", su.ChipRate.Gbps(), "Gb/s")
	perGbps := p.raw(pSwitchCost)
	p.in("cost_switch_usd_per_gbps", perGbps, "USD/(Gb/s)")
	capacity := float64(t.Switches)*pl.box.silicon().Gbps() + float64(t.ScaleUpSwitches)*su.ChipRate.Gbps()
	t.SwitchCapex = USD(capacity * perGbps)

	p.computes(&xfFiberUSD, fTotFiberUSD)
	p.dep("fibre cost", float64(t.FiberCNY), "CNY", -1, &xfFiberCNY)
	rate := p.raw(pCNYPerUSD)
	p.in("cny_per_usd", rate, "CNY/USD")
	t.FiberUSD = USD(float64(t.FiberCNY) / rate)

	p.computes(&xfEnergyUSD, fTotEnergyUSD)
	p.dep("P_interconnect", t.InterconnectPower.Watts(), "W", -1, &xfInterconnect)
	p.dep("P_switch", t.SwitchPower.Watts(), "W", -1, &xfSwitchWatts)
	p.dep("P_switch overhead", t.SwitchOverhead.Watts(), "W", -1, &xfOverheadWatts)
	p.in("PUE", s.PUE, "1")
	p.in("years", s.Years, "years")
	p.in("usd_per_kwh", s.USDPerKWh, "USD/kWh")
	wall := (t.InterconnectPower + t.SwitchPower + t.SwitchOverhead) * Power(s.PUE)
	kwh := float64(Energy(float64(wall)*float64(Year)) / KilowattHour)
	t.EnergyUSD = USD(kwh * s.Years * s.USDPerKWh)

	p.computes(&xfTCO, fTotTCO)
	p.dep("C_links", float64(t.Capex), "USD", -1, &xfCapex)
	p.dep("C_switches", float64(t.SwitchCapex), "USD", -1, &xfSwitchCapex)
	p.dep("C_fibre", float64(t.FiberUSD), "USD", -1, &xfFiberUSD)
	p.dep("C_energy", float64(t.EnergyUSD), "USD", -1, &xfEnergyUSD)
	t.TCO = t.Capex + t.SwitchCapex + t.FiberUSD + t.EnergyUSD

	p.computes(&xfTCOPerGPU, fTotTCOPerGPU)
	p.dep("TCO", float64(t.TCO), "USD", -1, &xfTCO)
	p.in("N_GPU", float64(s.GPUs), "")
	t.TCOPerGPU = t.TCO / USD(s.GPUs)
}

func tierNumber(i int) string { return string(rune('1' + i)) }

// switchPorts is the power of the link ends in switch boxes: the upper end
// of every tier, the lower end of every tier above the first, the switch
// end of the scale-up links. Each is its device (a module in a cage, an
// engine, a cable's plug) and the ASIC's SerDes that drive it.
func switchPorts(tiers []TierResult, su *ScaleUpResult) (all, scaleOut Power) {
	for i := range tiers {
		l := &tiers[i].Link
		scaleOut += Power(tiers[i].Links)*(l.Near.DevicePower+l.Near.HostPower) - tiers[i].sharedSwitch
		if i > 0 {
			scaleOut += Power(tiers[i].Links) * (l.Far.DevicePower + l.Far.HostPower)
		}
	}
	all = scaleOut
	if su.Present {
		all += Power(su.Links)*(su.Link.Near.DevicePower+su.Link.Near.HostPower) - su.sharedSwitch
		if l := &su.SpineLink; su.Levels == 2 {
			// Both ends of a spine link are in switch trays.
			all += Power(su.SpineLinks) * (l.Near.DevicePower + l.Near.HostPower + l.Far.DevicePower + l.Far.HostPower)
		}
	}
	return all, scaleOut
}

// traceTotals records the totals' formulas and inputs: each is a sum or a
// product of the numbers above.
func (pl *plan) traceTotals(tiers []TierResult, su *ScaleUpResult, t *Totals) {
	p := &pl.p
	s := pl.s
	var vals [MaxTiers]float64
	sumTiers := func(f *Field, unit string, tf *Field, suf *Field, suv float64) {
		p.computes(f, fTotSum)
		if suf == nil {
			p.formula(fTotLinks)
		}
		for i := range tiers {
			p.depTier("tier "+tierNumber(i), vals[i], unit, i, tf)
		}
		if suf != nil && su.Present {
			p.depSU("scale-up", suv, unit, suf)
		}
	}
	for i := range tiers {
		vals[i] = float64(tiers[i].Links)
	}
	sumTiers(&xfLinks, "", &tfLinks, nil, 0)
	for i := range tiers {
		vals[i] = float64(tiers[i].Modules)
	}
	sumTiers(&xfModules, "", &tfModules, &sfModules, float64(su.Modules))
	for i := range tiers {
		vals[i] = float64(tiers[i].Engines)
	}
	sumTiers(&xfEngines, "", &tfEngines, &sfEngines, float64(su.Engines))
	for i := range tiers {
		vals[i] = float64(tiers[i].Lasers)
	}
	sumTiers(&xfLasers, "", &tfLasers, &sfLasers, float64(su.Lasers))
	for i := range tiers {
		vals[i] = float64(tiers[i].Sources)
	}
	sumTiers(&xfSources, "", &tfSources, &sfSources, float64(su.Sources))
	for i := range tiers {
		vals[i] = float64(tiers[i].Cables)
	}
	sumTiers(&xfCables, "", &tfCables, nil, 0)
	p.formula(fTotSum)
	if su.Present {
		p.in("scale-up cables (its copper links)", float64(su.cables), "")
	}
	for i := range tiers {
		vals[i] = float64(tiers[i].FiberLen / Kilometre)
	}
	sumTiers(&xfFiber, "km", &tfFiber, &sfFiber, float64(su.FiberLen/Kilometre))
	for i := range tiers {
		vals[i] = float64(tiers[i].Cost)
	}
	sumTiers(&xfCapex, "USD", &tfUSD, &sfUSD, float64(su.Cost))
	for i := range tiers {
		vals[i] = float64(tiers[i].FIT)
	}
	sumTiers(&xfFIT, "FIT", &tfFIT, &sfFIT, float64(su.FIT))
	p.computes(&xfScaleOutWatts, fTotScaleOut)
	for i := range tiers {
		p.depTier("P tier "+tierNumber(i), tiers[i].Power.Watts(), "W", i, &tfWatts)
	}
	p.computes(&xfScaleUpWatts, "P_scale-up = the scale-up domains' link power")
	p.depSU("P_scale-up", su.Power.Watts(), "W", &sfWatts)
	p.computes(&xfScaleUpSwitches, "the scale-up switch chips")
	p.depSU("chips", float64(su.SwitchChips), "", &sfSwitchChips)
	p.computes(&xfScaleUpLinks, "the scale-up links")
	p.depSU("links", float64(su.Links), "", &sfLinks)
	p.computes(&xfTransceivers, fTransceivers)
	p.dep("modules", float64(t.Modules), "", -1, &xfModules)
	p.dep("engines", float64(t.Engines), "", -1, &xfEngines)
	p.computes(&xfInterconnect, fTotInterconnect)
	p.dep("P_scale-out", t.ScaleOutPower.Watts(), "W", -1, &xfScaleOutWatts)
	p.dep("P_scale-up", t.ScaleUpPower.Watts(), "W", -1, &xfScaleUpWatts)
	ports, outPorts := switchPorts(tiers, su)
	p.computes(&xfBoxWatts, fTotBox)
	p.dep("P_switch", t.SwitchPower.Watts(), "W", -1, &xfSwitchWatts)
	for i := range tiers {
		l := &tiers[i].Link
		p.in("P_end + P_host, tier "+tierNumber(i)+" upper end", (l.Near.DevicePower + l.Near.HostPower).Watts(), "W")
		p.depTier("links, tier "+tierNumber(i), float64(tiers[i].Links), "", i, &tfLinks)
	}
	p.in("switch-side ends", ports.Watts(), "W")
	p.in("s_cooling", p.raw(pl.cooling), "")
	p.in("η_VRM", p.raw(pVRMEfficiency), "")
	p.in("η_PSU", p.raw(pPSUEfficiency), "")
	p.computes(&xfOverheadWatts, fTotOverhead)
	p.dep("P_boxes", t.SwitchBoxPower.Watts(), "W", -1, &xfBoxWatts)
	p.dep("P_switch", t.SwitchPower.Watts(), "W", -1, &xfSwitchWatts)
	p.in("switch-side ends", ports.Watts(), "W")
	p.computes(&xfOneBoxWatts, fBoxWatts)
	p.dep("P_switch", t.SwitchPower.Watts(), "W", -1, &xfSwitchWatts)
	p.depSU("less the scale-up chips", su.SwitchPower.Watts(), "W", &sfSwitchWatts)
	p.in("scale-out switch-side ends", outPorts.Watts(), "W")
	p.dep("N_switch", float64(t.Switches), "", -1, &xfSwitches)
	p.in("η_VRM", p.raw(pVRMEfficiency), "")
	p.in("s_cooling", p.raw(pl.cooling), "")
	p.in("η_PSU", p.raw(pPSUEfficiency), "")
	p.computes(&xfNetFIT, fTotNetFIT)
	p.dep("λ_interconnect", float64(t.FIT), "FIT", -1, &xfFIT)
	p.dep("N_switch", float64(t.Switches), "", -1, &xfSwitches)
	p.dep("N_scale-up chips", float64(t.ScaleUpSwitches), "", -1, &xfScaleUpSwitches)
	p.in("switch_fit", p.raw(pSwitchFIT), "FIT")
	p.computes(&xfNetMTBF, fTotNetMTBF)
	p.dep("λ_network", float64(t.NetworkFIT), "FIT", -1, &xfNetFIT)
	p.computes(&xfLinkFailures, fTotLinkFail)
	p.dep("Σ FIT", float64(t.FIT), "FIT", -1, &xfFIT)
	p.computes(&xfJobStops, fTotJobStops)
	p.dep("λ_network", float64(t.NetworkFIT), "FIT", -1, &xfNetFIT)
	p.in("job_stop_share", p.raw(pJobStopShare), "1")
	p.computes(&xfGPUHLost, fTotGPUHLost)
	p.dep("interruptions a day", t.JobStopsPerDay, "", -1, &xfJobStops)
	p.in("N_GPU", float64(s.GPUs), "")
	p.in("checkpoint_minutes", s.CheckpointMinutes, "min")
	p.in("restart_minutes", s.RestartMinutes, "min")
	p.computes(&xfUSDLost, fTotUSDLost)
	p.dep("GPU-hours lost", t.GPUHoursLost, "h", -1, &xfGPUHLost)
	p.in("gpu_hour_usd", s.GPUHourUSD, "USD")
	p.computes(&xfGPUWatts, fTotGPU)
	p.in("N_GPU", float64(s.GPUs), "")
	p.in("gpu_watts", s.GPUWatts, "W")
	p.computes(&xfNICWatts, fTotNIC)
	p.in("N_GPU", float64(s.GPUs), "")
	p.in("nic_core_watts", p.raw(pNICWatts), "W")
	p.computes(&xfITWatts, fTotIT)
	p.dep("P_GPU", t.GPUPower.Watts(), "W", -1, &xfGPUWatts)
	p.dep("P_NIC", t.NICPower.Watts(), "W", -1, &xfNICWatts)
	p.dep("P_switch", t.SwitchPower.Watts(), "W", -1, &xfSwitchWatts)
	p.dep("P_interconnect", t.InterconnectPower.Watts(), "W", -1, &xfInterconnect)
	p.dep("P_switch overhead", t.SwitchOverhead.Watts(), "W", -1, &xfOverheadWatts)
	p.computes(&xfFacility, fTotFacility)
	p.dep("P_IT", t.ITPower.Watts(), "W", -1, &xfITWatts)
	p.in("PUE", s.PUE, "1")
	p.computes(&xfShare, fTotShare)
	p.dep("P_interconnect", t.InterconnectPower.Watts(), "W", -1, &xfInterconnect)
	p.dep("P_IT", t.ITPower.Watts(), "W", -1, &xfITWatts)
	p.computes(&xfHeat, fTotHeat)
	p.dep("P_interconnect", t.InterconnectPower.Watts(), "W", -1, &xfInterconnect)
	p.in("PUE", s.PUE, "1")
	p.computes(&xfAnnualMWh, fTotAnnual)
	p.dep("P_interconnect × PUE", t.InterconnectHeat.Watts(), "W", -1, &xfHeat)
	p.computes(&xfAnnualUSD, fTotUSD)
	p.dep("E_year", t.AnnualEnergy.MWh(), "MWh", -1, &xfAnnualMWh)
	p.in("usd_per_kwh", s.USDPerKWh, "USD/kWh")
	p.computes(&xfCO2, fTotCO2)
	p.dep("E_year", t.AnnualEnergy.MWh(), "MWh", -1, &xfAnnualMWh)
	p.in("grid_kg_co2_per_kwh", s.GridKgCO2PerKWh, "kg/kWh")
	p.computes(&xfWater, fTotWater)
	p.dep("E_year", t.AnnualEnergy.MWh(), "MWh", -1, &xfAnnualMWh)
	p.in("PUE", s.PUE, "1")
	p.in("wue_l_per_kwh", s.WUELPerKWh, "L/kWh")
	p.computes(&xfHouseholds, fTotHouseholds)
	p.dep("E_year", t.AnnualEnergy.MWh(), "MWh", -1, &xfAnnualMWh)
	p.in("household_kwh_per_year", p.raw(pHouseholdKWh), "kWh")
	p.computes(&xfFiberCNY, fTotFiberCNY)
	p.dep("fibre", float64(t.FiberLen/Kilometre), "km", -1, &xfFiber)
	p.in("fiber_cny_per_core_km", s.FiberCNYPerCoreKm, "CNY")
	p.computes(&xfMTBF, fTotMTBF)
	p.dep("Σ FIT", float64(t.FIT), "FIT", -1, &xfFIT)
	p.computes(&xfLatency, fTotLatency)
	for i := range tiers {
		p.depLink("t_link tier "+tierNumber(i), tiers[i].Link.Latency.Total().Nanoseconds(), "ns", &tiers[i].Link.key, scopeLink, &lfLatency)
	}
	p.in("T", float64(len(tiers)), "")
	p.in("t_switch", p.raw(pSwitchNS), "ns")
	p.computes(&xfSULatency, fTotSULatency)
	if su.Present {
		p.depLink("t_link", su.Link.Latency.Total().Nanoseconds(), "ns", &su.Link.key, scopeLink, &lfLatency)
		p.in("t_switch", p.raw(pSwitchNS), "ns")
	}
	n := float64(s.GPUs)
	p.computes(&xfWattsPerGPU, fTotWattsPerGPU)
	p.dep("P_interconnect", t.InterconnectPower.Watts(), "W", -1, &xfInterconnect)
	p.in("N_GPU", n, "")
	p.computes(&xfCapexPerGPU, fTotCapexPerGPU)
	p.dep("C_links", float64(t.Capex), "USD", -1, &xfCapex)
	p.in("N_GPU", n, "")
	p.computes(&xfFiberPerGPU, fTotFiberPerGPU)
	p.dep("fibre", float64(t.FiberLen/Kilometre), "km", -1, &xfFiber)
	p.in("N_GPU", n, "")
	p.computes(&xfFiberPerMW, fTotFiberPerMW)
	p.dep("fibre", float64(t.FiberLen/Kilometre), "km", -1, &xfFiber)
	p.dep("P_IT", t.ITPower.Watts(), "W", -1, &xfITWatts)
	p.computes(&xfWorldShare, fTotWorldShare)
	p.dep("fibre", float64(t.FiberLen/Kilometre), "km", -1, &xfFiber)
	p.in("world_fiber_core_km_per_year", p.raw(pWorldFiber), "km")
	p.computes(&xfWorldCount, fTotWorldCount)
	p.dep("fibre", float64(t.FiberLen/Kilometre), "km", -1, &xfFiber)
	p.in("world_fiber_core_km_per_year", p.raw(pWorldFiber), "km")
	p.computes(&xfFeasible, fTotFeasible)
	for i := range tiers {
		p.depTier("tier "+tierNumber(i), b2f(tiers[i].Feasible), "", i, &tfFeasible)
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
