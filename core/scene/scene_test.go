package scene

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"

	"github.com/cpocalc/cpocalc/core"
)

func defaults() Params { return FromScenario(core.DefaultScenario()) }

func mustNew(t *testing.T, p Params, reduced bool) *Model {
	t.Helper()
	m, err := New(p, reduced)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// The amplitude at the end of the path is the voltage ratio of the path's
// loss in dB, and it never grows along the path.
func TestAmplitudeFollowsLoss(t *testing.T) {
	m := mustNew(t, defaults(), false)
	for i, st := range m.Stages {
		if st.Tech == core.AEC {
			continue // retimed: checked below
		}
		end := st.Amplitude(st.PathLength)
		want := math.Pow(10, -float64(st.Loss)/20)
		if math.Abs(end-want) > 1e-9 {
			t.Errorf("stage %d: amplitude %v at the end, want 10^(−%v/20) = %v", i, end, st.Loss, want)
		}
		if st.Amplitude(0) != 1 {
			t.Errorf("stage %d: amplitude %v at the die", i, st.Amplitude(0))
		}
		prev := 2.0
		for k := 0; k <= 100; k++ {
			a := st.Amplitude(st.PathLength * core.Length(k) / 100)
			if a > prev+1e-12 {
				t.Errorf("stage %d: amplitude grows at %d%%", i, k)
			}
			prev = a
		}
	}
	// The pulses carry it.
	for _, p := range m.Pulses(Copper) {
		if p.Amplitude != m.Stages[Copper].Amplitude(p.Position) {
			t.Error("pulse amplitude differs from the path's")
		}
	}
}

// The three-step compression: the path shrinks stage by stage, and so do
// its loss and its energy per bit (copper's energy aside, which is low:
// its cost is reach).
func TestPathScalesWithStage(t *testing.T) {
	m := mustNew(t, defaults(), false)
	c, p, o := m.Stages[Copper], m.Stages[Pluggable], m.Stages[CPO]
	if !(c.PathLength > p.PathLength && p.PathLength > o.PathLength) {
		t.Errorf("paths %v, %v, %v do not shrink", c.PathLength, p.PathLength, o.PathLength)
	}
	if !(c.Loss > p.Loss && p.Loss > o.Loss) {
		t.Errorf("losses %v, %v, %v do not fall", c.Loss, p.Loss, o.Loss)
	}
	if !(m.Compression(Copper) > m.Compression(Pluggable) && m.Compression(Pluggable) > m.Compression(CPO)) {
		t.Error("compression axis out of order")
	}
	if !(o.EyeOpening() > p.EyeOpening()) {
		t.Errorf("eye: CPO %v, pluggable %v", o.EyeOpening(), p.EyeOpening())
	}
	// 3 m is beyond passive copper at 200 Gb/s: the copper stage takes
	// the retimed cable that reaches, whose retimers restore the signal.
	if c.Tech != core.AEC || !c.Feasible || c.EyeOpening() <= 0 {
		t.Errorf("3 m at 200 Gb/s: copper stage %s, feasible %v, eye %v", c.Tech, c.Feasible, c.EyeOpening())
	}
	if c.Worst >= c.Loss {
		t.Errorf("retimers should split the loss: worst stretch %v of %v", c.Worst, c.Loss)
	}
	// Past the retimer the amplitude starts again.
	var pos core.Length
	for _, pc := range c.Profile {
		pos += pc.Length
		if pc.Kind == core.SegRetimer {
			if a := c.Amplitude(pos + core.Millimetre); a < 0.9 {
				t.Errorf("just past a retimer the amplitude is %v", a)
			}
			break
		}
	}
	// A cable that reaches nothing at this rate fails, eye shut.
	far := mustNew(t, Params{LaneGbps: 200, LengthM: 30, Tech: core.Auto}, false)
	if st := far.Stages[Copper]; st.Feasible || st.EyeOpening() != 0 {
		t.Errorf("30 m of copper: feasible %v, eye %v", st.Feasible, st.EyeOpening())
	}
	// The pluggable module is the hottest end; CPO's engine is cooler.
	_, plug := m.Heat(Pluggable)
	_, cpo := m.Heat(CPO)
	if !(plug == 1 && cpo < plug) {
		t.Errorf("device heat: pluggable %v, CPO %v", plug, cpo)
	}
}

// The eye closes as the lane rate rises.
func TestEyeClosesWithLaneRate(t *testing.T) {
	prev := 2.0
	for _, lane := range []float64{25, 50, 100, 200} {
		m := mustNew(t, Params{LaneGbps: lane, LengthM: 0.5, Tech: core.DAC}, false)
		e := m.Stages[Copper].EyeOpening()
		if !(e < prev) {
			t.Errorf("eye at %g Gb/s is %v, not below %v", lane, e, prev)
		}
		prev = e
	}
}

// Ticks are deterministic: the same updates give the same frame.
func TestDeterministic(t *testing.T) {
	a, b := mustNew(t, defaults(), false), mustNew(t, defaults(), false)
	for i := 0; i < 1000; i++ {
		a.Update()
		b.Update()
	}
	if !reflect.DeepEqual(a.Pulses(Pluggable), b.Pulses(Pluggable)) || a.Current != b.Current || a.Blend != b.Blend {
		t.Error("two models with the same inputs differ")
	}
}

// Paused or hidden, nothing moves; playing, the pulses move.
func TestPauseAndVisibility(t *testing.T) {
	m := mustNew(t, defaults(), false)
	before := m.Pulses(Copper)
	m.Update()
	if reflect.DeepEqual(before, m.Pulses(Copper)) {
		t.Error("playing, the pulses did not move")
	}
	m.Toggle()
	still := m.Pulses(Copper)
	for i := 0; i < 100; i++ {
		m.Update()
	}
	if !reflect.DeepEqual(still, m.Pulses(Copper)) {
		t.Error("paused, the pulses moved")
	}
	m.Toggle()
	m.Visible = false
	for i := 0; i < 100; i++ {
		m.Update()
	}
	if !reflect.DeepEqual(still, m.Pulses(Copper)) {
		t.Error("hidden, the pulses moved")
	}
}

// Reduced motion starts paused, with pulses spread along the path.
func TestReducedMotion(t *testing.T) {
	m := mustNew(t, defaults(), true)
	if m.Playing {
		t.Error("reduced motion started playing")
	}
	ps := m.Pulses(Pluggable)
	if ps[0].Position <= 0 || ps[0].Position >= m.Stages[Pluggable].PathLength {
		t.Errorf("still frame pulse at %v", ps[0].Position)
	}
	m.Next()
	if m.Current != Pluggable && m.Current != Copper+1 {
		t.Errorf("paused, next should jump: %d", m.Current)
	}
}

// The tour visits every stage in order, then the three on one scale,
// with transitions of the stated length; light outruns the electrical
// signal in its fibre.
func TestTourAndTransitions(t *testing.T) {
	m := mustNew(t, defaults(), false)
	seen := []int{m.Current}
	compared := false
	for i := 0; i < NumStages*(DwellTicks+TransitionTicks)+DwellTicks+2*ZoomTicks+10; i++ {
		m.Update()
		if m.Current != seen[len(seen)-1] {
			seen = append(seen, m.Current)
		}
		if m.Zoom == 0 && m.Mode == CompareMode {
			compared = true
			if seen[len(seen)-1] != CPO {
				t.Fatalf("the compare view came after stage %d, not CPO", seen[len(seen)-1])
			}
		}
	}
	if !reflect.DeepEqual(seen[:NumStages+1], []int{Copper, Pluggable, CPO, Copper}) || !compared {
		t.Errorf("tour visited %v, the compare view %v", seen, compared)
	}
	m.Tour = false
	m.Go(CPO)
	for i := 0; i < TransitionTicks; i++ {
		m.Update()
	}
	if m.Current != CPO {
		t.Errorf("transition unfinished after %d ticks", TransitionTicks)
	}
	if len(m.LightPulses(Copper, 1)) != 0 || len(m.LightPulses(CPO, 1)) != Pulses {
		t.Error("light pulses: copper has none, CPO has fibre")
	}
	m.SetSpeed(100)
	if m.Speed != 4 {
		t.Errorf("speed %v, want 4 at most", m.Speed)
	}
}

func TestBadParams(t *testing.T) {
	for _, p := range []Params{{LaneGbps: 200, LengthM: 0}, {LaneGbps: 123, LengthM: 1}, {LaneGbps: 200, LengthM: math.NaN()}} {
		if _, err := New(p, false); err == nil {
			t.Errorf("%+v accepted", p)
		}
	}
}

// The eye agrees with core's verdict: open exactly where core says the
// link works, and as open as core's margin leaves it.
func TestEyeIsCoresMargin(t *testing.T) {
	for _, lane := range core.LaneRates {
		for _, l := range []float64{0.3, 1, 2, 5, 30, 300} {
			for _, copper := range core.TechsWhere(core.Tech.Copper) {
				m := mustNew(t, Params{LaneGbps: lane, Lanes: 4, LengthM: l, Tech: core.Auto, Copper: copper}, false)
				for i, st := range m.Stages {
					link, err := core.EvaluateLink(core.Link{Tech: st.Tech, LaneGbps: lane, Lanes: 4, LengthM: l})
					if err != nil {
						t.Fatal(err)
					}
					open := st.EyeOpening()
					if (open > 0) != (link.Feasible && link.Margin() > 0) {
						t.Errorf("%g G, %g m, stage %d (%s): eye %v, core feasible %v margin %v", lane, l, i, st.Tech, open, link.Feasible, link.Margin())
					}
					if link.Feasible && math.Abs(open-math.Min(1, float64(link.Margin()/link.ChannelBudget))) > 1e-12 {
						t.Errorf("%g G, %g m, stage %d: eye %v is not core's margin share", lane, l, i, open)
					}
				}
			}
		}
	}
}

// The parameters the calculator sends come from the evaluated cluster: the
// first tier, and the copper the all-copper comparison chose there.
func TestFromResult(t *testing.T) {
	r, err := core.Evaluate(core.DefaultScenario())
	if err != nil {
		t.Fatal(err)
	}
	p := FromResult(&r)
	if p.LaneGbps != 200 || p.Lanes != 4 || p.LengthM != 3 || p.Tech != core.Auto || p.Copper != r.ByStage[0].Tiers[0] {
		t.Errorf("%+v", p)
	}
}

// The animation's own page evaluates only the first tier of a scenario,
// and takes from it what the calculator takes from the whole cluster.
func TestFromScenarioIsFromResult(t *testing.T) {
	scenarios := []core.Scenario{core.DefaultScenario()}
	for _, edit := range []func(*core.Scenario){
		func(s *core.Scenario) { s.Tiers[0].Tech = core.AEC },
		func(s *core.Scenario) { s.Tiers[0].Tech = core.CPO; s.Tiers[0].LengthM = 1 },
		func(s *core.Scenario) { s.LaneGbps = 100 },
		func(s *core.Scenario) { s.LaneGbps = 400; s.Tiers[0].LengthM = 5 },
		func(s *core.Scenario) { s.Tiers[0].LengthM = 40 },
		func(s *core.Scenario) {
			s.GPUs = 64
			s.ScaleUp.DomainGPUs = 8
			s.Params = map[string]float64{"twinax_loss_factor": 2}
		},
		func(s *core.Scenario) { s.ScaleOut.PortGbps = 1600 },
	} {
		s := core.DefaultScenario()
		s.Tiers = append([]core.Tier(nil), s.Tiers...)
		edit(&s)
		scenarios = append(scenarios, s)
	}
	for i, s := range scenarios {
		r, err := core.Evaluate(s)
		if err != nil {
			t.Fatalf("scenario %d: %v", i, err)
		}
		want, got := FromResult(&r), FromScenario(s)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("scenario %d: from the first tier %+v, from the cluster %+v", i, got, want)
		}
	}
}

// One update of the animation's numbers: three links, one per stage.
func BenchmarkSetParams(b *testing.B) {
	m, err := New(defaults(), false)
	if err != nil {
		b.Fatal(err)
	}
	p := defaults()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		p.LengthM = 2 + float64(i%5)
		if err := m.SetParams(p); err != nil {
			b.Fatal(err)
		}
	}
}

type taggedParams Params

// The writer and the reader say what the tags say.
func TestParamsJSON(t *testing.T) {
	for _, p := range []Params{defaults(), {LaneGbps: 100, Tech: core.CPO, Params: map[string]float64{"b": 1, "a": 2}}} {
		got, _ := p.MarshalJSON()
		want, _ := json.Marshal(taggedParams(p))
		if string(got) != string(want) {
			t.Errorf("params write %s, their tags say %s", got, want)
		}
		var back, tagged Params
		err1 := back.UnmarshalJSON(got)
		err2 := json.Unmarshal(got, (*taggedParams)(&tagged))
		if err1 != nil || err2 != nil || !reflect.DeepEqual(back, tagged) {
			t.Errorf("%s reads as %+v (%v), its tags read %+v (%v)", got, back, err1, tagged, err2)
		}
	}
}

func TestParamsJSONErrors(t *testing.T) {
	for _, in := range []string{`[]`, `{"lanes": 1.5}`, `{"tech": 3}`, `{"x": 1}`, `{"params": {"a": "b"}}`, `{`} {
		var p Params
		if err := p.UnmarshalJSON([]byte(in)); err == nil {
			t.Errorf("%s was read", in)
		}
	}
}

// The compare view draws the three paths on one scale, copper longest;
// the camera zooms from it to a stage's own scale in ZoomTicks ticks,
// the same way every time, and back.
func TestCompareOneScale(t *testing.T) {
	m := mustNew(t, defaults(), false)
	m.SetMode(CompareMode)
	if m.Zoom != 1 || !m.Playing {
		t.Fatalf("playing: the camera should start where it was (zoom %v)", m.Zoom)
	}
	for k := 0; k < ZoomTicks; k++ {
		m.Update()
	}
	if m.Zoom != 0 || !m.Comparing() {
		t.Fatalf("after %d ticks the zoom is %v", ZoomTicks, m.Zoom)
	}
	const w = 600.0
	c := m.CompareScale(w)
	for i := range m.Stages {
		if got := m.Scale(i, w, w/2); math.Abs(got-c) > 1e-12*c {
			t.Errorf("stage %d drawn at %v mm/px in the compare view, the common scale is %v", i, got, c)
		}
	}
	mm := func(i int) float64 { return m.Stages[i].PathLength.Millimetres() }
	if !(mm(Copper) > mm(Pluggable) && mm(Pluggable) > mm(CPO)) {
		t.Errorf("paths %v, %v, %v mm: not copper > pluggable > CPO", mm(Copper), mm(Pluggable), mm(CPO))
	}
	if px := mm(Copper) / c; math.Abs(px-w) > 1e-9 {
		t.Errorf("the longest path takes %v px of %v", px, w)
	}
	// Zooming into CPO: its own scale at the end, geometric on the way.
	m.Go(CPO)
	if m.Mode != StageMode || m.Target != CPO {
		t.Fatalf("Go from the compare view: mode %v, stage %d", m.Mode, m.Target)
	}
	var scales []float64
	for k := 0; k < ZoomTicks; k++ {
		m.Update()
		scales = append(scales, m.Scale(CPO, w, w/2))
	}
	if got, want := scales[len(scales)-1], m.StageScale(CPO, w/2); math.Abs(got-want) > 1e-12*want || m.Zoom != 1 {
		t.Errorf("after the zoom CPO is at %v mm/px, its own scale is %v", got, want)
	}
	for k := 1; k < len(scales); k++ {
		if scales[k] > scales[k-1] {
			t.Errorf("the camera zoomed out at tick %d", k)
		}
	}
	// Deterministic: the same ticks give the same camera.
	halfway := func() *Model {
		m := mustNew(t, defaults(), false)
		m.SetMode(CompareMode)
		for k := 0; k < ZoomTicks; k++ {
			m.Update()
		}
		m.Go(CPO)
		for k := 0; k < ZoomTicks/2; k++ {
			m.Update()
		}
		return m
	}
	m2, m3 := halfway(), halfway()
	if m2.Zoom != m3.Zoom || m2.Scale(CPO, w, w/2) != m3.Scale(CPO, w, w/2) {
		t.Error("the same ticks gave two cameras")
	}
	// Paused, a mode is there at once; a bad name is refused.
	m.Playing = false
	m.SetMode(CompareMode)
	if m.Zoom != 0 {
		t.Errorf("paused: zoom %v", m.Zoom)
	}
	if _, err := ParseMode("zoom"); err == nil {
		t.Error("ParseMode took a bad name")
	}
}

// In the compare view one clock drives the three paths: pulses cross each
// in its real transit time, so a path holds pulses in proportion to it.
func TestComparePulsesFollowTransit(t *testing.T) {
	m := mustNew(t, defaults(), false)
	m.SetMode(CompareMode)
	counts := [NumStages]int{}
	const ticks = 20 * PulseTicks
	for k := 0; k < ticks; k++ {
		m.Update()
		for i := range m.Stages {
			counts[i] += len(m.ComparePulses(i))
			for _, p := range m.ComparePulses(i) {
				if p.Position < 0 || p.Position > m.Stages[i].PathLength || math.Abs(p.Amplitude-m.Stages[i].Amplitude(p.Position)) > 1e-12 {
					t.Fatalf("stage %d: pulse %+v", i, p)
				}
			}
		}
	}
	for i := range m.Stages {
		want := float64(counts[Copper]) * m.transit(i) / m.transit(Copper)
		if math.Abs(float64(counts[i])-want) > 0.02*float64(counts[Copper])+2 {
			t.Errorf("stage %d: %d pulse-ticks, want about %.0f (transit %v s against copper's %v s)", i, counts[i], want, m.transit(i), m.transit(Copper))
		}
	}
}

// Light in the compare view moves at c over the fibre's group index
// against the electrical pulses' speed on their path, on the same clock.
func TestCompareLightSpeed(t *testing.T) {
	m := mustNew(t, defaults(), false)
	m.SetMode(CompareMode)
	i := Pluggable
	st := &m.Stages[i]
	a := m.CompareLight(i, 1e6)
	m.Update()
	b := m.CompareLight(i, 1e6)
	if len(a) == 0 || len(b) == 0 {
		t.Fatal("no light pulses")
	}
	light := b[len(b)-1] - a[len(a)-1] // mm per tick of the oldest pulse... the last is the furthest
	if len(b) != len(a) {
		light = b[0] - a[0]
	}
	// An electrical pulse's mm per tick on the same clock.
	slowest := 0.0
	for k := range m.Stages {
		slowest = math.Max(slowest, m.transit(k))
	}
	elec := st.PathLength.Millimetres() / (PulseTicks * m.transit(i) / slowest)
	if got, want := light/elec, st.LightVelocity/st.Velocity; math.Abs(got-want) > 1e-6*want {
		t.Errorf("light moves %v times the electrical pulse, want v_light/v_path = %v", got, want)
	}
	if want := core.SpeedOfLight / core.GroupIndex(core.SMF); math.Abs(st.LightVelocity-want) > 1e-6*want {
		t.Errorf("light velocity %v, want c/n = %v", st.LightVelocity, want)
	}
	if m.CompareLight(Copper, 1e6) != nil {
		t.Error("light in a copper cable")
	}
}

// The heat of each end is its own: the chip's SerDes and the link's
// device, against the hottest end of any stage.
func TestHeatEnds(t *testing.T) {
	m := mustNew(t, defaults(), false)
	top := 0.0
	for i := range m.Stages {
		chip, dev := m.Heat(i)
		st := &m.Stages[i]
		if st.HostWatts+st.DevWatts != st.Watts {
			t.Errorf("stage %d: %v + %v is not its %v", i, st.HostWatts, st.DevWatts, st.Watts)
		}
		if chip < 0 || chip > 1 || dev < 0 || dev > 1 {
			t.Errorf("stage %d: heat %v, %v", i, chip, dev)
		}
		top = math.Max(top, math.Max(chip, dev))
		if st.HostWatts > 0 && math.Abs(chip/dev-float64(st.HostWatts/st.DevWatts)) > 1e-9 && st.DevWatts > 0 {
			t.Errorf("stage %d: the glows' ratio is not the watts'", i)
		}
	}
	if top != 1 {
		t.Errorf("the hottest end glows %v, want 1", top)
	}
}

// The canvas's keys and drag step the lane rate through the known rates
// and the length by tenths of a decade, within bounds.
func TestSteps(t *testing.T) {
	if StepLane(200, 1) != 400 || StepLane(200, -1) != 100 || StepLane(400, 1) != 400 || StepLane(25, -3) != 25 || StepLane(190, 0) != 200 {
		t.Error("StepLane")
	}
	if got := StepLength(1, 10); got != 10 {
		t.Errorf("a decade up from 1 m: %v", got)
	}
	if got := StepLength(3, 1); got != 3.8 {
		t.Errorf("one step from 3 m: %v", got)
	}
	if StepLength(0.1, -5) != MinLengthM || StepLength(1500, 5) != MaxLengthM {
		t.Error("StepLength bounds")
	}
}

// The eye diagram's three eyes open at their centre by EyeOpening's share
// of a level's spacing: a channel with more margin shows a wider eye, a
// failed one a shut eye.
func TestEyeTracesFollowMargin(t *testing.T) {
	m := mustNew(t, defaults(), false)
	for i := range m.Stages {
		st := &m.Stages[i]
		tr := st.EyeTraces(200, 41)
		// At the centre, each trace sits near one of the four levels.
		var lo, hi [4]float64
		for k := range lo {
			lo[k], hi[k] = 2, -2
		}
		for _, p := range tr {
			y := p[20][1] // x = 0.5
			k := int(math.Round(y * 3))
			if k < 0 || k > 3 {
				t.Fatalf("stage %d: a symbol at %v", i, y)
			}
			lo[k], hi[k] = math.Min(lo[k], y), math.Max(hi[k], y)
		}
		opening := 1.0
		for k := 0; k < 3; k++ {
			opening = math.Min(opening, lo[k+1]-hi[k])
		}
		if want := st.EyeOpening() / 3; math.Abs(opening-want) > 1e-9 {
			t.Errorf("stage %d: the eyes open %v at the centre, want EyeOpening/3 = %v", i, opening, want)
		}
	}
	shut := mustNew(t, Params{LaneGbps: 200, LengthM: 30, Tech: core.Auto}, false).Stages[Copper]
	tr := shut.EyeTraces(100, 21)
	spread := 0.0
	for _, p := range tr {
		y := p[10][1]
		spread = math.Max(spread, math.Abs(y-math.Round(y*3)/3))
	}
	if math.Abs(spread-1.0/6) > 1e-9 {
		t.Errorf("a failed link's symbols scatter by %v, want half a level's spacing (shut)", spread)
	}
}

// Each stage knows its other technologies' paths, as core computes them:
// near-packaged optics between the pluggable's and co-packaged's.
func TestVariants(t *testing.T) {
	m := mustNew(t, defaults(), false)
	var npo *Variant
	for i := range m.Stages[CPO].Variants {
		if v := &m.Stages[CPO].Variants[i]; v.Tech == core.NPO {
			npo = v
		}
	}
	if npo == nil {
		t.Fatalf("the CPO stage's variants: %+v", m.Stages[CPO].Variants)
	}
	l, err := core.EvaluateLink(core.Link{Tech: core.NPO, LaneGbps: 200, Lanes: max(1, defaults().Lanes), LengthM: defaults().LengthM})
	if err == nil && l.ElectricalPath != npo.PathLength {
		t.Errorf("NPO's path %v, core says %v", npo.PathLength, l.ElectricalPath)
	}
	if !(npo.PathLength > m.Stages[CPO].PathLength && npo.PathLength < m.Stages[Pluggable].PathLength) {
		t.Errorf("NPO's path %v is not between CPO's %v and the pluggable's %v", npo.PathLength, m.Stages[CPO].PathLength, m.Stages[Pluggable].PathLength)
	}
	for i := range m.Stages {
		for _, v := range m.Stages[i].Variants {
			if v.Tech == m.Stages[i].Tech || v.Tech.Stage() != core.ArticleStages[i] {
				t.Errorf("stage %d lists %s", i, v.Tech)
			}
		}
	}
}
