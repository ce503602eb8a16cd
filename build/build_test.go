package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"net"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"

	"github.com/cpocalc/cpocalc/build/internal/server"
	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/scene"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

var (
	builtOnce sync.Once
	builtDir  string
	builtErr  error
)

// testListener is the loopback port the tests serve the site on, taken
// before the build so that the oEmbed files can name it.
var (
	listenOnce sync.Once
	listener   net.Listener
	listenErr  error
)

func testListener() (net.Listener, error) {
	listenOnce.Do(func() { listener, listenErr = net.Listen("tcp", "127.0.0.1:0") })
	return listener, listenErr
}

// testOptions are the build options of the tests: a build as a reader
// makes it, not told its address, so that the pages name the placeholder
// the server fills in (opts.BaseURL says so, for the tests that read the
// files themselves).
func testOptions() (Options, error) {
	return Options{BaseURL: server.Origin + "/"}, nil
}

// built builds the site once per test binary into a temporary folder.
func built(t *testing.T) string {
	t.Helper()
	builtOnce.Do(func() {
		root, err := findRoot()
		if err != nil {
			builtErr = err
			return
		}
		opts, err := testOptions()
		if err != nil {
			builtErr = err
			return
		}
		builtDir, builtErr = os.MkdirTemp("", "cpocalc-dist-")
		if builtErr != nil {
			return
		}
		_, builtErr = Build(root, builtDir, opts)
	})
	if builtErr != nil {
		t.Fatalf("build: %v", builtErr)
	}
	return builtDir
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	closeSharedBrowser()
	if builtDir != "" {
		os.RemoveAll(builtDir)
	}
	os.Exit(code)
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./build -run Golden -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; if the change is meant, run go test ./build -run Golden -update and review the diff", p)
	}
}

// The chart options are golden: a change to the model or a chart shows up
// as a diff to review.
func TestGoldenChartOptions(t *testing.T) {
	m, err := newModel(repoRoot(t), new(computed))
	if err != nil {
		t.Fatal(err)
	}
	opts, err := chartOptions(m)
	if err != nil {
		t.Fatal(err)
	}
	if len(opts) != len(chartIDs())+1 { // and the tornado, the calculator's own
		t.Errorf("%d charts, want %d", len(opts), len(chartIDs())+1)
	}
	for id, b := range opts {
		golden(t, "chart-"+id+".json", b)
	}
}

// The calculator page (pre-rendered results) is golden.
// releaseMeta is a page's release, which changes with every asset.
var releaseMeta = regexp.MustCompile(`<meta name="cpocalc-release" content="[0-9a-f]+">`)

func TestGoldenCalculatorPage(t *testing.T) {
	dir := built(t)
	b, err := os.ReadFile(filepath.Join(dir, "calculator", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	// The page names its absolute address (canonical, hreflang, Open
	// Graph), on the test server's port of the day.
	opts, err := testOptions()
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.ReplaceAll(b, []byte(opts.BaseURL), []byte("https://example.org/copper/"))
	// The assets' fingerprints and the WebAssembly's size change with any
	// edit to core, the scripts or the styles; the golden file reviews the
	// page, so they are written as placeholders.
	b = fingerprint.ReplaceAll(b, []byte(".FINGERPRINT.$1"))
	b = releaseMeta.ReplaceAll(b, []byte(`<meta name="cpocalc-release" content="RELEASE">`))
	b = wasmBytes.ReplaceAll(b, []byte(`data-wasm-bytes="N"`))
	b = wasmSize.ReplaceAll(b, []byte(`data-wasm-size="SIZE"`))
	golden(t, "calculator.html", b)
}

var (
	fingerprint = regexp.MustCompile(`\.[0-9a-f]{10}\.(wasm|js|css|json|svg|png)\b`)
	wasmBytes   = regexp.MustCompile(`data-wasm-bytes="[0-9]+"`)
	wasmSize    = regexp.MustCompile(`data-wasm-size="[^"]*"`)
)

// The same sources give the same bytes.
func TestDeterministic(t *testing.T) {
	a := built(t)
	root, _ := findRoot()
	b := t.TempDir()
	opts, err := testOptions()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Build(root, b, opts); err != nil {
		t.Fatal(err)
	}
	fa, fb := listFiles(t, a), listFiles(t, b)
	if strings.Join(fa, "\n") != strings.Join(fb, "\n") {
		t.Fatalf("two builds wrote different files:\n%v\n%v", fa, fb)
	}
	for _, f := range fa {
		x, _ := os.ReadFile(filepath.Join(a, f))
		y, _ := os.ReadFile(filepath.Join(b, f))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", f)
		}
	}
}

func listFiles(t *testing.T, dir string) []string {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && d.Name() != server.ManifestName {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// builtFiles returns the built files whose names keep says, with their
// bytes, in listFiles' order.
func builtFiles(t *testing.T, dir string, keep func(name string) bool) (names []string, bodies [][]byte) {
	t.Helper()
	for _, f := range listFiles(t, dir) {
		if !keep(f) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		names, bodies = append(names, f), append(bodies, b)
	}
	return names, bodies
}

// Every page, stylesheet and script is there, hashed where it should be.
func TestOutputFiles(t *testing.T) {
	files := listFiles(t, built(t))
	have := strings.Join(files, "\n")
	for _, want := range []string{"index.html", "calculator/index.html", "methodology/index.html", "404.html", "robots.txt"} {
		if !strings.Contains(have, want) {
			t.Errorf("%s missing", want)
		}
	}
	for _, f := range files {
		if strings.HasPrefix(f, "assets/") && !contentHashed(f) {
			t.Errorf("%s: an asset without a content hash in its name", f)
		}
	}
}

func contentHashed(p string) bool {
	for _, part := range strings.FieldsFunc(p, func(r rune) bool { return r == '/' || r == '.' || r == '-' }) {
		if len(part) == 10 && strings.Trim(part, "0123456789abcdef") == "" {
			return true
		}
	}
	return false
}

type ref struct {
	file, tag, attr, value string
}

// refs lists the href and src attributes of an HTML file, and the ids it
// defines.
func refs(t *testing.T, name string, b []byte) ([]ref, map[string]bool) {
	var out []ref
	ids := map[string]bool{}
	l := html.NewLexer(parse.NewInputBytes(b))
	tag := ""
	for {
		tt, data := l.Next()
		switch tt {
		case html.ErrorToken:
			return out, ids
		case html.StartTagToken:
			tag = strings.ToLower(string(l.Text()))
		case html.AttributeToken:
			key := strings.ToLower(string(l.Text()))
			val := string(l.AttrVal())
			val = strings.Trim(val, `"'`)
			switch key {
			case "href", "src", "action", "poster", "srcset":
				out = append(out, ref{file: name, tag: tag, attr: key, value: val})
			case "id":
				ids[val] = true
			}
		}
		_ = data
	}
}

// Every link and asset inside the site resolves, and no asset comes from
// another host. Links to sources elsewhere are ordinary links.
func TestLinksAndAssets(t *testing.T) {
	dir := built(t)
	opts, err := testOptions()
	if err != nil {
		t.Fatal(err)
	}
	files := listFiles(t, dir)
	exists := map[string]bool{}
	for _, f := range files {
		exists[f] = true
	}
	pageIDs := map[string]map[string]bool{}
	var all []ref
	for _, f := range files {
		if !strings.HasSuffix(f, ".html") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		r, ids := refs(t, f, b)
		all = append(all, r...)
		pageIDs[f] = ids
		// The hosts CDNs use (spelled in parts, so that a search for
		// them in the sources finds only real uses).
		for _, host := range []string{"go-echarts" + ".github.io", "cdn" + ".jsdelivr", "unpkg" + ".com", "fonts" + ".googleapis"} {
			if bytes.Contains(b, []byte(host)) {
				t.Errorf("%s mentions %s", f, host)
			}
		}
	}
	if len(all) < 20 {
		t.Fatalf("only %d references found: the lexer is not reading the pages", len(all))
	}
	for _, r := range all {
		u, err := url.Parse(r.value)
		if err != nil {
			t.Errorf("%s: <%s %s=%q>: %v", r.file, r.tag, r.attr, r.value, err)
			continue
		}
		if u.Scheme != "" || strings.HasPrefix(r.value, "//") {
			// A page names its own address and its twin's (canonical,
			// hreflang): links to this site, which load nothing.
			if r.tag == "link" && strings.HasPrefix(r.value, opts.BaseURL) {
				continue
			}
			if r.tag != "a" {
				t.Errorf("%s: <%s %s=%q> loads from another host", r.file, r.tag, r.attr, r.value)
			}
			if u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "mailto" {
				t.Errorf("%s: <%s %s=%q>: unexpected scheme", r.file, r.tag, r.attr, r.value)
			}
			continue
		}
		target := r.file
		if u.Path != "" {
			if strings.HasPrefix(u.Path, "/") {
				target = strings.TrimPrefix(u.Path, "/")
			} else {
				target = path.Join(path.Dir(r.file), u.Path)
			}
			if strings.HasSuffix(u.Path, "/") || target == "." || target == "" {
				target = path.Join(target, "index.html")
			}
		}
		if !exists[target] {
			t.Errorf("%s: <%s %s=%q> points to %s, which is not in the site", r.file, r.tag, r.attr, r.value, target)
			continue
		}
		// A calculator link's fragment is a scenario (v=1&…), not an id.
		permalink := strings.HasPrefix(u.Fragment, "v=") || strings.HasPrefix(u.Fragment, "s=")
		if u.Fragment != "" && !permalink && strings.HasSuffix(target, ".html") && !pageIDs[target][u.Fragment] {
			t.Errorf("%s: <%s %s=%q>: no id %q in %s", r.file, r.tag, r.attr, r.value, u.Fragment, target)
		}
	}
}

// Pages say what a reader without scripts needs: every chart has its
// table, caption and source, and a box that says what it shows.
func TestFiguresHaveAlternatives(t *testing.T) {
	dir := built(t)
	for _, f := range []string{"index.html", "calculator/index.html"} {
		b, _ := os.ReadFile(filepath.Join(dir, f))
		s := string(b)
		n := strings.Count(s, `class="chart"`)
		if n == 0 {
			t.Errorf("%s: no charts", f)
		}
		for _, want := range []string{`class="chart-data"`, `<figcaption`, `class="source"`, `class="chart-option"`, `data-chart="`} {
			if c := strings.Count(s, want); c != n {
				t.Errorf("%s: %d charts but %d %s", f, n, c, want)
			}
		}
		if c := strings.Count(s, `data-chart="`); strings.Count(s, ` role="img" aria-label="`) < c {
			t.Errorf("%s: a chart box without its role and label", f)
		}
	}
}

// repoRoot returns the repository's root.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := findRoot()
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// Every series of a chart has its own colour (from colour-blind-safe
// palettes), and every axis with a name has room for it.
func TestChartSeriesColours(t *testing.T) {
	m, err := newModel(repoRoot(t), new(computed))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range chartIDs() {
		c, err := chartBuilders[id](m, "x/")
		if err != nil {
			t.Fatal(err)
		}
		var o struct {
			Series []struct {
				Name      string `json:"name"`
				ItemStyle *struct {
					Color string `json:"color"`
				} `json:"itemStyle"`
			} `json:"series"`
			Grid  json.RawMessage `json:"grid"`
			XAxis []struct {
				Name string `json:"name"`
			} `json:"xAxis"`
		}
		if err := json.Unmarshal([]byte(c.Option), &o); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		byColour := map[string]string{}
		for _, s := range o.Series {
			if s.ItemStyle == nil || s.ItemStyle.Color == "" {
				continue // coloured per bar (the electrical path)
			}
			// A stage's band is drawn pale in its stage's colour.
			if other, ok := byColour[s.ItemStyle.Color]; ok && s.Name != ed.Cat.Format("chart.band", "name", other) {
				t.Errorf("%s: %q and %q share the colour %s", id, other, s.Name, s.ItemStyle.Color)
			}
			byColour[s.ItemStyle.Color] = s.Name
		}
		if len(o.XAxis) > 0 && o.XAxis[0].Name != "" && !strings.Contains(string(o.Grid), `"bottom":"40"`) {
			t.Errorf("%s: x axis %q without room below the plot: grid %s", id, o.XAxis[0].Name, o.Grid)
		}
	}
}

// The explainer's still of the animation is the link its prose describes
// (1 m of passive copper on the copper stage), as its live animation is.
func TestExplainerStillIsTheProseLink(t *testing.T) {
	m, err := newModel(repoRoot(t), new(computed))
	if err != nil {
		t.Fatal(err)
	}
	stages, err := scene.Build(m.proseParams())
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(built(t), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	want := stages[scene.Copper].PathLength.String() + " of electrical path, " + stages[scene.Copper].Loss.String()
	if stages[scene.Copper].Tech != core.DAC || !strings.Contains(string(page), want) {
		t.Errorf("the explainer's still does not show the prose's %s copper link (%q)", stages[scene.Copper].Tech, want)
	}
}

// Every page carries the inline script exactly as the policy's hash was
// taken of it: the minifier leaves it as it is.
func TestInlineScriptIntact(t *testing.T) {
	names, bodies := builtFiles(t, built(t), func(f string) bool { return strings.HasSuffix(f, ".html") })
	for i, b := range bodies {
		if !bytes.Contains(b, []byte("<script>"+server.InlineScript+"</script>")) {
			t.Errorf("%s: the inline script is not the one the policy allows", names[i])
		}
		if !releaseMeta.Match(b) {
			t.Errorf("%s: no release", names[i])
		}
	}
	if len(names) < 20 {
		t.Errorf("%d pages", len(names))
	}
}

// The methodology's contents list names every section of the page, in
// both editions.
func TestContentsListsEverySection(t *testing.T) {
	dir := built(t)
	for _, page := range []string{"methodology/index.html", "zh/methodology/index.html"} {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(page)))
		if err != nil {
			t.Fatal(err)
		}
		nav := regexp.MustCompile(`(?s)<nav class="toc".*?</nav>`).Find(b)
		listed := map[string]bool{}
		for _, m := range regexp.MustCompile(`href="#([^"]+)"`).FindAllSubmatch(nav, -1) {
			listed[string(m[1])] = true
		}
		n := 0
		for _, m := range regexp.MustCompile(`<h2 id="([^"]+)"`).FindAllSubmatch(b, -1) {
			n++
			if !listed[string(m[1])] {
				t.Errorf("%s: the contents list lacks the section #%s", page, m[1])
			}
		}
		if n < 10 {
			t.Errorf("%s: %d sections", page, n)
		}
	}
}

// A chart's embed fetches the calculator's WebAssembly only when its
// address carries a scenario: it does not preload it.
func TestChartEmbedsPreloadNothing(t *testing.T) {
	names, bodies := builtFiles(t, built(t), func(f string) bool {
		return strings.Contains(f, "embed/chart/") && strings.HasSuffix(f, "index.html")
	})
	for i, b := range bodies {
		if bytes.Contains(b, []byte(`rel="preload"`)) {
			t.Errorf("%s preloads the WebAssembly", names[i])
		}
	}
	if len(names) != 2*len(chartBuilders) {
		t.Errorf("%d chart embeds", len(names))
	}
}

// The calculator's parameter tables: one per catalogue group, each group
// once, every parameter in one of them.
func TestParamGroupsOnce(t *testing.T) {
	groups := paramGroups()
	names := map[string]int{}
	params := map[string]bool{}
	for _, g := range groups {
		names[g.Name]++
		for _, r := range g.Rows {
			params[r.Param] = true
		}
	}
	for _, p := range core.Catalogue() {
		if !params[p.ID] {
			t.Errorf("parameter %s is not in the form", p.ID)
		}
		if n := names[p.GroupName(ed.Cat)]; n != 1 {
			t.Errorf("group %q has %d tables", p.GroupName(ed.Cat), n)
		}
	}
}

// WebAssembly is loaded one way: site/static/wasmload.js is the only
// script that compiles it, and the built runtime file (Go's wasm_exec.js)
// carries it, so that every page and worker that runs Go has it.
func TestOneWebAssemblyLoader(t *testing.T) {
	static := filepath.Join("..", "site", "static")
	entries, err := os.ReadDir(static)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".js") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(static, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		loads := bytes.Contains(b, []byte("WebAssembly.instantiate")) || bytes.Contains(b, []byte("new window.Go")) || bytes.Contains(b, []byte("new self.Go"))
		if loads != (e.Name() == "wasmload.js") {
			t.Errorf("%s: loads WebAssembly %v; only wasmload.js should", e.Name(), loads)
		}
	}
	names, bodies := builtFiles(t, built(t), func(f string) bool {
		return strings.HasPrefix(f, "assets/wasm_exec.") && strings.HasSuffix(f, ".js")
	})
	for i, b := range bodies {
		if !bytes.Contains(b, []byte("cpocalcWasm")) || !bytes.Contains(b, []byte("importObject")) {
			t.Errorf("%s: not Go's runtime with the site's loader", names[i])
		}
	}
	if len(names) != 1 {
		t.Errorf("%d runtime files", len(names))
	}
}

// No file the build writes names a loopback address, neither in the
// site nor in the offline bundle's copy of it: a build not told its
// address names the placeholder our server fills in.
func TestNoLoopbackAddress(t *testing.T) {
	dir := built(t)
	loopback := regexp.MustCompile(`(?i)\b127\.0\.0\.1\b|\blocalhost\b|\[::1\]|\b0\.0\.0\.0\b`)
	text := func(name string) bool {
		switch path.Ext(name) {
		case ".html", ".json", ".xml", ".txt", ".js", ".css", ".svg", ".webmanifest":
			return true
		}
		return false
	}
	check := func(where, name string, b []byte) {
		if loc := loopback.FindIndex(b); loc != nil {
			t.Errorf("%s: %s names a loopback address: …%s…", where, name, b[max(0, loc[0]-60):min(len(b), loc[1]+20)])
		}
	}
	n := 0
	for _, f := range listFiles(t, dir) {
		if !text(f) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		check("the site", f, b)
		n++
	}
	unpacked := t.TempDir()
	for f := range unzipBundle(t, filepath.Join(dir, filepath.FromSlash(bundlePath)), unpacked) {
		// The bundle's README tells the reader the address its server
		// prints; the site's files beside it name none.
		if !strings.HasPrefix(f, bundleDir+"site/") || !text(f) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(unpacked, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		check("the bundle", f, b)
		n++
	}
	if n < 100 {
		t.Errorf("only %d files read", n)
	}
}
