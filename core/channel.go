package core

import "math"

// Electrical channel physics: skin effect, conductor and dielectric loss of
// twinax cable and board traces, lumped transitions, and the paths each
// technology's signal takes before it is regenerated or becomes light.

// referenceFrequency is where the lumped transition and connector losses of
// the catalogue are given: the Nyquist frequency of a 200 Gb/s PAM4 lane.
const referenceFrequency = 53.125 * Gigahertz

// SkinDepth returns the depth at which current density in a good conductor
// falls to 1/e:
//
//	δ = 1 / sqrt(π f μ0 σ)
//
// with f in Hz, μ0 = 4π×10⁻⁷ H/m and σ in S/m. Copper (5.8×10⁷ S/m) gives
// 2.09 µm at 1 GHz and 0.41 µm at 26.56 GHz. Valid for f > 0 in a good
// conductor (σ ≫ ωε); f ≤ 0 or σ ≤ 0 gives +Inf.
//
// References: D. M. Pozar, Microwave Engineering, 4th ed., §1.7.
func SkinDepth(f Frequency, sigma Conductivity) Length {
	if f <= 0 || sigma <= 0 {
		return Length(math.Inf(1))
	}
	return Length(1 / math.Sqrt(math.Pi*float64(f)*Mu0*float64(sigma)))
}

// surfaceResistance returns R_s = 1/(σ δ) = sqrt(π f μ0 / σ), in ohms per
// square.
func surfaceResistance(f Frequency, sigma Conductivity) float64 {
	if f <= 0 || sigma <= 0 {
		return 0
	}
	return math.Sqrt(math.Pi * float64(f) * Mu0 / float64(sigma))
}

// AWGDiameter returns the diameter of a solid wire of American Wire Gauge n:
//
//	d = 0.127 mm × 92^((36 − n)/39)
//
// (exact by definition; ASTM B258). 26 AWG is 0.405 mm, 32 AWG 0.202 mm.
func AWGDiameter(n int) Length {
	return Length(0.127e-3 * math.Pow(92, float64(36-n)/39))
}

// Gauges lists the twinax wire gauges the model knows.
var Gauges = []int{26, 28, 30, 32}

// LossSplit is an attenuation split into its conductor (skin effect,
// ~sqrt f) and dielectric (~f) parts.
type LossSplit struct {
	Conductor  Attenuation
	Dielectric Attenuation
}

// Total returns the sum of both parts.
func (s LossSplit) Total() Attenuation { return s.Conductor + s.Dielectric }

// twinaxLoss returns the attenuation of one differential twinax pair at f:
//
//	α_c = 8.686 · K · R_loop / (2 Z_d),  R_loop = 2 R_s / (π d)   [dB/m]
//	α_d = 8.686 · π f sqrt(ε_r) tan δ / c                        [dB/m]
//
// R_s the surface resistance at f, d the wire diameter of the gauge, Z_d the
// differential impedance, K the calibrated factor for roughness, proximity
// effect and plating over a smooth isolated wire, ε_r and tan δ those of the
// foamed dielectric. This is the fitted form IL(f) = a1 sqrt(f) + a2 f per
// metre (Healey, IEEE P802.3ba, 2009) with a1 and a2 from the geometry.
func twinaxLoss(p *paramSet, awg int, f Frequency) LossSplit {
	rs := surfaceResistance(f, p.conductivity(pCuSigma))
	d := float64(AWGDiameter(awg))
	rLoop := 2 * rs / (math.Pi * d)
	ac := neperToDB * p.ratio(pTwinaxRough) * rLoop / (2 * p.raw(pTwinaxZ))
	ad := neperToDB * math.Pi * float64(f) * math.Sqrt(p.ratio(pTwinaxEr)) * p.ratio(pTwinaxTand) / SpeedOfLight
	return LossSplit{Conductor: Attenuation(ac), Dielectric: Attenuation(ad)}
}

// twinaxDelay returns the propagation delay per metre of twinax,
// sqrt(ε_r) / c.
func twinaxDelay(p *paramSet) Time {
	return Time(math.Sqrt(p.ratio(pTwinaxEr)) / SpeedOfLight)
}

// traceLoss returns the attenuation of a board or package trace of width w
// and line impedance Z0 at f:
//
//	α_c = 4.343 · R_s / (w Z0)                 [dB/m]
//	α_d = 8.686 · π f sqrt(D_k) D_f / c        [dB/m]
//
// These are Bogatin's rules of thumb in SI (36/(w[mil] Z0) sqrt(f[GHz]) and
// 2.31 f[GHz] D_f sqrt(D_k) dB/inch). They ignore surface roughness and the
// return path, so they are a floor, adequate at the tens-of-GHz scale.
//
// References: E. Bogatin, Signal and Power Integrity—Simplified, ch. 9.
func traceLoss(p *paramSet, f Frequency, width Length, z0, dk, df float64) LossSplit {
	rs := surfaceResistance(f, p.conductivity(pCuSigma))
	ac := neperToDB / 2 * rs / (float64(width) * z0)
	ad := neperToDB * math.Pi * float64(f) * math.Sqrt(dk) * df / SpeedOfLight
	return LossSplit{Conductor: Attenuation(ac), Dielectric: Attenuation(ad)}
}

// boardLoss is the host board trace at f, on the laminate of the lane's
// generation.
func boardLoss(p *paramSet, lane laneSpec, f Frequency) LossSplit {
	return traceLoss(p, f, p.length(pPCBWidth), p.raw(pPCBZ0), p.ratio(pPCBDk), p.ratio(lane.dfID))
}

// packageLoss is the package substrate trace at f.
func packageLoss(p *paramSet, f Frequency) LossSplit {
	return traceLoss(p, f, p.length(pPkgWidth), 50, p.ratio(pPkgDk), p.ratio(pPkgDf))
}

// lumped scales a loss given at the reference frequency linearly with f.
func lumped(ref Decibel, f Frequency) Decibel {
	return Decibel(float64(ref) * float64(f/referenceFrequency))
}

// Segment is one piece of an electrical path.
type Segment struct {
	Name   string
	Length Length
	Loss   Decibel
	Delay  Time
}

const maxSegments = 16

// Path is an electrical path: a list of segments.
type Path struct {
	seg [maxSegments]Segment
	n   int
}

func (p *Path) add(name string, l Length, loss Decibel, delay Time) {
	if p.n < maxSegments {
		p.seg[p.n] = Segment{Name: name, Length: l, Loss: loss, Delay: delay}
		p.n++
	}
}

func (p *Path) addSegment(s Segment) { p.add(s.Name, s.Length, s.Loss, s.Delay) }

func (p *Path) addPath(q *Path) {
	for i := 0; i < q.n; i++ {
		s := q.seg[i]
		p.add(s.Name, s.Length, s.Loss, s.Delay)
	}
}

// Segments returns a copy of the path's segments.
func (p *Path) Segments() []Segment { return append([]Segment(nil), p.seg[:p.n]...) }

// Length returns the path's total length.
func (p *Path) Length() Length {
	var l Length
	for i := 0; i < p.n; i++ {
		l += p.seg[i].Length
	}
	return l
}

// Loss returns the path's total loss.
func (p *Path) Loss() Decibel {
	var d Decibel
	for i := 0; i < p.n; i++ {
		d += p.seg[i].Loss
	}
	return d
}

// Delay returns the path's propagation delay.
func (p *Path) Delay() Time {
	var t Time
	for i := 0; i < p.n; i++ {
		t += p.seg[i].Delay
	}
	return t
}

func traceDelay(l Length, dk float64) Time {
	return Time(float64(l) * math.Sqrt(dk) / SpeedOfLight)
}

// packageEscape adds the ASIC die bump, its package escape trace and the
// ball-grid transition.
func packageEscape(p *paramSet, path *Path, f Frequency) {
	tr := lumped(p.decibel(pTransition), f)
	path.add("die bump", 0, tr, 0)
	esc := p.length(pPkgEscape)
	path.add("package trace", esc, packageLoss(p, f).Total().Over(esc), traceDelay(esc, p.ratio(pPkgDk)))
	path.add("ball grid", 0, tr, 0)
}

// copperHostPath is the path from the ASIC die to a copper-cable cage: die
// bump, package escape, ball grid, board trace, mated connector.
func copperHostPath(p *paramSet, lane laneSpec) Path {
	var path Path
	f := lane.Nyquist()
	packageEscape(p, &path, f)
	l := p.length(pCRHostTrace)
	path.add("board trace", l, boardLoss(p, lane, f).Total().Over(l), traceDelay(l, p.ratio(pPCBDk)))
	path.add("cage connector", 0, lumped(p.decibel(pConnector), f), 0)
	return path
}

// moduleHostPath is the path from the ASIC die to the DSP or driver inside
// a pluggable module: package escape, board trace to the cage, connector,
// the module's own trace and the bump of its first chip. This is the
// "tens of centimetres" stage of the three-step compression.
func moduleHostPath(p *paramSet, lane laneSpec) Path {
	var path Path
	f := lane.Nyquist()
	packageEscape(p, &path, f)
	l := p.length(pC2MHostTrace)
	path.add("board trace", l, boardLoss(p, lane, f).Total().Over(l), traceDelay(l, p.ratio(pPCBDk)))
	path.add("cage connector", 0, lumped(p.decibel(pConnector), f), 0)
	m := p.length(pModuleTrace)
	path.add("module trace", m, boardLoss(p, lane, f).Total().Over(m), traceDelay(m, p.ratio(pPCBDk)))
	path.add("module chip bump", 0, lumped(p.decibel(pTransition), f), 0)
	return path
}

// cpoPath is the path from the ASIC die to a co-packaged optical engine: a
// bump, a few millimetres of package trace, the engine's bump.
func cpoPath(p *paramSet, lane laneSpec) Path {
	var path Path
	f := lane.Nyquist()
	tr := lumped(p.decibel(pTransition), f)
	path.add("die bump", 0, tr, 0)
	l := p.length(pCPOTrace)
	path.add("package trace", l, packageLoss(p, f).Total().Over(l), traceDelay(l, p.ratio(pPkgDk)))
	path.add("engine bump", 0, tr, 0)
	return path
}

// paddlePath is the path from a cable's wires to the retimer inside an
// active electrical cable's plug: paddle-card trace and the retimer's bump.
func paddlePath(p *paramSet, lane laneSpec) Path {
	var path Path
	f := lane.Nyquist()
	m := p.length(pModuleTrace)
	path.add("paddle trace", m, boardLoss(p, lane, f).Total().Over(m), traceDelay(m, p.ratio(pPCBDk)))
	path.add("retimer bump", 0, lumped(p.decibel(pTransition), f), 0)
	return path
}

// cableSegment is a run of twinax of the given gauge and length.
func cableSegment(p *paramSet, lane laneSpec, awg int, l Length) Segment {
	return Segment{
		Name:   "twinax cable",
		Length: l,
		Loss:   twinaxLoss(p, awg, lane.Nyquist()).Total().Over(l),
		Delay:  Time(float64(twinaxDelay(p)) * float64(l)),
	}
}

// TwinaxLoss returns the loss per metre of a twinax pair of the given gauge
// at frequency f, with the default catalogue.
func TwinaxLoss(awg int, f Frequency) LossSplit {
	p := defaultParams()
	return twinaxLoss(&p, awg, f)
}

// BoardTraceLoss returns the loss per metre of a host board trace at f, on
// the laminate of the given lane rate's generation (Gb/s), with the default
// catalogue. Unknown lane rates use the ultra-low-loss laminate.
func BoardTraceLoss(laneGbps float64, f Frequency) LossSplit {
	p := defaultParams()
	lane, ok := lookupLane(&p, laneGbps)
	if !ok {
		lane.dfID = pPCBDfULL
	}
	return boardLoss(&p, lane, f)
}
