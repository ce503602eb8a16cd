package report

import (
	"strconv"
	"strings"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/wire"
)

// How to cite the site, or one of its scenarios, with the model version
// that gave its numbers: BibTeX, CSL-JSON (what reference managers
// import) and a plain reference, in the catalogue's words.

// Citation is one thing to cite, three ways.
type Citation struct{ BibTeX, CSL, Plain string }

// Cite writes the citation of the page at address (absolute), on the
// scenario of link ("" or the default's: the site itself), read on
// accessed (YYYY-MM-DD; "" for none). The model version and its release
// date are today's.
func (x Writer) Cite(address, link, accessed string) Citation {
	rel := core.ReleaseOf(core.ModelVersion)
	issued := ""
	if rel != nil {
		issued = rel.Date
	}
	url := address
	fields := ""
	if link != "" && link != "v="+strconv.Itoa(core.Version) {
		url = address + "#" + core.VersionedLink(link)
		rest, _ := core.SplitVersion(link)
		fields = core.LinkFields(rest)
	}
	title := x.Get("cite.title")
	author := x.Get("cite.author")
	note := x.Format("cite.version", "version", core.ModelVersion)
	if fields != "" {
		note += x.Get("report.list_sep") + x.Format("cite.scenario", "fields", fields)
	}
	key := "coppertolight-" + strings.ReplaceAll(core.ModelVersion, ".", "-")

	var b strings.Builder
	b.WriteString("@misc{" + key + ",\n")
	bib := func(k, v string) { b.WriteString("  " + k + " = {" + v + "},\n") }
	bib("title", "{"+bibEscape(title)+"}")
	bib("author", "{"+bibEscape(author)+"}")
	if len(issued) >= 4 {
		bib("year", issued[:4])
	}
	bib("howpublished", `\url{`+bibURL(url)+"}")
	bib("version", core.ModelVersion)
	n := bibEscape(note)
	if accessed != "" {
		n += x.Get("report.list_sep") + bibEscape(x.Format("cite.accessed", "date", accessed))
	}
	bib("note", n)
	b.WriteString("}\n")

	csl := wire.Marshal(&cslItem{key, title, author, issued, accessed, url, note}, cslWire)
	plain := x.Format("cite.plain", "author", author, "year", yearOf(issued), "title", title, "note", note, "url", url)
	if accessed != "" {
		plain += " " + x.Format("cite.accessed_plain", "date", accessed)
	}
	return Citation{BibTeX: b.String(), CSL: "[" + string(csl) + "]", Plain: plain}
}

func yearOf(date string) string {
	if len(date) >= 4 {
		return date[:4]
	}
	return ""
}

// bibEscape escapes BibTeX's special characters in a text.
func bibEscape(s string) string {
	return strings.NewReplacer(`\`, `\textbackslash{}`, "{", `\{`, "}", `\}`, "&", `\&`, "%", `\%`, "$", `\$`, "#", `\#`, "_", `\_`).Replace(s)
}

// bibURL escapes what \url cannot take as it is.
func bibURL(s string) string {
	return strings.NewReplacer("%", `\%`, "#", `\#`, "{", `\{`, "}", `\}`).Replace(s)
}

// cslItem is one CSL-JSON item.
type cslItem struct{ id, title, author, issued, accessed, url, note string }

// dateParts writes a CSL date ({"date-parts": [[y, m, d]]}).
func dateParts(w *wire.W, date string) {
	w.Begin()
	w.Key("date-parts")
	w.BeginList()
	w.BeginList()
	for _, p := range strings.Split(date, "-") {
		n, _ := strconv.Atoi(p)
		w.Int(n)
	}
	w.EndList()
	w.EndList()
	w.End()
}

var cslWire = []wire.Field[*cslItem]{
	{Name: "id", Put: func(w *wire.W, c *cslItem) { w.Str(c.id) }},
	{Name: "type", Put: func(w *wire.W, c *cslItem) { w.Str("software") }},
	{Name: "title", Put: func(w *wire.W, c *cslItem) { w.Str(c.title) }},
	{Name: "author", Put: func(w *wire.W, c *cslItem) {
		w.BeginList()
		w.Begin()
		w.Key("literal")
		w.Str(c.author)
		w.End()
		w.EndList()
	}},
	{Name: "version", Put: func(w *wire.W, c *cslItem) { w.Str(core.ModelVersion) }},
	{Name: "issued", Put: func(w *wire.W, c *cslItem) { dateParts(w, c.issued) }, When: func(c *cslItem) bool { return c.issued != "" }},
	{Name: "accessed", Put: func(w *wire.W, c *cslItem) { dateParts(w, c.accessed) }, When: func(c *cslItem) bool { return c.accessed != "" }},
	{Name: "URL", Put: func(w *wire.W, c *cslItem) { w.Str(c.url) }},
	{Name: "note", Put: func(w *wire.W, c *cslItem) { w.Str(c.note) }},
}
