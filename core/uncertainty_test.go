package core

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
)

func mustUncertainty(t *testing.T, s Scenario, n int, seed uint64) UncertaintyResult {
	t.Helper()
	u, err := Uncertainty(s, n, seed)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// Every band is ordered and holds the default value; the same seed gives
// the same JSON, another seed another.
func TestUncertaintyBands(t *testing.T) {
	u := mustUncertainty(t, DefaultScenario(), 600, 7)
	for _, want := range []string{"totals.interconnect_watts", "totals.interconnect_share", "totals.annual_mwh", "totals.annual_usd", "totals.mtbf_hours",
		"totals.tco_usd", "tiers[0].watts", "tiers[2].max_reach_m", "by_stage[5].totals.interconnect_watts"} {
		if _, ok := u.Bands[want]; !ok {
			t.Errorf("no band for %s", want)
		}
	}
	for p, b := range u.Bands {
		if !(b.P5 <= b.P50 && b.P50 <= b.P95) {
			t.Errorf("%s: p5 %v, p50 %v, p95 %v out of order", p, b.P5, b.P50, b.P95)
		}
		if b.Default < b.P5 || b.Default > b.P95 {
			t.Errorf("%s: the default %v lies outside its 90 %% band [%v, %v]", p, b.Default, b.P5, b.P95)
		}
		if b.N < 1 || b.N > u.Samples {
			t.Errorf("%s: %d samples", p, b.N)
		}
	}
	a, _ := u.MarshalJSON()
	b, _ := mustUncertainty(t, DefaultScenario(), 600, 7).MarshalJSON()
	c, _ := mustUncertainty(t, DefaultScenario(), 600, 8).MarshalJSON()
	if string(a) != string(b) {
		t.Error("the same seed gave another answer")
	}
	if string(a) == string(c) {
		t.Error("another seed gave the same answer")
	}
	var doc struct {
		Samples int                                `json:"samples"`
		Seed    uint64                             `json:"seed"`
		Bands   map[string]map[string]float64      `json:"bands"`
		Tornado map[string][]struct{ ID string }   `json:"tornado"`
		Probs   map[string]struct{ Share float64 } `json:"probabilities"`
	}
	if err := json.Unmarshal(a, &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if doc.Samples != 600 || doc.Seed != 7 || len(doc.Bands) < 10 || len(doc.Tornado) < 10 || len(doc.Probs) < 3 {
		t.Errorf("JSON: %d samples, seed %d, %d bands, %d tornadoes, %d probabilities", doc.Samples, doc.Seed, len(doc.Bands), len(doc.Tornado), len(doc.Probs))
	}
	for k, q := range doc.Probs {
		if q.Share < 0 || q.Share > 1 {
			t.Errorf("probability %s = %v", k, q.Share)
		}
	}
}

// The tornado ranks each headline's parameters by their swing, at most
// ten; a parameter the reader set is not drawn (its value is the
// reader's), but its swing is shown, marked, and kept in every tornado it
// moves, however small.
func TestUncertaintyTornadoAndOverrides(t *testing.T) {
	s := DefaultScenario()
	s.Params = map[string]float64{"serdes_lr_pj": 5, "eml_wpe": 0.05}
	if got, want := DrawnParams(s), DrawnParams(DefaultScenario())-2; got != want {
		t.Errorf("%d parameters drawn with two set by the reader, want %d", got, want)
	}
	u := mustUncertainty(t, s, 50, 1)
	for p, sw := range u.Tornado {
		if len(sw) > tornadoTop+2 {
			t.Errorf("%s: %d entries", p, len(sw))
		}
		for i, e := range sw {
			if set := e.ID == "serdes_lr_pj" || e.ID == "eml_wpe"; set != e.Set {
				t.Errorf("%s: %s marked set %v", p, e.ID, e.Set)
			}
			if i > 0 && math.Abs(e.High-e.Low) > math.Abs(sw[i-1].High-sw[i-1].Low) {
				t.Errorf("%s: %s swings more than %s above it", p, e.ID, sw[i-1].ID)
			}
		}
	}
	found := map[string]bool{}
	for _, e := range u.Tornado["totals.interconnect_watts"] {
		found[e.ID] = e.Set
	}
	if !found["serdes_lr_pj"] || !found["eml_wpe"] {
		t.Errorf("the interconnect's tornado lacks the reader's parameters: %v", u.Tornado["totals.interconnect_watts"])
	}
	// With the reader's defaults, the long-reach SerDes decides the
	// interconnect's power most of all (the scale-up domain's copper).
	d := mustUncertainty(t, DefaultScenario(), 20, 1)
	if top := d.Tornado["totals.interconnect_watts"]; len(top) < 8 || top[0].ID != "serdes_lr_pj" {
		t.Errorf("the interconnect's tornado: %v", top)
	}
	// A pluggable tier's power is decided by a pluggable module's
	// parameters.
	p := DefaultScenario()
	p.Tiers[1].Tech = DSP
	top := mustUncertainty(t, p, 20, 1).Tornado["tiers[1].watts"]
	if len(top) == 0 || !strings.Contains("dsp_pj serdes_c2m_pj eml_cooler_w eml_wpe eml_loss_db driver_tia_pj module_overhead_pj module_fixed_w cmos_scale launch_step_db laser_margin_db", top[0].ID) {
		t.Errorf("a DSP tier's tornado starts with %v", top)
	}
}

// Calibration parameters follow what they were fitted to.
func TestUncertaintyCalibration(t *testing.T) {
	p := defaultParams()
	p.v[pPCBDfULL] *= 1.2
	calibrated(&p)
	if p.v[pC2MHostTrace] >= catalogue[pC2MHostTrace].Default {
		t.Errorf("a lossier laminate left the fitted host trace at %v mm: it should shorten", p.v[pC2MHostTrace])
	}
	// The whole host path to a module keeps the loss it was fitted to,
	// whatever the drawn laminate, package and connector lose; the copper
	// host's trace keeps its ratio to it.
	q := defaultParams()
	q.v[pPCBDfULL] *= 1.3
	q.v[pConnector] += 0.5
	q.v[pPkgEscape] += 5
	calibrated(&q)
	if got := moduleHostLoss(&q, hostFit.lane); math.Abs(float64(got-hostFit.loss)) > 1e-9 {
		t.Errorf("the host path to a module loses %v after calibration, fitted to %v", got, hostFit.loss)
	}
	if got, want := q.v[pCRHostTrace]/q.v[pC2MHostTrace], catalogue[pCRHostTrace].Default/catalogue[pC2MHostTrace].Default; math.Abs(got-want) > 1e-12 {
		t.Errorf("cr_host_trace_mm is %v of the module's host trace, want %v", got, want)
	}
	// With every parameter at its default, nothing moves.
	d := defaultParams()
	calibrated(&d)
	if d.v != defaultParams().v {
		t.Error("calibrating the defaults changed them")
	}
	// The reader's own value is never recalibrated.
	mine, err := resolveParams(map[string]float64{"c2m_host_trace_mm": 200})
	if err != nil {
		t.Fatal(err)
	}
	calibrated(&mine)
	if mine.v[pC2MHostTrace] != 200 {
		t.Errorf("the reader's c2m_host_trace_mm became %v", mine.v[pC2MHostTrace])
	}
}

// Bad counts get the field's message; a bad scenario its own.
func TestUncertaintyInputs(t *testing.T) {
	for _, n := range []int{0, -1, MaxUncertaintySamples + 1} {
		_, err := Uncertainty(DefaultScenario(), n, 1)
		var ie *InputError
		if !errors.As(err, &ie) || ie.Field != "samples" {
			t.Errorf("%d samples: %v", n, err)
		}
	}
	s := DefaultScenario()
	s.GPUs = 0
	if _, err := Uncertainty(s, 10, 1); AsInputError(err) == nil || AsInputError(err).Field != "gpus" {
		t.Errorf("a bad scenario: %v", err)
	}
}

// Specifications are not drawn, nor is what follows a calibration; a
// range of a decade or more is drawn on its logarithm, its default still
// the most likely value.
func TestUncertaintyDraws(t *testing.T) {
	s := DefaultScenario()
	drawnSet := map[paramID]bool{}
	for _, id := range drawn(&s) {
		drawnSet[id] = true
	}
	specs := 0
	for id := paramID(0); id < numParams; id++ {
		c := &catalogue[id]
		if c.Spec {
			specs++
			if drawnSet[id] {
				t.Errorf("%s is a specification but is drawn", c.ID)
			}
		}
	}
	if specs < 10 || drawnSet[pCRHostTrace] || drawnSet[pC2MHostTrace] || !drawnSet[pSMFLoss] || !drawnSet[pPCBDfULL] {
		t.Errorf("%d specifications; cr_host_trace drawn %v, c2m_host_trace drawn %v, fibre loss drawn %v", specs, drawnSet[pCRHostTrace], drawnSet[pC2MHostTrace], drawnSet[pSMFLoss])
	}
	for _, id := range []paramID{pLaserFIT, pDRTx, pSMFLoss} {
		c := &catalogue[id]
		lo, hi := draw(0, c), draw(1-1e-12, c)
		if tol := 1e-4 * (c.High - c.Low); math.Abs(lo-c.Low) > tol || math.Abs(hi-c.High) > tol {
			t.Errorf("%s: draws span %v to %v, range %v to %v", c.ID, lo, hi, c.Low, c.High)
		}
	}
	c := &catalogue[pLaserFIT] // 20 to 400 FIT: a factor
	mode := math.Log(c.Default/c.Low) / math.Log(c.High/c.Low)
	if got := draw(mode, c); math.Abs(got-c.Default) > 1e-9*c.Default {
		t.Errorf("laser_fit at its mode's quantile draws %v, want its default %v", got, c.Default)
	}
	lin := &catalogue[pSMFLoss] // 0.3 to 1.0 dB/km: an amount
	if got := draw((lin.Default-lin.Low)/(lin.High-lin.Low), lin); math.Abs(got-lin.Default) > 1e-12 {
		t.Errorf("smf_db_per_km at its mode's quantile draws %v, want %v", got, lin.Default)
	}
}

// BandOf draws what Uncertainty draws: the band of a headline read by a
// function is the run's band of it, bit for bit.
func TestBandOfIsTheRun(t *testing.T) {
	s := DefaultScenario()
	u := mustUncertainty(t, s, 200, 5)
	b, err := BandOf(s, 200, 5, func(r *Result) (float64, bool) { return r.Totals.InterconnectPower.Watts(), true })
	if err != nil {
		t.Fatal(err)
	}
	w := u.Bands["totals.interconnect_watts"]
	if b.P5 != w.P5 || b.P50 != w.P50 || b.P95 != w.P95 || b.N != w.N || b.Default != w.Default {
		t.Errorf("BandOf %+v, the run's %+v", b, w)
	}
	if _, err := BandOf(s, 0, 1, nil); err == nil {
		t.Error("no draws accepted")
	}
}

// A compiled path reads what findValue finds, on results with and without
// the numbers (a cluster that cannot be built, fewer tiers than another's
// paths name, a stage that cannot be built).
func TestCompiledPathsReadAsFound(t *testing.T) {
	var results []Result
	for _, edit := range []func(*Scenario){
		func(s *Scenario) {},
		func(s *Scenario) { s.GPUs = 300000; s.Tiers[2].LengthM = 900 },
		func(s *Scenario) { s.GPUs = 512; s.LaneGbps = 100 },
		func(s *Scenario) { s.GPUs = 2000000 },
	} {
		s := DefaultScenario()
		edit(&s)
		r, err := Evaluate(s)
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, r)
	}
	var paths []string
	for i := range results {
		paths = append(paths, headlines(&results[i])...)
	}
	paths = append(paths, "tiers[7].watts", "by_stage[0].totals", "nothing.here", "totals.feasible")
	keys := parsedPaths(paths)
	readers := compiledPaths(keys)
	cur := new(cursor)
	n := 0
	for i := range results {
		for k := range paths {
			want, got := valueAt(&results[i], keys[k]), readers[k].number(&results[i], cur)
			if want != got && !(math.IsNaN(want) && math.IsNaN(got)) {
				t.Errorf("result %d, %s: compiled %v, found %v", i, paths[k], got, want)
			}
			if !math.IsNaN(want) {
				n++
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d numbers compared", n)
	}
}
