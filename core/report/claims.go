package report

import (
	"errors"
	"math"
	"strconv"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
)

// The article's engineering claims, judged by the model: each claim's
// verdict and what the model says are computed from core's numbers for a
// scenario (the build's default, or the one the reader moved on the
// page), so they change when the model does. The supply-side claims
// (investments, prices, the supply gap) are judged against their sources
// by the build.

// Verdicts a claim can get.
const (
	VerdictAgrees       = "agrees"
	VerdictPartly       = "partly"
	VerdictNotConfirmed = "not confirmed"
	VerdictContradicted = "contradicted"
)

// Claim is one claim of the article with the model's verdict: what the
// model says, how sure it is over the draws of the parameters (where the
// claim turns on a question the uncertainty run asks), and the scenario
// that shows it (a permalink, "" for the scenario judged).
type Claim struct {
	Topic, Article, Verdict, Says, Sure, Link string
	LinkWhat                                  string // the link's scenario in words
}

// claimLane is the lane rate of the links the claims compare: 200 Gb/s,
// today's.
const claimLane = 200

// sureOf says in how many draws of u one of the reader's questions comes
// out yes, and that share (NaN with no run).
func (w Writer) sureOf(u *core.UncertaintyResult, key string) (string, float64) {
	c := w.Catalogue
	if u == nil {
		return "", math.NaN()
	}
	for _, q := range u.Probabilities {
		if q.Key != key {
			continue
		}
		if q.Judged != "" {
			return c.Format("claim.sure_judged", "n", c.Count(q.N), "samples", c.Count(u.Samples), "which", q.Judged, "statement", q.Text, "share", core.Ratio(q.Share).Percent(c)), q.Share
		}
		return c.Format("claim.sure", "samples", c.Count(u.Samples), "statement", q.Text, "share", core.Ratio(q.Share).Percent(c)), q.Share
	}
	return "", math.NaN()
}

// sureAtLeast keeps a verdict of "agrees" only where the claim holds in
// at least 90 % of the draws; less makes it "partly". With no draws (NaN)
// the verdict stands as the model's alone.
func sureAtLeast(v string, holds float64) string {
	if v == VerdictAgrees && holds < 0.9 {
		return VerdictPartly
	}
	return v
}

// Claims judges the article's technical claims for the scenario s, whose
// result is r, over the draws of u (nil: the model's verdict alone, with
// nothing said of the draws). Each rule says in its text what it
// compares, so a reader can check the verdict.
func (w Writer) Claims(s core.Scenario, r *core.Result, u *core.UncertaintyResult) ([]Claim, error) {
	c := w.Catalogue
	links := map[core.Tech]core.LinkResult{}
	for _, t := range []core.Tech{core.DAC, core.AEC, core.DSP, core.CPO} {
		l, err := core.EvaluateLink(core.Link{Tech: t, LaneGbps: claimLane, Lanes: 4, LengthM: 1})
		if err != nil {
			return nil, err
		}
		links[t] = l
	}
	dac, aec, dsp, cpo := links[core.DAC], links[core.AEC], links[core.DSP], links[core.CPO]
	stage := func(name string) *core.StageResult {
		for i := range r.ByStage {
			if r.ByStage[i].Stage == name {
				return &r.ByStage[i]
			}
		}
		return nil
	}
	cuStage, dspStage, cpoStage := stage("copper"), stage("dsp"), stage("cpo")
	if cuStage == nil || dspStage == nil || cpoStage == nil || !dspStage.Feasible || !cpoStage.Feasible || cuStage.Feasible || len(s.Tiers) < 2 {
		return nil, errors.New("claims: the scenario lacks a stage the claims compare")
	}
	row := s.Tiers[1].LengthM
	var out []Claim
	// add puts claim n of the catalogue with its verdict, how sure, and
	// the arguments of what the model says.
	add := func(n int, v, sure string, args ...any) {
		k := "claim." + strconv.Itoa(n)
		out = append(out, Claim{Topic: c.Get(k + ".topic"), Article: c.Get(k + ".article"), Verdict: v, Sure: sure, Says: w.claimWords(k+".says", args...)})
	}

	// 1. Attenuation: fine over tens of centimetres, not at cluster scale.
	v := VerdictAgrees
	if dac.MaxReach.Metres() < 0.1 || aec.MaxReach.Metres() >= row {
		v = VerdictContradicted
	}
	copperSure, copperBuilds := w.sureOf(u, "copper_builds_scale_out")
	v = sureAtLeast(v, 1-copperBuilds)
	dacTier := s
	dacTier.Tiers = append([]core.Tier(nil), dacTier.Tiers...)
	dacTier.Tiers[0].Tech = core.DAC
	dacLink, err := core.EncodePermalink(dacTier)
	if err != nil {
		return nil, err
	}
	add(1, v, copperSure,
		float64(claimLane), dac.MaxReach, aec.MaxReach, core.Length(row)*core.Metre)
	out[len(out)-1].Link, out[len(out)-1].LinkWhat = dacLink, c.Get("claim.1.link_what")

	// 2. Energy: copper needs more current, so more electricity.
	v = VerdictAgrees
	if dac.PJPerBit() <= cpo.PJPerBit() && dac.PJPerBit() <= dsp.PJPerBit() {
		v = VerdictPartly
	}
	dacSure, _ := w.sureOf(u, "dac_reaches_tier1")
	add(2, v, dacSure,
		dac.PJPerBit(), cpo.PJPerBit(), dsp.PJPerBit(), aec.PJPerBit())

	// 3. Heat: the power becomes heat that the facility pays to remove.
	t := &r.Totals
	v = VerdictAgrees
	if t.InterconnectHeat <= t.InterconnectPower {
		v = VerdictContradicted
	}
	add(3, v, "",
		s.PUE, t.InterconnectPower, t.InterconnectHeat)

	// 4. Light: little attenuation.
	smf, _ := core.LookupParam("smf_db_per_km")
	twinax := core.TwinaxLoss(26, r.Lane.Nyquist).Total()
	ratio := float64(twinax) / (smf.Default * 1e-3) // both in dB/m
	v = VerdictAgrees
	if ratio < 1000 {
		v = VerdictPartly
	}
	add(4, v, "",
		smf.Default, twinax, r.Lane.Nyquist, c.Number(ratio, 2))

	// 5. Light does not heat.
	laser := cpo.Near.Energy[core.EnergyLaser]
	v = VerdictAgrees
	if laser > 0 || cpo.Near.DevicePower > 0 {
		v = VerdictPartly
	}
	add(5, v, "",
		cpo.Near.DevicePower, laser)

	// 6. Stage 1 is being phased out.
	v = VerdictAgrees
	if !cuStage.Feasible && r.ScaleUp.Present && r.ScaleUp.Feasible && r.ScaleUp.Link.Tech == core.DAC {
		v = VerdictPartly
	}
	v = sureAtLeast(v, 1-copperBuilds)
	add(6, v, copperSure,
		cuStage.BlockedList()[0].Message(c, len(r.Tiers), r.Lane.Rate), r.ScaleUp.DomainGPUs, r.ScaleUp.Length)

	// 7. The electrical path: tens of centimetres to millimetres.
	v = VerdictAgrees
	if p, c := dsp.ElectricalPath.Metres(), cpo.ElectricalPath.Metres(); p < 0.1 || p >= 1 || c >= 0.01 {
		v = VerdictPartly
	}
	add(7, v, "",
		dsp.ElectricalPath, dsp.ElectricalLoss, cpo.ElectricalPath, cpo.ElectricalLoss)

	// 8. CPO's energy.
	perBit := 1 - float64(cpo.PJPerBit()/dsp.PJPerBit())
	cluster := 1 - float64(cpoStage.Totals.InterconnectPower/dspStage.Totals.InterconnectPower)
	v = VerdictAgrees
	switch {
	case perBit <= 0:
		v = VerdictContradicted
	case cluster < 0.25:
		v = VerdictPartly
	}
	cpoSure, cpoBelow := w.sureOf(u, "cpo_below_dsp")
	v = sureAtLeast(v, cpoBelow)
	add(8, v, cpoSure,
		core.Ratio(perBit).Percent(c), cpo.PJPerBit(), dsp.PJPerBit(), core.Ratio(cluster).Percent(c), cpoStage.Totals.InterconnectPower, dspStage.Totals.InterconnectPower)

	// 9. CPO's latency.
	v = VerdictAgrees
	if cpo.Latency.Total() >= dsp.Latency.Total() {
		v = VerdictContradicted
	}
	add(9, v, "",
		cpo.Latency.Total(), dsp.Latency.Total())

	// 10. Stage two: the modules' conversion costs energy and time.
	conv := dsp.Near.Energy.Device()
	v = VerdictAgrees
	if conv <= 0 || dsp.Latency[core.LatencyDSP] <= 0 {
		v = VerdictContradicted
	}
	add(10, v, "",
		conv, dsp.Near.Energy[core.EnergyHostSerDes], dsp.Latency[core.LatencyDSP])

	// 11. The distance becomes negligible.
	host := cpo.Near.Energy[core.EnergyHostSerDes]
	hostShare := float64(host / cpo.PJPerBit())
	v = VerdictAgrees
	if hostShare >= 0.1 || float64(cpo.ElectricalLoss) >= 1 {
		v = VerdictPartly
	}
	add(11, v, "",
		c.Number(dsp.ElectricalPath.Metres()/cpo.ElectricalPath.Metres(), 2), dsp.ElectricalPath, cpo.ElectricalPath, cpo.ElectricalLoss, host, cpo.PJPerBit(), core.Ratio(hostShare).Percent(c))

	// 12. Stage one: simple and cheap.
	v = VerdictAgrees
	if dac.LinkCost >= dsp.LinkCost || dac.LinkCost >= cpo.LinkCost {
		v = VerdictContradicted
	}
	add(12, v, "",
		dac.LinkCost, dsp.LinkCost, cpo.LinkCost)

	// 13, 14. The supply gap of 2026 and 2027: the shortfall the year's
	// AI build-out leaves, wired as the scenario is, against what the
	// world's preforms make.
	years, err := core.SupplyOutlook(s, r)
	if err != nil {
		return nil, err
	}
	n := 13
	for i := range years {
		y := &years[i]
		st := &y.Own
		if y.ArticleGap.Mid == 0 || !st.Feasible {
			continue
		}
		pct := func(x float64) string { return core.Ratio(x).Percent(c) }
		args := []any{y.Year, pct(st.Share.Mid), pct(st.Share.Low), pct(st.Share.High), pct(st.Gap.High),
			c.Number(st.KmPerMW, 3), c.Number(st.Need.Mid, 2), c.Number(st.Times.Mid, 2), c.Number(st.Times.Low, 2), c.Number(st.Times.High, 2)}
		add(n, GapVerdict(st.Gap, y.ArticleGap), "", args...)
		if st.Gap.High == 0 {
			// Not even the ends of the ranges leave a shortfall: said so.
			out[len(out)-1].Says = w.claimWords("claim."+strconv.Itoa(n)+".says_none", args...)
		}
		n++
	}
	return out, nil
}

// GapVerdict judges an article's shortfall against the model's range: it
// agrees where the ranges meet, is "partly" right where the model finds
// more, and not confirmed where the model finds less.
func GapVerdict(model, article core.Span) string {
	switch {
	case model.High >= article.Low && model.Low <= article.High:
		return VerdictAgrees
	case model.Low > article.High:
		return VerdictPartly
	}
	return VerdictNotConfirmed
}

// words fills a claim's sentence from the catalogue: its {1}, {2}, … are
// the arguments, printed as the model prints them in the catalogue's
// language.
func (w Writer) claimWords(key string, args ...any) string {
	pairs := make([]string, 0, 2*len(args))
	for i, a := range args {
		var s string
		switch v := a.(type) {
		case interface{ In(*label.Catalogue) string }:
			s = v.In(w.Catalogue)
		case string:
			s = v
		case int:
			s = strconv.Itoa(v)
		case float64:
			s = strconv.FormatFloat(v, 'g', -1, 64)
		}
		pairs = append(pairs, strconv.Itoa(i+1), s)
	}
	return w.Format(key, pairs...)
}

// VerdictClass names a verdict's style.
func VerdictClass(v string) string {
	switch v {
	case VerdictAgrees:
		return "v-agrees"
	case VerdictPartly:
		return "v-partly"
	case VerdictContradicted:
		return "v-contradicted"
	}
	return "v-unconfirmed"
}

// Verdict is a verdict's cell (HTML), in the words given, or the
// catalogue's for the model's four.
func (w Writer) Verdict(v, words string) string {
	switch v {
	case VerdictAgrees, VerdictPartly, VerdictNotConfirmed, VerdictContradicted:
		words = w.Get("verdict." + VerdictClass(v))
	}
	return `<span class="verdict ` + VerdictClass(v) + `">` + escape(words) + `</span>`
}

// ClaimSays is what the model says of a claim (HTML): its sentence, how
// sure, and a link to the calculator's address on the scenario that shows
// it (the scenario judged, whose permalink is judged, for none of its own).
func (w Writer) ClaimSays(cl Claim, calculator, judged string) string {
	says := escape(cl.Says) + escape(w.Get("claim.by_model"))
	if cl.Sure != "" {
		says += ` <span class="claim-sure">` + escape(cl.Sure) + `</span>`
	}
	href, what := calculator, w.Get("js.calc.default_scenario")
	if judged != "" && judged != "v=1" {
		href, what = calculator+"#"+judged, w.Get("claim.moved_scenario")
	}
	if cl.Link != "" && cl.Link != "v=1" {
		href, what = calculator+"#"+cl.Link, cl.LinkWhat
	}
	return says + ` <a class="claim-link" href="` + escape(href) + `">` + escape(w.Format("claim.see", "what", what)) + `</a>`
}
