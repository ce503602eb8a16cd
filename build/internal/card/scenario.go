package card

import (
	"errors"
	"html"
	"strconv"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/report"
)

// GlyphsPath is where the build writes the cards' glyphs, from the site's
// root, and where our server reads them.
const GlyphsPath = "cards/glyphs.bin"

// Scenario is the card of a permalink's scenario, in a catalogue's
// language: the cluster in a few words, and what the model says of it
// (the calculator's headline: a cluster that cannot be built says so
// first). A link that cannot be read is an error that says why, in the
// catalogue's language.
func Scenario(c *label.Catalogue, link string) (Card, error) {
	s, err := core.DecodePermalink(link)
	if err != nil {
		var pe *core.PermalinkError
		if errors.As(err, &pe) {
			return Card{}, errors.New(pe.Message(c))
		}
		return Card{}, err
	}
	r, err := core.Evaluate(s)
	if err != nil {
		return Card{}, errors.New(core.ErrorText(c, err))
	}
	w := report.In(c)
	title := c.Format("card.scenario.title",
		"gpus", c.Count(s.GPUs),
		"port", strconv.FormatFloat(s.ScaleOut.PortGbps, 'f', -1, 64),
		"tiers", c.Count(len(r.Tiers)))
	return Card{
		Site:  c.Get("site.name"),
		Title: title, TitleSize: 52, TitleLines: 2,
		Line: html.UnescapeString(w.Headline(&r)), LineSize: 30, LineLines: 7,
		Footer: c.Format("card.footer", "version", core.ModelVersion),
	}, nil
}
