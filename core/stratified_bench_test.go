package core

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"testing"
)

// Would a stratified design give the same bands with fewer draws? (make
// bench, CPOCALC_BENCH=1.) A Latin hypercube cuts each parameter's
// distribution into n slices of equal probability and draws each slice
// once, in an order shuffled per parameter; plain Monte Carlo (the run's
// design) draws every parameter afresh. Each design's bands are measured
// against a large plain run (the reference): the error of a band's 5th,
// 50th and 95th percentiles as a share of the reference band's width,
// root-mean-square over several seeds; the table gives the median, the
// 90th percentile and the largest over every headline's three
// percentiles (the largest is a percentile that falls between the modes
// of a number with two, such as a tier's reach when copper and optics
// both win it in some draws).

// latinDraws is eachDraw with a Latin hypercube.
func latinDraws(s Scenario, ids []paramID, samples int, seed uint64, visit func(*Result)) {
	given, _ := resolveParams(s.Params)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	cut := make([]int32, len(ids)*samples)
	for j := range ids {
		row := cut[j*samples : (j+1)*samples]
		for i := range row {
			row[i] = int32(i)
		}
		rng.Shuffle(len(row), func(a, b int) { row[a], row[b] = row[b], row[a] })
	}
	var (
		p paramSet
		r Result
	)
	pl := newDrawPlan()
	for n := 0; n < samples; n++ {
		p = given
		for j, id := range ids {
			p.v[id] = draw((float64(cut[j*samples+n])+rng.Float64())/float64(samples), &catalogue[id])
		}
		calibrated(&p)
		if err := evaluateWith(pl, s, &p, &r); err == nil {
			visit(&r)
		}
	}
}

// percentilesOf runs a design and returns each headline's 5th, 50th and
// 95th percentiles.
func percentilesOf(s Scenario, n int, seed uint64, latin bool) map[string][3]float64 {
	base, _ := Evaluate(s)
	paths := headlines(&base)
	readers := compiledPaths(parsedPaths(paths))
	cur := new(cursor)
	vals := make([][]float64, len(paths))
	visit := func(r *Result) {
		for i := range paths {
			if v := readers[i].number(r, cur); !math.IsNaN(v) {
				vals[i] = append(vals[i], v)
			}
		}
	}
	if latin {
		latinDraws(s, drawn(&s), n, seed, visit)
	} else {
		eachDraw(s, drawn(&s), n, seed, visit)
	}
	out := map[string][3]float64{}
	for i, p := range paths {
		if v := vals[i]; len(v) > 0 {
			slices.Sort(v)
			out[p] = [3]float64{percentile(v, 0.05), percentile(v, 0.5), percentile(v, 0.95)}
		}
	}
	return out
}

func TestBenchStratifiedBands(t *testing.T) {
	if os.Getenv("CPOCALC_BENCH") != "1" {
		t.Skip("set CPOCALC_BENCH=1 (make bench)")
	}
	const refDraws, seeds = 40000, 8
	small := DefaultScenario()
	small.GPUs, small.LaneGbps = 4096, 100
	for _, c := range []struct {
		name string
		s    Scenario
	}{{"the default scenario", DefaultScenario()}, {"4,096 GPUs at 100 Gb/s lanes", small}} {
		ref := percentilesOf(c.s, refDraws, 999, false)
		// errs is each percentile's RMS error over the seeds, sorted.
		errs := func(n int, latin bool) []float64 {
			sq := map[string]float64{}
			for seed := uint64(1); seed <= seeds; seed++ {
				got := percentilesOf(c.s, n, seed, latin)
				for p, r := range ref {
					w := r[2] - r[0]
					if w == 0 {
						continue
					}
					for k := range 3 {
						d := (got[p][k] - r[k]) / w
						sq[p+"/"+strconv.Itoa(k)] += d * d
					}
				}
			}
			var out []float64
			for _, v := range sq {
				out = append(out, math.Sqrt(v/seeds))
			}
			slices.Sort(out)
			return out
		}
		summary := func(e []float64) string {
			return fmt.Sprintf("median %.4f, 90th percentile %.4f, largest %.3f", percentile(e, 0.5), percentile(e, 0.9), e[len(e)-1])
		}
		fmt.Printf("uncertainty bands, %s: each percentile's error against %d plain draws (RMS over %d seeds, as a share of the band's width), over the headlines' 5th, 50th and 95th percentiles\n", c.name, refDraws, seeds)
		for _, n := range []int{500, 700, 1000, 1500, 2000} {
			fmt.Printf("  %5d draws: plain %s; Latin hypercube %s\n", n, summary(errs(n, false)), summary(errs(n, true)))
		}
	}
}
