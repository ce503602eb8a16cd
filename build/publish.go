package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/tdewolff/minify/v2"

	"github.com/cpocalc/cpocalc/build/internal/server"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
)

// The publisher: every file of the site is described by an output (where it
// goes, what it is, whether to minify it and put a content hash in its
// name, and how to make it); a chain of steps turns each into bytes on disk.
// Errors name the file they concern.

// output describes one file of the site.
type output struct {
	Path   string // target path under the output folder, slash-separated; "{hash}" is replaced
	Media  string // media type, which picks the minifier
	Source string // what it is made from, for error messages
	Minify bool
	Hash   bool
	Make   func() ([]byte, error)
}

// file is an output on its way through the chain.
type file struct {
	out  *output
	body []byte
	path string // final path
}

type step func(f *file) error

// publisher runs outputs through the chain and remembers where each went.
type publisher struct {
	dir     string
	min     *minify.M
	written map[string]string // logical path (with {hash}) -> final path
	files   []string
}

func newPublisher(dir string) *publisher {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), js.Minify)
	m.AddFunc("module", js.Minify) // <script type="module">
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	return &publisher{dir: dir, min: m, written: map[string]string{}}
}

// publish makes, transforms and writes one output.
func (p *publisher) publish(o *output) (string, error) {
	f := &file{out: o, path: o.Path}
	for _, s := range []step{p.make, p.minify, p.hash, p.write} {
		if err := s(f); err != nil {
			return "", fmt.Errorf("publish %s: %w", o.Path, err)
		}
	}
	p.written[o.Path] = f.path
	p.files = append(p.files, f.path)
	return f.path, nil
}

// publishAll publishes each output in turn, stopping at the first error.
func (p *publisher) publishAll(outs ...*output) error {
	for _, o := range outs {
		if _, err := p.publish(o); err != nil {
			return err
		}
	}
	return nil
}

func (p *publisher) make(f *file) error {
	b, err := f.out.Make()
	if err != nil {
		if f.out.Source != "" {
			return fmt.Errorf("from %s: %w", f.out.Source, err)
		}
		return err
	}
	f.body = b
	return nil
}

func (p *publisher) minify(f *file) error {
	if f.out.Minify {
		var buf bytes.Buffer
		if err := p.min.Minify(f.out.Media, &buf, bytes.NewReader(f.body)); err != nil {
			return fmt.Errorf("minify: %w", err)
		}
		f.body = buf.Bytes()
	}
	if f.out.Media == "text/html" {
		// The inline script goes in as the policy's hash was taken of
		// it, which the minifier would rewrite.
		f.body = bytes.ReplaceAll(f.body, []byte("<script>"+inlinePlaceholder+"</script>"), []byte("<script>"+server.InlineScript+"</script>"))
	}
	return nil
}

// inlinePlaceholder stands for the inline script in the layout until the
// page is minified.
const inlinePlaceholder = "cpoInlineScript"

// contentHash is the first 10 hex digits of the SHA-256 of b.
func contentHash(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])[:10]
}

func (p *publisher) hash(f *file) error {
	if f.out.Hash {
		if !strings.Contains(f.path, "{hash}") {
			return fmt.Errorf("hashed output without {hash} in its name")
		}
		f.path = strings.ReplaceAll(f.path, "{hash}", contentHash(f.body))
	}
	return nil
}

func (p *publisher) write(f *file) error {
	if path.IsAbs(f.path) || strings.Contains(f.path, "..") {
		return fmt.Errorf("path escapes the output folder")
	}
	full := filepath.Join(p.dir, filepath.FromSlash(f.path))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	return os.WriteFile(full, f.body, 0o644)
}

// url returns the final path of an output published earlier, relative to
// the page at pagePath ("calculator/index.html" -> "../assets/...").
func (p *publisher) url(logical, pagePath string) (string, error) {
	final, ok := p.written[logical]
	if !ok {
		return "", fmt.Errorf("asset %s has not been published", logical)
	}
	return relTo(pagePath, final), nil
}

// relTo returns target as a URL relative to the page at from.
func relTo(from, target string) string {
	depth := strings.Count(from, "/")
	return strings.Repeat("../", depth) + target
}

// Files returns the published files, sorted.
func (p *publisher) Files() []string {
	out := append([]string(nil), p.files...)
	sort.Strings(out)
	return out
}
