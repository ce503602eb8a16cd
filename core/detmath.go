package core

import "math"

// Logarithms and exponentials that give the same bits on every platform.
// The standard library's math.Log and math.Exp are assembly on amd64 and
// Go elsewhere (WebAssembly), and may differ in the last bit; the
// uncertainty run must give the same draws in the browser as on the build
// machine. These use only +, −, ×, ÷ and the exact Frexp and Ldexp, each
// of which IEEE 754 rounds the same way everywhere. They are good to
// about 1e-15, which a draw needs.

const ln2 = 0.6931471805599453

// ln2 in two parts, the first with trailing zero bits, so that k·ln2Hi is
// exact for the k an exponential needs (Cody and Waite's reduction).
const (
	ln2Hi = 6.93147180369123816490e-01
	ln2Lo = 1.90821492927058770002e-10
)

// detLog is the natural logarithm of x > 0.
func detLog(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 1) {
		return math.NaN()
	}
	m, e := math.Frexp(x) // x = m·2^e, m in [0.5, 1)
	if m < math.Sqrt2/2 {
		m *= 2
		e--
	}
	// log m = 2·atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.172
	s := (m - 1) / (m + 1)
	s2 := s * s
	sum, term := 0.0, s
	for k := 1; k < 40; k += 2 {
		sum += term / float64(k)
		term *= s2
	}
	return 2*sum + float64(e)*ln2
}

// detExp is e to the x.
func detExp(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case x > 709.78:
		return math.Inf(1)
	case x < -745.2:
		return 0
	}
	k := math.Floor(x/ln2 + 0.5)
	r := (x - k*ln2Hi) - k*ln2Lo // |r| ≤ ln2/2
	sum, term := 1.0, 1.0
	for n := 1; n < 30; n++ {
		term *= r / float64(n)
		sum += term
	}
	return math.Ldexp(sum, int(k))
}
