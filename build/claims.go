package main

import (
	"fmt"
	"html"
	"math"
	"strconv"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/report"
)

// The article's engineering claims, judged by the model: each claim's
// verdict and what the model says are computed here from core's numbers,
// at build time, so they change when the model does. The supply-side
// claims (investments, prices, the supply gap) are judged against their
// sources in site/data/market.json.

// Verdicts a claim can get.
const (
	verdictAgrees       = "agrees"
	verdictPartly       = "partly"
	verdictNotConfirmed = "not confirmed"
	verdictContradicted = "contradicted"
)

// judged is one claim of the article with the model's verdict: what the
// model says, how sure it is over the draws of the parameters (where the
// claim turns on a question the uncertainty run asks), and the scenario
// that shows it (a permalink, "" for the default).
type judged struct {
	Topic, Article, Verdict, Says, Sure, Link string
	LinkWhat                                  string // the link's scenario in words
}

// sureOf says in how many draws of the default scenario's uncertainty run
// one of the reader's questions comes out yes, and that share.
func (m *model) sureOf(key string) (string, float64) {
	for _, q := range m.unc.Probabilities {
		if q.Key != key {
			continue
		}
		if q.Judged != "" {
			return ed.Cat.Format("claim.sure_judged", "n", count(q.N), "samples", count(m.unc.Samples), "which", q.Judged, "statement", q.Text, "share", core.Ratio(q.Share).Percent(ed.Cat)), q.Share
		}
		return ed.Cat.Format("claim.sure", "samples", count(m.unc.Samples), "statement", q.Text, "share", core.Ratio(q.Share).Percent(ed.Cat)), q.Share
	}
	return "", math.NaN()
}

// sureAtLeast keeps a verdict of "agrees" only where the claim holds in
// at least 90 % of the draws; less makes it "partly".
func sureAtLeast(v string, holds float64) string {
	if v == verdictAgrees && holds < 0.9 {
		return verdictPartly
	}
	return v
}

// engineeringClaims judges the article's technical claims. Each rule
// says in its text what it compares, so a reader can check the verdict.
func (m *model) engineeringClaims() ([]judged, error) {
	dac, aec, dsp, cpo := m.links[core.DAC], m.links[core.AEC], m.links[core.DSP], m.links[core.CPO]
	stage := func(name string) *core.StageResult {
		for i := range m.result.ByStage {
			if m.result.ByStage[i].Stage == name {
				return &m.result.ByStage[i]
			}
		}
		return nil
	}
	cuStage, dspStage, cpoStage := stage("copper"), stage("dsp"), stage("cpo")
	if cuStage == nil || dspStage == nil || cpoStage == nil || !dspStage.Feasible || !cpoStage.Feasible {
		return nil, fmt.Errorf("claims: the default scenario lacks a stage")
	}
	row := m.scenario.Tiers[1].LengthM
	var out []judged

	// 1. Attenuation: fine over tens of centimetres, not at cluster scale.
	v := verdictAgrees
	if dac.MaxReach.Metres() < 0.1 || aec.MaxReach.Metres() >= row {
		v = verdictContradicted
	}
	copperSure, copperBuilds := m.sureOf("copper_builds_scale_out")
	v = sureAtLeast(v, 1-copperBuilds)
	dacTier := m.scenario
	dacTier.Tiers = append([]core.Tier(nil), dacTier.Tiers...)
	dacTier.Tiers[0].Tech = core.DAC
	dacLink, err := core.EncodePermalink(dacTier)
	if err != nil {
		return nil, err
	}
	out = append(out, judged{Topic: ed.Cat.Get("claim.1.topic"), Sure: copperSure, Link: dacLink, LinkWhat: ed.Cat.Get("claim.1.link_what"),
		Article: ed.Cat.Get("claim.1.article"),
		Verdict: v,
		Says: words("claim.1.says",
			float64(refLane), dac.MaxReach, aec.MaxReach, core.Length(row)*core.Metre)})

	// 2. Energy: copper needs more current, so more electricity.
	v = verdictAgrees
	if dac.PJPerBit() <= cpo.PJPerBit() && dac.PJPerBit() <= dsp.PJPerBit() {
		v = verdictPartly
	}
	dacSure, _ := m.sureOf("dac_reaches_tier1")
	out = append(out, judged{Topic: ed.Cat.Get("claim.2.topic"), Sure: dacSure,
		Article: ed.Cat.Get("claim.2.article"),
		Verdict: v,
		Says: words("claim.2.says",
			dac.PJPerBit(), cpo.PJPerBit(), dsp.PJPerBit(), aec.PJPerBit())})

	// 3. Heat: the power becomes heat that the facility pays to remove.
	t := &m.result.Totals
	v = verdictAgrees
	if t.InterconnectHeat <= t.InterconnectPower {
		v = verdictContradicted
	}
	out = append(out, judged{Topic: ed.Cat.Get("claim.3.topic"),
		Article: ed.Cat.Get("claim.3.article"),
		Verdict: v,
		Says: words("claim.3.says",
			m.scenario.PUE, t.InterconnectPower, t.InterconnectHeat)})

	// 4. Light: little attenuation.
	smf, _ := core.LookupParam("smf_db_per_km")
	twinax := core.TwinaxLoss(26, m.result.Lane.Nyquist).Total()
	ratio := float64(twinax) / (smf.Default * 1e-3) // both in dB/m
	v = verdictAgrees
	if ratio < 1000 {
		v = verdictPartly
	}
	out = append(out, judged{Topic: ed.Cat.Get("claim.4.topic"),
		Article: ed.Cat.Get("claim.4.article"),
		Verdict: v,
		Says: words("claim.4.says",
			smf.Default, twinax, m.result.Lane.Nyquist, fmtNum(ratio, 2))})

	// 5. Light does not heat.
	laser := cpo.Near.Energy[core.EnergyLaser]
	v = verdictAgrees
	if laser > 0 || cpo.Near.DevicePower > 0 {
		v = verdictPartly
	}
	out = append(out, judged{Topic: ed.Cat.Get("claim.5.topic"),
		Article: ed.Cat.Get("claim.5.article"),
		Verdict: v,
		Says: words("claim.5.says",
			cpo.Near.DevicePower, laser)})

	// 6. Stage 1 is being phased out.
	v = verdictAgrees
	if !cuStage.Feasible && m.result.ScaleUp.Present && m.result.ScaleUp.Feasible && m.result.ScaleUp.Link.Tech == core.DAC {
		v = verdictPartly
	}
	v = sureAtLeast(v, 1-copperBuilds)
	out = append(out, judged{Topic: ed.Cat.Get("claim.6.topic"), Sure: copperSure,
		Article: ed.Cat.Get("claim.6.article"),
		Verdict: v,
		Says: words("claim.6.says",
			cuStage.BlockedList()[0].Message(ed.Cat, len(m.result.Tiers), m.result.Lane.Rate), m.result.ScaleUp.DomainGPUs, m.result.ScaleUp.Length)})

	// 7. The electrical path: tens of centimetres to millimetres.
	v = verdictAgrees
	if p, c := dsp.ElectricalPath.Metres(), cpo.ElectricalPath.Metres(); p < 0.1 || p >= 1 || c >= 0.01 {
		v = verdictPartly
	}
	out = append(out, judged{Topic: ed.Cat.Get("claim.7.topic"),
		Article: ed.Cat.Get("claim.7.article"),
		Verdict: v,
		Says: words("claim.7.says",
			dsp.ElectricalPath, dsp.ElectricalLoss, cpo.ElectricalPath, cpo.ElectricalLoss)})

	// 8. CPO's energy.
	perBit := 1 - float64(cpo.PJPerBit()/dsp.PJPerBit())
	cluster := 1 - float64(cpoStage.Totals.InterconnectPower/dspStage.Totals.InterconnectPower)
	v = verdictAgrees
	switch {
	case perBit <= 0:
		v = verdictContradicted
	case cluster < 0.25:
		v = verdictPartly
	}
	cpoSure, cpoBelow := m.sureOf("cpo_below_dsp")
	v = sureAtLeast(v, cpoBelow)
	out = append(out, judged{Topic: ed.Cat.Get("claim.8.topic"), Sure: cpoSure,
		Article: ed.Cat.Get("claim.8.article"),
		Verdict: v,
		Says: words("claim.8.says",
			core.Ratio(perBit).Percent(ed.Cat), cpo.PJPerBit(), dsp.PJPerBit(), core.Ratio(cluster).Percent(ed.Cat), cpoStage.Totals.InterconnectPower, dspStage.Totals.InterconnectPower)})

	// 9. CPO's latency.
	v = verdictAgrees
	if cpo.Latency.Total() >= dsp.Latency.Total() {
		v = verdictContradicted
	}
	out = append(out, judged{Topic: ed.Cat.Get("claim.9.topic"),
		Article: ed.Cat.Get("claim.9.article"),
		Verdict: v,
		Says: words("claim.9.says",
			cpo.Latency.Total(), dsp.Latency.Total())})

	// 10. Stage two: the modules' conversion costs energy and time.
	conv := dsp.Near.Energy.Device()
	v = verdictAgrees
	if conv <= 0 || dsp.Latency[core.LatencyDSP] <= 0 {
		v = verdictContradicted
	}
	out = append(out, judged{Topic: ed.Cat.Get("claim.10.topic"),
		Article: ed.Cat.Get("claim.10.article"),
		Verdict: v,
		Says: words("claim.10.says",
			conv, dsp.Near.Energy[core.EnergyHostSerDes], dsp.Latency[core.LatencyDSP])})

	// 11. The distance becomes negligible.
	host := cpo.Near.Energy[core.EnergyHostSerDes]
	hostShare := float64(host / cpo.PJPerBit())
	v = verdictAgrees
	if hostShare >= 0.1 || float64(cpo.ElectricalLoss) >= 1 {
		v = verdictPartly
	}
	out = append(out, judged{Topic: ed.Cat.Get("claim.11.topic"),
		Article: ed.Cat.Get("claim.11.article"),
		Verdict: v,
		Says: words("claim.11.says",
			fmtNum(dsp.ElectricalPath.Metres()/cpo.ElectricalPath.Metres(), 2), dsp.ElectricalPath, cpo.ElectricalPath, cpo.ElectricalLoss, host, cpo.PJPerBit(), core.Ratio(hostShare).Percent(ed.Cat))})

	// 12. Stage one: simple and cheap.
	v = verdictAgrees
	if dac.LinkCost >= dsp.LinkCost || dac.LinkCost >= cpo.LinkCost {
		v = verdictContradicted
	}
	out = append(out, judged{Topic: ed.Cat.Get("claim.12.topic"),
		Article: ed.Cat.Get("claim.12.article"),
		Verdict: v,
		Says: words("claim.12.says",
			dac.LinkCost, dsp.LinkCost, cpo.LinkCost)})
	return out, nil
}

// words fills a claim's sentence from the catalogue: its {1}, {2}, … are
// the arguments, printed as the model prints them in the edition's
// language.
func words(key string, args ...any) string {
	pairs := make([]string, 0, 2*len(args))
	for i, a := range args {
		s := fmt.Sprint(a)
		if q, ok := a.(interface{ In(*label.Catalogue) string }); ok {
			s = q.In(ed.Cat)
		}
		pairs = append(pairs, strconv.Itoa(i+1), s)
	}
	return ed.Cat.Format(key, pairs...)
}

// verdictClass names a verdict's style.
func verdictClass(v string) string {
	switch v {
	case verdictAgrees:
		return "v-agrees"
	case verdictPartly:
		return "v-partly"
	case verdictContradicted:
		return "v-contradicted"
	}
	return "v-unconfirmed"
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
	verdict := func(v string) report.Cell {
		words := m.market.word(v) // a market claim's status
		switch v {
		case verdictAgrees, verdictPartly, verdictNotConfirmed, verdictContradicted:
			words = ed.Cat.Get("verdict." + verdictClass(v))
		}
		return report.Cell{HTML: `<span class="verdict ` + verdictClass(v) + `">` + html.EscapeString(words) + `</span>`}
	}
	for _, c := range eng {
		says := html.EscapeString(c.Says) + html.EscapeString(ed.Cat.Get("claim.by_model"))
		if c.Sure != "" {
			says += ` <span class="claim-sure">` + html.EscapeString(c.Sure) + `</span>`
		}
		href, what := calculator, ed.Cat.Get("js.calc.default_scenario")
		if c.Link != "" && c.Link != "v=1" {
			href, what = calculator+"#"+c.Link, c.LinkWhat
		}
		says += ` <a class="claim-link" href="` + html.EscapeString(href) + `">` + html.EscapeString(ed.Cat.Format("claim.see", "what", what)) + `</a>`
		t.Rows = append(t.Rows, []report.Cell{report.T(c.Topic), verdict(c.Verdict), report.T(c.Article), report.H(says)})
	}
	for _, c := range m.market.Claims {
		t.Rows = append(t.Rows, []report.Cell{report.T(c.Topic), verdict(c.Status), report.T(ed.Cat.Format("claim.citing", "article", c.Article, "cited", c.Cited)), report.T(c.Sources)})
	}
	return t.HTML(ed.Cat), nil
}
