//go:build js

package main

import (
	"errors"
	"math"
	"strconv"
	"syscall/js"

	"github.com/cpocalc/cpocalc/wasm/jslang"
)

func quoteJSON(s string) string { return strconv.Quote(s) }

// main installs the API on window.cpocalc (creating it if the page did not)
// and never returns, so the functions stay callable.
func main() {
	register()
	select {}
}

// register installs the functions. The page's loader may have created
// window.cpocalc with a ready promise and a __resolve function; it is called
// once everything is in place.
func register() {
	global := js.Global()
	api := global.Get("cpocalc")
	if api.Type() != js.TypeObject {
		api = global.Get("Object").New()
		global.Set("cpocalc", api)
	}
	one := func(f func(string) string) js.Func {
		return wrap(func(args []js.Value) string { return f(arg(args, 0)) })
	}
	api.Set("evaluate", one(evaluate))
	api.Set("evaluateLink", one(evaluateLink))
	api.Set("encode", one(encode))
	api.Set("decode", one(decode))
	api.Set("figures", one(chartData))
	// The edit's answer is borrowed: parsed at once, before another edit
	// can write over it.
	api.Set("update", wrap(func(args []js.Value) string { return updateAs(arg(args, 0), arg(args, 1), true) }))
	api.Set("pin", one(pin))
	api.Set("load", one(load))
	api.Set("compare", wrap(func(args []js.Value) string { return compare(arg(args, 0), arg(args, 1)) }))
	api.Set("csv", wrap(func(args []js.Value) string { return csvExport(arg(args, 0), arg(args, 1), arg(args, 2)) }))
	api.Set("cite", wrap(func(args []js.Value) string { return cite(arg(args, 0), arg(args, 1), arg(args, 2)) }))
	api.Set("fields", wrap(func([]js.Value) string { return fields() }))
	api.Set("defaults", wrap(func([]js.Value) string { return defaults() }))
	api.Set("catalogue", wrap(func([]js.Value) string { return catalogue() }))
	api.Set("explain", wrap(func(args []js.Value) string { return explain(arg(args, 0), arg(args, 1)) }))
	api.Set("uncertainty", wrap(func(args []js.Value) string { return uncertainty(arg(args, 0), arg(args, 1), arg(args, 2)) }))
	api.Set("sweep", wrap(func(args []js.Value) string { return sweep(arg(args, 0), arg(args, 1), arg(args, 2), arg(args, 3)) }))
	api.Set("prose", wrap(func(args []js.Value) string {
		return prose(arg(args, 0), arg(args, 1), arg(args, 2), arg(args, 3), arg(args, 4), arg(args, 5))
	}))
	api.Set("bands", wrap(func(args []js.Value) string { return bands(arg(args, 0), arg(args, 1), arg(args, 2)) }))
	// quantity(value, unit) writes a number as the page's language writes
	// it: with its unit and prefix ("1.05 MB" for 1048577, "B"), or, with
	// no unit, as a count ("2,345").
	api.Set("quantity", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) == 0 || args[0].Type() != js.TypeNumber {
			return ""
		}
		unit := ""
		if len(args) > 1 && args[1].Type() == js.TypeString {
			unit = args[1].String()
		}
		return quantity(args[0].Float(), unit)
	}))
	// setLang(lang, words) sets the page's language: its words (the
	// build's words-<lang>.json) for every label, message and number.
	api.Set("setLang", wrap(func(args []js.Value) string {
		if len(args) < 2 {
			args = append(args, js.Undefined(), js.Undefined())
		}
		c, err := jslang.Read(args[0], args[1])
		if err != nil {
			return errorJSON(err)
		}
		lang = c
		return `{"lang":` + quoteJSON(lang.Lang) + `}`
	}))
	api.Set("version", 1)
	if api.Get("ready").Type() != js.TypeObject {
		api.Set("ready", global.Get("Promise").Call("resolve", api))
	}
	if f := api.Get("__resolve"); f.Type() == js.TypeFunction {
		f.Invoke(api)
	}
}

// arg returns argument i as text: strings pass as they are (a permalink, a
// path, or JSON already), other values are stringified.
func arg(args []js.Value, i int) string {
	if i >= len(args) {
		return ""
	}
	v := args[i]
	switch v.Type() {
	case js.TypeUndefined, js.TypeNull:
		return ""
	case js.TypeString:
		return v.String()
	}
	s := js.Global().Get("JSON").Call("stringify", v, keepMistakes)
	if s.Type() != js.TypeString {
		return "" // a function or a symbol: nothing to read
	}
	return s.String()
}

// keepMistakes is JSON.stringify's replacer: what JSON cannot hold and
// stringify would turn into null or drop (NaN, ±Infinity, undefined, a
// function, a symbol, a BigInt) is written as a word instead, which the
// model refuses at its field ("gpus: NaN is not a value JSON can hold").
var keepMistakes = js.FuncOf(func(this js.Value, args []js.Value) (out any) {
	if len(args) < 2 {
		return js.Undefined()
	}
	v := args[1]
	defer func() {
		if recover() != nil {
			out = "bigint" // syscall/js has no type for a BigInt, and says so by panicking
		}
	}()
	switch v.Type() {
	case js.TypeNumber:
		if f := v.Float(); math.IsNaN(f) || math.IsInf(f, 0) {
			return js.Global().Get("String").Invoke(v)
		}
	case js.TypeUndefined:
		if args[0].String() != "" { // a key whose value is undefined, not the whole argument
			return "undefined"
		}
	case js.TypeFunction:
		return "function"
	case js.TypeSymbol:
		return "symbol"
	}
	return v
})

// parse turns the Go side's JSON into a JavaScript object.
func parse(s string) any {
	return js.Global().Get("JSON").Call("parse", s)
}

// wrap makes a callback that never lets a panic out: a JavaScript value that
// cannot be stringified (a cycle, a BigInt) makes syscall/js panic, and a
// panic in a callback would kill the runtime. The callbacks compute and
// return; none blocks.
func wrap(f func(args []js.Value) string) js.Func {
	return js.FuncOf(func(this js.Value, args []js.Value) (out any) {
		defer func() {
			if r := recover(); r != nil {
				out = parse(errorJSON(errors.New("the argument cannot be read as JSON")))
			}
		}()
		return parse(f(args))
	})
}
