package main

import (
	"html"
	"math"
	"strconv"
	"strings"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/report"
)

// The pages' tables, all from core.

// cols splits a catalogue's column heads ("a|b|c").
func cols(key string) []string { return strings.Split(ed.Cat.Get(key), "|") }

// kindKey is a parameter kind's label key.
func kindKey(k core.Kind) string {
	if k == core.Estimated {
		return "estimate"
	}
	return string(k)
}

// stagesTable compares the three stages on an 800G link (4 × 200G) of 1 m.
func (m *model) stagesTable() string {
	t := report.Table{Caption: ed.Cat.Get("table.stages.caption"), Head: cols("table.stages.head"), Num: map[int]bool{2: true, 3: true, 4: true, 5: true, 6: true, 7: true},
		Cards: true, Key: map[int]bool{0: true, 1: true, 2: true, 3: true, 4: true, 6: true}}
	for _, tech := range core.Techs {
		l := m.links[tech]
		stage := ed.Cat.Get("stage." + string(tech.Stage()))
		t.AddRow(tech.Name(ed.Cat), stage, l.ElectricalPath.In(ed.Cat), l.ElectricalLoss.In(ed.Cat), l.PJPerBit().In(ed.Cat), (l.WattsPerEnd() + l.HostWattsPerEnd()).In(ed.Cat), reach(l.MaxReach), l.Latency.Total().In(ed.Cat))
	}
	return t.HTML(ed.Cat)
}

func (m *model) investmentsTable() string {
	t := report.Table{Caption: ed.Cat.Get("table.investments.caption"), Head: cols("table.investments.head"), Num: map[int]bool{2: true}, Cards: true, Long: map[int]bool{3: true, 4: true}}
	for _, i := range m.market.Investments {
		t.AddRow(i.Who, i.When, core.USD(i.USD).In(ed.Cat), i.What, i.Source)
	}
	return t.HTML(ed.Cat)
}

func (m *model) pricesTable() string {
	t := report.Table{Caption: ed.Cat.Get("table.prices.caption"), Head: cols("table.prices.head"), Num: map[int]bool{2: true}, Cards: true, Long: map[int]bool{4: true}}
	for _, p := range m.market.FiberPrices {
		src := p.Source
		if p.Note != "" {
			src += ed.Cat.Format("table.note", "note", p.Note)
		}
		t.AddRow(p.Series, p.When, fmtNum(p.CNY, 4), ed.Cat.Format("table.prices.unit", "unit", p.Unit), src)
	}
	return t.HTML(ed.Cat)
}

// kindWords is a parameter's kind, and whether the uncertainty run
// leaves it alone as a specification.
func kindWords(p core.Param) string {
	if p.Spec {
		return ed.Cat.Format("table.kind.spec", "kind", ed.Cat.Get("kind."+kindKey(p.Kind)))
	}
	return ed.Cat.Get("kind." + kindKey(p.Kind))
}

func (m *model) catalogueTable() string {
	var b strings.Builder
	groups, names := []string{}, []string{}
	seen := map[string]bool{}
	for _, p := range core.Catalogue() {
		if !seen[p.Group] {
			seen[p.Group] = true
			groups = append(groups, p.Group)
			names = append(names, p.GroupName(ed.Cat))
		}
	}
	for i, g := range groups {
		t := report.Table{Caption: names[i], Head: cols("table.catalogue.head"), Num: map[int]bool{2: true}, Class: "catalogue",
			Cards: true, Key: map[int]bool{0: true, 1: true, 2: true, 3: true, 4: true}, Long: map[int]bool{1: true, 7: true}}
		for _, p := range core.Catalogue() {
			if p.Group != g {
				continue
			}
			src := html.EscapeString(p.Cited(ed.Cat))
			if p.URL != "" {
				src = `<a href="` + html.EscapeString(p.URL) + `">` + src + `</a>`
			}
			if p.Note != "" {
				src += `<br><small>` + html.EscapeString(p.Remark(ed.Cat)) + `</small>`
			}
			t.Rows = append(t.Rows, []report.Cell{report.H("<code>" + html.EscapeString(p.ID) + "</code>"), report.T(p.Title(ed.Cat)), report.T(fmtNum(p.Default, 5)), report.T(p.Unit), report.T(ed.Cat.Format("err.range", "low", fmtNum(p.Low, 4), "high", fmtNum(p.High, 4))), report.T(kindWords(p)), report.T(confidenceWord(p.Confidence)), report.H(src)})
		}
		b.WriteString("<h3 id=\"params-" + slug(g) + "\">" + html.EscapeString(names[i]) + "</h3>\n")
		b.WriteString(t.HTML(ed.Cat))
		b.WriteString("\n")
	}
	return b.String()
}

func confidenceWord(c core.Confidence) string {
	return ed.Cat.Format("report.of", "lead", string(c), "name", ed.Cat.Get("confidence."+string(c)))
}

func slug(s string) string {
	s = strings.ToLower(s)
	var b strings.Builder
	for _, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteRune(c)
		case c == ' ' || c == '-':
			b.WriteByte('-')
		}
	}
	return b.String()
}

func (m *model) validationTable() string {
	t := report.Table{Caption: ed.Cat.Get("table.validation.caption"), Head: cols("table.validation.head"), Num: map[int]bool{4: true, 5: true, 6: true},
		Cards: true, Key: map[int]bool{0: true, 1: true, 4: true, 5: true, 7: true}, Long: map[int]bool{1: true, 2: true}}
	for _, r := range core.ValidationTable() {
		tol := "± " + ed.Cat.Percent(r.Tolerance)
		if r.Tolerance < 1e-6 {
			// Counts, arithmetic and conventions: the same number, to
			// floating point's last digits.
			tol = ed.Cat.Get("table.exact")
		}
		want := ed.Cat.Exact(r.Want)
		if r.Floor {
			tol, want = ed.Cat.Get("table.at_least"), "≥ "+want
		}
		t.AddRow(r.ID, ed.Cat.Or("validation."+r.Claim, r.Claim), ed.Cat.Or("validation."+r.Source, r.Source), ed.Cat.Or("validation.kind."+r.Kind, r.Kind), want, ed.Cat.Exact(r.Model), tol, report.In(ed.Cat).YesNo(r.Pass))
	}
	return t.HTML(ed.Cat)
}

func (m *model) checksTable() string {
	t := report.Table{Caption: ed.Cat.Get("table.checks.caption"), Head: cols("table.checks.head"), Num: map[int]bool{1: true, 3: true}, Cards: true, Long: map[int]bool{2: true, 4: true}}
	for _, r := range core.PublishedChecks() {
		pub := ed.Cat.Exact(r.Low)
		switch {
		case r.Floor:
			pub = "≥ " + pub
		case r.High != r.Low:
			pub = ed.Cat.Format("err.range", "low", pub, "high", ed.Cat.Exact(r.High))
		}
		within := report.In(ed.Cat).YesNo(r.Pass)
		if r.Disagreement != "" {
			within = ed.Cat.Format("table.disagreement", "why", ed.Cat.Or("validation."+r.Disagreement, r.Disagreement))
		}
		t.AddRow(ed.Cat.Or("validation."+r.Name, r.Name), pub, ed.Cat.Or("validation."+r.Source, r.Source), ed.Cat.Exact(r.Model), within)
	}
	return t.HTML(ed.Cat)
}

// chipTable is the switch ASIC of each lane rate, as core holds it: what a
// switch box of that lane rate is built from.
func (m *model) chipTable() string {
	t := report.Table{ID: "t-chips", Caption: ed.Cat.Get("table.chips.caption"), Head: cols("table.chips.head"),
		Num: map[int]bool{0: true, 1: true, 2: true, 5: true, 6: true}, Cards: true}
	for _, c := range core.SwitchChips() {
		family := c.Family
		if c.Projection {
			family = "—"
		}
		when := ed.Cat.Get("table.chips.projection")
		if !c.Projection {
			when = ed.Cat.Format("table.chips.shipped", "year", strconv.Itoa(c.Year), "nm", strconv.Itoa(c.ProcessNM))
		}
		t.Rows = append(t.Rows, []report.Cell{report.T(ed.Cat.Input(c.LaneGbps) + " Gb/s"), report.T(ed.Cat.Input(float64(c.Lanes))),
			report.T(ed.Cat.Input(c.CapacityGbps/1000) + " Tb/s"), report.T(family), report.T(when),
			report.T(ed.Cat.Input(math.Round(c.Watts)) + " W"), report.T(ed.Cat.Input(math.Round(c.CoreWatts)) + " W"),
			report.H("<code>" + html.EscapeString(c.Param) + "</code>")})
	}
	return t.HTML(ed.Cat)
}

// techTable is the technology table of the model, row by row, as core
// holds it: what each technology reads from the catalogue.
func (m *model) techTable() string {
	t := report.Table{ID: "t-techs", Caption: ed.Cat.Get("table.techs.caption"),
		Head: cols("table.techs.head"), Class: "catalogue",
		Cards: true, Key: map[int]bool{0: true, 1: true, 2: true, 3: true, 4: true}, Long: map[int]bool{3: true, 4: true, 5: true, 6: true, 7: true, 8: true, 9: true}}
	code := func(ids []string) report.Cell {
		if len(ids) == 0 {
			return report.T(ed.Cat.Get("none"))
		}
		var b strings.Builder
		for i, id := range ids {
			if i > 0 {
				b.WriteString(html.EscapeString(ed.Cat.Get("report.list_sep")))
			}
			b.WriteString("<code>" + html.EscapeString(id) + "</code>")
		}
		return report.H(b.String())
	}
	for _, r := range core.TechTable() {
		regen := ed.Cat.Get("table.regen.dsp")
		switch {
		case r.Cable && r.Retimed:
			regen = ed.Cat.Get("table.regen.retimer")
		case r.Cable:
			regen = ed.Cat.Get("table.regen.cable")
		case r.TxLinear && r.RxLinear:
			regen = ed.Cat.Get("table.regen.linear")
		case r.RxLinear:
			regen = ed.Cat.Get("table.regen.rx_linear")
		}
		if r.Gain != "" {
			regen += ed.Cat.Format("table.regen.gain", "gain", r.Gain)
		}
		var steps []string
		for _, p := range r.Path {
			steps = append(steps, ed.Cat.Or("segment."+p, p))
		}
		path := strings.Join(steps, ed.Cat.Get("table.path_then"))
		t.Rows = append(t.Rows, []report.Cell{report.T(r.Tech.Name(ed.Cat)), report.T(ed.Cat.Get("stage." + string(r.Stage))), report.T(string(r.Host)), report.T(path),
			report.T(regen), code(r.Energy), code(r.Latency), code(r.FIT), code([]string{r.Cost}), report.T(ed.Cat.Or("counted."+r.Counted, r.Counted))})
	}
	return t.HTML(ed.Cat)
}

// supplyTable is the world's fibre against the AI build-out, year by
// year, wired as the default scenario is (report.Supply).
func (m *model) supplyTable() (string, error) {
	return report.In(ed.Cat).Supply(&m.result)
}

// supplySources is where each year's market figures and Corning's come
// from (core.MarketYears, core.Corning).
func (m *model) supplySources() string {
	c := ed.Cat
	src := report.Table{Caption: c.Get("table.supply_sources.caption"), Head: cols("table.supply_sources.head"), Long: map[int]bool{1: true}}
	for _, y := range core.MarketYears {
		src.Rows = append(src.Rows, []report.Cell{report.T(strconv.Itoa(y.Year)), sourceList("supplyrow."+strconv.Itoa(y.Year)+".source.", y.Sources)})
	}
	src.Rows = append(src.Rows, []report.Cell{report.T(c.Get("table.supply.corning")), sourceList("corning.source.", core.Corning.Sources)})
	return src.HTML(c)
}

// sourceList is a row's sources as a list, each in the edition's words
// (the key prefix + its index, the English as given where there is none).
func sourceList(prefix string, sources []string) report.Cell {
	var b strings.Builder
	b.WriteString(`<ul class="gen-sources">`)
	for k, s := range sources {
		b.WriteString("<li>" + html.EscapeString(ed.Cat.Or(prefix+strconv.Itoa(k), s)) + "</li>")
	}
	b.WriteString("</ul>")
	return report.H(b.String())
}
