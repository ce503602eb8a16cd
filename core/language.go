package core

import (
	"github.com/cpocalc/cpocalc/core/label"
)

// Language returns the catalogue c ready to word what core computes: a
// Chinese reader's money reads in dollars and yuan, at the catalogue's
// cny_per_usd (its date and source are the parameter's). The model
// computes without a language; what words its results takes one.
func Language(c *label.Catalogue) *label.Catalogue {
	if c == nil {
		return label.English
	}
	if !c.Myriads || c.CNYPerUSD != 0 {
		return c
	}
	st := c.Style
	st.CNYPerUSD = catalogue[pCNYPerUSD].Default
	return c.WithStyle(st)
}

// Title is the parameter's name in c's language (its English Name where
// the catalogue has no translation).
func (p Param) Title(c *label.Catalogue) string { return c.Or("param."+p.ID, p.Name) }

// Cited is the parameter's source in c's language: the same citations,
// with the words around them translated.
func (p Param) Cited(c *label.Catalogue) string { return c.Or("param."+p.ID+".source", p.Source) }

// Remark is the parameter's note in c's language.
func (p Param) Remark(c *label.Catalogue) string {
	if p.Note == "" {
		return ""
	}
	return c.Or("param."+p.ID+".note", p.Note)
}

// GroupName is the parameter's group in c's language.
func (p Param) GroupName(c *label.Catalogue) string { return c.Or("group."+p.Group, p.Group) }
