package main

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cpocalc/cpocalc/core"
)

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
