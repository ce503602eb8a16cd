package main

import (
	"encoding/json"
	"fmt"
	"html"

	"github.com/cpocalc/cpocalc/core"
)

// The explainer's numbers move: a fact that follows the scenario is a
// span the page's script rewrites (data-fact), and a knob in a sentence
// lets the reader move one of the scenario's inputs (core.ProseKnobs).
// Until the model is live on the page each reads as the build wrote it.

// factHTML is a fact as the prose shows it: a fact that follows the
// scenario is marked, so that the page can write it again.
func (m *model) factHTML(key string) (string, error) {
	v, err := m.fact(key)
	if err != nil {
		return "", err
	}
	if _, moving := m.moving[key]; moving {
		return `<span data-fact="` + key + `">` + html.EscapeString(v) + `</span>`, nil
	}
	return v, nil
}

// knobView is one knob as its template shows it.
type knobView struct {
	Key, Fact, Label, Text, Steps, Less, More string
	Min, Max, Now                             float64
}

// knob is the knob key (core.ProseKnobs) at the default scenario.
func (m *model) knob(key string) (knobView, error) {
	for _, k := range core.ProseKnobs {
		if k.Key != key {
			continue
		}
		in, ok := core.KnobInput(&m.scenario, key)
		if !ok {
			return knobView{}, fmt.Errorf("knob %s: no such input", key)
		}
		steps, err := json.Marshal(k.Steps)
		if err != nil {
			return knobView{}, err
		}
		name := ed.Cat.Get("knob." + key)
		return knobView{Key: key, Fact: k.Fact, Label: name, Text: m.moving[k.Fact], Steps: string(steps),
			Less: ed.Cat.Format("knob.less", "name", name), More: ed.Cat.Format("knob.more", "name", name),
			Min: k.Steps[0], Max: k.Steps[len(k.Steps)-1], Now: in.Value(&m.scenario)}, nil
	}
	return knobView{}, fmt.Errorf("no knob %q", key)
}

// proseBarView is the explainer's prose bar as its template shows it.
type proseBarView struct {
	Wasm, Exec, Worker, Size, Run, Calculator string
	Hint, Reset, Open                         string
}
