package core

import (
	"reflect"
	"sort"
	"strconv"
	"testing"
)

// Evaluations that share their paths (Shared) give, bit for bit, what
// each gives alone: over the contract's scenarios, each at every cluster
// size the figures sweep and with its tiers' technologies as each
// comparison, and every link the copper chart asks for. One Shared serves
// them all, so it also meets parameters that change between calls.
func TestSharedMatchesAlone(t *testing.T) {
	var sh Shared
	scenarios := contractScenarios()
	names := make([]string, 0, len(scenarios))
	for name := range scenarios {
		names = append(names, name)
	}
	sort.Strings(names)
	same := func(what string, alone, shared []byte, errA, errS error) {
		t.Helper()
		if (errA == nil) != (errS == nil) || errA != nil && errA.Error() != errS.Error() {
			t.Errorf("%s: alone %v, shared %v", what, errA, errS)
			return
		}
		if string(alone) != string(shared) {
			t.Errorf("%s: shared gives another result", what)
		}
	}
	n := 0
	var into Result
	for _, name := range names {
		s := scenarios[name]
		for _, gpus := range []int{s.GPUs, 1000, 20000, 500000, 1000000} {
			sized := s
			sized.GPUs = gpus
			a, errA := Evaluate(sized)
			b, errS := sh.Evaluate(sized)
			ja, _ := a.MarshalJSON()
			jb, _ := b.MarshalJSON()
			same(name+" at "+strconv.Itoa(gpus)+" GPUs", ja, jb, errA, errS)
			// One result reused for every size (EvaluateInto).
			errS = sh.EvaluateInto(sized, &into)
			if errS == nil {
				jb, _ = into.MarshalJSON()
			}
			same(name+" at "+strconv.Itoa(gpus)+" GPUs, into a used result", ja, jb, errA, errS)
			ta, errA := EvaluateTotals(sized)
			tb, errS := sh.EvaluateTotals(sized)
			if !reflect.DeepEqual(ta, tb) || (errA == nil) != (errS == nil) || errA == nil && !reflect.DeepEqual(ta, a.Totals) {
				t.Errorf("%s at %d GPUs: totals differ shared", name, gpus)
			}
			n++
		}
		for _, tech := range Techs {
			for _, lane := range LaneRates {
				l := Link{Tech: tech, LaneGbps: lane, Lanes: 4, LengthM: 0.1, Params: s.Params}
				a, errA := EvaluateLink(l)
				b, errS := sh.EvaluateLink(l)
				ja, _ := a.MarshalJSON()
				jb, _ := b.MarshalJSON()
				same(name+" "+string(tech)+" at "+strconv.FormatFloat(lane, 'g', -1, 64), ja, jb, errA, errS)
				if errA == nil && !reflect.DeepEqual(a.Path(), b.Path()) {
					t.Errorf("%s %s at %v: the electrical paths differ", name, tech, lane)
				}
			}
		}
	}
	if n < 20 {
		t.Fatalf("only %d evaluations compared", n)
	}
}
