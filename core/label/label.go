// Package label holds the words the project shows a reader: the names of
// technologies, stages, tiers and parts, the labels of the result's
// numbers, the reasons a link fails and the messages built from them. It
// is a catalogue of keys and words, English here; a translation is another
// catalogue with the same keys (the tests check that none is missing). It
// uses the standard library only and knows nothing of the model, so core,
// the report, the build and the WebAssembly all read the same words.
//
// Keys are dotted: "tech.dac", "stage.copper", "field.totals.interconnect_watts".
// Messages take named arguments written {name}.
package label

import "strings"

// Catalogue is one language's words by key.
type Catalogue struct {
	Lang  string
	words map[string]string
}

// English is the catalogue of the site and of the result JSON.
var English = &Catalogue{Lang: "en", words: english}

// Has reports whether the catalogue holds a key.
func (c *Catalogue) Has(key string) bool { _, ok := c.words[key]; return ok }

// Get returns the words of a key; a key the catalogue lacks returns itself
// (so a missing word shows, and the catalogue test names it).
func (c *Catalogue) Get(key string) string {
	if w, ok := c.words[key]; ok {
		return w
	}
	return key
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

// Get is English.Get.
func Get(key string) string { return English.Get(key) }

// Format is English.Format.
func Format(key string, args ...string) string { return English.Format(key, args...) }

// Tech returns the reader's name of a technology ("passive copper (DAC)").
func Tech(id string) string { return English.Get("tech." + id) }

// Field returns the label of a result number by its descriptor key
// ("totals.interconnect_watts", "link.max_reach_m").
func Field(key string) string { return English.Get("field." + key) }
