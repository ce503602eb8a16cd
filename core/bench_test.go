package core

import "testing"

// Budgets (make bench prints them, with the figures of the issue that set
// them): Evaluate of the default scenario within 20 µs and 100
// allocations; EvaluateLink allocation-free after parsing; 2,000
// uncertainty draws within 800 Evaluates.

// loop runs f as the benchmark's body, with its allocations counted.
func loop(b *testing.B, f func() error) {
	b.ReportAllocs()
	for b.Loop() {
		if err := f(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEvaluate(b *testing.B) {
	s := DefaultScenario()
	loop(b, func() error { _, err := Evaluate(s); return err })
}

func BenchmarkEvaluateLink(b *testing.B) {
	l := Link{Tech: DSP, LaneGbps: 200, Lanes: 8, LengthM: 100}
	loop(b, func() error { _, err := EvaluateLink(l); return err })
}

func BenchmarkEncodePermalink(b *testing.B) {
	s := DefaultScenario()
	s.GPUs = 32768
	s.Params = map[string]float64{"c2m_host_trace_mm": 250}
	loop(b, func() error { _, err := EncodePermalink(s); return err })
}

// BenchmarkUncertainty is 2,000 samples of the default scenario, with its
// tornado (two evaluations per drawn parameter); samples/s is the rate of
// the whole run.
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
