package label

import "testing"

func TestCatalogue(t *testing.T) {
	if got := Format("blocked.where.tier", "n", "2", "name", "leaf to spine"); got != "tier 2 (leaf to spine)" {
		t.Errorf("Format: %q", got)
	}
	if got := Get("no.such.key"); got != "no.such.key" {
		t.Errorf("a missing key should show itself: %q", got)
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
