package core

import (
	"errors"
	"strings"
	"testing"

	"github.com/cpocalc/cpocalc/core/label"
)

// Every row of the technology table is complete: a technology is a row of
// data, and a missing field would be read as another technology's.
func TestTechRowsComplete(t *testing.T) {
	seen := map[Tech]bool{}
	for _, r := range techTable {
		if r.tech == "" || r.tech == Auto || seen[r.tech] {
			t.Errorf("row %q: empty, auto or repeated id", r.tech)
		}
		seen[r.tech] = true
		if r.abbrev == "" {
			t.Errorf("%s: no abbreviation", r.tech)
		}
		okStage := false
		for _, s := range ArticleStages {
			okStage = okStage || s == r.stage
		}
		if !okStage {
			t.Errorf("%s: stage %q is not one of the article's", r.tech, r.stage)
		}
		if _, ok := serdesEnergy[r.host]; !ok {
			t.Errorf("%s: host SerDes class %q has no energy", r.tech, r.host)
		}
		if r.hostPath < 0 || r.hostPath >= numPaths || r.plugPath >= numPaths {
			t.Errorf("%s: bad paths", r.tech)
		}
		if r.plugPath != pathNone && !r.cable {
			t.Errorf("%s: a plug path on optics", r.tech)
		}
		if r.cable && r.plugPath == pathNone {
			t.Errorf("%s: a cable without plugs", r.tech)
		}
		if (r.txLinear || r.rxLinear) && r.cable {
			t.Errorf("%s: linear optics flag on a cable", r.tech)
		}
		if r.gain != noParam && catalogue[r.gain].Unit != "dB" {
			t.Errorf("%s: gain %s is not in dB", r.tech, catalogue[r.gain].ID)
		}
		if len(r.energy) == 0 || len(r.fit) == 0 {
			t.Errorf("%s: no energy or no failure parts", r.tech)
		}
		for _, e := range r.energy {
			if e.scale == perLaser {
				if e.part != EnergyLaser || e.laser == laserNone || e.param != noParam {
					t.Errorf("%s: a laser term (part %d, kind %d) that is not the lasers'", r.tech, e.part, e.laser)
				}
				continue
			}
			want := map[scaling]string{scaleCMOS: "pJ/bit", perPort: "W"}[e.scale]
			if e.part <= EnergyHostSerDes || e.part >= NumEnergyParts || catalogue[e.param].Unit != want {
				t.Errorf("%s: energy part %d reads %s (%s), want a device part in %s", r.tech, e.part, catalogue[e.param].ID, catalogue[e.param].Unit, want)
			}
		}
		for _, f := range r.fit {
			if catalogue[f.param].Unit != "FIT" || (f.count == perLaserOf && catalogue[f.group].Group != "Reliability") {
				t.Errorf("%s: failure part reads %s", r.tech, catalogue[f.param].ID)
			}
		}
		for _, l := range r.latency {
			if catalogue[l.param].Unit != "ns" || l.part <= LatencyFECDecode {
				t.Errorf("%s: latency part reads %s", r.tech, catalogue[l.param].ID)
			}
		}
		if catalogue[r.cost].Group != "Cost" {
			t.Errorf("%s: cost reads %s, not a cost", r.tech, catalogue[r.cost].ID)
		}
		if (r.count == countCables) != r.cable {
			t.Errorf("%s: counted as cables %v, is a cable %v", r.tech, r.count == countCables, r.cable)
		}
		if r.nic && r.cable {
			t.Errorf("%s: a cable cannot be the NIC's optical end", r.tech)
		}
		if !label.English.Has("tech." + string(r.tech)) {
			t.Errorf("%s: no reader's name in core/label", r.tech)
		}
	}
	if len(techTable) > maxTechs {
		t.Errorf("%d technologies, more than maxTechs = %d", len(techTable), maxTechs)
	}
	for _, c := range Comparisons {
		if (c.Tech != Auto && !c.Tech.Valid()) || (c.Tech == Auto && c.Only == "") || !label.English.Has("comparison."+c.Key) {
			t.Errorf("comparison %s: bad technology, stage or label", c.Key)
		}
	}
	for _, l := range laneTable {
		if l.modulation == "" || l.bitsPerSymbol < 1 || (l.baudGBd == 0) == (l.baudParam == noParam) || catalogue[l.budget].Unit != "dB" || catalogue[l.df].Unit != "1" {
			t.Errorf("lane %v: incomplete row", l.gbps)
		}
	}
	for _, f := range fiberTable {
		if len(f.budget) == 0 || catalogue[f.attenuation].Unit != "dB/km" || catalogue[f.groupIndex].Unit != "1" {
			t.Errorf("fibre %s: incomplete row", f.fiber)
		}
	}
}

// Unknown technologies are errors everywhere, and every allowed-value
// list is the table's.
func TestAllowedListsFromTables(t *testing.T) {
	all := strings.Join(func() []string {
		var s []string
		for _, x := range Techs {
			s = append(s, string(x))
		}
		return s
	}(), ", ")
	if Tech("xpo").Stage() != "" || Tech("xpo").Valid() || Tech("xpo").Copper() || Tech("xpo").Optical() {
		t.Error("an unknown technology has a stage or a kind")
	}
	allowed := func(err error) string {
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Fatalf("not an InputError: %v", err)
		}
		return label.English.Say(ie.Allowed)
	}
	if got := allowed(checkTech("x", "xpo", false)); got != all {
		t.Errorf("technologies allowed: %q, want %q", got, all)
	}
	if got := allowed(checkTech("x", "xpo", true)); got != all+", auto" {
		t.Errorf("with auto: %q", got)
	}
	_, err := EvaluateLink(Link{Tech: "xpo", LaneGbps: 100, Lanes: 4, LengthM: 1})
	if got := allowed(err); got != all {
		t.Errorf("link technologies allowed: %q", got)
	}
	s := DefaultScenario()
	s.ScaleOut.NICTech = DAC
	_, err = Evaluate(s)
	var nic []string
	for _, x := range Techs {
		if x.NICEnd() {
			nic = append(nic, string(x))
		}
	}
	if got := allowed(err); got != strings.Join(nic, ", ") {
		t.Errorf("NIC technologies allowed: %q", got)
	}
	s = DefaultScenario()
	s.LaneGbps = 150
	_, err = Evaluate(s)
	if got := allowed(err); got != "25, 50, 100, 200, 400" {
		t.Errorf("lane rates allowed: %q", got)
	}
	s = DefaultScenario()
	s.Tiers[0].Fiber = "om9"
	_, err = Evaluate(s)
	if got := allowed(err); got != "smf, mmf, fr, lr" {
		t.Errorf("fibres allowed: %q", got)
	}
}
