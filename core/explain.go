package core

import (
	"encoding/json"
	"github.com/cpocalc/cpocalc/core/format"
	"strconv"
	"strings"
)

// Explanation says how one result number was computed: the formula, the
// inputs it took (other result numbers, with their paths) and the catalogue
// parameters read on the way (with their sources). Parameters are found by
// re-running the computation with every parameter read recorded, so the
// list cannot drift from the code.
type Explanation struct {
	Path    string     `json:"path"`
	Label   string     `json:"label"`
	Value   any        `json:"value"` // number or bool, as in the result JSON
	Unit    string     `json:"unit"`
	Text    string     `json:"text"` // the value with its unit, for reading
	Formula string     `json:"formula"`
	Inputs  []Term     `json:"inputs"`
	Params  []ParamUse `json:"params"`
	Note    string     `json:"note,omitempty"`
}

// Term is one input of a formula.
type Term struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	Text  string  `json:"text"`           // the value with its unit, for reading
	Path  string  `json:"path,omitempty"` // where it sits in the result, if it is there
}

// ParamUse is a catalogue parameter as one evaluation used it.
type ParamUse struct {
	ID         string     `json:"id"`
	Name       string     `json:"name"`
	Value      float64    `json:"value"`
	Default    float64    `json:"default"`
	Unit       string     `json:"unit"`
	Overridden bool       `json:"overridden"`
	Kind       Kind       `json:"kind"`
	Confidence Confidence `json:"confidence"`
	Source     string     `json:"source"`
	URL        string     `json:"url,omitempty"`
	Note       string     `json:"note,omitempty"`
}

// part is a piece of a link's evaluation that can be re-run on its own.
type part int

const (
	partNone part = iota
	partReach
	partPath
	partEnergy
	partLatency
	partFIT
	partCost
	partLane
)

// runPart re-runs one part of evalLink on p (which should carry a tracker).
func runPart(p *paramSet, s linkSpec, what part) {
	port := s.port()
	switch what {
	case partReach:
		if s.near.Copper() {
			copperReach(p, s)
			return
		}
		if s.fiber == MMF {
			p.raw(pMMFMaxLane)
		}
		opticalReach(p, s.fiber)
		if s.near.linear() || s.far.linear() {
			np, fp := endPath(p, s.near, s.lane), endPath(p, s.far, s.lane)
			linearChannel(p, s, &np, &fp)
			p.raw(s.lane.budgetID)
		}
	case partPath:
		if s.near.Copper() {
			copperHostPath(p, s.lane)
			cableSegment(p, s.lane, s.awg, s.length)
			if s.near == AEC {
				paddlePath(p, s.lane)
			}
			return
		}
		endPath(p, s.near, s.lane)
	case partEnergy:
		endEnergy(p, s.near, s.lane, port)
		endEnergy(p, s.far, s.lane, port)
	case partLatency:
		evalLink(p, s, newPathSet(p, s.lane)) // latency reads the paths, the fibre and the FEC

	case partFIT:
		endFIT(p, s.near, s.lanes)
		endFIT(p, s.far, s.lanes)
	case partCost:
		endCost(p, s.near, port)
		endCost(p, s.far, port)
	case partLane:
		p.raw(s.lane.budgetID)
	}
}

type fieldInfo struct {
	label   string
	formula string
	part    part
	inputs  []string // sibling keys in the same JSON object
	params  []paramID
	note    string
}

var linkFields = map[string]fieldInfo{
	"lane_gbps":          {label: "lane rate", formula: "input: the scenario's lane_gbps"},
	"lanes":              {label: "lanes per direction", formula: "port_gbps / lane_gbps"},
	"port_gbps":          {label: "port rate per direction", formula: "R_port = lanes × R_lane", inputs: []string{"lanes", "lane_gbps"}},
	"length_m":           {label: "link length", formula: "input: the tier's (or domain's) length_m"},
	"awg":                {label: "twinax gauge", formula: "input, or 26 AWG when none is given"},
	"nyquist_ghz":        {label: "Nyquist frequency", formula: "f_N = baud / 2 (PAM4 carries 2 bits per symbol, NRZ 1)", part: partLane},
	"feasible":           {label: "feasible", formula: "length_m ≤ max_reach_m, and the unretimed electrical channel within its budget", part: partReach, inputs: []string{"length_m", "max_reach_m"}},
	"max_reach_m":        {label: "maximum reach", part: partReach},
	"budget_db":          {label: "loss budget", part: partReach},
	"electrical_path_mm": {label: "electrical path", formula: "Σ lengths of the path's segments (breakdown.path): for copper the whole channel, host trace to host trace; for optics, from the ASIC die to where the signal becomes light", part: partPath},
	"electrical_loss_db": {label: "electrical path loss at the Nyquist frequency", formula: "Σ segment losses at f_N. Traces: α = 4.343·R_s/(w·Z0) + 8.686·π·f·√D_k·D_f/c per metre (Bogatin); twinax: α = 8.686·K·R_s/(π·d·Z_d) + 8.686·π·f·√ε_r·tanδ/c per metre, R_s = √(π·f·μ0/σ); transitions and connectors: L_ref × f/53.125 GHz", part: partPath, inputs: []string{"nyquist_ghz"}},
	"watts_per_end":      {label: "device power per end", formula: "P_end = E_device × R_port, E_device = Σ device components of breakdown.energy_pj_per_bit (not the host SerDes)", part: partEnergy, inputs: []string{"port_gbps"}},
	"host_watts_per_end": {label: "host SerDes power per end", formula: "P_host = E_SerDes × R_port, E_SerDes of the class that drives this end, carried to the lane rate by cmos_scale per doubling from 100 Gb/s", part: partEnergy, inputs: []string{"port_gbps"}},
	"pj_per_bit":         {label: "energy per bit per end per direction", formula: "E_b = (P_end + P_host) / R_port: the whole energy per bit at one end, per direction", part: partEnergy, inputs: []string{"watts_per_end", "host_watts_per_end", "port_gbps"}},
	"link_watts":         {label: "link power, both ends", formula: "P_link = (P_end + P_host) near + (P_end + P_host) far", part: partEnergy},
	"latency_ns":         {label: "one-way link latency", formula: "t = t_flight + 2·t_SerDes + t_FEC,accumulate + t_FEC,decode + t_DSP + t_retimer (breakdown.latency_ns)", part: partLatency},
	"flight_ns":          {label: "time of flight", formula: "t_flight = Σ traces ℓ·√D_k/c + cable L·√ε_r/c (copper) or fibre L·n_g/c (optics)", part: partLatency, inputs: []string{"length_m"}},
	"fit_per_end":        {label: "failure rate per end", formula: "DSP module: n_lanes·λ_laser + λ_DSP + λ_other; LPO: n_lanes·λ_laser + λ_other; CPO: λ_engine + ceil(n_lanes/lanes_per_laser)·λ_CW; cables: λ_end (+ λ_retimer for AEC)", part: partFIT, inputs: []string{"lanes"}},
	"link_fit":           {label: "failure rate of the link", formula: "λ_link = λ_near + λ_far", part: partFIT},
	"usd":                {label: "cost of the link", formula: "C = Σ ends price per Gb/s × R_port", part: partCost, inputs: []string{"port_gbps"}},
	"fibers":             {label: "fibres per link", formula: "2 × lanes for parallel optics (one fibre per lane per direction); 0 for copper", inputs: []string{"lanes"}},
	"fit":                {label: "failure rate", formula: "as fit_per_end, for this end", part: partFIT},
}

var energyFormula = "component energy at 100 Gb/s per lane × s^log2(R_lane / 100 Gb/s), s = cmos_scale for electronics and laser_scale for lasers; per end, per direction"

var latencyFields = map[string]string{
	"flight":           "t_flight = Σ traces ℓ·√D_k/c + cable L·√ε_r/c or fibre L·n_g/c",
	"serdes":           "2 × t_SerDes (the transmitting and the receiving SerDes)",
	"fec_accumulation": "n_cw × bits_cw / R_line, n_cw = max(1, ceil(R_port / 200 Gb/s)); RS(544,514) is 5,440 bits",
	"fec_decode":       "t_decode, catalogue fec_decode_ns",
	"dsp":              "t_DSP per pluggable DSP module end",
	"retimer":          "2 × t_retimer for an active electrical cable",
}

var tierFields = map[string]fieldInfo{
	"tier":               {label: "tier", formula: "position from the GPU side, 1 first"},
	"links":              {label: "links in the tier", formula: "links = E: every tier of a non-blocking fat tree carries all E scale-out ports (full bisection)"},
	"length_m":           {label: "tier length", formula: "input: tiers[i].length_m"},
	"switches":           {label: "switches above the tier", formula: "tiers below the top: ceil(E / (k/2)); the top tier: ceil(E / k); one tier alone: 1 (Al-Fares et al., SIGCOMM 2008)"},
	"modules":            {label: "pluggable modules", formula: "switch ends: ceil(links / floor(module_lanes / port_lanes)) (twin-port modules counted once); NIC ends: links × ceil(port_lanes / module_lanes)", params: []paramID{pModuleLanes}, inputs: []string{"links"}},
	"engines":            {label: "co-packaged engines", formula: "ceil(links × R_port / engine capacity) for each CPO side", params: []paramID{pCPOEngineGbps}, inputs: []string{"links"}},
	"transceivers":       {label: "optical transceivers", formula: "modules + engines", inputs: []string{"modules", "engines"}},
	"cables":             {label: "copper cables", formula: "links, one cable assembly per copper link", inputs: []string{"links"}},
	"watts":              {label: "tier power", formula: "P = links × P_link", part: partEnergy, inputs: []string{"links"}},
	"pj_per_bit":         {label: "energy per bit per end per direction", formula: "E_b = P / (2 ends × links × R_port)", part: partEnergy, inputs: []string{"watts", "links"}},
	"latency_ns":         {label: "one-way link latency", formula: "as link.latency_ns", part: partLatency},
	"electrical_path_mm": {label: "electrical path", formula: "as link.electrical_path_mm", part: partPath},
	"electrical_loss_db": {label: "electrical path loss", formula: "as link.electrical_loss_db", part: partPath},
	"max_reach_m":        {label: "maximum reach", part: partReach},
	"feasible":           {label: "feasible", formula: "as link.feasible", part: partReach, inputs: []string{"length_m", "max_reach_m"}},
	"fiber_km":           {label: "fibre in the tier", formula: "links × fibres per link × length (core-km)", inputs: []string{"links", "length_m"}},
	"fit":                {label: "failure rate of the tier", formula: "links × λ_link", part: partFIT, inputs: []string{"links"}},
	"usd":                {label: "cost of the tier's links", formula: "links × C_link", part: partCost, inputs: []string{"links"}},
}

var scaleUpFields = map[string]fieldInfo{
	"domains":             {label: "scale-up domains", formula: "ceil(N_GPU / domain_gpus)"},
	"domain_gpus":         {label: "GPUs per domain", formula: "input: scale_up.domain_gpus"},
	"lanes_per_gpu":       {label: "lanes per GPU per direction", formula: "ceil(scale_up.gbps_per_gpu / lane_gbps)"},
	"links_per_gpu":       {label: "links per GPU", formula: "ceil(lanes_per_gpu / scale_up_link_lanes)", params: []paramID{pSULinkLanes}, inputs: []string{"lanes_per_gpu"}},
	"links":               {label: "scale-up links", formula: "N_GPU × links_per_gpu", inputs: []string{"links_per_gpu"}},
	"pairs":               {label: "differential pairs", formula: "links × scale_up_link_lanes × 2 directions", params: []paramID{pSULinkLanes}, inputs: []string{"links"}},
	"pairs_per_domain":    {label: "differential pairs per domain", formula: "domain_gpus × links_per_gpu × scale_up_link_lanes × 2 (NVL72: 72 × 18 × 2 × 2 = 5,184)", params: []paramID{pSULinkLanes}, inputs: []string{"domain_gpus", "links_per_gpu"}},
	"copper_km":           {label: "copper in all domains", formula: "pairs × length (copper only)", inputs: []string{"pairs", "length_m"}},
	"copper_per_domain_m": {label: "copper per domain", formula: "pairs_per_domain × length (copper only)", inputs: []string{"pairs_per_domain", "length_m"}},
	"domain_tbytes_per_s": {label: "domain bandwidth, both directions", formula: "domain_gpus × gbps_per_gpu × 2 directions / 8 bits (NVL72: 72 × 1.8 TB/s = 129.6 TB/s)", inputs: []string{"domain_gpus"}},
	"switch_chips":        {label: "scale-up switch chips", formula: "full domains × ceil(domain_gpus × links_per_gpu / ports per chip) (+ the partial domain)", params: []paramID{pSUSwitchPorts}, inputs: []string{"domains", "links_per_gpu"}},
	"switch_watts":        {label: "scale-up switch power (besides SerDes)", formula: "chips × ports × scale_up_link_lanes × R_lane × E_core", params: []paramID{pSwitchCorePJ, pSUSwitchPorts, pSULinkLanes}, inputs: []string{"switch_chips"}},
	"length_m":            {label: "GPU-to-switch length", formula: "input: scale_up.length_m"},
	"present":             {label: "scale-up domain present", formula: "scale_up.domain_gpus > 1"},
	"max_reach_m":         {label: "maximum reach", part: partReach},
	"feasible":            {label: "feasible", formula: "as link.feasible", part: partReach, inputs: []string{"length_m", "max_reach_m"}},
	"watts":               {label: "scale-up link power", formula: "links × P_link", part: partEnergy, inputs: []string{"links"}},
	"pj_per_bit":          {label: "energy per bit per end per direction", formula: "P / (2 × links × R_link)", part: partEnergy, inputs: []string{"watts", "links"}},
	"fit":                 {label: "failure rate", formula: "links × λ_link", part: partFIT, inputs: []string{"links"}},
	"usd":                 {label: "cost", formula: "links × C_link", part: partCost, inputs: []string{"links"}},
	"fiber_km":            {label: "fibre", formula: "links × fibres per link × length", inputs: []string{"links", "length_m"}},
}

var totalsFields = map[string]fieldInfo{
	"feasible":                    {label: "feasible", formula: "every tier and the scale-up domain reach their length"},
	"switches":                    {label: "scale-out switches", formula: "Σ tiers: ceil(E/(k/2)) below the top, ceil(E/k) at the top (k = 64, E = 65,536: 2,048 + 2,048 + 1,024 = 5,120)"},
	"scale_up_switches":           {label: "scale-up switch chips", formula: "scale_up.switch_chips", params: []paramID{pSUSwitchPorts}},
	"links":                       {label: "scale-out links", formula: "Σ tiers' links"},
	"scale_up_links":              {label: "scale-up links", formula: "scale_up.links"},
	"transceivers":                {label: "optical transceivers", formula: "modules + engines", inputs: []string{"modules", "engines"}},
	"modules":                     {label: "pluggable modules", formula: "Σ tiers' and the scale-up domain's modules", params: []paramID{pModuleLanes}},
	"engines":                     {label: "co-packaged engines", formula: "Σ tiers' and the scale-up domain's engines", params: []paramID{pCPOEngineGbps}},
	"cables":                      {label: "copper cables", formula: "Σ copper links"},
	"interconnect_watts":          {label: "interconnect power", formula: "P_interconnect = P_scale-out + P_scale-up: every link device and the host SerDes that drive it, each counted once", part: partEnergy, inputs: []string{"scale_out_watts", "scale_up_watts"}},
	"scale_out_watts":             {label: "scale-out link power", formula: "Σ tiers' watts", part: partEnergy},
	"scale_up_watts":              {label: "scale-up link power", formula: "scale_up.watts", part: partEnergy},
	"switch_watts":                {label: "switch ASICs besides SerDes", formula: "N_switch × k × R_port × E_core + scale-up chips × their capacity × E_core (their SerDes are counted with the links)", params: []paramID{pSwitchCorePJ, pSUSwitchPorts, pSULinkLanes}, inputs: []string{"switches", "scale_up_switches"}},
	"gpu_watts":                   {label: "GPU power", formula: "N_GPU × gpu_watts (the GPU's link SerDes are counted with the links)"},
	"nic_watts":                   {label: "NIC power besides SerDes", formula: "N_GPU × nic_core_watts", params: []paramID{pNICWatts}},
	"it_watts":                    {label: "IT power", formula: "P_IT = P_GPU + P_NIC + P_switch + P_interconnect", inputs: []string{"gpu_watts", "nic_watts", "switch_watts", "interconnect_watts"}},
	"facility_watts":              {label: "facility power", formula: "P_IT × PUE", inputs: []string{"it_watts"}},
	"interconnect_share":          {label: "interconnect share of IT power", formula: "P_interconnect / P_IT", inputs: []string{"interconnect_watts", "it_watts"}},
	"interconnect_facility_watts": {label: "interconnect power with cooling", formula: "P_interconnect × PUE: every watt of the links becomes heat the facility removes", inputs: []string{"interconnect_watts"}},
	"annual_mwh":                  {label: "interconnect energy per year", formula: "P_interconnect × PUE × 8,766 h", inputs: []string{"interconnect_facility_watts"}},
	"annual_usd":                  {label: "interconnect electricity per year", formula: "annual kWh × usd_per_kwh", inputs: []string{"annual_mwh"}},
	"households":                  {label: "households' electricity", formula: "annual energy / household_kwh_per_year", params: []paramID{pHouseholdKWh}, inputs: []string{"annual_mwh"}},
	"fiber_km":                    {label: "fibre (core-km)", formula: "Σ links × fibres per link × length"},
	"fiber_cny":                   {label: "fibre cost", formula: "core-km × fiber_cny_per_core_km", inputs: []string{"fiber_km"}},
	"capex_usd":                   {label: "interconnect purchase cost", formula: "Σ links × (price per Gb/s × R_port, both ends)", part: partCost},
	"fit":                         {label: "interconnect failure rate", formula: "Σ links × (λ_near + λ_far)", part: partFIT},
	"mtbf_hours":                  {label: "mean time between interconnect failures", formula: "MTBF = 10⁹ h / Σ FIT (Google, OFC 2026: 200 FIT × 100,000 = 50 h)", inputs: []string{"fit"}},
	"latency_ns":                  {label: "worst GPU-to-GPU latency (scale-out)", formula: "Σ tiers 2 × t_link + (2T − 1) × t_switch: up to the top tier and down again", params: []paramID{pSwitchNS}, part: partLatency},
	"scale_up_latency_ns":         {label: "GPU-to-GPU latency in a domain", formula: "2 × t_link + t_switch", params: []paramID{pSwitchNS}, part: partLatency},
}

var topFields = map[string]fieldInfo{
	"v":             {label: "format version", formula: "the scenario format version"},
	"feasible":      {label: "the stage reaches every tier", formula: "every tier's and the scale-up domain's length ≤ the stage's maximum reach there"},
	"endpoints":     {label: "scale-out ports", formula: "E = N_GPU × ceil(scale_out.gbps_per_gpu / port_gbps)"},
	"ports_per_gpu": {label: "scale-out ports per GPU", formula: "ceil(scale_out.gbps_per_gpu / port_gbps)"},
	"port_lanes":    {label: "lanes per port", formula: "port_gbps / lane_gbps"},
	"tiers_used":    {label: "fat-tree tiers", formula: "the fewest T with E ≤ 2 (k/2)^T (or scale_out.tiers if set)"},
	"capacity":      {label: "ports the tree could hold", formula: "2 (k/2)^T: k for one switch, k²/2 for two tiers, k³/4 for three"},
}

var laneFields = map[string]fieldInfo{
	"gbps":          {label: "lane rate", formula: "input: lane_gbps"},
	"baud_gbd":      {label: "symbol rate", formula: "IEEE 802.3 signalling of the lane rate (25.78125, 26.5625, 53.125, 106.25 GBd; 400G assumed)", part: partLane},
	"nyquist_ghz":   {label: "Nyquist frequency", formula: "f_N = baud / 2", part: partLane},
	"budget_db":     {label: "die-to-die loss budget", formula: "catalogue budget of the lane rate at f_N", part: partLane},
	"skin_depth_um": {label: "skin depth of copper at f_N", formula: "δ = 1/√(π f μ0 σ)", params: []paramID{pCuSigma}, inputs: []string{"nyquist_ghz"}},
}

// Explain says how the number at path in Evaluate(s) was computed. Paths
// follow the result JSON: "totals.interconnect_watts", "tiers[1].watts",
// "tiers[0].link.breakdown.energy_pj_per_bit.laser", "scale_up.pairs",
// "by_stage[3].totals.interconnect_watts".
func Explain(s Scenario, path string) (Explanation, error) {
	var pl plan
	if err := pl.build(s); err != nil {
		return Explanation{}, err
	}
	r := pl.evaluate()
	doc, err := toTree(r)
	if err != nil {
		return Explanation{}, err
	}
	keys, err := parsePath(path)
	if err != nil {
		return Explanation{}, err
	}
	val, parent, err := lookup(doc, keys)
	if err != nil {
		return Explanation{}, &InputError{Field: "path", Value: quote(path), Allowed: "a path to a number in the result, such as totals.interconnect_watts or tiers[0].link.max_reach_m", Reason: err.Error()}
	}
	e := Explanation{Path: path, Value: val, Inputs: []Term{}, Params: []ParamUse{}}
	leaf := keys[len(keys)-1].key
	e.Unit = unitOf(leaf, keys)
	e.Text = valueText(val, e.Unit)
	prefix := pathPrefix(path)

	// Which link the number depends on, if any; which assignment.
	a := assignment{}
	for i := 0; i < pl.tree.tiers; i++ {
		a.tiers[i] = pl.tiers[i].tech
	}
	a.nic, a.scaleUp = pl.s.ScaleOut.NICTech, pl.suTech
	ctx := keys
	if len(ctx) >= 2 && ctx[0].key == "by_stage" && ctx[1].index >= 0 && ctx[1].index < len(Stages) {
		a = pl.stageAssignment(Stages[ctx[1].index])
		ctx = ctx[2:]
	}
	var tiers [MaxTiers]TierResult
	var su ScaleUpResult
	var tot Totals
	pl.run(a, &tiers, &su, &tot)

	var info fieldInfo
	var found bool
	var specs []linkSpec
	switch {
	case len(ctx) >= 2 && ctx[0].key == "tiers" && ctx[1].index >= 0 && ctx[1].index < pl.tree.tiers:
		t := &tiers[ctx[1].index]
		specs = append(specs, pl.tierLink(ctx[1].index, t.Link.Tech, t.Link.FarTech))
		info, found = pickField(ctx[2:], tierFields)
	case len(ctx) >= 1 && ctx[0].key == "scale_up":
		if su.Present {
			specs = append(specs, pl.scaleUpSpec(su.Tech))
		}
		if len(ctx) >= 3 && (ctx[1].key == "as_tech" || ctx[1].key == "candidates") && ctx[2].index >= 0 && ctx[2].index < len(Techs) {
			list := su.AsTech[:]
			if ctx[1].key == "candidates" {
				list = su.Candidates[:su.nCandidates]
			}
			if ctx[2].index < len(list) {
				specs = []linkSpec{pl.scaleUpSpec(list[ctx[2].index].Tech)}
			}
		}
		info, found = pickField(ctx[1:], scaleUpFields)
		if !su.Present && leaf != "present" && len(ctx) >= 2 {
			info, found = fieldInfo{label: "scale-up domain (none)", formula: "0: scale_up.domain_gpus is 1, so there is no scale-up domain"}, true
		}
	case len(ctx) >= 1 && ctx[0].key == "totals":
		for i := 0; i < pl.tree.tiers; i++ {
			specs = append(specs, pl.tierLink(i, tiers[i].Link.Tech, tiers[i].Link.FarTech))
		}
		if su.Present {
			specs = append(specs, pl.scaleUpSpec(su.Tech))
		}
		if len(ctx) == 2 && (ctx[1].key == "latency_ns") {
			specs = specs[:pl.tree.tiers]
		}
		if len(ctx) == 2 && ctx[1].key == "scale_up_latency_ns" {
			specs = specs[pl.tree.tiers:]
		}
		info, found = pickField(ctx[1:], totalsFields)
	case len(ctx) >= 1 && ctx[0].key == "lane":
		specs = append(specs, pl.tierLink(0, DAC, DAC))
		info, found = pickField(ctx[1:], laneFields)
	case len(ctx) >= 1 && ctx[0].key == "scenario":
		info, found = fieldInfo{label: "scenario input", formula: "input: as the scenario gives it (or its default)"}, true
	case len(ctx) == 1:
		info, found = topFields[ctx[0].key]
	}
	// Tier candidates: the link is the candidate's.
	if len(ctx) >= 4 && ctx[0].key == "tiers" && ctx[2].key == "candidates" && ctx[3].index >= 0 {
		i := ctx[1].index
		if i < pl.tree.tiers && ctx[3].index < tiers[i].nCandidates {
			c := tiers[i].Candidates[ctx[3].index]
			specs = []linkSpec{pl.tierLink(i, c.Tech, a.nic)}
			info, found = candidateInfo(leaf), true
		}
	}
	if len(ctx) >= 4 && ctx[0].key == "scale_up" && (ctx[1].key == "as_tech" || ctx[1].key == "candidates") {
		info, found = candidateInfo(leaf), true
	}
	if len(ctx) >= 3 && ctx[0].key == "blocked" {
		switch leaf {
		case "need_m":
			info, found = fieldInfo{label: "length the tier needs", formula: "input: the tier's length_m"}, true
		case "max_reach_m":
			if n, ok := parent["tier"].(float64); ok {
				i := int(n) - 1
				switch {
				case i < 0 && su.Present:
					specs = []linkSpec{pl.scaleUpSpec(su.Tech)}
				case i >= 0 && i < pl.tree.tiers:
					specs = []linkSpec{pl.tierLink(i, tiers[i].Link.Tech, tiers[i].Link.FarTech)}
				}
				info, found = fieldInfo{label: "reach of the stage's technology there", part: partReach}, len(specs) > 0
			}
		case "tier":
			info, found = fieldInfo{label: "tier", formula: "position from the GPU side, 1 first; 0 is the scale-up domain"}, true
		}
	}
	if len(ctx) >= 1 && ctx[0].key == "by_stage" {
		found = false // an index out of range
	}
	if !found {
		return Explanation{}, &InputError{Field: "path", Value: quote(path), Allowed: "a path to a number in the result", Reason: "has no explanation"}
	}
	e.Label = info.label
	e.Formula = info.formula
	e.Note = info.note
	if info.formula == "" {
		e.Formula = reachFormula(specs, leaf)
	}
	for _, k := range info.inputs {
		if v, ok := parent[k]; ok {
			if f, ok := v.(float64); ok {
				e.Inputs = append(e.Inputs, Term{Name: k, Value: f, Unit: unitOf(k, nil), Path: prefix + k})
			}
		}
	}
	if info.part == partPath || leaf == "electrical_path_mm" || leaf == "electrical_loss_db" {
		if segs, ok := parent["breakdown"].(map[string]any); ok {
			e.Inputs = append(e.Inputs, segmentTerms(segs["path"], prefix+"breakdown.path", leaf)...)
		} else if l, ok := parent["link"].(map[string]any); ok {
			if segs, ok := l["breakdown"].(map[string]any); ok {
				e.Inputs = append(e.Inputs, segmentTerms(segs["path"], prefix+"link.breakdown.path", leaf)...)
			}
		}
	}

	// Parameters: re-run the part with a tracker.
	pt := pl.p
	var tr tracker
	pt.tr = &tr
	for _, id := range info.params {
		pt.raw(id)
	}
	if info.part != partNone {
		for _, sp := range specs {
			runPart(&pt, sp, info.part)
		}
	}
	e.Params = paramUses(&pl.p, &tr)
	textTerms(e.Inputs)
	return e, nil
}

// ExplainLink says how one number of EvaluateLink(l) was computed; field is
// a path in the link result JSON ("max_reach_m", "breakdown.energy_pj_per_bit.laser").
func ExplainLink(l Link, field string) (Explanation, error) {
	p, err := resolveParams(l.Params)
	if err != nil {
		return Explanation{}, err
	}
	s, err := checkLink(&p, l, "")
	if err != nil {
		return Explanation{}, err
	}
	r := evalLink(&p, s, newPathSet(&p, s.lane))
	doc, err := toTree(r)
	if err != nil {
		return Explanation{}, err
	}
	keys, err := parsePath(field)
	if err != nil {
		return Explanation{}, err
	}
	val, parent, err := lookup(doc, keys)
	if err != nil {
		return Explanation{}, &InputError{Field: "path", Value: quote(field), Allowed: "a path to a number in the link result, such as max_reach_m", Reason: err.Error()}
	}
	info, found := pickField(keys, linkFields)
	if !found {
		return Explanation{}, &InputError{Field: "path", Value: quote(field), Allowed: "a path to a number in the link result", Reason: "has no explanation"}
	}
	leaf := keys[len(keys)-1].key
	e := Explanation{Path: field, Value: val, Label: info.label, Formula: info.formula, Note: info.note, Inputs: []Term{}, Params: []ParamUse{}}
	e.Unit = unitOf(leaf, keys)
	e.Text = valueText(val, e.Unit)
	if e.Formula == "" {
		e.Formula = reachFormula([]linkSpec{s}, leaf)
	}
	prefix := pathPrefix(field)
	for _, k := range info.inputs {
		if f, ok := parent[k].(float64); ok {
			e.Inputs = append(e.Inputs, Term{Name: k, Value: f, Unit: unitOf(k, nil), Path: prefix + k})
		}
	}
	if info.part == partPath {
		if segs, ok := parent["breakdown"].(map[string]any); ok {
			e.Inputs = append(e.Inputs, segmentTerms(segs["path"], prefix+"breakdown.path", leaf)...)
		}
	}
	pt := p
	var tr tracker
	pt.tr = &tr
	for _, id := range info.params {
		pt.raw(id)
	}
	if info.part != partNone {
		runPart(&pt, s, info.part)
	}
	e.Params = paramUses(&p, &tr)
	textTerms(e.Inputs)
	return e, nil
}

// pickField finds the fieldInfo for the keys below a context object,
// descending into link objects and breakdowns.
func pickField(keys []pathKey, table map[string]fieldInfo) (fieldInfo, bool) {
	if len(keys) == 0 {
		return fieldInfo{}, false
	}
	if keys[0].key == "link" || keys[0].key == "far_end" {
		if keys[0].key == "far_end" {
			info, ok := pickField(keys[1:], linkFields)
			return info, ok
		}
		return pickField(keys[1:], linkFields)
	}
	if keys[0].key == "breakdown" && len(keys) >= 3 {
		switch keys[1].key {
		case "energy_pj_per_bit":
			return fieldInfo{label: "energy of " + keys[2].key, formula: energyFormula, part: partEnergy}, true
		case "latency_ns":
			f, ok := latencyFields[keys[2].key]
			return fieldInfo{label: "latency: " + keys[2].key, formula: f, part: partLatency}, ok
		case "path":
			if len(keys) >= 4 {
				return fieldInfo{label: "path segment", formula: "segment of the electrical path: traces α(f_N)·ℓ, twinax α(f_N)·L, transitions and connectors L_ref·f_N/53.125 GHz", part: partPath}, true
			}
		}
		return fieldInfo{}, false
	}
	if keys[0].key == "path" && len(keys) == 3 {
		return pickField([]pathKey{{key: "breakdown"}, keys[0], keys[1], keys[2]}, table)
	}
	if keys[0].key == "energy_pj_per_bit" && len(keys) == 2 {
		return fieldInfo{label: "energy of " + keys[1].key, formula: energyFormula, part: partEnergy}, true
	}
	if len(keys) != 1 {
		return fieldInfo{}, false
	}
	info, ok := table[keys[0].key]
	if !ok && table != nil {
		info, ok = linkFields[keys[0].key]
	}
	if strings.HasPrefix(info.formula, "as link.") {
		info.formula = linkFields[strings.TrimPrefix(info.formula, "as link.")].formula
	}
	return info, ok
}

func candidateInfo(leaf string) fieldInfo {
	switch leaf {
	case "watts":
		return fieldInfo{label: "power with this technology", formula: "links × P_link with this technology", part: partEnergy}
	case "max_reach_m":
		return fieldInfo{label: "maximum reach of this technology", part: partReach}
	case "feasible":
		return fieldInfo{label: "reaches", formula: "length ≤ max_reach_m", part: partReach}
	}
	return fieldInfo{label: leaf}
}

// reachFormula writes the reach or budget formula of the technologies in
// use.
func reachFormula(specs []linkSpec, leaf string) string {
	if len(specs) == 0 {
		return ""
	}
	s := specs[0]
	budget := leaf == "budget_db"
	switch {
	case s.near == DAC:
		if budget {
			return "B = die-to-die loss budget of the lane rate at f_N"
		}
		return "L_max = (B − 2·H_host) / α_twinax(f_N): the die-to-die budget less both host paths, over the cable's loss per metre"
	case s.near == ACC:
		if budget {
			return "B + G_ACC: the die-to-die budget plus the redriver's equalisation"
		}
		return "L_max = (B + G_ACC − 2·H_host) / α_twinax(f_N)"
	case s.near == AEC:
		if budget {
			return "B = die-to-die budget, applied retimer to retimer"
		}
		return "L_max = (B − 2·H_paddle) / α_twinax(f_N): retimers at both plugs reset the budget for the cable alone"
	case s.fiber == MMF:
		if budget {
			return "B_f = IL_channel,max − A_conn (SR on OM4)"
		}
		return "L_max = (IL_channel,max − A_conn) / α_MMF; 0 if the lane is faster than multimode optics carry"
	}
	if budget {
		return "B_f = P_tx,min − S_rx − A_conn (DR single-mode); for an unretimed (LPO/CPO) link the electrical check Σ H + P_opt − G_LPO ≤ B also applies"
	}
	return "L_max = (P_tx,min − S_rx − A_conn) / α_SMF (800GBASE-DR8: (3.0 − 2.75) dB / 0.5 dB/km = 500 m); 0 if the unretimed electrical channel Σ H + P_opt − G_LPO exceeds the die-to-die budget B"
}

func segmentTerms(v any, prefix, leaf string) []Term {
	list, ok := v.([]any)
	if !ok {
		return nil
	}
	key, unit := "loss_db", "dB"
	if leaf == "electrical_path_mm" {
		key, unit = "length_mm", "mm"
	}
	var out []Term
	for i, x := range list {
		m, ok := x.(map[string]any)
		if !ok {
			continue
		}
		name, _ := m["name"].(string)
		f, _ := m[key].(float64)
		out = append(out, Term{Name: name, Value: f, Unit: unit, Path: prefix + "[" + strconv.Itoa(i) + "]." + key})
	}
	return out
}

func textTerms(ts []Term) {
	for i := range ts {
		ts[i].Text = valueText(ts[i].Value, ts[i].Unit)
	}
}

func paramUses(p *paramSet, tr *tracker) []ParamUse {
	out := []ParamUse{}
	for _, id := range tr.ids() {
		c := &catalogue[id]
		out = append(out, ParamUse{ID: c.ID, Name: c.Name, Value: p.v[id], Default: c.Default, Unit: c.Unit,
			Overridden: p.overridden[id], Kind: c.Kind, Confidence: c.Confidence, Source: c.Source, URL: c.URL, Note: c.Note})
	}
	return out
}

func toTree(v any) (map[string]any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	err = json.Unmarshal(b, &m)
	return m, err
}

type pathKey struct {
	key   string
	index int // -1 when the key is a name
}

// parsePath splits "tiers[1].link.max_reach_m" into keys.
func parsePath(path string) ([]pathKey, error) {
	if path == "" || len(path) > 200 {
		return nil, &InputError{Field: "path", Value: quote(path), Allowed: "a dotted path such as totals.interconnect_watts", Reason: "is empty or too long"}
	}
	var keys []pathKey
	for _, part := range strings.Split(path, ".") {
		name := part
		var idx []int
		for {
			open := strings.IndexByte(name, '[')
			if open < 0 {
				break
			}
			close := strings.IndexByte(name[open:], ']')
			if close < 0 {
				return nil, &InputError{Field: "path", Value: quote(path), Allowed: "indices written [n]", Reason: "has an unclosed bracket"}
			}
			n, err := strconv.Atoi(name[open+1 : open+close])
			if err != nil || n < 0 {
				return nil, &InputError{Field: "path", Value: quote(path), Allowed: "indices written [n], n ≥ 0", Reason: "has a bad index"}
			}
			idx = append(idx, n)
			rest := name[open+close+1:]
			name = name[:open] + rest
		}
		if name == "" {
			return nil, &InputError{Field: "path", Value: quote(path), Allowed: "a dotted path such as totals.interconnect_watts", Reason: "has an empty part"}
		}
		keys = append(keys, pathKey{key: name, index: -1})
		for _, n := range idx {
			keys = append(keys, pathKey{index: n})
		}
	}
	return keys, nil
}

type pathErr string

func (e pathErr) Error() string { return string(e) }

// lookup finds the value at keys and the object that holds it.
func lookup(doc map[string]any, keys []pathKey) (any, map[string]any, error) {
	var cur any = doc
	parent := doc
	for i, k := range keys {
		if k.index >= 0 {
			list, ok := cur.([]any)
			if !ok || k.index >= len(list) {
				return nil, nil, pathErr("has no element " + strconv.Itoa(k.index))
			}
			cur = list[k.index]
			continue
		}
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, nil, pathErr("goes below a number at " + quote(k.key))
		}
		parent = m
		v, ok := m[k.key]
		if !ok {
			return nil, nil, pathErr("has no field " + quote(k.key))
		}
		cur = v
		_ = i
	}
	switch cur.(type) {
	case float64, bool:
		return cur, parent, nil
	case nil:
		return nil, nil, pathErr("points at a value that is absent here (null)")
	}
	return nil, nil, pathErr("points at an object or text, not a number")
}

func pathPrefix(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[:i+1]
	}
	return ""
}

// unitOf names the unit of a result field from its name.
func unitOf(key string, keys []pathKey) string {
	if len(keys) >= 2 {
		switch keys[len(keys)-2].key {
		case "energy_pj_per_bit":
			return "pJ/bit"
		case "latency_ns":
			return "ns"
		}
	}
	switch {
	case strings.HasSuffix(key, "_mm"):
		return "mm"
	case strings.HasSuffix(key, "_km"):
		return "km"
	case strings.HasSuffix(key, "_m"):
		return "m"
	case strings.HasSuffix(key, "_db"):
		return "dB"
	case strings.HasSuffix(key, "_ns"):
		return "ns"
	case strings.HasSuffix(key, "_ghz"):
		return "GHz"
	case strings.HasSuffix(key, "_gbd"):
		return "GBd"
	case strings.HasSuffix(key, "_gbps"):
		return "Gb/s"
	case strings.HasSuffix(key, "_um"):
		return "µm"
	case strings.HasSuffix(key, "pj_per_bit"):
		return "pJ/bit"
	case strings.HasSuffix(key, "watts"):
		return "W"
	case strings.HasSuffix(key, "_mwh"):
		return "MWh"
	case strings.HasSuffix(key, "_hours"):
		return "h"
	case key == "fit" || strings.HasSuffix(key, "_fit"):
		return "FIT"
	case key == "usd" || strings.HasSuffix(key, "_usd"):
		return "USD"
	case strings.HasSuffix(key, "_cny"):
		return "CNY"
	case key == "domain_tbytes_per_s":
		return "TB/s"
	case key == "interconnect_share":
		return "share"
	}
	return ""
}

func valueText(v any, unit string) string {
	switch x := v.(type) {
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case float64:
		if unit == "share" {
			return Ratio(x).Percent()
		}
		s := format.Number(x, 4)
		if x == float64(int64(x)) && x < 1e15 && x > -1e15 {
			s = format.Input(x)
		}
		if unit != "" {
			s += " " + unit
		}
		return s
	}
	return ""
}
