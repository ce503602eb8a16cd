package main

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Every page and embed of both editions, as a social site reads it: its
// Open Graph and Twitter tags name its title, description, address,
// language and card; the card is a PNG of 1200 × 630 with its size and
// alt text in the tags, served by our server.
func TestShareMeta(t *testing.T) {
	browser := newBrowser(t)
	base := siteURL(t)
	seen := map[string]bool{}
	for _, e := range editions {
		for _, p := range allPages() {
			path := "/" + e.Dir + folderOf(p.Path)
			if p.Name == "404" {
				path = "/" + e.Dir + "404.html"
			}
			ctx, cancel := openTab(t, browser, base+path, 1000, 700)
			meta := eval[map[string]string](t, ctx, `Object.fromEntries([...document.querySelectorAll("meta[property^='og:'], meta[name^='twitter:']")].map(m => [m.getAttribute("property") || m.getAttribute("name"), m.content]))`)
			cancel()
			for _, k := range []string{"og:title", "og:description", "og:url", "og:locale", "og:image", "og:image:alt"} {
				if strings.TrimSpace(meta[k]) == "" {
					t.Errorf("%s: no %s", path, k)
				}
			}
			if meta["og:image:width"] != "1200" || meta["og:image:height"] != "630" || meta["og:image:type"] != "image/png" || meta["twitter:card"] != "summary_large_image" {
				t.Errorf("%s: the card's tags %v", path, meta)
			}
			if meta["og:locale"] != e.Locale {
				t.Errorf("%s: og:locale %q, want %q", path, meta["og:locale"], e.Locale)
			}
			card, err := url.Parse(meta["og:image"])
			if err != nil || !strings.HasPrefix(card.Path, "/cards/") {
				t.Errorf("%s: og:image %q", path, meta["og:image"])
				continue
			}
			if seen[card.Path] {
				continue
			}
			seen[card.Path] = true
			resp, err := http.Get(base + card.Path)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/png" {
				t.Errorf("%s: %s answered %d, %s", path, card.Path, resp.StatusCode, resp.Header.Get("Content-Type"))
				continue
			}
			checkCard(t, card.Path, b)
		}
	}
	if len(seen) < 2*len(allPages())-2 {
		t.Errorf("%d cards, want one for each page but 404 in each edition", len(seen))
	}
}
