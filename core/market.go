package core

// Market facts: the supply side of the article (investments, fibre prices,
// the supply gap), each with its source, and the article's claims beside
// what public sources say. These are reported figures, not model outputs;
// the site shows them as such.

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

const (
	srcHerald    = "21st Century Business Herald (via Sina Finance); Sinovale; mffb.com.cn"
	srcEastMoney = "East Money Information, 7 May 2026, as cited by the article"
	srcTenders   = "Chinese telecom operators' tender results, as reported by trade press"
)

// FiberPrices returns the reported fibre prices: the article's claim for
// G.657.A2 and the public figures nearest to it.
func FiberPrices() []PricePoint {
	return []PricePoint{
		{Series: "G.657.A2 (article)", When: "before", CNY: 32, Unit: "core-km", Article: true, Source: srcEastMoney},
		{Series: "G.657.A2 (article)", When: "May 2026", CNY: 240, Unit: "core-km", Article: true, Source: srcEastMoney, Note: "'about +650%'; not confirmed by the public sources found"},
		{Series: "G.657.A2", When: "late 2025", CNY: 30, Unit: "core-km", Source: srcHerald},
		{Series: "G.657.A2", When: "early 2026", CNY: 70, Unit: "core-km", Source: srcHerald},
		{Series: "G.652.D", When: "Nov 2025", CNY: 20, Unit: "core-km", Source: srcHerald},
		{Series: "G.652.D", When: "Jan 2026", CNY: 35.6, Unit: "core-km", Source: srcHerald},
		{Series: "G.652.D", When: "Feb 2026", CNY: 50, Unit: "core-km", Source: srcHerald, Note: "reported as 'more than 50'"},
		{Series: "1-core drop cable (tenders)", When: "tender 1", CNY: 213, Unit: "sheath-km", Source: srcTenders},
		{Series: "1-core drop cable (tenders)", When: "tender 2", CNY: 258, Unit: "sheath-km", Source: srcTenders},
		{Series: "1-core drop cable (tenders)", When: "tender 3", CNY: 350, Unit: "sheath-km", Source: srcTenders},
	}
}

// Claim is one claim of the article with what the sources say of it.
type Claim struct {
	Topic   string `json:"topic"`
	Article string `json:"article"` // what the article says
	Cited   string `json:"cited"`   // whom the article cites
	Sources string `json:"sources"` // what public sources and the model say
	Status  string `json:"status"`  // "reported", "not confirmed", "consistent with the model"
}

// ArticleClaims returns the article's supply-side and engineering claims
// beside what the sources (and the model) say.
func ArticleClaims() []Claim {
	return []Claim{
		{Topic: "NVIDIA and Corning", Article: "NVIDIA invests up to $3.2 billion in Corning (6 May 2026); three new US plants; optical capacity ×10, fibre output +50%",
			Cited: "21st Century Business Herald, 7 May 2026", Sources: "reported by the business press; no public figure contradicts it", Status: "reported"},
		{Topic: "Meta and Corning", Article: "Meta commits up to $6 billion to Corning's fibre-cable expansion (January 2026)",
			Cited: "21st Century Business Herald", Sources: "reported by the business press", Status: "reported"},
		{Topic: "G.657.A2 price", Article: "from 32 to 240 yuan per core-km, about +650%",
			Cited: "East Money Information, 7 May 2026", Sources: "the nearest public figures are 30 → 70 yuan per core-km for G.657.A2, 20 → 35.6 → over 50 for G.652.D, and 213 → 258 → 350 yuan per sheath-km for one-core drop cable in operators' tenders", Status: "not confirmed"},
		{Topic: "Supply gap", Article: "a global fibre shortfall of 5-10% in 2026, widening to 15% in 2027; new plants take 18-24 months",
			Cited: "Sina Finance, 8 May 2026 (institutional estimates)", Sources: "an estimate; no independent figure found", Status: "reported"},
		{Topic: "Electrical path", Article: "CPO compresses the electrical path from tens of centimetres to a few millimetres",
			Cited: "the article", Sources: "consistent with NVIDIA's 22 dB (pluggable host path) against 4 dB (CPO) at 200 Gb/s per lane; the model gives both from the path geometry", Status: "consistent with the model"},
		{Topic: "Copper's limits", Article: "copper cannot keep up with the scale of AI clusters: attenuation, energy and heat",
			Cited: "the article", Sources: "IEEE reach objectives fall from 5 m (25 Gb/s per lane) to 1 m (200 Gb/s per lane); the model reproduces the ladder and shows copper cannot reach a row", Status: "consistent with the model"},
	}
}

// Investment is a reported investment in fibre capacity.
type Investment struct {
	Who    string  `json:"who"`
	When   string  `json:"when"`
	USD    float64 `json:"usd"`
	What   string  `json:"what"`
	Source string  `json:"source"`
}

// Investments returns the investments the article reports.
func Investments() []Investment {
	return []Investment{
		{Who: "Meta", When: "January 2026", USD: 6e9, What: "up to $6 billion for Corning's fibre-cable expansion", Source: "21st Century Business Herald, as cited by the article"},
		{Who: "NVIDIA", When: "6 May 2026", USD: 3.2e9, What: "up to $3.2 billion for Corning: three new US plants, optical capacity ×10, fibre +50%", Source: "21st Century Business Herald, 7 May 2026, as cited by the article"},
	}
}

// SupplyGap is the reported fibre supply shortfall.
type SupplyGap struct {
	Year   int     `json:"year"`
	Low    float64 `json:"low"` // share of demand
	High   float64 `json:"high"`
	Source string  `json:"source"`
}

// SupplyGaps returns the shortfall estimates the article cites, and the
// plant lead time.
func SupplyGaps() (gaps []SupplyGap, leadMonthsLow, leadMonthsHigh int) {
	src := "Sina Finance, 8 May 2026 (institutional estimates), as cited by the article"
	return []SupplyGap{{Year: 2026, Low: 0.05, High: 0.10, Source: src}, {Year: 2027, Low: 0.15, High: 0.15, Source: src}}, 18, 24
}
