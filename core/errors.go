package core

import (
	"math"
	"strconv"

	"github.com/cpocalc/cpocalc/core/format"
	"github.com/cpocalc/cpocalc/core/label"
)

// InputError reports a scenario or link field the model cannot accept. It
// names the field (as a JSON path), the value given and what is allowed, so
// that a page can show the message beside the field as it is. Its words
// are Texts: the model raises it without a language, and the page that
// shows it words it in its own (In, Message).
type InputError struct {
	_       noCompare
	Field   string     // JSON path, e.g. "tiers[1].length_m"
	Value   label.Text // the value given, as text
	Allowed label.Text // the allowed values or range
	Reason  label.Text // what is wrong, in a few words
}

// InputWords are an input error's words in one language.
type InputWords struct {
	_       noCompare
	Field   string `json:"field"`
	Value   string `json:"value"`
	Allowed string `json:"allowed"`
	Reason  string `json:"reason"`
}

// In returns e's words in c's language.
func (e *InputError) In(c *label.Catalogue) InputWords {
	return InputWords{Field: e.Field, Value: c.Say(e.Value), Allowed: c.Say(e.Allowed), Reason: c.Say(e.Reason)}
}

// Message is e as one sentence in c's language: the field, the value,
// what is wrong and what is allowed.
func (e *InputError) Message(c *label.Catalogue) string {
	w := e.In(c)
	s := w.Field + ": " + w.Value
	if w.Reason != "" {
		s += " " + w.Reason
	}
	if w.Allowed != "" {
		s += c.Format("err.allowed", "allowed", w.Allowed)
	}
	return s
}

// Error is e's message in English.
func (e *InputError) Error() string { return e.Message(label.English) }

// ErrorText is err's message in c's language: core's errors word
// themselves in it, any other error is its own text.
func ErrorText(c *label.Catalogue, err error) string {
	switch e := err.(type) {
	case nil:
		return ""
	case interface {
		Message(*label.Catalogue) string
	}:
		return e.Message(c)
	}
	return err.Error()
}

// checkRange rejects NaN, infinities and values outside [lo, hi].
func checkRange(field string, v, lo, hi float64, unit string) error {
	if v >= lo && v <= hi { // false for NaN
		return nil
	}
	allowed := label.Msg("err.range", "low", format.English.Input(lo), "high", format.English.Input(hi))
	if unit != "" && unit != "1" {
		allowed = label.Msg("err.range_unit", "low", format.English.Input(lo), "high", format.English.Input(hi), "unit", unit)
	}
	switch {
	case math.IsNaN(v):
		return refuse(field, "NaN", allowed, "err.nan")
	case math.IsInf(v, 0):
		return refuse(field, format.English.Input(v), allowed, "err.infinite")
	case v < lo:
		return refuse(field, format.English.Input(v), allowed, "err.too_small")
	case v > hi:
		return refuse(field, format.English.Input(v), allowed, "err.too_large")
	}
	return nil
}

func quote(s string) string {
	if r := []rune(s); len(r) > 64 {
		s = string(r[:64]) + "…"
	}
	return strconv.Quote(s)
}

// AsInputError returns the *InputError err is or wraps, or nil: errors.As
// for this one type, without the reflection errors.As carries into the
// calculator's WebAssembly.
func AsInputError(err error) *InputError {
	for err != nil {
		switch e := err.(type) {
		case *InputError:
			return e
		case interface{ Unwrap() []error }:
			for _, x := range e.Unwrap() {
				if ie := AsInputError(x); ie != nil {
					return ie
				}
			}
			return nil
		case interface{ Unwrap() error }:
			err = e.Unwrap()
		default:
			return nil
		}
	}
	return nil
}

// refuse is the error of a value given for a field: the value as it was
// given, what is allowed, and the key of what is wrong with it. One
// constructor for the model's many checks keeps the calculator's
// WebAssembly small.
//
//go:noinline
func refuse(field, value string, allowed label.Text, reason string) *InputError {
	return refuseText(field, value, allowed, label.Msg(reason))
}

// refuseText is refuse with the words of what is wrong.
func refuseText(field, value string, allowed, reason label.Text) *InputError {
	return inputError(field, label.Plain(value), allowed, reason)
}

// inputError is an InputError of its words.
//
//go:noinline
func inputError(field string, value, allowed, reason label.Text) *InputError {
	return &InputError{Field: field, Value: value, Allowed: allowed, Reason: reason}
}
