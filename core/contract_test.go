package core

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/cpocalc/cpocalc/core/format"
)

var updateContract = flag.Bool("update", false, "rewrite the contract's golden files in testdata/contract")

// contractScenarios are the scenarios whose result JSON is golden: the
// contract of DESIGN.md, byte for byte.
func contractScenarios() map[string]Scenario {
	out := map[string]Scenario{"default": DefaultScenario()}

	s := DefaultScenario()
	s.GPUs, s.LaneGbps, s.ScaleUp.DomainGPUs = 2000, 100, 1
	s.Tiers[0] = Tier{Tech: AEC, LengthM: 4, AWG: 30}
	s.Tiers[1] = Tier{Tech: LPO, LengthM: 80, Fiber: MMF}
	out["mixed"] = s

	s = DefaultScenario()
	s.GPUs, s.LaneGbps = 1024, 100
	s.ScaleOut.PortGbps, s.ScaleOut.GbpsPerGPU = 400, 400
	s.Tiers = []Tier{{Tech: Auto, LengthM: 2}, {Tech: Auto, LengthM: 20}}
	out["two-tier-100g"] = s

	s = DefaultScenario()
	s.GPUs = 131072
	s.Tiers = append(s.Tiers, Tier{Tech: Auto, LengthM: 400})
	out["four-tier"] = s

	// The same size of cluster, with a million GPUs, leaving the fourth
	// tier to the model (scale_out.tiers 0).
	s = DefaultScenario()
	s.GPUs = 1000000
	out["added-tier"] = s

	s = DefaultScenario()
	s.GPUs = 9000
	s.ScaleUp.Tech, s.ScaleUp.LengthM = CPO, 2
	s.ScaleOut.NICTech = LPO
	s.Tiers[0] = Tier{Tech: DAC, LengthM: 30}
	s.Tiers[1] = Tier{Tech: CPO, LengthM: 30}
	s.Params = map[string]float64{"switch_ns": 500, "c2m_host_trace_mm": 250}
	out["infeasible"] = s

	s = DefaultScenario()
	s.GPUs, s.LaneGbps = 3000, 25
	s.ScaleUp = ScaleUp{DomainGPUs: 8, GbpsPerGPU: 800, Tech: Auto, LengthM: 1.5, AWG: 30, FEC: FECNone}
	s.ScaleOut = ScaleOut{GbpsPerGPU: 400, PortGbps: 100, SwitchRadix: 32, Tiers: 4, NICTech: CPO}
	s.Tiers = []Tier{{Tech: Auto, LengthM: 1}, {Tech: ACC, LengthM: 3}, {Tech: DSP, LengthM: 100, Fiber: MMF}, {Tech: Auto, LengthM: 2000}}
	out["forced-25g"] = s

	s = DefaultScenario()
	s.GPUs, s.LaneGbps = 500, 400
	s.ScaleUp.Tech = Auto
	s.ScaleOut.PortGbps, s.ScaleOut.GbpsPerGPU = 1600, 3200
	s.SwitchCooling = CoolingLiquid
	out["400g"] = s

	// A pod-and-core cluster oversubscribed 3:1 above its pods, with
	// linear-receive optics at the NIC.
	s = DefaultScenario()
	s.GPUs = 20000
	s.ScaleOut.Oversubscription = 3
	s.ScaleOut.NICTech = LRO
	s.Tiers[1].Tech = NPO
	s.Tiers[2] = Tier{Tech: DSP, LengthM: 900, MaxLengthM: 1800, Fiber: FR}
	s.ScaleUp.LaneGbps, s.ScaleUp.Tech = 100, Auto
	out["oversubscribed"] = s
	return out
}

func contractLinks() map[string]Link {
	out := map[string]Link{}
	for _, t := range Techs {
		for _, lane := range LaneRates {
			for _, l := range []float64{0.5, 3, 100} {
				name := string(t) + "-" + format.English.Input(lane) + "-" + format.English.Input(l)
				out[name] = Link{Tech: t, LaneGbps: lane, Lanes: 4, LengthM: l}
			}
		}
	}
	out["cpo-dsp"] = Link{Tech: CPO, FarTech: DSP, LaneGbps: 200, Lanes: 8, LengthM: 30}
	out["dsp-lpo"] = Link{Tech: DSP, FarTech: LPO, LaneGbps: 100, Lanes: 8, LengthM: 30}
	out["lpo-lpo-mmf"] = Link{Tech: LPO, LaneGbps: 100, Lanes: 8, LengthM: 60, Fiber: MMF}
	out["dsp-mmf-200"] = Link{Tech: DSP, LaneGbps: 200, Lanes: 8, LengthM: 60, Fiber: MMF}
	out["dac-32awg"] = Link{Tech: DAC, LaneGbps: 100, Lanes: 2, LengthM: 1, AWG: 32}
	out["aec-params"] = Link{Tech: AEC, LaneGbps: 200, Lanes: 8, LengthM: 5, Params: map[string]float64{"aec_pj": 10}}
	return out
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", "contract", name)
	if *updateContract {
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./core -run Contract -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: the JSON differs from the contract's golden file (the contract of DESIGN.md must not change; if a field was added on purpose, run go test ./core -run Contract -update and review the diff)", p)
	}
}

// The result and link JSON stay byte for byte what they were: other
// programs read them.
func TestContractGolden(t *testing.T) {
	for name, s := range contractScenarios() {
		r, err := Evaluate(s)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkGolden(t, "result-"+name+".json", append(b, '\n'))

	}
	var links bytes.Buffer
	for _, name := range sortedNames(contractLinks()) {
		r, err := EvaluateLink(contractLinks()[name])
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		links.WriteString(name + " ")
		links.Write(b)
		links.WriteByte('\n')
	}
	checkGolden(t, "links.txt", links.Bytes())
}

func sortedNames[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
