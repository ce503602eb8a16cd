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

	"github.com/cpocalc/cpocalc/core"
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

// StageNames are the stages' titles.
var StageNames = [NumStages]string{"1. Copper cable", "2. Pluggable optics", "3. Co-packaged optics"}

// Piece is one piece of an electrical path, die first: a trace or cable
// with a length, or a lumped transition (a bump, a connector) of none.
type Piece struct {
	Name   string
	Length core.Length
	Loss   core.Decibel
}

// Stage is what one stage shows, from core.
type Stage struct {
	Name       string
	Tech       core.Tech
	Feasible   bool
	Reason     string
	Length     core.Length  // the link's length
	PathLength core.Length  // the electrical path
	Loss       core.Decibel // the whole path's
	Worst      core.Decibel // the most any unregenerated stretch of it loses
	Budget     core.Decibel // the die-to-die budget of the lane rate
	PJPerBit   core.EnergyPerBit
	Watts      core.Power // device and host SerDes, one end
	Latency    core.Time
	Profile    []Piece // the path, die first
	Optical    bool    // the path ends in light (an engine or a module)
	Linear     bool    // nothing regenerates the signal before the far chip's SerDes
	Port       core.BitRate
	// Velocity is the signal's speed on the electrical path (the cable's
	// for copper, the board's otherwise); LightVelocity in the fibre.
	Velocity      float64 // m/s
	LightVelocity float64 // m/s
}

// Params choose what the animation shows: the reader's lane rate, the
// length of their first tier, and its technology (auto picks a stage to
// start on).
type Params struct {
	LaneGbps float64
	Lanes    int // lanes per port (0: one)
	LengthM  float64
	Tech     core.Tech
	Params   map[string]float64
}

// FromScenario takes the animation's parameters from a scenario: its lane
// rate and its first tier.
func FromScenario(s core.Scenario) Params {
	p := Params{LaneGbps: s.LaneGbps, LengthM: 3, Tech: core.Auto, Params: s.Params}
	if s.LaneGbps > 0 {
		p.Lanes = int(math.Round(s.ScaleOut.PortGbps / s.LaneGbps))
	}
	if len(s.Tiers) > 0 {
		p.LengthM, p.Tech = s.Tiers[0].LengthM, s.Tiers[0].Tech
	}
	return p
}

// Build evaluates the three stages with core: a passive copper cable (or,
// if the link is longer than any cable, the longest copper that exists),
// a DSP pluggable and co-packaged optics, on one lane at the given rate.
func Build(p Params) ([NumStages]Stage, error) {
	var out [NumStages]Stage
	if !(p.LengthM > 0) || p.LengthM > 100000 {
		return out, errors.New("length must be above 0 and at most 100 km")
	}
	techs := [NumStages]core.Tech{core.DAC, core.DSP, core.CPO}
	// The copper stage shows the cable the reader asked for, if copper;
	// otherwise the lowest-power copper that reaches (passive, linear,
	// then retimed), or passive copper failing when none does.
	if p.Tech.Copper() {
		techs[Copper] = p.Tech
	} else {
		for _, t := range []core.Tech{core.DAC, core.ACC, core.AEC} {
			if l, err := core.EvaluateLink(core.Link{Tech: t, LaneGbps: p.LaneGbps, Lanes: 1, LengthM: p.LengthM, Params: p.Params}); err == nil && l.Feasible {
				techs[Copper] = t
				break
			}
		}
	}
	lanes := p.Lanes
	if lanes < 1 {
		lanes = 1
	}
	for i, t := range techs {
		l, err := core.EvaluateLink(core.Link{Tech: t, LaneGbps: p.LaneGbps, Lanes: lanes, LengthM: p.LengthM, Params: p.Params})
		if err != nil {
			return out, err
		}
		st := Stage{
			Name: StageNames[i], Tech: t, Feasible: l.Feasible, Reason: l.Reason, Length: l.Length,
			PathLength: l.ElectricalPath, Loss: l.ElectricalLoss, PJPerBit: l.PJPerBit(),
			Watts: l.WattsPerEnd() + l.HostWattsPerEnd(), Latency: l.Latency.Total(), Optical: t.Optical(),
			Linear: t == core.LPO || t == core.CPO, Port: l.Port,
			LightVelocity: core.SpeedOfLight / 1.4682,
		}
		lane, _ := core.EvaluateLink(core.Link{Tech: core.DAC, LaneGbps: p.LaneGbps, Lanes: 1, LengthM: 0, Params: p.Params})
		st.Budget = lane.Budget
		path := l.Path()
		var d core.Length
		var loss core.Decibel
		var delay core.Time
		for _, s := range path.Segments() {
			d += s.Length
			loss += s.Loss
			delay += s.Delay
			st.Profile = append(st.Profile, Piece{Name: s.Name, Length: s.Length, Loss: s.Loss})
		}
		st.PathLength, st.Loss = d, loss // summed in the order drawn
		var stretch core.Decibel
		for _, pc := range st.Profile {
			stretch += pc.Loss
			if stretch > st.Worst {
				st.Worst = stretch
			}
			if pc.Name == retimer {
				stretch = 0
			}
		}
		if delay > 0 {
			st.Velocity = float64(d) / float64(delay)
		} else {
			st.Velocity = core.SpeedOfLight / 1.8
		}
		out[i] = st
	}
	return out, nil
}

// retimer is the path piece after which an active electrical cable's
// retimer sends the signal out afresh.
const retimer = "retimer bump"

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
				if p.Name == retimer && x > pos {
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
// share of the lane's loss budget the path leaves unused. It closes as the
// lane rate rises, because the loss grows faster than the budget.
func (s *Stage) EyeOpening() float64 {
	if !s.Feasible || s.Budget <= 0 {
		return 0
	}
	loss := s.Worst
	if s.Linear {
		// Nothing regenerates the signal between the two chips: both ends'
		// paths count against the die-to-die budget. A DSP module starts
		// a fresh channel, so its path counts once.
		loss *= 2
	}
	return math.Max(0, math.Min(1, 1-float64(loss/s.Budget)))
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
	m := &Model{Stages: st, Speed: 1, Visible: true, Playing: !reducedMotion, Tour: true}
	switch p.Tech.Stage() {
	case core.StagePluggable:
		m.Current = Pluggable
	case core.StageCPO:
		if p.Tech == core.CPO {
			m.Current = CPO
		}
	}
	if p.Tech == core.Auto || p.Tech == "" {
		m.Current = Copper
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
			m.Go((m.Current + 1) % NumStages)
		}
	}
}

// Go starts a transition to stage i.
func (m *Model) Go(i int) {
	i = ((i % NumStages) + NumStages) % NumStages
	if m.Target != m.Current {
		m.Current = m.Target // finish the one under way
	}
	m.Target, m.Blend, m.dwell = i, 0, 0
	if !m.Playing {
		m.Current = i // no motion: jump
	}
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

// Glow returns the heat glow of stage i, 0 to 1: its watts per end against
// the hottest stage's.
func (m *Model) Glow(i int) float64 {
	max := core.Power(0)
	for _, s := range m.Stages {
		if s.Watts > max {
			max = s.Watts
		}
	}
	if max <= 0 {
		return 0
	}
	return float64(m.Stages[i].Watts / max)
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
