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

// Message explains in words why a part of the cluster cannot be built:
// the part (the scale-up domain, a tier, or one end of a tier), the
// technology that fails there, and what fails: the reach against the
// length needed or, when it cannot run the lane rate at any length, the
// channel and by how many dB it is over its budget.
func (b Blocked) Message(nTiers int, lane BitRate) string {
	where := label.Get("blocked.where.su")
	if b.Tier == SpineTier {
		where = label.Get("blocked.where.spine")
	}
	if b.Tier >= 0 {
		where = label.Format("blocked.where.tier", "n", strconv.Itoa(b.Tier+1), "name", TierName(b.Tier, nTiers))
		switch b.End {
		case EndNear:
			where = label.Format("blocked.where.switch_end", "where", where)
		case EndFar:
			where = label.Format("blocked.where.nic_end", "where", where)
		}
	}
	args := []string{"tech", b.EndTech.Name(), "reach", b.MaxReach.String(), "lane", format.Number(lane.Gbps(), 3), "where", where, "need", b.Need.String(),
		"channel", label.Get("blocked.channel." + StretchKeys[b.Channel]), "over", format.Number(float64(b.Over), 2)}
	switch {
	case b.Reason == ReasonNoMultimode:
		return label.Format("blocked.multimode", args...)
	case b.MaxReach > 0:
		return label.Format("blocked.reach", args...)
	case b.Over > 0:
		return label.Format("blocked.over", args...)
	}
	return label.Format("blocked.none", args...)
}
