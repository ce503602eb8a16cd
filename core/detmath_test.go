package core

import (
	"math"
	"testing"
)

// The portable logarithm and exponential agree with the standard
// library's to within a few units in the last place.
func TestDetMath(t *testing.T) {
	for _, x := range []float64{1e-300, 1e-4, 0.001, 0.3, 0.5, 0.7071, 1, 1.5, 2, 10, 100, 4000, 1e300} {
		if got, want := detLog(x), math.Log(x); math.Abs(got-want) > 4e-16*math.Max(1, math.Abs(want)) {
			t.Errorf("detLog(%g) = %v, want %v", x, got, want)
		}
	}
	for _, x := range []float64{-700, -20, -1, -0.3, 0, 0.2, 1, 2.5, 9, 50, 700} {
		if got, want := detExp(x), math.Exp(x); math.Abs(got-want) > 1e-15*want {
			t.Errorf("detExp(%g) = %v, want %v", x, got, want)
		}
	}
	if detExp(detLog(123.456))-123.456 > 1e-12 || !math.IsNaN(detLog(-1)) || !math.IsNaN(detLog(0)) {
		t.Error("round trip or domain")
	}
}
