// Package scene is the model of the three-step-compression animation: what
// each stage shows (numbers from core), where every pulse is, how bright it
// is, how open the eye, how hot the chip, tick by tick. It knows nothing of
// drawing or of the browser, so it is tested natively; the ebiten program
// in wasm/anim only draws what it says. Update advances exactly one tick of
// 1/TPS seconds; nothing here reads the clock.
package scene

import (
	"errors"
	"math"
	"strconv"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/wire"
)

// TPS is the number of ticks per second of animation time.
const TPS = 60

// Stage indexes the three stages of the article.
const (
	Copper = iota
	Pluggable
	CPO
	NumStages
)

// Piece is one piece of an electrical path, die first: a trace or cable
// with a length, or a lumped transition (a bump, a connector) of none.
type Piece struct {
	Name   string
	Kind   core.SegmentKind
	Length core.Length
	Loss   core.Decibel
}

// Stage is what one stage shows, from core.
type Stage struct {
	Key        core.Stage // the article's stage (core.ArticleStages)
	Tech       core.Tech
	Feasible   bool
	Reason     string
	Length     core.Length  // the link's length
	PathLength core.Length  // the electrical path
	Loss       core.Decibel // the whole path's
	Worst      core.Decibel // what the receiving SerDes equalises (core's channel loss)
	Budget     core.Decibel // what it may be (core's channel budget)
	Margin     core.Decibel // core's margin: Budget − Worst
	PJPerBit   core.EnergyPerBit
	Watts      core.Power // device and host SerDes, one end
	HostWatts  core.Power // the switch chip's SerDes driving the path, one end
	DevWatts   core.Power // the link's own device at that end (cable electronics, module, engine)
	Latency    core.Time
	Profile    []Piece // the path, die first
	Optical    bool    // the path ends in light (an engine or a module)
	Linear     bool    // nothing regenerates the signal before the far chip's SerDes
	Port       core.BitRate
	// Variants are the stage's other technologies, where the model puts
	// their electrical path (near-packaged optics beside co-packaged,
	// linear pluggables beside DSP ones): the compare view marks them.
	Variants []Variant
	// Velocity is the signal's speed on the electrical path (the cable's
	// for copper, the board's otherwise); LightVelocity in the fibre.
	Velocity      float64 // m/s
	LightVelocity float64 // m/s
}

// Variant is one more technology of a stage, and its electrical path.
type Variant struct {
	Tech       core.Tech
	PathLength core.Length
	Feasible   bool
}

// Params choose what the animation shows: the reader's lane rate, port
// and first tier (its length and technology), and the copper the copper
// stage shows there. The calculator sends them with every edit; they are
// what the animation draws, so it never re-reads the whole cluster.
type Params struct {
	LaneGbps float64            `json:"lane_gbps"`
	Lanes    int                `json:"lanes"` // lanes per port (0: one)
	LengthM  float64            `json:"length_m"`
	Tech     core.Tech          `json:"tech"`   // the first tier's technology (auto: start on copper)
	Copper   core.Tech          `json:"copper"` // the copper stage's cable ("": passive copper)
	Params   map[string]float64 `json:"params,omitempty"`
}

// MarshalJSON writes the parameters, in the order and with the names of
// their tags (the calculator sends them without encoding/json).
func (p Params) MarshalJSON() ([]byte, error) {
	return wire.Marshal(&p, paramsWire), nil
}

var paramsWire = []wire.Field[*Params]{
	{Name: "lane_gbps", Put: func(w *wire.W, p *Params) { w.Num(p.LaneGbps) }},
	{Name: "lanes", Put: func(w *wire.W, p *Params) { w.Int(p.Lanes) }},
	{Name: "length_m", Put: func(w *wire.W, p *Params) { w.Num(p.LengthM) }},
	{Name: "tech", Put: func(w *wire.W, p *Params) { w.Str(string(p.Tech)) }},
	{Name: "copper", Put: func(w *wire.W, p *Params) { w.Str(string(p.Copper)) }},
	{Name: "params", Put: func(w *wire.W, p *Params) { w.NumMap(p.Params) }, When: func(p *Params) bool { return len(p.Params) > 0 }},
}

// UnmarshalJSON reads the parameters the calculator sends (the animation
// links no encoding/json). Fields left out keep their value; an unknown
// field or a value of the wrong type is an error naming it.
func (p *Params) UnmarshalJSON(b []byte) error {
	v, err := wire.Parse(b)
	if err != nil {
		return err
	}
	if v.Kind != wire.Object {
		return errors.New("the parameters are not a JSON object")
	}
	for i, k := range v.Keys {
		x := &v.Items[i]
		ok := true
		switch k {
		case "lane_gbps":
			p.LaneGbps, ok = x.Float()
		case "lanes":
			p.Lanes, ok = x.Int()
		case "length_m":
			p.LengthM, ok = x.Float()
		case "tech", "copper":
			ok = x.Kind == wire.String
			if k == "tech" {
				p.Tech = core.Tech(x.Text)
			} else {
				p.Copper = core.Tech(x.Text)
			}
		case "params":
			ok = x.Kind == wire.Object
			if ok {
				p.Params = make(map[string]float64, len(x.Keys))
				for j, id := range x.Keys {
					f, good := x.Items[j].Float()
					if !good {
						return errors.New("params." + id + ": not a number")
					}
					p.Params[id] = f
				}
			}
		default:
			return errors.New(k + ": not a field of the animation's parameters")
		}
		if !ok && x.Kind != wire.Null {
			return errors.New(k + ": " + x.Describe() + " has the wrong type")
		}
	}
	return nil
}

// FromResult takes the animation's parameters from an evaluated cluster:
// its lane rate, port and first tier; the copper stage shows the tier's own
// cable when it is copper, else the copper the all-copper comparison puts
// there (the lowest-power cable that reaches, or the one reaching
// furthest).
func FromResult(r *core.Result) Params {
	s := r.Scenario
	p := Params{LaneGbps: s.LaneGbps, Lanes: r.PortLanes, LengthM: 3, Tech: core.Auto, Copper: core.DAC, Params: s.Params}
	if len(r.Tiers) > 0 {
		t := r.Tiers[0]
		p.LengthM, p.Tech = t.Length.Metres(), t.Requested
		if t.Tech.Copper() {
			p.Copper = t.Tech
		} else {
			for _, st := range r.ByStage {
				if st.Stage == copperComparison && st.Tiers[0].Copper() {
					p.Copper = st.Tiers[0]
				}
			}
		}
	}
	return p
}

// Prose is the link the explainer's prose describes, and the one the
// animation's own page shows when its address names no scenario: core's
// default link (1 m of an 800G port of four 200 Gb/s lanes), passive
// copper on the copper stage. An embed of the explainer's animation, its
// still picture and its oEmbed entry all show it.
func Prose() Params {
	l := core.DefaultLink()
	return Params{LaneGbps: l.LaneGbps, Lanes: l.Lanes, LengthM: l.LengthM, Tech: core.Auto, Copper: l.Tech}
}

// copperComparison is the by_stage entry of copper alone.
const copperComparison = "copper"

// FromScenario is FromResult of the scenario, from its first tier alone
// (core.EvaluateFirstTier: the rest of the cluster is not drawn); a
// scenario that does not evaluate gives the default one's.
func FromScenario(s core.Scenario) Params {
	ft, err := core.EvaluateFirstTier(s)
	if err != nil {
		s = core.DefaultScenario()
		ft, _ = core.EvaluateFirstTier(s)
	}
	p := Params{LaneGbps: ft.LaneGbps, Lanes: ft.PortLanes, LengthM: 3, Tech: core.Auto, Copper: core.DAC, Params: s.Params}
	if ft.Present {
		p.LengthM, p.Tech = ft.Length.Metres(), ft.Requested
		switch {
		case ft.Tech.Copper():
			p.Copper = ft.Tech
		case ft.Copper.Copper():
			p.Copper = ft.Copper
		}
	}
	return p
}

// Build evaluates the three stages with core, one link each: the copper
// the parameters name, a DSP pluggable and co-packaged optics, at the
// given lane rate and port.
func Build(p Params) ([NumStages]Stage, error) {
	var out [NumStages]Stage
	if !(p.LengthM > 0) || p.LengthM > 100000 {
		return out, errors.New("length must be above 0 and at most 100 km")
	}
	copper := p.Copper
	if !copper.Copper() {
		copper = core.DAC
	}
	// Each optical stage shows its first technology of the table (a DSP
	// pluggable, co-packaged optics), as the charts' compression does.
	techs := [NumStages]core.Tech{copper, core.StageLead(core.StagePluggable), core.StageLead(core.StageCPO)}
	lanes := p.Lanes
	if lanes < 1 {
		lanes = 1
	}
	light := core.SpeedOfLight / core.GroupIndex(core.SMF)
	for i, t := range techs {
		l, err := core.EvaluateLink(core.Link{Tech: t, LaneGbps: p.LaneGbps, Lanes: lanes, LengthM: p.LengthM, Params: p.Params})
		if err != nil {
			return out, err
		}
		st := Stage{
			Key: core.ArticleStages[i], Tech: t, Feasible: l.Feasible, Reason: string(l.Reason), Length: l.Length,
			PathLength: l.ElectricalPath, Loss: l.ElectricalLoss, PJPerBit: l.PJPerBit(),
			Watts: l.WattsPerEnd() + l.HostWattsPerEnd(), HostWatts: l.HostWattsPerEnd(), DevWatts: l.WattsPerEnd(), Latency: l.Latency.Total(), Optical: t.Optical(),
			Linear: t.Linear(), Port: l.Port, Budget: l.ChannelBudget, Worst: l.ChannelLoss, Margin: l.Margin(),
			LightVelocity: light,
		}
		path := l.Path()
		var d core.Length
		var loss core.Decibel
		var delay core.Time
		for _, s := range path.Segments() {
			d += s.Length
			loss += s.Loss
			delay += s.Delay
			st.Profile = append(st.Profile, Piece{Name: s.Name, Kind: s.Kind, Length: s.Length, Loss: s.Loss})
		}
		st.PathLength, st.Loss = d, loss // summed in the order drawn
		st.Velocity = light
		if delay > 0 {
			st.Velocity = float64(d) / float64(delay)
		}
		for _, v := range core.StageTechs(core.ArticleStages[i]) {
			if v == t {
				continue
			}
			vl, err := core.EvaluateLink(core.Link{Tech: v, LaneGbps: p.LaneGbps, Lanes: lanes, LengthM: p.LengthM, Params: p.Params})
			if err != nil {
				continue // a technology this lane rate or length cannot take
			}
			st.Variants = append(st.Variants, Variant{Tech: v, PathLength: vl.ElectricalPath, Feasible: vl.Feasible})
		}
		out[i] = st
	}
	return out, nil
}

// Name is the stage's name in c's language.
func (s *Stage) Name(c *label.Catalogue) string { return c.Get("anim.stage." + string(s.Key)) }

// LossAt returns the loss the signal has taken at distance x along the
// path since it was last regenerated: a trace's loss grows along it, a
// transition's applies once passed, and a retimer starts again from zero.
func (s *Stage) LossAt(x core.Length) core.Decibel {
	if x <= 0 {
		return 0
	}
	var pos core.Length
	var loss core.Decibel
	for _, p := range s.Profile {
		if p.Length == 0 {
			if x > pos || x >= s.PathLength {
				loss += p.Loss
				if p.Kind == core.SegRetimer && x > pos {
					loss = 0
				}
			}
			continue
		}
		if x < pos+p.Length {
			return loss + p.Loss*core.Decibel((x-pos)/p.Length)
		}
		pos += p.Length
		loss += p.Loss
	}
	return loss
}

// Amplitude returns the signal's amplitude at distance x, as a fraction of
// the launched one: a voltage ratio, 10^(−L/20).
func (s *Stage) Amplitude(x core.Length) float64 {
	return math.Pow(10, -float64(s.LossAt(x))/20)
}

// EyeOpening returns how open the receiver's eye is, 0 (closed) to 1: the
// share of the channel's budget that core's margin leaves (the margin over
// the longest stretch nothing regenerates, both ends' paths for linear
// optics). It closes as the lane rate rises, because the loss grows faster
// than the budget, and it is shut where core says the link fails.
func (s *Stage) EyeOpening() float64 {
	if !s.Feasible || s.Budget <= 0 {
		return 0
	}
	return math.Max(0, math.Min(1, float64(s.Margin/s.Budget)))
}

// EyeTraces draws the receiver's PAM4 eye as an oscilloscope overlays it:
// n symbol traces, each across one unit interval centred on its symbol,
// in unit coordinates (x from 0 to 1; y from 0, the lowest of the four
// levels, to 1, the highest), points per trace. Each trace goes from the
// midpoint of its previous transition through its symbol to the midpoint
// of its next; what the channel leaves of the margin sets how far the
// symbols scatter about their levels, so that the three eyes' vertical
// opening at the centre is EyeOpening's share of a level's spacing. The
// symbols come from a fixed sequence: the same picture every frame.
func (s *Stage) EyeTraces(n, points int) [][][2]float64 {
	open := s.EyeOpening()
	spread := (1 - open) / 6 // the largest scatter: half of what closes
	seed := uint32(2463534242)
	next := func() uint32 { // xorshift: a fixed pseudo-random sequence
		seed ^= seed << 13
		seed ^= seed >> 17
		seed ^= seed << 5
		return seed
	}
	level := func() float64 { return float64(next()%4) / 3 }
	out := make([][][2]float64, 0, n)
	a, b := level(), level()
	for k := 0; k < n; k++ {
		c := level()
		// The scatter of this symbol, from −1 to 1, at its widest.
		e := spread * (float64(next()%2001)/1000 - 1)
		if k%7 == 0 { // some symbols at the edges, so the opening shows
			e = spread
			if k%14 == 0 {
				e = -spread
			}
		}
		tr := make([][2]float64, points)
		for j := 0; j < points; j++ {
			x := float64(j) / float64(points-1)
			var y float64
			if x <= 0.5 {
				y = a + (b-a)*(0.5+0.5*math.Sin(math.Pi*x))
			} else {
				y = b + (c-b)*(0.5-0.5*math.Sin(math.Pi*x))
			}
			tr[j] = [2]float64{x, y + e*math.Sin(math.Pi*x)}
		}
		out = append(out, tr)
		a, b = b, c
	}
	return out
}

// Pulse is one electrical pulse on the path.
type Pulse struct {
	Position  core.Length // from the die
	Amplitude float64
}

// LightPulse is one light pulse in the fibre, as a fraction of the drawn
// fibre's length.
type LightPulse struct {
	Position float64
}

// Model is the animation's state.
type Model struct {
	Stages  [NumStages]Stage
	Current int     // the stage shown
	Target  int     // the stage a transition goes to
	Blend   float64 // transition progress, 0 (Current) to 1 (Target)
	Playing bool
	Tour    bool    // play the compression stage after stage
	Speed   float64 // animation speed factor
	Visible bool    // false: hidden or scrolled away; nothing advances
	Tick    int64   // ticks advanced while playing

	dwell int // ticks spent on the current stage (tour)

	// The camera. Mode is what the reader asked for; Zoom is where the
	// camera is, 0 (the three paths on one common scale) to 1 (the stage
	// on its own scale). It moves ZoomTicks from one to the other.
	Mode Mode
	Zoom float64
}

// Mode is what the animation shows: one stage at a time, or the three
// paths side by side on one scale.
type Mode int

const (
	StageMode   Mode = iota // one stage, its path filling the drawing
	CompareMode             // the three paths on one common scale
)

// String is the mode's name in the page's API: "stage" or "compare".
func (m Mode) String() string {
	if m == CompareMode {
		return "compare"
	}
	return "stage"
}

// ParseMode reads a mode's name.
func ParseMode(s string) (Mode, error) {
	switch s {
	case "stage":
		return StageMode, nil
	case "compare":
		return CompareMode, nil
	}
	return StageMode, errors.New("mode " + strconv.Quote(s) + ": it is \"stage\" or \"compare\"")
}

// ZoomTicks is how long the camera takes from the common scale to a
// stage's own, or back.
const ZoomTicks = TPS

// SetMode asks for a mode. The camera moves there tick by tick while
// playing; paused (or with reduced motion) it is there at once.
func (m *Model) SetMode(mode Mode) {
	m.Mode = mode
	if !m.Playing {
		m.Zoom = m.zoomTarget()
	}
}

func (m *Model) zoomTarget() float64 {
	if m.Mode == CompareMode {
		return 0
	}
	return 1
}

// Comparing reports whether a frame draws the three paths together (the
// common picture, or the camera on its way to or from it).
func (m *Model) Comparing() bool { return m.Zoom < 1 }

// CompareScale is the common scale of the compare view, in millimetres
// per pixel, for paths drawn over width pixels: the longest path fills
// the width, and the others are drawn to the same scale.
func (m *Model) CompareScale(width float64) float64 {
	longest := 0.0
	for i := range m.Stages {
		longest = math.Max(longest, m.Stages[i].PathLength.Millimetres())
	}
	if longest <= 0 || width <= 0 {
		return 1
	}
	return longest / width
}

// StageScale is stage i's own scale, in millimetres per pixel, for its
// path drawn over width pixels.
func (m *Model) StageScale(i int, width float64) float64 {
	mm := m.Stages[i].PathLength.Millimetres()
	if mm <= 0 || width <= 0 {
		return m.CompareScale(width)
	}
	return mm / width
}

// Scale is the camera's scale for stage i now, in millimetres per pixel:
// the common scale at Zoom 0, the stage's own at 1, and between them
// geometrically (a camera zooms by factors, so metres to millimetres
// takes as long as millimetres to micrometres).
func (m *Model) Scale(i int, compareWidth, stageWidth float64) float64 {
	c, s := m.CompareScale(compareWidth), m.StageScale(i, stageWidth)
	t := smooth(m.Zoom)
	return math.Exp(math.Log(c) + (math.Log(s)-math.Log(c))*t)
}

// Animation timing, in ticks.
const (
	// PulseTicks is how long a pulse takes to cross the electrical path
	// of the stage shown: the animation slows time down by a different
	// factor for each stage, and says so on screen.
	PulseTicks = 3 * TPS
	// Pulses is the number of pulses on a path at once.
	Pulses = 4
	// TransitionTicks is the length of a transition between stages.
	TransitionTicks = TPS
	// DwellTicks is how long the tour stays on a stage.
	DwellTicks = 6 * TPS
)

// New builds a model. It starts on the stage of the reader's technology,
// playing the tour unless reduced motion asks for a still frame.
func New(p Params, reducedMotion bool) (*Model, error) {
	st, err := Build(p)
	if err != nil {
		return nil, err
	}
	m := &Model{Stages: st, Speed: 1, Visible: true, Playing: !reducedMotion, Tour: true, Zoom: 1}
	// Start on the stage of the reader's technology (copper for auto).
	for i, s := range core.ArticleStages {
		if s == p.Tech.Stage() {
			m.Current = i
		}
	}
	m.Target = m.Current
	// A still frame shows pulses spread along the path.
	m.Tick = PulseTicks / (2 * Pulses)
	return m, nil
}

// SetParams rebuilds the stages for new parameters, keeping the stage and
// the play state.
func (m *Model) SetParams(p Params) error {
	st, err := Build(p)
	if err != nil {
		return err
	}
	m.Stages = st
	return nil
}

// Update advances the model by one tick, if it is playing and visible.
func (m *Model) Update() {
	if !m.Playing || !m.Visible {
		return
	}
	steps := m.Speed
	if steps <= 0 {
		return
	}
	m.Tick++
	if z := m.zoomTarget(); m.Zoom != z {
		step := steps / ZoomTicks
		if z > m.Zoom {
			m.Zoom = math.Min(z, m.Zoom+step)
		} else {
			m.Zoom = math.Max(z, m.Zoom-step)
		}
		return // the camera moves first; the tour waits
	}
	if m.Mode == CompareMode {
		// The tour's last picture: the three on one scale; then it zooms
		// into the first stage again.
		if m.Tour {
			m.dwell++
			if float64(m.dwell) >= DwellTicks/steps {
				m.dwell = 0
				m.Go(0)
			}
		}
		return
	}
	if m.Target != m.Current {
		m.Blend += steps / TransitionTicks
		if m.Blend >= 1 {
			m.Current, m.Blend, m.dwell = m.Target, 0, 0
		}
		return
	}
	if m.Tour {
		m.dwell++
		if float64(m.dwell) >= DwellTicks/steps {
			if m.Current == NumStages-1 {
				m.dwell = 0
				m.SetMode(CompareMode) // after CPO, the three together
				return
			}
			m.Go(m.Current + 1)
		}
	}
}

// Go starts a transition to stage i (from the compare view, the camera
// zooms into it).
func (m *Model) Go(i int) {
	i = ((i % NumStages) + NumStages) % NumStages
	if m.Mode == CompareMode {
		m.Current, m.Target, m.Blend = i, i, 0
		m.SetMode(StageMode)
		return
	}
	if m.Target != m.Current {
		m.Current = m.Target // finish the one under way
	}
	m.Target, m.Blend, m.dwell = i, 0, 0
	if !m.Playing {
		m.Current = i // no motion: jump
	}
}

// ComparePulses returns the electrical pulses on stage i's path in the
// compare view, where one clock drives all three: a pulse leaves the chip
// every PulseTicks/Pulses ticks on every path, and crosses path i in its
// real transit time (length over the signal's velocity) scaled so that
// the slowest crossing takes PulseTicks. A short path holds few pulses,
// or none most of the time: the signal is light almost at once.
func (m *Model) ComparePulses(i int) []Pulse {
	st := &m.Stages[i]
	transit := m.transit(i)
	slowest := 0.0
	for k := range m.Stages {
		slowest = math.Max(slowest, m.transit(k))
	}
	if transit <= 0 || slowest <= 0 {
		return nil
	}
	cross := PulseTicks * transit / slowest // ticks to cross this path
	gap := float64(PulseTicks) / Pulses     // ticks between pulses
	now := float64(m.Tick) * m.Speed
	var out []Pulse
	// Pulses that left at now − age for age in [0, cross).
	for age := math.Mod(now, gap); age < cross; age += gap {
		x := core.Length(age/cross) * st.PathLength
		out = append(out, Pulse{Position: x, Amplitude: st.Amplitude(x)})
	}
	return out
}

// transit is the time the signal takes along stage i's electrical path.
func (m *Model) transit(i int) float64 {
	st := &m.Stages[i]
	if st.Velocity <= 0 {
		return 0
	}
	return st.PathLength.Metres() / st.Velocity
}

// Next and Prev move between stages.
func (m *Model) Next() { m.Go(m.Target + 1) }
func (m *Model) Prev() { m.Go(m.Target - 1) }

// Toggle plays or pauses.
func (m *Model) Toggle() { m.Playing = !m.Playing }

// SetSpeed sets the speed factor, kept within 0.25 to 4.
func (m *Model) SetSpeed(s float64) {
	if math.IsNaN(s) {
		return
	}
	m.Speed = math.Max(0.25, math.Min(4, s))
}

// phase returns the animation time in pulse periods.
func (m *Model) phase() float64 {
	return float64(m.Tick) * m.Speed / PulseTicks
}

// Pulses returns the electrical pulses on stage i's path now.
func (m *Model) Pulses(i int) []Pulse {
	st := &m.Stages[i]
	out := make([]Pulse, 0, Pulses)
	for k := 0; k < Pulses; k++ {
		f := math.Mod(m.phase()+float64(k)/Pulses, 1)
		x := core.Length(f) * st.PathLength
		out = append(out, Pulse{Position: x, Amplitude: st.Amplitude(x)})
	}
	return out
}

// LightPulses returns the light pulses in stage i's fibre, which move at
// their speed relative to the electrical pulses: light in fibre against
// the signal on the path, both drawn on the stage's scale.
func (m *Model) LightPulses(i int, fiberDrawn core.Length) []LightPulse {
	st := &m.Stages[i]
	if !st.Optical || fiberDrawn <= 0 || st.Velocity <= 0 {
		return nil
	}
	// In one pulse period an electrical pulse crosses the path; light
	// crosses this much of the drawn fibre.
	perPeriod := float64(st.PathLength) * st.LightVelocity / st.Velocity / float64(fiberDrawn)
	out := make([]LightPulse, 0, Pulses)
	for k := 0; k < Pulses; k++ {
		out = append(out, LightPulse{Position: math.Mod(m.phase()*perPeriod+float64(k)/Pulses, 1)})
	}
	return out
}

// Heat returns the glow of stage i's two ends of heat, 0 to 1: at the
// switch chip (its SerDes) and at the link's device (a cable's
// electronics, a module, an engine), each against the hottest end of any
// stage, so that the glows compare across stages and ends.
func (m *Model) Heat(i int) (chip, device float64) {
	max := core.Power(0)
	for _, s := range m.Stages {
		max = core.Power(math.Max(float64(max), math.Max(float64(s.HostWatts), float64(s.DevWatts))))
	}
	if max <= 0 {
		return 0, 0
	}
	st := &m.Stages[i]
	return float64(st.HostWatts / max), float64(st.DevWatts / max)
}

// CompareLight returns where the light pulses are in stage i's fibre in
// the compare view, in millimetres from the point where the signal becomes
// light, up to fiberMM: each electrical pulse of ComparePulses becomes a
// light pulse when it reaches the end of the path, and goes on at the
// light's speed in the fibre (c over the group index), on the same clock.
func (m *Model) CompareLight(i int, fiberMM float64) []float64 {
	st := &m.Stages[i]
	slowest := 0.0
	for k := range m.Stages {
		slowest = math.Max(slowest, m.transit(k))
	}
	if !st.Optical || slowest <= 0 || st.LightVelocity <= 0 || fiberMM <= 0 {
		return nil
	}
	secondsPerTick := slowest / PulseTicks // real seconds a tick stands for
	cross := m.transit(i) / secondsPerTick // ticks along the electrical path
	mmPerTick := st.LightVelocity * secondsPerTick * 1000
	gap := float64(PulseTicks) / Pulses
	now := float64(m.Tick) * m.Speed
	var out []float64
	for age := math.Mod(now, gap); ; age += gap {
		x := (age - cross) * mmPerTick
		if x > fiberMM {
			break
		}
		if x >= 0 {
			out = append(out, x)
		}
	}
	return out
}

// lanes are the lane rates the reader can step through on the canvas.
var lanes = []float64{25, 50, 100, 200, 400}

// StepLane returns the lane rate k steps from g (up for k > 0), kept
// within the rates the model knows.
func StepLane(g float64, k int) float64 {
	i := 0
	for j, l := range lanes {
		if math.Abs(l-g) < math.Abs(lanes[i]-g) {
			i = j
		}
	}
	i = max(0, min(len(lanes)-1, i+k))
	return lanes[i]
}

// Link length bounds for the canvas's drag and keys, in metres.
const (
	MinLengthM = 0.1
	MaxLengthM = 2000
)

// StepLength returns the link length moved by a factor of 10^(k/10) (ten
// steps a decade, as a drag or an arrow key moves it), rounded to two
// significant figures and kept within MinLengthM to MaxLengthM.
func StepLength(l float64, k float64) float64 {
	v := l * math.Pow(10, k/10)
	v = math.Max(MinLengthM, math.Min(MaxLengthM, v))
	k = math.Floor(math.Log10(v)) - 1
	if k < 0 { // divide by a whole power of ten: 38/10, not 38 × 0.1
		f := math.Pow(10, -k)
		return math.Round(v*f) / f
	}
	e := math.Pow(10, k)
	return math.Round(v/e) * e
}

// Shown returns the stages a frame blends and the blend: a frame shows
// Stages[a] at weight 1−t and Stages[b] at t.
func (m *Model) Shown() (a, b int, t float64) {
	return m.Current, m.Target, smooth(m.Blend)
}

// smooth is an ease-in-out curve.
func smooth(t float64) float64 {
	t = math.Max(0, math.Min(1, t))
	return t * t * (3 - 2*t)
}

// Compression returns the electrical path of each stage on a log axis from
// 1 mm to 10 m, 0 to 1: where the compression puts each stage.
func (m *Model) Compression(i int) float64 {
	mm := m.Stages[i].PathLength.Millimetres()
	if mm <= 1 {
		return 0
	}
	return math.Min(1, math.Log10(mm)/4)
}
