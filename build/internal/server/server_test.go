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
// its frame on that scenario; one without, or with a link that is not a
// permalink, gets the file as it is.
func TestOEmbedForScenario(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "oembed"), 0o755)
	doc := `{"version": "1.0", "type": "rich", "html": "<iframe src=\"http://h/embed/calculator/\" title=\"x\"></iframe>"}`
	os.WriteFile(filepath.Join(dir, "oembed", "calculator.json"), []byte(doc), 0o644)
	h := Handler(dir)
	get := func(q string) string {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/oembed/calculator.json"+q, nil))
		if rec.Code != 200 {
			t.Fatalf("%s: %d", q, rec.Code)
		}
		return rec.Body.String()
	}
	// A link of today and one of the first release, the same scenario: the
	// frame opens on it, written as the model writes it (& escaped for the
	// attribute, and the attribute's & for JSON).
	for _, link := range []string{"http://h/calculator/#v=1&gpus=1000000&lane_gbps=100", "http://h/calculator/#s=1.eyJncHVzIjoxMDAwMDAwLCJsYW5lX2dicHMiOjEwMH0"} {
		got := get("?url=" + url.QueryEscape(link))
		if !strings.Contains(got, `src=\"http://h/embed/calculator/#v=1\u0026amp;gpus=1000000\u0026amp;lane_gbps=100\"`) {
			t.Errorf("%s: the snippet does not open the frame on the url's scenario: %s", link, got)
		}
	}
	for _, q := range []string{"", "?url=" + url.QueryEscape("http://h/calculator/"), "?url=" + url.QueryEscape(`http://h/calculator/#s=1."><script>`),
		"?url=" + url.QueryEscape(`http://h/calculator/#v=1&gpus="><script>`), "?url=" + url.QueryEscape(`http://h/calculator/#v=1&gpus=0`)} {
		if got := get(q); got != doc {
			t.Errorf("%q: %s, want the file as it is", q, got)
		}
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
