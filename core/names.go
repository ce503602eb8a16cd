package core

import (
	"strconv"

	"github.com/cpocalc/cpocalc/core/label"
)

// The names of the model's parts, in a reader's language: the result JSON
// writes them in English (part of the contract), a page in its own.

// Name returns a reader's name for the technology.
func (t Tech) Name(c *label.Catalogue) string { return c.Tech(string(t)) }

// TierName returns a reader's name for link tier i of a tree of n tiers.
func TierName(c *label.Catalogue, i, n int) string {
	if n == 1 {
		return c.Get("tier.single")
	}
	if k := "tier." + strconv.Itoa(i); label.English.Has(k) {
		return c.Get(k)
	}
	return c.Format("tier.n", "n", strconv.Itoa(i+1))
}

// StageLabel returns a reader's label for a by_stage entry.
func StageLabel(c *label.Catalogue, key string) string { return c.Get("comparison." + key) }

// Message explains in words why a part of the cluster cannot be built:
// the part (the scale-up domain, a tier, or one end of a tier), the
// technology that fails there, and what fails: the reach against the
// length needed or, when it cannot run the lane rate at any length, the
// channel and by how many dB it is over its budget.
func (b Blocked) Message(c *label.Catalogue, nTiers int, lane BitRate) string {
	where := c.Get("blocked.where.su")
	if b.Tier == SpineTier {
		where = c.Get("blocked.where.spine")
	}
	if b.Tier >= 0 {
		where = c.Format("blocked.where.tier", "n", strconv.Itoa(b.Tier+1), "name", TierName(c, b.Tier, nTiers))
		switch b.End {
		case EndNear:
			where = c.Format("blocked.where.switch_end", "where", where)
		case EndFar:
			where = c.Format("blocked.where.nic_end", "where", where)
		}
	}
	args := []string{"tech", b.EndTech.Name(c), "reach", b.MaxReach.In(c), "lane", c.Number(lane.Gbps(), 3), "where", where, "need", b.Need.In(c),
		"channel", c.Get("blocked.channel." + StretchKeys[b.Channel]), "over", c.Number(float64(b.Over), 2)}
	switch {
	case b.Reason == ReasonNoMultimode:
		return c.Format("blocked.multimode", args...)
	case b.MaxReach > 0:
		return c.Format("blocked.reach", args...)
	case b.Over > 0:
		return c.Format("blocked.over", args...)
	}
	return c.Format("blocked.none", args...)
}
