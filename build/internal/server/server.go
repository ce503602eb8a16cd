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
	"encoding/json"
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
	"sync"
	"time"

	"github.com/cpocalc/cpocalc/core"
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

// etags caches the strong ETag of each file by its size and time.
type etags struct {
	mu sync.Mutex
	m  map[string]etagEntry
}

type etagEntry struct {
	size int64
	mod  time.Time
	tag  string
}

// of returns the file's tag. Only files with a content hash in their
// names are remembered (by size and time): a page or sw.js is hashed on
// every request, so that a new file of the same size and time, as a
// rollback or a copy that keeps times makes, never keeps an old tag.
func (e *etags) of(full string, st os.FileInfo, f io.ReadSeeker) string {
	remember := hashed.MatchString(filepath.ToSlash(full))
	e.mu.Lock()
	c, ok := e.m[full]
	e.mu.Unlock()
	if remember && ok && c.size == st.Size() && c.mod.Equal(st.ModTime()) {
		return c.tag
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return ""
	}
	tag := `"` + hex.EncodeToString(h.Sum(nil))[:20] + `"`
	if remember {
		e.mu.Lock()
		e.m[full] = etagEntry{st.Size(), st.ModTime(), tag}
		e.mu.Unlock()
	}
	return tag
}

// Handler serves the folder dir.
func Handler(dir string) http.Handler {
	tags := &etags{m: map[string]etagEntry{}}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		p := path.Clean("/" + r.URL.Path)
		name := p
		canonical := p
		if (strings.HasSuffix(r.URL.Path, "/") && p != "/") || path.Base(p) == "index.html" {
			canonical = strings.TrimSuffix(p, "index.html")
			canonical = strings.TrimSuffix(canonical, "/") + "/"
		}
		full := filepath.Join(dir, filepath.FromSlash(name))
		st, err := os.Stat(full)
		if err == nil && st.IsDir() {
			canonical = p + "/"
			if canonical == "//" {
				canonical = "/"
			}
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
		if strings.HasSuffix(canonical, "/") {
			name = canonical + "index.html"
			full = filepath.Join(dir, filepath.FromSlash(name))
			st, err = os.Stat(full)
		}
		// Embeds run in sandboxed iframes with an opaque origin, whose
		// fetch of the WebAssembly is cross-origin: the site is public and
		// static, so every origin may read it.
		h.Set("Access-Control-Allow-Origin", "*")
		if err != nil {
			serveNotFound(w, dir, r.URL.Path)
			return
		}
		h.Set("Content-Type", ContentType(name))
		h.Set("Content-Security-Policy", headerPolicy(canonical))
		if !Embeddable(canonical) {
			h.Set("X-Frame-Options", "SAMEORIGIN") // for browsers older than frame-ancestors
		}
		if strings.HasPrefix(name, "/oembed/") && r.URL.Query().Get("url") != "" {
			if b, ok := oEmbedFor(full, r.URL.Query().Get("url")); ok {
				h.Set("Cache-Control", "no-cache")
				w.Write(b)
				return
			}
		}
		if hashed.MatchString(name) {
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			h.Set("Cache-Control", "no-cache")
		}
		send, sendSt := full, st
		if Compressible(name) {
			h.Add("Vary", "Accept-Encoding")
			ae := r.Header.Get("Accept-Encoding")
			for _, c := range [...]struct{ ext, coding string }{{".br", "br"}, {".gz", "gzip"}} {
				if !accepts(ae, c.coding) {
					continue
				}
				if cst, err := os.Stat(full + c.ext); err == nil && !cst.IsDir() {
					send, sendSt = full+c.ext, cst
					h.Set("Content-Encoding", c.coding)
					break
				}
			}
		}
		f, err := os.Open(send)
		if err != nil {
			serveNotFound(w, dir, r.URL.Path)
			return
		}
		defer f.Close()
		if tag := tags.of(send, sendSt, f); tag != "" {
			h.Set("ETag", tag)
		}
		http.ServeContent(w, r, name, sendSt.ModTime(), f)
	})
}

// serveNotFound answers with the site's 404 page: the Chinese edition's
// under /zh/, the English one elsewhere.
func serveNotFound(w http.ResponseWriter, dir, path string) {
	w.Header().Set("Cache-Control", "no-cache")
	page := "404.html"
	if strings.HasPrefix(path, "/zh/") {
		if _, err := os.Stat(filepath.Join(dir, "zh", "404.html")); err == nil {
			page = "zh/404.html"
		}
	}
	if b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(page))); err == nil {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(b)
		return
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

// permalinkIn finds a scenario's permalink in a page address, its
// fragment ("#v=1&gpus=131072", or a first release's "#s=1.eyJ…"), and
// returns it as the model writes it: read, checked and written again, so
// that nothing but a valid scenario reaches the snippet. False when the
// address carries none, or one the model cannot read.
func permalinkIn(url string) (string, bool) {
	i := strings.IndexByte(url, '#')
	if i < 0 {
		return "", false
	}
	frag := url[i+1:]
	if !strings.HasPrefix(frag, "v=") && !strings.HasPrefix(frag, "s=") {
		return "", false
	}
	s, err := core.DecodePermalink(frag)
	if err != nil {
		return "", false
	}
	link, err := core.EncodePermalink(s)
	return link, err == nil
}

// oEmbedFor answers an oEmbed request whose url carries a scenario: the
// static oEmbed file's snippet, its frame opened on that scenario. A static
// host ignores the query and serves the file as it is, the default
// scenario; this server does better. False when the url carries no
// permalink (the file is served as it is).
func oEmbedFor(file, url string) ([]byte, bool) {
	link, ok := permalinkIn(url)
	if !ok {
		return nil, false
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		return nil, false
	}
	var doc map[string]any
	if json.Unmarshal(raw, &doc) != nil {
		return nil, false
	}
	html, _ := doc["html"].(string)
	i := strings.Index(html, `<iframe src="`)
	if i < 0 {
		return nil, false
	}
	i += len(`<iframe src="`)
	j := strings.IndexByte(html[i:], '"')
	if j < 0 {
		return nil, false
	}
	src := html[i : i+j]
	if k := strings.IndexByte(src, '#'); k >= 0 {
		src = src[:k]
	}
	frag := ""
	if link != "v=1" {
		frag = "#" + strings.ReplaceAll(link, "&", "&amp;") // in an attribute
	}
	doc["html"] = html[:i] + src + frag + html[i+j:]
	b, err := json.MarshalIndent(doc, "", "  ")
	return append(b, '\n'), err == nil
}
