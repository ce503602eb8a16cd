package core

import (
	"errors"
	"strings"
	"testing"
)

// A cable's retimer is a DSP: each of an active electrical cable's two
// retimers costs one crossing of the DSP datapath that a DSP module's
// DSP costs, and the parameter moves both.
func TestRetimerLatencyIsADSPs(t *testing.T) {
	for _, dsp := range []float64{0, 25, 80} {
		var params map[string]float64
		want := catalogue[pDSPNS].Default
		if dsp > 0 {
			params, want = map[string]float64{"dsp_ns": dsp}, dsp
		}
		link := func(tech Tech) LinkResult {
			r, err := EvaluateLink(Link{Tech: tech, LaneGbps: 200, Lanes: 4, LengthM: 1, Params: params})
			if err != nil {
				t.Fatal(err)
			}
			return r
		}
		aec, dspMod := link(AEC), link(DSP)
		if got := aec.Latency[LatencyRetimer].Nanoseconds(); got != 2*want {
			t.Errorf("dsp_ns %v: the AEC's retimers take %v ns; want two crossings, %v ns", dsp, got, 2*want)
		}
		if got := dspMod.Latency[LatencyDSP].Nanoseconds(); got != 2*want {
			t.Errorf("dsp_ns %v: the DSP modules take %v ns; want %v ns", dsp, got, 2*want)
		}
	}
	// An old link's retimer_ns is refused, and says what stands for it.
	_, err := EvaluateLink(Link{Tech: AEC, LaneGbps: 200, Lanes: 4, LengthM: 1, Params: map[string]float64{"retimer_ns": 20}})
	var ie *InputError
	if !errors.As(err, &ie) || ie.Field != "params.retimer_ns" || !strings.Contains(ie.Error(), "dsp_ns") {
		t.Errorf("retimer_ns: %v", err)
	}
}
