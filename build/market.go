package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The market facts of the article's supply side live as data in
// site/data/market.json: reported figures with their sources, not model
// outputs. The explainer and the methodology show them as such.

// PricePoint is one reported fibre price.
type PricePoint struct {
	Series  string  `json:"series"` // the product: G.652.D, G.657.A2, ...
	When    string  `json:"when"`   // the date the price was reported for
	CNY     float64 `json:"cny"`
	Unit    string  `json:"unit"` // "core-km" or "sheath-km"
	Article bool    `json:"article"`
	Source  string  `json:"source"`
	Note    string  `json:"note,omitempty"`
	coreKm  bool    // priced per core-km (set from the English unit)
}

// Claim is one claim of the article with what the sources say of it.
type Claim struct {
	Topic   string `json:"topic"`
	Article string `json:"article"` // what the article says
	Cited   string `json:"cited"`   // whom the article cites
	Sources string `json:"sources"` // what public sources and the model say
	Status  string `json:"status"`  // "reported", "not confirmed", "consistent with the model"
}

// Investment is a reported investment in fibre capacity.
type Investment struct {
	Who    string  `json:"who"`
	When   string  `json:"when"`
	USD    float64 `json:"usd"`
	What   string  `json:"what"`
	Source string  `json:"source"`
	key    string  // the fact's name: "nvidia" (from the English)
}

// market is the file's content.
type market struct {
	FiberPrices []PricePoint `json:"fiber_prices"`
	Claims      []Claim      `json:"claims"`
	Investments []Investment `json:"investments"`
	LeadMonths  struct {
		Low    int    `json:"low"`
		High   int    `json:"high"`
		Source string `json:"source"`
	} `json:"plant_lead_months"`
	About string            `json:"_about"`
	words map[string]string // the edition's words of the texts, when not English
}

// word is a text of the file in the edition's words.
func (m *market) word(s string) string {
	if w, ok := m.words[s]; ok {
		return w
	}
	return s
}

const marketFile = "site/data/market.json"

// loadMarket reads the market facts; every list must be there.
func loadMarket(root string) (*market, error) {
	b, err := os.ReadFile(filepath.Join(root, marketFile))
	if err != nil {
		return nil, err
	}
	var m market
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", marketFile, err)
	}
	if len(m.FiberPrices) == 0 || len(m.Claims) == 0 || len(m.Investments) == 0 || m.LeadMonths.High == 0 {
		return nil, fmt.Errorf("%s: a list is missing or empty", marketFile)
	}
	for i := range m.FiberPrices {
		m.FiberPrices[i].coreKm = m.FiberPrices[i].Unit == "core-km"
	}
	for i := range m.Investments {
		m.Investments[i].key = strings.ToLower(m.Investments[i].Who)
	}
	if ed.Dir == "" {
		return &m, nil
	}
	// Another edition reads the same facts in its words: market.<dir>.json
	// maps each English text to it; a text it lacks fails the build.
	file := strings.TrimSuffix(marketFile, ".json") + "." + strings.TrimSuffix(ed.Dir, "/") + ".json"
	b, err = os.ReadFile(filepath.Join(root, file))
	if err != nil {
		return nil, err
	}
	var words map[string]string
	if err := json.Unmarshal(b, &words); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	var missing []string
	// tr puts each text in the edition's words.
	tr := func(texts ...*string) {
		for _, s := range texts {
			if *s == "" {
				continue
			}
			if w, ok := words[*s]; ok {
				*s = w
				continue
			}
			missing = append(missing, *s)
		}
	}
	for i := range m.FiberPrices {
		p := &m.FiberPrices[i]
		tr(&p.Series, &p.When, &p.Unit, &p.Source, &p.Note)
	}
	for i := range m.Claims {
		c := &m.Claims[i]
		tr(&c.Topic, &c.Article, &c.Cited, &c.Sources)
		// The status keeps its English (it picks the verdict's colour);
		// its words are shown from the map.
		if _, ok := words[c.Status]; !ok {
			missing = append(missing, c.Status)
		}
	}
	for i := range m.Investments {
		v := &m.Investments[i]
		tr(&v.Who, &v.When, &v.What, &v.Source)
	}
	tr(&m.LeadMonths.Source)
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s: no words for %q", file, missing)
	}
	m.words = words
	return &m, nil
}
