package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"image/png"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cpocalc/cpocalc/core"
)

// The share kit, as writers use it, in both editions: every page's tags
// and card, citing with the model version, and charts to take away.

// Every page and embed of both editions, as a social site reads it: its
// Open Graph and Twitter tags name its title, description, address,
// language and card; the card is a PNG of 1200 × 630 with its size and
// alt text in the tags, served by our server.
func TestShareMeta(t *testing.T) {
	browser := newBrowserFor(t, 10*time.Minute)
	base := siteURL(t)
	seen := map[string]bool{}
	for _, e := range editions {
		for _, p := range allPages() {
			path := "/" + e.Dir + folderOf(p.Path)
			if p.Name == "404" {
				path = "/" + e.Dir + "404.html"
			}
			ctx, cancel := openTab(t, browser, base+path, 1000, 700)
			meta := eval[map[string]string](t, ctx, `Object.fromEntries([...document.querySelectorAll("meta[property^='og:'], meta[name^='twitter:']")].map(m => [m.getAttribute("property") || m.getAttribute("name"), m.content]).concat([["canonical", (document.querySelector("link[rel=canonical]") || {}).href || ""]]))`)
			cancel()
			for _, k := range []string{"og:title", "og:description", "og:url", "og:locale", "og:image", "og:image:alt"} {
				if strings.TrimSpace(meta[k]) == "" {
					t.Errorf("%s: no %s", path, k)
				}
			}
			if meta["og:image:width"] != "1200" || meta["og:image:height"] != "630" || meta["og:image:type"] != "image/png" || meta["twitter:card"] != "summary_large_image" {
				t.Errorf("%s: the card's tags %v", path, meta)
			}
			if meta["og:locale"] != e.Locale {
				t.Errorf("%s: og:locale %q, want %q", path, meta["og:locale"], e.Locale)
			}
			// The addresses are the site's as this server was asked for it.
			if !strings.HasPrefix(meta["og:url"], base+"/") || !strings.HasPrefix(meta["og:image"], base+"/") {
				t.Errorf("%s: og:url %q and og:image %q are not at %s", path, meta["og:url"], meta["og:image"], base)
			}
			if p.Name != "404" && meta["canonical"] != meta["og:url"] {
				t.Errorf("%s: canonical %q, og:url %q", path, meta["canonical"], meta["og:url"])
			}
			card, err := url.Parse(meta["og:image"])
			if err != nil || !strings.HasPrefix(card.Path, "/cards/") {
				t.Errorf("%s: og:image %q", path, meta["og:image"])
				continue
			}
			if seen[card.Path] {
				continue
			}
			seen[card.Path] = true
			resp, err := http.Get(base + card.Path)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/png" {
				t.Errorf("%s: %s answered %d, %s", path, card.Path, resp.StatusCode, resp.Header.Get("Content-Type"))
				continue
			}
			checkCard(t, card.Path, b)
		}
	}
	if len(seen) < 2*len(allPages())-2 {
		t.Errorf("%d cards, want one for each page but 404 in each edition", len(seen))
	}
}

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
		// The scenario's share card, drawn by our server, beside the
		// citation.
		card, err := chromedp.Run(ctx, chromedp.Poll[map[string]any](`(() => { const f = document.getElementById("share-card"), i = document.getElementById("share-card-img"); return !f.hidden && i.complete && i.naturalWidth > 0 && {w: i.naturalWidth, h: i.naturalHeight, src: i.src, href: f.querySelector("[data-share-card]").href}; })()`, chromedp.WithPollingTimeout(30*time.Second)))
		if err != nil {
			t.Errorf("%s: the scenario's share card did not show: %v", dir, err)
		} else if card["w"] != 1200.0 || card["h"] != 630.0 || !strings.HasSuffix(card["src"].(string), dir+"/share/calculator.png?v=1&gpus=4096") || card["href"] != card["src"] {
			t.Errorf("%s: the share card %v", dir, card)
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

// A chart taken away, as a writer takes it, in both editions: each of a
// drawn chart's downloads is named for its chart, model version and
// language; the PNG decodes at twice the chart's size and is not blank;
// the SVG is XML with the chart's title, the site and the version; the
// CSV says what it is and holds the chart's numbers. The buttons are
// reachable by keyboard. (The page's blobs are read back as they are
// handed to the download, not from the disk.)
func TestChartDownloads(t *testing.T) {
	browser := newBrowser(t)
	for _, dir := range []string{"", "/zh"} {
		ctx, cancel := openTab(t, browser, siteURL(t)+dir+"/calculator/#v=1&gpus=4096", 1280, 900)
		waitLive(t, ctx)
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!document.querySelector('#fig-cluster-power .chart-downloads:not([hidden])')`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
			t.Fatalf("%s: the cluster chart's downloads never showed: %v", dir, err)
		}
		eval[bool](t, ctx, `(() => {
			window.__blobs = {}; window.__saved = {};
			const make = URL.createObjectURL;
			URL.createObjectURL = b => { const u = make(b); window.__blobs[u] = b; return u; };
			HTMLAnchorElement.prototype.click = function () {
				const b = window.__blobs[this.href], name = this.download;
				if (!b || !name) return;
				const r = new FileReader(); r.onload = () => { window.__saved[name] = r.result.split(",")[1]; }; r.readAsDataURL(b);
			};
			return true; })()`)
		tabs := eval[int](t, ctx, `[...document.querySelectorAll("#fig-cluster-power [data-download]")].filter(b => !b.hidden && b.tabIndex >= 0).length`)
		if tabs < 3 {
			t.Errorf("%s: %d download buttons reachable by keyboard", dir, tabs)
		}
		for _, kind := range []string{"png", "svg", "csv"} {
			eval[bool](t, ctx, `(() => { document.querySelector('#fig-cluster-power [data-download="`+kind+`"]').click(); return true; })()`)
		}
		lang := map[string]string{"": "", "/zh": "_zh-CN"}[dir]
		base := "copper-to-light_cluster-power_model-" + core.ModelVersion + lang
		files := map[string][]byte{}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`Object.keys(window.__saved).length >= 3`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			t.Fatalf("%s: saved %v", dir, eval[[]string](t, ctx, `Object.keys(window.__saved)`))
		}
		for name, b64 := range eval[map[string]string](t, ctx, `window.__saved`) {
			b, err := base64.StdEncoding.DecodeString(b64)
			if err != nil {
				t.Fatal(err)
			}
			files[name] = b
			// Kept beside the screenshots, to be looked at.
			if err := os.WriteFile(filepath.Join(outDir(t), name), b, 0o644); err != nil {
				t.Error(err)
			}
		}
		w, h := eval[int](t, ctx, `window.cpocharts && document.getElementById("cluster-power").clientWidth`), eval[int](t, ctx, `document.getElementById("cluster-power").clientHeight`)
		img, err := png.Decode(bytes.NewReader(files[base+".png"]))
		if err != nil {
			t.Fatalf("%s: %s.png: %v (have %v)", dir, base, err, savedNames(files))
		}
		if b := img.Bounds(); b.Dx() != 2*w || b.Dy() <= 2*h {
			t.Errorf("%s: the PNG is %d × %d, the chart %d × %d", dir, b.Dx(), b.Dy(), w, h)
		}
		colours := map[uint32]bool{}
		for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y += 7 {
			for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x += 7 {
				r, g, b, _ := img.At(x, y).RGBA()
				colours[r>>12<<8|g>>12<<4|b>>12] = true
			}
		}
		if len(colours) < 4 {
			t.Errorf("%s: the PNG is blank (%d colours)", dir, len(colours))
		}
		svg := files[base+".svg"]
		d := xml.NewDecoder(bytes.NewReader(svg))
		for {
			if _, err := d.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s: the SVG is not XML: %v", dir, err)
			}
		}
		title := eval[string](t, ctx, `document.querySelector("#fig-cluster-power .chart-downloads").dataset.name`)
		for _, want := range []string{title, core.ModelVersion, "gpus=4096"} {
			if !bytes.Contains(svg, []byte(strings.ReplaceAll(want, "&", "&amp;"))) {
				t.Errorf("%s: the SVG does not say %q", dir, want)
			}
		}
		csv := string(files[base+".csv"])
		if !strings.Contains(csv, core.ModelVersion) || !strings.Contains(csv, "gpus=4096") || strings.Count(csv, "\n") < 6 {
			t.Errorf("%s: the CSV:\n%s", dir, csv)
		}
		cancel()
	}
}

func savedNames(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
