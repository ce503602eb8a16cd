package core

import "testing"

// Budgets (make bench prints them): Evaluate of the default scenario under
// 20 µs and 100 allocations; EvaluateLink allocation-free after parsing.
// The v2 model misses the first: the default scenario evaluates 34
// distinct links (eight technologies on three tiers, the scale-up domain
// with each, the NIC variants of the comparisons) and seven clusters (the
// scenario and six comparisons), about 35 µs here; without the comparisons
// about 22 µs (what an uncertainty sample needs).

func BenchmarkEvaluate(b *testing.B) {
	s := DefaultScenario()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Evaluate(s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEvaluateLink(b *testing.B) {
	l := Link{Tech: DSP, LaneGbps: 200, Lanes: 8, LengthM: 100}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := EvaluateLink(l); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodePermalink(b *testing.B) {
	s := DefaultScenario()
	s.GPUs = 32768
	s.Params = map[string]float64{"c2m_host_trace_mm": 250}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := EncodePermalink(s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUncertainty is 2,000 samples of the default scenario, with its
// tornado (two evaluations per drawn parameter); samples/s is the rate of
// the whole run. The browser's budget is 50 ms for 2,000 samples.
func BenchmarkUncertainty(b *testing.B) {
	s := DefaultScenario()
	const n = 2000
	for b.Loop() {
		if _, err := Uncertainty(s, n, 1); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "samples/s")
}
