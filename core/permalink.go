package core

import (
	"encoding/base64"
	"errors"
	"strconv"
	"strings"

	"github.com/cpocalc/cpocalc/core/wire"
)

// Permalinks carry a scenario in a URL: "<version>.<payload>", the payload
// the base64url (no padding) of a JSON object holding only the fields that
// differ from DefaultScenario. The default scenario encodes as "1." alone.
// Decoding merges the payload onto the defaults of that version, so a link
// stays short and still reads back exactly.

// ErrPermalink is wrapped by every permalink decoding error.
var ErrPermalink = errors.New("permalink")

// PermalinkError says why a permalink could not be read.
type PermalinkError struct {
	Link   string // the text given (shortened)
	Reason string
	Err    error // an *InputError when the scenario inside was invalid
}

func (e *PermalinkError) Error() string {
	s := "permalink " + quote(e.Link) + ": " + e.Reason
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *PermalinkError) Unwrap() []error {
	if e.Err != nil {
		return []error{ErrPermalink, e.Err}
	}
	return []error{ErrPermalink}
}

// maxPermalink bounds the text a decoder reads.
const maxPermalink = 8192

// Canonical returns s with every field that has two spellings of one
// meaning written one way: the version set, a gauge of 26 AWG and
// single-mode fibre left as their zero values (which mean them), an empty
// technology as auto, no params as nil, a left-out oversubscription as 1
// and a left-out switch cooling as air. Permalinks store canonical
// scenarios, so a form that writes every field explicitly gets the same
// short link as one that leaves defaults out.
func (s Scenario) Canonical() Scenario {
	s.V = Version
	if s.ScaleUp.AWG == defaultAWG {
		s.ScaleUp.AWG = 0
	}
	if s.ScaleUp.Tech == "" {
		s.ScaleUp.Tech = Auto
	}
	if s.ScaleUp.FEC == FECStandard {
		s.ScaleUp.FEC = ""
	}
	if s.ScaleUp.LaneGbps == s.LaneGbps {
		s.ScaleUp.LaneGbps = 0 // the same lane, said the short way
	}
	if len(s.Tiers) > 0 {
		ts := make([]Tier, len(s.Tiers))
		for i, t := range s.Tiers {
			if t.AWG == defaultAWG {
				t.AWG = 0
			}
			if t.Fiber == SMF {
				t.Fiber = ""
			}
			if t.Tech == "" {
				t.Tech = Auto
			}
			ts[i] = t
		}
		s.Tiers = ts
	}
	if len(s.Params) == 0 {
		s.Params = nil
	}
	if s.ScaleOut.Oversubscription == 0 {
		s.ScaleOut.Oversubscription = 1
	}
	if s.SwitchCooling == "" {
		s.SwitchCooling = CoolingAir
	}
	return s
}

// EncodePermalink returns the permalink text of a valid scenario.
func EncodePermalink(s Scenario) (string, error) {
	if err := Validate(s); err != nil {
		return "", err
	}
	return encodeValid(s)
}

// Permalink returns the permalink of the result's scenario, which
// Evaluate has validated already.
func (r *Result) Permalink() string {
	link, err := encodeValid(r.Scenario)
	if err != nil {
		return strconv.Itoa(Version) + "."
	}
	return link
}

// encodeValid encodes a scenario known to be valid.
func encodeValid(s Scenario) (string, error) {
	s = s.Canonical()
	d := DefaultScenario()
	w := wire.W{B: make([]byte, 0, 256)}
	writeObject(&w, scenarioFields, &s, &d)
	b := w.B
	prefix := strconv.Itoa(Version) + "."
	if string(b) == "{}" {
		return prefix, nil
	}
	return prefix + base64.RawURLEncoding.EncodeToString(b), nil
}

// DecodePermalink reads a permalink (the text after "#s=" or "?s=", or the
// whole URL fragment) back into a scenario, validated. Garbage, tampering
// and unknown versions give a *PermalinkError; it never panics.
func DecodePermalink(link string) (Scenario, error) {
	shown := link
	if len(shown) > 80 {
		shown = shown[:80]
	}
	fail := func(reason string, err error) (Scenario, error) {
		return DefaultScenario(), &PermalinkError{Link: shown, Reason: reason, Err: err}
	}
	if len(link) > maxPermalink {
		return fail("is too long ("+strconv.Itoa(len(link))+" characters; at most "+strconv.Itoa(maxPermalink)+")", nil)
	}
	link = strings.TrimSpace(link)
	link = strings.TrimPrefix(link, "#")
	link = strings.TrimPrefix(link, "s=")
	dot := strings.IndexByte(link, '.')
	if dot < 0 {
		return fail("has no version (it should start with \""+strconv.Itoa(Version)+".\")", nil)
	}
	v, err := strconv.Atoi(link[:dot])
	if err != nil {
		return fail("has no version number before the first dot", nil)
	}
	if v != Version {
		return fail("is version "+strconv.Itoa(v)+"; this calculator reads version "+strconv.Itoa(Version), nil)
	}
	payload := link[dot+1:]
	if payload == "" {
		return DefaultScenario(), nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(payload)
	if err != nil {
		return fail("is damaged (not base64url)", nil)
	}
	if len(raw) == 0 || raw[0] != '{' {
		return fail("is damaged (no scenario inside)", nil)
	}
	doc, err := wire.Parse(raw)
	if err != nil {
		return fail("is damaged (the scenario inside is not JSON)", nil)
	}
	if _, ok := doc.Get("v"); ok {
		return fail("is damaged (it repeats its version inside)", nil)
	}
	s, err := readScenario(&doc)
	if err != nil {
		return fail("holds a scenario this calculator cannot read", err)
	}
	if err := Validate(s); err != nil {
		return fail("holds a value out of range", err)
	}
	return s.Canonical(), nil
}
