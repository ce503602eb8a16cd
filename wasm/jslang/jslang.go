//go:build js

// Package jslang reads a page's language in its WebAssembly: the
// catalogue the page fetched (the build's words-<lang>.json, as a plain
// object of key to words) becomes a label.Catalogue, which the binary then
// hands to whatever words things. The English catalogue is compiled in;
// no other is, so an English page loads no translation at all.
package jslang

import (
	"errors"
	"syscall/js"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
)

// Read returns the language lang with the words of obj, ready for core
// (core.Language); "en" (or an empty tag) is the built-in English whatever
// obj holds.
func Read(lang, obj js.Value) (*label.Catalogue, error) {
	if lang.Type() != js.TypeString {
		return nil, errors.New("setLang(lang, words): lang must be a language tag such as \"zh-CN\"")
	}
	tag := lang.String()
	if tag == "" || tag == "en" {
		return label.English, nil
	}
	if obj.Type() != js.TypeObject {
		return nil, errors.New("setLang(lang, words): words must be an object of key to words")
	}
	keys := js.Global().Get("Object").Call("keys", obj)
	n := keys.Length()
	words := make(map[string]string, n)
	for i := 0; i < n; i++ {
		k := keys.Index(i).String()
		if v := obj.Get(k); v.Type() == js.TypeString {
			words[k] = v.String()
		}
	}
	return core.Language(label.New(tag, words)), nil
}
