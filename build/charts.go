package main

import (
	"fmt"
	"math"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/figures"
	"github.com/cpocalc/cpocalc/core/report"
)

// The charts: one function per chart, fed by core, configured with
// go-echarts, with a fixed chart ID (so the output is deterministic) and a
// table for readers without scripts or sight of the canvas.

// chart is one figure of the site.
type chart struct {
	ID      string
	Title   string
	Caption string // one or two sentences: what it shows and what to see
	Source  string
	Summary string // the aria-label of the canvas
	Table   string // HTML
	Option  string // ECharts option, JSON
	Scripts []string
	// Unit and XUnit are the units of the values and of the x axis, for
	// the tooltips ("" leaves ECharts' own tooltip); Stacked charts show
	// the total of the bars.
	Unit, XUnit string
	Stacked     bool
}

// Okabe-Ito colours, distinguishable with the common colour-vision
// deficiencies; each technology keeps its colour on every chart.
var techColours = map[core.Tech]string{
	core.DAC: "#D55E00", core.ACC: "#CC79A7", core.AEC: "#E69F00",
	core.DSP: "#0072B2", core.LRO: "#332288", core.LPO: "#56B4E9", core.NPO: "#117733", core.CPO: "#009E73",
}

// extraColours colour a technology the map above does not name, by its
// place in the table, so that a new row draws without a code change here.
var extraColours = []string{"#999999", "#332288", "#882255", "#117733"}

// techColour returns a technology's colour.
func techColour(t core.Tech) string {
	if c, ok := techColours[t]; ok {
		return c
	}
	for i, x := range core.Techs {
		if x == t {
			return extraColours[i%len(extraColours)]
		}
	}
	return extraColours[0]
}

// comparisonColour is the colour of a by_stage comparison: its
// technology's, or for copper alone its stage's first.
func comparisonColour(key string) string {
	for _, c := range core.Comparisons {
		if c.Key != key {
			continue
		}
		if c.Tech == core.Auto {
			return techColour(core.StageLead(c.Only))
		}
		return techColour(c.Tech)
	}
	return extraColours[0]
}

var componentColour = map[string]string{
	"host_serdes": "#7f7f7f", "fixed": "#882255", "redriver": "#CC79A7", "retimer": "#E69F00",
	"dsp": "#0072B2", "driver_tia": "#56B4E9", "modulator": "#F0E442", "laser": "#D55E00", "overhead": "#009E73",
}

var latencyColour = map[string]string{
	"flight": "#56B4E9", "serdes": "#7f7f7f", "fec_accumulation": "#E69F00", "fec_decode": "#D55E00", "fec_inner": "#882255", "dsp": "#0072B2", "retimer": "#CC79A7",
}

// chartBuilder makes one chart; host is the AssetsHost for go-echarts (the
// page-relative folder of our own copy of ECharts).
type chartBuilder func(m *model, host string) (*chart, error)

var chartBuilders = map[string]chartBuilder{
	"copper-wall":       copperWallChart,
	"energy-per-bit":    energyChart,
	"cluster-power":     clusterPowerChart,
	"electrical-path":   electricalPathChart,
	"latency":           latencyChart,
	"insertion-loss":    insertionLossChart,
	"fiber-prices":      fiberPricesChart,
	"generations-reach": generationsReachChart,
	"generations-power": generationsPowerChart,
}

// ChartIDs lists the chart ids in a fixed order.
func chartIDs() []string { return sortedKeys(chartBuilders) }

// roundSig keeps 4 significant figures: enough for a chart, and stable.
func roundSig(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	p := math.Pow(10, 3-math.Floor(math.Log10(math.Abs(x))))
	return math.Round(x*p) / p
}

func base(id, summary string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{ChartID: id, Width: "100%", Height: "380px", Renderer: "svg"}),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true), Label: &opts.AriaLabel{Enabled: opts.Bool(true), Description: summary}}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0"}),
		charts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(false)}),
		// Room below for the x axis's name (containLabel holds the labels,
		// not the name) and on the right for the last label.
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "36", Top: "48", Bottom: "40", ContainLabel: opts.Bool(true)}),
	}
}

// finish validates a go-echarts chart against the assets host and takes its
// option and scripts.
func finish(c *chart, host string, cfg *charts.BaseConfiguration, snippet func() string) *chart {
	cfg.AssetsHost = host
	cfg.Assets.Validate(host)
	c.Option = snippet()
	c.Scripts = append([]string(nil), cfg.JSAssets.Values...)
	return c
}

// reachFloor is the copper wall's floor: its log axis starts there (the
// bars with it, app.js), and a reach below it does not reach.
const reachFloor = 0.1

// noReachMark lifts a "does not reach" mark just off the floor (a bar
// of no height draws no label).
const noReachMark = 1.25

func copperWallChart(m *model, host string) (*chart, error) {
	c := &chart{ID: "copper-wall", Title: ed.Cat.Get("chart.copper-wall.title"),
		Caption: ed.Cat.Get("chart.copper-wall.caption"),
		Source:  ed.Cat.Get("chart.copper-wall.source"),
		Summary: ed.Cat.Get("chart.copper-wall.summary"),
		Unit:    "m"}
	f := m.figures
	bar := charts.NewBar()
	bar.SetGlobalOptions(base(c.ID, c.Summary)...)
	bar.SetGlobalOptions(
		charts.WithXAxisOpts(opts.XAxis{Name: ed.Cat.Get("chart.axis.lane_rate"), NameLocation: "middle", NameGap: 28}),
		charts.WithYAxisOpts(opts.YAxis{Type: "log", Name: ed.Cat.Get("chart.axis.reach"), Min: reachFloor, Max: 1000}),
	)
	var cats []string
	for _, l := range f.Lanes {
		cats = append(cats, fmtNum(l, 3)+" Gb/s")
	}
	bar.SetXAxis(cats)
	for i, tech := range f.CopperWall.Techs {
		var data []opts.BarData
		for _, v := range f.CopperWall.Reach[i] {
			switch {
			case math.IsNaN(v) || v < reachFloor: // NaN: a cable that cannot run the lane at all
				// Said where the bar would stand: a mark on the floor, and
				// the words in the tooltip (app.js) and the table.
				data = append(data, opts.BarData{Name: ed.Cat.Get("report.no_reach"), Value: reachFloor * noReachMark,
					ItemStyle: &opts.ItemStyle{Color: "transparent"},
					Label:     &opts.Label{Show: opts.Bool(true), Formatter: "✕", Position: "top", Color: techColour(tech), FontSize: 14}})
			default:
				data = append(data, opts.BarData{Value: roundSig(v)})
			}
		}
		so := []charts.SeriesOpts{charts.WithItemStyleOpts(opts.ItemStyle{Color: techColour(tech)})}
		// The tiers' lengths: the first series carries the marks labelled
		// above their lines, the second those labelled below (a mark too
		// close under the next one up; ECharts places labels per mark
		// line, and go-echarts has no label per item). The page fills
		// both the same way.
		if i < 2 {
			below := i == 1
			lines := []opts.MarkLineNameYAxisItem{}
			for _, mk := range f.CopperWall.Marks {
				if mk.Below == below {
					lines = append(lines, opts.MarkLineNameYAxisItem{Name: mk.Name, YAxis: mk.LengthM})
				}
			}
			pos := "insideEndTop"
			if below {
				pos = "insideEndBottom"
			}
			so = append(so, charts.WithMarkLineNameYAxisItemOpts(lines...),
				charts.WithMarkLineStyleOpts(opts.MarkLineStyle{Symbol: []string{"none", "none"}, Label: &opts.Label{Show: opts.Bool(true), Formatter: "{b}", Position: pos}, LineStyle: &opts.LineStyle{Color: "#7f7f7f", Type: "dashed"}}))
		}
		bar.AddSeries(tech.Name(ed.Cat), data, so...)
	}
	c.Table = report.In(ed.Cat).ChartTables(&m.figures)[c.ID]
	return finish(c, host, &bar.BaseConfiguration, func() string { bar.Validate(); return bar.RenderSnippet().Option }), nil
}

// stackedByTech draws one bar per technology, stacked by component, from a
// breakdown computed by core; components that are zero everywhere are left
// out of the chart and the table.
func stackedByTech(m *model, c *chart, host, yName string, d figures.Breakdown, colours map[string]string) *chart {
	c.Unit, c.Stacked = d.Unit, true
	bar := charts.NewBar()
	bar.SetGlobalOptions(base(c.ID, c.Summary)...)
	bar.SetGlobalOptions(charts.WithYAxisOpts(opts.YAxis{Name: yName}))
	var cats []string
	for _, t := range d.Techs {
		cats = append(cats, t.Abbrev())
	}
	bar.SetXAxis(cats)
	for i, key := range d.Components {
		var data []opts.BarData
		nonzero := false
		for _, v := range d.Values[i] {
			nonzero = nonzero || v > 0
			data = append(data, opts.BarData{Value: roundSig(v)})
		}
		if !nonzero {
			continue
		}
		bar.AddSeries(d.Labels[i], data, charts.WithBarChartOpts(opts.BarChart{Stack: c.ID}), charts.WithItemStyleOpts(opts.ItemStyle{Color: colours[key]}))
	}
	c.Table = report.In(ed.Cat).ChartTables(&m.figures)[c.ID]
	return finish(c, host, &bar.BaseConfiguration, func() string { bar.Validate(); return bar.RenderSnippet().Option })
}

func energyChart(m *model, host string) (*chart, error) {
	c := &chart{ID: "energy-per-bit", Title: ed.Cat.Get("chart.energy-per-bit.title"),
		Caption: m.words["energy-per-bit.caption"],
		Source:  ed.Cat.Get("chart.energy-per-bit.source"),
		Summary: ed.Cat.Format("chart.energy-per-bit.summary", "n", strconv.Itoa(len(m.figures.Energy.Techs)))}
	return stackedByTech(m, c, host, ed.Cat.Get("chart.axis.energy"), m.figures.Energy, componentColour), nil
}

func clusterPowerChart(m *model, host string) (*chart, error) {
	c := &chart{ID: "cluster-power", Title: ed.Cat.Get("chart.cluster-power.title"),
		Caption: m.words["cluster-power.caption"],
		Source:  m.words["cluster-power.source"],
		Summary: ed.Cat.Get("chart.cluster-power.summary"),
		Unit:    "MW", XUnit: ed.Cat.Get("chart.unit.gpus")}
	f := m.figures.ClusterPower
	line := charts.NewLine()
	line.SetGlobalOptions(base(c.ID, c.Summary)...)
	line.SetGlobalOptions(
		charts.WithXAxisOpts(opts.XAxis{Type: "log", Name: ed.Cat.Get("chart.axis.gpus"), NameLocation: "middle", NameGap: 28, Min: 1000, Max: 1000000}),
		charts.WithYAxisOpts(opts.YAxis{Type: "log", Name: ed.Cat.Get("chart.axis.power")}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
	)
	for _, sr := range f.Series {
		var data []opts.LineData
		for j, v := range sr.Values {
			if !math.IsNaN(v) {
				data = append(data, opts.LineData{Value: []interface{}{f.GPUs[j], roundSig(v)}})
			}
		}
		line.AddSeries(sr.Name, data, charts.WithItemStyleOpts(opts.ItemStyle{Color: comparisonColour(sr.Stage)}), charts.WithLineStyleOpts(opts.LineStyle{Color: comparisonColour(sr.Stage), Width: 2}))
	}
	c.Table = report.In(ed.Cat).ChartTables(&m.figures)[c.ID]
	return finish(c, host, &line.BaseConfiguration, func() string { line.Validate(); return line.RenderSnippet().Option }), nil
}

func electricalPathChart(m *model, host string) (*chart, error) {
	c := &chart{ID: "electrical-path", Title: ed.Cat.Get("chart.electrical-path.title"),
		Caption: m.words["electrical-path.caption"],
		Source:  ed.Cat.Get("chart.electrical-path.source")}
	bar := charts.NewBar()
	c.Summary = ed.Cat.Get("chart.electrical-path.summary")
	bar.SetGlobalOptions(base(c.ID, c.Summary)...)
	bar.SetGlobalOptions(charts.WithYAxisOpts(opts.YAxis{Type: "log", Name: ed.Cat.Get("chart.axis.path"), Min: 1, Max: 10000}))
	bar.ExtendYAxis(opts.YAxis{Type: "value", Name: ed.Cat.Get("chart.axis.loss"), Position: "right", Min: 0, Max: 50})
	f := m.figures.ElectricalPath
	var cats []string
	var mm, db []opts.BarData
	for i, label := range f.Labels {
		cats = append(cats, label)
		mm = append(mm, opts.BarData{Value: math.Round(f.PathMM[i]), ItemStyle: &opts.ItemStyle{Color: techColour(f.Techs[i])}})
		db = append(db, opts.BarData{Value: math.Round(f.LossDB[i]*10) / 10})
	}
	bar.SetXAxis(cats)
	bar.SetGlobalOptions(charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}))
	bar.AddSeries(ed.Cat.Get("js.chart.path"), mm, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top", Formatter: "{c} mm"}))
	bar.AddSeries(ed.Cat.Get("chart.series.loss"), db, charts.WithBarChartOpts(opts.BarChart{YAxisIndex: 1}), charts.WithItemStyleOpts(opts.ItemStyle{Color: "#7f7f7f"}), charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top", Formatter: "{c} dB"}))
	c.Table = report.In(ed.Cat).ChartTables(&m.figures)[c.ID]
	return finish(c, host, &bar.BaseConfiguration, func() string { bar.Validate(); return bar.RenderSnippet().Option }), nil
}

func latencyChart(m *model, host string) (*chart, error) {
	c := &chart{ID: "latency", Title: ed.Cat.Get("chart.latency.title"),
		Caption: m.words["latency.caption"],
		Source:  ed.Cat.Get("chart.latency.source"),
		Summary: ed.Cat.Format("chart.latency.summary", "n", strconv.Itoa(len(m.figures.Latency.Techs)))}
	return stackedByTech(m, c, host, ed.Cat.Get("chart.axis.latency"), m.figures.Latency, latencyColour), nil
}

func insertionLossChart(m *model, host string) (*chart, error) {
	c := &chart{ID: "insertion-loss", Title: ed.Cat.Get("chart.insertion-loss.title"),
		Caption: ed.Cat.Get("chart.insertion-loss.caption"),
		Source:  ed.Cat.Get("chart.insertion-loss.source")}
	line := charts.NewLine()
	c.Summary = ed.Cat.Get("chart.insertion-loss.summary")
	c.Unit, c.XUnit = "dB/m", "GHz"
	line.SetGlobalOptions(base(c.ID, c.Summary)...)
	line.SetGlobalOptions(
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: ed.Cat.Get("chart.axis.frequency"), NameLocation: "middle", NameGap: 28, Min: 0, Max: 110}),
		charts.WithYAxisOpts(opts.YAxis{Type: "log", Name: ed.Cat.Get("chart.axis.loss_per_m"), Min: 0.0001, Max: 100}),
	)
	var freqs []float64
	for f := 5.0; f <= 110; f += 5 {
		freqs = append(freqs, f)
	}
	head := []string{ed.Cat.Get("chart.head.frequency")}
	type series struct {
		name, colour string
		loss         func(core.Frequency) float64
	}
	smf, _ := core.LookupParam("smf_db_per_km")
	var all []series
	for i, g := range core.Gauges {
		g := g
		all = append(all, series{name: strconv.Itoa(g) + " AWG twinax", colour: []string{"#D55E00", "#E69F00", "#CC79A7", "#F0E442"}[i], loss: func(f core.Frequency) float64 { return float64(core.TwinaxLoss(g, f).Total()) }})
	}
	all = append(all, series{name: ed.Cat.Get("chart.series.board"), colour: "#7f7f7f", loss: func(f core.Frequency) float64 { return float64(core.BoardTraceLoss(refLane, f).Total()) }})
	all = append(all, series{name: ed.Cat.Get("chart.series.smf"), colour: "#0072B2", loss: func(core.Frequency) float64 { return smf.Default / 1000 }})
	rows := make([][]string, len(freqs))
	for i, f := range freqs {
		rows[i] = []string{fmtNum(f, 3)}
	}
	for _, s := range all {
		head = append(head, s.name)
		var data []opts.LineData
		for i, f := range freqs {
			v := s.loss(core.Frequency(f) * core.Gigahertz)
			data = append(data, opts.LineData{Value: []interface{}{f, roundSig(v)}})
			rows[i] = append(rows[i], fmtNum(v, 3))
		}
		line.AddSeries(s.name, data, charts.WithItemStyleOpts(opts.ItemStyle{Color: s.colour}), charts.WithLineStyleOpts(opts.LineStyle{Color: s.colour, Width: 2}))
	}
	num := map[int]bool{}
	for i := range head {
		num[i] = true
	}
	t := report.Table{Caption: ed.Cat.Get("chart.insertion-loss.table"), Head: head, Num: num}
	for _, r := range rows {
		t.AddRow(r...)
	}
	c.Table = t.HTML(ed.Cat)
	return finish(c, host, &line.BaseConfiguration, func() string { line.Validate(); return line.RenderSnippet().Option }), nil
}

func fiberPricesChart(m *model, host string) (*chart, error) {
	c := &chart{ID: "fiber-prices", Title: ed.Cat.Get("chart.fiber-prices.title"),
		Caption: ed.Cat.Get("chart.fiber-prices.caption"),
		Source:  ed.Cat.Get("chart.fiber-prices.source")}
	bar := charts.NewBar()
	c.Summary = ed.Cat.Get("chart.fiber-prices.summary")
	c.Unit = "CNY"
	bar.SetGlobalOptions(base(c.ID, c.Summary)...)
	// Bars across: the long names of the price series read on the left,
	// whole, at any width (rotated under the bars they were cut).

	// Prices per core-km (bare fibre) on the bottom axis; prices in
	// another unit (a cable's, per sheath-km) are another series on an
	// axis of their own, at the top: one scale never holds both.
	var cats []string
	var claim, public, other []opts.BarData
	dash := opts.BarData{Value: "-"}
	for _, p := range m.market.FiberPrices {
		cat := ed.Cat.Format("chart.fiber-prices.cat", "series", p.Series, "when", p.When)
		if !p.coreKm {
			cat += ed.Cat.Format("chart.fiber-prices.per", "unit", p.Unit) // a different unit: said where the bar is
		}
		cats = append(cats, cat)
		v := opts.BarData{Value: p.CNY}
		switch {
		case !p.coreKm:
			claim, public, other = append(claim, dash), append(public, dash), append(other, v)
		case p.Article:
			claim, public, other = append(claim, v), append(public, dash), append(other, dash)
		default:
			claim, public, other = append(claim, dash), append(public, v), append(other, dash)
		}
	}
	// One bar a row: the series overlap in the row's one slot.
	one := func(axis int) charts.SeriesOpts {
		return charts.WithBarChartOpts(opts.BarChart{XAxisIndex: axis, BarGap: "-100%"})
	}
	bar.AddSeries(ed.Cat.Get("chart.series.claim"), claim, one(0), charts.WithItemStyleOpts(opts.ItemStyle{Color: "#D55E00"}))
	bar.AddSeries(ed.Cat.Get("chart.series.public"), public, one(0), charts.WithItemStyleOpts(opts.ItemStyle{Color: "#0072B2"}))
	bar.AddSeries(ed.Cat.Get("chart.series.sheath"), other, one(1), charts.WithItemStyleOpts(opts.ItemStyle{Color: "#009E73"}))
	bar.SetGlobalOptions(
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: ed.Cat.Get("chart.axis.cny_core_km"), NameLocation: "middle", NameGap: 28}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: cats, Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{Interval: "0"}}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "36", Top: "84", Bottom: "40", ContainLabel: opts.Bool(true)}),
	)
	bar.ExtendXAxis(opts.XAxis{Type: "value", Position: "top", Name: ed.Cat.Get("chart.axis.cny_sheath_km"), NameLocation: "middle", NameGap: 24,
		AxisLabel: &opts.AxisLabel{Color: "#00785a"}, SplitLine: &opts.SplitLine{Show: opts.Bool(false)}})
	c.Table = m.pricesTable()
	return finish(c, host, &bar.BaseConfiguration, func() string { bar.Validate(); return bar.RenderSnippet().Option }), nil
}

// tornadoChart is what moves a headline, for the default scenario: for
// each of the parameters that move it most, its change with that
// parameter alone at its low or its high end (core.Uncertainty's
// tornado). It opens on the interconnect power; options are every
// headline it can show, for its picker.
func tornadoChart(m *model, host string) (*chart, []optionView, error) {
	parts := report.In(ed.Cat).Tornadoes(&m.result, &m.unc)
	if len(parts) == 0 {
		return nil, nil, fmt.Errorf("no headline has a tornado")
	}
	var options []optionView
	for i, p := range parts {
		options = append(options, optionView{Value: p.Figure.Path, Label: p.Figure.Title, Selected: i == 0})
	}
	t := &parts[0].Figure
	c := &chart{ID: "tornado", Title: ed.Cat.Get("chart.tornado.title"),
		Caption: parts[0].Words,
		Source:  ed.Cat.Get("chart.tornado.source"),
		Summary: ed.Cat.Get("chart.tornado.summary"),
		Unit:    t.Unit, Table: parts[0].Table}
	bar := charts.NewBar()
	bar.SetGlobalOptions(base(c.ID, c.Summary)...)
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: c.ID, Width: "100%", Height: "440px", Renderer: "svg"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: ed.Cat.Format("chart.axis.change", "unit", t.Unit), NameLocation: "middle", NameGap: 28}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
	)
	bar.SetXAxis(t.Names)
	for _, s := range []struct {
		name, colour string
		v            []float64
	}{{ed.Cat.Get("chart.series.low"), "#0072B2", t.Low}, {ed.Cat.Get("chart.series.high"), "#D55E00", t.High}} {
		var data []opts.BarData
		for _, v := range s.v {
			data = append(data, opts.BarData{Value: roundSig(v)})
		}
		bar.AddSeries(s.name, data, charts.WithItemStyleOpts(opts.ItemStyle{Color: s.colour}))
	}
	bar.XYReversal()
	return finish(c, host, &bar.BaseConfiguration, func() string { bar.Validate(); return bar.RenderSnippet().Option }), options, nil
}
