package main

import (
	"html"
	"math"
	"strconv"
	"strings"

	"github.com/cpocalc/cpocalc/core"
)

// The pages' tables, all from core.

func yes(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// stagesTable compares the three stages on an 800G link (4 × 200G) of 1 m.
func (m *model) stagesTable() string {
	t := table{Caption: "The three stages on one 800 Gb/s port (4 lanes of 200 Gb/s): loss at the Nyquist frequency, power of the device and its host SerDes at one end, latency of a 1 m link", Head: []string{"stage", "technology", "electrical path", "loss", "energy per bit", "power per end", "reach", "latency"}, Num: map[int]bool{2: true, 3: true, 4: true, 5: true, 6: true, 7: true}}
	for _, tech := range core.Techs {
		l := m.links[tech]
		stage := map[core.Stage]string{core.StageCopper: "1. copper", core.StagePluggable: "2. pluggable optics", core.StageCPO: "3. co-packaged optics"}[tech.Stage()]
		t.Rows = append(t.Rows, []string{stage, tech.Name(), l.ElectricalPath.String(), l.ElectricalLoss.String(), l.PJPerBit().String(), (l.WattsPerEnd() + l.HostWattsPerEnd()).String(), reach(l.MaxReach), l.Latency.Total().String()})
	}
	return t.HTML()
}

func (m *model) claimsTable() string {
	t := table{Caption: "The article's claims beside the sources", Head: []string{"topic", "the article says", "it cites", "what the sources (and the model) say", "status"}, Class: "claims"}
	for _, c := range core.ArticleClaims() {
		t.Rows = append(t.Rows, []string{c.Topic, c.Article, c.Cited, c.Sources, c.Status})
	}
	return t.HTML()
}

func (m *model) investmentsTable() string {
	t := table{Caption: "Reported investments in fibre capacity", Head: []string{"who", "when", "amount", "what", "source"}, Num: map[int]bool{2: true}}
	for _, i := range core.Investments() {
		t.Rows = append(t.Rows, []string{i.Who, i.When, core.USD(i.USD).String(), i.What, i.Source})
	}
	return t.HTML()
}

func (m *model) pricesTable() string {
	t := table{Caption: "Reported fibre prices (CNY)", Head: []string{"product", "when", "price", "unit", "source"}, Num: map[int]bool{2: true}}
	for _, p := range core.FiberPrices() {
		src := p.Source
		if p.Note != "" {
			src += " (" + p.Note + ")"
		}
		t.Rows = append(t.Rows, []string{p.Series, p.When, fmtNum(p.CNY, 4), "CNY per " + p.Unit, src})
	}
	return t.HTML()
}

func (m *model) scenarioTable() string {
	s := m.scenario
	t := table{Caption: "The default scenario", Head: []string{"input", "value"}, Num: map[int]bool{1: true}}
	add := func(k, v string) { t.Rows = append(t.Rows, []string{k, v}) }
	add("GPUs", count(s.GPUs))
	add("power per GPU (besides its link SerDes)", core.Power(s.GPUWatts).String())
	add("electrical lane rate", fmtNum(s.LaneGbps, 4)+" Gb/s")
	add("scale-up domain", strconv.Itoa(s.ScaleUp.DomainGPUs)+" GPUs, "+fmtNum(s.ScaleUp.GbpsPerGPU, 5)+" Gb/s per GPU each way, "+string(s.ScaleUp.Tech)+", "+core.Length(s.ScaleUp.LengthM).String())
	add("scale-out bandwidth per GPU", fmtNum(s.ScaleOut.GbpsPerGPU, 5)+" Gb/s in "+fmtNum(s.ScaleOut.PortGbps, 5)+" Gb/s ports")
	add("switch radix", strconv.Itoa(s.ScaleOut.SwitchRadix)+" ports")
	add("NIC end of tier 1", core.Tech(s.ScaleOut.NICTech).Name())
	for i, tr := range s.Tiers {
		add("tier "+strconv.Itoa(i+1)+" ("+core.TierName(i, len(s.Tiers))+")", string(tr.Tech)+", "+core.Length(tr.LengthM).String())
	}
	add("PUE", fmtNum(s.PUE, 3))
	add("electricity", "$"+fmtNum(s.USDPerKWh, 3)+" per kWh")
	add("fibre price", fmtNum(s.FiberCNYPerCoreKm, 4)+" CNY per core-km")
	return t.HTML()
}

func (m *model) tiersTable() string {
	r := m.result
	t := table{Caption: "Each tier of links, from the GPUs up", Head: []string{"tier", "technology", "links", "length", "reaches", "max reach", "power", "energy per bit", "latency", "electrical path", "switches above", "modules", "engines", "fibre"},
		Num: map[int]bool{2: true, 3: true, 5: true, 6: true, 7: true, 8: true, 9: true, 10: true, 11: true, 12: true, 13: true}}
	for _, tr := range r.Tiers {
		tech := string(tr.Tech)
		if tr.Requested == core.Auto {
			tech += " (auto)"
		}
		if tr.NICTech != "" {
			tech += ", NIC " + string(tr.NICTech)
		}
		t.Rows = append(t.Rows, []string{
			strconv.Itoa(tr.Index+1) + ". " + core.TierName(tr.Index, len(r.Tiers)), tech, count(tr.Links), tr.Length.String(), yes(tr.Feasible),
			reach(tr.Link.MaxReach), tr.Power.String(), tr.PJPerBit().String(), tr.Link.Latency.Total().String(), tr.Link.ElectricalPath.String(),
			count(tr.SwitchesAbove), count(tr.Modules), count(tr.Engines), count(int(math.Round(float64(tr.FiberLen/core.Kilometre)))) + " km",
		})
	}
	return t.HTML()
}

func (m *model) totalsTable() string {
	tt := m.result.Totals
	t := table{Caption: "The whole cluster", Head: []string{"quantity", "value"}, Num: map[int]bool{1: true}}
	add := func(k, v string) { t.Rows = append(t.Rows, []string{k, v}) }
	add("interconnect power (links and their SerDes)", tt.InterconnectPower.String())
	add("of which scale-out", tt.ScaleOutPower.String())
	add("of which scale-up", tt.ScaleUpPower.String())
	add("share of IT power", tt.InterconnectShare.Percent())
	add("interconnect with cooling (× PUE)", tt.InterconnectHeat.String())
	add("interconnect energy per year", count(int(math.Round(tt.AnnualEnergy.MWh())))+" MWh")
	add("interconnect electricity per year", tt.AnnualUSD.String())
	add("the same as US households", count(int(math.Round(tt.Households))))
	add("GPUs", tt.GPUPower.String())
	add("switch ASICs (besides SerDes)", tt.SwitchPower.String())
	add("NICs (besides SerDes)", tt.NICPower.String())
	add("IT power", tt.ITPower.String())
	add("facility power", tt.FacilityPower.String())
	add("scale-out switches", count(tt.Switches))
	add("scale-up switch chips", count(tt.ScaleUpSwitches))
	add("optical transceivers (modules and engines)", count(tt.Transceivers))
	add("copper cables", count(tt.Cables))
	add("fibre", count(int(math.Round(float64(tt.FiberLen/core.Kilometre))))+" core-km")
	add("fibre cost", tt.FiberCNY.String())
	add("interconnect purchase cost", tt.Capex.String())
	add("interconnect MTBF", tt.MTBF.String())
	add("worst GPU-to-GPU latency (scale-out)", tt.Latency.String())
	add("GPU-to-GPU latency in a scale-up domain", tt.ScaleUpLatency.String())
	return t.HTML()
}

func (m *model) byStageTable() string {
	r := m.result
	t := table{Caption: "The same cluster at each stage", Head: []string{"built with", "interconnect power", "share of IT power", "energy per year", "optical transceivers", "MTBF", "worst latency"}, Num: map[int]bool{1: true, 2: true, 3: true, 4: true, 5: true, 6: true}}
	for _, st := range r.ByStage {
		if !st.Feasible {
			t.Rows = append(t.Rows, []string{core.StageLabel(st.Stage), trusted(`<span class="blocked">` + html.EscapeString(st.BlockedList()[0].Message(len(r.Tiers), r.Lane.Rate)) + `</span>`), "", "", "", "", ""})
			continue
		}
		tt := st.Totals
		t.Rows = append(t.Rows, []string{core.StageLabel(st.Stage), tt.InterconnectPower.String(), tt.InterconnectShare.Percent(), count(int(math.Round(tt.AnnualEnergy.MWh()))) + " MWh", count(tt.Transceivers), tt.MTBF.String(), tt.Latency.String()})
	}
	return t.HTML()
}

func (m *model) scaleUpTable() string {
	su := m.result.ScaleUp
	t := table{Caption: "The scale-up domains, and what they would draw with each technology", Head: []string{"quantity", "value"}, Num: map[int]bool{1: true}}
	add := func(k, v string) { t.Rows = append(t.Rows, []string{k, v}) }
	add("domains", count(su.Domains))
	add("GPUs per domain", count(su.DomainGPUs))
	add("links per GPU", count(su.LinksPerGPU))
	add("differential pairs per domain", count(su.PairsPerDomain))
	add("copper per domain", su.CopperPerDomain.String())
	add("bandwidth per domain, both ways", fmtNum(float64(su.DomainBandwidth)/8e12, 4)+" TB/s")
	add("scale-up switch chips", count(su.SwitchChips))
	add("technology", su.Tech.Name()+", "+su.Length.String())
	add("link power, all domains", su.Power.String())
	for _, c := range su.AsTech {
		v := c.Power.String()
		if !c.Feasible {
			v += " (cannot reach " + su.Length.String() + ")"
		}
		add("the same as "+c.Tech.Name(), v)
	}
	return t.HTML()
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
		t := table{Caption: g, Head: []string{"id", "parameter", "default", "unit", "range", "kind", "confidence", "source"}, Num: map[int]bool{2: true}, Class: "catalogue"}
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
			t.Rows = append(t.Rows, []string{trusted("<code>" + html.EscapeString(p.ID) + "</code>"), p.Name, fmtNum(p.Default, 5), p.Unit, fmtNum(p.Low, 4) + " to " + fmtNum(p.High, 4), string(p.Kind), confidenceWord(p.Confidence), trusted(src)})
		}
		b.WriteString("<h3 id=\"params-" + slug(g) + "\">" + html.EscapeString(g) + "</h3>\n")
		b.WriteString(t.HTML())
		b.WriteString("\n")
	}
	return b.String()
}

func confidenceWord(c core.Confidence) string {
	switch c {
	case core.High:
		return "H: standard or datasheet"
	case core.Medium:
		return "M: vendor or one source"
	case core.Low:
		return "L: blog or slide"
	}
	return "E: engineering estimate"
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

// fmtVal prints a whole number exactly and any other to 4 figures.
func fmtVal(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e12 {
		return count(int(x))
	}
	return fmtNum(x, 4)
}

func (m *model) validationTable() string {
	t := table{Caption: "Validation: published claims against the model", Head: []string{"case", "claim", "source", "kind", "published", "model", "tolerance", "within"}, Num: map[int]bool{4: true, 5: true, 6: true}}
	for _, r := range core.ValidationTable() {
		t.Rows = append(t.Rows, []string{r.ID, r.Claim, r.Source, r.Kind, fmtVal(r.Want), fmtVal(r.Model), "± " + fmtNum(r.Tolerance*100, 3) + " %", yes(r.Pass)})
	}
	return t.HTML()
}

func (m *model) checksTable() string {
	t := table{Caption: "Published figures nothing was fitted to", Head: []string{"figure", "published", "source", "model", "within"}, Num: map[int]bool{1: true, 3: true}}
	for _, r := range core.PublishedChecks() {
		pub := fmtVal(r.Low)
		if r.High != r.Low {
			pub += " to " + fmtVal(r.High)
		}
		t.Rows = append(t.Rows, []string{r.Name, pub, r.Source, fmtVal(r.Model), yes(r.Pass)})
	}
	return t.HTML()
}
