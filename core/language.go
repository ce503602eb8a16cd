package core

import (
	"github.com/cpocalc/cpocalc/core/format"
	"github.com/cpocalc/cpocalc/core/label"
)

// UseLanguage puts a catalogue's words, and its language's way of writing
// numbers, in use for everything core, the report and the figures print:
// labels, messages, explanations and quantities. English is the default.
// A Chinese page's money reads in dollars and yuan, at the catalogue's
// cny_per_usd (its date and source are the parameter's).
func UseLanguage(c *label.Catalogue) {
	label.Use(c)
	if c == nil || c.Lang == "en" {
		format.Use(format.English)
		return
	}
	st := format.Chinese
	st.CNYPerUSD = catalogue[pCNYPerUSD].Default
	format.Use(st)
}

// Title is the parameter's name in the language in use (its English Name
// where the catalogue has no translation).
func (p Param) Title() string { return label.Or("param."+p.ID, p.Name) }

// Cited is the parameter's source in the language in use: the same
// citations, with the words around them translated.
func (p Param) Cited() string { return label.Or("param."+p.ID+".source", p.Source) }

// Remark is the parameter's note in the language in use.
func (p Param) Remark() string {
	if p.Note == "" {
		return ""
	}
	return label.Or("param."+p.ID+".note", p.Note)
}

// GroupName is the parameter's group in the language in use.
func (p Param) GroupName() string { return label.Or("group."+p.Group, p.Group) }
