package core_test

import (
	"fmt"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
)

// A 1.6T port (8 lanes of 200 Gb/s) three ways: passive copper reaches about
// a metre; a DSP pluggable and CPO reach 500 m, and CPO spends under a third
// of the energy.
func ExampleEvaluateLink() {
	for _, tech := range []core.Tech{core.DAC, core.DSP, core.CPO} {
		r, err := core.EvaluateLink(core.Link{Tech: tech, LaneGbps: 200, Lanes: 8, LengthM: 1})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: reach %v, electrical path %v (%v), %.1f pJ/bit, %.1f W per end\n",
			tech, r.MaxReach, r.ElectricalPath, r.ElectricalLoss, r.PJPerBit().PJ(), r.WattsPerEnd().Watts())
	}
	// Output:
	// dac: reach 1.2 m, electrical path 1.3 m (38.7 dB), 4.5 pJ/bit, 0.1 W per end
	// dsp: reach 500 m, electrical path 268 mm (22 dB), 17.6 pJ/bit, 24.5 W per end
	// cpo: reach 500 m, electrical path 8 mm (3.95 dB), 5.6 pJ/bit, 6.6 W per end
}

// The default cluster: 65,536 GPUs in a three-tier fat tree of 64-port
// switches, NVL72-like scale-up domains, and the same cluster at each stage.
func ExampleEvaluate() {
	r, err := core.Evaluate(core.DefaultScenario())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range r.Tiers {
		fmt.Printf("tier %d, %v: %s, %d links, %v\n", t.Index+1, t.Length, t.Tech, t.Links, t.Power)
	}
	fmt.Printf("switches %d, interconnect %v (%s of IT power)\n", r.Totals.Switches, r.Totals.InterconnectPower, r.Totals.InterconnectShare.Percent(label.English))
	for _, s := range r.ByStage {
		if !s.Feasible {
			fmt.Printf("%s: %s\n", s.Stage, s.BlockedList()[0].Message(label.English, len(r.Tiers), r.Lane.Rate))
			continue
		}
		fmt.Printf("%s: %v\n", s.Stage, s.Totals.InterconnectPower)
	}
	// Output:
	// tier 1, 3 m: cpo, 65536 links, 1.27 MW
	// tier 2, 30 m: cpo, 65536 links, 584 kW
	// tier 3, 300 m: cpo, 65536 links, 584 kW
	// switches 5120, interconnect 6.87 MW (7.47 % of IT power)
	// copper: retimed active copper (AEC) reaches 5.14 m at 200 Gb/s per lane; tier 2 (leaf to spine) needs 30 m
	// dsp: 10 MW
	// lro: 9.36 MW
	// lpo: 8.16 MW
	// npo: 7.2 MW
	// cpo: 6.87 MW
}

func ExampleSkinDepth() {
	fmt.Println(core.SkinDepth(1*core.Gigahertz, 5.8e7))
	fmt.Println(core.SkinDepth(26.56*core.Gigahertz, 5.8e7))
	// Output:
	// 2.09 µm
	// 0.406 µm
}

// A permalink stores only what differs from the defaults.
func ExampleEncodePermalink() {
	s := core.DefaultScenario()
	s.GPUs = 1000
	link, _ := core.EncodePermalink(s)
	fmt.Println(link)
	back, _ := core.DecodePermalink(link)
	fmt.Println(back.GPUs)
	_, err := core.DecodePermalink("1.not-a-scenario")
	fmt.Println(err)
	// Output:
	// v=1&gpus=1000
	// 1000
	// permalink "1.not-a-scenario": is damaged (no scenario inside)
}

// Every number says where it came from.
func ExampleExplain() {
	e, _ := core.Explain(label.English, core.DefaultScenario(), "totals.mtbf_hours")
	fmt.Println(e.Label, "=", e.Text)
	fmt.Println(e.Formula)
	fmt.Println(e.Example)
	for _, p := range e.Params[:3] {
		fmt.Println(p.ID, p.Value, p.Unit)
	}
	// Output:
	// mean time between interconnect failures = 12.4 h
	// MTBF = 10⁹ h / Σ FIT
	// Σ FIT = 80,800,000 FIT → MTBF = 12.4 h
	// els_lasers 8 1
	// els_fit 50 FIT
	// laser_fit 100 FIT
}
