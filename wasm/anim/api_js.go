//go:build js

package main

// The page's side: the canvas's accessible description, the state the
// page reads, and the controls on window.cpoanim.

import (
	"math"
	"syscall/js"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/scene"
	"github.com/cpocalc/cpocalc/wasm/jslang"
)

// describe keeps the canvas's accessible description current.
func (g *game) describe() {
	a, b, t := g.m.Shown()
	i := a
	if t >= 0.5 {
		i = b
	}
	st := &g.m.Stages[i]
	s := lang.Format("anim.describe", "stage", st.Name(lang), "path", st.PathLength.In(lang), "loss", st.Loss.In(lang),
		"energy", st.PJPerBit.In(lang), "watts", st.Watts.In(lang), "latency", st.Latency.In(lang))
	if !st.Feasible {
		s += lang.Format("anim.describe.fails", "reason", st.Reason)
	}
	if g.m.Comparing() {
		s = lang.Get("anim.describe.compare")
		for i := range g.m.Stages {
			c := &g.m.Stages[i]
			s += lang.Format("anim.describe.row", "stage", c.Name(lang), "path", c.PathLength.In(lang), "loss", c.Loss.In(lang))
		}
	}
	if !g.m.Playing {
		s += lang.Get("anim.describe.paused")
	}
	s += lang.Get("anim.describe.keys")
	if s == g.label {
		return
	}
	g.label = s
	doc := js.Global().Get("document")
	if c := doc.Call("querySelector", "canvas"); c.Truthy() {
		c.Call("setAttribute", "role", "img")
		c.Call("setAttribute", "aria-label", s)
		c.Call("setAttribute", "tabindex", "0")
	}
	if d := doc.Call("getElementById", "anim-desc"); d.Truthy() {
		d.Set("textContent", lang.Format("anim.live", "stage", st.Name(lang), "path", st.PathLength.In(lang), "loss", st.Loss.In(lang)))
	}
	if f := js.Global().Get("cpoanimChanged"); f.Type() == js.TypeFunction {
		f.Invoke(g.state())
	}
}

func (g *game) state() any {
	n := g.nDraw
	if n > len(g.drawMS) {
		n = len(g.drawMS)
	}
	draws := make([]any, n)
	for i := 0; i < n; i++ {
		draws[i] = g.drawMS[i]
	}
	// The paths drawn and their scales: the three in the compare view,
	// the one shown otherwise.
	var pathMM, mmPerPx []any
	if g.m.Comparing() {
		common, own := g.compareWidths()
		for i := range g.m.Stages {
			pathMM = append(pathMM, g.m.Stages[i].PathLength.Millimetres())
			mmPerPx = append(mmPerPx, g.m.Scale(i, common, own))
		}
	} else {
		a, b, t := g.m.Shown()
		i := a
		if t >= 0.5 {
			i = b
		}
		gm := g.geometryOf(i)
		pathMM = append(pathMM, g.m.Stages[i].PathLength.Millimetres())
		if gm.pxPerM > 0 {
			mmPerPx = append(mmPerPx, 1000/gm.pxPerM)
		} else {
			mmPerPx = append(mmPerPx, 0.0)
		}
	}
	return map[string]any{
		"mode": g.m.Mode.String(), "zoom": g.m.Zoom, "pathMm": pathMM, "mmPerPx": mmPerPx,
		"stage": g.m.Target, "stageName": g.m.Stages[g.m.Target].Name(lang), "playing": g.m.Playing, "speed": g.m.Speed,
		"tick": float64(g.m.Tick), "frames": float64(g.frames), "visible": g.m.Visible, "drawMs": draws,
		"laneGbps": g.params.LaneGbps, "lengthM": g.params.LengthM, "copper": string(g.m.Stages[scene.Copper].Tech),
		"lanes": laneList(),
		"eye":   g.m.Stages[g.m.Target].EyeOpening(), "eyeBox": []any{g.eyeBox[0], g.eyeBox[1], g.eyeBox[2], g.eyeBox[3]},
	}
}

// laneList is the model's lane rates, for the page's keys and drag.
func laneList() []any {
	out := make([]any, len(core.LaneRates))
	for i, l := range core.LaneRates {
		out[i] = l
	}
	return out
}

// install puts the controls on window.cpoanim. Each call only changes the
// model (ebiten's loop draws), so none blocks; none can panic out.
func install(g *game) {
	api := js.Global().Get("Object").New()
	safe := func(f func(args []js.Value) any) js.Func {
		return js.FuncOf(func(this js.Value, args []js.Value) (out any) {
			defer func() {
				if r := recover(); r != nil {
					out = map[string]any{"error": "bad argument"}
				}
			}()
			res := f(args)
			g.dirty = true
			g.describe()
			return res
		})
	}
	api.Set("toggle", safe(func([]js.Value) any { g.m.Toggle(); return g.state() }))
	api.Set("play", safe(func([]js.Value) any { g.m.Playing = true; return g.state() }))
	api.Set("pause", safe(func([]js.Value) any { g.m.Playing = false; return g.state() }))
	api.Set("next", safe(func([]js.Value) any { g.m.Next(); return g.state() }))
	api.Set("prev", safe(func([]js.Value) any { g.m.Prev(); return g.state() }))
	api.Set("go", safe(func(a []js.Value) any {
		if len(a) > 0 && a[0].Type() == js.TypeNumber {
			g.m.Tour = false
			g.m.Go(a[0].Int())
		}
		return g.state()
	}))
	api.Set("setMode", safe(func(a []js.Value) any {
		if len(a) == 0 || a[0].Type() != js.TypeString {
			return map[string]any{"error": "setMode takes \"stage\" or \"compare\""}
		}
		mode, err := scene.ParseMode(a[0].String())
		if err != nil {
			return map[string]any{"error": err.Error()}
		}
		g.m.SetMode(mode)
		return g.state()
	}))
	// setLink(lengthM, laneGbps): the link drawn, as the canvas's drag and
	// arrow keys change it; each value is kept within the model's range.
	api.Set("setLink", safe(func(a []js.Value) any {
		if len(a) < 2 || a[0].Type() != js.TypeNumber || a[1].Type() != js.TypeNumber {
			return map[string]any{"error": "setLink takes a length in metres and a lane rate in Gb/s"}
		}
		p := g.params
		p.LengthM = math.Max(scene.MinLengthM, math.Min(scene.MaxLengthM, a[0].Float()))
		p.LaneGbps = scene.StepLane(a[1].Float(), 0)
		if err := g.m.SetParams(p); err != nil {
			return map[string]any{"error": err.Error()}
		}
		g.params = p
		return g.state()
	}))
	// stepLink(dLength, dLane): the link moved as a drag or an arrow key
	// moves it: dLength tenths of a decade of length (rounded to two
	// figures), dLane steps through the lane rates the model knows.
	api.Set("stepLink", safe(func(a []js.Value) any {
		if len(a) < 2 || a[0].Type() != js.TypeNumber || a[1].Type() != js.TypeNumber {
			return map[string]any{"error": "stepLink takes a length step and a lane step"}
		}
		p := g.params
		p.LengthM = scene.StepLength(p.LengthM, a[0].Float())
		p.LaneGbps = scene.StepLane(p.LaneGbps, a[1].Int())
		if err := g.m.SetParams(p); err != nil {
			return map[string]any{"error": err.Error()}
		}
		g.params = p
		return g.state()
	}))
	api.Set("setTour", safe(func(a []js.Value) any { g.m.Tour = len(a) > 0 && a[0].Truthy(); return g.state() }))
	api.Set("setSpeed", safe(func(a []js.Value) any {
		if len(a) > 0 && a[0].Type() == js.TypeNumber {
			g.m.SetSpeed(a[0].Float())
		}
		return g.state()
	}))
	api.Set("setVisible", safe(func(a []js.Value) any { g.m.Visible = len(a) > 0 && a[0].Truthy(); return g.state() }))
	api.Set("setDark", safe(func(a []js.Value) any { g.dark = len(a) > 0 && a[0].Truthy(); return g.state() }))
	api.Set("setScenario", safe(func(a []js.Value) any {
		if len(a) == 0 || a[0].Type() != js.TypeString {
			return map[string]any{"error": "setScenario takes a permalink"}
		}
		// No scenario: the prose's link, as when the page opened without one.
		p := scene.Prose()
		if a[0].String() != "" {
			s, _, err := core.DecodePair(a[0].String()) // a comparison's link draws B
			if err != nil {
				return map[string]any{"error": core.ErrorText(lang, err), "why": linkWhy(err)}
			}
			p = scene.FromScenario(s)
		}
		if err := g.m.SetParams(p); err != nil {
			return map[string]any{"error": err.Error()}
		}
		g.params = p
		return g.state()
	}))
	api.Set("setParams", safe(func(a []js.Value) any {
		if len(a) == 0 || a[0].Type() != js.TypeString {
			return map[string]any{"error": "setParams takes the calculator's anim JSON"}
		}
		var p scene.Params
		if err := p.UnmarshalJSON([]byte(a[0].String())); err != nil {
			return map[string]any{"error": "bad parameters: " + err.Error()}
		}
		if err := g.m.SetParams(p); err != nil {
			return map[string]any{"error": err.Error()}
		}
		g.params = p
		return g.state()
	}))
	// setLang(lang, words): the page's language, for the overlay's words,
	// the description and the numbers.
	api.Set("setLang", safe(func(a []js.Value) any {
		if len(a) < 2 {
			a = append(a, js.Undefined(), js.Undefined())
		}
		c, err := jslang.Read(a[0], a[1])
		if err != nil {
			return map[string]any{"error": err.Error()}
		}
		lang = c
		if err := g.m.SetParams(g.params); err != nil {
			return map[string]any{"error": err.Error()}
		}
		g.label = ""
		return g.state()
	}))
	api.Set("state", js.FuncOf(func(js.Value, []js.Value) any { return g.state() }))
	js.Global().Set("cpoanim", api)
	if f := js.Global().Get("cpoanimReady"); f.Type() == js.TypeFunction {
		problem := ""
		if linkErr != nil {
			problem = linkWhy(linkErr)
		}
		f.Invoke(problem)
	}
}
