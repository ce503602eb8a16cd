package main

import (
	htmltemplate "html/template"
	"strconv"
	"strings"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/report"
)

// The changelog page: each version of the model (core.Releases), newest
// first, with what changed and how the default scenario's headline
// figures moved from the version before.

// releaseView is one version on the page.
type releaseView struct {
	ID, Title, Date, Commit string
	Changes                 []string
	Table                   htmltemplate.HTML
}

// headlineRows are the figures a release compares, in order: their
// label's key and their words.
var headlineRows = []struct {
	key  string
	text func(h core.Headlines) string
}{
	{"changelog.interconnect", func(h core.Headlines) string { return core.Power(h.InterconnectW).In(ed.Cat) }},
	{"changelog.share", func(h core.Headlines) string { return core.Ratio(h.Share).Percent(ed.Cat) }},
	{"changelog.dsp", func(h core.Headlines) string { return core.Power(h.DSPW).In(ed.Cat) }},
	{"changelog.cpo", func(h core.Headlines) string { return core.Power(h.CPOW).In(ed.Cat) }},
	{"changelog.mtbf", func(h core.Headlines) string { return hours(h.MTBFHours) }},
	{"changelog.network_mtbf", func(h core.Headlines) string { return hours(h.NetworkMTBFHours) }},
	{"changelog.tco", func(h core.Headlines) string {
		if h.TCOUSD == 0 {
			return ed.Cat.Get("changelog.none")
		}
		return core.USD(h.TCOUSD).In(ed.Cat)
	}},
}

func hours(h float64) string {
	if h == 0 {
		return ed.Cat.Get("changelog.none")
	}
	return (core.Time(h) * core.Hour).In(ed.Cat)
}

// changelog writes every release, newest first.
func (b *builder) changelog() (htmltemplate.HTML, error) {
	var views []releaseView
	for i := len(core.Releases) - 1; i >= 0; i-- {
		r := &core.Releases[i]
		v := releaseView{ID: strings.ReplaceAll(r.Version, ".", "-"), Title: ed.Cat.Format("changelog.version", "version", r.Version), Date: r.Date, Commit: r.Commit}
		for k, c := range r.Changes {
			v.Changes = append(v.Changes, ed.Cat.Or("release."+r.Version+".change."+strconv.Itoa(k), c))
		}
		t := report.Table{Caption: ed.Cat.Format("changelog.caption", "version", r.Version), Num: map[int]bool{1: true, 2: true}}
		if i == 0 {
			t.Head = []string{ed.Cat.Get("changelog.figure"), ed.Cat.Format("changelog.in", "version", r.Version)}
			t.Num = map[int]bool{1: true}
		} else {
			prev := &core.Releases[i-1]
			t.Head = []string{ed.Cat.Get("changelog.figure"), ed.Cat.Format("changelog.in", "version", prev.Version), ed.Cat.Format("changelog.in", "version", r.Version)}
		}
		for _, row := range headlineRows {
			cells := []string{ed.Cat.Get(row.key)}
			if i > 0 {
				before, now := row.text(core.Releases[i-1].Headlines), row.text(r.Headlines)
				cells = append(cells, before)
				if now == before {
					now = ed.Cat.Get("changelog.same")
				}
				cells = append(cells, now)
			} else {
				cells = append(cells, row.text(r.Headlines))
			}
			t.AddRow(cells...)
		}
		v.Table = htmltemplate.HTML(t.HTML(ed.Cat))
		views = append(views, v)
	}
	s, err := b.piece("changelog", views, "changelog")
	return htmltemplate.HTML(s), err
}

// citeForm is one form of a citation on a page.
type citeForm struct{ ID, Label, Copy, Text string }

// citeBlocks writes the three forms of a citation: of the site (scenario
// "", on the methodology), or empty for the calculator's script to fill
// with the reader's scenario.
func (b *builder) citeBlocks(forSite bool) (htmltemplate.HTML, error) {
	var c report.Citation
	if forSite {
		c = report.In(ed.Cat).Cite(b.opts.BaseURL+ed.Dir, "", "")
	}
	forms := []citeForm{
		{ID: "plain", Label: ed.Cat.Get("cite.form.plain"), Text: c.Plain},
		{ID: "bibtex", Label: "BibTeX", Text: c.BibTeX},
		{ID: "csl", Label: "CSL-JSON", Text: c.CSL},
	}
	for i := range forms {
		forms[i].Copy = ed.Cat.Get("cite.copy")
	}
	s, err := b.piece("cite", forms, "cite")
	return htmltemplate.HTML(s), err
}
