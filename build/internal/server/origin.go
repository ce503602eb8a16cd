package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
)

// Origin stands for the site's own address in a build that was not told
// where it will be served from (no -base-url): the pages' canonical link,
// og:url and og:image, the sitemap and the oEmbed answers name it, and
// this server puts the address it is asked under in its place. It is a
// name that resolves nowhere (.invalid, RFC 2606), so a copy served by
// something else can never point a reader at a machine, least of all a
// loopback one.
const Origin = "http://cpocalc-origin.invalid"

// origins fills Origin in the files that carry it, by the address each
// request was made to, and keeps what it made (a few pages, a few hosts).
type origins struct {
	mu    sync.Mutex
	holds map[string]bool      // "name sum": whether the file names Origin
	made  map[string]*refilled // "name sum origin"
}

// refilled is a file with the site's address in it, and its compressed
// copies.
type refilled struct {
	body, br, gz []byte
	tag          string
}

// maxRefilled bounds what is kept: the Host header is the client's to
// choose, so an unbounded cache would be anyone's to fill.
const maxRefilled = 512

// requestOrigin is the address a request was made to: its scheme (https
// when it came over TLS, or through a proxy that says so) and its Host,
// when that is a well-formed host[:port]; else the address it arrived at.
func requestOrigin(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") {
		scheme = "https"
	}
	host := r.Host
	if !validHost(host) {
		host = "127.0.0.1"
		if a, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
			host = a.String()
		}
	}
	return scheme + "://" + host
}

// validHost accepts a DNS name, an IPv4 address or a bracketed IPv6
// address, with an optional port: nothing that could close an attribute
// or start a path.
func validHost(h string) bool {
	if h == "" || len(h) > 255 {
		return false
	}
	for _, c := range h {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case c == '.', c == '-', c == ':', c == '[', c == ']':
		default:
			return false
		}
	}
	return true
}

// fill returns a file with Origin replaced by origin, or nil when the file
// does not name it (the usual case once a build was given -base-url).
func (o *origins) fill(root *os.Root, name string, e entry, origin string) *refilled {
	key := name + " " + e.sum
	o.mu.Lock()
	holds, known := o.holds[key]
	r := o.made[key+" "+origin]
	o.mu.Unlock()
	if known && !holds {
		return nil
	}
	if r != nil {
		return r
	}
	body, err := root.ReadFile(filepath.FromSlash(name))
	if err != nil {
		return nil
	}
	holds = bytes.Contains(body, []byte(Origin))
	o.mu.Lock()
	if o.holds == nil || len(o.holds) > maxRefilled {
		o.holds = map[string]bool{}
	}
	o.holds[key] = holds
	o.mu.Unlock()
	if !holds {
		return nil
	}
	r = &refilled{body: bytes.ReplaceAll(body, []byte(Origin), []byte(origin))}
	sum := sha256.Sum256(r.body)
	r.tag = `"` + hex.EncodeToString(sum[:])[:20] + `"`
	var b bytes.Buffer
	bw := brotli.NewWriterLevel(&b, 9)
	bw.Write(r.body)
	bw.Close()
	r.br = append([]byte(nil), b.Bytes()...)
	b.Reset()
	gw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	gw.Write(r.body)
	gw.Close()
	r.gz = append([]byte(nil), b.Bytes()...)
	o.mu.Lock()
	if o.made == nil || len(o.made) >= maxRefilled {
		o.made = map[string]*refilled{}
	}
	o.made[key+" "+origin] = r
	o.mu.Unlock()
	return r
}

// serve sends a filled file: compressed as the client accepts, with the
// tag of what it holds.
func (r *refilled) serve(w http.ResponseWriter, req *http.Request, name string) {
	h := w.Header()
	h.Add("Vary", "Accept-Encoding")
	body := r.body
	tag := r.tag
	ae := req.Header.Get("Accept-Encoding")
	switch {
	case accepts(ae, "br"):
		body, tag = r.br, strings.TrimSuffix(r.tag, `"`)+`-br"`
		h.Set("Content-Encoding", "br")
	case accepts(ae, "gzip"):
		body, tag = r.gz, strings.TrimSuffix(r.tag, `"`)+`-gz"`
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("ETag", tag)
	http.ServeContent(w, req, name, time.Time{}, bytes.NewReader(body))
}
