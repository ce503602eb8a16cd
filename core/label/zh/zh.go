// Package zh is the Simplified Chinese catalogue of the site's words: the
// same keys as label.English (words.go), and the Chinese names of the
// model's parameters and validation cases (params.go) and of the
// explanations' formulas and their inputs (formulas.go), whose English
// lives with the model. The build reads it; a page's WebAssembly receives it
// as JSON, so the English pages never load it.
package zh

import "github.com/cpocalc/cpocalc/core/label"

// Catalogue is the zh-CN catalogue.
var Catalogue = label.New("zh-CN", merged())

func merged() map[string]string {
	out := make(map[string]string, len(words)+len(params))
	for k, v := range words {
		out[k] = v
	}
	for k, v := range params {
		out[k] = v
	}
	for k, v := range siteWords {
		out[k] = v
	}
	for k, v := range formulas {
		out[k] = v
	}
	for k, v := range sources {
		out[k] = v
	}
	for k, v := range added {
		out[k] = v
	}
	return out
}
