package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/figures"
	"github.com/cpocalc/cpocalc/core/label"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// The calculator's tables and sentences for a few clusters are golden: a
// change to the model's shape must not change what the page says.
func TestReportGolden(t *testing.T) {
	scenarios := map[string]func(*core.Scenario){
		"default": func(*core.Scenario) {},
		"small": func(s *core.Scenario) {
			s.GPUs, s.LaneGbps = 1024, 100
			s.ScaleOut.PortGbps, s.ScaleOut.GbpsPerGPU = 400, 400
			s.Tiers = []core.Tier{{Tech: core.Auto, LengthM: 2}, {Tech: core.Auto, LengthM: 20}}
		},
		"blocked": func(s *core.Scenario) {
			s.GPUs = 9000
			s.ScaleUp.Tech, s.ScaleUp.LengthM = core.CPO, 2
			s.ScaleOut.NICTech = core.LPO
			s.Tiers[0] = core.Tier{Tech: core.DAC, LengthM: 30}
			s.ScaleUp.DomainGPUs = 1
		},
		"four-tier": func(s *core.Scenario) {
			s.GPUs = 131072
			s.Tiers = append(s.Tiers, core.Tier{Tech: core.Auto, LengthM: 400})
		},
	}
	for name, edit := range scenarios {
		s := core.DefaultScenario()
		edit(&s)
		r, err := core.Evaluate(s)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		f, err := figures.Compute(label.English, s)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		l := In(label.English).Render(&r, &f)
		var b bytes.Buffer
		for _, part := range []struct{ k, v string }{{"keyfacts", l.KeyFacts}, {"headline", l.Headline}, {"tiers", l.Tiers}, {"totals", l.Totals}, {"stages", l.Stages}, {"scaleup", l.ScaleUp}} {
			b.WriteString("== " + part.k + "\n" + part.v + "\n")
		}
		for _, id := range []string{"copper-wall", "energy-per-bit", "latency", "cluster-power", "electrical-path"} {
			b.WriteString("== chart " + id + "\n" + l.Charts[id] + "\n")
		}
		p := filepath.Join("testdata", "report-"+name+".golden")
		if *update {
			if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("%s differs from its golden file (go test ./core/report -update rewrites it; review the diff)", p)
		}
	}
}
