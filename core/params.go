package core

import (
	"math"
	"slices"

	"github.com/cpocalc/cpocalc/core/format"
	"github.com/cpocalc/cpocalc/core/label"
)

// paramSet holds the value of every catalogue parameter for one evaluation:
// the defaults, with the scenario's overrides applied. Reads go through
// typed accessors that convert from the catalogue unit to SI. When a tracker
// is attached, every read is recorded, which is how Explain names the
// parameters behind a number without a hand-kept list that could drift.
type paramSet struct {
	v          [numParams]float64
	overridden [numParams]bool
	tr         *tracer
}

// tracker records which parameters a computation read.
type tracker struct {
	used [(int(numParams) + 63) / 64]uint64
}

func (t *tracker) mark(id paramID)     { t.used[id/64] |= 1 << (uint(id) % 64) }
func (t *tracker) has(id paramID) bool { return t.used[id/64]&(1<<(uint(id)%64)) != 0 }

func (t *tracker) or(o *tracker) {
	for i := range t.used {
		t.used[i] |= o.used[i]
	}
}

func (t *tracker) ids() []paramID {
	var out []paramID
	for i := paramID(0); i < numParams; i++ {
		if t.has(i) {
			out = append(out, i)
		}
	}
	return out
}

func defaultParams() paramSet {
	var p paramSet
	for i := range catalogue {
		p.v[i] = catalogue[i].Default
	}
	return p
}

// resolveParams applies overrides to the defaults. Unknown ids and values
// outside a parameter's range are errors naming the field.
// retiredParams are parameters an older model had, with what stands for
// them now: a link that sets one is told so rather than read another way.
var retiredParams = map[string]string{
	"retimer_ns": "dsp_ns", // a retimer's latency is a DSP's datapath
	// Lasers became counted parts, each powered from its link budget.
	"laser_pj":     "eml_wpe, eml_cooler_w and eml_loss_db",
	"vcsel_pj":     "vcsel_wpe and vcsel_loss_db",
	"fr_laser_pj":  "fr_tx_dbm and wdm_mux_db",
	"lr_laser_pj":  "lr_tx_dbm and wdm_mux_db",
	"cpo_laser_pj": "cw_wpe, cw_loss_db and els_fixed_w",
	"laser_scale":  "launch_step_db",
	// Switch boxes became chips of their generation with their SerDes.
	"switch_core_pj": "switch_chip_25g_w … switch_chip_400g_w (a chip's published power; the model takes its SerDes out)",
}

func resolveParams(overrides map[string]float64) (paramSet, error) {
	p := defaultParams()
	if len(overrides) == 0 {
		return p, nil
	}
	// Report problems in a stable order.
	keys := make([]string, 0, len(overrides))
	for k := range overrides {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		v := overrides[k]
		field := "params." + k
		id, ok := paramIndex[k]
		if now, gone := retiredParams[k]; gone {
			return p, inputError(field, label.Plain(quote(k)), label.Msg("err.param_allowed"), label.Msg("err.param_retired", "now", now))
		}
		if !ok {
			return p, refuse(field, quote(k), label.Msg("err.param_allowed"), "err.param_unknown")
		}
		c := &catalogue[id]
		if err := checkRange(field, v, c.Low, c.High, c.Unit); err != nil {
			return p, err
		}
		if c.Integer && v != math.Trunc(v) {
			return p, refuse(field, format.English.Input(v), label.Msg("err.whole_range", "low", format.English.Input(c.Low), "high", format.English.Input(c.High)), "err.not_whole")
		}
		p.v[id] = v
		p.overridden[id] = true
	}
	return p, nil
}

func (p *paramSet) raw(id paramID) float64 {
	if p.tr != nil {
		p.tr.read(id)
	}
	return p.v[id]
}

func (p *paramSet) si(id paramID) float64 { return p.raw(id) * catalogue[id].scale }

func (p *paramSet) length(id paramID) Length             { return Length(p.si(id)) }
func (p *paramSet) decibel(id paramID) Decibel           { return Decibel(p.raw(id)) }
func (p *paramSet) dbm(id paramID) DBm                   { return DBm(p.raw(id)) }
func (p *paramSet) power(id paramID) Power               { return Power(p.si(id)) }
func (p *paramSet) energyPerBit(id paramID) EnergyPerBit { return EnergyPerBit(p.si(id)) }
func (p *paramSet) time(id paramID) Time                 { return Time(p.si(id)) }
func (p *paramSet) fit(id paramID) FIT                   { return FIT(p.raw(id)) }
func (p *paramSet) ratio(id paramID) float64             { return p.raw(id) }
func (p *paramSet) count(id paramID) int                 { return int(p.raw(id)) }
func (p *paramSet) attenuation(id paramID) Attenuation   { return Attenuation(p.si(id)) }
func (p *paramSet) bitRate(id paramID) BitRate           { return BitRate(p.si(id)) }
func (p *paramSet) conductivity(id paramID) Conductivity { return Conductivity(p.si(id)) }
func (p *paramSet) energy(id paramID) Energy             { return Energy(p.si(id)) }
