package core

// The bill of materials: the modules, engines, lasers and laser sources
// at the ends of a tier's or a domain's links, and their failure rates.

import (
	"math"
)

// side is one end of some links, as the bill of materials counts it:
// units devices (switches, NICs) sharing links links evenly, each link of
// lanes lanes; cage: a switch's cages, where one module may carry several
// ports (twin-port), rather than a NIC's cage per port.
type side struct {
	row                 *techRow
	units, links, lanes int
	rate                BitRate // of a lane
	cage                bool
}

// spread shares the side's links among its devices as evenly as they go:
// n devices with m ports each, in two groups (r devices take one more).
func (sd side) spread() [2]struct{ n, m int } {
	units := max(1, sd.units)
	q, r := sd.links/units, sd.links%units
	return [2]struct{ n, m int }{{r, q + 1}, {units - r, q}}
}

// devices is a part of the bill of materials.
type devices struct {
	modules, engines, lasers, sources int
	fit                               FIT
}

func (d *devices) add(e devices) {
	d.modules += e.modules
	d.engines += e.engines
	d.lasers += e.lasers
	d.sources += e.sources
	d.fit += e.fit
}

// Formulas of the bill of materials.
const (
	fModules = "per device with m ports of ℓ lanes: ceil(m / floor(module_lanes / ℓ)) modules in a switch's cages (twin-port), m × ceil(ℓ / module_lanes) at a NIC"
	fEngines = "per device with m ports: ceil(m × ℓ × R_lane / cpo_engine_gbps) engines (at least one per NIC or switch)"
	fLasers  = "a laser per lane in each module; ceil(lanes of the device / cpo_lanes_per_laser) external lasers for each device's engines"
	fSources = "ceil(external lasers of the device / els_lasers) laser source modules for each device's engines"
	fBOMFIT  = "λ = Σ devices Σ parts n_part × λ_part: a module's DSP and controller once, its lasers per lane; an engine once, the external lasers per group; a cable's two plugs"
)

// bom counts the devices at the sides of some links and sums their
// failure rates. A traced run counts once for each field, so that each
// reads what it needs.
func (pl *plan) bom(p *paramSet, sides [2]side, fields [5]*Field) devices {
	var d devices
	n := 1
	if p.tracing() {
		n = len(fields)
	}
	for k := 0; k < n; k++ {
		p.computes(fields[k], [...]string{fModules, fEngines, fLasers, fSources, fBOMFIT}[k])
		d = devices{}
		for _, sd := range sides {
			d.add(pl.sideDevices(p, sd))
		}
	}
	return d
}

// sideDevices counts one side's devices: the links shared as evenly as
// they go (r units take one more than the rest).
func (pl *plan) sideDevices(p *paramSet, sd side) devices {
	var d devices
	if p.tracing() {
		p.in("devices", float64(max(1, sd.units)), "")
		p.in("ports", float64(sd.links), "")
		p.in("ℓ (lanes per port)", float64(sd.lanes), "")
	}
	for _, g := range sd.spread() {
		if g.n == 0 || g.m == 0 {
			continue
		}
		e := deviceOf(p, sd.row, g.m, sd.lanes, sd.cage, sd.rate)
		d.modules += g.n * e.modules
		d.engines += g.n * e.engines
		d.lasers += g.n * e.lasers
		d.sources += g.n * e.sources
		d.fit += FIT(g.n) * e.fit
	}
	return d
}

// sharedFixed is the fixed module power a side's twin-port modules save:
// one controller serves the ports a module carries, where the links count
// one per port.
func sharedFixed(p *paramSet, sd side) Power {
	if sd.row.count != countModules || !sd.cage {
		return 0
	}
	ml := p.count(pModuleLanes)
	if sd.lanes > ml || ml/sd.lanes < 2 {
		return 0
	}
	per := ml / sd.lanes
	var fixed Power
	for _, e := range sd.row.energy {
		if e.scale == perPort {
			fixed += p.power(e.param)
			p.in(catalogue[e.param].ID, p.raw(e.param), "W")
		}
	}
	ports, modules := sd.links, 0
	for _, g := range sd.spread() {
		modules += g.n * ceilDiv(g.m, per)
	}
	p.in("ports in shared cages", float64(ports), "")
	p.in("modules there", float64(modules), "")
	return Power(ports-modules) * fixed
}

// deviceOf is what one device with m ports of lanes lanes holds of a
// technology: its modules, engines, lasers and their failure rate.
func deviceOf(p *paramSet, t *techRow, m, lanes int, cage bool, rate BitRate) devices {
	var d devices
	switch t.count {
	case countCables:
		// The plugs of m cables at this device.
		d.fit = FIT(m) * partsFIT(p, t, 1, lanes, &d)
	case countModules:
		ml := p.count(pModuleLanes)
		p.in("module_lanes", float64(ml), "")
		per, inModule := 1, min(lanes, ml)
		if cage && lanes <= ml {
			per = ml / lanes
			d.modules = ceilDiv(m, per)
			inModule = per * lanes
		} else {
			d.modules = m * ceilDiv(lanes, ml)
		}
		d.fit = FIT(d.modules) * partsFIT(p, t, 1, inModule, &d)
		d.lasers *= d.modules
	case countEngines:
		all := m * lanes
		p.in("cpo_engine_gbps", p.raw(pCPOEngineGbps), "Gb/s")
		d.engines = max(1, int(math.Ceil(float64(all)*float64(rate)/p.si(pCPOEngineGbps)-1e-9)))
		d.fit = partsFIT(p, t, d.engines, all, &d)
	}
	return d
}

// partsFIT sums the failure rates of a technology's parts for units
// devices over lanes lanes: a part once per unit, per lane, or per group
// of lanes (external lasers, shared by the device's engines), or per
// module of those lasers. It counts the lasers and source modules in d.
func partsFIT(p *paramSet, t *techRow, units, lanes int, d *devices) FIT {
	var f FIT
	before := d.lasers
	for _, ft := range t.fit {
		n := units
		switch ft.count {
		case perLane:
			n = lanes
		case perLaserOf:
			n = int(math.Ceil(float64(lanes)/p.ratio(ft.group) - 1e-9))
			p.in(catalogue[ft.group].ID, p.raw(ft.group), "")
		case perSourceOf:
			// The modules that hold the lasers counted just before.
			n = ceilDiv(d.lasers-before, p.count(pELSLasers))
			p.in("els_lasers", p.raw(pELSLasers), "")
			d.sources += n
		}
		if ft.count == perLane || ft.count == perLaserOf {
			d.lasers += n
		}
		p.in(catalogue[ft.param].ID, p.raw(ft.param), "FIT")
		f += FIT(n) * p.fit(ft.param)
	}
	return f
}
