package core

// Lasers are parts of an optical end, counted and powered one by one. A
// pluggable module has a laser per lane: a directly modulated VCSEL on
// multimode fibre, or an EML (a DFB laser with its own electro-absorption
// modulator and a cooler) on single-mode fibre. An optical engine at the
// package has no laser of its own: continuous-wave lasers in external
// laser source modules at the faceplate each feed cpo_lanes_per_laser
// lanes through a splitter, to the engine's modulators.
//
// A laser must put out the light its lanes need at the fibre: the optics
// class's minimum launch per lane, a design margin, more for each doubling
// of the lane rate, and everything lost between the laser and the fibre
// (its modulator and couplers, a multiplexer, a splitter). Its electrical
// power is that light over its wall-plug efficiency, plus its cooler. An
// end's laser power is its lasers times that, and an external source's
// fixed power is shared by the lasers it holds.

const ln10 = 2.302585092994046

// laserKind names a kind of laser.
type laserKind uint8

const (
	laserNone   laserKind = iota
	laserModule           // a pluggable module's: the optics class says which (vcsel, eml)
	laserVCSEL
	laserEML
	laserCW
	numLaserKinds
)

// LaserKeys are the laser kinds' names (LaserWatts takes them).
var LaserKeys = [numLaserKinds]string{"", "", "vcsel", "eml", "cw"}

// laserRow is what differs between kinds of laser.
type laserRow struct {
	loss   paramID // dB from the laser's light to the fibre (modulator, coupling)
	wpe    paramID // wall-plug efficiency
	cooler paramID // W per laser, or noParam (uncooled)
	shared bool    // one laser feeds cpo_lanes_per_laser lanes through a splitter, in an external source module
}

var laserTable = [numLaserKinds]laserRow{
	laserVCSEL: {loss: pVCSELLossDB, wpe: pVCSELWPE, cooler: noParam},
	laserEML:   {loss: pEMLLossDB, wpe: pEMLWPE, cooler: pEMLCoolerW},
	laserCW:    {loss: pCWLossDB, wpe: pCWWPE, cooler: pCWCoolerW, shared: true},
}

// on returns the laser an end of a technology uses on a fibre class:
// a module's laser is the class's (VCSELs for multimode).
func (k laserKind) on(fiber *fiberRow) laserKind {
	if k != laserModule {
		return k
	}
	if fiber != nil && fiber.fiber == MMF {
		return laserVCSEL
	}
	return laserEML
}

// Formulas of the lasers.
const (
	fLaserEnergy = "E_laser = (n_lasers × P_laser + n_sources × P_source) / R_port; P_laser = P_out / η + P_cooler; P_out = 10^((P_launch + margin + step × log2(R_lane / 100 Gb/s) + L) / 10) mW"
)

// laserLight returns the light, in dBm, one laser of kind k must put out
// on a link of this lane rate and optics class, and the losses between it
// and the fibre (its own, a multiplexer's, a splitter's).
func laserLight(p *paramSet, k laserKind, fiber *fiberRow, lane laneSpec) (out, loss float64) {
	row := &laserTable[k]
	launch := p.raw(fiber.launch) + p.raw(pLaserMarginDB) + p.raw(pLaunchStepDB)*lane.doublings()
	loss = p.raw(row.loss)
	if fiber.lambdas > 1 {
		loss += p.raw(pWDMMuxDB)
	}
	split := 0.0
	if row.shared {
		split = 10 * detLog(p.ratio(pCPOLanesPerLaser)) / ln10
	}
	return launch + loss + split, loss + split
}

// laserPower returns the power one laser of kind k draws on a link of
// this lane rate and optics class.
func laserPower(p *paramSet, k laserKind, fiber *fiberRow, lane laneSpec) Power {
	row := &laserTable[k]
	dbm, loss := laserLight(p, k, fiber, lane)
	// 10^(dBm/10) mW, with the exponential that gives the same bits in
	// the browser as natively (the uncertainty run's draws must).
	out := Power(detExp(dbm/10*ln10)) * Milliwatt
	w := out/Power(p.ratio(row.wpe)) + coolerOf(p, row.cooler)
	if p.tracing() {
		p.in(catalogue[fiber.launch].ID, p.raw(fiber.launch), "dBm")
		p.in("margin = laser_margin_db", p.raw(pLaserMarginDB), "dB")
		p.in("step = launch_step_db", p.raw(pLaunchStepDB), "dB")
		p.in("log2(R_lane / 100 Gb/s)", lane.doublings(), "1")
		p.in("L = "+catalogue[row.loss].ID+lossTerms(fiber, row), loss, "dB")
		p.in("P_out", out.Watts()*1000, "mW")
		p.in("η = "+catalogue[row.wpe].ID, p.ratio(row.wpe), "1")
		if row.cooler != noParam {
			p.in("P_cooler = "+catalogue[row.cooler].ID, p.raw(row.cooler), "W")
		}
		p.in("P_laser", w.Watts(), "W")
	}
	return w
}

func coolerOf(p *paramSet, id paramID) Power {
	if id == noParam {
		return 0
	}
	return p.power(id)
}

// lossTerms names the losses besides the laser's own, for a trace.
func lossTerms(fiber *fiberRow, row *laserRow) string {
	s := ""
	if fiber.lambdas > 1 {
		s += " + wdm_mux_db"
	}
	if row.shared {
		s += " + 10 log10(cpo_lanes_per_laser)"
	}
	return s
}

// laserEnergy returns an end's laser energy per bit: its lasers (one per
// lane, or its lanes' share of shared sources) and their sources' fixed
// power.
func laserEnergy(p *paramSet, k laserKind, fiber *fiberRow, lane laneSpec, lanes int, port BitRate) EnergyPerBit {
	if fiber == nil {
		fiber = SMF.row()
	}
	p.formula(fLaserEnergy)
	each := laserPower(p, k, fiber, lane)
	n := float64(lanes)
	var sources Power
	if laserTable[k].shared {
		n /= p.ratio(pCPOLanesPerLaser)
		share := n / p.ratio(pELSLasers)
		sources = Power(share) * p.power(pELSFixedW)
		if p.tracing() {
			p.in("n_sources = n_lasers / els_lasers", share, "")
			p.in("P_source = els_fixed_w", p.raw(pELSFixedW), "W")
		}
	}
	p.in("n_lasers", n, "")
	p.in("R_port", port.Gbps(), "Gb/s")
	return (Power(n)*each + sources).PerBit(port)
}

// LaserWatts returns the electrical power of one laser of kind ("vcsel",
// "eml" or "cw") on a link of this lane rate and optics class, with the
// default catalogue (for the pages' prose).
func LaserWatts(kind string, fiber Fiber, laneGbps float64) (Power, bool) {
	k := laserNone
	for i, key := range LaserKeys {
		if key != "" && key == kind {
			k = laserKind(i)
		}
	}
	p := defaultParams()
	lane, ok := lookupLane(&p, laneGbps)
	row := fiber.row()
	if k == laserNone || !ok || row == nil {
		return 0, false
	}
	return laserPower(&p, k, row, lane), true
}
