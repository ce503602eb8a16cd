package core

import (
	"math"
	"strconv"
)

// Two scenarios side by side: the reader pins one as A and changes the
// inputs to get B. A Delta is one number of both results, read through the
// same field, so that the page's tables, its key figures and the export
// name each difference by the path the number has in the JSON.

// Delta is one number of two results: its value in A and in B, B − A, and
// that difference relative to A.
type Delta struct {
	_     noCompare
	Path  string
	Unit  string
	Count bool    // a whole number
	A, B  float64 // NaN where the result has no number (null)
	Diff  float64 // B − A
	Rel   float64 // (B − A) / |A|; NaN when A is 0 or absent
}

// Compare reads the numbers at paths in a and b. A path that is not a
// number of both (a tier that only B has, a flag) is left out; a path one
// of them has as null gives NaN there. With no paths, every number of b
// is compared.
func Compare(a, b *Result, paths []string) []Delta {
	if paths == nil {
		paths = b.NumberPaths()
	}
	out := make([]Delta, 0, len(paths))
	for _, p := range paths {
		nb, err := b.Number(p)
		if err != nil || nb.Flag {
			continue
		}
		na, err := a.Number(p)
		if err != nil || na.Flag {
			continue
		}
		d := Delta{Path: nb.Path, Unit: nb.Unit, Count: nb.Count, A: na.Value, B: nb.Value, Diff: nb.Value - na.Value, Rel: math.NaN()}
		if na.Value != 0 && !math.IsNaN(d.Diff) {
			d.Rel = d.Diff / math.Abs(na.Value)
		}
		out = append(out, d)
	}
	return out
}

// NumberPaths lists the path of every number of the result (flags and
// text aside), in the JSON's order: "totals.interconnect_watts",
// "tiers[0].link.max_reach_m" and the rest.
func (r *Result) NumberPaths() []string {
	var out []string
	var walk func(o *object, c *cursor, prefix string, depth int)
	walk = func(o *object, c *cursor, prefix string, depth int) {
		if depth > 8 {
			return
		}
		for _, f := range o.fields {
			if f.omit != nil && f.omit(c) {
				continue
			}
			switch f.kind {
			case kNum, kInt:
				out = append(out, prefix+f.Name)
			case kObject:
				sub := *c
				if f.enter(&sub) {
					walk(f.sub, &sub, prefix+f.Name+".", depth+1)
				}
			case kList:
				if f.sub == nil {
					continue
				}
				sub := *c
				for i, n := 0, f.n(&sub); i < n; i++ {
					el := sub
					f.at(&el, i)
					walk(f.sub, &el, prefix+f.Name+"["+strconv.Itoa(i)+"].", depth+1)
				}
			}
		}
	}
	c := cursor{r: r, nTiers: len(r.Tiers), stageIdx: -1}
	walk(resultObject, &c, "", 0)
	return out
}
