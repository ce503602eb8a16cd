//go:build js

// Package jslang puts a page's language in use in its WebAssembly: the
// catalogue the page fetched (the build's words-<lang>.json, as a plain
// object of key to words) becomes core's (core.UseLanguage). The English
// catalogue is compiled in; no other is, so an English page loads no
// translation at all.
package jslang

import (
	"errors"
	"syscall/js"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
)

// Use puts the language lang with the words of obj in use; "en" (or an
// empty tag) is the built-in English whatever obj holds.
func Use(lang, obj js.Value) error {
	if lang.Type() != js.TypeString {
		return errors.New("setLang(lang, words): lang must be a language tag such as \"zh-CN\"")
	}
	tag := lang.String()
	if tag == "" || tag == "en" {
		core.UseLanguage(label.English)
		return nil
	}
	if obj.Type() != js.TypeObject {
		return errors.New("setLang(lang, words): words must be an object of key to words")
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
	core.UseLanguage(label.New(tag, words))
	return nil
}
