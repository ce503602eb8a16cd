package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"debug/macho"
	"debug/pe"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cpocalc/cpocalc/build/internal/card"
	"github.com/cpocalc/cpocalc/build/internal/server"
)

// Tests of the embeds' static parts: oEmbed files, their discovery links,
// the snippet, the service worker's list and the offline bundle's content.

var oembedLink = regexp.MustCompile(`<link rel="alternate" type="application/json\+oembed" href="([^"]+)"`)

// Every embeddable page names its oEmbed file; the file is valid oEmbed
// and its html is the snippet, pointing to a page that exists.
func TestOEmbed(t *testing.T) {
	dir := built(t)
	opts, err := testOptions()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range allPages() {
		page, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p.Path)))
		if err != nil {
			t.Fatal(err)
		}
		m := oembedLink.FindSubmatch(page)
		if p.Embed == nil {
			if m != nil {
				t.Errorf("%s: an oEmbed link, but the page is not embeddable", p.Path)
			}
			continue
		}
		n++
		if m == nil {
			t.Errorf("%s: no oEmbed discovery link", p.Path)
			continue
		}
		target := path.Join(path.Dir(p.Path), string(m[1]))
		if want := p.Embed.OEmbed(); target != want {
			t.Errorf("%s: oEmbed link resolves to %s, want %s", p.Path, target, want)
		}
		body, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(target)))
		if err != nil {
			t.Errorf("%s: %v", p.Path, err)
			continue
		}
		var o map[string]any
		if err := json.Unmarshal(body, &o); err != nil {
			t.Errorf("%s: not JSON: %v", target, err)
			continue
		}
		for k, want := range map[string]any{"version": "1.0", "type": "rich", "title": p.Embed.Title(), "provider_name": "Copper to light",
			"provider_url": opts.BaseURL, "width": 640.0, "height": float64(p.Embed.Height)} {
			if o[k] != want {
				t.Errorf("%s: %s = %v, want %v", target, k, o[k], want)
			}
		}
		html, _ := o["html"].(string)
		if want := embedSnippet(opts.BaseURL+p.Embed.Src(), p.Embed.Title(), p.Embed.Height, opts.BaseURL+p.Embed.Thumb()); html != want {
			t.Errorf("%s: html is\n%s\nwant the snippet\n%s", target, html, want)
		}
		src := regexp.MustCompile(`<iframe src="([^"]+)"`).FindStringSubmatch(html)
		if src == nil || !strings.HasPrefix(src[1], opts.BaseURL) {
			t.Errorf("%s: the iframe's address is not on the site: %v", target, src)
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(src[1], opts.BaseURL)), "index.html")); err != nil {
			t.Errorf("%s: the iframe's page is not built: %v", target, err)
		}
		// Its still picture: named in the oEmbed, built, and in the
		// snippet where scripts do not run.
		thumb, _ := o["thumbnail_url"].(string)
		if want := opts.BaseURL + cardPath(embedPage(p.Embed)); thumb != want || o["thumbnail_width"] != float64(card.W) || o["thumbnail_height"] != float64(card.H) {
			t.Errorf("%s: thumbnail %v (%v × %v), want %s", target, o["thumbnail_url"], o["thumbnail_width"], o["thumbnail_height"], want)
		}
		if svg, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p.Embed.Thumb()))); err != nil || !bytes.HasPrefix(svg, []byte("<svg")) {
			t.Errorf("%s: the thumbnail is not built: %v", target, err)
		}
		if !strings.Contains(html, `<noscript><a href="`+src[1]+`"><img src="`+opts.BaseURL+p.Embed.Thumb()+`"`) {
			t.Errorf("%s: the snippet has no still picture for readers without scripts", target)
		}
		for _, want := range []string{`sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"`, `loading="lazy"`, `title="`, `cpocalc:height`, `e.source`} {
			if !strings.Contains(html, want) {
				t.Errorf("%s: the snippet lacks %s", target, want)
			}
		}
	}
	if n < 10 {
		t.Errorf("%d embeddable pages; want the calculator (and its embed), the animation and 7 charts", n)
	}
}

// Our server answers each oEmbed file for the pages that name it, in both
// editions, at whatever host it is asked under, naming that host: the
// file as it is, or its frame on the scenario of a permalink; for a page
// that names another oEmbed file, or the placeholder the build wrote for
// the site's address, 404.
func TestOEmbedServesItsPages(t *testing.T) {
	dir := built(t)
	h := server.Handler(dir)
	ask := func(host, oembed, page string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "http://"+host+"/"+oembed+"?format=json&url="+url.QueryEscape(page), nil))
		return rec
	}
	defer useEdition(editions[0])
	n := 0
	for _, e := range editions {
		useEdition(e)
		for _, p := range allPages() {
			if p.Embed == nil {
				continue
			}
			folder := strings.TrimSuffix(e.Dir+p.Path, "index.html")
			for _, host := range []string{"127.0.0.1:9", "example.org"} {
				base := "http://" + host + "/"
				rec := ask(host, p.Embed.OEmbed(), base+folder)
				if body := rec.Body.String(); rec.Code != 200 || !strings.Contains(body, `"type": "rich"`) {
					t.Errorf("%s for %s%s: %d", p.Embed.OEmbed(), base, folder, rec.Code)
				} else if strings.Contains(body, server.Origin) || !strings.Contains(body, `"provider_url": "`+base+e.Dir+`"`) {
					t.Errorf("%s asked under %s does not name it:\n%s", p.Embed.OEmbed(), host, body)
				}
				n++
			}
			// Another page's oEmbed file, the placeholder's address, a
			// page of another site, a javascript: or data: address: 404.
			for _, other := range []string{
				server.Origin + "/" + folder,
				"https://evil.example/" + folder,
				"javascript:alert(1)//127.0.0.1:9/" + folder,
				"data:text/html,<script>alert(1)</script>",
			} {
				if rec := ask("127.0.0.1:9", p.Embed.OEmbed(), other); rec.Code != 404 {
					t.Errorf("%s for %s: %d, want 404", p.Embed.OEmbed(), other, rec.Code)
				}
			}
			rec := ask("127.0.0.1:9", p.Embed.OEmbed(), "http://127.0.0.1:9/"+folder+"#v=1&gpus=1000")
			if !strings.Contains(rec.Body.String(), "#v=1\\u0026amp;gpus=1000\\\"") {
				t.Errorf("%s for a scenario: %d %s", p.Embed.OEmbed(), rec.Code, rec.Body.String())
			}
			// Its picture is the scenario's card, which this server draws.
			var doc struct {
				Thumb string `json:"thumbnail_url"`
			}
			json.Unmarshal(rec.Body.Bytes(), &doc)
			name := strings.TrimSuffix(path.Base(p.Embed.OEmbed()), ".json")
			if want := "http://127.0.0.1:9/" + e.Dir + "share/" + name + ".png?v=1&gpus=1000"; doc.Thumb != want {
				t.Errorf("%s for a scenario: thumbnail %q, want %q", p.Embed.OEmbed(), doc.Thumb, want)
			} else {
				pic := httptest.NewRecorder()
				h.ServeHTTP(pic, httptest.NewRequest("GET", doc.Thumb, nil))
				if pic.Code != 200 || pic.Header().Get("Content-Type") != "image/png" {
					t.Errorf("%s: %d %s", doc.Thumb, pic.Code, pic.Header().Get("Content-Type"))
				}
			}
			// The methodology page names no oEmbed file.
			if rec := ask("127.0.0.1:9", p.Embed.OEmbed(), "http://127.0.0.1:9/"+e.Dir+"methodology/"); rec.Code != 404 {
				t.Errorf("%s for the methodology page: %d, want 404", p.Embed.OEmbed(), rec.Code)
			}
		}
	}
	if n < 40 {
		t.Errorf("%d oEmbed answers checked", n)
	}
}

// Every file the build writes has a name the server's path rules accept:
// the rules refuse nothing of the site.
func TestNamesPassPathRules(t *testing.T) {
	for _, f := range listFiles(t, built(t)) {
		if _, why := server.CleanPath("/" + f); why != "" {
			t.Errorf("%s: the server refuses it (%s)", f, why)
		}
	}
}

// The snippet escapes what it quotes.
func TestEmbedSnippetEscapes(t *testing.T) {
	s := embedSnippet(`https://example.org/a"b/`, `x "<y>" & z`, 300, `https://example.org/t"<.svg`)
	if !strings.Contains(s, `src="https://example.org/a&quot;b/"`) || !strings.Contains(s, `title="x &quot;&lt;y>&quot; &amp; z"`) {
		t.Errorf("snippet does not escape: %s", s)
	}
	if !strings.Contains(s, `e.origin!=="https://example.org"`) {
		t.Errorf("snippet checks the wrong origin: %s", s)
	}
}

// The service worker keeps every page and asset of the site, both
// editions', and not the bundle, the thumbnails or the oEmbed files.
func TestServiceWorkerList(t *testing.T) {
	dir := built(t)
	have := map[string]bool{}
	for _, u := range precacheList(t, dir) {
		have[u] = true
	}
	for _, f := range listFiles(t, dir) {
		switch {
		case strings.HasPrefix(f, "download/"):
			if have[f] {
				t.Errorf("the service worker keeps the bundle %s", f)
			}
		case compressedCopy(f):
			if have[f] {
				t.Errorf("the service worker keeps the compressed copy %s (the browser decodes)", f)
			}
		case lazyAsset(f):
			if have[f] {
				t.Errorf("the service worker keeps %s on the first visit", f)
			}
		case f == "sw.js":
		case f == "robots.txt" || f == "sitemap.xml" || strings.Contains("/"+f, "/thumbs/") || strings.Contains("/"+f, "/oembed/") || strings.HasPrefix(f, "cards/"):
			// For crawlers, oEmbed consumers, social sites' previews and
			// no-script readers only, in each edition.
			if have[f] {
				t.Errorf("the service worker keeps %s", f)
			}
		case f == "index.html":
			if !have["./"] {
				t.Error("the home page is not kept")
			}
		case strings.HasSuffix(f, "/index.html"):
			if !have[strings.TrimSuffix(f, "index.html")] {
				t.Errorf("page %s is not kept (by its folder address)", f)
			}
		default:
			if !have[f] {
				t.Errorf("%s is not kept", f)
			}
		}
	}
	sw, err := os.ReadFile(filepath.Join(dir, "sw.js"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`VERSION="[0-9a-f]{10}"`).Match(sw) {
		t.Error("no VERSION in sw.js")
	}
}

// precacheList is the list of files the built service worker keeps.
func precacheList(t *testing.T, dir string) []string {
	t.Helper()
	sw, err := os.ReadFile(filepath.Join(dir, "sw.js"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`PRECACHE=(\[[^\]]*\])`).FindSubmatch(sw)
	if m == nil {
		t.Fatalf("no PRECACHE list in sw.js: %.200s", sw)
	}
	var list []string
	if err := json.Unmarshal(m[1], &list); err != nil {
		t.Fatal(err)
	}
	return list
}

// servedOEmbedHTML is the html of an oEmbed file as our server sends it,
// with the site's address (the test server's) filled in.
func servedOEmbedHTML(t *testing.T, name string) string {
	t.Helper()
	resp, err := http.Get(siteURL(t) + "/oembed/" + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var o struct{ HTML string }
	if err := json.NewDecoder(resp.Body).Decode(&o); err != nil || resp.StatusCode != 200 {
		t.Fatalf("%s.json: %d %v", name, resp.StatusCode, err)
	}
	return o.HTML
}

// unzipBundle unpacks the offline bundle into dir and returns its files.
func unzipBundle(t *testing.T, zipPath, dir string) map[string]os.FileMode {
	t.Helper()
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	files := map[string]os.FileMode{}
	for _, f := range zr.File {
		if strings.Contains(f.Name, "..") || strings.HasPrefix(f.Name, "/") {
			t.Fatalf("unsafe name in the bundle: %s", f.Name)
		}
		files[f.Name] = f.Mode()
		dst := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		w, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, f.Mode().Perm())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, r); err != nil {
			t.Fatal(err)
		}
		r.Close()
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return files
}

// executableFor names the system and processor a program is built for,
// as GOOS/GOARCH, from its headers (ELF, Mach-O or PE); "" if it is none
// of these.
func executableFor(bin []byte) string {
	r := bytes.NewReader(bin)
	if f, err := elf.NewFile(r); err == nil {
		switch f.Machine {
		case elf.EM_X86_64:
			return "linux/amd64"
		case elf.EM_AARCH64:
			return "linux/arm64"
		}
		return "linux/" + f.Machine.String()
	}
	if f, err := macho.NewFile(r); err == nil {
		switch f.Cpu {
		case macho.CpuAmd64:
			return "darwin/amd64"
		case macho.CpuArm64:
			return "darwin/arm64"
		}
		return "darwin/" + f.Cpu.String()
	}
	if f, err := pe.NewFile(r); err == nil {
		switch f.Machine {
		case pe.IMAGE_FILE_MACHINE_AMD64:
			return "windows/amd64"
		case pe.IMAGE_FILE_MACHINE_ARM64:
			return "windows/arm64"
		}
		return "windows/?"
	}
	return ""
}

// compressedCopy reports whether f is the build's brotli or gzip copy of a
// file (the server's, not a file of the site).
func compressedCopy(f string) bool {
	for _, e := range encodings {
		if strings.HasSuffix(f, e.ext) && server.Compressible(strings.TrimSuffix(f, e.ext)) {
			return true
		}
	}
	return false
}

// The bundle holds the whole site, a server for each platform and a
// README; the site links to it.
func TestBundleContent(t *testing.T) {
	dir := built(t)
	unpacked := t.TempDir()
	files := unzipBundle(t, filepath.Join(dir, filepath.FromSlash(bundlePath)), unpacked)
	for _, s := range servers {
		mode, ok := files[bundleDir+s.Name]
		if !ok {
			t.Errorf("no %s in the bundle", s.Name)
		} else if mode.Perm()&0o100 == 0 {
			t.Errorf("%s is not executable (%v)", s.Name, mode)
		}
	}
	if _, ok := files[bundleDir+"README.txt"]; !ok {
		t.Error("no README.txt in the bundle")
	}
	// SHA256SUMS, in sha256sum's format, holds each program's checksum.
	sums, err := os.ReadFile(filepath.Join(unpacked, bundleDir, "SHA256SUMS"))
	if err != nil {
		t.Fatal("no SHA256SUMS in the bundle")
	}
	for _, s := range servers {
		bin, err := os.ReadFile(filepath.Join(unpacked, bundleDir, s.Name))
		if err != nil {
			t.Fatal(err)
		}
		if got := executableFor(bin); got != s.GOOS+"/"+s.GOARCH {
			t.Errorf("%s is a program for %q, not for %s/%s", s.Name, got, s.GOOS, s.GOARCH)
		}
		sum := sha256.Sum256(bin)
		if line := hex.EncodeToString(sum[:]) + "  " + s.Name + "\n"; !strings.Contains(string(sums), line) {
			t.Errorf("SHA256SUMS has no line %q", line)
		}
	}
	for _, f := range listFiles(t, dir) {
		if strings.HasPrefix(f, "download/") || compressedCopy(f) {
			continue
		}
		if _, ok := files[bundleDir+"site/"+f]; !ok {
			t.Errorf("the bundle lacks site/%s", f)
		}
	}
	// The bundle's own manifest lists exactly its site's files, with the
	// hashes of the copies it holds (its pages differ from the site's).
	list, err := os.ReadFile(filepath.Join(unpacked, bundleDir, "site", server.ManifestName))
	if err != nil {
		t.Fatal("no manifest in the bundle's site")
	}
	lines := strings.Split(strings.TrimSpace(string(list)), "\n")
	siteFiles := 0
	for name := range files {
		if strings.HasPrefix(name, bundleDir+"site/") && name != bundleDir+"site/"+server.ManifestName {
			siteFiles++
		}
	}
	if len(lines) != siteFiles {
		t.Errorf("the bundle's manifest lists %d files; its site holds %d", len(lines), siteFiles)
	}
	for _, line := range lines {
		fields := strings.SplitN(line, " ", 3)
		body, err := os.ReadFile(filepath.Join(unpacked, bundleDir, "site", filepath.FromSlash(fields[2])))
		sum := sha256.Sum256(body)
		if err != nil || hex.EncodeToString(sum[:]) != fields[0] || strconv.Itoa(len(body)) != fields[1] {
			t.Errorf("the bundle's manifest: %q does not match its file", line)
		}
	}
	// Inside the bundle no page links the bundle (it does not hold itself).
	inside, err := os.ReadFile(filepath.Join(unpacked, bundleDir, "site", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(inside), bundlePath) || !strings.Contains(string(inside), "offline copy") {
		t.Error("the bundle's home page links the bundle, or does not say it is the offline copy")
	}
	index, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(index), `href="`+bundlePath+`"`) {
		t.Error("the home page does not link to the bundle")
	}
	if u, _ := url.Parse(bundlePath); u.IsAbs() {
		t.Error("the bundle link must be relative")
	}
}

// The bundle's server's package and tests vet for every system the bundle
// ships to: the path rules that guard Windows, and their tests, are
// type-checked for Windows on every run of the tests. (The servers
// themselves are compiled by the test build's bundle, which
// TestBundleContent reads: compiling them again here cost five links.)
func TestServersBuildForEverySystem(t *testing.T) {
	root, err := findRoot()
	if err != nil {
		t.Fatal(err)
	}
	gobin, err := goTool()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range servers {
		t.Run(s.Name, func(t *testing.T) {
			cmd := exec.Command(gobin, "vet", "./build/serve", "./build/internal/server")
			cmd.Dir = root
			cmd.Env = append(os.Environ(), "GOOS="+s.GOOS, "GOARCH="+s.GOARCH, "CGO_ENABLED=0")
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("go vet for %s/%s: %v\n%s", s.GOOS, s.GOARCH, err, out)
			}
		})
	}
}

// Every embed links back: a chart's credit to that chart on the
// explainer (and, for a chart that follows a scenario, says where the
// calculator is, for calc.js to send it there on the scenario); the
// animation to the explainer's animation and the calculator.
func TestEmbedsLinkBack(t *testing.T) {
	dir := built(t)
	// resolve is where a link of a page leads, from the site's root.
	resolve := func(page, href string) string {
		p, frag, _ := strings.Cut(href, "#")
		out := path.Clean(path.Join(path.Dir(page), p)) + "/"
		if out == "./" {
			out = ""
		}
		if frag != "" {
			out += "#" + frag
		}
		return out
	}
	for _, e := range editions {
		for _, id := range chartIDs() {
			page := e.Dir + "embed/chart/" + id + "/index.html"
			b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(page)))
			if err != nil {
				t.Fatal(err)
			}
			credit := regexp.MustCompile(`<p class="embed-credit"( data-calculator="([^"]+)")?>[^<]*<a href="([^"]+)"`).FindSubmatch(b)
			if credit == nil || resolve(page, string(credit[3])) != e.Dir+"#fig-"+id {
				t.Errorf("%s: the credit does not lead to its chart: %q", page, credit)
				continue
			}
			if calc := string(credit[2]); scenarioCharts[id] != (calc != "" && resolve(page, calc) == e.Dir+"calculator/") {
				t.Errorf("%s: the credit's calculator %q", page, calc)
			}
		}
		page := e.Dir + "embed/animation/index.html"
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(page)))
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`<a id="anim-home" class="anim-home" href="([^"]+)" data-calculator="([^"]+)"`).FindSubmatch(b)
		if m == nil || resolve(page, string(m[1])) != e.Dir+"#the-three-step-compression" || resolve(page, string(m[2])) != e.Dir+"calculator/" {
			t.Errorf("%s: no link back: %q", page, m)
		}
	}
}
