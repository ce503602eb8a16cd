package label

import "testing"

func TestCatalogue(t *testing.T) {
	if got := English.Format("blocked.where.tier", "n", "2", "name", "leaf to spine"); got != "tier 2 (leaf to spine)" {
		t.Errorf("Format: %q", got)
	}
	// A key no catalogue has reads as a plain sentence, never as itself;
	// a translation that lacks a key falls back to English first.
	if got := English.Get("no.such.key"); got != English.Get(Missing) || got == "no.such.key" || got == lastResort {
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

// A Text is written in the catalogue that shows it: its arguments as
// given, its word arguments looked up there; plain text as it is.
func TestText(t *testing.T) {
	xx := New("xx", map[string]string{"m": "{a} is {k}", "w": "xx-w"})
	m := Msg("m", "a", "1,024").Worded("k", "w")
	if got := xx.Say(m); got != "1,024 is xx-w" {
		t.Errorf("xx says %q", got)
	}
	if got := English.Say(Plain("as typed")); got != "as typed" {
		t.Errorf("plain: %q", got)
	}
	if !(Text{}).IsZero() || m.IsZero() {
		t.Error("IsZero")
	}
	// Wording does not write into the Text's own arguments.
	if xx.Say(m); m.Words[1] != "w" || len(m.Args) != 2 {
		t.Errorf("the Text changed: %+v", m)
	}
	if New("zh-CN", nil).Number(65536, 3) != "6.55 万" || English.Number(65536, 3) != "65,500" {
		t.Error("a catalogue's numbers are not its language's")
	}
}
