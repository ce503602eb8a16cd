package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/cpocalc/cpocalc/core"
)

// The engineering claims' verdicts are golden: a change to the model that
// turns a verdict shows as a diff to review. Each verdict is one of the
// four words, and each says what the model compares.
func TestGoldenClaims(t *testing.T) {
	m, err := newModel(repoRoot(t))
	if err != nil {
		t.Fatal(err)
	}
	claims, err := m.engineeringClaims()
	if err != nil {
		t.Fatal(err)
	}
	if len(claims) < 8 {
		t.Errorf("%d engineering claims judged", len(claims))
	}
	type row struct{ Topic, Verdict, Says, Sure, Link string }
	var rows []row
	for _, c := range claims {
		switch c.Verdict {
		case verdictAgrees, verdictPartly, verdictNotConfirmed, verdictContradicted:
		default:
			t.Errorf("%s: verdict %q", c.Topic, c.Verdict)
		}
		if c.Says == "" || c.Article == "" || strings.Contains(c.Says, "%!") {
			t.Errorf("%s: %q says %q", c.Topic, c.Article, c.Says)
		}
		if c.Link != "" {
			if _, err := core.DecodePermalink(c.Link); err != nil {
				t.Errorf("%s: its scenario's link %q: %v", c.Topic, c.Link, err)
			}
		}
		rows = append(rows, row{c.Topic, c.Verdict, c.Says, c.Sure, c.Link})
	}
	b, _ := json.MarshalIndent(rows, "", "  ")
	golden(t, "claims.json", append(b, '\n'))
}
