// Package wire reads and writes the contract's JSON without reflection: a
// writer that appends to a byte slice as encoding/json would write the same
// values (HTML-safe strings, shortest floats, sorted map keys), and a parser
// into a small tree of values with byte offsets for its errors.
//
// It exists so that the calculator's WebAssembly need not link
// encoding/json, reflect or fmt, which would add about a third to its size;
// the types that cross the boundary write and read themselves through it.
package wire

import (
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
)

// W appends JSON to B. Begin, Key and the value methods put the commas;
// a key is followed by exactly one value.
type W struct {
	B    []byte
	more bool // a value was written at this level: the next needs a comma
}

func (w *W) sep() {
	if w.more {
		w.B = append(w.B, ',')
	}
}

// Begin opens an object; End closes it.
func (w *W) Begin() { w.sep(); w.B = append(w.B, '{'); w.more = false }

// End closes an object.
func (w *W) End() { w.B = append(w.B, '}'); w.more = true }

// BeginList opens a list; EndList closes it.
func (w *W) BeginList() { w.sep(); w.B = append(w.B, '['); w.more = false }

// EndList closes a list.
func (w *W) EndList() { w.B = append(w.B, ']'); w.more = true }

// Key writes an object's key; its value comes next.
func (w *W) Key(k string) {
	w.sep()
	w.B = AppendString(w.B, k)
	w.B = append(w.B, ':')
	w.more = false
}

// Str writes a string.
func (w *W) Str(s string) { w.sep(); w.B = AppendString(w.B, s); w.more = true }

// Num writes a number as encoding/json does; NaN and infinities as null.
func (w *W) Num(f float64) { w.sep(); w.B = AppendFloat(w.B, f); w.more = true }

// Int writes a whole number.
func (w *W) Int(i int) { w.sep(); w.B = strconv.AppendInt(w.B, int64(i), 10); w.more = true }

// Bool writes true or false.
func (w *W) Bool(b bool) { w.sep(); w.B = strconv.AppendBool(w.B, b); w.more = true }

// Null writes null.
func (w *W) Null() { w.sep(); w.B = append(w.B, "null"...); w.more = true }

// Raw writes JSON that is already written.
func (w *W) Raw(b []byte) { w.sep(); w.B = append(w.B, b...); w.more = true }

// Each writes a list, each element by put (null for a nil list, as
// encoding/json writes one).
func Each[T any](w *W, l []T, put func(T)) {
	if l == nil {
		w.Null()
		return
	}
	w.BeginList()
	for _, x := range l {
		put(x)
	}
	w.EndList()
}

// Strs writes a list of strings (null for a nil list).
func Strs[S ~string](w *W, l []S) { Each(w, l, func(s S) { w.Str(string(s)) }) }

// Nums writes a list of numbers (null for a nil list).
func (w *W) Nums(l []float64) { Each(w, l, w.Num) }

// Ints writes a list of whole numbers (null for a nil list).
func (w *W) Ints(l []int) { Each(w, l, w.Int) }

// NumMap writes a map of numbers with its keys sorted (null for nil).
func (w *W) NumMap(m map[string]float64) { writeMap(w, m, w.Num) }

// StrMap writes a map of strings with its keys sorted (null for nil).
func (w *W) StrMap(m map[string]string) { writeMap(w, m, w.Str) }

func writeMap[V any](w *W, m map[string]V, put func(V)) {
	if m == nil {
		w.Null()
		return
	}
	w.Begin()
	for _, k := range sortedKeys(m) {
		w.Key(k)
		put(m[k])
	}
	w.End()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// AppendFloat writes a float as encoding/json does ('f' format, or 'e'
// below 1e-6 and from 1e21 on, its exponent without a leading zero), and
// non-finite values as null.
func AppendFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...)
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 to e-9
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// AppendString writes a JSON string as encoding/json does: <, > and & as
// \u escapes (the text is safe inside HTML), invalid UTF-8 as U+FFFD, and
// U+2028 and U+2029 escaped (they end lines in older JavaScript).
func AppendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
