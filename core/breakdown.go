package core

// The parts of an end's energy and of a link's latency. Each is an index
// into a breakdown array and a row of the parts' tables, whose keys are the
// JSON keys of the contract's breakdowns.

// EnergyPart is a component of the energy per bit of one end.
type EnergyPart int

// Energy parts, in the order the breakdown lists them.
const (
	EnergyHostSerDes EnergyPart = iota // the host ASIC's SerDes lanes driving this end
	EnergyFEC                          // the link's error-correcting codes in the host (outer code, an inner one the host decodes)
	EnergyFixed                        // a fixed draw per end (a cable's EEPROM, a module's controller), per bit
	EnergyRedriver                     // linear redriver of an active copper cable
	EnergyRetimer                      // retimer of an active electrical cable
	EnergyDSP                          // DSP of a pluggable module
	EnergyDriverTIA                    // modulator driver and transimpedance amplifier (EIC in CPO)
	EnergyModulator                    // modulator tuning (CPO rings)
	EnergyLaser                        // lasers (external laser source share in CPO)
	EnergyOverhead                     // module controller and power conversion
	NumEnergyParts
)

// EnergyKeys are the energy parts' JSON keys.
var EnergyKeys = [NumEnergyParts]string{"host_serdes", "fec", "fixed", "redriver", "retimer", "dsp", "driver_tia", "modulator", "laser", "overhead"}

// EnergyBreakdown is the energy per bit of one end, per direction, by
// part (the project's convention: E_b = P_end / R).
type EnergyBreakdown [NumEnergyParts]EnergyPerBit

// Device returns the energy of the interconnect device, without the host.
func (e *EnergyBreakdown) Device() EnergyPerBit {
	var d EnergyPerBit
	for _, x := range e[EnergyFEC+1:] {
		d += x
	}
	return d
}

// Host returns the energy in the host chip: its SerDes and codes.
func (e *EnergyBreakdown) Host() EnergyPerBit { return e[EnergyHostSerDes] + e[EnergyFEC] }

// Total returns the whole energy per bit at this end.
func (e *EnergyBreakdown) Total() EnergyPerBit { return e.Host() + e.Device() }

// LatencyPart is a component of a link's one-way latency.
type LatencyPart int

// Latency parts, in the order the breakdown lists them.
const (
	LatencyFlight        LatencyPart = iota // propagation: fibre or cable, and the traces
	LatencySerDes                           // transmit and receive SerDes
	LatencyFECAccumulate                    // waiting for the FEC codeword(s) to arrive
	LatencyFECDecode                        // decoding them
	LatencyInnerFEC                         // an optical link's inner code (802.3dj, 200 Gb/s per lane and faster)
	LatencyDSP                              // module DSPs
	LatencyRetimer                          // cable retimers
	NumLatencyParts
)

// LatencyKeys are the latency parts' JSON keys.
var LatencyKeys = [NumLatencyParts]string{"flight", "serdes", "fec_accumulation", "fec_decode", "fec_inner", "dsp", "retimer"}

// LatencyBreakdown is the one-way latency of a link by part.
type LatencyBreakdown [NumLatencyParts]Time

// Total returns the sum.
func (l *LatencyBreakdown) Total() Time {
	var t Time
	for _, x := range l {
		t += x
	}
	return t
}
