package server

import (
	"bufio"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func siteDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{"index.html", "calculator/index.html", "embed/calculator/index.html", "sw.js", "assets/app.0123456789.js", "404.html"} {
		full := filepath.Join(dir, filepath.FromSlash(f))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte("<!doctype html><title>"+f+"</title>"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Each file has one address: the others are sent to it, so that no cache
// keeps the same page under many names.
func TestCanonicalAddresses(t *testing.T) {
	h := Handler(siteDir(t))
	for in, want := range map[string]string{
		"/calculator":                "/calculator/",
		"/calculator//":              "/calculator/",
		"//calculator///":            "/calculator/",
		"/calculator/./":             "/calculator/",
		"/x/../calculator/":          "/calculator/",
		"/calculator/index.html":     "/calculator/",
		"/index.html":                "/",
		"/calculator//?a=1":          "/calculator/?a=1",
		"/assets//app.0123456789.js": "/assets/app.0123456789.js",
	} {
		req := httptest.NewRequest("GET", "http://h"+in, nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != want {
			t.Errorf("%s: %d to %q, want 301 to %q", in, rec.Code, rec.Header().Get("Location"), want)
		}
		if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: the redirect has no nosniff", in)
		}
	}
	for _, ok := range []string{"/", "/calculator/", "/embed/calculator/", "/sw.js", "/assets/app.0123456789.js"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "http://h"+ok, nil))
		if rec.Code != 200 {
			t.Errorf("%s: %d, want 200", ok, rec.Code)
		}
	}
}

// Every response says nosniff, the error ones too; every page carries the
// policy, the embeds framed by anyone, the others by this site only.
func TestPolicyHeaders(t *testing.T) {
	h := Handler(siteDir(t))
	get := func(method, p string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(method, "http://h"+p, nil))
		return rec
	}
	for _, rec := range []*httptest.ResponseRecorder{get("POST", "/"), get("DELETE", "/calculator/"), get("GET", "/nowhere"), get("GET", "/calculator")} {
		if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("a %d response has no nosniff", rec.Code)
		}
	}
	if rec := get("POST", "/"); rec.Code != 405 || rec.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: %d, Allow %q", rec.Code, rec.Header().Get("Allow"))
	}
	for p, ancestors := range map[string]string{"/": "frame-ancestors 'self'", "/calculator/": "frame-ancestors 'self'", "/embed/calculator/": "frame-ancestors *"} {
		csp := get("GET", p).Header().Get("Content-Security-Policy")
		for _, want := range []string{"script-src 'self' 'wasm-unsafe-eval' 'sha256-", "object-src 'none'", "base-uri 'none'", "connect-src 'self'", "img-src 'self' data:", ancestors} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: the policy %q lacks %q", p, csp, want)
			}
		}
		xfo := get("GET", p).Header().Get("X-Frame-Options")
		if (p == "/embed/calculator/") != (xfo == "") {
			t.Errorf("%s: X-Frame-Options %q", p, xfo)
		}
	}
}

// A client cannot hold the server: headers over 32 KB are refused, and an
// idle connection or one that sends nothing is closed.
func TestServerLimits(t *testing.T) {
	srv := newServer(Handler(siteDir(t)))
	if srv.ReadHeaderTimeout == 0 || srv.ReadTimeout == 0 || srv.WriteTimeout == 0 || srv.IdleTimeout == 0 || srv.MaxHeaderBytes == 0 || srv.MaxHeaderBytes > 64<<10 {
		t.Fatalf("limits not set: %+v", srv)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv.ReadHeaderTimeout = 300 * time.Millisecond // shorter, for the test
	go srv.Serve(ln)
	defer srv.Close()
	// Oversized headers: 431.
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	c.Write([]byte("GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + strings.Repeat("a", 1<<20) + "\r\n\r\n"))
	line, _ := bufio.NewReader(c).ReadString('\n')
	c.Close()
	if !strings.Contains(line, "431") {
		t.Errorf("a 1 MB header got %q, want 431", line)
	}
	// A client that never finishes its request is dropped.
	c, err = net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.Write([]byte("GET / HTTP/1.1\r\nHost: h\r\n"))
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	buf := make([]byte, 512)
	for {
		if _, err := c.Read(buf); err != nil {
			break
		}
	}
	if time.Since(start) > 4*time.Second {
		t.Error("a silent client kept its connection")
	}
}

// A new sw.js or page of the same size and time as the old (a same-second
// rebuild, a rollback, a copy that keeps times) gets a new tag once the
// build has written its manifest: the browser's revalidation sees it,
// never a 304 for different content. The folder's own name plays no part:
// a site kept in "site-d41d8cd9" or "…-20261207" revalidates as any other.
func TestStaleBuildsRevalidate(t *testing.T) {
	for _, folder := range []string{"dist", "site-d41d8cd9", "copper-20261207", "x.0123456789abcdef"} {
		t.Run(folder, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), folder)
			os.MkdirAll(dir, 0o755)
			os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html>"), 0o644)
			os.MkdirAll(filepath.Join(dir, "assets"), 0o755)
			os.WriteFile(filepath.Join(dir, "assets", "app.0123456789.js"), []byte("var a;"), 0o644)
			h := Handler(dir)
			sw := filepath.Join(dir, "sw.js")
			when := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
			write := func(body string) {
				if err := os.WriteFile(sw, []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
				os.Chtimes(sw, when, when)
				if err := WriteManifest(dir); err != nil {
					t.Fatal(err)
				}
			}
			get := func(tag string) *httptest.ResponseRecorder {
				req := httptest.NewRequest("GET", "http://h/sw.js", nil)
				if tag != "" {
					req.Header.Set("If-None-Match", tag)
					req.Header.Set("If-Modified-Since", when.Format(http.TimeFormat))
				}
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				return rec
			}
			write(`var VERSION="aaaaaaaaaa";`)
			first := get("")
			tag := first.Header().Get("ETag")
			if tag == "" || first.Header().Get("Cache-Control") != "no-cache" {
				t.Fatalf("sw.js: ETag %q, Cache-Control %q", tag, first.Header().Get("Cache-Control"))
			}
			if rec := get(tag); rec.Code != http.StatusNotModified {
				t.Errorf("the same sw.js revalidated: %d, want 304", rec.Code)
			}
			write(`var VERSION="bbbbbbbbbb";`) // same size, same time
			rec := get(tag)
			if rec.Code != 200 || rec.Header().Get("ETag") == tag || !strings.Contains(rec.Body.String(), "bbbbbbbbbb") {
				t.Errorf("a new sw.js of the same size and time: %d, tag %q (old %q)", rec.Code, rec.Header().Get("ETag"), tag)
			}
			// Hashed assets are immutable; the worker and the pages are not.
			rec = httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "http://h/assets/app.0123456789.js", nil))
			if cc := rec.Header().Get("Cache-Control"); !strings.Contains(cc, "immutable") {
				t.Errorf("a hashed asset: Cache-Control %q", cc)
			}
			for _, p := range []string{"/sw.js", "/"} {
				rec = httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest("GET", "http://h"+p, nil))
				if cc := rec.Header().Get("Cache-Control"); cc != "no-cache" {
					t.Errorf("%s: Cache-Control %q", p, cc)
				}
			}
		})
	}
}

// Tags come from the manifest, not from hashing the file on each request:
// a large file's HEAD costs no more than a small one's. The test gives a
// file a tag in the manifest that is not its hash; the server sends it.
// A file whose size no longer matches its line (changed by hand after a
// build) gets its own content's tag instead of a wrong one.
func TestTagsFromManifest(t *testing.T) {
	dir := t.TempDir()
	big := make([]byte, 8<<20)
	os.MkdirAll(filepath.Join(dir, "download"), 0o755)
	os.WriteFile(filepath.Join(dir, "download", "offline.zip"), big, 0o644)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html>"), 0o644)
	m := NewManifest()
	m.Add("index.html", []byte("<!doctype html>"))
	m.files["download/offline.zip"] = entry{int64(len(big)), strings.Repeat("ab", 32)}
	os.WriteFile(filepath.Join(dir, ManifestName), m.Bytes(), 0o644)
	h := Handler(dir)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("HEAD", "http://h/download/offline.zip", nil))
	if tag := rec.Header().Get("ETag"); rec.Code != 200 || tag != `"`+strings.Repeat("ab", 10)+`"` {
		t.Errorf("HEAD of a listed file: %d, ETag %q, want the manifest's", rec.Code, tag)
	}
	// Changed by hand: another size than its line.
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html><p>changed"), 0o644)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "http://h/", nil))
	if tag, old := rec.Header().Get("ETag"), m.files["index.html"].tag(); rec.Code != 200 || tag == "" || tag == old {
		t.Errorf("a page changed after its manifest: %d, ETag %q (the manifest's %q)", rec.Code, tag, old)
	}
	// A file the manifest does not list is not the site's.
	os.WriteFile(filepath.Join(dir, "left-here.txt"), []byte("x"), 0o644)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "http://h/left-here.txt", nil))
	if rec.Code != 404 {
		t.Errorf("a file not in the manifest: %d, want 404", rec.Code)
	}
	// The manifest is read again when a build writes a new one.
	if err := WriteManifest(dir); err != nil {
		t.Fatal(err)
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "http://h/left-here.txt", nil))
	if rec.Code != 200 {
		t.Errorf("after a new manifest, its file: %d, want 200", rec.Code)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, ManifestName)); !strings.Contains(string(b), " download/offline.zip\n") || strings.Contains(string(b), ManifestName) {
		t.Errorf("the manifest:\n%s", b)
	}
}
