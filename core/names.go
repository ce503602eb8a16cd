package core

import (
	"strconv"

	"github.com/cpocalc/cpocalc/core/format"
	"github.com/cpocalc/cpocalc/core/label"
)

// The names the result JSON writes (part of the contract), from the words
// of core/label.

// Name returns a reader's name for the technology.
func (t Tech) Name() string { return label.Tech(string(t)) }

// TierName returns a reader's name for link tier i of a tree of n tiers.
func TierName(i, n int) string {
	if n == 1 {
		return label.Get("tier.single")
	}
	if k := "tier." + strconv.Itoa(i); label.English.Has(k) {
		return label.Get(k)
	}
	return label.Format("tier.n", "n", strconv.Itoa(i+1))
}

// StageLabel returns a reader's label for a by_stage entry.
func StageLabel(key string) string { return label.Get("comparison." + key) }

// Message explains in words why a stage cannot reach a tier.
func (b Blocked) Message(nTiers int, lane BitRate) string {
	where := label.Get("blocked.where.su")
	if b.Tier >= 0 {
		where = label.Format("blocked.where.tier", "n", strconv.Itoa(b.Tier+1), "name", TierName(b.Tier, nTiers))
	}
	key := "blocked.reach"
	if b.MaxReach <= 0 {
		key = "blocked.none"
	}
	return label.Format(key, "tech", b.Tech.Name(), "reach", b.MaxReach.String(), "lane", format.Number(lane.Gbps(), 3), "where", where, "need", b.Need.String())
}
