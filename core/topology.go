package core

import (
	"math"
	"strconv"

	"github.com/cpocalc/cpocalc/core/format"
	"github.com/cpocalc/cpocalc/core/label"
)

// fatTree is a folded Clos of identical switches of radix k. A switch below
// the top splits its ports between down and up: k/2 each (non-blocking),
// except the level just below the top, which may be oversubscribed: of its
// k ports, d = floor(k·r/(r+1)) go down for a down:up ratio r. Top-tier
// switches use all k ports down.
//
// The tree is built of blocks. A leaf is a block of one level. A block of
// level j joins P blocks of level j-1: the top switches of those blocks
// stand in M positions, and each position has its own group of g switches
// at level j, so that each top switch's u uplinks split evenly, u/g to each
// switch of its group (g divides u). g is the fewest that take every
// uplink: g·d_j ≥ P·u. A full block has g = u and the tree is the fat tree
// of Al-Fares, Loukissas and Vahdat (SIGCOMM 2008): k³/4 hosts and 5k²/4
// switches in three tiers. A partial block gets fewer switches, never an
// uneven split; when a group fills less than half its switches' ports,
// positions share switches.
type fatTree struct {
	planes    int // independent trees, each of endpoints/planes; counts are over all of them
	radix     int
	over      float64 // down:up ratio below the top
	endpoints int
	tiers     int
	down      [MaxTiers]int // down ports of a switch, per level
	switches  [MaxTiers]int // per switch tier, leaf first
	links     [MaxTiers]int // per link tier, endpoint side first
	capacity  float64       // endpoints the tree could hold
}

// FatTreeCapacity returns the largest number of endpoints a non-blocking
// fat tree of t tiers of radix-k switches connects: 2 (k/2)^t.
func FatTreeCapacity(k, t int) float64 {
	return 2 * math.Pow(float64(k)/2, float64(t))
}

// downPorts returns the down ports of a level-j switch in a t-tier tree.
func downPorts(k, t, j int, over float64) int {
	switch {
	case j == t-1:
		return k
	case j == t-2:
		return int(math.Floor(float64(k) * over / (over + 1)))
	}
	return k / 2
}

// treeCapacity returns the endpoints a t-tier tree holds:
// d_0 × d_1 × … × d_(t-1), the down ports of each level.
func treeCapacity(k, t int, over float64) float64 {
	c := 1.0
	for j := 0; j < t; j++ {
		c *= float64(downPorts(k, t, j, over))
	}
	return c
}

// tiersNeeded returns the fewest tiers that connect e endpoints, or 0 if
// more than MaxTiers would be needed.
func tiersNeeded(e, k int, over float64) int {
	for t := 1; t <= MaxTiers; t++ {
		if float64(e) <= treeCapacity(k, t, over) {
			return t
		}
	}
	return 0
}

// buildFatTree lays out the trees for e endpoints split evenly over
// planes independent trees (planes divides e), on radix-k switches with
// down:up ratio over below the top, with forced tiers (0: as many as
// needed). Switch and link counts are over all the planes.
func buildFatTree(e, k, forced int, over float64, planes int) (fatTree, error) {
	ft := fatTree{radix: k, endpoints: e, over: over, planes: planes}
	total := e
	e /= planes
	need := tiersNeeded(e, k, over)
	if need == 0 {
		return ft, inputError("scale_out.switch_radix", label.Plain(strconv.Itoa(k)), label.Msg("err.radix_tree", "tiers", strconv.Itoa(MaxTiers), "ports", format.English.Input(float64(e)), "max", format.English.Input(treeCapacity(k, MaxTiers, over))), label.Msg("err.radix_deep", "tiers", strconv.Itoa(MaxTiers)))
	}
	t := need
	if forced > 0 {
		if forced < need {
			return ft, inputError("scale_out.tiers", label.Plain(strconv.Itoa(forced)), label.Msg("err.forced_allowed", "need", strconv.Itoa(need), "max", strconv.Itoa(MaxTiers)), label.Msg("err.forced_reason", "n", strconv.Itoa(forced), "radix", strconv.Itoa(k), "max", format.English.Input(treeCapacity(k, forced, over)), "ports", format.English.Input(float64(e))))
		}
		t = forced
	}
	ft.tiers = t
	ft.capacity = float64(planes) * treeCapacity(k, t, over)
	for j := 0; j < t; j++ {
		ft.down[j] = downPorts(k, t, j, over)
	}
	ft.switches, _ = ft.block(t-1, e)
	ft.links[0] = e
	for j := 1; j < t; j++ {
		ft.links[j] = ft.switches[j-1] * (k - ft.down[j-1])
	}
	// Every plane is the same tree.
	for j := 0; j < t; j++ {
		ft.switches[j] *= planes
		ft.links[j] *= planes
	}
	ft.endpoints = total
	return ft, nil
}

// block counts the switches of a block of level j holding e endpoints, per
// level, and the top switches it stands up with.
func (ft *fatTree) block(j, e int) (sw [MaxTiers]int, top int) {
	if j == 0 {
		sw[0] = 1
		return sw, 1
	}
	sub := 1.0
	for i := 0; i < j; i++ {
		sub *= float64(ft.down[i])
	}
	cs := int(sub) // endpoints of a full block of level j-1
	full, rest := e/cs, e%cs
	blocks := full
	var subTop, partTop int
	if full > 0 {
		fs, ft0 := ft.block(j-1, cs)
		for i := 0; i < j; i++ {
			sw[i] += full * fs[i]
		}
		subTop = ft0
	}
	if rest > 0 {
		ps, pt := ft.block(j-1, rest)
		for i := 0; i < j; i++ {
			sw[i] += ps[i]
		}
		blocks++
		partTop = pt
		subTop = max(subTop, pt)
	} else {
		partTop = subTop // no partial block: every position has them all
		blocks = full
	}
	// Positions stood in by every block below, then those the full
	// blocks stand in alone (a partial block has fewer top switches).
	up := ft.radix - ft.down[j-1]
	top = ft.group(j, up, partTop, blocks) + ft.group(j, up, subTop-partTop, full)
	sw[j] = top
	return sw, top
}

// group returns the level-j switches for n positions of the blocks below,
// each position with blocks switches of up uplinks: the fewest g that
// divide up and take every uplink, and positions share switches when a
// group would fill less than half of them.
func (ft *fatTree) group(j, up, n, blocks int) int {
	if n <= 0 || blocks <= 0 {
		return 0
	}
	g := evenGroup(up, ceilDiv(blocks*up, ft.down[j]))
	perSwitch := blocks * (up / g)
	share := max(1, ft.down[j]/perSwitch)
	return ceilDiv(n, share) * g
}

// evenGroup returns the smallest divisor of u that is at least n (u itself
// when n > u).
func evenGroup(u, n int) int {
	for g := max(1, n); g < u; g++ {
		if u%g == 0 {
			return g
		}
	}
	return u
}

// totalSwitches returns the switch count over all tiers.
func (ft *fatTree) totalSwitches() int {
	n := 0
	for i := 0; i < ft.tiers; i++ {
		n += ft.switches[i]
	}
	return n
}

// divisors writes the divisors of n up to most, for an error message.
func divisors(n, most int) string {
	var b []byte
	for d := 1; d <= min(n, most); d++ {
		if n%d == 0 {
			if len(b) > 0 {
				b = append(b, ", "...)
			}
			b = strconv.AppendInt(b, int64(d), 10)
		}
	}
	return string(b)
}

func ceilDiv(a, b int) int {
	if b <= 0 {
		return 0
	}
	return (a + b - 1) / b
}
