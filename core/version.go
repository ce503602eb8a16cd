package core

// The model's versions. ModelVersion names the numbers the model gives:
// it changes whenever a number of the default scenario changes (a
// parameter's default, a formula, a new figure in the result), so that a
// figure quoted with its version can be found again. Releases is the
// changelog: each version, its date, what changed and the headline
// figures of the default scenario as that version computed them (the
// earlier ones measured by running that version's code; a test checks the
// last against today's model, and the digest of today's whole default
// result against the one recorded, so no number moves without a new
// version).

// ModelVersion is the version of the model this code computes.
const ModelVersion = "3.2"

// Headlines are the default scenario's figures a changelog compares: the
// interconnect's power and share of IT power, each stage's interconnect,
// the interconnect's and the network's mean time between failures, and
// the network's cost of ownership (0: the version did not compute it).
type Headlines struct {
	InterconnectW, Share, DSPW, CPOW, MTBFHours, NetworkMTBFHours, TCOUSD float64
}

// Release is one version of the model.
type Release struct {
	Version string
	Date    string // YYYY-MM-DD
	Commit  string // the repository's commit that first computed it
	Changes []string
	Headlines
	// Digest is the SHA-256 of the default scenario's result JSON as this
	// version computes it (the last release's only; a test checks it).
	Digest string
}

// Releases are the model's versions, oldest first.
var Releases = []Release{
	{Version: "1", Date: "2026-11-29", Commit: "cdeb107",
		Changes: []string{
			"The first model: links of passive and active copper, pluggable optics with DSPs, linear pluggables and co-packaged optics, with loss budgets, energy, latency, cost and failure rates; a fat-tree cluster with its tiers, link counts, power and heat.",
		},
		Headlines: Headlines{InterconnectW: 6641418.24, Share: 0.0735766041790698, DSPW: 10074193.92, CPOW: 6641418.24, MTBFHours: 5.288091860162884}},
	{Version: "2", Date: "2026-12-01", Commit: "54fd061",
		Changes: []string{
			"Technologies as a table of their parts; loss budgets that decide which links close; near- and co-packaged optics and linear receive optics.",
			"The bill of materials counted per device (twin-port modules, engines per switch), the network's cost of ownership over its years, the switch boxes' failures in the network's MTBF.",
			"Uncertainty: every parameter drawn over its range; the figures' 90 % bands.",
		},
		Headlines: Headlines{InterconnectW: 6655049.728, Share: 0.07284915793179994, DSPW: 9910222.848, CPOW: 6655049.728, MTBFHours: 12.703747788531585, NetworkMTBFHours: 6.981829815831618, TCOUSD: 532921454.5153107}},
	{Version: "3.0", Date: "2026-12-07", Commit: "2513a5c",
		Changes: []string{
			"Lasers as counted parts: each optics class's lasers, their light and power, external laser sources for co-packaged optics; the laser energy constants are retired.",
			"Planes: a cluster's scale-out ports split over independent fat trees.",
			"The retimer's latency is the DSP's.",
		},
		Headlines: Headlines{InterconnectW: 6491351.76778773, Share: 0.07119883706221614, DSPW: 9652126.33493331, CPOW: 6491351.76778773, MTBFHours: 12.381611978902525, NetworkMTBFHours: 6.8834054640802975, TCOUSD: 532093336.0586433}},
	{Version: "3.1", Date: "2026-12-07", Commit: "b1c4497",
		Changes: []string{
			"Switch boxes as multi-chip systems of their lane rate's switch chip, with control planes, board regulators, fans or pumps and supplies.",
			"Error correction chosen per link (none, the lane's code, an inner code, or the lightest that closes), its energy counted at every end.",
			"Copper signalling: PAM4 both ways on a pair, PAM6 and PAM8; two-level scale-up domains.",
		},
		Headlines: Headlines{InterconnectW: 6868839.127787731, Share: 0.07471122861944575, DSPW: 10029613.694933314, CPOW: 6868839.127787731, MTBFHours: 12.381611978902525, NetworkMTBFHours: 6.8834054640802975, TCOUSD: 535586609.7611159}},
	{Version: "3.2", Date: "2026-12-07", Commit: "",
		Changes: []string{
			"The interconnect's carbon and water; the network's failures as job interruptions, lost GPU-hours and dollars; the cluster's fibre per megawatt and against the world's output.",
			"The fibre market year by year: the world's preforms in fibre against the AI build-out, and the article's supply gap judged from it.",
			"Three parameters of fibre making (the draw's yield, the glass's density, the cladding), so the uncertainty run's draws of every parameter after them moved: the bands shift a little, the default figures do not.",
			"Every result carries its model version.",
		},
		Headlines: Headlines{InterconnectW: 6868839.127787731, Share: 0.07471122861944575, DSPW: 10029613.694933314, CPOW: 6868839.127787731, MTBFHours: 12.381611978902525, NetworkMTBFHours: 6.8834054640802975, TCOUSD: 535586609.7611159},
		Digest:    "4841cd714eccd6525c6d76bd9e8107b51cb50fe5f1cd653afc26b6772b5569bc"},
}

// HeadlinesOf are a result's headline figures.
func HeadlinesOf(r *Result) Headlines {
	h := Headlines{InterconnectW: r.Totals.InterconnectPower.Watts(), Share: float64(r.Totals.InterconnectShare),
		MTBFHours: r.Totals.MTBF.Hours(), NetworkMTBFHours: r.Totals.NetworkMTBF.Hours(), TCOUSD: float64(r.Totals.TCO)}
	for i := range r.ByStage {
		switch st := &r.ByStage[i]; Tech(st.Stage) {
		case DSP:
			h.DSPW = st.Totals.InterconnectPower.Watts()
		case CPO:
			h.CPOW = st.Totals.InterconnectPower.Watts()
		}
	}
	return h
}

// ReleaseOf is the release of a version (nil: none).
func ReleaseOf(version string) *Release {
	for i := range Releases {
		if Releases[i].Version == version {
			return &Releases[i]
		}
	}
	return nil
}
