package main

import (
	"encoding/json"
	"fmt"

	"github.com/cpocalc/cpocalc/core"
)

// "Predict, then see": before the copper wall and before the saving of
// co-packaged optics, the reader may guess, then sees the model's value
// and its 90 % band (core.BandOf over the parameters' ranges) and one
// sentence on why. The guesses are a slider's stops, worded here; the
// script only compares a stop with the band's ends. Nothing is sent.

// predictSamples is the draws of each question's band.
const predictSamples = 400

// predictView is one question as its template shows it.
type predictView struct {
	ID, Question, Guess, See, Skip, Answer, Why string
	Low, High                                   float64 // the band, in the stops' unit
	Max, Start                                  int
	Stops                                       string // JSON: [[value, words], …]
	StartLabel                                  string
}

// predictQuestion is what a question asks of core: its number in the
// result, and the stops a reader picks from (in the number's unit).
type predictQuestion struct {
	read  func(*core.Result) (float64, bool)
	unit  string
	stops []float64
	start int
}

var predictQuestions = map[string]predictQuestion{
	// A passive copper cable's reach at the default scenario's lanes.
	"copper": {read: func(r *core.Result) (float64, bool) { return r.TechReach(0, core.DAC).Metres(), true }, unit: "m",
		stops: []float64{0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3, 5, 7, 10, 15, 20, 30, 50, 100}, start: 11},
	// What co-packaged optics save against pluggable modules with DSPs
	// in the reference cluster.
	"saving": {read: func(r *core.Result) (float64, bool) {
		var dsp, cpo core.Power
		var okD, okC bool
		for i := range r.ByStage {
			switch st := &r.ByStage[i]; st.Stage {
			case "dsp":
				dsp, okD = st.Totals.InterconnectPower, st.Feasible
			case "cpo":
				cpo, okC = st.Totals.InterconnectPower, st.Feasible
			}
		}
		return (dsp - cpo).Watts(), okD && okC
	}, unit: "W", stops: []float64{1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 3e6, 5e6, 1e7, 2e7, 5e7}, start: 4},
}

// predict is question id for the default scenario.
func (m *model) predict(id string) (predictView, error) {
	q, ok := predictQuestions[id]
	if !ok {
		return predictView{}, fmt.Errorf("no question %q", id)
	}
	b, err := core.BandOf(m.scenario, predictSamples, bandSeed, q.read)
	if err != nil {
		return predictView{}, fmt.Errorf("question %s: %w", id, err)
	}
	value, ok := q.read(&m.result)
	if !ok || b.N == 0 {
		return predictView{}, fmt.Errorf("question %s: the model has no answer", id)
	}
	var stops [][2]any
	for _, s := range q.stops {
		stops = append(stops, [2]any{s, ed.Cat.Quantity(s, q.unit)})
	}
	js, err := json.Marshal(stops)
	if err != nil {
		return predictView{}, err
	}
	question := ed.Cat.Format("predict."+id+".question", "lane", core.BitRate(m.scenario.LaneGbps*1e9).In(ed.Cat), "gpus", ed.Cat.Count(m.scenario.GPUs))
	return predictView{ID: id, Question: question, Guess: ed.Cat.Get("predict.guess"),
		See: ed.Cat.Get("predict.see"), Skip: ed.Cat.Get("predict.skip"),
		Answer: ed.Cat.Format("predict.answer", "value", ed.Cat.Quantity(value, q.unit), "n", ed.Cat.Count(b.N),
			"low", ed.Cat.Quantity(b.P5, q.unit), "high", ed.Cat.Quantity(b.P95, q.unit)),
		Why: ed.Cat.Get("predict." + id + ".why"), Low: b.P5, High: b.P95,
		Max: len(q.stops) - 1, Start: q.start, Stops: string(js), StartLabel: ed.Cat.Quantity(q.stops[q.start], q.unit)}, nil
}
