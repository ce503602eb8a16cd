package core

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"testing"
)

// No default number moves without a new model version: the last release
// is ModelVersion, its headline figures are today's default scenario's,
// and its digest is that of today's whole default result. A change that
// moves any number fails here until the version is raised and its
// changelog entry written (core/version.go).
func TestModelVersion(t *testing.T) {
	last := &Releases[len(Releases)-1]
	if last.Version != ModelVersion {
		t.Fatalf("the last release is %s, the model says %s", last.Version, ModelVersion)
	}
	r := evaluate(t, DefaultScenario())
	b, err := r.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	if got := hex.EncodeToString(sum[:]); got != last.Digest {
		t.Errorf("the default result's digest is %s, release %s records %s: a number moved; raise ModelVersion, add its release and its changes", got, last.Version, last.Digest)
	}
	h := HeadlinesOf(&r)
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"interconnect", h.InterconnectW, last.InterconnectW}, {"share", h.Share, last.Share}, {"DSP", h.DSPW, last.DSPW},
		{"CPO", h.CPOW, last.CPOW}, {"MTBF", h.MTBFHours, last.MTBFHours}, {"network MTBF", h.NetworkMTBFHours, last.NetworkMTBFHours}, {"TCO", h.TCOUSD, last.TCOUSD},
	} {
		if math.Abs(c.got-c.want) > 1e-9*math.Abs(c.want) {
			t.Errorf("%s: today %v, release %s records %v", c.name, c.got, last.Version, c.want)
		}
	}
	seen := map[string]bool{}
	for i, rel := range Releases {
		if seen[rel.Version] || rel.Version == "" || len(rel.Date) != 10 || len(rel.Changes) == 0 || rel.InterconnectW <= 0 {
			t.Errorf("release %d (%s) is incomplete or repeated", i, rel.Version)
		}
		if i > 0 && rel.Date < Releases[i-1].Date {
			t.Errorf("release %s is dated before %s", rel.Version, Releases[i-1].Version)
		}
		seen[rel.Version] = true
	}
	if ReleaseOf(ModelVersion) != last || ReleaseOf("0.9") != nil {
		t.Error("ReleaseOf")
	}
}
