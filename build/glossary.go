package main

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tdewolff/parse/v2"
	htmllex "github.com/tdewolff/parse/v2/html"
)

// The glossary: the words a reader may not know. Each is a catalogue
// entry in both languages: "glossary.<id>" its explanation and
// "glossary.<id>.match" the spellings its use is found by (";" between
// them). On each page the first use of each term in the prose becomes a
// button that opens the explanation as a popover (HTML's popover
// attribute: by keyboard, touch and mouse alike, without a script); the
// explanation is also the button's description, for screen readers.

// glossaryTerms are the terms, in the order they are looked for.
var glossaryTerms = []string{"serdes", "dsp", "db", "nyquist", "gbd", "twinax", "awg", "equalisation", "fat_tree", "eye", "g657a2"}

// glossarySkip are the elements whose text is never marked: links and
// buttons (no button in a button), headings, code, form controls and
// what is not prose, tables included (a phone folds some of a table's
// cells away, and a term is explained where it is first read in prose),
// and a number that follows the scenario (an element with data-fact).
var glossarySkip = map[string]bool{"a": true, "button": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"code": true, "pre": true, "script": true, "style": true, "summary": true, "label": true, "option": true, "select": true,
	"textarea": true, "title": true, "nav": true, "th": true, "caption": true, "dfn": true, "table": true}

// voidElements have no end tag.
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true,
	"link": true, "meta": true, "source": true, "track": true, "wbr": true}

// markGlossary marks the first use of each glossary term in a page's
// body, in the language of the catalogue in use.
func markGlossary(body string) string {
	type term struct {
		id, def   string
		spellings []string
	}
	var terms []term
	for _, id := range glossaryTerms {
		terms = append(terms, term{id: id, def: ed.Cat.Get("glossary." + id), spellings: strings.Split(ed.Cat.Get("glossary."+id+".match"), ";")})
	}
	marked := map[string]bool{}
	var out strings.Builder
	var stack []bool // per open element: whether its text is skipped
	skipping := func() bool { return len(stack) > 0 && stack[len(stack)-1] }
	pendingTag, pendingSkip := "", false
	l := htmllex.NewLexer(parse.NewInputString(body))
	for {
		tt, data := l.Next()
		switch tt {
		case htmllex.ErrorToken:
			return out.String()
		case htmllex.StartTagToken:
			pendingTag = strings.ToLower(string(l.Text()))
			pendingSkip = skipping() || glossarySkip[pendingTag]
		case htmllex.AttributeToken:
			// A number the page writes again (data-fact) keeps its text
			// plain.
			if string(l.Text()) == "data-fact" {
				pendingSkip = true
			}
		case htmllex.StartTagCloseToken:
			if !voidElements[pendingTag] {
				stack = append(stack, pendingSkip)
			}
		case htmllex.EndTagToken:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case htmllex.TextToken:
			if !skipping() {
				text := string(data)
				for {
					best, bestAt, bestLen := -1, len(text), 0
					for i, t := range terms {
						if marked[t.id] {
							continue
						}
						for _, sp := range t.spellings {
							if at := findWord(text, sp); at >= 0 && at < bestAt {
								best, bestAt, bestLen = i, at, len(sp)
							}
						}
					}
					if best < 0 {
						break
					}
					t := terms[best]
					marked[t.id] = true
					id := "term-" + t.id
					out.WriteString(text[:bestAt])
					out.WriteString(`<button type="button" class="term" popovertarget="` + id + `" aria-describedby="` + id + `">` + text[bestAt:bestAt+bestLen] +
						`</button><span class="term-def" id="` + id + `" popover>` + html.EscapeString(t.def) + `</span>`)
					text = text[bestAt+bestLen:]
				}
				out.WriteString(text)
				continue
			}
		}
		out.Write(data)
	}
}

// findWord finds a spelling in text as a word of its own: not inside a
// longer word of letters or digits (a spelling in a script without spaces,
// Chinese, is found anywhere).
func findWord(text, word string) int {
	from := 0
	for {
		i := strings.Index(text[from:], word)
		if i < 0 {
			return -1
		}
		at := from + i
		before, _ := utf8.DecodeLastRuneInString(text[:at])
		after, _ := utf8.DecodeRuneInString(text[at+len(word):])
		if (at == 0 || !wordRune(before)) && (at+len(word) == len(text) || !wordRune(after)) {
			return at
		}
		from = at + len(word)
	}
}

// wordRune reports whether r continues a word of a language that spaces
// its words (a Han character does not).
func wordRune(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !unicode.Is(unicode.Han, r)
}
