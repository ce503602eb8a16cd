package main

import (
	"testing"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/figures"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/report"
)

// BenchmarkUpdate is one calculator edit (GPU count changed, the tiers
// the same: the figures come from the cache), natively; the browser runs
// it several times slower.
func BenchmarkUpdate(b *testing.B) {
	update(`{"gpus": 8192}`, "")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			update(`{"gpus": 16384}`, "")
		} else {
			update(`{"gpus": 32768}`, "")
		}
	}
}

// BenchmarkUpdateFigures is one calculator edit that changes every chart
// (the lane rate: the figures are computed again).
func BenchmarkUpdateFigures(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			update(`{"lane_gbps": 100}`, "")
		} else {
			update(`{"lane_gbps": 200}`, "")
		}
	}
}

func BenchmarkRender(b *testing.B) {
	r, _ := core.Evaluate(core.DefaultScenario())
	f, _ := figures.Compute(label.English, core.DefaultScenario())
	b.ReportAllocs()
	for b.Loop() {
		report.In(label.English).Render(&r, &f)
	}
}

func BenchmarkEvaluateOnly(b *testing.B) {
	s := core.DefaultScenario()
	for b.Loop() {
		core.Evaluate(s)
	}
}

func BenchmarkMarshalUpdateOutput(b *testing.B) {
	r, _ := core.Evaluate(core.DefaultScenario())
	l := report.In(label.English).Render(&r, nil)
	for b.Loop() {
		marshal(l)
	}
}

// BenchmarkUpdateCompared is BenchmarkUpdate with a pinned scenario A:
// the edit also writes B − A for every number the tables show.
func BenchmarkUpdateCompared(b *testing.B) {
	update(`{"gpus": 8192}`, `{}`)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			update(`{"gpus": 16384}`, `{}`)
		} else {
			update(`{"gpus": 32768}`, `{}`)
		}
	}
}
