package main

import (
	"html"
	"strings"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/report"
)

// The pages' tables, all from core.

// stagesTable compares the three stages on an 800G link (4 × 200G) of 1 m.
func (m *model) stagesTable() string {
	t := report.Table{Caption: "The three stages on one 800 Gb/s port (4 lanes of 200 Gb/s): loss at the Nyquist frequency, power of the device and its host SerDes at one end, latency of a 1 m link", Head: []string{"stage", "technology", "electrical path", "loss", "energy per bit", "power per end", "reach", "latency"}, Num: map[int]bool{2: true, 3: true, 4: true, 5: true, 6: true, 7: true}}
	for _, tech := range core.Techs {
		l := m.links[tech]
		stage := label.Get("stage." + string(tech.Stage()))
		t.AddRow(stage, tech.Name(), l.ElectricalPath.String(), l.ElectricalLoss.String(), l.PJPerBit().String(), (l.WattsPerEnd() + l.HostWattsPerEnd()).String(), reach(l.MaxReach), l.Latency.Total().String())
	}
	return t.HTML()
}

func (m *model) investmentsTable() string {
	t := report.Table{Caption: "Reported investments in fibre capacity", Head: []string{"who", "when", "amount", "what", "source"}, Num: map[int]bool{2: true}}
	for _, i := range m.market.Investments {
		t.AddRow(i.Who, i.When, core.USD(i.USD).String(), i.What, i.Source)
	}
	return t.HTML()
}

func (m *model) pricesTable() string {
	t := report.Table{Caption: "Reported fibre prices (CNY)", Head: []string{"product", "when", "price", "unit", "source"}, Num: map[int]bool{2: true}}
	for _, p := range m.market.FiberPrices {
		src := p.Source
		if p.Note != "" {
			src += " (" + p.Note + ")"
		}
		t.AddRow(p.Series, p.When, fmtNum(p.CNY, 4), "CNY per "+p.Unit, src)
	}
	return t.HTML()
}

// kindWords is a parameter's kind, and whether the uncertainty run
// leaves it alone as a specification.
func kindWords(p core.Param) string {
	if p.Spec {
		return string(p.Kind) + ", a specification (not drawn)"
	}
	return string(p.Kind)
}

func (m *model) catalogueTable() string {
	var b strings.Builder
	groups := []string{}
	seen := map[string]bool{}
	for _, p := range core.Catalogue() {
		if !seen[p.Group] {
			seen[p.Group] = true
			groups = append(groups, p.Group)
		}
	}
	for _, g := range groups {
		t := report.Table{Caption: g, Head: []string{"id", "parameter", "default", "unit", "range", "kind", "confidence", "source"}, Num: map[int]bool{2: true}, Class: "catalogue"}
		for _, p := range core.Catalogue() {
			if p.Group != g {
				continue
			}
			src := html.EscapeString(p.Source)
			if p.URL != "" {
				src = `<a href="` + html.EscapeString(p.URL) + `">` + src + `</a>`
			}
			if p.Note != "" {
				src += `<br><small>` + html.EscapeString(p.Note) + `</small>`
			}
			t.Rows = append(t.Rows, []report.Cell{report.H("<code>" + html.EscapeString(p.ID) + "</code>"), report.T(p.Name), report.T(fmtNum(p.Default, 5)), report.T(p.Unit), report.T(fmtNum(p.Low, 4) + " to " + fmtNum(p.High, 4)), report.T(kindWords(p)), report.T(confidenceWord(p.Confidence)), report.H(src)})
		}
		b.WriteString("<h3 id=\"params-" + slug(g) + "\">" + html.EscapeString(g) + "</h3>\n")
		b.WriteString(t.HTML())
		b.WriteString("\n")
	}
	return b.String()
}

func confidenceWord(c core.Confidence) string {
	return string(c) + ": " + label.Get("confidence."+string(c))
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
	t := report.Table{Caption: "Validation: published claims against the model", Head: []string{"case", "claim", "source", "kind", "published", "model", "tolerance", "within"}, Num: map[int]bool{4: true, 5: true, 6: true}}
	for _, r := range core.ValidationTable() {
		tol := "± " + fmtNum(r.Tolerance*100, 3) + " %"
		want := report.Exact(r.Want)
		if r.Floor {
			tol, want = "at least", "≥ "+want
		}
		t.AddRow(r.ID, r.Claim, r.Source, r.Kind, want, report.Exact(r.Model), tol, report.YesNo(r.Pass))
	}
	return t.HTML()
}

func (m *model) checksTable() string {
	t := report.Table{Caption: "Published figures nothing was fitted to", Head: []string{"figure", "published", "source", "model", "within"}, Num: map[int]bool{1: true, 3: true}}
	for _, r := range core.PublishedChecks() {
		pub := report.Exact(r.Low)
		switch {
		case r.Floor:
			pub = "≥ " + pub
		case r.High != r.Low:
			pub += " to " + report.Exact(r.High)
		}
		within := report.YesNo(r.Pass)
		if r.Disagreement != "" {
			within = "No: a disagreement. " + r.Disagreement
		}
		t.AddRow(r.Name, pub, r.Source, report.Exact(r.Model), within)
	}
	return t.HTML()
}

// techTable is the technology table of the model, row by row, as core
// holds it: what each technology reads from the catalogue.
func (m *model) techTable() string {
	t := report.Table{ID: "t-techs", Caption: "The technology table: what the model reads for each technology (catalogue ids)",
		Head: []string{"technology", "stage", "host SerDes", "electrical path", "regenerates", "energy parts", "extra latency", "failure parts", "cost", "counted as"}, Class: "catalogue"}
	code := func(ids []string) report.Cell {
		if len(ids) == 0 {
			return report.T("none")
		}
		var b strings.Builder
		for i, id := range ids {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("<code>" + html.EscapeString(id) + "</code>")
		}
		return report.H(b.String())
	}
	for _, r := range core.TechTable() {
		regen := "yes: a DSP"
		switch {
		case r.Cable && r.Retimed:
			regen = "at each plug (retimer)"
		case r.Cable:
			regen = "no: the host SerDes equalise die to die"
		case r.TxLinear && r.RxLinear:
			regen = "no: linear both ways, the host SerDes equalise both ends and the optical hop"
		case r.RxLinear:
			regen = "on transmit only (a DSP); linear on receive, the host equalises the optical hop"
		}
		if r.Gain != "" {
			regen += "; adds " + r.Gain
		}
		path := strings.Join(r.Path, ", then ")
		t.Rows = append(t.Rows, []report.Cell{report.T(r.Tech.Name()), report.T(label.Get("stage." + string(r.Stage))), report.T(string(r.Host)), report.T(path),
			report.T(regen), code(r.Energy), code(r.Latency), code(r.FIT), code([]string{r.Cost}), report.T(r.Counted)})
	}
	return t.HTML()
}
