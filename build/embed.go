package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/cpocalc/cpocalc/build/internal/card"
	"github.com/cpocalc/cpocalc/core/scene"
)

// Embeds and offline use: the oEmbed files of the embeddable pages, the
// service worker that keeps the site for offline visits, and (bundle.go)
// the downloadable offline copy.

// embedSnippet is the code a writer pastes to embed a page: a sandboxed,
// lazily loaded iframe; a few lines that size it from the page's height
// messages, accepted only from that frame and from our origin (or the
// opaque origin the sandbox gives it); and, where scripts do not run,
// the page's still picture linked to it. site/static/app.js
// (cpoEmbed.snippet) writes the same text; a browser test holds them equal.
func embedSnippet(src, title string, height int, thumb string) string {
	origin := src
	if i := strings.Index(src, "://"); i >= 0 {
		if j := strings.IndexByte(src[i+3:], '/'); j >= 0 {
			origin = src[:i+3+j]
		}
	}
	esc := strings.NewReplacer("&", "&amp;", `"`, "&quot;", "<", "&lt;").Replace
	return `<iframe src="` + esc(src) + `" title="` + esc(title) + `" width="100%" height="` + strconv.Itoa(height) +
		`" loading="lazy" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" data-cpocalc style="border:0;max-width:100%"></iframe>` + "\n" +
		`<script>addEventListener("message",function(e){var d=e.data;if(!d||d.type!=="cpocalc:height"||typeof d.height!=="number"||(e.origin!=="null"&&e.origin!=="` + origin + `"))return;` +
		`var f=document.querySelectorAll("iframe[data-cpocalc]");for(var i=0;i<f.length;i++)if(f[i].contentWindow===e.source)f[i].style.height=Math.min(8000,Math.max(120,d.height))+"px"})</script>` + "\n" +
		`<noscript><a href="` + esc(src) + `"><img src="` + esc(thumb) + `" alt="` + esc(title) + `" width="640" height="400" style="max-width:100%;height:auto;border:0"></a></noscript>`
}

// oEmbed is the JSON of one oEmbed response (https://oembed.com/, type
// "rich").
type oEmbed struct {
	Version      string `json:"version"`
	Type         string `json:"type"`
	Title        string `json:"title"`
	ProviderName string `json:"provider_name"`
	ProviderURL  string `json:"provider_url"`
	HTML         string `json:"html"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
	CacheAge     int    `json:"cache_age"`
	ThumbURL     string `json:"thumbnail_url"`
	ThumbWidth   int    `json:"thumbnail_width"`
	ThumbHeight  int    `json:"thumbnail_height"`
}

// embedPages are the embeddable pages, one per embed (the calculator's
// page and its embed share one).
func embedPages() []pageSpec {
	seen := map[string]bool{}
	var out []pageSpec
	for _, p := range allPages() {
		if p.Embed != nil && !seen[p.Embed.OEmbed()] {
			seen[p.Embed.OEmbed()] = true
			out = append(out, p)
		}
	}
	return out
}

// embedPage is the page an embed frames (embed/calculator/, not the
// calculator's page, which offers the same embed).
func embedPage(e *embedSpec) pageSpec {
	var found pageSpec
	for _, p := range allPages() {
		if p.Embed == e && (found.Name == "" || strings.HasPrefix(p.Path, "embed/")) {
			found = p
		}
	}
	return found
}

// oembeds describes one static oEmbed response per embeddable page; the
// pages point to theirs from their head.
func (b *builder) oembeds() []*output {
	var outs []*output
	for _, p := range embedPages() {
		e := *p.Embed
		// The edition's words and paths now, not when the file is made.
		title, src, thumb, cardAt := e.Title(), e.Src(), e.Thumb(), cardPath(embedPage(p.Embed))
		provider := ed.Cat.Get("site.name")
		home := b.opts.BaseURL + ed.Dir
		outs = append(outs, &output{Path: e.OEmbed(), Media: "application/json", Source: "generated from " + ed.Dir + p.Path,
			Make: func() ([]byte, error) {
				o := oEmbed{Version: "1.0", Type: "rich", Title: title, ProviderName: provider, ProviderURL: home,
					HTML:  embedSnippet(b.opts.BaseURL+src, title, e.Height, b.opts.BaseURL+thumb),
					Width: 640, Height: e.Height, CacheAge: 86400,
					// The picture a consumer shows for a link: the page's
					// share card (a PNG; the snippet's still is SVG).
					ThumbURL: b.opts.BaseURL + cardAt, ThumbWidth: card.W, ThumbHeight: card.H}
				// oEmbed wants pixels; the iframe itself fills its column
				// (width="100%"), and 640 is the width it was laid out for.
				var buf bytes.Buffer
				enc := json.NewEncoder(&buf)
				enc.SetEscapeHTML(false) // the snippet stays readable
				enc.SetIndent("", "  ")
				err := enc.Encode(o)
				return buf.Bytes(), err
			}})
	}
	return outs
}

// thumbnails are the still pictures of the embeddable pages (see
// thumbnail.go), one per oEmbed file: a chart's is ECharts' own drawing
// of it (server-side rendering, under Node, with the cards).
func (b *builder) thumbnails() ([]*output, error) {
	var outs []*output
	var charts []*chart
	var chartPaths []string
	for _, p := range embedPages() {
		e := p.Embed
		var make func() (string, error)
		switch {
		case e == calculatorEmbed:
			make = func() (string, error) { return b.calculatorThumbnail(), nil }
		case e == animationEmbed:
			make = func() (string, error) { return animThumbnail(scene.Prose()) } // the embed page's own default
		default:
			id := strings.TrimSuffix(strings.TrimPrefix(e.src, "embed/chart/"), "/")
			build, ok := chartBuilders[id]
			if !ok {
				continue
			}
			c, err := build(b.model, "")
			if err != nil {
				return nil, err
			}
			charts = append(charts, c)
			chartPaths = append(chartPaths, e.Thumb())
			continue
		}
		outs = append(outs, &output{Path: e.Thumb(), Media: "image/svg+xml", Source: "drawn from " + ed.Dir + p.Path,
			Make: func() ([]byte, error) {
				svg, err := make()
				return []byte(svg), err
			}})
	}
	stills, err := chartStills(b.root, charts)
	if err != nil {
		return nil, err
	}
	drawn := make([][]byte, len(stills))
	for i, svg := range stills {
		drawn[i] = []byte(svg)
	}
	return drawnOutputs(outs, chartPaths, drawn, "image/svg+xml", "drawn by ECharts (build/cards.mjs)"), nil
}

// lazyAsset reports whether the service worker keeps a file only once a
// page has used it, rather than on the first visit: the animation's
// WebAssembly, which a reader who never scrolls to it should not download.
func lazyAsset(f string) bool {
	return strings.HasPrefix(f, "assets/anim.") && strings.HasSuffix(f, ".wasm")
}

// keptOffline reports whether the service worker keeps a file of the
// site on the first visit: not the offline bundle, the animation's
// WebAssembly (kept when a page first uses it), or what only crawlers,
// oEmbed consumers and pages without scripts (which no service worker
// serves) read: robots.txt, the sitemap, and each edition's thumbnails and
// oEmbed files.
func keptOffline(f string) bool {
	if strings.HasPrefix(f, "download/") || strings.HasPrefix(f, "cards/") || lazyAsset(f) || f == "robots.txt" || f == "sitemap.xml" {
		return false
	}
	for _, e := range editions {
		rest := strings.TrimPrefix(f, e.Dir)
		if strings.HasPrefix(rest, "thumbs/") || strings.HasPrefix(rest, "oembed/") {
			return false
		}
	}
	return true
}

// serviceWorker makes sw.js at the site root: site/static/sw.js after a
// line that names this build's version and the files to keep. Pages are
// listed by their folder address, as readers open them.
func (b *builder) serviceWorker() *output {
	return &output{Path: "sw.js", Media: "text/javascript", Source: "site/static/sw.js", Minify: true,
		Make: func() ([]byte, error) {
			code, err := os.ReadFile(filepath.Join(b.root, "site", "static", "sw.js"))
			if err != nil {
				return nil, err
			}
			var urls, lazy []string
			for _, f := range b.pub.Files() {
				if lazyAsset(f) {
					lazy = append(lazy, f)
				}
				if !keptOffline(f) {
					continue
				}
				if f == "index.html" {
					f = "./"
				} else if strings.HasSuffix(f, "/index.html") {
					f = strings.TrimSuffix(f, "index.html")
				}
				urls = append(urls, f)
			}
			sort.Strings(urls)
			list, err := json.Marshal(urls)
			if err != nil {
				return nil, err
			}
			// The version changes whenever any precached file does.
			var all []byte
			for _, f := range b.pub.Files() {
				body, err := os.ReadFile(filepath.Join(b.pub.dir, filepath.FromSlash(f)))
				if err != nil {
					return nil, err
				}
				all = append(all, f...)
				all = append(all, contentHash(body)...)
			}
			lazyList, err := json.Marshal(lazy)
			if err != nil {
				return nil, err
			}
			head := fmt.Sprintf("var VERSION=%q;var RELEASE=%q;var PRECACHE=%s;var LAZY=%s;\n", contentHash(all), b.release, list, lazyList)
			return append([]byte(head), code...), nil
		}}
}
