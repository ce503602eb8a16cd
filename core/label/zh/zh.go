// Package zh is the Simplified Chinese catalogue of the site's words: the
// same keys as label.English (words.go), and the Chinese names of the
// model's parameters and validation cases (params.go) and of the
// explanations' formulas and their inputs (formulas.go), whose English
// lives with the model. The build reads it; a page's WebAssembly receives it
// as JSON, so the English pages never load it.
package zh

import (
	"maps"

	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/label/pagewords"
)

// Catalogue is the zh-CN catalogue; what it lacks (the tests name any
// such key) reads in English, the pages' words included.
var Catalogue = label.New("zh-CN", merged()).FallingBackTo(pagewords.English)

// parts are the catalogue's files' words; no key is in two of them
// (TestNoKeyTwice).
var parts = []map[string]string{words, params, siteWords, formulas, sources, added, generations, genSources, supplySources}

func merged() map[string]string {
	out := map[string]string{}
	for _, p := range parts {
		maps.Copy(out, p)
	}
	return out
}
