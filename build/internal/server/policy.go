package server

import (
	"crypto/sha256"
	"encoding/base64"
	"strings"
)

// The site's Content Security Policy, written once: this server sends it
// as a header, and the build writes it into every page as a <meta> for
// static hosts (a <meta> cannot say frame-ancestors, so framing is
// enforced only where the header is sent).

// InlineScript is the one script a page carries inline. It marks the page
// as scripted before the first paint, so that the page does not flash its
// no-script layout, and defines the pages' one way to read their words,
// window.cpoT(key, {name: value}): the page's catalogue (the JSON in
// #cpo-words, read at the first call), a message's {name}s filled. A key
// the page's words lack (a script of another release) reads as the plain
// sentence of "js.missing", never as the key. Being inline, it is there
// whichever of the page's scripts loads. The policy allows it by its hash;
// the build puts it in after minifying the page (a test holds it so).
const InlineScript = `document.documentElement.classList.add("js");` +
	`window.cpoT=(function(){var W;return function(k,a){` +
	`if(!W){var e=document.getElementById("cpo-words");if(!e)return"";try{W=JSON.parse(e.textContent)}catch(x){W={}}}` +
	`var s=Object.prototype.hasOwnProperty.call(W,k)?W[k]:(W["js.missing"]||"…");` +
	`if(a)for(var n in a)s=s.split("{"+n+"}").join(String(a[n]));return s}})();`

// inlineHash is InlineScript's CSP hash source.
var inlineHash = func() string {
	sum := sha256.Sum256([]byte(InlineScript))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}()

// Policy is the policy of every page. Style sheets come from the site
// only (style-src-elem); style attributes are allowed because ECharts'
// SVG renderer writes its text and tooltips with them (the browser test
// counted about 700 on the explainer). An attribute styles only its own
// element: it cannot select others or load anything (img-src and
// font-src still hold), so this opens no way to run or read anything.
func Policy() string {
	return strings.Join([]string{
		"default-src 'self'",
		"script-src 'self' 'wasm-unsafe-eval' " + inlineHash,
		"style-src 'self'",
		"style-src-elem 'self'",
		"style-src-attr 'unsafe-inline'",
		"img-src 'self' data:",
		"font-src 'self'",
		"connect-src 'self'",
		"frame-src 'self'",
		"worker-src 'self'",
		"manifest-src 'self'",
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'self'",
	}, "; ")
}

// headerPolicy is Policy with who may frame the page: anyone for the
// embeds, which are made for other sites' articles, and only this site
// for every other page.
func headerPolicy(urlPath string) string {
	if Embeddable(urlPath) {
		return Policy() + "; frame-ancestors *"
	}
	return Policy() + "; frame-ancestors 'self'"
}

// Embeddable reports whether a page is made to be framed by other sites.
func Embeddable(urlPath string) bool { return strings.HasPrefix(urlPath, "/embed/") }
