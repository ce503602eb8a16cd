package report

import (
	"strconv"

	"github.com/cpocalc/cpocalc/core"
)

// The fibre market against the build-out wired as the result's scenario
// is (core.SupplyOutlook): a table, a row a quantity and a column a year,
// for the explainer and the methodology (the reference cluster) and the
// calculator (the reader's).

// span writes a value with its range, where it has one.
func (x Writer) span(s core.Span, text func(float64) string) string {
	if !s.Ranged() {
		return text(s.Mid)
	}
	return x.Format("report.span", "mid", text(s.Mid), "low", text(s.Low), "high", text(s.High))
}

// Supply writes the year-by-year fibre table of r's scenario. A cluster
// that cannot be built wires no build-out: its rows say so, and a stage
// that cannot be built says so in its cell.
func (x Writer) Supply(r *core.Result) (string, error) {
	years, err := core.SupplyOutlook(r.Scenario, r)
	if err != nil {
		return "", err
	}
	mkm := func(v float64) string { return x.Millions(v * 1e6) }
	pct := func(v float64) string { return core.Ratio(v).Percent(x.Catalogue) }
	gw := func(v float64) string { return x.Number(v, 3) + " GW" }
	perMW := func(v float64) string { return x.Number(v, 2) }
	no := x.Get("report.cannot_build")
	rows := x.words("report.supply.rows")
	t := Table{Caption: x.Get("report.supply.caption"), Head: []string{x.Get("report.supply.what")}, Num: map[int]bool{}, Class: "supply", Cards: true}
	cells := make([][]string, len(rows))
	for i := range years {
		y := &years[i]
		own := &y.Own
		stage := func(tech core.Tech) string {
			if st := y.SupplyStageOf(string(tech)); st != nil && st.Feasible {
				return mkm(st.AIMkm.Mid)
			}
			return no
		}
		article, need := "—", "—"
		if y.ArticleGap.Mid > 0 {
			article = pct(y.ArticleGap.Mid)
			if y.ArticleGap.Ranged() {
				article = x.Format("err.range", "low", pct(y.ArticleGap.Low), "high", pct(y.ArticleGap.High))
			}
			if own.Feasible {
				need = x.span(own.Need, perMW)
			}
		}
		ownAI, ownShare, ownGap := no, no, no
		if own.Feasible {
			ownAI, ownShare, ownGap = x.span(own.AIMkm, mkm), x.span(own.Share, pct), x.span(own.Gap, pct)
		}
		t.Head = append(t.Head, strconv.Itoa(y.Year))
		t.Num[i+1] = true
		for r, v := range []string{x.span(y.AIGW, gw), x.span(y.SupplyMkm, mkm), x.span(y.OtherMkm, mkm),
			ownAI, stage(core.DSP) + " / " + stage(core.CPO), ownShare, ownGap, article, need} {
			if r < len(cells) {
				cells[r] = append(cells[r], v)
			}
		}
	}
	for r := range cells {
		t.AddRow(append([]string{rows[r]}, cells[r]...)...)
	}
	return t.HTML(x.Catalogue), nil
}
