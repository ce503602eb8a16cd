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

// SegmentKind says what a segment of an electrical path is.
type SegmentKind uint8

// Segment kinds.
const (
	SegTrace      SegmentKind = iota // a board, package or module trace
	SegCable                         // a twinax run
	SegTransition                    // a bump, a ball grid, a connector: no length
	SegRetimer                       // the bump of a chip that regenerates the signal (a cable's retimer)
)

// Segment is one piece of an electrical path.
type Segment struct {
	_      noCompare
	Name   string
	Kind   SegmentKind
	Length Length
	Loss   Decibel
	Delay  Time
}

const maxSegments = 16

// Path is an electrical path: a list of segments. A traced run gives the
// path a scope (scopeSegment, scopeFarSeg), and segment i is then traced in
// scope+i.
type Path struct {
	seg [maxSegments]Segment
	n   int
	// the sums of the segments so far
	length Length
	loss   Decibel
	delay  Time
	scope  int // 0: not traced segment by segment
	mark   int // the open segment's trace mark
}

// begin starts the computation of the next segment (its length first).
func (path *Path) begin(p *paramSet) {
	if path.scope > 0 && p.tracing() {
		path.mark = p.open(path.scope + path.n)
		p.at(&segLength)
	}
}

// lossNext says the segment's length is done and its loss follows.
func (path *Path) lossNext(p *paramSet, l Length) {
	if path.mark > 0 {
		p.at(&segLoss)
		p.dep("ℓ", l.Millimetres(), "mm", -1, &segLength)
	}
}

// add appends a computed segment.
func (path *Path) add(p *paramSet, name string, kind SegmentKind, l Length, loss Decibel, delay Time) {
	path.addSegment(Segment{Name: name, Kind: kind, Length: l, Loss: loss, Delay: delay})
	if path.mark > 0 {
		p.close(path.mark)
		path.mark = 0
	}
}

func (path *Path) addSegment(s Segment) {
	if path.n < maxSegments {
		path.seg[path.n] = s
		path.n++
		path.length += s.Length
		path.loss += s.Loss
		path.delay += s.Delay
	}
}

func (path *Path) addPath(q *Path) {
	for i := 0; i < q.n; i++ {
		path.addSegment(q.seg[i])
	}
}

// Segments returns a copy of the path's segments.
func (path *Path) Segments() []Segment { return append([]Segment(nil), path.seg[:path.n]...) }

// Length returns the path's total length.
func (path *Path) Length() Length { return path.length }

// Loss returns the path's total loss.
func (path *Path) Loss() Decibel { return path.loss }

// Delay returns the path's propagation delay.
func (path *Path) Delay() Time { return path.delay }

func traceDelay(l Length, dk float64) Time {
	return Time(float64(l) * math.Sqrt(dk) / SpeedOfLight)
}

// Formulas of the segments.
const (
	fTraceLength = "ℓ: the catalogue length of this trace"
	fLumpLength  = "0: a transition has no length"
	fTraceLoss   = "L = α(f_N) × ℓ, α = 4.343·R_s/(w·Z0) + 8.686·π·f·√D_k·D_f/c, R_s = √(π·f·μ0/σ) (Bogatin)"
	fLumpLoss    = "L = L_ref × f_N / 53.125 GHz"
	fCableLength = "L: the link's length"
	fCableLoss   = "L = α(f_N) × L, α = 8.686·K·R_s/(π·d·Z_d) + 8.686·π·f·√ε_r·tanδ/c (Healey's form)"
)

// lump adds a lumped transition (a bump, a ball, a connector) whose loss is
// the catalogue's at 53.125 GHz scaled to f.
func lump(p *paramSet, path *Path, name string, ref paramID, f Frequency) {
	lumpKind(p, path, name, SegTransition, ref, f)
}

// lumpKind is lump for a transition of another kind (a retimer's bump).
func lumpKind(p *paramSet, path *Path, name string, kind SegmentKind, ref paramID, f Frequency) {
	path.begin(p)
	p.formula(fLumpLength)
	path.lossNext(p, 0)
	p.formula(fLumpLoss)
	p.in("L_ref", p.raw(ref), "dB")
	p.in("f_N", f.GHz(), "GHz")
	path.add(p, name, kind, 0, lumped(p.decibel(ref), f), 0)
}

// trace adds a trace of catalogue length lp with loss per metre alpha (a
// function, so that a traced run reads its parameters in the loss's
// scope) and dielectric constant dk.
func trace(p *paramSet, path *Path, name string, lp paramID, f Frequency, alpha func() Attenuation, dk paramID) {
	path.begin(p)
	p.formula(fTraceLength)
	l := p.length(lp)
	path.lossNext(p, l)
	p.formula(fTraceLoss)
	a := alpha()
	p.in("α(f_N)", float64(a), "dB/m")
	path.add(p, name, SegTrace, l, a.Over(l), traceDelay(l, p.ratio(dk)))
}

// buildPath appends path k of a lane to path.
func buildPath(p *paramSet, k pathKind, lane laneSpec, path *Path) {
	m := p.quiet()
	defer p.close(m)
	f := lane.Nyquist()
	board := func() Attenuation { return boardLoss(p, lane, f).Total() }
	pkg := func() Attenuation { return packageLoss(p, f).Total() }
	switch k {
	case pathCopperHost:
		// ASIC die to a copper-cable cage: die bump, package escape, ball
		// grid, board trace, mated connector.
		packageEscape(p, path, f, pkg)
		trace(p, path, "board trace", pCRHostTrace, f, board, pPCBDk)
		lump(p, path, "cage connector", pConnector, f)
	case pathModuleHost:
		// ASIC die to the DSP or driver inside a pluggable module: package
		// escape, board trace to the cage, connector, the module's own
		// trace and the bump of its first chip. This is the "tens of
		// centimetres" stage of the three-step compression.
		packageEscape(p, path, f, pkg)
		trace(p, path, "board trace", pC2MHostTrace, f, board, pPCBDk)
		lump(p, path, "cage connector", pConnector, f)
		trace(p, path, "module trace", pModuleTrace, f, board, pPCBDk)
		lump(p, path, "module chip bump", pTransition, f)
	case pathPackage:
		// ASIC die to a co-packaged optical engine: a bump, a few
		// millimetres of package trace, the engine's bump.
		lump(p, path, "die bump", pTransition, f)
		trace(p, path, "package trace", pCPOTrace, f, pkg, pPkgDk)
		lump(p, path, "engine bump", pTransition, f)
	case pathNearPackage:
		// ASIC die to a near-packaged engine on the board: the package
		// escape, a few centimetres of board, the engine's socket and bump.
		packageEscape(p, path, f, pkg)
		trace(p, path, "board trace", pNPOTrace, f, board, pPCBDk)
		lump(p, path, "engine socket", pConnector, f)
		lump(p, path, "engine bump", pTransition, f)
	case pathPlug:
		// A cable's plug: its paddle card from the cage connector to the
		// wires, and the wires' termination on it.
		trace(p, path, "plug paddle card", pPlugTrace, f, board, pPCBDk)
		lump(p, path, "wire termination", pTransition, f)
	case pathRetimer:
		// The retimer on an active cable's paddle card: its bump.
		lumpKind(p, path, "retimer bump", SegRetimer, pTransition, f)
	}
}

// packageEscape adds the ASIC die bump, its package escape trace and the
// ball-grid transition.
func packageEscape(p *paramSet, path *Path, f Frequency, pkg func() Attenuation) {
	lump(p, path, "die bump", pTransition, f)
	trace(p, path, "package trace", pPkgEscape, f, pkg, pPkgDk)
	lump(p, path, "ball grid", pTransition, f)
}

// cableSegment is a run of twinax of the given gauge and length.
func cableSegment(p *paramSet, lane laneSpec, awg int, l Length) Segment {
	return cableSegmentAt(p, twinaxLoss(p, awg, lane.Nyquist()).Total(), l)
}

// cableSegmentAt is cableSegment with the loss per metre known.
func cableSegmentAt(p *paramSet, alpha Attenuation, l Length) Segment {
	return Segment{
		Name:   "twinax cable",
		Kind:   SegCable,
		Length: l,
		Loss:   alpha.Over(l),
		Delay:  Time(float64(twinaxDelay(p)) * float64(l)),
	}
}

// cableInto appends the twinax run to a path, traced as its own segment.
func cableInto(p *paramSet, lane laneSpec, awg int, l Length, path *Path) {
	path.begin(p)
	p.formula(fCableLength)
	p.in("L", l.Metres(), "m")
	path.lossNext(p, l)
	p.formula(fCableLoss)
	p.in("AWG", float64(awg), "")
	p.in("f_N", lane.Nyquist().GHz(), "GHz")
	c := cableSegment(p, lane, awg, l)
	path.add(p, c.Name, c.Kind, c.Length, c.Loss, c.Delay)
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
