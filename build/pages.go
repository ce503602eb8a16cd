package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	htmltemplate "html/template"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	gmhtml "github.com/yuin/goldmark/renderer/html"

	"github.com/cpocalc/cpocalc/build/internal/server"
	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/report"
	"github.com/cpocalc/cpocalc/core/scene"
)

// pageSpec describes one page: its content (Markdown run through
// text/template, so the prose can quote the model), where it goes, and its
// place in the navigation.
type pageSpec struct {
	Name        string // content/<name>.md
	Path        string // output path
	Title       string
	Description string
	Nav         string   // the navigation entry it belongs to
	Absolute    bool     // links from the site root (the 404 page is served at any depth)
	Scripts     []string // logical paths of the page's own scripts, after app.js
	Layout      string   // template in site/templates: "layout" (default) or "embed"
	HTMLClass   string   // class of the html element
	Inline      string   // the content itself, when it has no file
	Embed       *embedSpec
	// Shared: one content file for both editions (site/content/<name>.md),
	// its structure written once and its words the edition's catalogue's
	// ({{w "key"}}).
	Shared bool
}

// wordText and wordAttr escape a catalogue's word for a page's content:
// in text, and in an attribute's value (in double quotes).
var (
	wordText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	wordAttr = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;")
)

// contentPath is the page's content file, from the site's root.
func (p pageSpec) contentPath() string {
	if p.Shared {
		return "site/content/" + p.Name + ".md"
	}
	return "site/content/" + ed.Dir + p.Name + ".md"
}

// embedSpec describes a page others may embed: its oEmbed file and the
// snippet's title and height.
// Its paths are the English edition's; the methods give the edition's
// being built.
type embedSpec struct {
	src    string // the embeddable page's folder, from the English edition's root
	oembed string // file name under oembed/
	title  string // label key of its title
	Height int
}

// Src is the embeddable page's folder, from the site root.
func (e *embedSpec) Src() string { return ed.Dir + e.src }

// OEmbed is the embed's oEmbed file, from the site root.
func (e *embedSpec) OEmbed() string { return ed.Dir + "oembed/" + e.oembed }

// Title is the embed's title in the edition's language, with the site's
// name.
func (e *embedSpec) Title() string {
	return ed.Cat.Format("site.titled", "title", ed.Cat.Get(e.title), "site", ed.Cat.Get("site.name"))
}

// Thumb is the still picture of the embed, from the site root.
func (e *embedSpec) Thumb() string {
	return ed.Dir + "thumbs/" + strings.TrimSuffix(e.oembed, ".json") + ".svg"
}

// The embeddable pages that are not charts, by name.
var (
	calculatorEmbed = &embedSpec{src: "embed/calculator/", oembed: "calculator.json", title: "embed.calculator", Height: 720}
	animationEmbed  = &embedSpec{src: "embed/animation/", oembed: "animation.json", title: "embed.animation", Height: 440}
	namedEmbeds     = map[string]*embedSpec{"calculator": calculatorEmbed, "animation": animationEmbed}
)

// chartEmbed is a chart's embed.
func chartEmbed(id string) *embedSpec {
	return &embedSpec{src: "embed/chart/" + id + "/", oembed: "chart-" + id + ".json", title: "chart." + id + ".title", Height: 640}
}

// embedToolsView is the place of a figure's Embed button, with what the
// snippet needs (app.js makes the button); Scenario: the embed follows the
// page's scenario.
type embedToolsView struct {
	Src, Title, Thumb string
	Height            int
	Scenario          bool
}

func (e *embedSpec) tools(scenario bool) *embedToolsView {
	return &embedToolsView{Src: e.Src(), Title: e.Title(), Thumb: e.Thumb(), Height: e.Height, Scenario: scenario}
}

var pages = []pageSpec{
	{Name: "index", Path: "index.html", Nav: "index"},
	{Name: "calculator", Path: "calculator/index.html", Nav: "calculator", Shared: true,
		Scripts: []string{wasmExec, "assets/calc.{hash}.js"},
		Embed:   calculatorEmbed},
	{Name: "methodology", Path: "methodology/index.html", Nav: "methodology"},
	{Name: "404", Path: "404.html", Nav: "", Absolute: true, Shared: true},
	{Name: "changelog", Path: "changelog/index.html", Nav: "", Shared: true},
	{Name: "animation", Path: "embed/animation/index.html", Layout: "embed", Shared: true, HTMLClass: "embed embed-anim embed-fixed",
		Scripts: []string{wasmExec, "assets/anim.{hash}.js"},
		Embed:   animationEmbed},
	{Name: "embed-calculator", Path: "embed/calculator/index.html", Layout: "embed", Shared: true, HTMLClass: "embed",
		Scripts: []string{wasmExec, "assets/calc.{hash}.js"},
		Embed:   calculatorEmbed},
}

// title and description are a page's, in the edition's language.
func (p pageSpec) title() string {
	if p.Title != "" {
		return p.Title
	}
	return ed.Cat.Get("page." + p.Name + ".title")
}

func (p pageSpec) description() string {
	if p.Description != "" {
		return p.Description
	}
	return ed.Cat.Get("page." + p.Name + ".description")
}

// scenarioCharts are the charts whose data follow the scenario; the others
// show fixed facts.
var scenarioCharts = map[string]bool{"copper-wall": true, "energy-per-bit": true, "latency": true, "cluster-power": true, "electrical-path": true}

// chartPages are the embeddable pages of the charts, one each.
func chartPages() []pageSpec {
	var out []pageSpec
	for _, id := range chartIDs() {
		e := chartEmbed(id)
		ps := pageSpec{Name: "chart-" + id, Path: "embed/chart/" + id + "/index.html", Layout: "embed", HTMLClass: "embed",
			Title:       e.Title(),
			Description: ed.Cat.Format("page.chart.description", "title", ed.Cat.Get(e.title)),
			Inline:      "{{chart \"" + id + "\"}}\n\n<p class=\"embed-credit\">{{credit \"" + id + "\"}}</p>\n",
			Embed:       e}
		if scenarioCharts[id] {
			ps.Scripts = []string{wasmExec, "assets/calc.{hash}.js"}
			// With a scenario, its credit leads to the calculator on it
			// (calc.js): data-calculator is where.
			ps.Inline = "<div id=\"calc-status\" class=\"status\" role=\"status\" data-wasm=\"{{asset \"assets/calc.{hash}.wasm\"}}\" data-wasm-bytes=\"{{assetBytes \"assets/calc.{hash}.wasm\"}}\" data-wasm-size=\"{{assetSize \"assets/calc.{hash}.wasm\"}}\" hidden></div>\n\n" +
				strings.Replace(ps.Inline, `<p class="embed-credit">`, `<p class="embed-credit" data-calculator="{{page "calculator"}}">`, 1)
		}
		out = append(out, ps)
	}
	return out
}

// allPages returns every page of the site.
func allPages() []pageSpec { return append(append([]pageSpec(nil), pages...), chartPages()...) }

// navItems are the site's navigation: each page's name and the label key
// of its entry.
var navItems = []struct{ Name, Label string }{
	{"index", "nav.index"}, {"calculator", "nav.calculator"}, {"methodology", "nav.methodology"},
}

// pageURL returns the folder address of a named page in the edition being
// built, from the site root ("" for the English home).
func pageURL(name string) string {
	for _, p := range pages {
		if p.Name == name {
			return ed.Dir + strings.TrimSuffix(p.Path, "index.html")
		}
	}
	return ""
}

// wasmAttr finds the WebAssembly a page's status element names.
var wasmAttr = regexp.MustCompile(`data-wasm="([^"]+)"`)

// layoutData is what site/templates/layout.html receives.
type layoutData struct {
	Title, Description string
	Lang               string
	Body               htmltemplate.HTML
	CSS, JS, Icon      string
	Scripts            []string            // chart scripts, loaded by app.js when a chart nears the screen
	Preload            []htmltemplate.HTML // WebAssembly the page runs, fetched from the head
	PageScripts        []string            // the page's own, after app.js
	Nav                []navLink
	Home               string
	HasCharts          bool
	HTMLClass          string
	OEmbed             string // relative address of the page's oEmbed file
	Download           string // the offline bundle
	CSP                string // the Content Security Policy, as a <meta>
	InlineScript       htmltemplate.JS
	Release            string // the assets' release, which the service worker checks
	// The editions: this page's address in each (absolute, for hreflang
	// and Open Graph), the switch to the other (relative, kept by app.js
	// with the scenario), the layout's words and the scripts' words.
	URL    string
	Locale string
	// OpenGraph are the page's Open Graph properties (og:<key>), its
	// share card's among them.
	OpenGraph  []ogProperty
	Alternates []alternate
	Switch     alternate
	Skip       string
	NavLabel   string
	Footer     htmltemplate.HTML
	SiteName   string
	Words      htmltemplate.JS
	WordsJSON  string // the edition's catalogue for the WebAssembly, when not English
}

// ogProperty is an Open Graph property of a page, without its "og:".
type ogProperty struct{ Key, Value string }

// alternate is the same page in another edition.
type alternate struct {
	Lang, URL, Label, Title string
}

type navLink struct {
	Label, URL string
	Current    bool
}

var markdown = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Typographer),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	goldmark.WithRendererOptions(gmhtml.WithUnsafe()), // our own content holds our own HTML
)

// renderPage makes one page's HTML.
func (b *builder) renderPage(p pageSpec) ([]byte, error) {
	outPath := ed.Dir + p.Path
	rel := func(target string) string {
		if p.Absolute {
			return "/" + target
		}
		if r := relTo(outPath, target); r != "" {
			return r
		}
		return "./"
	}
	asset := func(logical string) (string, error) {
		final, ok := b.pub.written[logical]
		if !ok {
			return "", fmt.Errorf("asset %s has not been published", logical)
		}
		return rel(final), nil
	}
	// assetBytes is an asset's size as published, before any compression
	// on the wire: the page's download progress counts against it.
	assetBytes := func(logical string) (string, error) {
		final, ok := b.pub.written[logical]
		if !ok {
			return "", fmt.Errorf("asset %s has not been published", logical)
		}
		st, err := os.Stat(filepath.Join(b.pub.dir, filepath.FromSlash(final)))
		if err != nil {
			return "", err
		}
		return strconv.FormatInt(st.Size(), 10), nil
	}
	// assetSize is an asset's size for a reader ("4.1 MB"), as the
	// page's loading message says it.
	assetSize := func(logical string) (string, error) {
		n, err := assetBytes(logical)
		if err != nil {
			return "", err
		}
		b, err := strconv.ParseFloat(n, 64)
		if err != nil {
			return "", err
		}
		return ed.Cat.Number(b/(1<<20), 2) + " MB", nil
	}

	var scripts []string
	seenScript := map[string]bool{}
	used := map[string]bool{}
	figures := map[string]string{} // slot -> HTML, put in after Markdown
	// slot holds generated HTML out of Markdown's way: the template writes
	// a placeholder, and the HTML replaces it after the conversion.
	slot := func(h string) string {
		s := `<div data-slot="` + strconv.Itoa(len(figures)) + `"></div>`
		figures[s] = h
		return s
	}
	// place puts a chart on the page once: its figure, and its scripts
	// the first time the page needs them.
	place := func(id, thumb string, draw func() (*chart, []optionView, error)) (string, error) {
		if used[id] {
			return "", fmt.Errorf("chart %q twice on one page", id)
		}
		used[id] = true
		c, picks, err := draw()
		if err != nil {
			return "", fmt.Errorf("chart %s: %w", id, err)
		}
		for _, s := range c.Scripts {
			if !seenScript[s] {
				seenScript[s] = true
				scripts = append(scripts, s)
			}
		}
		h, err := b.figureHTML(c, thumb, picks)
		if err != nil {
			return "", err
		}
		return slot(h), nil
	}

	echartsHost := rel(b.echartsDir) + "/"
	funcs := template.FuncMap{
		"fact": b.model.factHTML,
		// knob "gpus": a number of the scenario the reader may move in
		// the sentence (core.ProseKnobs).
		"knob": func(key string) (string, error) {
			v, err := b.model.knob(key)
			if err != nil {
				return "", err
			}
			return b.piece("knob", v, "the knob "+key)
		},
		// proseBar (page "calculator"): what the explainer says of its
		// movable numbers, and the model it loads for them.
		"proseBar": func(calculator string) (string, error) {
			v := proseBarView{Calculator: calculator, Run: strconv.Itoa(bandSamples) + " " + strconv.Itoa(bandSeed),
				Hint: ed.Cat.Get("prose.hint"), Reset: ed.Cat.Get("prose.reset"), Open: ed.Cat.Get("prose.open")}
			var err error
			for _, a := range []struct {
				to      *string
				logical string
			}{{&v.Wasm, calcWasm}, {&v.Exec, wasmExec}, {&v.Worker, "assets/calcworker.{hash}.js"}} {
				if *a.to, err = asset(a.logical); err != nil {
					return "", err
				}
			}
			if v.Size, err = assetSize(calcWasm); err != nil {
				return "", err
			}
			h, err := b.piece("prosebar", v, "the prose bar")
			return slot(h), err
		},
		"page": func(name string) (string, error) {
			if !hasPage(name) {
				return "", fmt.Errorf("no page %q", name)
			}
			return rel(pageURL(name)), nil
		},
		// credit names the site with a link to its home, under an
		// embedded chart.
		// credit "<chart id>" leads to that chart on the explainer.
		"credit": func(chart ...string) string {
			href := rel(pageURL("index"))
			if len(chart) > 0 {
				href += "#fig-" + chart[0]
			}
			return ed.Cat.Format("site.credit", "href", href)
		},
		"chart": func(id string) (string, error) {
			build, ok := chartBuilders[id]
			if !ok {
				return "", fmt.Errorf("no chart %q", id)
			}
			return place(id, rel(chartEmbed(id).Thumb()), func() (*chart, []optionView, error) {
				c, err := build(b.model, echartsHost)
				return c, nil, err
			})
		},
		// The tornado: what moves the headline the reader picks. It is
		// the calculator's own (its live data come from the uncertainty
		// worker), not an embeddable chart.
		"tornado": func() (string, error) {
			return place("tornado", "", func() (*chart, []optionView, error) { return tornadoChart(b.model, echartsHost) })
		},
		// The sweep: one input over its range against one headline, the
		// calculator's own (its live data come from its WebAssembly),
		// after its pickers.
		"sweep": func() (string, error) {
			picks, err := b.piece("sweeppick", b.model.sweepPicks(), "the sweep's pickers")
			if err != nil {
				return "", err
			}
			h, err := place("sweep", "", func() (*chart, []optionView, error) {
				c, err := sweepChart(b.model, echartsHost)
				return c, nil, err
			})
			return slot(picks) + h, err
		},
		"asset":      asset,
		"assetBytes": assetBytes,
		"assetSize":  assetSize,
		// embedTools "animation" "scenario": the embed follows the page's
		// scenario (the calculator's), so its snippet carries it even when
		// it is the default; without, it shows the embed page's own default.
		"embedTools": func(name string, mode ...string) (string, error) {
			e, ok := namedEmbeds[name]
			if !ok {
				return "", fmt.Errorf("no embed %q", name)
			}
			return b.piece("embedtools", e.tools(len(mode) > 0 && mode[0] == "scenario"), "the embed's tools")
		},
		// The animation's own page opens on the prose's link (as its
		// WebAssembly does without a scenario in the address).
		"animPoster": func() (string, error) {
			svg, err := animPosterOf(scene.Prose())
			return slot(svg), err
		},
		// animStill is the same first frame for print, where the live
		// animation (a WebGL canvas in a frame) does not print.
		// On the explainer it is the prose's link ({{animStill "prose"}}).
		"animStill": func(which ...string) (string, error) {
			params := scene.FromScenario(b.model.scenario)
			if len(which) > 0 && which[0] == "prose" {
				params = b.model.proseParams()
			}
			svg, err := animPosterOf(params)
			svg = strings.Replace(svg, `id="anim-poster" class="anim-poster"`, `class="anim-still"`, 1)
			svg = strings.ReplaceAll(svg, `anim-poster-title`, `anim-still-title`)
			return slot(svg), err
		},
		// proseLink is the link the explainer's prose describes (1 m of
		// an 800G port, copper on the copper stage), for its animation to
		// start on, as the animation's parameters.
		"proseLink": func() (string, error) {
			js, err := b.model.proseParams().MarshalJSON()
			return html.EscapeString(string(js)), err // an attribute's value
		},
		"calculatorForm": func() (string, error) {
			h, err := b.piece("calcform", b.model.calculatorForm(), "the calculator's form")
			return slot(h), err
		},
		"generations": func(calculator string) (string, error) {
			h, err := b.piece("generations", b.model.generations(calculator), "the generations' picker")
			return slot(h), err
		},
		// predict "copper": a question the reader may answer before the
		// model's answer is shown.
		"predict": func(id string) (string, error) {
			v, err := b.model.predict(id)
			if err != nil {
				return "", err
			}
			h, err := b.piece("predict", v, "the question "+id)
			return slot(h), err
		},
		"genStory":         b.model.genStory,
		"generationsTable": b.model.generationsTable,
		"stagesTable":      b.model.stagesTable,
		"claimsTable":      b.model.claimsTable,
		"investmentsTable": b.model.investmentsTable,
		"changelog":        b.changelog,
		"citeBlocks":       func() (htmltemplate.HTML, error) { return b.citeBlocks(false) },
		"modelVersion":     func() string { return core.ModelVersion },
		"citeSite":         func() (htmltemplate.HTML, error) { return b.citeBlocks(true) },
		"supplyTable":      b.model.supplyTable,
		"supplySources":    b.model.supplySources,
		"tiersTable":       func() string { return slot(report.In(ed.Cat).Tiers(&b.model.result)) },
		"totalsTable":      func() string { return slot(report.In(ed.Cat).Totals(&b.model.result)) },
		"byStageTable":     func() string { return slot(report.In(ed.Cat).StagesWithBands(&b.model.result, b.model.bands)) },
		"scaleUpTable":     func() string { return slot(report.In(ed.Cat).ScaleUp(&b.model.result)) },
		"keyFacts":         func() string { return slot(report.In(ed.Cat).KeyFactsWithBands(&b.model.result, b.model.bands)) },
		"bandRun":          func() string { return strconv.Itoa(bandSamples) + " " + strconv.Itoa(bandSeed) },
		"sureWords":        func() string { return b.model.sure },
		// The cluster chart's error bars for the default scenario, for the
		// calculator to draw until its worker answers for another.
		"bandBars": func() string {
			return `<script type="application/json" id="band-bars">` + strings.ReplaceAll(b.model.bandBars(), "</", `<\/`) + `</script>`
		},
		"headline":        func() string { return report.In(ed.Cat).Headline(&b.model.result) },
		"catalogueTable":  b.model.catalogueTable,
		"techTable":       b.model.techTable,
		"chipTable":       b.model.chipTable,
		"validationTable": b.model.validationTable,
		"checksTable":     b.model.checksTable,
		// w is a word of the edition's catalogue, for a page whose content
		// both editions share, in text (Markdown's typography applies to
		// it); wattr is one in an attribute's value.
		"w":     func(key string) string { return wordText.Replace(ed.Cat.Get(key)) },
		"wattr": func(key string) string { return wordAttr.Replace(ed.Cat.Get(key)) },
	}
	src := filepath.Join(b.root, filepath.FromSlash(p.contentPath()))
	text := []byte(p.Inline)
	if p.Inline == "" {
		var err error
		if text, err = os.ReadFile(src); err != nil {
			return nil, err
		}
	} else {
		src = outPath
	}
	tpl, err := template.New(p.Name).Funcs(funcs).Option("missingkey=error").Parse(string(text))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", src, err)
	}
	var md bytes.Buffer
	if err := tpl.Execute(&md, nil); err != nil {
		return nil, fmt.Errorf("%s: %w", src, err)
	}
	var body bytes.Buffer
	if err := markdown.Convert(md.Bytes(), &body); err != nil {
		return nil, fmt.Errorf("%s: markdown: %w", src, err)
	}
	bodyHTML := body.String()
	if p.Layout != "embed" && p.Name != "404" {
		bodyHTML = markGlossary(bodyHTML) // the charts are placeholders still: their words are left alone
	}
	for _, slot := range sortedKeys(figures) {
		if strings.Count(bodyHTML, slot) != 1 {
			return nil, fmt.Errorf("%s: chart slot %s lost in the Markdown", src, slot)
		}
		bodyHTML = strings.Replace(bodyHTML, slot, figures[slot], 1)
	}

	d := layoutData{Title: p.title(), Description: p.description(), Lang: ed.Lang, Body: htmltemplate.HTML(bodyHTML), Scripts: scripts, HasCharts: len(used) > 0, HTMLClass: p.HTMLClass,
		CSP: server.Policy(), InlineScript: htmltemplate.JS(inlinePlaceholder), Release: b.release}
	// The page's WebAssembly is fetched first, from the head: the charts'
	// library waits until a chart nears the screen or the page is live.
	// A chart's embed runs it only for an address with a scenario (its
	// default is in the page): no preload there.
	for _, m := range wasmAttr.FindAllStringSubmatch(bodyHTML, -1) {
		if !strings.HasPrefix(p.Name, "chart-") {
			d.Preload = append(d.Preload, htmltemplate.HTML(m[1]))
		}
	}
	if p.Embed != nil {
		d.OEmbed = rel(p.Embed.OEmbed())
	}
	if !b.opts.NoBundle {
		d.Download = rel(bundlePath)
	}
	b.languages(&d, p, rel)
	if d.CSS, err = asset("assets/style.{hash}.css"); err != nil {
		return nil, err
	}
	if d.JS, err = asset("assets/app.{hash}.js"); err != nil {
		return nil, err
	}
	if d.Icon, err = asset("assets/icon.{hash}.svg"); err != nil {
		return nil, err
	}
	for _, sc := range p.Scripts {
		u, err := asset(sc)
		if err != nil {
			return nil, err
		}
		d.PageScripts = append(d.PageScripts, u)
	}
	d.Home = rel(pageURL("index"))
	for _, n := range navItems {
		d.Nav = append(d.Nav, navLink{Label: ed.Cat.Get(n.Label), URL: rel(pageURL(n.Name)), Current: n.Name == p.Nav})
	}
	layout := p.Layout
	if layout == "" {
		layout = "layout"
	}
	lt, ok := b.layouts[layout]
	if !ok {
		return nil, fmt.Errorf("no layout %q", layout)
	}
	var out bytes.Buffer
	if err := lt.Execute(&out, d); err != nil {
		return nil, fmt.Errorf("layout %s: %w", layout, err)
	}
	return out.Bytes(), nil
}

// figureView is a chart's figure as its template (site/templates/figure.html)
// draws it.
type figureView struct {
	ID, Unit, XUnit, Summary, Thumb string
	Stacked                         bool
	Title, Caption, Source          string
	SourceBefore, SourceAfter       string
	Embed                           *embedToolsView
	DataTable                       string
	Table                           htmltemplate.HTML // core/report's
	Option                          htmltemplate.JS   // the chart's option, JSON
	Pick                            string            // a picker's label ("" for none)
	Picks                           []optionView
	Downloads                       downloadsView
}

// downloadsView is what a chart's download buttons need: their words, the
// file's name without its extension, and what the image says besides the
// chart (its title and unit, the site, the model version).
type downloadsView struct {
	Label, PNG, SVG, Copy, CSV string
	File, Name, Unit, Site     string
	Version                    string
}

// figureHTML writes a chart's figure: with thumb, the still where scripts
// do not run and the Embed button; with picks, a picker of what it shows.
func (b *builder) figureHTML(c *chart, thumb string, picks []optionView) (string, error) {
	before, after, _ := strings.Cut(ed.Cat.Get("chart.sourced"), "{source}")
	v := figureView{ID: c.ID, Unit: c.Unit, XUnit: c.XUnit, Stacked: c.Stacked, Summary: c.Summary, Thumb: thumb,
		Title: ed.Cat.Format("chart.caption_title", "title", c.Title), Caption: c.Caption, Source: c.Source, SourceBefore: before, SourceAfter: after,
		DataTable: ed.Cat.Get("chart.data_table"), Table: htmltemplate.HTML(c.Table), Option: htmltemplate.JS(strings.ReplaceAll(c.Option, "</", `<\/`)), Picks: picks}
	if thumb != "" {
		v.Embed = chartEmbed(c.ID).tools(false)
	}
	v.Downloads = downloadsView{Label: ed.Cat.Format("chart.downloads", "title", c.Title), PNG: ed.Cat.Get("chart.download_png"), SVG: ed.Cat.Get("chart.download_svg"),
		Copy: ed.Cat.Get("chart.copy_image"), CSV: ed.Cat.Get("chart.download_csv"),
		File: "copper-to-light_" + c.ID + "_model-" + core.ModelVersion + strings.TrimSuffix("_"+ed.Lang, "_en"), Name: c.Title, Unit: c.Unit, Site: ed.Cat.Get("site.name"), Version: core.ModelVersion}
	if picks != nil {
		v.Pick = ed.Cat.Get("chart.headline_pick")
	}
	return b.piece("figure", v, "figure "+c.ID)
}

// piece executes one of the pages' pieces (site/templates) with v; what
// names it in an error.
func (b *builder) piece(name string, v any, what string) (string, error) {
	var w strings.Builder
	if err := b.layouts["pieces"].ExecuteTemplate(&w, name, v); err != nil {
		return "", fmt.Errorf("%s: %w", what, err)
	}
	return w.String(), nil
}

// chartOptions returns the option JSON of every chart, indented, for the
// golden files.
func chartOptions(m *model) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, id := range chartIDs() {
		c, err := chartBuilders[id](m, "assets/vendor/echarts/")
		if err != nil {
			return nil, fmt.Errorf("chart %s: %w", id, err)
		}
		var v any
		if err := json.Unmarshal([]byte(c.Option), &v); err != nil {
			return nil, fmt.Errorf("chart %s: option is not JSON: %w", id, err)
		}
		b, _ := json.MarshalIndent(v, "", "  ")
		out[id] = append(b, '\n')
	}
	c, _, err := tornadoChart(m, "assets/vendor/echarts/")
	if err != nil {
		return nil, fmt.Errorf("chart tornado: %w", err)
	}
	var v any
	if err := json.Unmarshal([]byte(c.Option), &v); err != nil {
		return nil, fmt.Errorf("chart tornado: option is not JSON: %w", err)
	}
	b, _ := json.MarshalIndent(v, "", "  ")
	out["tornado"] = append(b, '\n')
	return out, nil
}

// hasPage reports whether a page of that name exists.
func hasPage(name string) bool {
	for _, p := range pages {
		if p.Name == name {
			return true
		}
	}
	return false
}

// languages fills what a page says of its editions: its addresses in each,
// the switch to the other, and its words.
func (b *builder) languages(d *layoutData, p pageSpec, rel func(string) string) {
	d.URL = b.opts.BaseURL + ed.Dir + folderOf(p.Path)
	d.Locale = ed.Locale
	d.SiteName = ed.Cat.Get("site.name")
	d.OpenGraph = []ogProperty{{"type", "website"}, {"site_name", d.SiteName}, {"title", d.Title}, {"description", d.Description},
		{"url", d.URL}, {"locale", d.Locale}, {"image", b.opts.BaseURL + cardPath(cardOf(p))}, {"image:type", "image/png"},
		{"image:width", strconv.Itoa(cardW)}, {"image:height", strconv.Itoa(cardH)}, {"image:alt", ed.Cat.Format("card.alt", "title", cardOf(p).title())}}
	d.Skip = ed.Cat.Get("site.skip")
	d.NavLabel = ed.Cat.Get("site.nav")
	d.Words = htmltemplate.JS(scriptWords())
	for _, e := range editions {
		d.Alternates = append(d.Alternates, alternate{Lang: e.Lang, URL: b.opts.BaseURL + e.Dir + folderOf(p.Path)})
	}
	for _, e := range otherEditions() {
		d.Switch = alternate{Lang: e.Lang, URL: rel(e.Dir + folderOf(p.Path)), Label: ed.Cat.Get("site.switch"), Title: ed.Cat.Get("site.switch_label")}
	}
	if ed.Dir != "" {
		if u, ok := b.pub.written[wordsAsset(ed)]; ok {
			d.WordsJSON = rel(u)
		}
	}
	footer := ed.Cat.Format("site.footer", "methodology", html.EscapeString(rel(pageURL("methodology")))) + " " +
		ed.Cat.Format("site.version", "version", html.EscapeString(core.ModelVersion), "changelog", html.EscapeString(rel(pageURL("changelog"))))
	dl := ed.Cat.Get("site.no_download")
	if d.Download != "" {
		dl = ed.Cat.Format("site.download", "href", html.EscapeString(d.Download))
	}
	d.Footer = htmltemplate.HTML("<p>" + footer + "</p>\n<p class=\"download\">" + ed.Cat.Format("report.then", "a", dl, "b", ed.Cat.Get("site.offline")) + "</p>")
}
