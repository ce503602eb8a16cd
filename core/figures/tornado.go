package figures

import (
	"math"
	"strconv"
	"strings"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
)

// Tornado is what decides one headline: for each of the parameters that
// move it most, the headline's change when that parameter alone goes to
// its low or its high end, the others at their defaults (core.Uncertainty's
// tornado), in a unit a chart reads.
type Tornado struct {
	Path    string
	Title   string  // the headline's name: "interconnect power", "tier 2 (leaf to spine): tier power"
	Unit    string  // of Default, Low and High: "MW", "$ million", "points"
	Default float64 // the headline with every parameter at its default
	IDs     []string
	Names   []string // the parameters' names, short
	Low     Values   // the change with the parameter at its low
	High    Values   // … at its high
	// SetNames are the parameters the reader set, by name: the headline's
	// value is with them, not with their defaults. Their bars are in the
	// chart, their names marked.
	SetNames []string
}

// chartUnit picks the unit a chart of values near v reads best in, and
// the factor from the contract's unit to it.
func chartUnit(unit string, v float64) (string, float64) {
	a := math.Abs(v)
	switch unit {
	case "W":
		switch {
		case a >= 1e6:
			return "MW", 1e-6
		case a >= 1e3:
			return "kW", 1e-3
		}
	case "USD":
		switch {
		case a >= 1e9:
			return "$ billion", 1e-9
		case a >= 1e6:
			return "$ million", 1e-6
		}
		return "$", 1
	case "MWh":
		if a >= 1e3 {
			return "GWh", 1e-3
		}
	case "share":
		return "%", 100
	}
	return unit, 1
}

// ShortName is a parameter's name without its parenthesis.
func ShortName(c *label.Catalogue, id string) string {
	p, ok := core.LookupParam(id)
	if !ok {
		return id
	}
	name := p.Title(c)
	for _, open := range []string{" (", "（"} {
		if i := strings.Index(name, open); i > 0 {
			name = name[:i]
		}
	}
	return name
}

// HeadlineTitle names a headline of a result by its path: its field's
// label, after its tier's or stage's name where it has one.
func HeadlineTitle(c *label.Catalogue, r *core.Result, path string) string {
	name := r.LabelOf(c, path)
	if name == "" {
		return path
	}
	lead := ""
	if rest, ok := strings.CutPrefix(path, "tiers["); ok {
		if i, err := strconv.Atoi(rest[:strings.IndexByte(rest, ']')]); err == nil {
			lead = strconv.Itoa(i+1) + ". " + core.TierName(c, i, len(r.Tiers))
		}
	} else if rest, ok := strings.CutPrefix(path, "by_stage["); ok {
		if i, err := strconv.Atoi(rest[:strings.IndexByte(rest, ']')]); err == nil && i < len(r.ByStage) {
			lead = core.StageLabel(c, r.ByStage[i].Stage)
		}
	}
	if lead == "" {
		return name
	}
	return c.Format("report.of", "lead", lead, "name", name)
}

// Tornadoes are the tornadoes of every headline of an uncertainty run of
// r's scenario that has a value at the defaults, in the run's order.
func Tornadoes(c *label.Catalogue, r *core.Result, u *core.UncertaintyResult) []Tornado {
	var out []Tornado
	for _, path := range u.Paths {
		b, ok := u.Bands[path]
		sw := u.Tornado[path]
		n, err := r.Number(path)
		if !ok || err != nil || len(sw) == 0 || math.IsNaN(b.Default) {
			continue
		}
		unit, k := chartUnit(n.Unit, b.Default)
		t := Tornado{Path: path, Title: HeadlineTitle(c, r, path), Unit: unit, Default: b.Default * k, SetNames: setNames(c, r)}
		for _, s := range sw {
			t.IDs = append(t.IDs, s.ID)
			name := ShortName(c, s.ID)
			if s.Set {
				name = c.Format("report.tornado.set_name", "name", name)
			}
			t.Names = append(t.Names, name)
			t.Low = append(t.Low, (s.Low-b.Default)*k)
			t.High = append(t.High, (s.High-b.Default)*k)
		}
		out = append(out, t)
	}
	return out
}

// setNames are the names of the parameters the reader set, in the
// catalogue's order.
func setNames(c *label.Catalogue, r *core.Result) []string {
	var out []string
	for _, p := range core.Catalogue() {
		if _, ok := r.Scenario.Params[p.ID]; ok {
			out = append(out, ShortName(c, p.ID))
		}
	}
	return out
}

// RangeBar is one stage's 90 % range of scale-out power at the scenario's
// size, over an uncertainty run's draws: the cluster chart's error bar.
type RangeBar struct {
	Stage     string
	Name      string // the chart's series name
	GPUs      int
	Low, High float64 // MW
}

// ClusterBars are the cluster chart's error bars: each stage that some
// draws can build, at the scenario's GPU count.
func ClusterBars(c *label.Catalogue, r *core.Result, u *core.UncertaintyResult) []RangeBar {
	var out []RangeBar
	for i := range r.ByStage {
		b, ok := u.Bands[core.FieldPath("by_stage[].totals.scale_out_watts", i)]
		if !ok || b.N == 0 {
			continue
		}
		st := r.ByStage[i].Stage
		out = append(out, RangeBar{Stage: st, Name: c.Get("series." + st), GPUs: r.Scenario.GPUs, Low: b.P5 / 1e6, High: b.P95 / 1e6})
	}
	return out
}
