package wire

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// Kind is the type of a JSON value.
type Kind uint8

// The kinds of JSON values.
const (
	Null Kind = iota
	Bool
	Number
	String
	List
	Object
)

// Value is one parsed JSON value. An object keeps its keys in the order
// written (a repeated key appears twice; readers take the last, as
// encoding/json does).
type Value struct {
	Kind  Kind
	Text  string   // a string's text, or a number's literal
	True  bool     // a Bool's value
	Keys  []string // an Object's keys
	Items []Value  // a List's elements, or an Object's values (by key)
	Off   int      // where the value starts in the input
}

// Get returns the last value of an object's key.
func (v *Value) Get(key string) (*Value, bool) {
	for i := len(v.Keys) - 1; i >= 0; i-- {
		if v.Keys[i] == key {
			return &v.Items[i], true
		}
	}
	return nil, false
}

// Float returns a number's value; false for any other kind, or a number
// out of float64's range.
func (v *Value) Float() (float64, bool) {
	if v.Kind != Number {
		return 0, false
	}
	f, err := strconv.ParseFloat(v.Text, 64)
	return f, err == nil
}

// Int returns a whole number written without a fraction or exponent (as
// encoding/json reads an int); false otherwise.
func (v *Value) Int() (int, bool) {
	if v.Kind != Number {
		return 0, false
	}
	i, err := strconv.ParseInt(v.Text, 10, 0)
	return int(i), err == nil
}

// Describe names the value for an error message, as encoding/json does:
// "number 1.5", "string", "object", "array", "bool", "null".
func (v *Value) Describe() string {
	switch v.Kind {
	case Number:
		return "number " + v.Text
	case String:
		return "string"
	case Bool:
		return "bool"
	case List:
		return "array"
	case Object:
		return "object"
	}
	return "null"
}

// SyntaxError is malformed JSON: what is wrong and at which byte.
type SyntaxError struct {
	Msg      string
	Offset   int
	Trailing bool // a whole value was read, and more text follows it
}

func (e *SyntaxError) Error() string { return e.Msg }

// MaxDepth bounds the nesting of lists and objects.
const MaxDepth = 200

// Parse reads one JSON value, with nothing but white space after it.
func Parse(data []byte) (Value, error) {
	p := parser{d: data}
	p.space()
	v, err := p.value(0)
	if err != nil {
		return Value{}, err
	}
	p.space()
	if p.i < len(p.d) {
		return Value{}, &SyntaxError{Msg: "invalid character " + quoteChar(p.d[p.i]) + " after top-level value", Offset: p.i, Trailing: true}
	}
	return v, nil
}

type parser struct {
	d []byte
	i int
}

func (p *parser) space() {
	for p.i < len(p.d) {
		switch p.d[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *parser) fail(msg string) error { return &SyntaxError{Msg: msg, Offset: p.i} }

func (p *parser) unexpected(context string) error {
	if p.i >= len(p.d) {
		return p.fail("unexpected end of JSON input")
	}
	return p.fail("invalid character " + quoteChar(p.d[p.i]) + " " + context)
}

func quoteChar(c byte) string {
	switch {
	case c == '\'':
		return `'\''`
	case c == '"':
		return `'"'`
	case c < 0x20 || c >= utf8.RuneSelf:
		return "'\\x" + string(hexDigits[c>>4]) + string(hexDigits[c&0xF]) + "'"
	}
	return "'" + string(c) + "'"
}

func (p *parser) value(depth int) (Value, error) {
	if p.i >= len(p.d) {
		return Value{}, p.fail("unexpected end of JSON input")
	}
	start := p.i
	switch c := p.d[p.i]; {
	case c == '{':
		return p.object(depth + 1)
	case c == '[':
		return p.list(depth + 1)
	case c == '"':
		s, err := p.str()
		return Value{Kind: String, Text: s, Off: start}, err
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case c == 't':
		return Value{Kind: Bool, True: true, Off: start}, p.word("true")
	case c == 'f':
		return Value{Kind: Bool, Off: start}, p.word("false")
	case c == 'n':
		return Value{Kind: Null, Off: start}, p.word("null")
	}
	return Value{}, p.unexpected("looking for beginning of value")
}

func (p *parser) word(w string) error {
	for j := 0; j < len(w); j++ {
		if p.i >= len(p.d) || p.d[p.i] != w[j] {
			return p.unexpected("in literal " + w)
		}
		p.i++
	}
	return nil
}

func (p *parser) object(depth int) (Value, error) {
	v := Value{Kind: Object, Off: p.i}
	if depth > MaxDepth {
		return v, p.fail("exceeded max depth")
	}
	p.i++ // {
	p.space()
	if p.i < len(p.d) && p.d[p.i] == '}' {
		p.i++
		return v, nil
	}
	for {
		p.space()
		if p.i >= len(p.d) || p.d[p.i] != '"' {
			return v, p.unexpected("looking for beginning of object key string")
		}
		k, err := p.str()
		if err != nil {
			return v, err
		}
		p.space()
		if p.i >= len(p.d) || p.d[p.i] != ':' {
			return v, p.unexpected("after object key")
		}
		p.i++
		p.space()
		x, err := p.value(depth)
		if err != nil {
			return v, err
		}
		v.Keys = append(v.Keys, k)
		v.Items = append(v.Items, x)
		p.space()
		if p.i < len(p.d) && p.d[p.i] == ',' {
			p.i++
			continue
		}
		if p.i < len(p.d) && p.d[p.i] == '}' {
			p.i++
			return v, nil
		}
		return v, p.unexpected("after object key:value pair")
	}
}

func (p *parser) list(depth int) (Value, error) {
	v := Value{Kind: List, Off: p.i}
	if depth > MaxDepth {
		return v, p.fail("exceeded max depth")
	}
	p.i++ // [
	p.space()
	if p.i < len(p.d) && p.d[p.i] == ']' {
		p.i++
		v.Items = []Value{}
		return v, nil
	}
	for {
		p.space()
		x, err := p.value(depth)
		if err != nil {
			return v, err
		}
		v.Items = append(v.Items, x)
		p.space()
		if p.i < len(p.d) && p.d[p.i] == ',' {
			p.i++
			continue
		}
		if p.i < len(p.d) && p.d[p.i] == ']' {
			p.i++
			return v, nil
		}
		return v, p.unexpected("after array element")
	}
}

func digits(d []byte, i int) int {
	for i < len(d) && d[i] >= '0' && d[i] <= '9' {
		i++
	}
	return i
}

// number reads -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *parser) number() (Value, error) {
	start := p.i
	if p.d[p.i] == '-' {
		p.i++
	}
	switch {
	case p.i < len(p.d) && p.d[p.i] == '0':
		p.i++
	case p.i < len(p.d) && p.d[p.i] >= '1' && p.d[p.i] <= '9':
		p.i = digits(p.d, p.i)
	default:
		return Value{}, p.unexpected("in numeric literal")
	}
	if p.i < len(p.d) && p.d[p.i] == '.' {
		p.i++
		if j := digits(p.d, p.i); j == p.i {
			return Value{}, p.unexpected("after decimal point in numeric literal")
		} else {
			p.i = j
		}
	}
	if p.i < len(p.d) && (p.d[p.i] == 'e' || p.d[p.i] == 'E') {
		p.i++
		if p.i < len(p.d) && (p.d[p.i] == '+' || p.d[p.i] == '-') {
			p.i++
		}
		if j := digits(p.d, p.i); j == p.i {
			return Value{}, p.unexpected("in exponent of numeric literal")
		} else {
			p.i = j
		}
	}
	return Value{Kind: Number, Text: string(p.d[start:p.i]), Off: start}, nil
}

// str reads a string, its escapes decoded; invalid UTF-8 and lone
// surrogates become U+FFFD, as encoding/json reads them.
func (p *parser) str() (string, error) {
	p.i++ // "
	start := p.i
	// The common case: no escapes, valid UTF-8.
	for p.i < len(p.d) {
		c := p.d[p.i]
		if c == '"' {
			s := p.d[start:p.i]
			p.i++
			if utf8.Valid(s) {
				return string(s), nil
			}
			return string(toValid(s)), nil
		}
		if c == '\\' || c < 0x20 {
			break
		}
		p.i++
	}
	b := append([]byte(nil), p.d[start:p.i]...)
	for p.i < len(p.d) {
		c := p.d[p.i]
		switch {
		case c == '"':
			p.i++
			return string(toValid(b)), nil
		case c < 0x20:
			return "", p.unexpected("in string literal")
		case c == '\\':
			p.i++
			if p.i >= len(p.d) {
				return "", p.fail("unexpected end of JSON input")
			}
			e := p.d[p.i]
			p.i++
			switch e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, ok := p.hex4()
				if !ok {
					return "", p.unexpected("in \\u hexadecimal character escape")
				}
				if utf16.IsSurrogate(r) {
					save := p.i
					if p.i+1 < len(p.d) && p.d[p.i] == '\\' && p.d[p.i+1] == 'u' {
						p.i += 2
						if r2, ok := p.hex4(); ok {
							if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
								b = utf8.AppendRune(b, d)
								continue
							}
						}
					}
					p.i = save
					r = utf8.RuneError
				}
				b = utf8.AppendRune(b, r)
			default:
				p.i--
				return "", p.unexpected("in string escape code")
			}
		default:
			b = append(b, c)
			p.i++
		}
	}
	return "", p.fail("unexpected end of JSON input")
}

func (p *parser) hex4() (rune, bool) {
	if p.i+4 > len(p.d) {
		return 0, false
	}
	var r rune
	for _, c := range p.d[p.i : p.i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	p.i += 4
	return r, true
}

// toValid replaces each invalid UTF-8 byte with U+FFFD.
func toValid(s []byte) []byte {
	if utf8.Valid(s) {
		return s
	}
	out := make([]byte, 0, len(s)+8)
	for len(s) > 0 {
		r, n := utf8.DecodeRune(s)
		if r == utf8.RuneError && n == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, s[:n]...)
		}
		s = s[n:]
	}
	return out
}
