package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/figures"
	"github.com/cpocalc/cpocalc/core/report"
)

// The calculator's sweep: one input moved over its range against one
// headline, a line per stage (core.Sweep). The build draws the default
// scenario's; the calculator asks its WebAssembly for the reader's.

// The sweep the page opens on.
const (
	sweepInput    = "gpus"
	sweepHeadline = "totals.interconnect_watts_per_gpu"
	sweepPoints   = 25
)

// sweepInputLabel names an input in the edition's words: the form's
// label of a scenario number, a tier's length, a parameter's name.
func (m *model) sweepInputLabel(in core.SweepInput) string {
	key := in.Key
	if id, ok := strings.CutPrefix(key, "params."); ok {
		if p, ok := core.LookupParam(id); ok {
			return ed.Cat.Format("sweep.param", "name", p.Title(ed.Cat))
		}
	}
	if rest, ok := strings.CutPrefix(key, "tiers."); ok {
		i, _ := strconv.Atoi(rest[:strings.IndexByte(rest, '.')])
		return ed.Cat.Format("sweep.tier_length", "n", strconv.Itoa(i+1), "name", core.TierName(ed.Cat, i, len(m.scenario.Tiers)))
	}
	return ed.Cat.Get("form." + key)
}

// sweepHeadlineLabel names a headline in the edition's words.
func (m *model) sweepHeadlineLabel(h string) string {
	return figures.HeadlineTitle(ed.Cat, &m.result, h)
}

// sweepView is the sweep's pickers as their template shows them.
type sweepView struct {
	Input, Headline   string
	Inputs, Headlines []optionView
}

func (m *model) sweepPicks() sweepView {
	v := sweepView{Input: ed.Cat.Get("sweep.pick_input"), Headline: ed.Cat.Get("sweep.pick_headline")}
	for _, in := range core.SweepInputs(&m.scenario) {
		v.Inputs = append(v.Inputs, optionView{Value: in.Key, Label: m.sweepInputLabel(in), Selected: in.Key == sweepInput})
	}
	for _, h := range core.SweepHeadlines {
		v.Headlines = append(v.Headlines, optionView{Value: h, Label: m.sweepHeadlineLabel(h), Selected: h == sweepHeadline})
	}
	return v
}

// sweepChart is the default scenario's sweep.
func sweepChart(m *model, host string) (*chart, error) {
	r, err := core.Sweep(ed.Cat, m.scenario, sweepInput, sweepHeadline, sweepPoints)
	if err != nil {
		return nil, fmt.Errorf("sweep: %w", err)
	}
	in := core.SweepInput{Key: sweepInput}
	for _, x := range core.SweepInputs(&m.scenario) {
		if x.Key == sweepInput {
			in = x
		}
	}
	xName, yName := m.sweepInputLabel(in), m.sweepHeadlineLabel(sweepHeadline)
	c := &chart{ID: "sweep", Title: ed.Cat.Get("chart.sweep.title"),
		Caption: ed.Cat.Get("chart.sweep.caption"),
		Source:  ed.Cat.Get("chart.sweep.source"),
		Summary: ed.Cat.Get("chart.sweep.summary"),
		Unit:    r.Unit, XUnit: r.XUnit}
	line := charts.NewLine()
	line.SetGlobalOptions(base(c.ID, c.Summary)...)
	xType := "value"
	if r.Log {
		xType = "log"
	}
	line.SetGlobalOptions(
		charts.WithXAxisOpts(opts.XAxis{Type: xType, Name: xName, NameLocation: "middle", NameGap: 28, Min: r.X[0], Max: r.X[len(r.X)-1], AxisLabel: &opts.AxisLabel{HideOverlap: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Name: yName + " (" + r.Unit + ")"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
	)
	head := []string{xName}
	rows := make([][]string, len(r.X))
	for i, x := range r.X {
		rows[i] = []string{ed.Cat.Number(x, 3)}
	}
	for k, l := range r.Lines {
		var data []opts.LineData
		for i, v := range l.Values {
			if v != v { // NaN: the stage cannot build the cluster there
				data = append(data, opts.LineData{Value: []interface{}{roundSig(r.X[i]), "-"}})
				rows[i] = append(rows[i], ed.Cat.Get("gen.number.no_build"))
				continue
			}
			data = append(data, opts.LineData{Value: []interface{}{roundSig(r.X[i]), roundSig(v)}})
			rows[i] = append(rows[i], ed.Cat.Quantity(v, r.Unit))
		}
		head = append(head, l.Name)
		so := []charts.SeriesOpts{charts.WithItemStyleOpts(opts.ItemStyle{Color: comparisonColour(l.Stage)}), charts.WithLineStyleOpts(opts.LineStyle{Color: comparisonColour(l.Stage), Width: 2})}
		if k == 0 {
			so = append(so, charts.WithMarkLineNameXAxisItemOpts(opts.MarkLineNameXAxisItem{Name: ed.Cat.Get("chart.mark.yours"), XAxis: r.Current}),
				charts.WithMarkLineStyleOpts(opts.MarkLineStyle{Symbol: []string{"none", "none"}, Label: &opts.Label{Show: opts.Bool(true), Formatter: "{b}", Position: "insideEndTop"}, LineStyle: &opts.LineStyle{Color: "#7f7f7f", Type: "dashed"}}))
		}
		line.AddSeries(l.Name, data, so...)
	}
	t := report.Table{Caption: ed.Cat.Format("chart.sweep.table", "input", xName, "headline", yName), Head: head, Num: numAfter(0, len(head))}
	for _, row := range rows {
		t.AddRow(row...)
	}
	c.Table = t.HTML(ed.Cat)
	return finish(c, host, &line.BaseConfiguration, func() string { line.Validate(); return line.RenderSnippet().Option }), nil
}
