package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/cpocalc/cpocalc/core"
)

// Citing, as a writer does, in both editions: the calculator's Cite
// button gives the scenario's reference, BibTeX and CSL-JSON with the
// model version and the link that reopens it; the methodology cites the
// site; a link made with an older version says so and links the
// changelog, which lists every version.
func TestCiteAndVersions(t *testing.T) {
	browser := newBrowser(t)
	for _, dir := range []string{"", "/zh"} {
		ctx, _ := openCalculator(t, browser, "")
		if dir != "" {
			ctx, _ = openTab(t, browser, siteURL(t)+dir+"/calculator/", 1280, 900)
			waitLive(t, ctx)
		}
		typeInto(t, ctx, "gpus", "4096")
		eval[bool](t, ctx, `(() => { document.getElementById("cite-open").click(); return true; })()`)
		forms := eval[map[string]string](t, ctx, `Object.fromEntries([...document.querySelectorAll("#cite-panel [data-cite]")].map(e => [e.dataset.cite, e.textContent]))`)
		link := core.VersionedLink("v=1&gpus=4096")
		checkCitation(t, dir+" calculator", forms, "#"+link)
		if eval[string](t, ctx, `document.getElementById("cite-open").getAttribute("aria-expanded")`) != "true" {
			t.Errorf("%s: the Cite button does not say it opened its panel", dir)
		}
		checkAxe(t, ctx, "calculator cite"+dir)

		mctx, cancel := openTab(t, browser, siteURL(t)+dir+"/methodology/", 1280, 900)
		checkCitation(t, dir+" methodology", eval[map[string]string](t, mctx, `Object.fromEntries([...document.querySelectorAll(".cite-forms [data-cite]")].map(e => [e.dataset.cite, e.textContent]))`), "")
		cancel()

		// A link of an older model version: its scenario, and a notice.
		octx, cancel := openTab(t, browser, siteURL(t)+dir+"/calculator/#v=1&gpus=4096&mv=3.0", 1280, 900)
		waitLive(t, octx)
		notice := eval[string](t, octx, `(() => { const b = document.getElementById("permalink-message"); return b.hidden ? "" : b.textContent; })()`)
		if !strings.Contains(notice, "3.0") || !strings.Contains(notice, core.ModelVersion) {
			t.Errorf("%s: an old link's notice reads %q", dir, notice)
		}
		if g := eval[string](t, octx, `document.querySelector("[data-field=gpus]").value.replace(/,/g, "")`); g != "4096" {
			t.Errorf("%s: the old link's scenario did not open: %s GPUs", dir, g)
		}
		href := eval[string](t, octx, `document.querySelector("#permalink-message a").href`)
		if !strings.HasSuffix(href, dir+"/changelog/") {
			t.Errorf("%s: the notice links %q", dir, href)
		}
		cancel()
		cctx, cancel := openTab(t, browser, href, 1280, 900)
		if n := eval[int](t, cctx, `document.querySelectorAll("section.release").length`); n != len(core.Releases) {
			t.Errorf("%s: the changelog shows %d versions, want %d", dir, n, len(core.Releases))
		}
		checkAxe(t, cctx, "changelog"+dir)
		cancel()
	}
}

// checkCitation: the plain reference, BibTeX and CSL-JSON each name the
// model version; BibTeX is one entry whose braces balance; CSL-JSON is a
// list of one item whose URL ends with the scenario's link (fragment; ""
// for the site).
func checkCitation(t *testing.T, what string, forms map[string]string, fragment string) {
	t.Helper()
	for _, k := range []string{"plain", "bibtex", "csl"} {
		if !strings.Contains(forms[k], core.ModelVersion) {
			t.Errorf("%s: %s does not name version %s: %q", what, k, core.ModelVersion, forms[k])
		}
	}
	b := forms["bibtex"]
	if !strings.HasPrefix(b, "@misc{") || strings.Count(b, "@") != 1 || strings.Count(b, "{")-strings.Count(b, `\{`) != strings.Count(b, "}")-strings.Count(b, `\}`) {
		t.Errorf("%s: BibTeX\n%s", what, b)
	}
	var csl []map[string]any
	if err := json.Unmarshal([]byte(forms["csl"]), &csl); err != nil || len(csl) != 1 {
		t.Fatalf("%s: CSL-JSON %q: %v", what, forms["csl"], err)
	}
	url, _ := csl[0]["URL"].(string)
	if csl[0]["version"] != core.ModelVersion || csl[0]["title"] == "" || (fragment != "" && !strings.HasSuffix(url, fragment)) || (fragment == "" && strings.Contains(url, "#")) {
		t.Errorf("%s: CSL-JSON %v", what, csl[0])
	}
}
