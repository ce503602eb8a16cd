package server

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The path rules, as a table: each request either reaches the file it
// names on every system or is refused on every system. Windows reads a
// backslash as a separator, drops trailing dots and spaces, reads "a:b" as
// a stream and "NUL" as a device, and ignores case; Linux does none of
// this, so the rules are written to refuse these paths here too, where the
// tests run.
func TestPathRules(t *testing.T) {
	for _, c := range []struct {
		path string
		ok   bool
	}{
		{"/", true},
		{"/calculator/", true},
		{"/assets/app.0123456789.js", true},
		{"/x/../calculator/", true},
		{"/calculator/./", true},
		{"/../../etc/passwd", true}, // cleaned to /etc/passwd: not the site's, but not an escape
		{`/..\..\..\etc\passwd`, false},
		{`/calculator\index.html`, false},
		{`\calculator`, false},
		{"/a\x00b", false},
		{"/index.html\x00.js", false},
		{"/c:/windows/win.ini", false},
		{"/index.html::$DATA", false},
		{"/index.html:stream", false},
		{"/index.html.", false},
		{"/index.html..", false},
		{"/index.html ", false},
		{"/calculator./", false},
		{"/calculator /", false},
		{"/NUL", false},
		{"/nul", false},
		{"/nul.txt", false},
		{"/Con.json", false},
		{"/assets/com1.js", false},
		{"/LPT9", false},
		{"/aux /", false},
		{"/conin$", false},
		{"/.site-files", false},
		{"/.git/config", false},
		{"/assets/.hidden", false},
		{"/a*b", false},
		{"/a?b", false},
		{`/a"b`, false},
		{"/a<b>", false},
		{"/a|b", false},
		{"/\x7f", false},
		{"/connect/", true}, // "con" only as a whole name
		{"/null.json", true},
		{"/com10", true},
	} {
		_, why := CleanPath(c.path)
		if (why == "") != c.ok {
			t.Errorf("%q: refused %v (%s), want refused %v", c.path, why != "", why, !c.ok)
		}
	}
}

// The same rules at the server, as a browser or an attacker sends them:
// escaped and raw, every one answered 404 with the site's page, no CORS,
// and never a file from outside the folder, nor the manifest.
func TestTraversalRefused(t *testing.T) {
	parent := t.TempDir()
	os.WriteFile(filepath.Join(parent, "secret.txt"), []byte("SECRET"), 0o644)
	dir := filepath.Join(parent, "site")
	os.MkdirAll(filepath.Join(dir, "calculator"), 0o755)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html><title>home</title>"), 0o644)
	os.WriteFile(filepath.Join(dir, "calculator", "index.html"), []byte("<!doctype html><title>calc</title>"), 0o644)
	os.WriteFile(filepath.Join(dir, "404.html"), []byte("<!doctype html><title>Page not found</title>"), 0o644)
	if runtime.GOOS != "windows" {
		os.Symlink(filepath.Join(parent, "secret.txt"), filepath.Join(dir, "link.txt"))
		os.Symlink(parent, filepath.Join(dir, "up"))
	}
	if err := WriteManifest(dir); err != nil {
		t.Fatal(err)
	}
	h := Handler(dir)
	var attacks []string
	for _, dots := range []string{"..", "%2e%2e", "%2E%2E", ".%2e", "%2e."} {
		for _, sep := range []string{`\`, "%5c", "%5C", "/", "%2f"} {
			for depth := 1; depth <= 4; depth++ {
				attacks = append(attacks, "/"+strings.Repeat(dots+sep, depth)+"secret.txt", "/calculator/"+strings.Repeat(dots+sep, depth)+"secret.txt")
			}
		}
	}
	attacks = append(attacks, "/link.txt", "/up/secret.txt", "/.site-files", "/%2esite-files", "/INDEX.HTML", "/Index.html", "/index.html.", "/index.html%20",
		"/index.html%00", "/index.html::$DATA", "/NUL", "/nul.html", "/CON", "/calculator/INDEX.HTML", "/Calculator/", "/%5c%5c127.0.0.1%5cc$%5csecret.txt", "/c:%5csecret.txt")
	for _, a := range attacks {
		req := httptest.NewRequest("GET", "http://h/", nil)
		req.URL.Path, req.URL.RawPath = "", ""
		u, err := req.URL.Parse(a)
		if err != nil {
			req.URL.Path = a // raw bytes a client may still send
		} else {
			req.URL = u
		}
		req.RequestURI = a
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		body := rec.Body.String()
		if strings.Contains(body, "SECRET") {
			t.Errorf("%s: served a file from outside the folder", a)
		}
		if rec.Code == 200 {
			t.Errorf("%s: 200 %q", a, body)
		}
		if rec.Code == 404 && !strings.Contains(body, "Page not found") {
			t.Errorf("%s: a 404 without the site's page", a)
		}
		if rec.Header().Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("%s: %d with CORS", a, rec.Code)
		}
	}
}

// Only what a reader on another origin needs is shared with it: the
// oEmbed answers, and the WebAssembly and catalogue an embed's sandboxed
// frame fetches. Pages, scripts and the rest are not.
func TestCORSOnlyWhereNeeded(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"index.html", "calculator/index.html", "oembed/calculator.json", "zh/oembed/calculator.json", "assets/calc.0123456789.wasm",
		"assets/words-zh.0123456789.json", "assets/app.0123456789.js", "sw.js", "download/copper-to-light-offline.zip", "thumbs/calculator.svg"} {
		full := filepath.Join(dir, filepath.FromSlash(f))
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, []byte("{}"), 0o644)
	}
	h := Handler(dir)
	for p, want := range map[string]bool{"/": false, "/calculator/": false, "/oembed/calculator.json": true, "/zh/oembed/calculator.json": true,
		"/assets/calc.0123456789.wasm": true, "/assets/words-zh.0123456789.json": true, "/assets/app.0123456789.js": false, "/sw.js": false,
		"/download/copper-to-light-offline.zip": false, "/thumbs/calculator.svg": false, "/nowhere.json": false} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "http://h"+p, nil))
		if got := rec.Header().Get("Access-Control-Allow-Origin") == "*"; got != want {
			t.Errorf("%s (%d): CORS %v, want %v", p, rec.Code, got, want)
		}
	}
	_ = http.StatusOK
}
