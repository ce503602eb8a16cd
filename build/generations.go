package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/report"
)

// The generations (core.Generations): the explainer's section on when
// copper runs out (its story, its two charts and the year picker) and the
// methodology's table. Every number is core's, computed once for both
// editions (computed.gens) and worded here.

// genSamples is the draws of each generation's uncertainty run.
const genSamples = 400

// genStages are the stages the power chart and the picker show: the
// article's pluggable, its linear half-step and co-packaged optics.
var genStages = []string{"dsp", "lpo", "cpo"}

// stageIndex returns a by_stage key's place.
func stageIndex(key string) int {
	for i, s := range core.Stages {
		if s == key {
			return i
		}
	}
	return -1
}

// genYear is a generation's name on the page: its year, marked when it is
// a projection.
func genYear(g *core.Generation) string {
	y := strconv.Itoa(g.Year)
	if g.Projected {
		return ed.Cat.Format("gen.projected", "year", y)
	}
	return y
}

// genSystems is a generation's systems in the edition's words (the names
// are the products').
func genSystems(g *core.Generation) string {
	return ed.Cat.Or("genrow."+strconv.Itoa(g.Year)+".systems", g.Systems)
}

// spanText writes a value with its range where it has one.
func spanText(s core.Span, text func(float64) string) string {
	if !s.Ranged() {
		return text(s.Mid)
	}
	return ed.Cat.Format("gen.range", "mid", text(s.Mid), "low", text(s.Low), "high", text(s.High))
}

func gbps(v float64) string   { return core.BitRate(v * 1e9).In(ed.Cat) }
func watts(v float64) string  { return core.Power(v).In(ed.Cat) }
func gcount(v float64) string { return ed.Cat.Count(int(math.Round(v))) }

// genNumber is one number of the picker: its label and its words.
type genNumber struct {
	Key, Label, Value string
}

// genRow is one generation as the picker shows it.
type genRow struct {
	Year    string      `json:"year"`
	At      int         `json:"at"` // its place on the charts' axis of years
	Link    string      `json:"link"`
	Open    string      `json:"open"`
	Numbers []genNumber `json:"-"`
	Values  []string    `json:"values"` // Numbers' values, for the script
}

// genRows words every generation's numbers.
func (m *model) genRows() []genRow {
	var out []genRow
	for i := range m.gens {
		g := &m.gens[i]
		gen := g.Generation
		r := &g.Result
		row := genRow{Year: genYear(gen), At: gen.Year - m.gens[0].Generation.Year, Link: g.Permalink, Open: ed.Cat.Format("gen.open", "year", genYear(gen))}
		add := func(key, label, value string) {
			row.Numbers = append(row.Numbers, genNumber{Key: key, Label: label, Value: value})
		}
		add("systems", ed.Cat.Get("gen.number.systems"), genSystems(gen))
		add("lane", ed.Cat.Get("gen.number.lane"), ed.Cat.Format("gen.number.lane_value", "out", spanText(gen.LaneGbps, gbps), "up", gbps(gen.UpLaneGbps)))
		add("cluster", ed.Cat.Get("gen.number.cluster"), spanText(gen.ClusterGPUs, gcount))
		add("gpu", ed.Cat.Get("gen.number.gpu"), spanText(gen.GPUWatts, watts))
		add("scale_up", ed.Cat.Get("gen.number.scale_up"), spanText(gen.UpGBps, func(v float64) string { return core.BitRate(v * 8e9).In(ed.Cat) }))
		add("domain", ed.Cat.Get("gen.number.domain"), ed.Cat.Format("gen.number.domain_value", "n", gcount(float64(r.ScaleUp.DomainGPUs)), "tech", r.ScaleUp.Tech.Name(ed.Cat), "length", r.ScaleUp.Length.In(ed.Cat)))
		add("reach", ed.Cat.Get("gen.number.reach"), ed.Cat.Format("gen.number.reach_value", "dac", report.In(ed.Cat).Reach(g.Reach[0]), "acc", report.In(ed.Cat).Reach(g.Reach[1]), "aec", report.In(ed.Cat).Reach(g.Reach[2])))
		tiers := ed.Cat.Get("gen.number.copper_none")
		if g.CopperTiers > 0 {
			tiers = ed.Cat.Format("gen.number.copper_some", "n", strconv.Itoa(g.CopperTiers), "all", strconv.Itoa(len(r.Tiers)), "length", r.Tiers[g.CopperTiers-1].Length.In(ed.Cat))
		}
		add("copper_tiers", ed.Cat.Get("gen.number.copper_tiers"), tiers)
		for _, key := range genStages {
			j := stageIndex(key)
			name := core.StageLabel(ed.Cat, key)
			v := ed.Cat.Get("gen.number.no_build")
			if p, ok := g.PerGPU(j); ok {
				v = p.In(ed.Cat)
				if b := g.Bands[j]; b.N > 0 {
					v = ed.Cat.Format("gen.number.power_value", "mid", v, "low", watts(b.P5), "high", watts(b.P95))
				}
				v = ed.Cat.Format("gen.number.power_pj", "power", v, "pj", ed.Cat.Number(g.PJPerBit(j), 3))
			}
			add("power_"+key, ed.Cat.Format("gen.number.power", "stage", name), v)
		}
		add("share", ed.Cat.Get("gen.number.share"), r.Totals.InterconnectShare.Percent(ed.Cat))
		for _, n := range row.Numbers {
			row.Values = append(row.Values, n.Value)
		}
		out = append(out, row)
	}
	return out
}

// genView is the picker as its template (site/templates/generations.html)
// shows it.
type genView struct {
	Pick, Calculator string
	Max, Index       int
	Current          genRow
	Rows             []genRow
	Keys             []string
}

// generations is the picker of the explainer's section, at today's row.
func (m *model) generations(calculator string) genView {
	rows := m.genRows()
	v := genView{Pick: ed.Cat.Get("gen.pick"), Calculator: calculator, Max: len(rows) - 1, Rows: rows}
	for i := range m.gens {
		if m.gens[i].Generation.Year <= core.Today {
			v.Index = i
		}
	}
	v.Current = rows[v.Index]
	for _, n := range v.Current.Numbers {
		v.Keys = append(v.Keys, n.Key)
	}
	return v
}

// genStory is the section's prose, from the computed table: when copper
// left the hall and the row, when it leaves the rack, and where the
// scale-up domain leaves it.
func (m *model) genStory() string {
	gs := m.gens
	first := &gs[0]
	var parts []string
	best := func(g *core.GenerationResult) core.Length { return g.Best }
	bestTech := func(g *core.GenerationResult) core.Tech {
		t := core.CopperTechs()[0]
		for i, x := range core.CopperTechs() {
			if g.Reach[i] == g.Best {
				t = x
			}
		}
		return t
	}
	rack, row, hall := core.Length(core.RackM), core.Length(core.RowM), core.Length(core.HallM)
	if _, before, ok := core.FirstYear(gs, best, row); ok && before {
		parts = append(parts, ed.Cat.Format("gen.story.hall_before", "year", strconv.Itoa(first.Generation.Year), "lane", gbps(first.Scenario.LaneGbps),
			"tech", bestTech(first).Name(ed.Cat), "reach", first.Best.In(ed.Cat), "row", row.In(ed.Cat), "hall", hall.In(ed.Cat)))
	}
	dac := func(g *core.GenerationResult) core.Length { return g.Reach[0] }
	if y, _, ok := core.FirstYear(gs, dac, rack); ok {
		g := m.gen(y)
		parts = append(parts, ed.Cat.Format("gen.story.rack_dac", "year", genYear(g.Generation), "lane", gbps(g.Scenario.LaneGbps), "reach", g.Reach[0].In(ed.Cat), "rack", rack.In(ed.Cat)))
	}
	if y, _, ok := core.FirstYear(gs, best, rack); ok {
		g := m.gen(y)
		parts = append(parts, ed.Cat.Format("gen.story.rack_best", "year", genYear(g.Generation), "lane", gbps(g.Scenario.LaneGbps), "reach", g.Best.In(ed.Cat), "rack", rack.In(ed.Cat)))
	} else {
		last := &gs[len(gs)-1]
		parts = append(parts, ed.Cat.Format("gen.story.rack_kept", "year", genYear(last.Generation), "tech", bestTech(last).Name(ed.Cat), "reach", last.Best.In(ed.Cat),
			"lane", gbps(last.Scenario.LaneGbps), "rack", rack.In(ed.Cat)))
	}
	left := -1
	for i := range gs {
		if !gs[i].UpTech.Copper() {
			left = i
			break
		}
	}
	if left < 0 {
		parts = append(parts, ed.Cat.Get("gen.story.scale_up_copper"))
	} else {
		g := &gs[left]
		parts = append(parts, ed.Cat.Format("gen.story.scale_up", "year", genYear(g.Generation), "gpus", gcount(float64(g.Result.ScaleUp.DomainGPUs)),
			"length", g.Result.ScaleUp.Length.In(ed.Cat), "lane", gbps(g.Generation.UpLaneGbps), "tech", g.UpTech.Name(ed.Cat),
			"reach", g.UpBest.In(ed.Cat)))
	}
	story := parts[0]
	for _, p := range parts[1:] {
		story = ed.Cat.Format("report.then", "a", story, "b", p) // "a b" in English, "ab" in Chinese
	}
	return story
}

// gen returns the generation of a year.
func (m *model) gen(year int) *core.GenerationResult {
	for i := range m.gens {
		if m.gens[i].Generation.Year == year {
			return &m.gens[i]
		}
	}
	return &m.gens[0]
}

// genCats are the tables' first column: the years, projections marked.
func (m *model) genCats() []string {
	var cats []string
	for i := range m.gens {
		cats = append(cats, genYear(m.gens[i].Generation))
	}
	return cats
}

// genAxes puts a generations chart's years on its axis, one category a
// year (the rows are not evenly spaced: a year without a row has no
// point, and the line runs across it); it returns the mark of the first
// projected year.
func (m *model) genAxes(line *charts.Line, yAxis opts.YAxis) charts.SeriesOpts {
	first, last := m.gens[0].Generation.Year, m.gens[len(m.gens)-1].Generation.Year
	var years []string
	for y := first; y <= last; y++ {
		years = append(years, strconv.Itoa(y))
	}
	line.SetGlobalOptions(
		charts.WithXAxisOpts(opts.XAxis{Name: ed.Cat.Get("chart.axis.year"), NameLocation: "middle", NameGap: 28}),
		charts.WithYAxisOpts(yAxis),
	)
	line.SetXAxis(years)
	// The projections start after today: a line there (our copy of
	// ECharts carries the mark line, not the mark area).
	return charts.WithMarkLineNameXAxisItemOpts(opts.MarkLineNameXAxisItem{Name: ed.Cat.Get("chart.mark.projected"), XAxis: strconv.Itoa(core.Today + 1)})
}

// genSeries is a generations chart's line: each row's value (ok false:
// none, a gap) at its year, none in the years without a row.
func (m *model) genSeries(value func(g *core.GenerationResult) (float64, bool)) []opts.LineData {
	first, last := m.gens[0].Generation.Year, m.gens[len(m.gens)-1].Generation.Year
	out := make([]opts.LineData, last-first+1)
	for i := range out {
		out[i] = opts.LineData{Value: "-"}
	}
	for i := range m.gens {
		if v, ok := value(&m.gens[i]); ok {
			out[m.gens[i].Generation.Year-first] = opts.LineData{Value: roundSig(v)}
		}
	}
	return out
}

// genLine is the options of a generations line: connected across the
// years without a row (a stage that cannot build a row has none either
// side of it in this table, where it never builds again).
func genLine(colour string, dash string) []charts.SeriesOpts {
	return []charts.SeriesOpts{charts.WithItemStyleOpts(opts.ItemStyle{Color: colour}), charts.WithLineStyleOpts(opts.LineStyle{Color: colour, Width: 2, Type: dash}),
		charts.WithLineChartOpts(opts.LineChart{ConnectNulls: opts.Bool(true)})}
}

func generationsReachChart(m *model, host string) (*chart, error) {
	c := &chart{ID: "generations-reach", Title: ed.Cat.Get("chart.generations-reach.title"),
		Caption: ed.Cat.Format("chart.generations-reach.caption", "today", strconv.Itoa(core.Today)),
		Source:  ed.Cat.Get("chart.generations-reach.source"),
		Summary: ed.Cat.Get("chart.generations-reach.summary"),
		Unit:    "m"}
	line := charts.NewLine()
	line.SetGlobalOptions(base(c.ID, c.Summary)...)
	projected := m.genAxes(line, opts.YAxis{Type: "log", Name: ed.Cat.Get("chart.axis.reach"), Min: reachFloor, Max: 1000})
	cats := m.genCats()
	head := []string{ed.Cat.Get("chart.head.year"), ed.Cat.Get("chart.head.lane")}
	rows := make([][]string, len(m.gens))
	for i := range m.gens {
		rows[i] = []string{cats[i], gbps(m.gens[i].Scenario.LaneGbps)}
	}
	rack := core.Length(core.RackM)
	// The years a part of the cluster leaves copper, marked across the
	// chart: each copper technology's first year short of the rack, and
	// the scale-up domain's first year on another technology.
	var years []string
	leaving := map[string][]string{}
	mark := func(year int, what string) {
		y := strconv.Itoa(year)
		if leaving[y] == nil {
			years = append(years, y)
		}
		leaving[y] = append(leaving[y], what)
	}
	for k, tech := range core.CopperTechs() {
		for i := range m.gens {
			if g := &m.gens[i]; g.Reach[k] < rack {
				mark(g.Generation.Year, tech.Abbrev())
				break
			}
		}
	}
	sep := ed.Cat.Get("report.list_sep")
	var marks []opts.MarkLineNameXAxisItem
	for _, y := range years {
		marks = append(marks, opts.MarkLineNameXAxisItem{Name: ed.Cat.Format("chart.mark.leaves", "tech", strings.Join(leaving[y], sep)), XAxis: y})
	}
	for i := range m.gens {
		if g := &m.gens[i]; !g.UpTech.Copper() {
			marks = append(marks, opts.MarkLineNameXAxisItem{Name: ed.Cat.Get("chart.mark.up_leaves"), XAxis: strconv.Itoa(g.Generation.Year)})
			break
		}
	}
	for k, tech := range core.CopperTechs() {
		for i := range m.gens {
			rows[i] = append(rows[i], report.In(ed.Cat).Reach(m.gens[i].Reach[k]))
		}
		head = append(head, tech.Name(ed.Cat))
		so := genLine(techColour(tech), "solid")
		if k == 0 {
			so = append(so, projected, charts.WithMarkLineNameXAxisItemOpts(marks...), charts.WithMarkLineNameYAxisItemOpts(
				opts.MarkLineNameYAxisItem{Name: ed.Cat.Get("mark.rack") + " " + rack.In(ed.Cat), YAxis: core.RackM},
				opts.MarkLineNameYAxisItem{Name: ed.Cat.Get("mark.row") + " " + core.Length(core.RowM).In(ed.Cat), YAxis: core.RowM},
				opts.MarkLineNameYAxisItem{Name: ed.Cat.Get("mark.hall") + " " + core.Length(core.HallM).In(ed.Cat), YAxis: core.HallM}),
				charts.WithMarkLineStyleOpts(opts.MarkLineStyle{Symbol: []string{"none", "none"}, Label: &opts.Label{Show: opts.Bool(true), Formatter: "{b}", Position: "insideEndTop"}, LineStyle: &opts.LineStyle{Color: "#7f7f7f", Type: "dashed"}}))
		}
		// Below the axis's floor a cable does not run the lane: no point.
		line.AddSeries(tech.Name(ed.Cat), m.genSeries(func(g *core.GenerationResult) (float64, bool) {
			return g.Reach[k].Metres(), g.Reach[k].Metres() >= reachFloor
		}), so...)
	}
	for i := range m.gens {
		rows[i] = append(rows[i], m.gens[i].Result.ScaleUp.Length.In(ed.Cat))
	}
	head = append(head, ed.Cat.Get("chart.series.up_length"))
	line.AddSeries(ed.Cat.Get("chart.series.up_length"), m.genSeries(func(g *core.GenerationResult) (float64, bool) {
		return g.Result.ScaleUp.Length.Metres(), true
	}), genLine("#7f7f7f", "dotted")...)
	t := report.Table{Caption: ed.Cat.Get("chart.generations-reach.table"), Head: head, Num: numAfter(1, len(head))}
	for _, r := range rows {
		t.AddRow(r...)
	}
	c.Table = t.HTML(ed.Cat)
	return finish(c, host, &line.BaseConfiguration, func() string { line.Validate(); return line.RenderSnippet().Option }), nil
}

// numAfter marks the columns from i on as numbers.
func numAfter(i, n int) map[int]bool {
	out := map[int]bool{}
	for ; i < n; i++ {
		out[i] = true
	}
	return out
}

func generationsPowerChart(m *model, host string) (*chart, error) {
	c := &chart{ID: "generations-power", Title: ed.Cat.Get("chart.generations-power.title"),
		Caption: ed.Cat.Format("chart.generations-power.caption", "today", strconv.Itoa(core.Today)),
		Source:  ed.Cat.Format("chart.generations-power.source", "n", gcount(genSamples)),
		Summary: ed.Cat.Get("chart.generations-power.summary"),
		Unit:    "W"}
	line := charts.NewLine()
	line.SetGlobalOptions(base(c.ID, c.Summary)...)
	projected := m.genAxes(line, opts.YAxis{Type: "log", Name: ed.Cat.Get("chart.axis.watts_per_gpu")})
	cats := m.genCats()
	head := []string{ed.Cat.Get("chart.head.year")}
	rows := make([][]string, len(m.gens))
	for i := range rows {
		rows[i] = []string{cats[i]}
	}
	for n, key := range genStages {
		j := stageIndex(key)
		if j < 0 {
			return nil, fmt.Errorf("no stage %q", key)
		}
		for i := range m.gens {
			g := &m.gens[i]
			p, ok := g.PerGPU(j)
			cell := ed.Cat.Get("gen.number.no_build")
			if ok {
				cell = p.In(ed.Cat)
				if b := g.Bands[j]; b.N > 0 {
					cell = ed.Cat.Format("gen.number.power_value", "mid", cell, "low", watts(b.P5), "high", watts(b.P95))
				}
			}
			rows[i] = append(rows[i], cell)
		}
		name := core.StageLabel(ed.Cat, key)
		head = append(head, name)
		so := genLine(comparisonColour(key), "solid")
		if n == 0 {
			so = append(so, projected, charts.WithMarkLineStyleOpts(opts.MarkLineStyle{Symbol: []string{"none", "none"}, Label: &opts.Label{Show: opts.Bool(true), Formatter: "{b}", Position: "insideEndTop"}, LineStyle: &opts.LineStyle{Color: "#7f7f7f", Type: "dashed"}}))
		}
		// A stage that cannot build the cluster: no point.
		line.AddSeries(name, m.genSeries(func(g *core.GenerationResult) (float64, bool) {
			p, ok := g.PerGPU(j)
			return p.Watts(), ok
		}), so...)
	}
	// Each stage's 90 % band of each year: an upright bar from its 5th to
	// its 95th percentile (two points of one year, then a gap), pale, in
	// the stage's colour.
	first := m.gens[0].Generation.Year
	for _, key := range genStages {
		j := stageIndex(key)
		var data []opts.LineData
		for i := range m.gens {
			if b := m.gens[i].Bands[j]; b.N > 0 {
				x := m.gens[i].Generation.Year - first
				data = append(data, opts.LineData{Value: []any{x, roundSig(b.P5)}}, opts.LineData{Value: []any{x, roundSig(b.P95)}}, opts.LineData{Value: "-"})
			}
		}
		colour := comparisonColour(key)
		line.AddSeries(ed.Cat.Format("chart.band", "name", core.StageLabel(ed.Cat, key)), data,
			charts.WithItemStyleOpts(opts.ItemStyle{Color: colour, Opacity: opts.Float(0.35)}),
			charts.WithLineStyleOpts(opts.LineStyle{Color: colour, Width: 7, Opacity: opts.Float(0.35)}),
			charts.WithLineChartOpts(opts.LineChart{ConnectNulls: opts.Bool(false), ShowSymbol: opts.Bool(false)}))
	}
	t := report.Table{Caption: ed.Cat.Get("chart.generations-power.table"), Head: head, Num: numAfter(1, len(head))}
	for _, r := range rows {
		t.AddRow(r...)
	}
	c.Table = t.HTML(ed.Cat)
	return finish(c, host, &line.BaseConfiguration, func() string { line.Validate(); return line.RenderSnippet().Option }), nil
}

// generationsTable is the methodology's table of the generations, then
// the systems and sources of every row.
func (m *model) generationsTable() string {
	t := report.Table{ID: "t-generations", Caption: ed.Cat.Get("table.gen.caption"), Head: cols("table.gen.head"),
		Num: map[int]bool{1: true, 2: true, 3: true, 4: true, 6: true, 7: true}, Cards: true, Long: map[int]bool{8: true}}
	src := report.Table{ID: "t-generation-sources", Caption: ed.Cat.Get("table.gen_sources.caption"), Head: cols("table.gen_sources.head"),
		Cards: true, Long: map[int]bool{1: true, 2: true}}
	num := func(v float64) string { return ed.Cat.Input(v) }
	for i := range core.Generations {
		g := &core.Generations[i]
		chips := ed.Cat.Get("table.gen.chips_none")
		switch {
		case g.DomainChips > 0:
			chips = strconv.Itoa(g.DomainChips)
		case g.Projected:
			chips = "—" // not announced
		}
		var ship []string
		for _, part := range g.Shipping {
			var names []string
			for _, id := range part {
				names = append(names, shipName(id))
			}
			ship = append(ship, strings.Join(names, ed.Cat.Get("report.list_sep")))
		}
		t.Rows = append(t.Rows, []report.Cell{report.T(genYear(g)),
			report.T(spanText(g.LaneGbps, num) + " / " + num(g.UpLaneGbps)),
			report.T(spanText(g.UpGBps, num)), report.T(spanText(g.OutGbps, num)), report.T(spanText(g.GPUWatts, num)),
			report.T(spanText(g.DomainGPUs, gcount) + ed.Cat.Get("report.parts_sep") + chips),
			report.T(spanText(g.SwitchTbps, num)), report.T(spanText(g.ClusterGPUs, gcount)),
			report.T(strings.Join(ship, " / "))})
		src.Rows = append(src.Rows, []report.Cell{report.T(genYear(g)), report.T(genSystems(g)), sourceList("genrow."+strconv.Itoa(g.Year)+".source.", g.Sources)})
	}
	return t.HTML(ed.Cat) + src.HTML(ed.Cat)
}

// shipName is the reader's name of what shipped: a technology, or the
// GPUs' own board.
func shipName(id string) string {
	if id == core.ShipPCB {
		return ed.Cat.Get("gen.tech.pcb")
	}
	return ed.Cat.Tech(id)
}
