package core

import (
	"math"
	"strconv"
)

// InputError reports a scenario or link field the model cannot accept. It
// names the field (as a JSON path), the value given and what is allowed, so
// that a page can show the message beside the field as it is.
type InputError struct {
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
		s += " (allowed: " + e.Allowed + ")"
	}
	return s
}

// checkRange rejects NaN, infinities and values outside [lo, hi].
func checkRange(field string, v, lo, hi float64, unit string) error {
	if v >= lo && v <= hi { // false for NaN
		return nil
	}
	allowed := formatNumber(lo) + " to " + formatNumber(hi)
	if unit != "" && unit != "1" {
		allowed += " " + unit
	}
	switch {
	case math.IsNaN(v):
		return &InputError{Field: field, Value: "NaN", Allowed: allowed, Reason: "is not a number"}
	case math.IsInf(v, 0):
		return &InputError{Field: field, Value: formatNumber(v), Allowed: allowed, Reason: "is not finite"}
	case v < lo:
		return &InputError{Field: field, Value: formatNumber(v), Allowed: allowed, Reason: "is too small"}
	case v > hi:
		return &InputError{Field: field, Value: formatNumber(v), Allowed: allowed, Reason: "is too large"}
	}
	return nil
}

// formatNumber prints a number the way a reader typed it: shortest form,
// with thousands separators for large whole numbers.
func formatNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		s := strconv.FormatInt(int64(math.Abs(v)), 10)
		if len(s) > 4 {
			var b []byte
			for i, c := range []byte(s) {
				if i > 0 && (len(s)-i)%3 == 0 {
					b = append(b, ',')
				}
				b = append(b, c)
			}
			s = string(b)
		}
		if v < 0 {
			s = "-" + s
		}
		return s
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

func quote(s string) string {
	if len(s) > 64 {
		s = s[:64] + "…"
	}
	return strconv.Quote(s)
}
