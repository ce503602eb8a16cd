package core

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
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

type scaleUpDiff struct {
	DomainGPUs *int     `json:"domain_gpus,omitempty"`
	LaneGbps   *float64 `json:"lane_gbps,omitempty"`
	FEC        *string  `json:"fec,omitempty"`
	GbpsPerGPU *float64 `json:"gbps_per_gpu,omitempty"`
	Tech       *Tech    `json:"tech,omitempty"`
	LengthM    *float64 `json:"length_m,omitempty"`
	AWG        *int     `json:"awg,omitempty"`
}

type scaleOutDiff struct {
	GbpsPerGPU  *float64 `json:"gbps_per_gpu,omitempty"`
	PortGbps    *float64 `json:"port_gbps,omitempty"`
	SwitchRadix *int     `json:"switch_radix,omitempty"`
	Tiers       *int     `json:"tiers,omitempty"`
	NICTech     *Tech    `json:"nic_tech,omitempty"`
	Oversub     *float64 `json:"oversubscription,omitempty"`
}

type scenarioDiff struct {
	GPUs              *int               `json:"gpus,omitempty"`
	GPUWatts          *float64           `json:"gpu_watts,omitempty"`
	LaneGbps          *float64           `json:"lane_gbps,omitempty"`
	ScaleUp           *scaleUpDiff       `json:"scale_up,omitempty"`
	ScaleOut          *scaleOutDiff      `json:"scale_out,omitempty"`
	Tiers             []Tier             `json:"tiers,omitempty"`
	SwitchCooling     *string            `json:"switch_cooling,omitempty"`
	PUE               *float64           `json:"pue,omitempty"`
	USDPerKWh         *float64           `json:"usd_per_kwh,omitempty"`
	FiberCNYPerCoreKm *float64           `json:"fiber_cny_per_core_km,omitempty"`
	Params            map[string]float64 `json:"params,omitempty"`
}

func diffPtr[T comparable](v, def T) *T {
	if v == def {
		return nil
	}
	return &v
}

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
	var diff scenarioDiff
	diff.GPUs = diffPtr(s.GPUs, d.GPUs)
	diff.GPUWatts = diffPtr(s.GPUWatts, d.GPUWatts)
	diff.LaneGbps = diffPtr(s.LaneGbps, d.LaneGbps)
	su := scaleUpDiff{
		DomainGPUs: diffPtr(s.ScaleUp.DomainGPUs, d.ScaleUp.DomainGPUs),
		GbpsPerGPU: diffPtr(s.ScaleUp.GbpsPerGPU, d.ScaleUp.GbpsPerGPU),
		Tech:       diffPtr(s.ScaleUp.Tech, d.ScaleUp.Tech),
		LengthM:    diffPtr(s.ScaleUp.LengthM, d.ScaleUp.LengthM),
		AWG:        diffPtr(s.ScaleUp.AWG, d.ScaleUp.AWG),
		LaneGbps:   diffPtr(s.ScaleUp.LaneGbps, d.ScaleUp.LaneGbps),
		FEC:        diffPtr(s.ScaleUp.FEC, d.ScaleUp.FEC),
	}
	if su != (scaleUpDiff{}) {
		diff.ScaleUp = &su
	}
	so := scaleOutDiff{
		GbpsPerGPU:  diffPtr(s.ScaleOut.GbpsPerGPU, d.ScaleOut.GbpsPerGPU),
		PortGbps:    diffPtr(s.ScaleOut.PortGbps, d.ScaleOut.PortGbps),
		SwitchRadix: diffPtr(s.ScaleOut.SwitchRadix, d.ScaleOut.SwitchRadix),
		Tiers:       diffPtr(s.ScaleOut.Tiers, d.ScaleOut.Tiers),
		NICTech:     diffPtr(s.ScaleOut.NICTech, d.ScaleOut.NICTech),
		Oversub:     diffPtr(s.ScaleOut.Oversubscription, d.ScaleOut.Oversubscription),
	}
	if so != (scaleOutDiff{}) {
		diff.ScaleOut = &so
	}
	if !reflect.DeepEqual(s.Tiers, d.Tiers) {
		diff.Tiers = s.Tiers
	}
	diff.SwitchCooling = diffPtr(s.SwitchCooling, d.SwitchCooling)
	diff.PUE = diffPtr(s.PUE, d.PUE)
	diff.USDPerKWh = diffPtr(s.USDPerKWh, d.USDPerKWh)
	diff.FiberCNYPerCoreKm = diffPtr(s.FiberCNYPerCoreKm, d.FiberCNYPerCoreKm)
	if len(s.Params) > 0 {
		diff.Params = s.Params
	}
	b, err := json.Marshal(diff)
	if err != nil {
		return "", err
	}
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
	var probe map[string]json.RawMessage
	if err := json.NewDecoder(bytes.NewReader(raw)).Decode(&probe); err != nil {
		return fail("is damaged (the scenario inside is not JSON)", nil)
	}
	if _, ok := probe["v"]; ok {
		return fail("is damaged (it repeats its version inside)", nil)
	}
	s, err := ParseScenario(raw)
	if err != nil {
		return fail("holds a scenario this calculator cannot read", err)
	}
	if err := Validate(s); err != nil {
		return fail("holds a value out of range", err)
	}
	return s.Canonical(), nil
}
