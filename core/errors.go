package core

import (
	"github.com/cpocalc/cpocalc/core/format"
	"github.com/cpocalc/cpocalc/core/label"
	"math"
	"strconv"
)

// InputError reports a scenario or link field the model cannot accept. It
// names the field (as a JSON path), the value given and what is allowed, so
// that a page can show the message beside the field as it is.
type InputError struct {
	_       noCompare
	Field   string `json:"field"`   // JSON path, e.g. "tiers[1].length_m"
	Value   string `json:"value"`   // the value given, as text
	Allowed string `json:"allowed"` // the allowed values or range
	Reason  string `json:"reason"`  // what is wrong, in a few words
}

func (e *InputError) Error() string {
	s := e.Field + ": " + e.Value
	if e.Reason != "" {
		s += " " + e.Reason
	}
	if e.Allowed != "" {
		s += label.Format("err.allowed", "allowed", e.Allowed)
	}
	return s
}

// checkRange rejects NaN, infinities and values outside [lo, hi].
func checkRange(field string, v, lo, hi float64, unit string) error {
	if v >= lo && v <= hi { // false for NaN
		return nil
	}
	allowed := label.Format("err.range", "low", format.Input(lo), "high", format.Input(hi))
	if unit != "" && unit != "1" {
		allowed += " " + unit
	}
	switch {
	case math.IsNaN(v):
		return &InputError{Field: field, Value: "NaN", Allowed: allowed, Reason: label.Get("err.nan")}
	case math.IsInf(v, 0):
		return &InputError{Field: field, Value: format.Input(v), Allowed: allowed, Reason: label.Get("err.infinite")}
	case v < lo:
		return &InputError{Field: field, Value: format.Input(v), Allowed: allowed, Reason: label.Get("err.too_small")}
	case v > hi:
		return &InputError{Field: field, Value: format.Input(v), Allowed: allowed, Reason: label.Get("err.too_large")}
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
