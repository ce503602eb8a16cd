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
