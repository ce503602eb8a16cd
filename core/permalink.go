package core

import (
	"encoding/base64"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/cpocalc/cpocalc/core/label"

	"github.com/cpocalc/cpocalc/core/wire"
)

// Permalinks carry a scenario in a URL fragment a reader can read and
// edit: "v=1&gpus=131072&lane_gbps=400". The version comes first; then
// only the fields that differ from DefaultScenario, each under its path in
// the scenario's JSON ("scale_up.domain_gpus", "params.laser_fit"). Tiers
// are "tiers.<i>.<field>", i from 0 as in the JSON, each compared with the
// tier the model would add at that place (AddedTier), and "tiers=<n>" when
// the list is not the default's length. The default scenario is "v=1".
//
// The first links were "<version>.<payload>", the payload the base64url
// of the same differences as a JSON object ("1.eyJncHVzIjoxMDAwfQ");
// DecodePermalink still reads them, so links already shared keep working.

// ErrPermalink is wrapped by every permalink decoding error.
var ErrPermalink = errors.New("permalink")

// PermalinkError says why a permalink could not be read.
type PermalinkError struct {
	Link   string // the text given (shortened)
	Reason label.Text
	Err    error // an *InputError when the scenario inside was invalid
}

// Error is the message in English.
func (e *PermalinkError) Error() string { return e.Message(label.English) }

// Message says, in c's language, which link could not be read and why.
func (e *PermalinkError) Message(c *label.Catalogue) string {
	return c.Format("link.error", "link", quote(e.Link), "reason", e.Why(c))
}

// Why says, in c's language, why the link could not be read, without the
// link: its reason and the input error behind it. A page that shows the
// link beside it says this.
func (e *PermalinkError) Why(c *label.Catalogue) string {
	if e.Err != nil {
		return c.Format("link.why", "reason", c.Say(e.Reason), "error", ErrorText(c, e.Err))
	}
	return c.Say(e.Reason)
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
// technology as auto, no params as nil, one plane as none given, a
// left-out oversubscription as 1
// and a left-out switch cooling as air. Permalinks store canonical
// scenarios, so a form that writes every field explicitly gets the same
// short link as one that leaves defaults out.
func (s Scenario) Canonical() Scenario {
	s.V = Version
	if s.ScaleUp.AWG == DefaultAWG {
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
			if t.AWG == DefaultAWG {
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
	if s.ScaleOut.Planes == 1 {
		s.ScaleOut.Planes = 0 // one plane, said the short way
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
	b := make([]byte, 0, 64)
	b = append(b, "v="...)
	b = strconv.AppendInt(b, int64(Version), 10)
	pair := func(key string, value []byte) {
		b = append(b, '&')
		b = append(b, key...)
		b = append(b, '=')
		b = append(b, value...)
	}
	for i := range scenarioFields {
		f := &scenarioFields[i]
		switch f.name {
		case "v":
		case "scale_up":
			b = appendPairs(b, scaleUpFields, &s.ScaleUp, &d.ScaleUp, "scale_up.")
		case "scale_out":
			b = appendPairs(b, scaleOutFields, &s.ScaleOut, &d.ScaleOut, "scale_out.")
		case "tiers":
			if len(s.Tiers) != len(d.Tiers) {
				pair("tiers", strconv.AppendInt(nil, int64(len(s.Tiers)), 10))
			}
			for j := range s.Tiers {
				base := AddedTier(j).canonical()
				b = appendPairs(b, tierFields, &s.Tiers[j], &base, "tiers."+strconv.Itoa(j)+".")
			}
		case "params":
			ids := make([]string, 0, len(s.Params))
			for id := range s.Params {
				ids = append(ids, id)
			}
			slices.Sort(ids)
			for _, id := range ids {
				pair("params."+id, appendLinkNumber(nil, s.Params[id]))
			}
		default:
			b = appendPairs(b, scenarioFields[i:i+1], &s, &d, "")
		}
	}
	return string(b), nil
}

// appendPairs writes the scalar fields of t that differ from base as
// "&<prefix><name>=<value>".
func appendPairs[T any](b []byte, fields []jsonField[T], t, base T, prefix string) []byte {
	for i := range fields {
		f := &fields[i]
		var v []byte
		switch {
		case f.num != nil:
			if *f.num(t) == *f.num(base) {
				continue
			}
			v = appendLinkNumber(nil, *f.num(t))
		case f.whole != nil:
			if *f.whole(t) == *f.whole(base) {
				continue
			}
			v = strconv.AppendInt(nil, int64(*f.whole(t)), 10)
		case f.text != nil:
			if *f.text(t) == *f.text(base) {
				continue
			}
			v = appendLinkText(nil, *f.text(t))
		default:
			continue
		}
		b = append(b, '&')
		b = append(b, prefix...)
		b = append(b, f.name...)
		b = append(b, '=')
		b = append(b, v...)
	}
	return b
}

// appendLinkNumber writes a number as a person types it: no exponent for
// everyday sizes, every digit it needs to read back exactly.
func appendLinkNumber(b []byte, v float64) []byte {
	if a := math.Abs(v); a == 0 || (a >= 1e-6 && a < 1e21) {
		return strconv.AppendFloat(b, v, 'f', -1, 64)
	}
	return strconv.AppendFloat(b, v, 'g', -1, 64)
}

// appendLinkText writes a text value, %-escaping all but the characters
// a URL fragment carries as they are.
func appendLinkText(b []byte, v string) []byte {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(v); i++ {
		c := v[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' {
			b = append(b, c)
			continue
		}
		b = append(b, '%', hex[c>>4], hex[c&15])
	}
	return b
}

// canonical is a tier as Canonical writes it.
func (t Tier) canonical() Tier {
	s := Scenario{Tiers: []Tier{t}}.Canonical()
	return s.Tiers[0]
}

// DecodePermalink reads a permalink (the text after "#s=" or "?s=", or the
// whole URL fragment) back into a scenario, validated. Garbage, tampering
// and unknown versions give a *PermalinkError; it never panics.
func DecodePermalink(link string) (Scenario, error) {
	shown := link
	if len(shown) > 80 {
		shown = shown[:80]
	}
	fail := func(reason label.Text, err error) (Scenario, error) {
		return DefaultScenario(), &PermalinkError{Link: shown, Reason: reason, Err: err}
	}
	if len(link) > maxPermalink {
		return fail(label.Msg("link.too_long", "n", strconv.Itoa(len(link)), "max", strconv.Itoa(maxPermalink)), nil)
	}
	link = strings.TrimSpace(link)
	link = strings.TrimPrefix(link, "#")
	link = strings.TrimPrefix(link, "?")
	link, _ = SplitVersion(link) // the model's version is the link's, not the scenario's
	if strings.HasPrefix(link, "v=") {
		s, reason, err := decodeReadable(link)
		if !reason.IsZero() {
			return fail(reason, err)
		}
		return s, nil
	}
	old := strings.HasPrefix(link, "s=")
	link = strings.TrimPrefix(link, "s=")
	dot := strings.IndexByte(link, '.')
	if dot < 0 {
		if old { // the first release's form
			return fail(label.Msg("link.damaged_start", "start", "s="+strconv.Itoa(Version)+"."), nil)
		}
		return fail(label.Msg("link.no_version", "start", "v="+strconv.Itoa(Version)), nil)
	}
	// The version as the encoder writes it, and only so: "+1." and "01."
	// are not links this site made.
	if v := link[:dot]; v == "" || (len(v) > 1 && v[0] == '0') || strings.Trim(v, "0123456789") != "" {
		return fail(label.Msg("link.no_version_dot"), nil)
	}
	v, err := strconv.Atoi(link[:dot])
	if err != nil {
		return fail(label.Msg("link.no_version_dot"), nil)
	}
	if v != Version {
		return fail(label.Msg("link.version", "v", strconv.Itoa(v), "version", strconv.Itoa(Version)), nil)
	}
	payload := link[dot+1:]
	if payload == "" {
		return DefaultScenario(), nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(payload)
	if err != nil {
		return fail(label.Msg("link.not_base64"), nil)
	}
	if len(raw) == 0 || raw[0] != '{' {
		return fail(label.Msg("link.empty"), nil)
	}
	doc, err := wire.Parse(raw)
	if err != nil {
		return fail(label.Msg("link.not_json"), nil)
	}
	if _, ok := doc.Get("v"); ok {
		return fail(label.Msg("link.repeats"), nil)
	}
	s, err := readScenario(&doc)
	if err != nil {
		return fail(label.Msg("link.unreadable"), err)
	}
	if err := Validate(s); err != nil {
		return fail(label.Msg("link.out_of_range"), err)
	}
	return s.Canonical(), nil
}

// decodeReadable reads a permalink of "key=value" pairs, "v=" first. It returns why
// it cannot, in the words of a PermalinkError, and the input error behind.
func decodeReadable(link string) (Scenario, label.Text, error) {
	s := DefaultScenario()
	pairs := strings.Split(link, "&")
	seen := make(map[string]bool, len(pairs))
	for _, p := range pairs {
		if p == "" {
			continue
		}
		eq := strings.IndexByte(p, '=')
		if eq <= 0 {
			return s, label.Msg("link.not_pair", "pair", shorten(p)), nil
		}
		key, raw := p[:eq], p[eq+1:]
		if seen[key] {
			return s, label.Msg("link.twice", "key", shorten(key)), nil
		}
		seen[key] = true
		value, ok := unescapeLink(raw)
		if !ok {
			return s, label.Msg("link.bad_escape", "key", shorten(key)), nil
		}
		if key == "v" { // first: the link starts "v=", and a second is given twice
			if value != strconv.Itoa(Version) {
				return s, label.Msg("link.version", "v", shorten(value), "version", strconv.Itoa(Version)), nil
			}
			continue
		}
		if err := setLinkField(&s, key, value); err != nil {
			return s, label.Msg("link.unreadable"), err
		}
	}
	if err := Validate(s); err != nil {
		return s, label.Msg("link.out_of_range"), err
	}
	return s.Canonical(), label.Text{}, nil
}

// setLinkField reads one key=value of a readable permalink onto s, through
// the scenario's own JSON reader: the same fields, the same messages.
func setLinkField(s *Scenario, key, value string) error {
	v := linkValue(value)
	parts := strings.Split(key, ".")
	if parts[0] == "tiers" {
		if len(parts) == 1 {
			n, ok := v.Int()
			if !ok || n < 0 || n > MaxTiers {
				return refuse("tiers", shorten(value), label.Msg("link.tiers_allowed", "max", strconv.Itoa(MaxTiers)), "link.tiers_reason")
			}
			for len(s.Tiers) < n {
				s.Tiers = append(s.Tiers, AddedTier(len(s.Tiers)))
			}
			s.Tiers = s.Tiers[:n]
			return nil
		}
		i, err := strconv.Atoi(parts[1])
		if len(parts) != 3 || err != nil || i < 0 || i >= len(s.Tiers) {
			return refuse(shorten(key), shorten(value), label.Msg("link.tier_allowed", "max", strconv.Itoa(len(s.Tiers)-1)), "link.tier_reason")
		}
		obj := wire.Value{Kind: wire.Object, Keys: parts[2:], Items: []wire.Value{v}}
		return readObject(tierFields, &s.Tiers[i], &obj, "tiers["+parts[1]+"]")
	}
	if len(parts) > 2 {
		return refuse(shorten(key), shorten(value), label.Msg("link.fields_allowed"), "link.field_reason")
	}
	// "scale_up.lane_gbps=100" reads as {"scale_up": {"lane_gbps": 100}}.
	for i := len(parts) - 1; i > 0; i-- {
		v = wire.Value{Kind: wire.Object, Keys: parts[i : i+1], Items: []wire.Value{v}}
	}
	root := wire.Value{Kind: wire.Object, Keys: parts[:1], Items: []wire.Value{v}}
	return readObject(scenarioFields, s, &root, "")
}

// linkValue is a permalink value as JSON would have it: a number when it
// reads as one, otherwise a string.
func linkValue(text string) wire.Value {
	if v, err := wire.Parse([]byte(text)); err == nil && v.Kind == wire.Number {
		return v
	}
	return wire.Value{Kind: wire.String, Text: text}
}

// unescapeLink undoes %-escapes; false for a malformed one.
func unescapeLink(s string) (string, bool) {
	if strings.IndexByte(s, '%') < 0 {
		return s, true
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			b = append(b, s[i])
			continue
		}
		if i+2 >= len(s) {
			return "", false
		}
		h, ok1 := unhex(s[i+1])
		l, ok2 := unhex(s[i+2])
		if !ok1 || !ok2 {
			return "", false
		}
		b = append(b, h<<4|l)
		i += 2
	}
	return string(b), true
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// shorten keeps a piece of a link short enough to quote in a message.
func shorten(s string) string {
	if len(s) <= 40 {
		return s
	}
	n := 40
	for n > 0 && s[n]&0xC0 == 0x80 { // not inside a UTF-8 sequence
		n--
	}
	return s[:n] + "…"
}

// A comparison's link carries two scenarios: B's permalink, then the pairs
// of A's, each with pairPrefix before it ("v=1&gpus=4096&a.v=1&a.gpus=2048").
const pairPrefix = "a."

// versionKey names the model version a link was made with ("mv=3.2"):
// read by the page to say that a link's numbers were another version's,
// ignored by the scenario.
const versionKey = "mv="

// VersionedLink is a link as a reader shares it: with the model version
// it was made with, after its fields (the default scenario's "v=1" alone
// carries none: it names no numbers of its own).
func VersionedLink(link string) string {
	if link == "" || link == "v="+strconv.Itoa(Version) {
		return link
	}
	return link + "&" + versionKey + ModelVersion
}

// SplitVersion returns a link without its model version, and that version
// ("" where it has none).
func SplitVersion(link string) (rest, version string) {
	if !strings.Contains(link, versionKey) {
		return link, ""
	}
	var kept []string
	for _, p := range strings.Split(link, "&") {
		if v, ok := strings.CutPrefix(p, versionKey); ok {
			version = v
			continue
		}
		kept = append(kept, p)
	}
	return strings.Join(kept, "&"), version
}

// PairLink returns the link of a comparison: B's permalink with A's pairs
// after it (B's alone when a is "").
func PairLink(b, a string) string {
	if a == "" {
		return b
	}
	return b + "&" + pairPrefix + strings.ReplaceAll(a, "&", "&"+pairPrefix)
}

// SplitPair returns the permalinks of B and of A in a link ("" for an A
// it does not carry).
func SplitPair(link string) (b, a string) {
	for link != "" {
		var p string
		p, link, _ = strings.Cut(link, "&")
		if q, ok := strings.CutPrefix(p, pairPrefix); ok {
			a += "&" + q
		} else {
			b += "&" + p
		}
	}
	return strings.TrimPrefix(b, "&"), strings.TrimPrefix(a, "&")
}

// PairError is a mistake of a comparison's pinned scenario A: its own
// error, said to be A's.
type PairError struct{ Err error }

func (e *PairError) Error() string { return e.Err.Error() }

// Message is A's mistake in c's language.
func (e *PairError) Message(c *label.Catalogue) string { return ErrorText(c, e.Err) }

func (e *PairError) Unwrap() error { return e.Err }

// DecodePair reads a link that may carry a comparison: scenario B, and
// the pinned A (nil when the link carries none). A mistake in A comes as a
// *PairError.
func DecodePair(link string) (b Scenario, a *Scenario, err error) {
	link, _ = SplitVersion(link)
	bl, al := SplitPair(link)
	if b, err = DecodePermalink(bl); err != nil {
		return b, nil, err
	}
	if al == "" {
		return b, nil, nil
	}
	s, err := DecodePermalink(al)
	if err != nil {
		return b, nil, &PairError{Err: err}
	}
	return b, &s, nil
}

// LinkFields lists a permalink's fields for a reader ("gpus=4096,
// lane_gbps=100"): "" for the default scenario's.
func LinkFields(permalink string) string {
	rest, _ := strings.CutPrefix(permalink, "v="+strconv.Itoa(Version))
	rest = strings.TrimPrefix(rest, "&")
	return strings.ReplaceAll(rest, "&", ", ")
}
