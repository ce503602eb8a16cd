package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path"
	"regexp"
	"strings"

	"github.com/cpocalc/cpocalc/build/internal/card"
	"github.com/cpocalc/cpocalc/core"
)

// oEmbed requests (https://oembed.com/, section 2.2). A static host serves
// each oembed/<name>.json as it is, for the default scenario; this server
// also reads the consumer's url and format: a url this site does not serve
// (another host, another page, javascript: or data:) is answered 404, a
// format other than JSON 501, as the specification asks, and a page
// address that carries a scenario's permalink gets the snippet with its
// frame on that scenario.

// discovery finds a page's oEmbed link, as the layout writes it.
var discovery = regexp.MustCompile(`<link rel="alternate" type="application/json\+oembed" href="([^"]+)"`)

// maxPage bounds what is read of a page to find its oEmbed link.
const maxPage = 4 << 20

func serveOEmbed(w http.ResponseWriter, r *http.Request, root *os.Root, m *Manifest, name, origin string) {
	h := w.Header()
	h.Set("Cache-Control", "no-cache")
	q := r.URL.Query()
	if f := q.Get("format"); f != "" && f != "json" {
		h.Del("Access-Control-Allow-Origin")
		http.Error(w, "only the json format is implemented", http.StatusNotImplemented)
		return
	}
	raw, err := root.ReadFile(name)
	if err != nil {
		serveNotFound(w, r, root, m)
		return
	}
	raw = bytes.ReplaceAll(raw, []byte(Origin), []byte(origin))
	if !q.Has("url") {
		w.Write(raw)
		return
	}
	b, ok := oEmbedFor(root, m, name, raw, q.Get("url"), r.Host, origin)
	if !ok {
		serveNotFound(w, r, root, m)
		return
	}
	w.Write(b)
}

// oEmbedFor answers an oEmbed request for a page address: the oEmbed
// file as it is for a page that names this file as its oEmbed, its
// frame opened on the address's scenario when the address carries a
// valid permalink. False when the address is not such a page of this
// site: at this server's host, or at the address the build wrote into the
// file.
func oEmbedFor(root *os.Root, m *Manifest, name string, raw []byte, addr, host, origin string) ([]byte, bool) {
	var doc map[string]any
	if json.Unmarshal(raw, &doc) != nil {
		return nil, false
	}
	if !servesPage(root, m, name, doc, addr, host) {
		return nil, false
	}
	link, ok := permalinkIn(addr)
	if !ok {
		return raw, true
	}
	html, _ := doc["html"].(string)
	i := strings.Index(html, `<iframe src="`)
	if i < 0 {
		return raw, true
	}
	i += len(`<iframe src="`)
	j := strings.IndexByte(html[i:], '"')
	if j < 0 {
		return raw, true
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
	// Its picture is the scenario's card, which this server draws.
	if frag != "" {
		edition := strings.TrimSuffix(name, "oembed/"+path.Base(name))
		doc["thumbnail_url"] = origin + "/" + edition + "share/" + strings.TrimSuffix(path.Base(name), ".json") + ".png?" + link
		doc["thumbnail_width"], doc["thumbnail_height"] = card.W, card.H
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	return append(b, '\n'), err == nil
}

// servesPage reports whether addr is a page of this site whose oEmbed is
// the file name: an http or https address at this server's host, or under
// the site's address as the build wrote it (the file's provider_url, less
// the edition's folder), of a page in the manifest that links to name.
func servesPage(root *os.Root, m *Manifest, name string, doc map[string]any, addr, host string) bool {
	u, err := url.Parse(addr)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.User != nil || u.Host == "" || u.Opaque != "" {
		return false
	}
	var bases []*url.URL
	if host != "" {
		bases = append(bases, &url.URL{Scheme: u.Scheme, Host: host, Path: "/"})
	}
	edition := strings.TrimSuffix(name, "oembed/"+path.Base(name)) // "", "zh/"
	if p, _ := doc["provider_url"].(string); strings.HasSuffix(p, "/"+edition) || edition == "" {
		if b, err := url.Parse(strings.TrimSuffix(p, edition)); err == nil && b.Host != "" {
			bases = append(bases, b)
		}
	}
	for _, b := range bases {
		if !strings.EqualFold(b.Scheme, u.Scheme) || !strings.EqualFold(b.Host, u.Host) {
			continue
		}
		basePath := b.Path
		if !strings.HasSuffix(basePath, "/") {
			basePath += "/"
		}
		if !strings.HasPrefix(u.Path, basePath) {
			continue
		}
		p, why := CleanPath("/" + strings.TrimPrefix(u.Path, basePath))
		if why != "" {
			continue
		}
		page := strings.TrimPrefix(p, "/")
		if page == "" || m.isDir(page) && !m.has(page) {
			page = strings.TrimPrefix(strings.TrimSuffix(page, "/")+"/index.html", "/")
		}
		if linksTo(root, m, page, name) {
			return true
		}
	}
	return false
}

// linksTo reports whether the page file names the oEmbed file as its own.
func linksTo(root *os.Root, m *Manifest, page, name string) bool {
	e, ok := m.files[page]
	if !ok || path.Ext(page) != ".html" || e.size > maxPage {
		return false
	}
	b, err := root.ReadFile(page)
	if err != nil {
		return false
	}
	found := discovery.FindSubmatch(b)
	if found == nil {
		return false
	}
	href := string(found[1])
	if strings.Contains(href, "://") {
		hu, err := url.Parse(href)
		if err != nil {
			return false
		}
		href = hu.Path
	} else {
		href = path.Join("/", path.Dir(page), href)
	}
	return path.Clean(href) == "/"+name
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
