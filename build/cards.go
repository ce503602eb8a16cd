package main

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/cpocalc/cpocalc/build/internal/card"
	"github.com/cpocalc/cpocalc/core"
	"github.com/cpocalc/cpocalc/core/scene"
)

// Share cards: a PNG of 1200 × 630 for every page and embed of each
// edition, which social sites and chat apps show beside a link (the
// pages' og:image). A card is the page's title and its key figure, or the
// chart itself, with the site's name and the model version. Go writes
// each card as SVG; build/cards.mjs, under Node, draws the charts with
// ECharts' server-side rendering and turns the cards into PNGs with resvg
// and the font of an npm package, so that the same sources give the same
// bytes.

const (
	cardW, cardH = 1200, 630
	cardFont     = "Noto Sans SC"
)

// cardJob is one card for build/cards.mjs.
type cardJob struct {
	Out    string          `json:"out"`
	Width  int             `json:"width"`
	SVG    string          `json:"svg"`
	Option json.RawMessage `json:"option,omitempty"`
	Box    [4]int          `json:"box"`
	// Still: the chart alone as SVG (an embed's still), in Font.
	Still bool   `json:"still,omitempty"`
	Font  string `json:"font,omitempty"`
}

// cardPath is the address of a page's card, from the site root: the same
// in every build, for the pages' og:image.
func cardPath(p pageSpec) string {
	return "cards/" + ed.Dir + strings.Replace(p.Name, "chart-", "chart/", 1) + ".png"
}

// hasCard reports whether a page has a card of its own (the 404 page
// shows the explainer's).
func hasCard(p pageSpec) bool { return p.Name != "404" }

// cardOf is the card a page's og:image names.
func cardOf(p pageSpec) pageSpec {
	if !hasCard(p) {
		return pages[0]
	}
	return p
}

// cards draws every card of the edition being built: a page's text card
// in Go (build/internal/card, the code our server draws a scenario's card
// with), a chart's or an embed's picture by build/cards.mjs.
func (b *builder) cards() ([]*output, error) {
	var jobs []cardJob
	var paths []string
	var texts []card.Card
	var textPaths []string
	for _, p := range allPages() {
		if !hasCard(p) {
			continue
		}
		job, text, err := b.cardJob(p)
		if err != nil {
			return nil, fmt.Errorf("card %s: %w", p.Name, err)
		}
		if text != nil {
			texts = append(texts, *text)
			textPaths = append(textPaths, cardPath(p))
			continue
		}
		job.Out = strconv.Itoa(len(jobs)) + ".png"
		jobs = append(jobs, job)
		paths = append(paths, cardPath(p))
	}
	pngs, err := drawCards(b.root, jobs)
	if err != nil {
		return nil, err
	}
	outs := drawnOutputs(nil, paths, pngs, "image/png", "drawn by build/cards.mjs")
	drawn, err := drawTexts(b.glyphs, texts)
	if err != nil {
		return nil, err
	}
	return drawnOutputs(outs, textPaths, drawn, "image/png", "drawn by build/internal/card"), nil
}

// drawnOutputs adds to outs a file for each picture drawn already.
func drawnOutputs(outs []*output, paths []string, drawn [][]byte, media, source string) []*output {
	for i, path := range paths {
		b := drawn[i]
		outs = append(outs, &output{Path: path, Media: media, Source: source, Make: func() ([]byte, error) { return b, nil }})
	}
	return outs
}

// drawTexts draws text cards, a goroutine each (a card takes some 30 ms).
func drawTexts(g *card.Glyphs, texts []card.Card) ([][]byte, error) {
	drawn := make([][]byte, len(texts))
	errs := make([]error, len(texts))
	var wg sync.WaitGroup
	for i := range texts {
		wg.Go(func() { drawn[i], errs[i] = g.Draw(texts[i]) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("card %q: %w", texts[i].Title, err)
		}
	}
	return drawn, nil
}

// cardJob composes a page's card: a text card, or the job of one with a
// picture.
func (b *builder) cardJob(p pageSpec) (cardJob, *card.Card, error) {
	job := cardJob{Width: cardW}
	title := p.title()
	var line string
	var picture string
	switch {
	case strings.HasPrefix(p.Name, "chart-"):
		id := strings.TrimPrefix(p.Name, "chart-")
		build, ok := chartBuilders[id]
		if !ok {
			return job, nil, fmt.Errorf("no chart %s", id)
		}
		c, err := build(b.model, "")
		if err != nil {
			return job, nil, err
		}
		title = c.Title
		job.Option = json.RawMessage(c.Option)
	case p.Embed == calculatorEmbed && p.Name != "calculator":
		picture = b.calculatorThumbnail()
	case p.Embed == animationEmbed:
		svg, err := animThumbnail(scene.Prose())
		if err != nil {
			return job, nil, err
		}
		picture = svg
	case p.Name == "index":
		var args []string
		for _, k := range []string{"dac_path_m", "dsp_path", "cpo_path", "cpo_saving", "gpus"} {
			v, err := b.model.fact(k)
			if err != nil {
				return job, nil, err
			}
			args = append(args, k, v)
		}
		line = ed.Cat.Format("card.index", args...)
	case p.Name == "changelog":
		line = ed.Cat.Format("card.changelog", "version", core.ModelVersion)
	default:
		line = p.description()
	}
	if job.Option == nil && picture == "" {
		return job, &card.Card{Site: ed.Cat.Get("site.name"), Title: title, Line: line,
			Footer: ed.Cat.Format("card.footer", "version", core.ModelVersion)}, nil
	}

	var s strings.Builder
	fmt.Fprintf(&s, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">`, cardW, cardH, cardW, cardH)
	s.WriteString(`<rect width="100%" height="100%" fill="#fbfaf7"/><rect width="14" height="100%" fill="#b4530e"/>`)
	// The site's mark and name.
	s.WriteString(`<path transform="translate(40,28) scale(1.5)" d="M3 22c5 0 5-12 10-12s5 12 10 12 5-6 6-6" fill="none" stroke="#b4530e" stroke-width="3" stroke-linecap="round"/><circle transform="translate(40,28) scale(1.5)" cx="28" cy="16" r="3" fill="#b4530e"/>`)
	s.WriteString(cardText(100, 66, 30, 700, "#b4530e", ed.Cat.Get("site.name")))
	titleSize, titleLines, titleTop := 60, 3, 150
	if job.Option != nil || picture != "" {
		titleSize, titleLines, titleTop = 40, 2, 132
	}
	lines := wrapCard(title, float64(cardW-80-40), float64(titleSize), titleLines)
	for i, l := range lines {
		s.WriteString(cardText(40, titleTop+i*titleSize*6/5, titleSize, 700, "#1b1f24", l))
	}
	// What is drawn goes under the title, down to the footer.
	below := titleTop + (len(lines)-1)*titleSize*6/5 + 28
	room := cardH - 70 - below
	if job.Option != nil {
		job.Box = [4]int{40, below, cardW - 80, room}
	}
	if line != "" {
		top := titleTop + len(lines)*titleSize*6/5 + 30
		for i, l := range wrapCard(line, float64(cardW-80-40), 32, 4) {
			s.WriteString(cardText(40, top+i*42, 32, 400, "#3d434a", l))
		}
	}
	if job.Option != nil {
		s.WriteString("<!--chart-->")
	}
	if picture != "" {
		// The embed's still, scaled into the space under the title.
		pw, ph := svgSize(picture)
		scale := min(float64(cardW-80)/pw, float64(room)/ph)
		x := (float64(cardW) - pw*scale) / 2
		fmt.Fprintf(&s, `<g transform="translate(%.1f,%d) scale(%.4f)">%s</g>`, x, below, scale, stripXMLHeader(picture))
	}
	s.WriteString(cardText(40, cardH-28, 24, 400, "#5f666d", ed.Cat.Format("card.footer", "version", core.ModelVersion)))
	s.WriteString(`</svg>`)
	job.SVG = s.String()
	return job, nil, nil
}

// The cards' fonts: Noto Sans SC from its npm package, as cards.mjs takes
// it.
var cardFonts = [2]string{
	"node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
	"node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
}

// cardExtras are characters the numbers' formats write besides the
// catalogues' words (core/format: the Chinese units, the micro sign) and
// the typography any sentence may use.
const cardExtras = "万亿元美约时小钟年天分秒（）µ…–—−×·‘’“”°±≈≤≥→\u00a0\u2009\u202f"

// makeGlyphs takes from the fonts the characters a card can use: for the
// regular weight, every word of every edition's catalogue; for the bold
// one, the site's name, the pages' titles and a scenario card's title. It
// returns the file our server draws a scenario's card from.
func (b *builder) makeGlyphs() (*output, error) {
	var fonts [2][]byte
	for i, f := range cardFonts {
		data, err := os.ReadFile(filepath.Join(b.root, filepath.FromSlash(f)))
		if err != nil {
			return nil, fmt.Errorf("share cards: the font: %w", err)
		}
		fonts[i] = data
	}
	var ascii []rune
	for r := rune(0x20); r < 0x7f; r++ {
		ascii = append(ascii, r)
	}
	sets := [2][]rune{append(ascii, []rune(cardExtras)...), append(ascii, []rune(cardExtras)...)}
	for _, e := range editions {
		for _, v := range e.Cat.Prefixed("") {
			sets[card.Regular] = append(sets[card.Regular], []rune(v)...)
		}
		for k, v := range e.Cat.Prefixed("") {
			if k == "site.name" || k == "card.scenario.title" || (strings.HasPrefix(k, "page.") && strings.HasSuffix(k, ".title")) {
				sets[card.Bold] = append(sets[card.Bold], []rune(v)...)
			}
		}
	}
	g, err := card.MakeGlyphs(fonts, sets)
	if err != nil {
		return nil, fmt.Errorf("share cards: %w", err)
	}
	b.glyphs = g
	data := g.Encode()
	return &output{Path: card.GlyphsPath, Media: "application/octet-stream", Source: "outlines of " + cardFonts[0] + " and " + cardFonts[1],
		Make: func() ([]byte, error) { return data, nil }}, nil
}

// cardText is a line of the card's text.
func cardText(x, y, size, weight int, fill, text string) string {
	return fmt.Sprintf(`<text x="%d" y="%d" font-family="%s" font-size="%d" font-weight="%d" fill="%s">%s</text>`, x, y, cardFont, size, weight, fill, html.EscapeString(text))
}

// wrapCard breaks a text into at most max lines of about width pixels at
// a font size, by words (Chinese by characters), ending a cut text with
// an ellipsis. Widths are the font's typical advances: 1 em for CJK, a
// little over half an em for Latin.
func wrapCard(text string, width, size float64, max int) []string {
	adv := func(r rune) float64 {
		if r >= 0x2E80 || unicode.Is(unicode.Han, r) {
			return size
		}
		if unicode.IsUpper(r) || r == 'm' || r == 'w' {
			return 0.68 * size
		}
		return 0.54 * size
	}
	var lines []string
	var cur []rune
	var w float64
	var lastBreak = -1
	for _, r := range text {
		if w+adv(r) > width && len(cur) > 0 {
			cut := len(cur)
			if lastBreak > 0 && !unicode.Is(unicode.Han, r) {
				cut = lastBreak
			}
			lines = append(lines, strings.TrimSpace(string(cur[:cut])))
			cur = append([]rune(nil), cur[cut:]...)
			w = 0
			for _, c := range cur {
				w += adv(c)
			}
			lastBreak = -1
		}
		cur = append(cur, r)
		w += adv(r)
		if r == ' ' || unicode.Is(unicode.Han, r) || r == '，' || r == '、' {
			lastBreak = len(cur)
		}
	}
	if len(cur) > 0 {
		lines = append(lines, strings.TrimSpace(string(cur)))
	}
	if len(lines) > max {
		lines = lines[:max]
		lines[max-1] = strings.TrimRight(lines[max-1], " ,.;:，。") + "…"
	}
	return lines
}

// svgSize reads an SVG's width and height.
func svgSize(svg string) (float64, float64) {
	attr := func(name string) float64 {
		i := strings.Index(svg, " "+name+`="`)
		if i < 0 {
			return 0
		}
		rest := svg[i+len(name)+3:]
		v, _ := strconv.ParseFloat(rest[:strings.IndexByte(rest, '"')], 64)
		return v
	}
	w, h := attr("width"), attr("height")
	if w == 0 || h == 0 {
		return 640, 400
	}
	return w, h
}

func stripXMLHeader(svg string) string {
	if i := strings.Index(svg, "<svg"); i > 0 {
		return svg[i:]
	}
	return svg
}

// drawCards returns the PNG of each job, in order: from the cache where
// the same job was drawn before by the same script, packages and font
// (the key hashes them all), the others by build/cards.mjs, in a Node
// process per processor.
func drawCards(root string, jobs []cardJob) ([][]byte, error) {
	salt, err := cardSalt(root)
	if err != nil {
		return nil, err
	}
	cache := ""
	if dir, err := os.UserCacheDir(); err == nil {
		cache = filepath.Join(dir, "cpocalc", "cards")
	}
	pngs := make([][]byte, len(jobs))
	keys := make([]string, len(jobs))
	var todo []int
	for i := range jobs {
		job := jobs[i]
		job.Out = "" // the key is what is drawn, not where it is written
		b, err := json.Marshal(job)
		if err != nil {
			return nil, err
		}
		keys[i] = contentHash(append([]byte(salt), b...))
		if cache != "" {
			if png, err := os.ReadFile(filepath.Join(cache, keys[i]+path.Ext(jobs[i].Out))); err == nil {
				pngs[i] = png
				continue
			}
		}
		todo = append(todo, i)
	}
	if len(todo) == 0 {
		return pngs, nil
	}
	var part []cardJob
	for _, i := range todo {
		part = append(part, jobs[i])
	}
	drawn, err := runCards(root, part)
	if err != nil {
		return nil, err
	}
	for k, i := range todo {
		pngs[i] = drawn[k]
		if cache != "" && os.MkdirAll(cache, 0o755) == nil {
			_ = os.WriteFile(filepath.Join(cache, keys[i]+path.Ext(jobs[i].Out)), pngs[i], 0o644) // a cache: a failed write costs a redraw
		}
	}
	return pngs, nil
}

// runCards draws the jobs with build/cards.mjs, in a Node process per
// processor, and returns their PNGs in order.
func runCards(root string, jobs []cardJob) ([][]byte, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("share cards: node is not installed (it draws the cards with the npm packages the build installs)")
	}
	dir, err := os.MkdirTemp("", "cpocalc-cards-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	procs := min(runtime.NumCPU(), len(jobs))
	errs := make(chan error, procs)
	for p := 0; p < procs; p++ {
		var part []cardJob
		for k := p; k < len(jobs); k += procs {
			part = append(part, jobs[k])
		}
		go func(p int, part []cardJob) {
			b, err := json.Marshal(part)
			if err != nil {
				errs <- err
				return
			}
			jobFile := filepath.Join(dir, "jobs"+strconv.Itoa(p)+".json")
			if err := os.WriteFile(jobFile, b, 0o644); err != nil {
				errs <- err
				return
			}
			cmd := exec.Command(node, filepath.Join(root, "build", "cards.mjs"), root, jobFile, dir)
			if out, err := cmd.CombinedOutput(); err != nil {
				errs <- fmt.Errorf("share cards: node build/cards.mjs: %v\n%s", err, out)
				return
			}
			errs <- nil
		}(p, part)
	}
	for p := 0; p < procs; p++ {
		if e := <-errs; e != nil && err == nil {
			err = e
		}
	}
	if err != nil {
		return nil, err
	}
	pngs := make([][]byte, len(jobs))
	for i := range jobs {
		if pngs[i], err = os.ReadFile(filepath.Join(dir, jobs[i].Out)); err != nil {
			return nil, err
		}
	}
	return pngs, nil
}

// cardSalt is what else a card's picture depends on: the script and the
// versions of the packages that draw it.
func cardSalt(root string) (string, error) {
	script, err := os.ReadFile(filepath.Join(root, "build", "cards.mjs"))
	if err != nil {
		return "", err
	}
	want, err := pinned(root)
	if err != nil {
		return "", err
	}
	salt := string(script)
	for _, p := range []string{"echarts", "@resvg/resvg-js", "@expo-google-fonts/noto-sans-sc"} {
		salt += "\n" + p + "@" + want[p]
	}
	return salt, nil
}
