package core

import (
	"math"
	"regexp"
	"strconv"
	"testing"
)

// allPaths lists every number and flag of a result, as NumberPaths does
// with the flags in.
func allPaths(r *Result) []string {
	var out []string
	var walk func(o *object, c *cursor, prefix string)
	walk = func(o *object, c *cursor, prefix string) {
		for _, f := range o.fields {
			if f.omit != nil && f.omit(c) {
				continue
			}
			switch f.kind {
			case kNum, kInt, kBool:
				out = append(out, prefix+f.Name)
			case kObject:
				sub := *c
				if f.enter(&sub) {
					walk(f.sub, &sub, prefix+f.Name+".")
				}
			case kList:
				if f.sub == nil {
					continue
				}
				for i, n := 0, f.n(c); i < n; i++ {
					el := *c
					f.at(&el, i)
					walk(f.sub, &el, prefix+f.Name+"["+strconv.Itoa(i)+"].")
				}
			}
		}
	}
	walk(resultObject, &cursor{r: r, nTiers: len(r.Tiers), stageIdx: -1}, "")
	return out
}

var indexRE = regexp.MustCompile(`\[(\d+)\]`)

// TestNumberCompiled: a number read by its compiled pattern is the number
// the walk by names finds, for every number and flag of the contract's
// scenarios, and a path with no number still gets the walk's error.
func TestNumberCompiled(t *testing.T) {
	same := func(a, b Number) bool {
		return (a.Value == b.Value || math.IsNaN(a.Value) && math.IsNaN(b.Value)) && a.Bool == b.Bool && a.Path == b.Path && a.Unit == b.Unit && a.Count == b.Count && a.Flag == b.Flag
	}
	read := 0
	for name, s := range contractScenarios() {
		r, err := Evaluate(s)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, path := range allPaths(&r) {
			var idx []int
			pattern := indexRE.ReplaceAllStringFunc(path, func(m string) string {
				n, _ := strconv.Atoi(m[1 : len(m)-1])
				idx = append(idx, n)
				return "[]"
			})
			want, werr := r.numberAt(path)
			if werr != nil {
				t.Errorf("%s: %s: %v", name, path, werr)
				continue
			}
			for _, got := range []func() (Number, error){
				func() (Number, error) { return r.Number(pattern, idx...) },
				func() (Number, error) { return r.Number(path) },
			} {
				n, err := got()
				if err != nil || !same(n, want) {
					t.Errorf("%s: %s: compiled %+v (%v), by names %+v", name, path, n, err, want)
				}
			}
			read++
			// Past a list's end: the walk's own error, word for word.
			if len(idx) > 0 {
				past := append([]int(nil), idx...)
				past[0] = 99
				_, gerr := r.Number(pattern, past...)
				_, werr := r.numberAt(FieldPath(pattern, past...))
				if gerr == nil || werr == nil || gerr.Error() != werr.Error() {
					t.Errorf("%s: %s past the end: %v, by names %v", name, pattern, gerr, werr)
				}
			}
		}
	}
	if read < 1000 {
		t.Fatalf("only %d numbers read", read)
	}
	if cp := compiledPatternOf("tiers[].link"); cp != nil {
		t.Error("an object compiled as a number")
	}
	if cp := compiledPatternOf("tiers[].nope"); cp != nil {
		t.Error("an unknown field compiled")
	}
}
