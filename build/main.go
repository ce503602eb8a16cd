// Command build renders the static site into dist/:
//
//	go run ./build                 # build into dist/
//	go run ./build -serve :8080    # build, then serve on 127.0.0.1:8080
//
// It computes every number and chart from core, renders the pages from
// site/, copies ECharts from its npm package (running npm ci when needed),
// minifies, and names assets by their content hash. The same sources give
// the same bytes.
package main

import (
	"errors"
	"flag"
	"fmt"
	htmltemplate "html/template"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/cpocalc/cpocalc/build/internal/card"
	"github.com/cpocalc/cpocalc/build/internal/server"
)

func main() {
	out := flag.String("out", "dist", "output folder")
	serve := flag.String("serve", "", "after building, serve the output at this address (host:port, or :port for 127.0.0.1)")
	noBundle := flag.Bool("no-bundle", false, "leave out the offline bundle (make bundle builds it): the pages then say so instead of linking it")
	base := flag.String("base-url", "", "the address the site will be served from (https://example.org/path/), for its absolute links: canonical, og:url, og:image, the sitemap and oEmbed (default: none; the project's server fills in the address it is asked under)")
	flag.Parse()
	root, err := findRoot()
	if err != nil {
		log.Fatal(err)
	}
	outDir := *out
	if !filepath.IsAbs(outDir) {
		outDir = filepath.Join(root, outDir)
	}
	start := time.Now()
	opts := Options{BaseURL: *base, NoBundle: *noBundle, CompressLater: *serve != ""}
	files, err := Build(root, outDir, opts)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("built %d files into %s in %v\n", len(files), outDir, time.Since(start).Round(time.Millisecond))
	if *serve != "" {
		// Serve at once; the compressed copies follow (the first time,
		// brotli takes a minute; later builds take them from the cache).
		go func() {
			t := time.Now()
			c, err := compressAll(outDir, files)
			if err != nil {
				log.Print(err)
				return
			}
			if err := server.WriteManifest(outDir); err != nil {
				log.Print(err)
				return
			}
			fmt.Printf("compressed %d copies in %v\n", len(c), time.Since(t).Round(time.Millisecond))
		}()
		if err := server.ListenAndServe(outDir, *serve); err != nil {
			log.Fatal(err)
		}
	}
}

// findRoot returns the repository root: the folder holding go.mod, from
// the working directory up.
func findRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("build: no go.mod above the working directory; run from the repository")
		}
		dir = parent
	}
}

// Options are the choices of a build.
type Options struct {
	// BaseURL is where the site will be served from ("https://example.org/
	// copper/"): canonical links, og:url, og:image, the sitemap and the
	// oEmbed files need absolute addresses. Empty, they name server.Origin,
	// which the project's server replaces by the address it is asked
	// under. Links between pages are relative and work anywhere.
	BaseURL string
	// NoBundle skips the offline bundle (its cross-compiled servers take a
	// while the first time); the pages then say how to build it.
	NoBundle bool
	// CompressLater leaves the compressed copies to the caller
	// (compressAll), so that a server can start before them.
	CompressLater bool
}

// builder holds one build's state.
type builder struct {
	opts       Options
	root       string
	pub        *publisher
	model      *model
	layouts    map[string]*htmltemplate.Template
	echartsDir string       // output folder of our copy of ECharts, with its hash
	release    string       // the release's name: see release
	glyphs     *card.Glyphs // the text cards' outlines (makeGlyphs)
}

// release names the set of assets the pages are built with: the hash of
// their hashed names, which change whenever an asset does. Every page
// carries it (<meta name="cpocalc-release">) and so does the service
// worker, which keeps and serves a page only with the assets of its own
// release.
func release(assets []string) string {
	var names []string
	for _, f := range assets {
		if strings.HasPrefix(f, "assets/") {
			names = append(names, f)
		}
	}
	sort.Strings(names)
	return contentHash([]byte(strings.Join(names, "\n")))
}

// Build renders the whole site from the repository at root into out,
// replacing what was there. It returns the files written.
func Build(root, out string, opts Options) ([]string, error) {
	if opts.BaseURL == "" {
		opts.BaseURL = server.Origin + "/"
	}
	if !strings.HasSuffix(opts.BaseURL, "/") {
		opts.BaseURL += "/"
	}
	if err := ensureNodeModules(root); err != nil {
		return nil, err
	}
	if err := os.RemoveAll(out); err != nil {
		return nil, fmt.Errorf("clean %s: %w", out, err)
	}
	layouts := map[string]*htmltemplate.Template{}
	for _, name := range []string{"layout", "embed"} {
		t, err := parseLayout(root, name)
		if err != nil {
			return nil, err
		}
		layouts[name] = t
	}
	// The pieces the pages' Markdown asks for: the calculator's form
	// ({{calculatorForm}}), a chart's figure ({{chart}}), an embed's tools,
	// the generations' picker ({{generations}}).
	dir := filepath.Join(root, "site", "templates")
	pieces, err := htmltemplate.ParseFiles(filepath.Join(dir, "calcform.html"), filepath.Join(dir, "figure.html"), filepath.Join(dir, "generations.html"), filepath.Join(dir, "predict.html"), filepath.Join(dir, "prose.html"), filepath.Join(dir, "changelog.html"))
	if err != nil {
		return nil, fmt.Errorf("parse the pages' pieces: %w", err)
	}
	layouts["pieces"] = pieces
	b := &builder{opts: opts, root: root, pub: newPublisher(out), layouts: layouts}
	if err := b.pub.publishAll(b.assets()...); err != nil {
		return nil, err
	}
	glyphs, err := b.makeGlyphs()
	if err != nil {
		return nil, err
	}
	if err := b.pub.publishAll(glyphs); err != nil {
		return nil, err
	}
	b.echartsDir = strings.TrimSuffix(b.pub.written[echartsLogical], "/echarts.min.js")
	b.release = release(b.pub.Files())
	// Each edition in turn, with its words in use; English last, so that
	// the build leaves core as it found it.
	defer useEdition(editions[0])
	var once computed // what does not depend on the language
	for _, e := range editions {
		useEdition(e)
		m, err := newModel(root, &once)
		if err != nil {
			return nil, fmt.Errorf("model (%s): %w", e.Lang, err)
		}
		b.model = m
		for _, p := range allPages() {
			p := p
			src := p.contentPath()
			if p.Inline != "" {
				src = "generated"
			}
			o := &output{Path: e.Dir + p.Path, Media: "text/html", Source: src, Minify: true,
				Make: func() ([]byte, error) { return b.renderPage(p) }}
			if _, err := b.pub.publish(o); err != nil {
				return nil, err
			}
		}
		cards, err := b.cards()
		if err != nil {
			return nil, fmt.Errorf("share cards (%s): %w", e.Lang, err)
		}
		thumbs, err := b.thumbnails()
		if err != nil {
			return nil, fmt.Errorf("stills (%s): %w", e.Lang, err)
		}
		if err := b.pub.publishAll(append(append(cards, thumbs...), b.oembeds()...)...); err != nil {
			return nil, err
		}
	}
	useEdition(editions[0])
	if _, err := b.pub.publish(b.sitemap()); err != nil {
		return nil, err
	}
	// The service worker lists every file above; the bundle holds them all.
	if _, err := b.pub.publish(b.serviceWorker()); err != nil {
		return nil, err
	}
	if !opts.NoBundle {
		if _, err := b.pub.publish(b.bundle(out)); err != nil {
			return nil, err
		}
	}
	files := b.pub.Files()
	if !opts.CompressLater {
		if _, err := compressAll(out, files); err != nil {
			return nil, err
		}
	}
	// The list of the site's files with their hashes, from which our
	// server takes its ETags (written again once the compressed copies
	// are there, when they come later).
	if err := server.WriteManifest(out); err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	return files, nil
}

func parseLayout(root, name string) (*htmltemplate.Template, error) {
	dir := filepath.Join(root, "site", "templates")
	// The layout first: it is the template that runs; parts.html defines
	// what both layouts share.
	t, err := htmltemplate.ParseFiles(filepath.Join(dir, name+".html"), filepath.Join(dir, "parts.html"))
	if err != nil {
		return nil, fmt.Errorf("parse the %s layout in %s: %w", name, dir, err)
	}
	return t, nil
}

const (
	echartsLogical = "assets/vendor/echarts-{hash}/echarts.min.js"
	calcWasm       = "assets/calc.{hash}.wasm"
	animWasm       = "assets/anim.{hash}.wasm"
	wasmExec       = "assets/wasm_exec.{hash}.js"
)

// assets describes the static files: our stylesheet, script and icon from
// site/static, and the parts of ECharts the charts use, from its npm
// package.
func (b *builder) assets() []*output {
	static := func(name string) func() ([]byte, error) {
		return func() ([]byte, error) { return os.ReadFile(filepath.Join(b.root, "site", "static", name)) }
	}
	return []*output{
		{Path: "assets/style.{hash}.css", Media: "text/css", Source: "site/static/style.css", Minify: true, Hash: true, Make: static("style.css")},
		{Path: "assets/app.{hash}.js", Media: "text/javascript", Source: "site/static/app.js", Minify: true, Hash: true, Make: static("app.js")},
		{Path: "assets/icon.{hash}.svg", Media: "image/svg+xml", Source: "site/static/icon.svg", Minify: true, Hash: true, Make: static("icon.svg")},
		{Path: echartsLogical, Media: "text/javascript", Source: "node_modules/echarts (its ES modules, bundled by esbuild: build/echarts.go)", Hash: true,
			Make: func() ([]byte, error) { return echartsBundle(b.root) }},
		{Path: "assets/calc.{hash}.js", Media: "text/javascript", Source: "site/static/calc.js", Minify: true, Hash: true, Make: static("calc.js")},
		{Path: "assets/calcworker.{hash}.js", Media: "text/javascript", Source: "site/static/calcworker.js", Minify: true, Hash: true, Make: static("calcworker.js")},
		{Path: calcWasm, Media: "application/wasm", Source: "wasm/calc", Hash: true, Make: func() ([]byte, error) { return compileWasm(b.root, "./wasm/calc") }},
		// Go's runtime for WebAssembly with the site's one loader after it:
		// every page and worker that runs Go gets both in one file.
		{Path: wasmExec, Media: "text/javascript", Source: "$(go env GOROOT)/lib/wasm/wasm_exec.js, then site/static/wasmload.js", Minify: true, Hash: true, Make: func() ([]byte, error) {
			exec, err := wasmExecJS(b.root)
			if err != nil {
				return nil, err
			}
			loader, err := static("wasmload.js")()
			if err != nil {
				return nil, err
			}
			return append(append(exec, '\n'), loader...), nil
		}},
		{Path: "assets/anim.{hash}.js", Media: "text/javascript", Source: "site/static/anim.js", Minify: true, Hash: true, Make: static("anim.js")},
		{Path: animWasm, Media: "application/wasm", Source: "wasm/anim", Hash: true, Make: func() ([]byte, error) { return compileWasm(b.root, "./wasm/anim") }},
		{Path: "robots.txt", Media: "text/plain", Source: "generated", Make: func() ([]byte, error) {
			return []byte("User-agent: *\nAllow: /\nSitemap: " + b.opts.BaseURL + "sitemap.xml\n"), nil
		}},
		{Path: wordsAsset(editions[1]), Media: "application/json", Source: "core/label/zh", Hash: true,
			Make: func() ([]byte, error) { return catalogueJSON(editions[1].Cat) }},
	}
}
