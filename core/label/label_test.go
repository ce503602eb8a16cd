package label

import "testing"

func TestCatalogue(t *testing.T) {
	if got := Format("blocked.where.tier", "n", "2", "name", "leaf to spine"); got != "tier 2 (leaf to spine)" {
		t.Errorf("Format: %q", got)
	}
	// A key no catalogue has reads as a plain sentence, never as itself;
	// a translation that lacks a key falls back to English first.
	if got := Get("no.such.key"); got != English.Get(Missing) || got == "no.such.key" || got == lastResort {
		t.Errorf("a missing key reads %q", got)
	}
	xx := New("xx", map[string]string{"a.b": "xx words", Missing: "xx missing"})
	for key, want := range map[string]string{"a.b": "xx words", "blocked.where.tier": English.Get("blocked.where.tier"), "no.such.key": "xx missing"} {
		if got := xx.Get(key); got != want {
			t.Errorf("a translation's %s reads %q, want %q", key, got, want)
		}
	}
	if got := New("yy", nil).FallingBackTo(nil).Get("no.such.key"); got != lastResort {
		t.Errorf("with no words at all: %q", got)
	}
	if w := xx.Prefixed("js."); w[Missing] != "xx missing" || w["js.missing"] == "" || len(w) < len(English.Prefixed("js.")) {
		t.Errorf("a translation's script words lack the fallback's: %d of %d", len(w), len(English.Prefixed("js.")))
	}
	for _, k := range English.Keys() {
		if English.Get(k) == "" {
			t.Errorf("%s: empty words", k)
		}
	}
}

// A numbered key falls back to its {n} form; a key with two numbers, or
// with none, does not.
func TestNumbered(t *testing.T) {
	c := New("xx", map[string]string{"term.tier {n}": "T{n}", "term.tier 2": "second"})
	for key, want := range map[string]string{"term.tier 2": "second", "term.tier 12": "T12", "term.tier 4 of 5": "", "term.other": "", "term.tier": ""} {
		got, ok := c.Numbered(key)
		if got != want || ok != (want != "") {
			t.Errorf("Numbered(%q) = %q, %v; want %q", key, got, ok, want)
		}
	}
}
