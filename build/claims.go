package main

import (
	"fmt"
	"html"
	"math"

	"github.com/cpocalc/cpocalc/core"
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
		of := "the " + count(m.unc.Samples) + " draws of the parameters"
		if q.Judged != "" {
			of = "the " + count(q.N) + " of " + count(m.unc.Samples) + " draws of the parameters " + q.Judged
		}
		return "Over " + of + ", " + q.Text + " in " + core.Ratio(q.Share).Percent() + " of them.", q.Share
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
	out = append(out, judged{Topic: "Copper's attenuation", Sure: copperSure, Link: dacLink, LinkWhat: "passive copper forced onto the first tier",
		Article: "copper carries a signal well over tens of centimetres, and attenuation rules it out as clusters grow",
		Verdict: v,
		Says: fmt.Sprintf("At %g Gb/s per lane passive copper spans %s and copper with retimers %s; a row of racks needs %s, so no copper cable links rows. Within a rack (the scale-up domain) copper still works.",
			float64(refLane), dac.MaxReach, aec.MaxReach, core.Length(row)*core.Metre)})

	// 2. Energy: copper needs more current, so more electricity.
	v = verdictAgrees
	if dac.PJPerBit() <= cpo.PJPerBit() && dac.PJPerBit() <= dsp.PJPerBit() {
		v = verdictPartly
	}
	dacSure, _ := m.sureOf("dac_reaches_tier1")
	out = append(out, judged{Topic: "Copper's energy", Sure: dacSure,
		Article: "to overcome attenuation copper needs stronger drive, and so more electricity",
		Verdict: v,
		Says: fmt.Sprintf("Over 1 m passive copper is the cheapest link per bit (%s per end, with its SerDes), below co-packaged optics (%s) and pluggable modules (%s). The energy goes up when copper must reach further: retimed copper takes %s. The cost is in the reach, not in the copper.",
			dac.PJPerBit(), cpo.PJPerBit(), dsp.PJPerBit(), aec.PJPerBit())})

	// 3. Heat: the power becomes heat that the facility pays to remove.
	t := &m.result.Totals
	v = verdictAgrees
	if t.InterconnectHeat <= t.InterconnectPower {
		v = verdictContradicted
	}
	out = append(out, judged{Topic: "Heat",
		Article: "the current becomes heat, and cooling it draws more power still",
		Verdict: v,
		Says: fmt.Sprintf("Every watt of the links becomes heat; at a PUE of %g the reference cluster's %s of interconnect cost the facility %s.",
			m.scenario.PUE, t.InterconnectPower, t.InterconnectHeat)})

	// 4. Light: little attenuation.
	smf, _ := core.LookupParam("smf_db_per_km")
	twinax := core.TwinaxLoss(26, m.result.Lane.Nyquist).Total()
	ratio := float64(twinax) / (smf.Default * 1e-3) // both in dB/m
	v = verdictAgrees
	if ratio < 1000 {
		v = verdictPartly
	}
	out = append(out, judged{Topic: "Light's attenuation",
		Article: "light in a fibre loses very little along the way",
		Verdict: v,
		Says: fmt.Sprintf("Single-mode fibre loses %g dB per km; 26 AWG twinax loses %s at %s, about %s times more per metre. A fibre's reach is set by its optics' budget, not by the glass.",
			smf.Default, twinax, m.result.Lane.Nyquist, fmtNum(ratio, 2))})

	// 5. Light does not heat.
	laser := cpo.Near.Energy[core.EnergyLaser]
	v = verdictAgrees
	if laser > 0 || cpo.Near.DevicePower > 0 {
		v = verdictPartly
	}
	out = append(out, judged{Topic: "Light and heat",
		Article: "light does not generate heat",
		Verdict: v,
		Says: fmt.Sprintf("The glass does not warm, but the ends do: a co-packaged engine draws %s per end, %s of it for its laser light; every optical link is electricity turned into light and back.",
			cpo.Near.DevicePower, laser)})

	// 6. Stage 1 is being phased out.
	v = verdictAgrees
	if !cuStage.Feasible && m.result.ScaleUp.Present && m.result.ScaleUp.Feasible && m.result.ScaleUp.Link.Tech == core.DAC {
		v = verdictPartly
	}
	v = sureAtLeast(v, 1-copperBuilds)
	out = append(out, judged{Topic: "Copper phased out", Sure: copperSure,
		Article: "direct copper links are being phased out as AI clusters grow",
		Verdict: v,
		Says: fmt.Sprintf("Between racks, yes: the cluster cannot be built of copper (%s). Inside a %d-GPU domain passive copper of %s still works and draws least, which is why NVL72 racks are wired with it.",
			cuStage.BlockedList()[0].Message(len(m.result.Tiers), m.result.Lane.Rate), m.result.ScaleUp.DomainGPUs, m.result.ScaleUp.Length)})

	// 7. The electrical path: tens of centimetres to millimetres.
	v = verdictAgrees
	if p, c := dsp.ElectricalPath.Metres(), cpo.ElectricalPath.Metres(); p < 0.1 || p >= 1 || c >= 0.01 {
		v = verdictPartly
	}
	out = append(out, judged{Topic: "Electrical path",
		Article: "co-packaged optics cut the electrical path from tens of centimetres to a few millimetres",
		Verdict: v,
		Says: fmt.Sprintf("The host path to a pluggable module is %s long and loses %s at the Nyquist frequency; to a co-packaged engine it is %s and loses %s.",
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
	out = append(out, judged{Topic: "CPO's energy", Sure: cpoSure,
		Article: "co-packaged optics cut the energy drastically",
		Verdict: v,
		Says: fmt.Sprintf("Per link end, by %s (%s against %s per bit). Across the reference cluster, by %s (%s against %s): its copper scale-up domains draw the same either way.",
			core.Ratio(perBit).Percent(), cpo.PJPerBit(), dsp.PJPerBit(), core.Ratio(cluster).Percent(), cpoStage.Totals.InterconnectPower, dspStage.Totals.InterconnectPower)})

	// 9. CPO's latency.
	v = verdictAgrees
	if cpo.Latency.Total() >= dsp.Latency.Total() {
		v = verdictContradicted
	}
	out = append(out, judged{Topic: "CPO's latency",
		Article: "co-packaged optics lower the latency",
		Verdict: v,
		Says: fmt.Sprintf("A 1 m link takes %s one way with co-packaged optics against %s with DSP modules: no module DSPs to cross. The error-correcting code's wait and decode, the same for both, is the larger part.",
			cpo.Latency.Total(), dsp.Latency.Total())})

	// 10. Stage two: the modules' conversion costs energy and time.
	conv := dsp.Near.Energy.Device()
	v = verdictAgrees
	if conv <= 0 || dsp.Latency[core.LatencyDSP] <= 0 {
		v = verdictContradicted
	}
	out = append(out, judged{Topic: "Pluggable modules' conversion",
		Article: "a pluggable module's electrical-to-optical conversion itself consumes energy and adds latency",
		Verdict: v,
		Says: fmt.Sprintf("A DSP module's own electronics (DSP, driver and amplifier, laser, controller) take %s per end on top of the host's %s, and its DSPs add %s one way.",
			conv, dsp.Near.Energy[core.EnergyHostSerDes], dsp.Latency[core.LatencyDSP])})

	// 11. The distance becomes negligible.
	host := cpo.Near.Energy[core.EnergyHostSerDes]
	hostShare := float64(host / cpo.PJPerBit())
	v = verdictAgrees
	if hostShare >= 0.1 || float64(cpo.ElectricalLoss) >= 1 {
		v = verdictPartly
	}
	out = append(out, judged{Topic: "A negligible distance",
		Article: "the three steps compress the electrical signal's distance until it becomes negligible",
		Verdict: v,
		Says: fmt.Sprintf("The path shrinks %s times, from %s to %s, but it does not vanish: it still loses %s, and the host SerDes that drive it take %s of the %s a co-packaged end draws per bit (%s). The optical engine's own electronics and laser are now the larger part.",
			fmtNum(dsp.ElectricalPath.Metres()/cpo.ElectricalPath.Metres(), 2), dsp.ElectricalPath, cpo.ElectricalPath, cpo.ElectricalLoss, host, cpo.PJPerBit(), core.Ratio(hostShare).Percent())})

	// 12. Stage one: simple and cheap.
	v = verdictAgrees
	if dac.LinkCost >= dsp.LinkCost || dac.LinkCost >= cpo.LinkCost {
		v = verdictContradicted
	}
	out = append(out, judged{Topic: "Copper's simplicity and cost",
		Article: "direct copper cables are simple and cheap",
		Verdict: v,
		Says: fmt.Sprintf("A 1 m passive copper link costs %s, against %s with DSP modules and %s with co-packaged optics, and has no electronics of its own to fail: it is the cheapest link wherever it reaches.",
			dac.LinkCost, dsp.LinkCost, cpo.LinkCost)})
	return out, nil
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
	t := report.Table{Caption: "The article's claims, judged", Head: []string{"topic", "the article says", "what the model or the sources say", "verdict"}, Class: "claims"}
	verdict := func(v string) report.Cell {
		return report.Cell{HTML: `<span class="verdict ` + verdictClass(v) + `">` + html.EscapeString(v) + `</span>`}
	}
	for _, c := range eng {
		says := html.EscapeString(c.Says) + " (the model)"
		if c.Sure != "" {
			says += ` <span class="claim-sure">` + html.EscapeString(c.Sure) + `</span>`
		}
		href, what := calculator, "the default scenario"
		if c.Link != "" && c.Link != "v=1" {
			href, what = calculator+"#"+c.Link, c.LinkWhat
		}
		says += ` <a class="claim-link" href="` + html.EscapeString(href) + `">See it in the calculator: ` + html.EscapeString(what) + `</a>`
		t.Rows = append(t.Rows, []report.Cell{report.T(c.Topic), report.T(c.Article), report.H(says), verdict(c.Verdict)})
	}
	for _, c := range m.market.Claims {
		t.Rows = append(t.Rows, []report.Cell{report.T(c.Topic), report.T(c.Article + " (citing " + c.Cited + ")"), report.T(c.Sources), verdict(c.Status)})
	}
	return t.HTML(), nil
}
