package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// The server sends the build's compressed copy a browser accepts, says so,
// varies on Accept-Encoding, and answers a matching ETag with 304.
func TestCompressedResponses(t *testing.T) {
	dir := t.TempDir()
	body := []byte(strings.Repeat("function calculator() { return 42; }\n", 200))
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("app.0123456789.js", body)
	var br, gz bytes.Buffer
	bw := brotli.NewWriterLevel(&br, 11)
	bw.Write(body)
	bw.Close()
	gw := gzip.NewWriter(&gz)
	gw.Write(body)
	gw.Close()
	write("app.0123456789.js.br", br.Bytes())
	write("app.0123456789.js.gz", gz.Bytes())
	write("logo.png", []byte("not text"))
	h := Handler(dir)

	get := func(path, ae string, hdr ...string) *http.Response {
		req := httptest.NewRequest("GET", path, nil)
		if ae != "" {
			req.Header.Set("Accept-Encoding", ae)
		}
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Result()
	}
	decode := func(r *http.Response) []byte {
		var rd io.Reader = r.Body
		switch r.Header.Get("Content-Encoding") {
		case "br":
			rd = brotli.NewReader(r.Body)
		case "gzip":
			g, err := gzip.NewReader(r.Body)
			if err != nil {
				t.Fatal(err)
			}
			rd = g
		}
		b, err := io.ReadAll(rd)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, c := range []struct{ ae, want string }{
		{"gzip, deflate, br, zstd", "br"},
		{"gzip", "gzip"},
		{"br;q=0, gzip", "gzip"},
		{"", ""},
		{"identity", ""},
	} {
		r := get("/app.0123456789.js", c.ae)
		if got := r.Header.Get("Content-Encoding"); got != c.want {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", c.ae, got, c.want)
		}
		if !bytes.Equal(decode(r), body) {
			t.Errorf("Accept-Encoding %q: the body does not decode to the file", c.ae)
		}
		if r.Header.Get("Vary") != "Accept-Encoding" || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/javascript") {
			t.Errorf("Accept-Encoding %q: Vary %q, type %q", c.ae, r.Header.Get("Vary"), r.Header.Get("Content-Type"))
		}
		if cc := r.Header.Get("Cache-Control"); !strings.Contains(cc, "immutable") {
			t.Errorf("hashed asset cached as %q", cc)
		}
		tag := r.Header.Get("ETag")
		if !strings.HasPrefix(tag, `"`) || strings.HasPrefix(tag, "W/") {
			t.Errorf("ETag %q is not strong", tag)
		}
		if again := get("/app.0123456789.js", c.ae, "If-None-Match", tag); again.StatusCode != http.StatusNotModified {
			t.Errorf("If-None-Match %s: %d, want 304", tag, again.StatusCode)
		}
	}
	// Each encoding has its own ETag.
	if get("/app.0123456789.js", "br").Header.Get("ETag") == get("/app.0123456789.js", "").Header.Get("ETag") {
		t.Error("the brotli and the plain body share an ETag")
	}
	if r := get("/logo.png", "br, gzip"); r.Header.Get("Content-Encoding") != "" || r.Header.Get("Vary") != "" {
		t.Errorf("an image went compressed or varied: %v", r.Header)
	}
}

// An oEmbed request whose url carries a scenario gets the snippet with
// its frame on that scenario; a page of the site without one, or with a
// link that is not a permalink, gets the file as it is. A url this site
// does not serve with this file is answered 404, a format other than
// JSON 501 (oEmbed 1.0, section 2.2).
func TestOEmbedForScenario(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"oembed", "calculator", "embed/calculator", "methodology", "zh/oembed", "zh/calculator"} {
		os.MkdirAll(filepath.Join(dir, filepath.FromSlash(d)), 0o755)
	}
	doc := `{"version": "1.0", "type": "rich", "provider_url": "https://example.org/copper/", "html": "<iframe src=\"http://h/embed/calculator/\" title=\"x\"></iframe>"}`
	os.WriteFile(filepath.Join(dir, "oembed", "calculator.json"), []byte(doc), 0o644)
	os.WriteFile(filepath.Join(dir, "zh", "oembed", "calculator.json"), []byte(doc), 0o644)
	page := func(href string) []byte {
		return []byte(`<!doctype html><head><link rel="alternate" type="application/json+oembed" href="` + href + `" title="x"></head>`)
	}
	os.WriteFile(filepath.Join(dir, "calculator", "index.html"), page("../oembed/calculator.json"), 0o644)
	os.WriteFile(filepath.Join(dir, "embed", "calculator", "index.html"), page("../../oembed/calculator.json"), 0o644)
	os.WriteFile(filepath.Join(dir, "zh", "calculator", "index.html"), page("../oembed/calculator.json"), 0o644)
	os.WriteFile(filepath.Join(dir, "methodology", "index.html"), []byte("<!doctype html>"), 0o644)
	os.WriteFile(filepath.Join(dir, "404.html"), []byte("<!doctype html>Page not found"), 0o644)
	h := Handler(dir)
	ask := func(q string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "http://h/oembed/calculator.json"+q, nil))
		return rec
	}
	get := func(q string) string {
		rec := ask(q)
		if rec.Code != 200 {
			t.Fatalf("%s: %d", q, rec.Code)
		}
		if rec.Header().Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("%s: an oEmbed answer without CORS", q)
		}
		return rec.Body.String()
	}
	// A link of today and one of the first release, the same scenario: the
	// frame opens on it, written as the model writes it (& escaped for the
	// attribute, and the attribute's & for JSON). At this server's host or
	// at the address the build wrote.
	for _, link := range []string{"http://h/calculator/#v=1&gpus=1000000&lane_gbps=100", "http://h/calculator/#s=1.eyJncHVzIjoxMDAwMDAwLCJsYW5lX2dicHMiOjEwMH0",
		"http://H/embed/calculator/#v=1&gpus=1000000&lane_gbps=100", "https://example.org/copper/calculator/#v=1&gpus=1000000&lane_gbps=100"} {
		got := get("?url=" + url.QueryEscape(link) + "&format=json&maxwidth=600")
		if !strings.Contains(got, `src=\"http://h/embed/calculator/#v=1\u0026amp;gpus=1000000\u0026amp;lane_gbps=100\"`) {
			t.Errorf("%s: the snippet does not open the frame on the url's scenario: %s", link, got)
		}
	}
	for _, q := range []string{"", "?format=json", "?url=" + url.QueryEscape("http://h/calculator/"), "?url=" + url.QueryEscape("http://h/calculator/index.html"),
		"?url=" + url.QueryEscape(`http://h/calculator/#s=1."><script>`),
		"?url=" + url.QueryEscape(`http://h/calculator/#v=1&gpus="><script>`), "?url=" + url.QueryEscape(`http://h/calculator/#v=1&gpus=0`)} {
		if got := get(q); got != doc {
			t.Errorf("%q: %s, want the file as it is", q, got)
		}
	}
	// Not this site's page for this file: another host, another scheme,
	// a page without this oEmbed, the other edition's page, a missing
	// page, a path that escapes, and no address at all.
	for _, u := range []string{"http://evil.example/calculator/#v=1&gpus=1000", "javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
		"ftp://h/calculator/", "http://user@h/calculator/", "http://h/methodology/", "http://h/zh/calculator/", "http://h/nowhere/",
		"http://h/calculator%5c..%5c..%5cetc/", "https://example.org/other/calculator/", "//h/calculator/", "/calculator/", "", "http://h.evil/calculator/", "http://h:81/calculator/"} {
		rec := ask("?url=" + url.QueryEscape(u))
		if rec.Code != 404 || strings.Contains(rec.Body.String(), "iframe") {
			t.Errorf("url %q: %d %s, want 404", u, rec.Code, rec.Body.String())
		}
	}
	for _, f := range []string{"xml", "XML", "json2", "yaml"} {
		if rec := ask("?url=" + url.QueryEscape("http://h/calculator/") + "&format=" + f); rec.Code != 501 {
			t.Errorf("format=%s: %d, want 501", f, rec.Code)
		}
	}
	if rec := ask("?format=xml"); rec.Code != 501 {
		t.Errorf("format=xml alone: %d, want 501", rec.Code)
	}
}

// A missing address gets the 404 page of its edition: the Chinese one
// under /zh/, the English one elsewhere, each with status 404.
func TestNotFoundInItsLanguage(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "zh"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "404.html"), []byte("<html lang=\"en\">Page not found"), 0o644)
	os.WriteFile(filepath.Join(dir, "zh", "404.html"), []byte("<html lang=\"zh-CN\">页面不存在"), 0o644)
	h := Handler(dir)
	for path, want := range map[string]string{"/zh/nothing-here": "页面不存在", "/nothing-here": "Page not found", "/zh/a/b.js": "页面不存在"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), want) {
			t.Errorf("%s: %d %q, want 404 with %q", path, rec.Code, rec.Body.String(), want)
		}
	}
}

// A page built without its address names Origin; the server sends it
// with the address it was asked under, in every encoding, with a tag of
// its own per address, and a Host header that is not a host does not
// get into the page.
func TestOriginFilledIn(t *testing.T) {
	dir := t.TempDir()
	page := `<!doctype html><link rel="canonical" href="` + Origin + `/calculator/"><meta property="og:image" content="` + Origin + `/cards/calculator.png">` + strings.Repeat("<p>text</p>", 100)
	os.MkdirAll(filepath.Join(dir, "calculator"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "calculator", "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	// The build's own compressed copy still names the placeholder: it is
	// not what is sent.
	var br bytes.Buffer
	bw := brotli.NewWriter(&br)
	bw.Write([]byte(page))
	bw.Close()
	os.WriteFile(filepath.Join(dir, "calculator", "index.html.br"), br.Bytes(), 0o644)
	h := Handler(dir)
	get := func(host, ae, inm string) *http.Response {
		req := httptest.NewRequest("GET", "http://x/calculator/", nil)
		req.Host = host
		if ae != "" {
			req.Header.Set("Accept-Encoding", ae)
		}
		if inm != "" {
			req.Header.Set("If-None-Match", inm)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Result()
	}
	read := func(r *http.Response) string {
		var rd io.Reader = r.Body
		switch r.Header.Get("Content-Encoding") {
		case "br":
			rd = brotli.NewReader(r.Body)
		case "gzip":
			rd, _ = gzip.NewReader(r.Body)
		}
		b, _ := io.ReadAll(rd)
		return string(b)
	}
	tags := map[string]string{}
	for _, host := range []string{"example.org", "127.0.0.1:8080", "[::1]:9000"} {
		for _, ae := range []string{"br", "gzip", ""} {
			r := get(host, ae, "")
			body := read(r)
			want := strings.ReplaceAll(page, Origin, "http://"+host)
			if r.StatusCode != 200 || body != want {
				t.Errorf("Host %s, %q: %d, the page names %q", host, ae, r.StatusCode, body[:min(len(body), 120)])
			}
			if r.Header.Get("Content-Encoding") != ae || r.Header.Get("Vary") != "Accept-Encoding" {
				t.Errorf("Host %s, %q: Content-Encoding %q, Vary %q", host, ae, r.Header.Get("Content-Encoding"), r.Header.Get("Vary"))
			}
			tag := r.Header.Get("ETag")
			if other, ok := tags[tag]; ok || tag == "" {
				t.Errorf("Host %s, %q: tag %s, also %s's", host, ae, tag, other)
			}
			tags[tag] = host + " " + ae
			if again := get(host, ae, tag); again.StatusCode != http.StatusNotModified {
				t.Errorf("Host %s, %q: If-None-Match: %d", host, ae, again.StatusCode)
			}
		}
	}
	// Behind a proxy that says the request came over TLS: https.
	req := httptest.NewRequest("GET", "http://example.org/calculator/", nil)
	req.Header.Set("X-Forwarded-Proto", "https")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if !strings.Contains(rec.Body.String(), `href="https://example.org/calculator/"`) {
		t.Errorf("behind TLS: %.200s", rec.Body.String())
	}
	// A Host that could break out of an attribute is not used.
	for _, bad := range []string{`evil.org"><script>`, "a/b", "a b", ""} {
		body := read(get(bad, "", ""))
		if strings.Contains(body, "evil") || strings.Contains(body, "<script>") || strings.Contains(body, Origin) || !strings.Contains(body, `href="http://`) {
			t.Errorf("Host %q: %.200s", bad, body)
		}
	}
}
