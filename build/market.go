package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
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
}

// SupplyGap is the reported fibre supply shortfall.
type SupplyGap struct {
	Year   int     `json:"year"`
	Low    float64 `json:"low"` // share of demand
	High   float64 `json:"high"`
	Source string  `json:"source"`
}

// market is the file's content.
type market struct {
	FiberPrices []PricePoint `json:"fiber_prices"`
	Claims      []Claim      `json:"claims"`
	Investments []Investment `json:"investments"`
	SupplyGaps  []SupplyGap  `json:"supply_gaps"`
	LeadMonths  struct {
		Low    int    `json:"low"`
		High   int    `json:"high"`
		Source string `json:"source"`
	} `json:"plant_lead_months"`
	About string `json:"_about"`
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
	if len(m.FiberPrices) == 0 || len(m.Claims) == 0 || len(m.Investments) == 0 || len(m.SupplyGaps) < 2 || m.LeadMonths.High == 0 {
		return nil, fmt.Errorf("%s: a list is missing or empty", marketFile)
	}
	return &m, nil
}
