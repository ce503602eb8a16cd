package main

import (
	"encoding/json"
	"strings"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/label/pagewords"
	"github.com/cpocalc/cpocalc/core/label/zh"
)

// An edition is the whole site in one language: English at the root,
// Simplified Chinese under zh/. Both have the same pages at the same paths
// below their folder, and the same scenario links (a permalink is the same
// in both). The build renders one edition after the other: ed is the one
// being built, and its catalogue (words and numbers) is what the build
// hands to whatever words a page.
type edition struct {
	Lang   string // BCP 47: the html element's lang and hreflang
	Dir    string // its folder from the site root: "" or "zh/"
	Locale string // Open Graph's og:locale
	Cat    *label.Catalogue
}

var editions = []edition{
	{Lang: "en", Dir: "", Locale: "en_GB", Cat: pagewords.English},
	{Lang: "zh-CN", Dir: "zh/", Locale: "zh_CN", Cat: core.Language(zh.Catalogue)},
}

// ed is the edition being built.
var ed = editions[0]

// useEdition makes e the edition being built.
func useEdition(e edition) { ed = e }

// other returns the editions but the one being built.
func otherEditions() []edition {
	var out []edition
	for _, e := range editions {
		if e.Lang != ed.Lang {
			out = append(out, e)
		}
	}
	return out
}

// wordsAsset is the logical path of an edition's catalogue as JSON, for its
// pages' WebAssembly (the English catalogue is the WebAssembly's own).
func wordsAsset(e edition) string { return "assets/words-" + e.Lang + ".{hash}.json" }

// catalogueJSON writes every word of a catalogue as one JSON object
// (its keys sorted, as encoding/json writes a map).
func catalogueJSON(c *label.Catalogue) ([]byte, error) { return json.Marshal(c.Prefixed("")) }

// scriptWords is what a page's scripts say, in the edition's language: the
// catalogue's "js." words, as JSON for a <script type="application/json">.
func scriptWords() string {
	words := ed.Cat.Prefixed("js.")
	words["report.delta.same"] = ed.Cat.Get("report.delta.same") // calc.js marks an unchanged number
	js, _ := json.Marshal(words)
	return strings.ReplaceAll(string(js), "</", `<\/`)
}

// sitemap lists every page of both editions with its alternates
// (https://www.sitemaps.org/, and Google's xhtml:link for languages).
// Embeds are pages of their own too.
func (b *builder) sitemap() *output {
	return &output{Path: "sitemap.xml", Media: "application/xml", Source: "generated",
		Make: func() ([]byte, error) {
			var w strings.Builder
			w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
			w.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
			for _, e := range editions {
				for _, p := range allPages() {
					if p.Absolute {
						continue // the 404 page is no address of its own
					}
					w.WriteString("<url><loc>" + xmlEscape(b.opts.BaseURL+e.Dir+folderOf(p.Path)) + "</loc>")
					for _, a := range editions {
						w.WriteString(`<xhtml:link rel="alternate" hreflang="` + a.Lang + `" href="` + xmlEscape(b.opts.BaseURL+a.Dir+folderOf(p.Path)) + `"/>`)
					}
					w.WriteString("</url>\n")
				}
			}
			w.WriteString("</urlset>\n")
			return []byte(w.String()), nil
		}}
}

// folderOf is a page's address: its path without index.html.
func folderOf(path string) string { return strings.TrimSuffix(path, "index.html") }

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// The build starts in English with the pages' words in use (label/pagewords
// is the build's, not core's).
func init() { useEdition(editions[0]) }
