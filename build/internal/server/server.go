// Package server serves a built site from a folder: the right media types
// (application/wasm for WebAssembly, so that instantiateStreaming works),
// long-lived caching for content-hashed assets and revalidation for pages,
// the build's brotli or gzip copy of a file to a browser that accepts it,
// and a strong ETag from the content of what it sends.
// It is what `make serve` runs, and what the browser tests and the offline
// bundle's little server use.
package server

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// hashed matches file names that carry a content hash, such as
// app.3f9a1c2e.js or the vendor folder echarts-5.4.3-3f9a1c2e/.
var hashed = regexp.MustCompile(`[.-][0-9a-f]{8,}([./]|$)`)

var types = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".wasm":        "application/wasm",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".txt":         "text/plain; charset=utf-8",
	".xml":         "application/xml",
	".ico":         "image/x-icon",
	".webmanifest": "application/manifest+json",
	".tar":         "application/x-tar",
	".gz":          "application/gzip",
	".zip":         "application/zip",
}

// ContentType returns the media type the server sends for a file name.
func ContentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := types[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// Compressible reports whether the build writes compressed copies of a
// file (name.br, name.gz) for the server to send.
func Compressible(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".txt", ".xml", ".webmanifest":
		return true
	}
	return false
}

// accepts reports whether an Accept-Encoding header accepts coding (a
// token not given q=0).
func accepts(header, coding string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), coding) {
			continue
		}
		for _, p := range strings.Split(params, ";") {
			k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
			if strings.EqualFold(k, "q") && strings.Trim(v, " ") != "" && strings.Trim(strings.TrimSpace(v), "0.") == "" {
				return false // q=0, q=0.0
			}
		}
		return true
	}
	return false
}

// Handler serves the folder dir: the files its manifest lists (see
// manifest.go), through a root that cannot be left, by paths that mean the
// same on every system (paths.go).
func Handler(dir string) http.Handler {
	site := &files{dir: dir}
	fills := &origins{}
	cards := &shares{slots: make(chan struct{}, 2)}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		m, err := site.current()
		if err != nil {
			http.Error(w, "the site's folder cannot be read", http.StatusInternalServerError)
			return
		}
		root, err := os.OpenRoot(dir)
		if err != nil {
			http.Error(w, "the site's folder cannot be read", http.StatusInternalServerError)
			return
		}
		defer root.Close()
		p, why := CleanPath(r.URL.Path)
		if why != "" {
			serveNotFound(w, r, root, m)
			return
		}
		if dir, page, ok := shareAddress(p); ok && p == r.URL.Path {
			cards.serve(w, r, root, m, dir, page)
			return
		}
		rel := strings.TrimPrefix(p, "/")
		canonical := p
		if (strings.HasSuffix(r.URL.Path, "/") && p != "/") || path.Base(p) == "index.html" {
			canonical = strings.TrimSuffix(p, "index.html")
			canonical = strings.TrimSuffix(canonical, "/") + "/"
		}
		if !m.has(rel) && m.isDir(rel) {
			canonical = strings.TrimSuffix(p, "/") + "/"
		}
		// One address per file: "/calculator//", "/a/../calculator",
		// "/calculator/index.html" and a folder without its slash are sent
		// to "/calculator/", so that no cache keeps one file many times.
		if canonical != r.URL.Path {
			u := *r.URL
			u.Path, u.RawPath = canonical, ""
			http.Redirect(w, r, u.RequestURI(), http.StatusMovedPermanently)
			return
		}
		name := rel
		if strings.HasSuffix(canonical, "/") {
			name = strings.TrimPrefix(canonical, "/") + "index.html"
		}
		e, ok := m.files[name]
		if !ok {
			serveNotFound(w, r, root, m)
			return
		}
		h.Set("Content-Type", ContentType(name))
		h.Set("Content-Security-Policy", headerPolicy(canonical))
		if !Embeddable(canonical) {
			h.Set("X-Frame-Options", "SAMEORIGIN") // for browsers older than frame-ancestors
		}
		if CrossOrigin(name) {
			h.Set("Access-Control-Allow-Origin", "*")
		}
		if isOEmbed(name) {
			if q := r.URL.Query(); q.Has("url") || q.Has("format") {
				serveOEmbed(w, r, root, m, name, requestOrigin(r))
				return
			}
		}
		// Immutable by the name the browser asked for, never by the
		// folder the site happens to sit in.
		if hashed.MatchString(canonical) {
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			h.Set("Cache-Control", "no-cache")
		}
		send := name
		if Compressible(name) {
			if f := fills.fill(root, name, e, requestOrigin(r)); f != nil {
				f.serve(w, r, name)
				return
			}
			h.Add("Vary", "Accept-Encoding")
			ae := r.Header.Get("Accept-Encoding")
			for _, c := range [...]struct{ ext, coding string }{{".br", "br"}, {".gz", "gzip"}} {
				if ce, ok := m.files[name+c.ext]; ok && accepts(ae, c.coding) {
					send, e = name+c.ext, ce
					h.Set("Content-Encoding", c.coding)
					break
				}
			}
		}
		f, err := root.Open(filepath.FromSlash(send))
		if err != nil {
			h.Del("Content-Encoding")
			serveNotFound(w, r, root, m)
			return
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil || !st.Mode().IsRegular() {
			h.Del("Content-Encoding")
			serveNotFound(w, r, root, m)
			return
		}
		tag := e.tag()
		if st.Size() != e.size {
			// The file changed after the manifest was written (by hand:
			// a build writes both): its own content's tag, this once.
			tag = hashTag(f)
		}
		if tag != "" {
			h.Set("ETag", tag)
		}
		http.ServeContent(w, r, name, st.ModTime(), f)
	})
}

// hashTag is the tag of a file's content, read from the start; the file
// is left at its start ("" when it cannot be read).
func hashTag(f io.ReadSeeker) string {
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return ""
	}
	return `"` + hex.EncodeToString(h.Sum(nil))[:20] + `"`
}

// CrossOrigin reports whether other origins may read a file: the oEmbed
// answers, which consumers fetch from their own sites, and the
// WebAssembly and the catalogue that an embed fetches from the opaque
// origin of its sandboxed frame. Nothing else is shared.
func CrossOrigin(name string) bool {
	if isOEmbed(name) {
		return true
	}
	ext := path.Ext(name)
	return strings.HasPrefix(name, "assets/") && (ext == ".wasm" || ext == ".json")
}

// isOEmbed reports whether a file is an oEmbed answer (oembed/x.json, in
// either edition).
func isOEmbed(name string) bool {
	return path.Base(path.Dir(name)) == "oembed" && path.Ext(name) == ".json"
}

// serveNotFound answers with the site's 404 page: the Chinese edition's
// under /zh/, the English one elsewhere.
func serveNotFound(w http.ResponseWriter, r *http.Request, root *os.Root, m *Manifest) {
	h := w.Header()
	h.Del("Access-Control-Allow-Origin")
	h.Set("Cache-Control", "no-cache")
	page := "404.html"
	if strings.HasPrefix(r.URL.Path, "/zh/") && m.has("zh/404.html") {
		page = "zh/404.html"
	}
	if m.has(page) {
		if b, err := root.ReadFile(page); err == nil {
			h.Set("Content-Type", "text/html; charset=utf-8")
			h.Set("Content-Security-Policy", headerPolicy("/404.html"))
			w.WriteHeader(http.StatusNotFound)
			w.Write(b)
			return
		}
	}
	http.Error(w, "not found", http.StatusNotFound)
}

// ListenAndServe serves dir at addr (":8080" means 127.0.0.1:8080: the
// loopback interface unless told otherwise) and prints the address.
func ListenAndServe(dir, addr string) error { return listenAndServe(dir, addr, false) }

// ListenAndServeFallback is ListenAndServe, but when addr is taken it
// listens on a free port of the same host instead.
func ListenAndServeFallback(dir, addr string) error { return listenAndServe(dir, addr, true) }

func listenAndServe(dir, addr string, fallback bool) error {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("serve %s: not a folder (build the site first: go run ./build)", dir)
	}
	if strings.HasPrefix(addr, ":") {
		addr = "127.0.0.1" + addr
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil && fallback {
		host, _, _ := net.SplitHostPort(addr)
		ln, err = net.Listen("tcp", net.JoinHostPort(host, "0"))
	}
	if err != nil {
		return fmt.Errorf("serve %s: %w", addr, err)
	}
	fmt.Printf("Serving %s at http://%s/ : open that address in your browser (Ctrl-C to stop)\n", dir, ln.Addr())
	srv := newServer(Handler(dir))
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// newServer bounds what a client may hold: a request's headers (10 s,
// 32 KB) and body (30 s), a response (2 minutes: the calculator's
// WebAssembly on a slow line), and an idle connection (60 s).
func newServer(h http.Handler) *http.Server {
	return &http.Server{Handler: h,
		ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 2 * time.Minute, IdleTimeout: 60 * time.Second,
		MaxHeaderBytes: 32 << 10}
}
