package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// Both editions have every page; each page names its language, its twin
// (hreflang), its title and description and Open Graph in its language;
// the sitemap lists both.
func TestEditions(t *testing.T) {
	dir := built(t)
	opts, err := testOptions()
	if err != nil {
		t.Fatal(err)
	}
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	title := regexp.MustCompile(`<title>([^<]*)</title>`)
	han := func(s string) int {
		n := 0
		for _, r := range s {
			if unicode.Is(unicode.Han, r) {
				n++
			}
		}
		return n
	}
	sitemap := read("sitemap.xml")
	for _, p := range allPages() {
		en, zh := read(p.Path), read("zh/"+p.Path)
		if !strings.Contains(en, `<html lang="en"`) || !strings.Contains(zh, `<html lang="zh-CN"`) {
			t.Errorf("%s: the editions' html elements do not name their languages", p.Path)
		}
		for _, page := range []string{en, zh} {
			for _, alt := range []string{`hreflang="en" href="` + opts.BaseURL + folderOf(p.Path) + `"`, `hreflang="zh-CN" href="` + opts.BaseURL + "zh/" + folderOf(p.Path) + `"`} {
				if !p.Absolute && !strings.Contains(page, alt) {
					t.Errorf("%s: no alternate %s", p.Path, alt)
				}
			}
		}
		if !strings.Contains(zh, `<meta property="og:locale" content="zh_CN">`) || !strings.Contains(en, `<meta property="og:locale" content="en_GB">`) {
			t.Errorf("%s: og:locale missing", p.Path)
		}
		te, tz := title.FindStringSubmatch(en), title.FindStringSubmatch(zh)
		if te == nil || tz == nil || te[1] == tz[1] || han(tz[1]) == 0 || han(te[1]) > 0 {
			t.Errorf("%s: titles %q and %q are not each in their language", p.Path, te, tz)
		}
		if !p.Absolute {
			for _, loc := range []string{opts.BaseURL + folderOf(p.Path), opts.BaseURL + "zh/" + folderOf(p.Path)} {
				if !strings.Contains(sitemap, "<loc>"+xmlEscape(loc)+"</loc>") {
					t.Errorf("sitemap.xml lacks %s", loc)
				}
			}
		}
		// The language switch of a page with navigation leads to its twin.
		if p.Layout == "" && !p.Absolute && !strings.Contains(zh, `hreflang="en"`) {
			t.Errorf("%s: the Chinese page has no switch to English", p.Path)
		}
	}
	// The Chinese oEmbed files have Chinese titles and point at the
	// Chinese pages.
	for _, p := range embedPages() {
		o := read("zh/oembed/" + strings.TrimPrefix(p.Embed.OEmbed(), "oembed/"))
		if han(o) == 0 || !strings.Contains(o, opts.BaseURL+"zh/embed/") {
			t.Errorf("zh oEmbed of %s: %s", p.Path, o)
		}
	}
	if robots := read("robots.txt"); !strings.Contains(robots, "Sitemap: "+opts.BaseURL+"sitemap.xml") {
		t.Errorf("robots.txt does not name the sitemap: %q", robots)
	}
}
