//go:build js

package main

import (
	"os"
	"strings"
	"syscall/js"
	"testing"

	"github.com/cpocalc/cpocalc/core/label/zh"
)

// These run under Node (GOOS=js GOARCH=wasm go test, with the Go
// toolchain's lib/wasm on PATH): the functions as a page calls them.

func api(t *testing.T) js.Value {
	t.Helper()
	register()
	a := js.Global().Get("cpocalc")
	if a.Type() != js.TypeObject {
		t.Fatal("window.cpocalc missing")
	}
	return a
}

func TestBindingsTakeObjectsAndStrings(t *testing.T) {
	a := api(t)
	obj := js.Global().Get("JSON").Call("parse", `{"gpus": 2048, "scale_out": {"switch_radix": 32}}`)
	r := a.Call("evaluate", obj)
	if r.Get("error").Type() != js.TypeUndefined {
		t.Fatalf("error: %v", js.Global().Get("JSON").Call("stringify", r.Get("error")).String())
	}
	if got := r.Get("totals").Get("switches").Int(); got != 320 {
		t.Errorf("2,048 GPUs at radix 32: %d switches, want 320 (3 tiers: 128 + 128 + 64)", got)
	}
	r = a.Call("evaluate", `{"gpus": 0}`)
	if r.Get("error").Get("field").String() != "gpus" {
		t.Error("string argument not read")
	}
	l := a.Call("evaluateLink", `{"tech": "cpo", "lane_gbps": 200, "lanes": 8, "length_m": 100}`)
	if l.Get("feasible").Bool() != true || l.Get("electrical_path_mm").Float() != 8 {
		t.Errorf("evaluateLink: %s", js.Global().Get("JSON").Call("stringify", l).String())
	}
	if a.Get("version").Int() != 1 {
		t.Error("version")
	}
	if a.Get("ready").Type() != js.TypeObject {
		t.Error("ready is not a promise")
	}
}

func TestBindingsSurviveHostileValues(t *testing.T) {
	a := api(t)
	cyclic := js.Global().Get("Object").New()
	cyclic.Set("self", cyclic)
	big := js.Global().Call("BigInt", 1)
	for _, v := range []any{js.Undefined(), js.Null(), cyclic, big, 42, true, "", "{", js.Global().Get("Math")} {
		for _, f := range []string{"evaluate", "evaluateLink", "encode", "decode", "figures", "explain"} {
			out := a.Call(f, v)
			if out.Type() != js.TypeObject {
				t.Errorf("%s(%v) returned %v", f, v, out.Type())
			}
		}
	}
	// Still alive and answering.
	if a.Call("evaluate", `{}`).Get("totals").Type() != js.TypeObject {
		t.Error("the runtime stopped answering")
	}
	e := a.Call("explain", "totals.interconnect_watts")
	if e.Get("formula").Type() != js.TypeString {
		t.Error("explain without a scenario")
	}
}

// What JSON cannot hold comes back as the field's error, never as a
// default: NaN, ±Infinity, undefined, a function, a symbol or a BigInt
// where a number belongs, and an explicit null.
func TestBindingsRefuseWhatJSONCannotHold(t *testing.T) {
	a := api(t)
	global := js.Global()
	values := map[string]js.Value{
		"NaN":       global.Get("NaN"),
		"Infinity":  global.Get("Infinity"),
		"-Infinity": global.Get("Number").Get("NEGATIVE_INFINITY"),
		"undefined": js.Undefined(),
		"null":      js.Null(),
		"function":  global.Get("Math").Get("max"),
		"symbol":    global.Call("Symbol", "x"),
		"bigint":    global.Call("BigInt", 2048),
	}
	for name, v := range values {
		for _, path := range [][]string{{"gpus"}, {"scale_out", "switch_radix"}, {"pue"}} {
			obj := global.Get("Object").New()
			inner := obj
			for _, k := range path[:len(path)-1] {
				o := global.Get("Object").New()
				inner.Set(k, o)
				inner = o
			}
			inner.Set(path[len(path)-1], v)
			field := path[0]
			if len(path) > 1 {
				field += "." + path[1]
			}
			for _, f := range []string{"evaluate", "update"} {
				out := a.Call(f, obj)
				e := out.Get("error")
				if e.Type() != js.TypeObject || e.Get("field").String() != field || e.Get("message").String() == "" {
					t.Errorf("%s({%s: %s}): %s, want the error on %s", f, field, name, global.Get("JSON").Call("stringify", out).String(), field)
				}
			}
		}
	}
}

// window.cpocalc.uncertainty(scenario, samples, seed) with JavaScript's
// numbers: the same bytes as core's native answer (the golden file).
func TestBindingsUncertainty(t *testing.T) {
	a := api(t)
	obj := js.Global().Get("JSON").Call("parse", `{"gpus": 8192}`)
	out := js.Global().Get("JSON").Call("stringify", a.Call("uncertainty", obj, 200, 3)).String()
	golden, err := os.ReadFile(uncertaintyGolden)
	if err != nil {
		t.Fatal(err)
	}
	// JSON.parse and stringify keep numbers and key order as written.
	if out != string(golden) {
		t.Errorf("uncertainty in the browser's API differs from the native golden file:\n%.300s\n%.300s", out, golden)
	}
}

// setLang puts the page's catalogue in use: the messages, labels and
// numbers come out in its language, and "en" brings English back. Bad
// arguments get an error, not a panic.
func TestSetLang(t *testing.T) {
	a := api(t)
	words := js.Global().Get("Object").New()
	for _, k := range zh.Catalogue.Keys() {
		words.Set(k, zh.Catalogue.Get(k))
	}
	defer a.Call("setLang", "en")
	if r := a.Call("setLang", "zh-CN", words); r.Get("lang").String() != "zh-CN" {
		t.Fatalf("setLang: %s", js.Global().Get("JSON").Call("stringify", r).String())
	}
	r := a.Call("update", `{"gpus": 0}`)
	e := r.Get("error")
	if e.Type() != js.TypeObject || e.Get("field").String() != "gpus" || e.Get("reason").String() != "超出范围" || !strings.Contains(e.Get("allowed").String(), "至") {
		t.Errorf("a bad GPU count in Chinese: %s", js.Global().Get("JSON").Call("stringify", r).String())
	}
	ok := a.Call("update", `{"gpus": 4096}`)
	if h := ok.Get("html").Get("totals").String(); !strings.Contains(h, "互连") {
		t.Errorf("the totals are not in Chinese: %.200s", h)
	}
	// Numbers the page writes itself come from core, in the page's style.
	if got := a.Call("quantity", 131072000, "").String(); got != "131,072,000" {
		t.Errorf("a count in Chinese: %q", got)
	}
	// An uncertainty run's statements are in the page's language.
	if u := a.Call("bands", `{}`, "20", "1"); !strings.ContainsFunc(u.Get("sure").String(), func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
		t.Errorf("the bands' statements are not in Chinese: %.200s", u.Get("sure").String())
	}
	a.Call("setLang", "en")
	if got := a.Call("quantity", 1048577, "B").String(); got != "1.05 MB" {
		t.Errorf("a file's size: %q", got)
	}
	if got := a.Call("update", `{"gpus": 0}`).Get("error").Get("reason").String(); got != "is out of range" {
		t.Errorf("back in English: %q", got)
	}
	cyclic := js.Global().Get("Object").New()
	cyclic.Set("self", cyclic)
	for _, args := range [][]any{{}, {42}, {"zh-CN"}, {"zh-CN", 42}, {"zh-CN", cyclic}, {js.Null(), words}} {
		out := a.Call("setLang", args...)
		if out.Type() != js.TypeObject {
			t.Errorf("setLang(%v) returned %v", args, out.Type())
		}
	}
	a.Call("setLang", "en")
}

// An edit's answer is written in a buffer the next edit reuses: what the
// page got from one edit stays as it was after the next.
func TestBindingsUpdateAnswersStay(t *testing.T) {
	a := api(t)
	first := a.Call("update", `{"gpus": 4096}`)
	want := js.Global().Get("JSON").Call("stringify", first).String()
	a.Call("update", `{"gpus": 131072, "lane_gbps": 100}`)
	if got := js.Global().Get("JSON").Call("stringify", first).String(); got != want || !strings.Contains(got, `"permalink":"v=1&gpus=4096"`) {
		t.Errorf("the first answer changed with the second edit: %.200s", got)
	}
}
