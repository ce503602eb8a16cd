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
		fig, err := Compute(s)
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
