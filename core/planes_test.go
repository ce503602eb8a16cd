package core

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/cpocalc/cpocalc/core/label"
)

// Planes: a GPU's ports split over independent fat trees. 65,536 GPUs
// with two 400G ports each on 64-port switches need four tiers as one
// tree (131,072 ports > 2·32³ = 65,536), three as two planes of 65,536
// ports: a quarter fewer links, transceivers and switches.
func TestPlanesSaveATier(t *testing.T) {
	s := DefaultScenario()
	s.ScaleOut.GbpsPerGPU, s.ScaleOut.PortGbps = 800, 400
	s.Tiers = nil
	one := evaluate(t, s)
	s.ScaleOut.Planes = 2
	two := evaluate(t, s)
	if one.TiersUsed != 4 || two.TiersUsed != 3 || one.Planes != 1 || two.Planes != 2 {
		t.Fatalf("tiers: one tree %d (planes %d), two planes %d (planes %d); want 4 and 3", one.TiersUsed, one.Planes, two.TiersUsed, two.Planes)
	}
	links := func(r Result) (n int) {
		for _, tr := range r.Tiers {
			n += tr.Links
		}
		return n
	}
	if l1, l2 := links(one), links(two); l1 != 4*131072 || l2 != 3*131072 {
		t.Errorf("links: one tree %d, two planes %d; want 4 × and 3 × 131,072", l1, l2)
	}
	// Each plane is a full three-tier tree of 64-port switches: 5·64²/4.
	if two.Totals.Switches != 2*5*64*64/4 || two.Capacity != 2*65536 {
		t.Errorf("two planes: %d switches (want %d), capacity %v", two.Totals.Switches, 2*5*64*64/4, two.Capacity)
	}
	if !(two.Totals.Transceivers < one.Totals.Transceivers && two.Totals.InterconnectPower < one.Totals.InterconnectPower && two.Totals.FiberLen < one.Totals.FiberLen) {
		t.Errorf("two planes do not save transceivers, watts and fibre: %d/%d, %v/%v, %v/%v", two.Totals.Transceivers, one.Totals.Transceivers,
			two.Totals.InterconnectPower, one.Totals.InterconnectPower, two.Totals.FiberLen, one.Totals.FiberLen)
	}
	// The same tree depth split in planes counts the same parts.
	s.ScaleOut.Planes, s.ScaleOut.Tiers = 1, 0
	s.GPUs = 16384
	a, _ := Evaluate(s)
	s.ScaleOut.Planes = 2
	b, _ := Evaluate(s)
	if a.TiersUsed != b.TiersUsed || links(a) != links(b) || a.Totals.Switches != b.Totals.Switches {
		t.Errorf("16,384 GPUs: one tree %d tiers, %d links, %d switches; two planes %d, %d, %d", a.TiersUsed, links(a), a.Totals.Switches, b.TiersUsed, links(b), b.Totals.Switches)
	}
}

// One plane is the default: 0 and 1 give the same result and the same
// link; a plane count that does not divide a GPU's ports is refused with
// a message naming the field, the value and the divisors.
func TestPlanesInput(t *testing.T) {
	s := DefaultScenario()
	r0 := evaluate(t, s)
	s.ScaleOut.Planes = 1
	r1 := evaluate(t, s)
	if !reflect.DeepEqual(r0.Totals, r1.Totals) || r0.Permalink() != r1.Permalink() {
		t.Errorf("planes 1 differs from planes left out: %q vs %q", r1.Permalink(), r0.Permalink())
	}
	s.ScaleOut.GbpsPerGPU, s.ScaleOut.PortGbps, s.ScaleOut.Planes = 1600, 400, 4
	r4 := evaluate(t, s)
	back, err := DecodePermalink(r4.Permalink())
	if err != nil || back.ScaleOut.Planes != 4 {
		t.Errorf("permalink %q reads back planes %d (%v)", r4.Permalink(), back.ScaleOut.Planes, err)
	}
	for _, c := range []struct {
		planes  int
		allowed string
	}{{3, "1, 2, 4"}, {8, "1, 2, 4"}, {-1, ""}, {17, ""}} {
		s.ScaleOut.Planes = c.planes
		_, err := Evaluate(s)
		var ie *InputError
		if !errors.As(err, &ie) || ie.Field != "scale_out.planes" || !strings.Contains(label.English.Say(ie.Allowed), c.allowed) {
			t.Errorf("planes %d: %v", c.planes, err)
		}
	}
}
