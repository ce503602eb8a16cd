package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// Every entry point of window.cpocalc, natively, on any text: each answers
// with JSON, an error object when the input is bad, and none reaches the
// panic guard (whose "internal error" would mean a bug in the model).
func FuzzAPI(f *testing.F) {
	for _, seed := range []string{"", "{}", `{"gpus": 131072}`, `{"gpus": null}`, `{"gpus": "NaN"}`, `{"tiers": [{"tech": "dac", "length_m": 1e9}]}`,
		`{"tech": "cpo", "lane_gbps": 400, "lanes": 8, "length_m": 2}`, "v=1&gpus=131072", "1.eyJncHVzIjoxMDAwfQ", "totals.interconnect_watts",
		`{"params": {"laser_fit": 1e308}}`, "[", "\x00", `{"a\"b": 1}`} {
		f.Add(seed, "totals.tco_usd")
	}
	calls := map[string]func(a, b string) string{
		"evaluate":     func(a, _ string) string { return evaluate(a) },
		"evaluateLink": func(a, _ string) string { return evaluateLink(a) },
		"encode":       func(a, _ string) string { return encode(a) },
		"decode":       func(a, _ string) string { return decode(a) },
		"figures":      func(a, _ string) string { return chartData(a) },
		"update":       update,
		"pin":          func(a, _ string) string { return pin(a) },
		"load":         func(a, _ string) string { return load(a) },
		"compare":      compare,
		"csv":          func(a, b string) string { return csvExport(a, b, "http://h/") },
		"explain":      func(a, b string) string { return explain(b, a) },
		"explainPath":  func(a, _ string) string { return explain(a, "") },
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		for name, call := range calls {
			out := call(a, b)
			var v map[string]any
			if err := json.Unmarshal([]byte(out), &v); err != nil {
				t.Fatalf("%s(%q, %q): not a JSON object: %v: %.200s", name, a, b, err, out)
			}
			if e, ok := v["error"].(map[string]any); ok {
				msg, _ := e["message"].(string)
				if msg == "" || strings.Contains(msg, "internal error") {
					t.Fatalf("%s(%q, %q): %v", name, a, b, e)
				}
			}
		}
	})
}
