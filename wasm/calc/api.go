// Command calc is the calculator's WebAssembly: a thin JavaScript API over
// core, installed as window.cpocalc. Each call takes the contract's JSON and
// returns JSON; bad input comes back as {"error": {...}} and no input can
// panic the runtime. Build it with GOOS=js GOARCH=wasm (go run ./build does).
package main

import (
	"encoding/json"
	"errors"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/figures"
	"github.com/cpocalc/cpocalc/core/report"
	"github.com/cpocalc/cpocalc/wasm/anim/scene"
)

// apiError is the error object every call returns on failure.
type apiError struct {
	Field   string `json:"field"`
	Value   string `json:"value"`
	Allowed string `json:"allowed"`
	Reason  string `json:"reason"`
	Message string `json:"message"`
}

func errorJSON(err error) string {
	e := apiError{Message: err.Error()}
	var ie *core.InputError
	if errors.As(err, &ie) {
		e.Field, e.Value, e.Allowed, e.Reason = ie.Field, ie.Value, ie.Allowed, ie.Reason
		e.Message = ie.Error()
	}
	b, _ := json.Marshal(struct {
		Error apiError `json:"error"`
	}{e})
	return string(b)
}

// guard runs f and turns a panic into an error object: a panic would kill
// the WebAssembly runtime and the page with it.
func guard(f func() (string, error)) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = errorJSON(errors.New("internal error (please report it): " + panicText(r)))
		}
	}()
	s, err := f()
	if err != nil {
		return errorJSON(err)
	}
	return s
}

func panicText(r any) string {
	switch v := r.(type) {
	case error:
		return v.Error()
	case string:
		return v
	}
	return "unknown"
}

func marshal(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

// lastScenario is the scenario of the last successful evaluate, which
// explain uses when it is given none.
var lastScenario = core.DefaultScenario()

func parseScenario(in string) (core.Scenario, error) {
	if in == "" || in == "null" || in == "undefined" {
		return core.DefaultScenario(), nil
	}
	return core.ParseScenario([]byte(in))
}

// evaluate: scenario JSON (fields left out take their defaults) -> result.
func evaluate(in string) string {
	return guard(func() (string, error) {
		s, err := parseScenario(in)
		if err != nil {
			return "", err
		}
		r, err := core.Evaluate(s)
		if err != nil {
			return "", err
		}
		lastScenario = s
		return marshal(r)
	})
}

// evaluateLink: link JSON -> link result.
func evaluateLink(in string) string {
	return guard(func() (string, error) {
		l, err := core.ParseLink([]byte(in))
		if err != nil {
			return "", err
		}
		r, err := core.EvaluateLink(l)
		if err != nil {
			return "", err
		}
		return marshal(r)
	})
}

// defaults: the default scenario.
func defaults() string {
	return guard(func() (string, error) { return marshal(core.DefaultScenario()) })
}

// encode: scenario JSON -> {"permalink": "1...."}.
func encode(in string) string {
	return guard(func() (string, error) {
		s, err := parseScenario(in)
		if err != nil {
			return "", err
		}
		link, err := core.EncodePermalink(s)
		if err != nil {
			return "", err
		}
		return marshal(map[string]string{"permalink": link})
	})
}

// decode: permalink text -> {"scenario": {...}}.
func decode(link string) string {
	return guard(func() (string, error) {
		s, err := core.DecodePermalink(link)
		if err != nil {
			return "", err
		}
		return marshal(map[string]core.Scenario{"scenario": s})
	})
}

// explain: a result path (and a scenario, or the last evaluated one) ->
// the explanation of that number.
func explain(path, scenario string) string {
	return guard(func() (string, error) {
		s := lastScenario
		if scenario != "" && scenario != "null" && scenario != "undefined" {
			var err error
			if s, err = core.ParseScenario([]byte(scenario)); err != nil {
				return "", err
			}
		}
		e, err := core.Explain(s, path)
		if err != nil {
			return "", err
		}
		return marshal(e)
	})
}

// chartData: scenario JSON -> the data of the charts.
func chartData(in string) string {
	return guard(func() (string, error) {
		s, err := parseScenario(in)
		if err != nil {
			return "", err
		}
		f, err := figures.Compute(s)
		if err != nil {
			return "", err
		}
		return marshal(f)
	})
}

// fields: every field of the result JSON with its path pattern, unit and
// label, in the contract's order (the page's CSV columns come from it).
func fields() string {
	return guard(func() (string, error) { return marshal(core.ResultFields()) })
}

// catalogue: every parameter with its default, range and source.
func catalogue() string {
	return guard(func() (string, error) { return marshal(core.Catalogue()) })
}

// update: scenario JSON -> everything the calculator page shows: the
// tables and sentences as HTML (the same the build wrote into the page),
// the charts' data, the permalink, the scenario as read, and what the
// animation draws. One call per edit, and one evaluation: the permalink is
// written from the scenario Evaluate validated, and the animation is sent
// its own link, not the whole cluster to validate again. The result itself
// comes from evaluate when it is wanted (export), which keeps this call
// light.
func update(in string) string {
	return guard(func() (string, error) {
		s, err := parseScenario(in)
		if err != nil {
			return "", err
		}
		r, err := core.Evaluate(s)
		if err != nil {
			return "", err
		}
		f, fresh, err := cachedFigures(s)
		if err != nil {
			return "", err
		}
		if !fresh {
			f = nil // the page has them already
		}
		lastScenario = s
		return marshal(struct {
			Scenario  core.Scenario    `json:"scenario"`
			HTML      report.Live      `json:"html"`
			Figures   *figures.Figures `json:"figures"` // null when unchanged since the last call
			Permalink string           `json:"permalink"`
			Anim      scene.Params     `json:"anim"` // the animation's link
		}{s.Canonical(), report.Render(&r, f), f, r.Permalink(), scene.FromResult(&r)})
	})
}

// The figures do not depend on the GPU count (the cluster chart sweeps its
// own sizes), and most edits change only numbers: the last figures are
// kept for the scenario they were computed for, GPU count aside.
var figureCache struct {
	key     string
	figures figures.Figures
}

func cachedFigures(s core.Scenario) (f *figures.Figures, fresh bool, err error) {
	k := s.Canonical()
	k.GPUs = 0
	b, err := json.Marshal(k)
	if err != nil {
		return nil, false, err
	}
	if string(b) == figureCache.key {
		return &figureCache.figures, false, nil
	}
	fig, err := figures.Compute(s)
	if err != nil {
		return nil, false, err
	}
	figureCache.key, figureCache.figures = string(b), fig
	return &figureCache.figures, true, nil
}

// resetFigures forgets the cached figures: a page that (re)loads has none.
func resetFigures() { figureCache.key = "" }
