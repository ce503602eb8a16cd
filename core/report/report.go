// Package report writes a cluster result as the HTML the calculator shows:
// its tables and headline sentences. The build pre-renders the default
// scenario with it and the calculator's WebAssembly re-renders every edit
// with it, so the page reads the same before and after it comes alive.
// Like core, it uses the standard library only and does no I/O.
package report

import (
	"html"
	"math"
	"strconv"
	"strings"

	"github.com/cpocalc/cpocalc/core"
)

// Count prints a whole number with thousands separators.
func Count(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Num prints x to sig significant figures, without trailing zeros; large
// whole results get thousands separators.
func Num(x float64, sig int) string {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	mag := int(math.Floor(math.Log10(math.Abs(x))))
	dec := sig - 1 - mag
	if dec < 0 {
		p := math.Pow(10, float64(-dec))
		return Count(int(math.Round(x/p) * p))
	}
	s := strconv.FormatFloat(x, 'f', dec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// Exact prints a whole number exactly and any other to 4 figures.
func Exact(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e12 {
		return Count(int(x))
	}
	return Num(x, 4)
}

// Reach prints a maximum reach; zero means the technology cannot run.
func Reach(l core.Length) string {
	if l <= 0 {
		return "0 m (it cannot run at all)"
	}
	return l.String()
}

// YesNo prints a bool for a table.
func YesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// MWh prints an energy in whole megawatt-hours.
func MWh(e core.Energy) string { return Count(int(math.Round(e.MWh()))) + " MWh" }

// Km prints a length in whole kilometres.
func Km(l core.Length) string { return Count(int(math.Round(float64(l/core.Kilometre)))) + " km" }

// Cell is one table cell: text (escaped) or trusted HTML, and the result
// path of the number it shows, if any (the calculator explains it).
type Cell struct {
	Text string
	HTML string
	Path string
	Span int // columns it spans, if more than one (a message in place of numbers)
}

// T is a text cell; P a cell with the path of its number.
func T(s string) Cell          { return Cell{Text: s} }
func P(s, path string) Cell    { return Cell{Text: s, Path: path} }
func H(h string) Cell          { return Cell{HTML: h} }
func cells(s ...string) []Cell { return textCells(s) }

func textCells(s []string) []Cell {
	out := make([]Cell, len(s))
	for i, x := range s {
		out[i] = T(x)
	}
	return out
}

// Table is an HTML table: a caption, a head, rows whose first cell is the
// row's header, and the columns to align as numbers.
type Table struct {
	ID      string
	Caption string
	Head    []string
	Rows    [][]Cell
	Num     map[int]bool
	Class   string
}

// AddRow appends a row of plain text cells.
func (t *Table) AddRow(s ...string) { t.Rows = append(t.Rows, cells(s...)) }

// HTML writes the table inside a focusable scrolling region.
func (t Table) HTML() string {
	var b strings.Builder
	cls := "data"
	if t.Class != "" {
		cls += " " + t.Class
	}
	b.WriteString(`<div class="table-wrap" tabindex="0" role="region" aria-label="` + html.EscapeString(t.Caption) + `"><table class="` + cls + `"`)
	if t.ID != "" {
		b.WriteString(` id="` + html.EscapeString(t.ID) + `"`)
	}
	b.WriteString(`>`)
	if t.Caption != "" {
		b.WriteString("<caption>" + html.EscapeString(t.Caption) + "</caption>")
	}
	b.WriteString("<thead><tr>")
	for i, h := range t.Head {
		b.WriteString(`<th scope="col"` + numClass(t.Num[i]) + `>` + html.EscapeString(h) + "</th>")
	}
	b.WriteString("</tr></thead><tbody>")
	for _, r := range t.Rows {
		b.WriteString("<tr>")
		col := 0
		for i, c := range r {
			tag := "td"
			if i == 0 {
				tag = "th"
			}
			b.WriteString("<" + tag + numClass(t.Num[col] && c.Span < 2))
			if tag == "th" {
				b.WriteString(` scope="row"`)
			}
			col++
			if c.Span > 1 {
				b.WriteString(` colspan="` + strconv.Itoa(c.Span) + `"`)
				col += c.Span - 1
			}
			if c.Path != "" {
				b.WriteString(` data-path="` + html.EscapeString(c.Path) + `" tabindex="0"`)
			}
			b.WriteString(">")
			if c.HTML != "" {
				b.WriteString(c.HTML)
			} else {
				b.WriteString(html.EscapeString(c.Text))
			}
			b.WriteString("</" + tag + ">")
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</tbody></table></div>")
	return b.String()
}

func numClass(num bool) string {
	if num {
		return ` class="num"`
	}
	return ""
}

func numCols(from, to int) map[int]bool {
	m := map[int]bool{}
	for i := from; i <= to; i++ {
		m[i] = true
	}
	return m
}

// Tiers is the table of scale-out tiers.
func Tiers(r *core.Result) string {
	t := Table{ID: "t-tiers", Caption: "Each tier of links, from the GPUs up",
		Head: []string{"tier", "technology", "links", "length", "reaches", "max reach", "power", "energy per bit", "latency", "electrical path", "switches above", "modules", "engines", "fibre"},
		Num:  map[int]bool{2: true, 3: true, 5: true, 6: true, 7: true, 8: true, 9: true, 10: true, 11: true, 12: true, 13: true}}
	for i := range r.Tiers {
		tr := &r.Tiers[i]
		p := "tiers[" + strconv.Itoa(i) + "]."
		tech := string(tr.Tech)
		if tr.Requested == core.Auto {
			tech += " (auto)"
		}
		if tr.NICTech != "" {
			tech += ", NIC " + string(tr.NICTech)
		}
		reaches := YesNo(tr.Feasible)
		if !tr.Feasible {
			reaches = "no: " + tr.Link.Reason
		}
		t.Rows = append(t.Rows, []Cell{
			T(strconv.Itoa(tr.Index+1) + ". " + core.TierName(tr.Index, len(r.Tiers))), T(tech), P(Count(tr.Links), p+"links"), P(tr.Length.String(), p+"length_m"),
			P(reaches, p+"feasible"), P(Reach(tr.Link.MaxReach), p+"max_reach_m"), P(tr.Power.String(), p+"watts"), P(tr.PJPerBit().String(), p+"pj_per_bit"),
			P(tr.Link.Latency.Total().String(), p+"latency_ns"), P(tr.Link.ElectricalPath.String(), p+"electrical_path_mm"),
			P(Count(tr.SwitchesAbove), p+"switches"), P(Count(tr.Modules), p+"modules"), P(Count(tr.Engines), p+"engines"), P(Km(tr.FiberLen), p+"fiber_km"),
		})
	}
	return t.HTML()
}

// Totals is the table of cluster totals.
func Totals(r *core.Result) string {
	tt := &r.Totals
	t := Table{ID: "t-totals", Caption: "The whole cluster", Head: []string{"quantity", "value"}, Num: map[int]bool{1: true}}
	add := func(k, v, path string) { t.Rows = append(t.Rows, []Cell{T(k), P(v, "totals."+path)}) }
	add("interconnect power (links and their SerDes)", tt.InterconnectPower.String(), "interconnect_watts")
	add("of which scale-out", tt.ScaleOutPower.String(), "scale_out_watts")
	add("of which scale-up", tt.ScaleUpPower.String(), "scale_up_watts")
	add("share of IT power", tt.InterconnectShare.Percent(), "interconnect_share")
	add("interconnect with cooling (× PUE)", tt.InterconnectHeat.String(), "interconnect_facility_watts")
	add("interconnect energy per year", MWh(tt.AnnualEnergy), "annual_mwh")
	add("interconnect electricity per year", tt.AnnualUSD.String(), "annual_usd")
	add("the same as US households", Count(int(math.Round(tt.Households))), "households")
	add("GPUs", tt.GPUPower.String(), "gpu_watts")
	add("switch ASICs (besides SerDes)", tt.SwitchPower.String(), "switch_watts")
	add("NICs (besides SerDes)", tt.NICPower.String(), "nic_watts")
	add("IT power", tt.ITPower.String(), "it_watts")
	add("facility power", tt.FacilityPower.String(), "facility_watts")
	add("scale-out switches", Count(tt.Switches), "switches")
	add("scale-up switch chips", Count(tt.ScaleUpSwitches), "scale_up_switches")
	add("optical transceivers (modules and engines)", Count(tt.Transceivers), "transceivers")
	add("copper cables", Count(tt.Cables), "cables")
	add("fibre", Count(int(math.Round(float64(tt.FiberLen/core.Kilometre))))+" core-km", "fiber_km")
	add("fibre cost", tt.FiberCNY.String(), "fiber_cny")
	add("interconnect purchase cost", tt.Capex.String(), "capex_usd")
	add("interconnect MTBF", tt.MTBF.String(), "mtbf_hours")
	add("worst GPU-to-GPU latency (scale-out)", tt.Latency.String(), "latency_ns")
	add("GPU-to-GPU latency in a scale-up domain", tt.ScaleUpLatency.String(), "scale_up_latency_ns")
	return t.HTML()
}

// Stages is the table of the same cluster at each stage.
func Stages(r *core.Result) string {
	t := Table{ID: "t-stages", Caption: "The same cluster at each stage (the scale-up domains keep their technology)",
		Head: []string{"scale-out built with", "interconnect power", "share of IT power", "energy per year", "optical transceivers", "MTBF", "worst latency"}, Num: numCols(1, 6)}
	for j := range r.ByStage {
		st := &r.ByStage[j]
		p := "by_stage[" + strconv.Itoa(j) + "].totals."
		if !st.Feasible {
			msg := st.BlockedList()[0].Message(len(r.Tiers), r.Lane.Rate)
			t.Rows = append(t.Rows, []Cell{T(core.StageLabel(st.Stage)), {HTML: `<span class="blocked">` + html.EscapeString(msg) + `</span>`, Span: len(t.Head) - 1}})
			continue
		}
		tt := &st.Totals
		t.Rows = append(t.Rows, []Cell{T(core.StageLabel(st.Stage)), P(tt.InterconnectPower.String(), p+"interconnect_watts"), P(tt.InterconnectShare.Percent(), p+"interconnect_share"),
			P(MWh(tt.AnnualEnergy), p+"annual_mwh"), P(Count(tt.Transceivers), p+"transceivers"), P(tt.MTBF.String(), p+"mtbf_hours"), P(tt.Latency.String(), p+"latency_ns")})
	}
	return t.HTML()
}

// ScaleUp is the table of the scale-up domains.
func ScaleUp(r *core.Result) string {
	su := &r.ScaleUp
	t := Table{ID: "t-scaleup", Caption: "The scale-up domains, and what they would draw with each technology", Head: []string{"quantity", "value"}, Num: map[int]bool{1: true}}
	if !su.Present {
		t.AddRow("scale-up domain", "none (one GPU per domain)")
		return t.HTML()
	}
	add := func(k, v, path string) { t.Rows = append(t.Rows, []Cell{T(k), P(v, "scale_up."+path)}) }
	add("domains", Count(su.Domains), "domains")
	add("GPUs per domain", Count(su.DomainGPUs), "domain_gpus")
	add("links per GPU", Count(su.LinksPerGPU), "links_per_gpu")
	add("differential pairs per domain", Count(su.PairsPerDomain), "pairs_per_domain")
	add("copper per domain", su.CopperPerDomain.String(), "copper_per_domain_m")
	add("bandwidth per domain, both ways", Num(float64(su.DomainBandwidth)/8e12, 4)+" TB/s", "domain_tbytes_per_s")
	add("scale-up switch chips", Count(su.SwitchChips), "switch_chips")
	t.Rows = append(t.Rows, []Cell{T("technology"), T(su.Tech.Name() + ", " + su.Length.String())})
	add("link power, all domains", su.Power.String(), "watts")
	for i, c := range su.AsTech {
		v := c.Power.String()
		if !c.Feasible {
			v += " (cannot reach " + su.Length.String() + ")"
		}
		add("the same as "+c.Tech.Name(), v, "as_tech["+strconv.Itoa(i)+"].watts")
	}
	return t.HTML()
}

// stage returns the by_stage entry of a stage.
func stage(r *core.Result, name string) *core.StageResult {
	for i := range r.ByStage {
		if r.ByStage[i].Stage == name {
			return &r.ByStage[i]
		}
	}
	return nil
}

// KeyFacts is the row of three headline figures.
func KeyFacts(r *core.Result) string {
	t := &r.Totals
	var b strings.Builder
	b.WriteString(`<div class="keyfacts" role="list">`)
	fact := func(big, path, text string) {
		b.WriteString(`<div role="listitem"><span class="big" data-path="` + path + `" tabindex="0">` + html.EscapeString(big) + `</span> ` + html.EscapeString(text) + `</div>`)
	}
	fact(t.InterconnectPower.String(), "totals.interconnect_watts", "interconnect power, "+t.InterconnectShare.Percent()+" of the IT load")
	fact(MWh(t.AnnualEnergy), "totals.annual_mwh", "a year with cooling, "+t.AnnualUSD.String())
	fact(t.MTBF.String(), "totals.mtbf_hours", "between interconnect failures, across "+Count(t.Links+t.ScaleUpLinks)+" links")
	b.WriteString(`</div>`)
	return b.String()
}

// Headline says, in sentences, what the stages mean for this cluster.
func Headline(r *core.Result) string {
	dsp, cpo, cu := stage(r, "dsp"), stage(r, "cpo"), stage(r, "copper")
	var s []string
	if dsp != nil && cpo != nil && dsp.Feasible && cpo.Feasible {
		save := dsp.Totals.InterconnectPower - cpo.Totals.InterconnectPower
		hh := dsp.Totals.Households - cpo.Totals.Households
		if save > 0 {
			s = append(s, "Co-packaged optics would save "+save.String()+" against pluggable modules with DSPs: with cooling, the electricity of "+Count(int(math.Round(hh)))+" US households.")
		} else {
			s = append(s, "Here co-packaged optics would draw "+(-save).String()+" more than pluggable modules with DSPs.")
		}
	}
	if cu != nil {
		if cu.Feasible {
			s = append(s, "Copper reaches every tier of this cluster: "+cu.Totals.InterconnectPower.String()+" in all.")
		} else {
			s = append(s, "Copper cannot build this cluster's scale-out network: "+cu.BlockedList()[0].Message(len(r.Tiers), r.Lane.Rate)+".")
		}
	}
	if !r.Totals.Feasible {
		s = append(s, "As configured, some links cannot reach their length: see the tiers below.")
	}
	return html.EscapeString(strings.Join(s, " "))
}

// Live is everything the calculator replaces on each edit.
type Live struct {
	KeyFacts string            `json:"keyfacts"`
	Headline string            `json:"headline"`
	Tiers    string            `json:"tiers"`
	Totals   string            `json:"totals"`
	Stages   string            `json:"stages"`
	ScaleUp  string            `json:"scaleup"`
	Charts   map[string]string `json:"charts,omitempty"` // data tables, by chart id
}

// Render writes every live part of the calculator page; the charts' tables
// only when f is given (the figures changed).
func Render(r *core.Result, f *core.Figures) Live {
	l := Live{KeyFacts: KeyFacts(r), Headline: Headline(r), Tiers: Tiers(r), Totals: Totals(r), Stages: Stages(r), ScaleUp: ScaleUp(r)}
	if f != nil {
		l.Charts = ChartTables(f)
	}
	return l
}

// ChartTables writes the data table of each figure chart, keyed by chart
// id: the text alternative of the chart, and what the calculator updates.
func ChartTables(f *core.Figures) map[string]string {
	out := map[string]string{}

	var lanes []string
	for _, l := range f.Lanes {
		lanes = append(lanes, Num(l, 3)+" Gb/s")
	}
	cw := Table{Caption: "Maximum reach of copper, 26 AWG, by lane rate (m)", Head: append([]string{"technology"}, lanes...), Num: numCols(1, len(lanes))}
	for i, t := range f.CopperWall.Techs {
		row := []string{t.Name()}
		for _, v := range f.CopperWall.Reach[i] {
			if math.IsNaN(v) {
				v = 0
			}
			row = append(row, Num(v, 3))
		}
		cw.AddRow(row...)
	}
	out["copper-wall"] = cw.HTML()

	port := Num(f.PortGbps, 4) + " Gb/s port, " + Num(f.LaneGbps, 3) + " Gb/s lanes"
	out["energy-per-bit"] = breakdownTable("Energy per bit by component, pJ/bit ("+port+")", &f.Energy)
	out["latency"] = breakdownTable("Latency by component, ns (1 m, "+port+")", &f.Latency)

	cp := &f.ClusterPower
	head := []string{"GPUs"}
	for _, s := range cp.Series {
		head = append(head, s.Name)
	}
	ct := Table{Caption: "Scale-out interconnect power by cluster size (MW)", Head: head, Num: numCols(0, len(head)-1)}
	for j, n := range cp.GPUs {
		row := []string{Count(n)}
		for _, s := range cp.Series {
			if v := s.Values[j]; math.IsNaN(v) {
				row = append(row, "cannot be built")
			} else {
				row = append(row, Num(v, 3))
			}
		}
		ct.AddRow(row...)
	}
	out["cluster-power"] = ct.HTML()

	ep := &f.ElectricalPath
	et := Table{Caption: "Electrical path and its loss at the Nyquist frequency (" + Num(f.LaneGbps, 3) + " Gb/s per lane)", Head: []string{"stage", "electrical path (mm)", "loss (dB)"}, Num: map[int]bool{1: true, 2: true}}
	for i, label := range ep.Labels {
		et.AddRow(label, Num(ep.PathMM[i], 3), Num(ep.LossDB[i], 3))
	}
	out["electrical-path"] = et.HTML()
	return out
}

// breakdownTable is a component × technology table, without the
// components that are zero everywhere, and with each technology's total.
func breakdownTable(caption string, d *core.Breakdown) string {
	var cats []string
	for _, t := range d.Techs {
		cats = append(cats, strings.ToUpper(string(t)))
	}
	t := Table{Caption: caption, Head: append([]string{"component"}, cats...), Num: numCols(1, len(cats))}
	for i := range d.Components {
		nonzero := false
		row := []string{d.Labels[i]}
		for _, v := range d.Values[i] {
			nonzero = nonzero || v > 0
			row = append(row, Num(v, 3))
		}
		if nonzero {
			t.AddRow(row...)
		}
	}
	total := []string{"total"}
	for _, v := range d.Totals {
		total = append(total, Num(v, 3))
	}
	t.AddRow(total...)
	return t.HTML()
}
