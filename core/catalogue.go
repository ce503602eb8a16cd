package core

// The parameter catalogue: every number the model uses that is not a law of
// physics or an exact definition. Each has a stable id (the key a scenario's
// "params" uses to override it), a unit, a default, the range the model
// accepts, and where it comes from. Values marked Estimate are the project's
// engineering estimates; values marked Calibration were fitted so that a
// published figure comes out of the model, and the fit is named.
//
// Energy convention: an energy per bit is per end device, per direction,
// E_b = P_end / R (a 10 W device moving 2 Tb/s each way is 5 pJ/bit).
// Electronic energies are given at 100 Gb/s per lane and scaled to other
// lane rates by cmos_scale per doubling; lasers are counted parts, each
// powered from the light its lanes need (laser.go).

// Confidence grades a parameter's source.
type Confidence string

// Confidence grades.
const (
	High     Confidence = "H" // a standard, an official datasheet, or several agreeing sources
	Medium   Confidence = "M" // a vendor claim or one decent secondary source
	Low      Confidence = "L" // a blog, a knowledge-base page, a summary of a slide
	Estimate Confidence = "E" // an unsourced engineering estimate
)

// Kind says how a parameter's default was obtained.
type Kind string

// Parameter kinds.
const (
	Sourced     Kind = "sourced"     // taken from the source named
	Estimated   Kind = "estimate"    // engineering estimate, no citation
	Calibration Kind = "calibration" // fitted so that a named published figure comes out
)

// Param describes one catalogue parameter.
type Param struct {
	_          noCompare
	ID         string     `json:"id"`
	Name       string     `json:"name"`
	Group      string     `json:"group"`
	Unit       string     `json:"unit"`
	Default    float64    `json:"default"`
	Low        float64    `json:"low"`
	High       float64    `json:"high"`
	Kind       Kind       `json:"kind"`
	Confidence Confidence `json:"confidence"`
	Source     string     `json:"source"`
	URL        string     `json:"url,omitempty"`
	Note       string     `json:"note,omitempty"`
	Integer    bool       `json:"integer,omitempty"` // only whole numbers are accepted
	// Spec marks a limit a standard or a specification sets (a loss
	// budget, a minimum launch power): the same in every uncertainty draw.
	Spec  bool    `json:"spec,omitempty"`
	scale float64 // SI value of one Unit
}

type paramID int

// noParam marks a row field that reads no parameter.
const noParam paramID = -1

// Parameter ids, in catalogue order.
const (
	pBudget25 paramID = iota
	pBudget50
	pBudget100
	pBudget200
	pBudget400
	pC2M25
	pC2M50
	pC2M100
	pC2M200
	pC2M400
	pBaud400

	pCuSigma
	pTwinaxRough
	pTwinaxEr
	pTwinaxTand
	pTwinaxZ

	pPCBWidth
	pPCBZ0
	pPCBDk
	pPCBDfMid
	pPCBDfULL
	pPkgWidth
	pPkgDk
	pPkgDf
	pPkgEscape
	pTransition
	pConnector
	pModuleTrace
	pCRHostTrace
	pC2MHostTrace
	pCPOTrace
	pNPOTrace
	pPlugTrace

	pACCGain
	pSBDPenalty
	pSBDFactor
	pPAMHiFactor
	pLPOGain
	pLPOPenalty

	pSerdesLR
	pSerdesC2M
	pSerdesXSR
	pCMOSScale

	pDACWatts
	pACCPJ
	pAECPJ
	pDSPPJ
	pLRODSPPJ
	pDriverTIAPJ
	pModuleOverheadPJ
	pModuleFixedW
	pLPODriverPJ
	pCPOEICPJ
	pCPOModPJ

	pDRTx
	pDRRx
	pDRConn
	pSMFLoss
	pSMFIndex
	pSRChannel
	pSRConn
	pMMFLoss
	pMMFIndex
	pMMFMaxLane
	pFRChannel
	pFRConn
	pLRChannel
	pLRConn
	pSMFLRLoss

	pSRTx
	pFRTx
	pLRTx
	pLaserMarginDB
	pLaunchStepDB
	pWDMMuxDB
	pEMLLossDB
	pEMLWPE
	pEMLCoolerW
	pVCSELLossDB
	pVCSELWPE
	pCWLossDB
	pCWWPE
	pCWCoolerW
	pELSLasers
	pELSFixedW
	pELSFIT

	pSerdesNS
	pFECDecodeNS
	pInnerFECNS
	pFECGain
	pRSFECPJ
	pInnerFECPJ
	pInnerFECGain
	pFECMargin
	pDSPNS
	pSwitchNS

	pLaserFIT
	pDSPFIT
	pModuleOtherFIT
	pCPOEngineFIT
	pCPOLaserFIT
	pCPOLanesPerLaser
	pDACFIT
	pACCFIT
	pAECFIT

	pCostDAC
	pCostACC
	pCostAEC
	pCostDSP
	pCostLPO
	pCostLRO
	pCostNPO
	pCostCPO

	pChip25
	pChip50
	pChip100
	pChip200
	pChip400
	pSwitchMgmtW
	pVRMEfficiency
	pFanShare
	pPumpShare
	pPSUEfficiency
	pSwitchFIT
	pNICWatts
	pSULinkLanes
	pSUSwitchPorts
	pModuleLanes
	pCPOEngineGbps
	pHouseholdKWh
	pJobStopShare
	pWorldFiber
	pPreformYield
	pSilicaDensity
	pCladdingUM
	pSwitchCost
	pCNYPerUSD

	numParams
)

const (
	srcIEEEbj      = "IEEE 802.3bj (100GBASE-KR4/CR4), via Intel AN 846"
	srcIEEEcd      = "IEEE 802.3cd (50GBASE-KR/CR)"
	srcIEEEck      = "IEEE P802.3ck objectives (2018)"
	srcIEEEdj      = "IEEE 802.3dj key motions (2024)"
	srcLinkX       = "NVIDIA LinkX cables and transceivers guide (2025)"
	srcHotChips    = "NVIDIA, Hot Chips 2025 (co-packaged optics talk)"
	srcRFEss       = "rfessentials knowledge base, laminate Df table"
	srcNagarajan   = "Nagarajan et al., IEEE JLT 2021; NVIDIA 800G OSFP datasheets (15-17 W)"
	srcTIAFOTC     = "TIA Fiber Optics Tech Consortium, IEEE 802.3 channel tables"
	srcCalibration = "calibration"
	srcAMDLR       = "AMD XAPP1392, PCB channel design guidelines: 'the die bump-to-die bump channel insertion loss budget is around 35 dB for long reach from 25 Gbps to 100 Gbps'"
)

var catalogue = [numParams]Param{
	// Signalling: die-to-die channel budgets at the Nyquist frequency.
	pBudget25:  {ID: "budget_25g_db", Name: "Die-to-die loss budget, 25 Gb/s NRZ lane (bump to bump, at 12.89 GHz)", Group: "Signalling", Unit: "dB", Default: 35, Low: 25, High: 45, Kind: Sourced, Confidence: Medium, Source: srcAMDLR, Note: "bump to bump, both packages inside; IEEE 802.3bj's 35 dB (Intel AN 846) is ball to ball, so this is the tighter reading", Spec: true},
	pBudget50:  {ID: "budget_50g_db", Name: "Die-to-die loss budget, 50 Gb/s PAM4 lane (bump to bump, at 13.28 GHz)", Group: "Signalling", Unit: "dB", Default: 35, Low: 22, High: 45, Kind: Sourced, Confidence: Medium, Source: srcAMDLR, Spec: true},
	pBudget100: {ID: "budget_100g_db", Name: "Die-to-die loss budget, 100 Gb/s PAM4 lane (bump to bump, at 26.56 GHz)", Group: "Signalling", Unit: "dB", Default: 35, Low: 25, High: 42, Kind: Sourced, Confidence: Medium, Source: srcAMDLR, Note: "IEEE 802.3ck's ~28 dB is ball to ball, without the two packages the model's path includes", Spec: true},
	pBudget200: {ID: "budget_200g_db", Name: "Die-to-die loss budget, 200 Gb/s PAM4 lane (bump to bump, at 53.125 GHz)", Group: "Signalling", Unit: "dB", Default: 40, Low: 30, High: 48, Kind: Sourced, Confidence: Medium, Source: srcIEEEdj + "; DesignCon 2024: 'trending 40 dB die-to-die IL limit, which includes the dies, packages and the channel, for 802.3dj CR and KR'", Spec: true},
	pBudget400: {ID: "budget_400g_db", Name: "Die-to-die loss budget, 400 Gb/s lane (research)", Group: "Signalling", Unit: "dB", Default: 46, Low: 30, High: 60, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: 400 Gb/s per lane is research (2027+); no standard budget exists"},
	pC2M25:     {ID: "c2m_25g_db", Name: "Chip-to-module loss budget, 25 Gb/s lane (host die to the module's chip, at 12.89 GHz)", Group: "Signalling", Unit: "dB", Default: 12, Low: 8, High: 18, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate on OIF CEI-28G-VSR: 10 dB host board, connector and module board; engineering estimate of 2 dB for the host package", Spec: true},
	pC2M50:     {ID: "c2m_50g_db", Name: "Chip-to-module loss budget, 50 Gb/s lane (host die to the module's chip, at 13.28 GHz)", Group: "Signalling", Unit: "dB", Default: 14, Low: 8, High: 20, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: OIF CEI-56G-VSR's figure was not found; between the 25G and 100G budgets", Spec: true},
	pC2M100:    {ID: "c2m_100g_db", Name: "Chip-to-module loss budget, 100 Gb/s lane (host die to the module's chip, at 26.56 GHz)", Group: "Signalling", Unit: "dB", Default: 19, Low: 12, High: 26, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate on OIF CEI-112G-VSR: ~16 dB host board, connector and module board (MathWorks compliance kit); engineering estimate of 3 dB for the host package", Spec: true},
	pC2M200:    {ID: "c2m_200g_db", Name: "Chip-to-module loss budget, 200 Gb/s lane (host die to the module's chip, at 53.125 GHz)", Group: "Signalling", Unit: "dB", Default: 24, Low: 16, High: 32, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: the CEI-224G-VSR / 802.3dj 200GAUI-1 figure was not found; 1.6T pluggables work over NVIDIA's ~22 dB path (" + srcHotChips + "), so the budget is at least that", Spec: true},
	pC2M400:    {ID: "c2m_400g_db", Name: "Chip-to-module loss budget, 400 Gb/s lane (research)", Group: "Signalling", Unit: "dB", Default: 27, Low: 16, High: 40, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: no standard; a stronger host equaliser than at 200 Gb/s, about 3 dB more"},
	pBaud400:   {ID: "baud_400g_gbd", Name: "Symbol rate of a 400 Gb/s lane (PAM4 assumed)", Group: "Signalling", Unit: "GBd", Default: 212.5, Low: 170, High: 230, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: PAM4 at twice the 200G/lane symbol rate; PAM6 near 170 GBd is also studied"},

	// Copper twinax.
	pCuSigma:     {ID: "cu_conductivity", Name: "Conductivity of copper", Group: "Copper cable", Unit: "S/m", Default: 5.8e7, Low: 5.0e7, High: 5.96e7, Kind: Sourced, Confidence: High, Source: "annealed copper, 100% IACS (textbook; Pozar, Microwave Engineering)"},
	pTwinaxRough: {ID: "twinax_loss_factor", Name: "Twinax conductor-loss factor over a smooth wire (roughness, proximity, plating)", Group: "Copper cable", Unit: "1", Default: 1.2, Low: 1, High: 2.5, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: surface roughness, the proximity of the pair's two wires and plating raise a twinax pair's conductor loss 1.1-1.5× over a smooth isolated wire; 1.2 gives 26 AWG 4.4 dB/m at 26.56 GHz and 6.8 dB/m at 53.125 GHz", Note: "no dB/m per gauge was found in public sources; the IEEE reach objectives are checked as floors (V4), not fitted"},
	pTwinaxEr:    {ID: "twinax_er", Name: "Relative permittivity of the twinax dielectric (foamed polyolefin / FEP)", Group: "Copper cable", Unit: "1", Default: 1.6, Low: 1.3, High: 2.2, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate; gives a velocity of 0.79 c (4.2 ns/m), inside the 0.7-0.8 c usually quoted"},
	pTwinaxTand:  {ID: "twinax_loss_tangent", Name: "Loss tangent of the twinax dielectric", Group: "Copper cable", Unit: "1", Default: 3e-4, Low: 1e-4, High: 1e-3, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate for foamed polyolefin / FEP at tens of GHz"},
	pTwinaxZ:     {ID: "twinax_impedance", Name: "Differential impedance of a twinax pair", Group: "Copper cable", Unit: "Ω", Default: 100, Low: 85, High: 110, Kind: Sourced, Confidence: High, Source: "IEEE 802.3 CR cable assemblies (100 Ω differential)"},

	// Host and package channel.
	pPCBWidth:     {ID: "pcb_trace_width", Name: "Host board trace width", Group: "Host channel", Unit: "µm", Default: 203, Low: 75, High: 400, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate (8 mil, a common high-speed stripline width)"},
	pPCBZ0:        {ID: "pcb_line_impedance", Name: "Impedance of each line of a board differential pair", Group: "Host channel", Unit: "Ω", Default: 50, Low: 40, High: 60, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate (a 100 Ω pair of 50 Ω lines)"},
	pPCBDk:        {ID: "pcb_dk", Name: "Host board laminate dielectric constant", Group: "Host channel", Unit: "1", Default: 3.3, Low: 3.0, High: 4.5, Kind: Sourced, Confidence: Low, Source: srcRFEss + " (Megtron 6/7 class)"},
	pPCBDfMid:     {ID: "pcb_df_midloss", Name: "Laminate loss tangent of 25G and 50G/lane host boards (mid-loss)", Group: "Host channel", Unit: "1", Default: 0.009, Low: 0.004, High: 0.025, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: mid-loss laminates of the 25G and 50G generations (Isola FR408HR ~0.0095, Panasonic Megtron 4 ~0.005), against FR-4's 0.020-0.025 (" + srcRFEss + ")"},
	pPCBDfULL:     {ID: "pcb_df_ull", Name: "Laminate loss tangent of 100G/lane and faster host boards (ultra-low-loss)", Group: "Host channel", Unit: "1", Default: 0.003, Low: 0.0015, High: 0.006, Kind: Sourced, Confidence: Low, Source: srcRFEss + ": Megtron 7 0.002-0.003"},
	pPkgWidth:     {ID: "pkg_trace_width", Name: "Package substrate trace width", Group: "Host channel", Unit: "µm", Default: 25, Low: 10, High: 60, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate (build-up substrate)"},
	pPkgDk:        {ID: "pkg_dk", Name: "Package build-up film dielectric constant", Group: "Host channel", Unit: "1", Default: 3.3, Low: 2.8, High: 4, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate (ABF-class film)"},
	pPkgDf:        {ID: "pkg_df", Name: "Package build-up film loss tangent", Group: "Host channel", Unit: "1", Default: 0.004, Low: 0.001, High: 0.01, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate (ABF-class film)"},
	pPkgEscape:    {ID: "pkg_escape_mm", Name: "Package trace from the ASIC die to its ball grid", Group: "Host channel", Unit: "mm", Default: 20, Low: 5, High: 50, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate (half of a large switch package)"},
	pTransition:   {ID: "transition_db", Name: "Loss of one vertical transition (die bump, ball, via) at 53.125 GHz, scaled with frequency", Group: "Host channel", Unit: "dB", Default: 1.0, Low: 0.2, High: 2.5, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate"},
	pConnector:    {ID: "connector_db", Name: "Loss of a mated front-panel connector (OSFP, QSFP-DD) at 53.125 GHz, scaled with frequency", Group: "Host channel", Unit: "dB", Default: 1.2, Low: 0.4, High: 3, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate"},
	pModuleTrace:  {ID: "module_trace_mm", Name: "Trace inside a pluggable module from its edge to the DSP or driver", Group: "Host channel", Unit: "mm", Default: 20, Low: 5, High: 50, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate"},
	pCRHostTrace:  {ID: "cr_host_trace_mm", Name: "Board trace from the ASIC package to a copper-cable cage", Group: "Host channel", Unit: "mm", Default: 120, Low: 20, High: 400, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: copper ports take the cages nearest the ASIC (or flyover cables), about half the reference pluggable host trace"},
	pC2MHostTrace: {ID: "c2m_host_trace_mm", Name: "Board trace from the ASIC package to a pluggable-module cage", Group: "Host channel", Unit: "mm", Default: 228, Low: 50, High: 400, Kind: Calibration, Confidence: Medium, Source: srcCalibration, Note: "fitted so that the 200 Gb/s-per-lane path from the ASIC to a pluggable module comes to NVIDIA's ~22 dB (" + srcHotChips + "); inside the 150-300 mm the article's 'tens of centimetres' implies"},
	pNPOTrace:     {ID: "npo_trace_mm", Name: "Board or interposer trace from the ASIC package to a near-packaged optical engine", Group: "Host channel", Unit: "mm", Default: 40, Low: 10, High: 100, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate ('a few centimetres': the engine sits on the board beside the package, OIF CEI-448G framework's near-packaged optics)"},
	pPlugTrace:    {ID: "cable_plug_mm", Name: "Paddle-card trace in a cable's plug, from its edge to the wires", Group: "Host channel", Unit: "mm", Default: 12, Low: 3, High: 30, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate (an OSFP or QSFP-DD plug's paddle card); with the wire termination it is the plug loss a die-to-die budget must carry"},
	pCPOTrace:     {ID: "cpo_trace_mm", Name: "Package trace from the ASIC die to a co-packaged optical engine", Group: "Host channel", Unit: "mm", Default: 8, Low: 1, High: 30, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate ('a few millimetres', the article); with two transitions it gives NVIDIA's ~4 dB CPO path at 200 Gb/s per lane"},

	pACCGain:     {ID: "acc_eq_gain_db", Name: "Equalisation a linear redriver adds to an active copper cable", Group: "Copper cable", Unit: "dB", Default: 9, Low: 0, High: 20, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: the CTLE of a linear redriver, 6-10 dB at the Nyquist frequency", Note: "checked, not fitted: linear active copper ships to 5 m at 100 Gb/s per lane (" + srcLinkX + "), so its reach must be at least that"},
	pSBDPenalty:  {ID: "sbd_penalty_db", Name: "Budget both directions on one copper pair give up (residual echo and near-end crosstalk after cancellation)", Group: "Copper cable", Unit: "dB", Default: 3, Low: 1, High: 6, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: simultaneous bidirectional PAM on one pair is how BASE-T Ethernet runs (IEEE 802.3an 10GBASE-T, with echo and NEXT cancellers); no twinax figure at these rates was found"},
	pSBDFactor:   {ID: "sbd_serdes_factor", Name: "SerDes energy of both directions on one pair, against one direction per pair (hybrid and echo canceller)", Group: "Copper cable", Unit: "1", Default: 1.5, Low: 1.2, High: 2, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: an echo canceller is an adaptive filter as long as the channel's echo, beside the receiver's own equaliser"},
	pPAMHiFactor: {ID: "pam_hi_serdes_factor", Name: "SerDes energy of a PAM6 or PAM8 lane, against PAM4 at the same bit rate (finer converters, longer equaliser)", Group: "Copper cable", Unit: "1", Default: 1.3, Low: 1.1, High: 1.8, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: an ADC receiver needs about half a bit more resolution per doubling of levels; the symbol rate falls, the bits per symbol rise"},
	pLPOGain:     {ID: "lpo_eq_gain_db", Name: "Equalisation of an LPO module's linear driver and TIA", Group: "Linear pluggable optics", Unit: "dB", Default: 8, Low: 0, High: 16, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate (CTLE in the linear driver and TIA)"},
	pLPOPenalty:  {ID: "lpo_optical_penalty_db", Name: "Electrical-equivalent penalty of the optical hop in a linear link", Group: "Linear pluggable optics", Unit: "dB", Default: 3, Low: 0, High: 8, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate (noise and nonlinearity of an unretimed optical hop)"},

	// SerDes energy.
	pSerdesLR:  {ID: "serdes_lr_pj", Name: "Host SerDes energy, long-reach class (drives copper cables and LPO)", Group: "SerDes", Unit: "pJ/bit", Default: 5, Low: 2.5, High: 10, Kind: Sourced, Confidence: Low, Source: "ISSCC 2026 (112G PAM4 in 5 nm, 280 mW per lane, ~2.5 pJ/bit) and Ayar Labs (6-10 pJ/bit for 112G long-reach I/O); midpoint"},
	pSerdesC2M: {ID: "serdes_c2m_pj", Name: "Host SerDes energy, chip-to-module class (drives a DSP pluggable or AEC)", Group: "SerDes", Unit: "pJ/bit", Default: 2.5, Low: 1.5, High: 4, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate (half the long-reach figure: shorter channel, lighter equalisation)"},
	pSerdesXSR: {ID: "serdes_xsr_pj", Name: "Host SerDes energy, extra-short-reach class (die to co-packaged engine)", Group: "SerDes", Unit: "pJ/bit", Default: 1, Low: 0.5, High: 2, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate (~1 pJ/bit for a few-mm die-to-engine link)"},
	pCMOSScale: {ID: "cmos_scale", Name: "Factor on electronic energy per bit for each doubling of the lane rate", Group: "SerDes", Unit: "1", Default: 0.85, Low: 0.5, High: 1.2, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate (each lane-rate generation arrives on a newer CMOS node)"},

	// Link devices: energy per bit at 100 Gb/s per lane.
	pDACWatts:         {ID: "dac_watts", Name: "Power of a passive copper cable end (its EEPROM)", Group: "Copper cable", Unit: "W", Default: 0.1, Low: 0, High: 0.5, Kind: Sourced, Confidence: High, Source: srcLinkX},
	pACCPJ:            {ID: "acc_pj", Name: "Linear redriver in an active copper cable end, at 100 Gb/s per lane", Group: "Copper cable", Unit: "pJ/bit", Default: 1.8, Low: 0.8, High: 4, Kind: Sourced, Confidence: Low, Source: "Ciena, OFC 2026 slide: 1.6T active copper 2.5 W for 4 m (1.56 pJ/bit at 200G/lane, i.e. 1.8 at 100G/lane after cmos_scale)"},
	pAECPJ:            {ID: "aec_pj", Name: "Retimer in an active electrical cable end, at 100 Gb/s per lane", Group: "Copper cable", Unit: "pJ/bit", Default: 14, Low: 8, High: 20, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: 10-14 W per 800G end, a retimer per end like a DSP module without optics"},
	pDSPPJ:            {ID: "dsp_pj", Name: "DSP of a pluggable optical module, at 100 Gb/s per lane", Group: "Pluggable optics", Unit: "pJ/bit", Default: 10, Low: 6, High: 14, Kind: Sourced, Confidence: Medium, Source: srcNagarajan + ": the DSP is about half of a 16 W 800G module"},
	pLRODSPPJ:         {ID: "lro_dsp_pj", Name: "Transmit-side DSP of a linear-receive (LRO) module, at 100 Gb/s per lane", Group: "Pluggable optics", Unit: "pJ/bit", Default: 5, Low: 3, High: 8, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: half of dsp_pj, the DSP retimes one direction only; with driver_tia_pj, the lasers and module_overhead_pj it gives about 12 W for 800G, between LPO and DSP modules"},
	pDriverTIAPJ:      {ID: "driver_tia_pj", Name: "Modulator driver and TIA of a pluggable module, at 100 Gb/s per lane", Group: "Pluggable optics", Unit: "pJ/bit", Default: 3, Low: 1.5, High: 5, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate (with dsp_pj, the lasers and module_overhead_pj it gives about 16 W for 800G, inside NVIDIA's 15-17 W)"},
	pModuleOverheadPJ: {ID: "module_overhead_pj", Name: "Per-lane control and power conversion of a pluggable module, at 100 Gb/s per lane", Group: "Pluggable optics", Unit: "pJ/bit", Default: 1.1, Low: 0.3, High: 3, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: the share of a module's controller and DC-DC conversion that grows with its lanes"},
	pModuleFixedW:     {ID: "module_fixed_w", Name: "Fixed power of a pluggable module end (microcontroller, DC-DC, monitoring), whatever its lanes", Group: "Pluggable optics", Unit: "W", Default: 1.5, Low: 0.5, High: 3, Kind: Sourced, Confidence: Low, Source: "NVIDIA LinkX 400G datasheets as read for this project: an SR4 draws ~8 W on 4 lanes and ~5 W on 2 (2 W fixed), a DR4 ~1 W fixed; midpoint"},
	pLPODriverPJ:      {ID: "lpo_driver_tia_pj", Name: "Linear driver and TIA (with CTLE) of an LPO module, at 100 Gb/s per lane", Group: "Linear pluggable optics", Unit: "pJ/bit", Default: 3.5, Low: 2, High: 6, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate (with the lasers and module_overhead_pj it gives about 8 W for 800G, inside the 7-9 W reported by FS and Gazettabyte)"},
	pCPOEICPJ:         {ID: "cpo_eic_pj", Name: "Electronic IC of a co-packaged engine (drivers, TIAs, control), at 100 Gb/s per lane", Group: "Co-packaged optics", Unit: "pJ/bit", Default: 2.4, Low: 1, High: 4, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate"},
	pCPOModPJ:         {ID: "cpo_modulator_pj", Name: "Modulator tuning (ring heaters) of a co-packaged engine, at 100 Gb/s per lane", Group: "Co-packaged optics", Unit: "pJ/bit", Default: 0.6, Low: 0.1, High: 2, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate"},

	// Optics.
	pDRTx:       {ID: "dr_tx_dbm", Name: "Minimum launch power of a DR single-mode lane", Group: "Optical budget", Unit: "dBm", Default: -2.9, Low: -6, High: 3, Kind: Sourced, Confidence: Medium, Source: "400G DR4 specification (800G MSA, via vendor datasheets)", Spec: true},
	pDRRx:       {ID: "dr_rx_dbm", Name: "Receiver sensitivity of a DR single-mode lane", Group: "Optical budget", Unit: "dBm", Default: -5.9, Low: -10, High: -3, Kind: Sourced, Confidence: Medium, Source: "400G DR4 specification (800G MSA, via vendor datasheets)", Spec: true},
	pDRConn:     {ID: "dr_connection_db", Name: "Connection allocation of a DR single-mode channel", Group: "Optical budget", Unit: "dB", Default: 2.75, Low: 0.5, High: 4, Kind: Sourced, Confidence: High, Source: srcTIAFOTC + ": 800GBASE-DR8 (500 m)", Spec: true},
	pSMFLoss:    {ID: "smf_db_per_km", Name: "Cabled single-mode fibre attenuation at 1310 nm", Group: "Optical budget", Unit: "dB/km", Default: 0.5, Low: 0.3, High: 1.0, Kind: Sourced, Confidence: High, Source: srcTIAFOTC + ": 0.4 (OS2), 0.5 indoor/outdoor, 1.0 (OS1a) as used by IEEE 802.3"},
	pSMFIndex:   {ID: "smf_group_index", Name: "Group index of single-mode fibre at 1310 nm", Group: "Optical budget", Unit: "1", Default: 1.4682, Low: 1.46, High: 1.48, Kind: Sourced, Confidence: High, Source: "G.652.D fibre datasheets (Corning SMF-28)"},
	pSRChannel:  {ID: "sr_channel_db", Name: "Channel insertion loss allowed for a multimode SR lane on OM4", Group: "Optical budget", Unit: "dB", Default: 1.8, Low: 1.2, High: 2.5, Kind: Sourced, Confidence: High, Source: srcTIAFOTC + ": 400GBASE-SR4.2 1.8 dB on OM4 at 100 m", Spec: true},
	pSRConn:     {ID: "sr_connection_db", Name: "Connection allocation of a multimode SR channel", Group: "Optical budget", Unit: "dB", Default: 1.5, Low: 0.5, High: 2, Kind: Sourced, Confidence: Medium, Source: srcTIAFOTC + ": 1.8 dB channel less 0.3 dB of OM4 fibre at 100 m", Spec: true},
	pMMFLoss:    {ID: "mmf_db_per_km", Name: "OM4 multimode fibre attenuation at 850 nm", Group: "Optical budget", Unit: "dB/km", Default: 3.0, Low: 2.3, High: 3.5, Kind: Sourced, Confidence: High, Source: "TIA-568.2-D (OM3 3.5, OM4/OM5 3.0 dB/km)"},
	pMMFIndex:   {ID: "mmf_group_index", Name: "Group index of OM4 multimode fibre at 850 nm", Group: "Optical budget", Unit: "1", Default: 1.483, Low: 1.46, High: 1.5, Kind: Sourced, Confidence: High, Source: "OM4 fibre datasheets"},
	pMMFMaxLane: {ID: "mmf_max_lane_gbps", Name: "Fastest lane a multimode (VCSEL) link carries", Group: "Optical budget", Unit: "Gb/s", Default: 100, Low: 25, High: 400, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: IEEE 802.3db defines 100 Gb/s-per-lane SR; 802.3dj defines no 200 Gb/s-per-lane multimode PMD"},

	pFRChannel: {ID: "fr_channel_db", Name: "Channel insertion loss allowed for an FR lane (2 km)", Group: "Optical budget", Unit: "dB", Default: 4, Low: 3, High: 6, Kind: Sourced, Confidence: Medium, Source: "IEEE 802.3cu, 400GBASE-FR4: 4 dB maximum channel insertion loss at 2 km", Spec: true},
	pFRConn:    {ID: "fr_connection_db", Name: "Connection allocation of an FR channel", Group: "Optical budget", Unit: "dB", Default: 3, Low: 1, High: 4, Kind: Sourced, Confidence: Medium, Source: "IEEE 802.3cu, 400GBASE-FR4: 3 dB of the 4 dB for connections and splices", Spec: true},
	pLRChannel: {ID: "lr_channel_db", Name: "Channel insertion loss allowed for an LR lane (10 km)", Group: "Optical budget", Unit: "dB", Default: 6.3, Low: 4, High: 9, Kind: Sourced, Confidence: Medium, Source: "IEEE 802.3cu, 400GBASE-LR4-6: 6.3 dB maximum channel insertion loss at 10 km", Spec: true},
	pLRConn:    {ID: "lr_connection_db", Name: "Connection allocation of an LR channel", Group: "Optical budget", Unit: "dB", Default: 2, Low: 0.5, High: 4, Kind: Sourced, Confidence: Medium, Source: "IEEE 802.3cu, 400GBASE-LR4-6: 2 dB for connections and splices", Spec: true},
	pSMFLRLoss: {ID: "smf_lr_db_per_km", Name: "Cabled single-mode attenuation across the O-band wavelengths of an LR link", Group: "Optical budget", Unit: "dB/km", Default: 0.43, Low: 0.3, High: 0.6, Kind: Sourced, Confidence: Medium, Source: "IEEE 802.3 LR budgets: 0.43 dB/km, the worst of the CWDM/LWDM grid over 10 km of outside-plant fibre"},

	// Lasers: a part of each optical end, counted and powered one by one.
	pSRTx:          {ID: "sr_tx_dbm", Name: "Minimum average launch power of a multimode SR lane", Group: "Lasers", Unit: "dBm", Default: -6.5, Low: -9, High: -3, Kind: Sourced, Confidence: Low, Source: "IEEE 802.3db 100 Gb/s-per-lane SR transmitters, about −6.5 dBm average launch (as read for this project)", Spec: true},
	pFRTx:          {ID: "fr_tx_dbm", Name: "Minimum average launch power of one wavelength of an FR (2 km) lane", Group: "Lasers", Unit: "dBm", Default: -3.2, Low: -6, High: 0, Kind: Sourced, Confidence: Low, Source: "IEEE 802.3cu 400GBASE-FR4: −3.2 dBm per lane (as read for this project)", Spec: true},
	pLRTx:          {ID: "lr_tx_dbm", Name: "Minimum average launch power of one wavelength of an LR (10 km) lane", Group: "Lasers", Unit: "dBm", Default: -1.4, Low: -4, High: 2, Kind: Sourced, Confidence: Low, Source: "IEEE 802.3cu 400GBASE-LR4-6: −1.4 dBm per lane (as read for this project)", Spec: true},
	pLaserMarginDB: {ID: "laser_margin_db", Name: "Design launch power above the standard's minimum, for ageing and spread", Group: "Lasers", Unit: "dB", Default: 3, Low: 1, High: 5, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: modules launch between a standard's minimum and its maximum (400GBASE-DR4: −2.9 to +4 dBm)"},
	pLaunchStepDB:  {ID: "launch_step_db", Name: "More launch power for each doubling of the lane rate", Group: "Lasers", Unit: "dB", Default: 1.5, Low: 0, High: 3, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: IEEE 802.3dj's 200 Gb/s-per-lane optics ask a higher optical modulation amplitude than 100 Gb/s lanes (a doubled symbol rate on a receiver of the same sensitivity per bit)"},
	pWDMMuxDB:      {ID: "wdm_mux_db", Name: "Loss of the multiplexer that puts four wavelengths on one fibre (FR, LR)", Group: "Lasers", Unit: "dB", Default: 2.5, Low: 1.5, High: 4, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: CWDM thin-film or arrayed-waveguide multiplexers lose 1.5-4 dB"},
	pEMLLossDB:     {ID: "eml_loss_db", Name: "Loss from an EML's laser section to the fibre: the electro-absorption modulator's insertion and extinction loss, and the coupling", Group: "Lasers", Unit: "dB", Default: 6, Low: 3, High: 9, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: 2-3 dB insertion, 2-3 dB more at a 5 dB extinction ratio, 1-2 dB coupling"},
	pEMLWPE:        {ID: "eml_wpe", Name: "Wall-plug efficiency of an EML's laser section at its working temperature (light out over electrical power in)", Group: "Lasers", Unit: "1", Default: 0.06, Low: 0.03, High: 0.12, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: a DFB section biased at 60-80 mA and about 1.5 V gives a few milliwatts"},
	pEMLCoolerW:    {ID: "eml_cooler_w", Name: "Thermoelectric cooler holding one EML at its wavelength inside a hot module", Group: "Lasers", Unit: "W", Default: 0.3, Low: 0.1, High: 0.6, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: a TEC pumping a few hundred milliwatts out of a 70 °C case"},
	pVCSELLossDB:   {ID: "vcsel_loss_db", Name: "Coupling loss from a VCSEL into multimode fibre", Group: "Lasers", Unit: "dB", Default: 2, Low: 1, High: 4, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate"},
	pVCSELWPE:      {ID: "vcsel_wpe", Name: "Wall-plug efficiency of a directly modulated 850 nm VCSEL, uncooled", Group: "Lasers", Unit: "1", Default: 0.25, Low: 0.15, High: 0.4, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: datacom VCSELs reach 30-50 % at room temperature, less hot and under modulation"},
	pCWLossDB:      {ID: "cw_loss_db", Name: "Loss from an external continuous-wave laser to the engine's fibre, besides the splitter: connectors and polarisation-maintaining fibre, two couplers, the modulator and the waveguides", Group: "Lasers", Unit: "dB", Default: 14, Low: 8, High: 18, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: about 2 dB of connectors and fibre, 2 × 2 dB of couplers, 6 dB of modulator insertion and modulation, 2 dB of waveguides"},
	pCWWPE:         {ID: "cw_wpe", Name: "Wall-plug efficiency of a high-power continuous-wave DFB laser in an external laser source", Group: "Lasers", Unit: "1", Default: 0.15, Low: 0.08, High: 0.3, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: 20-30 % at 25 °C, less at the source's working temperature, with its driver"},
	pCWCoolerW:     {ID: "cw_cooler_w", Name: "Cooling of one laser of an external laser source (kept at the faceplate, away from the switch package)", Group: "Lasers", Unit: "W", Default: 0.1, Low: 0, High: 0.3, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate"},
	pELSLasers:     {ID: "els_lasers", Name: "Lasers in one external laser source module", Group: "Lasers", Unit: "1", Default: 8, Low: 1, High: 16, Integer: true, Kind: Sourced, Confidence: Medium, Source: "NVIDIA Quantum-X Photonics Q3450-LD: 144 × 800G ports (576 lanes, 144 lasers at four lanes each) on 18 detachable laser modules"},
	pELSFixedW:     {ID: "els_fixed_w", Name: "Fixed power of one external laser source module (controller, monitoring, conversion), besides its lasers", Group: "Lasers", Unit: "W", Default: 1.5, Low: 0.5, High: 4, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate, as a pluggable module's fixed part (module_fixed_w)"},
	pELSFIT:        {ID: "els_fit", Name: "Failure rate of an external laser source module besides its lasers", Group: "Reliability", Unit: "FIT", Default: 50, Low: 10, High: 300, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: half of a pluggable module's electronics (module_other_fit)"},

	// Latency.
	pSerdesNS:     {ID: "serdes_ns", Name: "Latency of one SerDes (transmit or receive side)", Group: "Latency", Unit: "ns", Default: 10, Low: 2, High: 40, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate"},
	pFECDecodeNS:  {ID: "fec_decode_ns", Name: "RS(544,514) decode latency after the codeword has arrived", Group: "Latency", Unit: "ns", Default: 40, Low: 10, High: 80, Kind: Sourced, Confidence: Medium, Source: "IEEE 802.3dj estimates: 50-100 ns for accumulation and decode together; decode is what remains after the 25.6 ns accumulation of an 800G port"},
	pInnerFECNS:   {ID: "inner_fec_ns", Name: "Latency of an optical link's inner FEC (encode, interleave, soft decode)", Group: "Latency", Unit: "ns", Default: 10, Low: 2, High: 40, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: IEEE 802.3dj concatenates a Hamming(128,120) inner code, soft-decoded (Chase-2), with RS(544,514) on 200 Gb/s-per-lane optics (Cathy Liu, Signal Integrity Journal); no latency figure was found"},
	pFECGain:      {ID: "fec_gain_db", Name: "Coding gain of the lane's RS FEC, given up by a FEC-free link", Group: "Latency", Unit: "dB", Default: 6, Low: 2, High: 8, Kind: Sourced, Confidence: Medium, Source: "Intel AN 846: RS(544,514) 'KP4' gives about 6-6.5 dB; RS(528,514) at 25 Gb/s gives less", Spec: true},
	pRSFECPJ:      {ID: "rs_fec_pj", Name: "Energy of the lane's Reed-Solomon code at one end (encoder and decoder, in the host chip)", Group: "Error correction", Unit: "pJ/bit", Default: 0.2, Low: 0.05, High: 0.6, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: a hard-decision RS decoder is a small block beside the SerDes; a much stronger 400 Gb/s hard-decision product decoder measured 1.14 pJ/bit in 28 nm (variable-rate VLSI architecture, 2020)"},
	pInnerFECPJ:   {ID: "inner_fec_pj", Name: "Energy of an optical link's inner code at one end (soft-decision decoding, in a module's DSP or the host's SerDes)", Group: "Error correction", Unit: "pJ/bit", Default: 0.4, Low: 0.1, High: 1, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: IEEE 802.3dj's Hamming(128,120) inner code is soft-decoded (Chase algorithm); no power figure was found"},
	pInnerFECGain: {ID: "inner_fec_gain_db", Name: "Optical budget an inner code adds to the Reed-Solomon code's", Group: "Error correction", Unit: "dB", Default: 1, Low: 0.5, High: 2, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: IEEE 802.3dj adopted the inner code to close 200 Gb/s-per-lane IM-DD optics (Cathy Liu, Signal Integrity Journal); its gain alone was not found published"},
	pFECMargin:    {ID: "fec_auto_margin_db", Name: "Margin a link must keep on its electrical budgets for auto to choose a lighter code", Group: "Error correction", Unit: "dB", Default: 1, Low: 0, High: 3, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: a decibel of margin against ageing, temperature and the spread of parts"},
	pDSPNS:        {ID: "dsp_ns", Name: "Latency of one crossing of a DSP's datapath (clock recovery, equaliser): a pluggable module's DSP or an active cable's retimer, which is the same kind of chip", Group: "Latency", Unit: "ns", Default: 40, Low: 10, High: 100, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate (no published figure found for either part; 10-100 ns)"},
	pSwitchNS:     {ID: "switch_ns", Name: "Cut-through latency of a switch", Group: "Latency", Unit: "ns", Default: 300, Low: 50, High: 2000, Kind: Sourced, Confidence: Medium, Source: "Sella, Moore, Zilberman, NEAT 2018 (~300 ns, state of the art)"},

	// Reliability.
	pLaserFIT:         {ID: "laser_fit", Name: "Failure rate of a DFB/EML laser in a pluggable module", Group: "Reliability", Unit: "FIT", Default: 100, Low: 20, High: 400, Kind: Sourced, Confidence: Low, Source: "vendor reliability notes: 50-200 FIT at 70 °C"},
	pDSPFIT:           {ID: "dsp_fit", Name: "Failure rate of a module DSP or cable retimer", Group: "Reliability", Unit: "FIT", Default: 100, Low: 10, High: 500, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate"},
	pModuleOtherFIT:   {ID: "module_other_fit", Name: "Failure rate of the rest of a pluggable module (driver, TIA, controller, power)", Group: "Reliability", Unit: "FIT", Default: 100, Low: 10, High: 500, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate; an 8-lane DSP module then sums to 1,000 FIT (1 M h), against Meta's 0.5-1 M device-hours field figure (ECOC 2025)"},
	pCPOEngineFIT:     {ID: "cpo_engine_fit", Name: "Failure rate of one co-packaged optical engine (photonic and electronic ICs)", Group: "Reliability", Unit: "FIT", Default: 385, Low: 50, High: 4000, Kind: Sourced, Confidence: Low, Source: "Meta, ECOC 2025 (via press): CPO ~2.6 M device-hours MTBF", Note: "read as one engine per device; if Meta's device is a port, engines fail several times more often"},
	pCPOLaserFIT:      {ID: "cpo_laser_fit", Name: "Failure rate of one continuous-wave laser in an external laser source", Group: "Reliability", Unit: "FIT", Default: 0.1, Low: 0.01, High: 200, Kind: Sourced, Confidence: Low, Source: "Broadcom, OFC 2026: < 0.1 FIT, more than 4 M shipped since 2016"},
	pCPOLanesPerLaser: {ID: "cpo_lanes_per_laser", Name: "Optical lanes fed by one external CW laser", Group: "Reliability", Unit: "1", Default: 4, Low: 1, High: 16, Kind: Sourced, Confidence: Medium, Source: "NVIDIA 2025 (via TechInsights): '4x fewer lasers'"},
	pDACFIT:           {ID: "dac_fit", Name: "Failure rate of a passive copper cable end", Group: "Reliability", Unit: "FIT", Default: 10, Low: 1, High: 100, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate"},
	pACCFIT:           {ID: "acc_fit", Name: "Failure rate of a linear active copper cable end", Group: "Reliability", Unit: "FIT", Default: 50, Low: 5, High: 300, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate"},
	pAECFIT:           {ID: "aec_fit", Name: "Failure rate of an active electrical cable end (besides its retimer)", Group: "Reliability", Unit: "FIT", Default: 50, Low: 5, High: 300, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate"},

	// Cost, per Gb/s of port capacity per end.
	pCostDAC: {ID: "cost_dac_usd_per_gbps", Name: "Cost of passive copper, per Gb/s per end", Group: "Cost", Unit: "USD/(Gb/s)", Default: 0.05, Low: 0.01, High: 0.3, Kind: Sourced, Confidence: Low, Source: "OCP 2026 / IEDM 2025 slides: copper ~$0.05 per Gb/s"},
	pCostACC: {ID: "cost_acc_usd_per_gbps", Name: "Cost of linear active copper, per Gb/s per end", Group: "Cost", Unit: "USD/(Gb/s)", Default: 0.08, Low: 0.02, High: 0.4, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate (between passive copper and AEC)"},
	pCostAEC: {ID: "cost_aec_usd_per_gbps", Name: "Cost of an active electrical cable, per Gb/s per end", Group: "Cost", Unit: "USD/(Gb/s)", Default: 0.15, Low: 0.05, High: 0.6, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate"},
	pCostDSP: {ID: "cost_dsp_usd_per_gbps", Name: "Cost of a DSP pluggable module, per Gb/s per end", Group: "Cost", Unit: "USD/(Gb/s)", Default: 0.5, Low: 0.2, High: 1.5, Kind: Sourced, Confidence: Low, Source: "OCP 2026 / IEDM 2025 slides: pluggable optics ~$0.5 per Gb/s"},
	pCostLPO: {ID: "cost_lpo_usd_per_gbps", Name: "Cost of a linear pluggable module, per Gb/s per end", Group: "Cost", Unit: "USD/(Gb/s)", Default: 0.35, Low: 0.1, High: 1, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate (a DSP module without its DSP)"},
	pCostLRO: {ID: "cost_lro_usd_per_gbps", Name: "Cost of a linear-receive (LRO) module, per Gb/s per end", Group: "Cost", Unit: "USD/(Gb/s)", Default: 0.42, Low: 0.15, High: 1.2, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate (between LPO and DSP modules)"},
	pCostNPO: {ID: "cost_npo_usd_per_gbps", Name: "Cost of near-packaged optics, per Gb/s per end", Group: "Cost", Unit: "USD/(Gb/s)", Default: 0.2, Low: 0.05, High: 0.6, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate (a co-packaged engine on a socket beside the package)"},
	pCostCPO: {ID: "cost_cpo_usd_per_gbps", Name: "Cost of co-packaged optics, per Gb/s per end", Group: "Cost", Unit: "USD/(Gb/s)", Default: 0.15, Low: 0.05, High: 0.5, Kind: Sourced, Confidence: Low, Source: "OCP 2026 / IEDM 2025 slides: CPO $0.10-0.25 per Gb/s (midpoint)"},

	// Cluster.
	pChip25:        {ID: "switch_chip_25g_w", Name: "Power of a switch ASIC of 25 Gb/s lanes, SerDes included (6.4 Tb/s, 256 lanes, 16 nm: Tomahawk 2 class)", Group: "Switch boxes", Unit: "W", Default: 250, Low: 150, High: 400, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: Broadcom's claim that one Tomahawk 5 (~500 W) replaces 48 Tomahawk 1 chips (3.2 Tb/s, 28 nm) with over 95% less power puts a Tomahawk 1 above 200 W; Tomahawk 2 doubles it on 16 nm"},
	pChip50:        {ID: "switch_chip_50g_w", Name: "Power of a switch ASIC of 50 Gb/s lanes, SerDes included (25.6 Tb/s, 512 lanes, 7 nm: Tomahawk 4 class)", Group: "Switch boxes", Unit: "W", Default: 455, Low: 350, High: 550, Kind: Sourced, Confidence: Low, Source: "TechInsights (Linley Group), 2022: Tomahawk 5's ~500 W is about 10% above the 7 nm Tomahawk 4's"},
	pChip100:       {ID: "switch_chip_100g_w", Name: "Power of a switch ASIC of 100 Gb/s lanes, SerDes included (51.2 Tb/s, 512 lanes, 5 nm: Tomahawk 5 class)", Group: "Switch boxes", Unit: "W", Default: 500, Low: 400, High: 600, Kind: Sourced, Confidence: Medium, Source: "TechInsights (Linley Group), 2022: Tomahawk 5 about 500 W"},
	pChip200:       {ID: "switch_chip_200g_w", Name: "Power of a switch ASIC of 200 Gb/s lanes, SerDes included (102.4 Tb/s, 512 lanes, 3 nm: Tomahawk 6 class)", Group: "Switch boxes", Unit: "W", Default: 850, Low: 650, High: 1024, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate under Broadcom's bound for Tomahawk 6 (2025): well under 1 W per 100 Gb/s, so under 1,024 W"},
	pChip400:       {ID: "switch_chip_400g_w", Name: "Power of a switch ASIC of 400 Gb/s lanes, SerDes included (204.8 Tb/s, 512 lanes: a projection)", Group: "Switch boxes", Unit: "W", Default: 1400, Low: 1000, High: 2200, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: a projection, 512 lanes at twice the rate on a newer node"},
	pSwitchMgmtW:   {ID: "switch_mgmt_w", Name: "Control plane of one switch box (CPU, memory, storage, board controller)", Group: "Switch boxes", Unit: "W", Default: 75, Low: 30, High: 150, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: a 4-core Xeon D class processor with 32 GB of memory, as in UfiSpace's S9321-64E, with its SSD and board controller"},
	pVRMEfficiency: {ID: "switch_vrm_efficiency", Name: "Efficiency of a switch board's voltage regulators (from the supplies' bus to the chips' and modules' rails)", Group: "Switch boxes", Unit: "1", Default: 0.9, Low: 0.85, High: 0.95, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: multiphase point-of-load converters run at 88-92% at full load"},
	pFanShare:      {ID: "switch_fan_share", Name: "Fan power of an air-cooled switch, as a share of its electronics", Group: "Switch boxes", Unit: "1", Default: 0.08, Low: 0.02, High: 0.2, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: fans draw 5-10% of an air-cooled data-centre switch's power at typical inlet temperatures"},
	pPumpShare:     {ID: "switch_pump_share", Name: "Pump and cold-plate power of a liquid-cooled switch, as a share of its electronics", Group: "Switch boxes", Unit: "1", Default: 0.02, Low: 0, High: 0.1, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: the rack's share of coolant pumping; the facility's chillers are in the PUE"},
	pPSUEfficiency: {ID: "psu_efficiency", Name: "Efficiency of a switch's power supplies", Group: "Switch boxes", Unit: "1", Default: 0.94, Low: 0.85, High: 0.98, Kind: Sourced, Confidence: Medium, Source: "80 PLUS Platinum: 94% at half load (Titanium 96%), the grades of data-centre switch supplies"},
	pSwitchFIT:     {ID: "switch_fit", Name: "Failure rate of a switch box besides its optics (fans, supplies, board, ASIC)", Group: "Reliability", Unit: "FIT", Default: 3000, Low: 500, High: 10000, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: vendors quote 200,000-500,000 h MTBF for data-centre switches (no datasheet figure was found)"},
	pNICWatts:      {ID: "nic_core_watts", Name: "NIC power besides its SerDes, per GPU", Group: "Cluster", Unit: "W", Default: 20, Low: 0, High: 80, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate"},
	pSULinkLanes:   {ID: "scale_up_link_lanes", Name: "Lanes per direction in one scale-up link", Group: "Cluster", Unit: "1", Default: 2, Low: 1, High: 8, Integer: true, Kind: Sourced, Confidence: High, Source: "NVIDIA NVLink 5: 18 links of 100 GB/s (bidirectional) per GPU = 2 lanes of 200 Gb/s each way"},
	pSUSwitchPorts: {ID: "scale_up_switch_ports", Name: "Scale-up links one scale-up switch chip terminates", Group: "Cluster", Unit: "1", Default: 72, Low: 8, High: 512, Integer: true, Kind: Sourced, Confidence: Medium, Source: "NVIDIA NVL72: 18 NVLink Switch chips for 72 GPUs x 18 links"},
	pModuleLanes:   {ID: "module_lanes", Name: "Electrical lanes in one pluggable module (OSFP, QSFP-DD)", Group: "Cluster", Unit: "1", Default: 8, Low: 1, High: 16, Integer: true, Kind: Sourced, Confidence: High, Source: "OSFP and QSFP-DD MSAs (8 lanes)"},
	pCPOEngineGbps: {ID: "cpo_engine_gbps", Name: "Capacity of one co-packaged optical engine", Group: "Cluster", Unit: "Gb/s", Default: 6400, Low: 800, High: 25600, Kind: Sourced, Confidence: Medium, Source: "Broadcom Davisson (2025): 16 engines of 6.4 Tb/s on a 102.4 Tb/s switch"},
	pSwitchCost:    {ID: "cost_switch_usd_per_gbps", Name: "Cost of a switch box besides its optics, per Gb/s of its capacity", Group: "Cost", Unit: "USD/(Gb/s)", Default: 0.5, Low: 0.2, High: 1.2, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: a 51.2 Tb/s box (ASIC, board, fans, supplies) at about $25,000; the optics in its cages or package are counted with the links", Note: "the scale-up switch chips are priced the same per Gb/s"},
	pCNYPerUSD:     {ID: "cny_per_usd", Name: "Exchange rate: yuan per US dollar", Group: "Economics", Unit: "CNY/USD", Default: 7.077, Low: 6.5, High: 7.5, Kind: Sourced, Confidence: Medium, Source: "CFETS central parity of 2 January 2026, 100 USD = 707.70 CNY (Xinhua); it turns the fibre's price in yuan into dollars"},
	pJobStopShare:  {ID: "job_stop_share", Name: "Share of the network's failures that interrupt a job spanning the whole cluster", Group: "Reliability", Unit: "1", Default: 1, Low: 0.3, High: 1, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: a collective operation waits for every link, so a failed link or switch stops the job unless the design routes around it (spare planes, adaptive routing); Llama 3's 16,384-GPU run counted every network switch and cable failure among its interruptions (Dubey et al., 2024, table 5)"},
	pWorldFiber:    {ID: "world_fiber_core_km_per_year", Name: "The world's optical fibre output in a year, core-km", Group: "Supply", Unit: "km", Default: 5.5e8, Low: 4.5e8, High: 7e8, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate from sourced figures: world demand 425 million core-km in 2016 (CRU, as reported by C114, December 2016); China's cable output 322 million core-km in 2021 (China's National Bureau of Statistics), about 57 % of the world's (CRU); no public figure for 2025 was found"},
	pPreformYield:  {ID: "preform_draw_yield", Name: "Share of a preform's glass that leaves the draw tower as sold fibre", Group: "Supply", Unit: "1", Default: 0.9, Low: 0.8, High: 0.95, Kind: Estimated, Confidence: Estimate, Source: "engineering estimate: the preform's ends, the draw's start-up and proof-test breaks are lost; CICC's 26,000 t of preform for about 850 million core-km (2027) implies 0.88 at 125 µm, a check the methodology shows, not the source of this value"},
	pSilicaDensity: {ID: "silica_density_kg_m3", Name: "Density of fused silica, the fibre's glass", Group: "Supply", Unit: "kg/m³", Default: 2200, Low: 2190, High: 2210, Kind: Sourced, Confidence: High, Source: "fused silica 2.20 g/cm³ (Heraeus and Corning data sheets for synthetic fused silica)"},
	pCladdingUM:    {ID: "fiber_cladding_um", Name: "Cladding diameter of a telecom fibre", Group: "Supply", Unit: "µm", Default: 125, Low: 124.3, High: 125.7, Kind: Sourced, Confidence: High, Source: "ITU-T G.652 and G.657: cladding 125.0 ± 0.7 µm"},
	pHouseholdKWh:  {ID: "household_kwh_per_year", Name: "Electricity of an average US household per year", Group: "Economics", Unit: "kWh", Default: 10791, Low: 3000, High: 20000, Kind: Sourced, Confidence: Medium, Source: "US EIA, average residential customer, 2022", URL: "https://www.eia.gov/tools/faqs/faq.php?id=97&t=3"},
}

// unitScale gives the SI value of one catalogue unit.
func unitScale(unit string) (float64, bool) {
	switch unit {
	case "1", "dB", "dBm", "FIT", "W", "Ω", "S/m", "AWG", "USD/(Gb/s)", "CNY/USD", "kg/m³":
		return 1, true
	case "mm":
		return 1e-3, true
	case "µm":
		return 1e-6, true
	case "dB/km":
		return 1e-3, true
	case "pJ/bit":
		return 1e-12, true
	case "ns":
		return 1e-9, true
	case "GBd":
		return 1e9, true
	case "Gb/s":
		return 1e9, true
	case "kWh":
		return 3.6e6, true
	case "km":
		return 1e3, true
	}
	return 0, false
}

var paramIndex = func() map[string]paramID {
	m := make(map[string]paramID, numParams)
	for i := range catalogue {
		p := &catalogue[i]
		s, ok := unitScale(p.Unit)
		if !ok {
			s = 1 // reported by TestCatalogueComplete
		}
		p.scale = s
		m[p.ID] = paramID(i)
	}
	return m
}()

// Catalogue returns a copy of every parameter, in catalogue order.
func Catalogue() []Param {
	out := make([]Param, numParams)
	copy(out, catalogue[:])
	return out
}

// LookupParam returns the parameter with the given id.
func LookupParam(id string) (Param, bool) {
	i, ok := paramIndex[id]
	if !ok {
		return Param{}, false
	}
	return catalogue[i], true
}
