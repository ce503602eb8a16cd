package report

import (
	"strings"
	"testing"

	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/label/zh"
	"github.com/cpocalc/cpocalc/core/wire"
)

// A citation names the model version, the address with the scenario's
// versioned link, and parses: BibTeX's braces balance, CSL-JSON is JSON
// with the fields reference managers need.
func TestCite(t *testing.T) {
	for _, c := range []struct{ link, accessed, fields string }{
		{"", "", ""},
		{"v=1&gpus=4096&lane_gbps=100", "2026-12-08", "gpus=4096, lane_gbps=100"},
	} {
		got := In(label.English).Cite("https://example.org/calculator/", c.link, c.accessed)
		url := "https://example.org/calculator/"
		if c.link != "" {
			url += "#" + core.VersionedLink(c.link)
		}
		b := got.BibTeX
		if !strings.HasPrefix(b, "@misc{coppertolight-") || strings.Count(b, "{")-strings.Count(b, `\{`) != strings.Count(b, "}")-strings.Count(b, `\}`) {
			t.Errorf("BibTeX:\n%s", b)
		}
		if !strings.Contains(b, "version = {"+core.ModelVersion+"}") || !strings.Contains(b, bibURL(url)) {
			t.Errorf("BibTeX without its version or address:\n%s", b)
		}
		doc, err := wire.Parse([]byte(got.CSL))
		if err != nil || doc.Kind != wire.List || len(doc.Items) != 1 {
			t.Fatalf("CSL-JSON %s: %v", got.CSL, err)
		}
		item := &doc.Items[0]
		for _, k := range []string{"id", "type", "title", "author", "version", "issued", "URL"} {
			if _, ok := item.Get(k); !ok {
				t.Errorf("CSL-JSON has no %s: %s", k, got.CSL)
			}
		}
		if u, _ := item.Get("URL"); u.Text != url {
			t.Errorf("CSL URL %q, want %q", u.Text, url)
		}
		if _, ok := item.Get("accessed"); ok != (c.accessed != "") {
			t.Errorf("accessed: %s", got.CSL)
		}
		if !strings.Contains(got.Plain, url) || !strings.Contains(got.Plain, core.ModelVersion) || (c.fields != "" && !strings.Contains(got.Plain, c.fields)) {
			t.Errorf("plain: %s", got.Plain)
		}
	}
	if zh := In(zh.Catalogue).Cite("https://example.org/zh/", "", ""); !strings.Contains(zh.Plain, "模型") {
		t.Errorf("the Chinese citation: %s", zh.Plain)
	}
}
