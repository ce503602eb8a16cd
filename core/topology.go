package core

import (
	"github.com/cpocalc/cpocalc/core/format"
	"math"
	"strconv"
)

// fatTree is a folded Clos of identical switches of radix k, non-blocking:
// every switch below the top splits its ports evenly, k/2 down and k/2 up;
// top-tier switches use all k ports down.
//
// With t tiers it connects at most 2 (k/2)^t endpoints: k for one switch,
// k²/2 for two tiers, k³/4 for three (Al-Fares, Loukissas, Vahdat,
// SIGCOMM 2008). For E endpoints, every tier of links carries E links
// (full bisection), tiers 1 to t-1 have ceil(E / (k/2)) switches each and
// the top tier ceil(E / k). For k = 64 and E = 65,536: 2,048 + 2,048 +
// 1,024 = 5,120 switches.
type fatTree struct {
	radix     int
	endpoints int
	tiers     int
	switches  [MaxTiers]int // per switch tier, leaf first
	links     [MaxTiers]int // per link tier, endpoint side first
}

// FatTreeCapacity returns the largest number of endpoints a non-blocking
// fat tree of t tiers of radix-k switches connects: 2 (k/2)^t.
func FatTreeCapacity(k, t int) float64 {
	return 2 * math.Pow(float64(k)/2, float64(t))
}

// tiersNeeded returns the fewest tiers that connect e endpoints, or 0 if
// more than MaxTiers would be needed.
func tiersNeeded(e, k int) int {
	for t := 1; t <= MaxTiers; t++ {
		if float64(e) <= FatTreeCapacity(k, t) {
			return t
		}
	}
	return 0
}

// buildFatTree lays out the tree for e endpoints on radix-k switches, with
// forced tiers (0: as many as needed).
func buildFatTree(e, k, forced int) (fatTree, error) {
	ft := fatTree{radix: k, endpoints: e}
	need := tiersNeeded(e, k)
	if need == 0 {
		return ft, &InputError{Field: "scale_out.switch_radix", Value: strconv.Itoa(k),
			Allowed: "a radix whose " + strconv.Itoa(MaxTiers) + "-tier fat tree holds " + format.Input(float64(e)) + " ports (at most " + format.Input(FatTreeCapacity(k, MaxTiers)) + " at this radix)",
			Reason:  "would need more than " + strconv.Itoa(MaxTiers) + " tiers"}
	}
	t := need
	if forced > 0 {
		if forced < need {
			return ft, &InputError{Field: "scale_out.tiers", Value: strconv.Itoa(forced),
				Allowed: strconv.Itoa(need) + " to " + strconv.Itoa(MaxTiers) + ", or 0 for as many as needed",
				Reason:  "is too few: " + strconv.Itoa(forced) + " tiers of radix-" + strconv.Itoa(k) + " switches connect at most " + format.Input(FatTreeCapacity(k, forced)) + " ports, and " + format.Input(float64(e)) + " are needed"}
		}
		t = forced
	}
	ft.tiers = t
	half := k / 2
	for i := 0; i < t; i++ {
		ft.links[i] = e
		switch {
		case t == 1:
			ft.switches[i] = 1
		case i < t-1:
			ft.switches[i] = ceilDiv(e, half)
		default:
			ft.switches[i] = ceilDiv(e, k)
		}
	}
	return ft, nil
}

// totalSwitches returns the switch count over all tiers.
func (ft *fatTree) totalSwitches() int {
	n := 0
	for i := 0; i < ft.tiers; i++ {
		n += ft.switches[i]
	}
	return n
}

func ceilDiv(a, b int) int {
	if b <= 0 {
		return 0
	}
	return (a + b - 1) / b
}
