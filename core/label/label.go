// Package label holds the words the project shows a reader: the names of
// technologies, stages, tiers and parts, the labels of the result's
// numbers, the reasons a link fails and the messages built from them, and
// the words of the pages' scripts. It is a catalogue of keys and words per
// language: English here (english.go), Simplified Chinese in label/zh; a
// translation is another catalogue with the same keys (the tests check that
// none is missing from either). It uses the standard library only and
// knows nothing of the model, so core, the report, the build and the
// WebAssembly all read the same words.
//
// Nothing here is global: what words things is handed a catalogue, and a
// catalogue carries its language's way of writing numbers (format.Style),
// so one value says both the words and the numbers of a language. The
// model computes without one; errors it raises keep their words as Text,
// a key and its arguments, worded where they are shown.
//
// Keys are dotted: "tech.dac", "stage.copper", "field.totals.interconnect_watts".
// Messages take named arguments written {name}.
package label

import (
	"strings"

	"github.com/cpocalc/cpocalc/core/format"
)

// Catalogue is one language's words by key. A key it lacks is looked up
// in its fallback (another language: English for a translation), and,
// failing that, reads as the plain sentence of Missing: a reader never
// sees a raw key.
type Catalogue struct {
	Lang     string // BCP 47 tag: "en", "zh-CN"
	words    map[string]string
	fallback *Catalogue
	// The language's way of writing numbers: c.Number, c.Quantity, c.USD
	// and the rest are the style's.
	format.Style
}

// English is the catalogue of the site's English edition and of the result
// JSON.
var English = &Catalogue{Lang: "en", words: english, Style: format.English}

// Missing is the key of the plain sentence shown for words a catalogue
// and its fallback both lack (a page's script from another release of the
// site); the scripts use it too.
const Missing = "js.missing"

// lastResort is shown when even Missing is missing: no words at all.
const lastResort = "…"

// New makes a catalogue of a language from its words, falling back to
// English.
// The language's tag gives its way of writing numbers (format.ForLang).
func New(lang string, words map[string]string) *Catalogue {
	return &Catalogue{Lang: lang, words: words, fallback: English, Style: format.ForLang(lang)}
}

// FallingBackTo returns a catalogue with c's language and words that
// looks up what it lacks in f (nil: nothing).
func (c *Catalogue) FallingBackTo(f *Catalogue) *Catalogue {
	return &Catalogue{Lang: c.Lang, words: c.words, fallback: f, Style: c.Style}
}

// WithStyle returns c writing numbers in st.
func (c *Catalogue) WithStyle(st format.Style) *Catalogue {
	x := *c
	x.Style = st
	return &x
}

// lookup finds a key in c, then in its fallbacks.
func (c *Catalogue) lookup(key string) (string, bool) {
	for x := c; x != nil; x = x.fallback {
		if w, ok := x.words[key]; ok {
			return w, true
		}
	}
	return "", false
}

// Has reports whether the catalogue itself holds a key (its fallback
// aside): what the catalogue tests check.
func (c *Catalogue) Has(key string) bool { _, ok := c.words[key]; return ok }

// Get returns the words of a key: the catalogue's, else its fallback's,
// else the plain sentence of Missing. The catalogue tests name every key
// a catalogue lacks; this is what a reader sees if one slips through.
func (c *Catalogue) Get(key string) string {
	if w, ok := c.lookup(key); ok {
		return w
	}
	if w, ok := c.lookup(Missing); ok {
		return w
	}
	return lastResort
}

// Or returns the words of a key, or fallback when neither the catalogue
// nor its fallback has it: for words whose English lives with the model
// (a parameter's name).
func (c *Catalogue) Or(key, fallback string) string {
	if w, ok := c.lookup(key); ok {
		return w
	}
	return fallback
}

// Numbered returns the words of a key, or, when the catalogue lacks the
// key and it holds one number, the words of the key with {n} in the
// number's place, filled with the number: "term.P tier 4" from
// "term.P tier {n}", however many tiers a cluster has.
func (c *Catalogue) Numbered(key string) (string, bool) {
	if w, ok := c.lookup(key); ok {
		return w, true
	}
	i := strings.IndexAny(key, "0123456789")
	if i < 0 {
		return "", false
	}
	j := i
	for j < len(key) && key[j] >= '0' && key[j] <= '9' {
		j++
	}
	if strings.ContainsAny(key[j:], "0123456789") {
		return "", false
	}
	w, ok := c.lookup(key[:i] + "{n}" + key[j:])
	if !ok {
		return "", false
	}
	return strings.ReplaceAll(w, "{n}", key[i:j]), true
}

// Format returns the message of a key with its {name} arguments filled
// from pairs of name and value.
func (c *Catalogue) Format(key string, args ...string) string {
	s := c.Get(key)
	for i := 0; i+1 < len(args); i += 2 {
		s = strings.ReplaceAll(s, "{"+args[i]+"}", args[i+1])
	}
	return s
}

// Keys returns every key of the catalogue.
func (c *Catalogue) Keys() []string {
	out := make([]string, 0, len(c.words))
	for k := range c.words {
		out = append(out, k)
	}
	return out
}

// Prefixed returns the words of every key that starts with prefix, by key,
// the fallback's filling what the catalogue lacks: what a page's script
// needs of the catalogue ("js.").
func (c *Catalogue) Prefixed(prefix string) map[string]string {
	out := map[string]string{}
	for x := c; x != nil; x = x.fallback {
		for k, w := range x.words {
			if _, done := out[k]; !done && strings.HasPrefix(k, prefix) {
				out[k] = w
			}
		}
	}
	return out
}

// Tech returns the reader's name of a technology ("passive copper (DAC)").
func (c *Catalogue) Tech(id string) string { return c.Get("tech." + id) }

// Field returns the label of a result number by its descriptor key
// ("totals.interconnect_watts", "link.max_reach_m").
func (c *Catalogue) Field(key string) string { return c.Get("field." + key) }

// Text is words not yet written: a message's key, its arguments (pairs
// of name and value, as Format takes them) and arguments that are words
// themselves (pairs of name and key). An error the model raises keeps its
// words so, and they are written in the language of the page that shows
// it. A Text with no key is Plain: text that reads the same in any
// language (a value as it was typed).
type Text struct {
	Key   string
	Args  []string
	Words []string
	Plain string
}

// Msg is the Text of a key with its arguments.
func Msg(key string, args ...string) Text { return Text{Key: key, Args: args} }

// Plain is a Text that is the same in every language.
func Plain(s string) Text { return Text{Plain: s} }

// Worded returns t with the argument name filled with the words of key.
func (t Text) Worded(name, key string) Text {
	t.Words = append(t.Words[:len(t.Words):len(t.Words)], name, key)
	return t
}

// IsZero reports whether t says nothing.
func (t Text) IsZero() bool { return t.Key == "" && t.Plain == "" }

// Say writes t in c's language.
func (c *Catalogue) Say(t Text) string {
	if t.Key == "" {
		return t.Plain
	}
	if len(t.Words) == 0 {
		return c.Format(t.Key, t.Args...)
	}
	args := append(t.Args[:len(t.Args):len(t.Args)], t.Words...)
	for i := len(t.Args) + 1; i < len(args); i += 2 {
		args[i] = c.Get(args[i])
	}
	return c.Format(t.Key, args...)
}

// With returns a catalogue of c's language with c's words and more: a
// catalogue that another package extends (label/pagewords).
func (c *Catalogue) With(more map[string]string) *Catalogue {
	words := make(map[string]string, len(c.words)+len(more))
	for k, v := range c.words {
		words[k] = v
	}
	for k, v := range more {
		words[k] = v
	}
	return &Catalogue{Lang: c.Lang, words: words, fallback: c.fallback, Style: c.Style}
}
