package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"os"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/cpocalc/cpocalc/build/internal/card"
	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/label"
	"github.com/cpocalc/cpocalc/core/label/pagewords"
	"github.com/cpocalc/cpocalc/core/label/zh"
)

// A scenario's share card: /share/<page>.png?<permalink> (/zh/share/… in
// Chinese) is the card of that scenario, drawn by the code that drew the
// pages' cards (build/internal/card), from the outlines the build wrote
// (card.GlyphsPath). <page> is any page or embed that has a card; without
// a permalink the address leads to that page's own card, which is all a
// static host can serve. A link that cannot be read is answered 400 with
// the reason, in the edition's language.

// shareEditions are the editions' folders and catalogues.
var shareEditions = map[string]*label.Catalogue{
	"":    pagewords.English,
	"zh/": core.Language(zh.Catalogue),
}

// shares keeps the glyphs and the cards drawn, by content.
type shares struct {
	mu     sync.Mutex
	glyphs *card.Glyphs
	sum    string // the glyph file's, as the manifest has it
	cards  map[string]*drawnCard
	slots  chan struct{} // at most two cards drawn at once
}

type drawnCard struct {
	png []byte
	tag string
}

// maxCards bounds the cards kept: every link is a new card.
const maxCards = 256

// shareAddress splits /zh/share/calculator.png into "zh/" and "calculator".
func shareAddress(p string) (dir, page string, ok bool) {
	rest := strings.TrimPrefix(p, "/")
	for d := range shareEditions {
		if d != "" && strings.HasPrefix(rest, d) {
			dir, rest = d, strings.TrimPrefix(rest, d)
		}
	}
	rest, ok = strings.CutPrefix(rest, "share/")
	if !ok || path.Ext(rest) != ".png" || strings.Contains(rest, "/") {
		return "", "", false
	}
	return dir, strings.TrimSuffix(rest, ".png"), true
}

// defaultCard is a page's own card, from the site's root (the build's
// cardPath).
func defaultCard(dir, page string) string {
	return "cards/" + dir + strings.Replace(page, "chart-", "chart/", 1) + ".png"
}

func (s *shares) serve(w http.ResponseWriter, r *http.Request, root *os.Root, m *Manifest, dir, page string) {
	h := w.Header()
	own := defaultCard(dir, page)
	if !m.has(own) {
		serveNotFound(w, r, root, m)
		return
	}
	link := r.URL.RawQuery
	if link == "" {
		h.Set("Cache-Control", "no-cache")
		http.Redirect(w, r, "/"+own, http.StatusFound)
		return
	}
	cat := shareEditions[dir]
	fail := func(code int, msg string) {
		h.Set("Content-Type", "text/plain; charset=utf-8")
		h.Set("Cache-Control", "no-cache")
		w.WriteHeader(code)
		w.Write([]byte(msg + "\n"))
	}
	// One card per scenario, however its link was written.
	sc, err := core.DecodePermalink(link)
	if err != nil {
		_, err = card.Scenario(cat, link) // the reason, in the edition's words
		fail(http.StatusBadRequest, err.Error())
		return
	}
	if link, err = core.EncodePermalink(sc); err != nil {
		fail(http.StatusBadRequest, err.Error())
		return
	}
	g, sum, err := s.load(root, m)
	if err != nil {
		fail(http.StatusNotFound, "this build has no glyphs for share cards ("+card.GlyphsPath+"): "+err.Error())
		return
	}
	key := dir + " " + sum + " " + link
	s.mu.Lock()
	c := s.cards[key]
	s.mu.Unlock()
	if c == nil {
		s.slots <- struct{}{}
		c2, err := drawScenario(g, cat, link)
		<-s.slots
		if err != nil {
			fail(http.StatusBadRequest, err.Error())
			return
		}
		c = c2
		s.mu.Lock()
		if s.cards == nil || len(s.cards) >= maxCards {
			s.cards = map[string]*drawnCard{}
		}
		s.cards[key] = c
		s.mu.Unlock()
	}
	h.Set("Content-Type", "image/png")
	h.Set("Cache-Control", "public, max-age=86400")
	h.Set("ETag", c.tag)
	http.ServeContent(w, r, page+".png", time.Time{}, bytes.NewReader(c.png))
}

func drawScenario(g *card.Glyphs, cat *label.Catalogue, link string) (*drawnCard, error) {
	c, err := card.Scenario(cat, link)
	if err != nil {
		return nil, err
	}
	png, err := g.Draw(c)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(png)
	return &drawnCard{png: png, tag: `"` + hex.EncodeToString(sum[:])[:20] + `"`}, nil
}

// load reads the build's glyphs, again when the build has written others.
func (s *shares) load(root *os.Root, m *Manifest) (*card.Glyphs, string, error) {
	e, ok := m.files[card.GlyphsPath]
	if !ok {
		return nil, "", os.ErrNotExist
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.glyphs != nil && s.sum == e.sum {
		return s.glyphs, s.sum, nil
	}
	b, err := root.ReadFile(card.GlyphsPath)
	if err != nil {
		return nil, "", err
	}
	g, err := card.ParseGlyphs(b)
	if err != nil {
		return nil, "", err
	}
	s.glyphs, s.sum = g, e.sum
	return g, e.sum, nil
}
