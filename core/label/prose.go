package label

// prose holds the English words of what core writes for the explainer's
// prose (report.ProseFacts) and of the article's claims it judges
// (report.Claims): the build prints them for the default scenario, the
// explainer's WebAssembly for the one a reader moved.
var prose = map[string]string{
	"claim.1.article":          "copper carries a signal well over tens of centimetres, and attenuation rules it out as clusters grow",
	"claim.1.link_what":        "passive copper forced onto the first tier",
	"claim.1.says":             "At {1} Gb/s per lane passive copper spans {2} and copper with retimers {3}; a row of racks needs {4}, so no copper cable links rows. Within a rack (the scale-up domain) copper still works.",
	"claim.1.topic":            "Copper's attenuation",
	"claim.10.article":         "a pluggable module's electrical-to-optical conversion itself consumes energy and adds latency",
	"claim.10.says":            "A DSP module's own electronics (DSP, driver and amplifier, laser, controller) take {1} per end on top of the host's {2}, and its DSPs add {3} one way.",
	"claim.10.topic":           "Pluggable modules' conversion",
	"claim.11.article":         "the three steps compress the electrical signal's distance until it becomes negligible",
	"claim.11.says":            "The path shrinks {1} times, from {2} to {3}, but it does not vanish: it still loses {4}, and the host SerDes that drive it take {5} of the {6} a co-packaged end draws per bit ({7}). The optical engine's own electronics and laser are now the larger part.",
	"claim.11.topic":           "A negligible distance",
	"claim.12.article":         "direct copper cables are simple and cheap",
	"claim.12.says":            "A 1 m passive copper link costs {1}, against {2} with DSP modules and {3} with co-packaged optics, and has no electronics of its own to fail: it is the cheapest link wherever it reaches.",
	"claim.12.topic":           "Copper's simplicity and cost",
	"claim.2.article":          "to overcome attenuation copper needs stronger drive, and so more electricity",
	"claim.2.says":             "Over 1 m passive copper is the cheapest link per bit ({1} per end, with its SerDes), below co-packaged optics ({2}) and pluggable modules ({3}). The energy goes up when copper must reach further: retimed copper takes {4}. The cost is in the reach, not in the copper.",
	"claim.2.topic":            "Copper's energy",
	"claim.3.article":          "the current becomes heat, and cooling it draws more power still",
	"claim.3.says":             "Every watt of the links becomes heat; at a PUE of {1} the reference cluster's {2} of interconnect cost the facility {3}.",
	"claim.3.topic":            "Heat",
	"claim.4.article":          "light in a fibre loses very little along the way",
	"claim.4.says":             "Single-mode fibre loses {1} dB per km; 26 AWG twinax loses {2} at {3}, about {4} times more per metre. A fibre's reach is set by its optics' budget, not by the glass.",
	"claim.4.topic":            "Light's attenuation",
	"claim.5.article":          "light does not generate heat",
	"claim.5.says":             "The glass does not warm, but the ends do: a co-packaged engine draws {1} per end, {2} of it for its laser light; every optical link is electricity turned into light and back.",
	"claim.5.topic":            "Light and heat",
	"claim.6.article":          "direct copper links are being phased out as AI clusters grow",
	"claim.6.says":             "Between racks, yes: the cluster cannot be built of copper ({1}). Inside a {2}-GPU domain passive copper of {3} still works and draws least, which is why NVL72 racks are wired with it.",
	"claim.6.topic":            "Copper phased out",
	"claim.7.article":          "co-packaged optics cut the electrical path from tens of centimetres to a few millimetres",
	"claim.7.says":             "The host path to a pluggable module is {1} long and loses {2} at the Nyquist frequency; to a co-packaged engine it is {3} and loses {4}.",
	"claim.7.topic":            "Electrical path",
	"claim.8.article":          "co-packaged optics cut the energy drastically",
	"claim.8.says":             "Per link end, by {1} ({2} against {3} per bit). Across the reference cluster, by {4} ({5} against {6}): its copper scale-up domains draw the same either way.",
	"claim.8.topic":            "CPO's energy",
	"claim.9.article":          "co-packaged optics lower the latency",
	"claim.9.says":             "A 1 m link takes {1} one way with co-packaged optics against {2} with DSP modules: no module DSPs to cross. The error-correcting code's wait and decode, the same for both, is the larger part.",
	"claim.9.topic":            "CPO's latency",
	"claim.by_model":           " (the model)",
	"claim.see":                "See it in the calculator: {what}",
	"claim.moved_scenario":     "the scenario you set above",
	"claim.sure":               "Over the {samples} draws of the parameters, {statement} in {share} of them.",
	"claim.sure_judged":        "Over the {n} of {samples} draws of the parameters {which}, {statement} in {share} of them.",
	"fact.miles":               "{n} miles",
	"fact.per_inch":            "{loss} per inch",
	"js.calc.default_scenario": "the default scenario",
	"verdict.v-agrees":         "agrees",
	"verdict.v-contradicted":   "contradicted",
	"verdict.v-partly":         "partly",
	"verdict.v-unconfirmed":    "not confirmed",
}

func init() {
	for k, v := range prose {
		english[k] = v
	}
}
