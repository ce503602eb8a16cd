package main

import (
	"github.com/cpocalc/cpocalc/core/report"
)

// The article's claims: the engineering ones judged by the model
// (report.Claims, which the explainer's WebAssembly runs again for the
// scenario a reader moved), the supply-side ones (investments, prices,
// the supply gap) against their sources in site/data/market.json.

// engineeringClaims judges the article's technical claims for the
// default scenario, over its uncertainty run.
func (m *model) engineeringClaims() ([]report.Claim, error) {
	return report.In(ed.Cat).Claims(m.scenario, &m.result, &m.unc)
}

// claimsTable is every checkable claim of the article with its verdict:
// the engineering ones judged by the model, the market ones by their
// sources.
//
// calculator is the calculator's address from the page: each engineering
// claim links to the scenario that shows it there.
func (m *model) claimsTable(calculator string) (string, error) {
	eng, err := m.engineeringClaims()
	if err != nil {
		return "", err
	}
	// The verdict beside the topic, where a phone shows it without a
	// scroll; what the article and the model say after.
	t := report.Table{Caption: ed.Cat.Get("claim.caption"), Head: cols("claim.head"), Class: "claims", Cards: true, Long: map[int]bool{2: true, 3: true}}
	w := report.In(ed.Cat)
	verdict := func(v string) report.Cell { return report.H(w.Verdict(v, m.market.word(v))) }
	for _, c := range eng {
		t.Rows = append(t.Rows, []report.Cell{report.T(c.Topic), verdict(c.Verdict), report.T(c.Article), report.H(w.ClaimSays(c, calculator, ""))})
	}
	for _, c := range m.market.Claims {
		t.Rows = append(t.Rows, []report.Cell{report.T(c.Topic), verdict(c.Status), report.T(ed.Cat.Format("claim.citing", "article", c.Article, "cited", c.Cited)), report.T(c.Sources)})
	}
	return t.HTML(ed.Cat), nil
}
