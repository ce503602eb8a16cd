package figures

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
)

// The chart data of the contract's scenarios are what they were, byte for
// byte (the page redraws its charts from them). The scenarios are read
// from the result goldens in core/testdata/contract.
var update = flag.Bool("update", false, "rewrite the figures golden files")

// taggedFigures is Figures without its writer: encoding/json reads its tags.
type taggedFigures Figures

func TestFiguresGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "contract", "result-*.json"))
	if err != nil || len(files) < 5 {
		t.Fatalf("contract goldens: %v (%d)", err, len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Scenario json.RawMessage `json:"scenario"`
		}
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		s, err := core.ParseScenario(doc.Scenario)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		fig, err := Compute(label.English, s)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		got, err := json.Marshal(fig)
		if err != nil {
			t.Fatal(err)
		}
		if tags, _ := json.Marshal(taggedFigures(fig)); !bytes.Equal(got, tags) {
			t.Errorf("%s: the figures' writer and their tags disagree:\n%.400s\n%.400s", f, got, tags)
		}
		name := strings.Replace(filepath.Base(f), "result-", "figures-", 1)
		golden := filepath.Join("..", "testdata", "contract", name)
		if *update {
			if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(append(got, '\n'), want) {
			t.Errorf("%s: the chart data differ from the golden file", name)
		}
	}
}

// The cluster chart's error bars sit at the scenario's size, one per
// stage that draws can build, named as the chart's series, around the
// stage's own line.
func TestClusterBars(t *testing.T) {
	s := core.DefaultScenario()
	r, _ := core.Evaluate(s)
	u, err := core.Uncertainty(s, 200, 1)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := Compute(label.English, s)
	names := map[string]bool{}
	for _, sr := range f.ClusterPower.Series {
		names[sr.Name] = true
	}
	bars := ClusterBars(label.English, &r, &u)
	if len(bars) < 4 {
		t.Fatalf("%d bars", len(bars))
	}
	for _, b := range bars {
		if !names[b.Name] || b.GPUs != s.GPUs || !(b.Low <= b.High) {
			t.Errorf("bar %+v", b)
		}
		for i := range r.ByStage {
			if st := &r.ByStage[i]; st.Stage == b.Stage && st.Feasible {
				if mw := st.Totals.ScaleOutPower.Watts() / 1e6; mw < b.Low || mw > b.High {
					t.Errorf("%s: the default's %v MW lies outside its bar %v to %v", b.Stage, mw, b.Low, b.High)
				}
			}
		}
	}
}
