package main

import (
	stdhtml "html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"
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

// citedTitles are the English names of cited documents that the Chinese
// pages keep as they are, as a reader looking for them needs them.
var citedTitles = []string{
	"NVIDIA LinkX cables and transceivers guide",
	"TIA Fiber Optics Tech Consortium",
	"Cathy Liu, Signal Integrity Journal",
}

// The Chinese pages and pictures, as the build writes them, hold no
// English sentence: no run of four English words outside a quotation of
// a source (“…”, kept in its words and followed by its Chinese) or a
// cited document's name. What the scripts write is checked in the
// browser (TestChineseEdition).
func TestChineseHasNoEnglishProse(t *testing.T) {
	dir := built(t)
	run := regexp.MustCompile(`(?:\b[A-Za-z][a-z'’-]+\b[ ,;:()]*){4,}`)
	quoted := regexp.MustCompile(`“[^”]*”`)
	check := func(name, text string) {
		text = quoted.ReplaceAllString(text, " ")
		for _, c := range citedTitles {
			text = strings.ReplaceAll(text, c, " ")
		}
		for _, m := range run.FindAllString(text, 5) {
			t.Errorf("%s: English in the Chinese edition: %q", name, strings.TrimSpace(m))
		}
	}
	for _, f := range listFiles(t, filepath.Join(dir, "zh")) {
		if !strings.HasSuffix(f, ".html") && !strings.HasSuffix(f, ".svg") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, "zh", f))
		if err != nil {
			t.Fatal(err)
		}
		check("zh/"+f, readableText(b))
	}
}

// svgWords finds a picture's texts and its aria-labels.
var svgWords = regexp.MustCompile(`>([^<]+)<|aria-label="([^"]*)"`)

// readableText is what a reader of a page or picture can read: its text,
// outside scripts, styles and code, and the attributes that are read out
// or shown (alt, title, aria-label, placeholder, and the content of a
// description or Open Graph meta); an element marked lang="en" is left
// out, as it says it is English.
func readableText(b []byte) string {
	type element struct {
		tag           string
		english, skip bool
	}
	void := map[string]bool{"meta": true, "link": true, "img": true, "input": true, "br": true, "hr": true, "source": true, "wbr": true, "col": true, "area": true, "base": true, "embed": true, "track": true}
	var (
		out   strings.Builder
		stack []element
		cur   element
		attrs map[string]string
	)
	top := func() element {
		if len(stack) == 0 {
			return element{}
		}
		return stack[len(stack)-1]
	}
	l := html.NewLexer(parse.NewInputBytes(b))
	for {
		tt, data := l.Next()
		switch tt {
		case html.ErrorToken:
			return out.String()
		case html.StartTagToken:
			t := top()
			cur = element{tag: strings.ToLower(string(l.Text())), english: t.english, skip: t.skip}
			cur.skip = cur.skip || cur.tag == "script" || cur.tag == "style" || cur.tag == "code"
			attrs = map[string]string{}
		case html.AttributeToken:
			attrs[strings.ToLower(string(l.Text()))] = stdhtml.UnescapeString(strings.Trim(string(l.AttrVal()), `"'`))
		case html.StartTagCloseToken, html.StartTagVoidToken:
			if lang, ok := attrs["lang"]; ok {
				cur.english = strings.HasPrefix(lang, "en")
			}
			if !cur.english {
				for _, k := range []string{"alt", "title", "aria-label", "placeholder"} {
					out.WriteString(" " + attrs[k] + " ")
				}
				if cur.tag == "meta" && (attrs["name"] == "description" || strings.HasPrefix(attrs["property"], "og:")) {
					out.WriteString(" " + attrs["content"] + " ")
				}
			}
			if tt == html.StartTagCloseToken && !void[cur.tag] {
				stack = append(stack, cur)
			}
		case html.EndTagToken:
			tag := strings.ToLower(string(l.Text()))
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].tag == tag {
					stack = stack[:i]
					break
				}
			}
		case html.TextToken:
			if t := top(); !t.skip && !t.english {
				out.WriteString(" " + stdhtml.UnescapeString(string(data)) + " ")
			}
		case html.SVGToken:
			// The lexer gives a picture whole: its texts and labels.
			if t := top(); !t.english {
				for _, m := range svgWords.FindAllStringSubmatch(string(data), -1) {
					out.WriteString(" " + stdhtml.UnescapeString(m[1]+m[2]) + " ")
				}
			}
		}
	}
}
