# The two commands a newcomer needs: `make serve` builds the site and
# serves it on 127.0.0.1 (PORT=8080 by default); `make test` runs every
# test, browser tests included. `make bench` prints the performance figures.

GO        ?= go
PORT      ?= 8080
FUZZTIME  ?= 100000x
APIFUZZTIME ?= 5000x
LONGFUZZTIME ?= 3000000x
LONGAPIFUZZTIME ?= 200000x
BENCHTIME ?= 2s
# Every test run has an explicit timeout with room: the browser tests take
# a few minutes on an idle 2-core machine and more on a busy one; a fuzz
# run of `make fuzz` takes minutes. The browser tests mostly wait on their
# pages, so TESTPARALLEL of them run at once (in one shared Chromium).
TESTTIMEOUT ?= 25m
FUZZTIMEOUT ?= 30m
TESTPARALLEL ?= 4

.PHONY: serve site bundle test vet deps-check unit fuzz-quick fuzz bench

# serve leaves out the offline bundle (five cross-compiled servers): the
# pages say so, and `make bundle` builds the whole site with it.
serve:
	$(GO) run ./build -serve 127.0.0.1:$(PORT) -no-bundle

site:
	$(GO) run ./build

bundle: site

test: vet deps-check unit fuzz-quick

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt would change:"; gofmt -l .; exit 1; }

# core imports the standard library only: no syscall/js, ebiten, go-echarts
# or minify can leak into the physics; the calculator's WebAssembly links
# neither encoding/json nor fmt, reflect or html, nor ebiten and the
# animation; the build and core import nothing under wasm/.
deps-check:
	@out="$$($(GO) list -deps -f '{{if not .Standard}}{{.ImportPath}}{{end}}' ./core/... | grep -v -E '^github.com/cpocalc/cpocalc/core(/(report|format|label|label/zh|label/pagewords|figures|wire|scene))?$$' || true)"; \
	if [ -n "$$out" ]; then echo "core depends on more than the standard library:"; echo "$$out"; exit 1; fi; \
	echo "core: standard library only"
	@out="$$(GOOS=js GOARCH=wasm $(GO) list -deps ./wasm/calc | grep -x -E 'encoding/json|fmt|reflect|html' || true)"; \
	if [ -n "$$out" ]; then echo "the calculator's WebAssembly links heavy packages again (see core/wire):"; echo "$$out"; exit 1; fi; \
	echo "wasm/calc: no encoding/json, fmt, reflect or html"
	@out="$$($(GO) list -deps ./build/... ./core/... | grep -E '^github.com/cpocalc/cpocalc/wasm(/|$$)' || true)"; \
	if [ -n "$$out" ]; then echo "the build or core imports the browser binaries' packages (views belong in core):"; echo "$$out"; exit 1; fi; \
	echo "build, core: nothing under wasm/"
	@out="$$(GOOS=js GOARCH=wasm $(GO) list -deps ./wasm/calc | grep -E 'ebiten|^github.com/cpocalc/cpocalc/wasm/anim' || true)"; \
	if [ -n "$$out" ]; then echo "the calculator's WebAssembly links the animation or ebiten:"; echo "$$out"; exit 1; fi; \
	echo "wasm/calc: no ebiten, no animation"

unit:
	$(GO) test -count=1 -timeout $(TESTTIMEOUT) -parallel $(TESTPARALLEL) ./...
	PATH="$$($(GO) env GOROOT)/lib/wasm:$$PATH" GOOS=js GOARCH=wasm $(GO) test -count=1 -timeout $(TESTTIMEOUT) ./wasm/...

# A count, not a duration: Go 1.26's fuzzing coordinator can report a
# spurious "context deadline exceeded" when a duration ends while a worker
# is busy (go.dev/issue/75804, fixed in Go 1.27). 100,000 inputs take a
# few seconds per target here.
fuzz-quick:
	$(MAKE) --no-print-directory fuzz LONGFUZZTIME=$(FUZZTIME) LONGAPIFUZZTIME=$(APIFUZZTIME)

# fuzz runs every target far longer than `make test` does (about ten
# minutes here): the permalink decoder, the scenario reader against its
# struct tags, the whole evaluation, the JSON parser, and every entry point
# of the calculator's JavaScript API (natively).
fuzz:
	$(GO) test -timeout $(FUZZTIMEOUT) -run '^$$' -fuzz '^FuzzDecodePermalink$$' -fuzztime $(LONGFUZZTIME) ./core
	$(GO) test -timeout $(FUZZTIMEOUT) -run '^$$' -fuzz '^FuzzEvaluate$$' -fuzztime $(LONGFUZZTIME) ./core
	$(GO) test -timeout $(FUZZTIMEOUT) -run '^$$' -fuzz '^FuzzParseScenarioMatchesTags$$' -fuzztime $(LONGFUZZTIME) ./core
	$(GO) test -timeout $(FUZZTIMEOUT) -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(LONGFUZZTIME) ./core/wire
	$(GO) test -timeout $(FUZZTIMEOUT) -run '^$$' -fuzz '^FuzzAPI$$' -fuzztime $(LONGAPIFUZZTIME) ./wasm/calc

# BASE=<revision>: that revision is also built and measured, in turns with
# this checkout (the calculator's edits, uncertainty run and load under
# Fast 4G, the Go benchmarks behind an edit, the cold start).
BASE ?=

bench:
	$(GO) test -timeout $(TESTTIMEOUT) -run '^$$' -bench . -benchmem -benchtime $(BENCHTIME) ./core ./core/scene ./build/internal/server
	CPOCALC_BENCH=1 CPOCALC_BENCH_BASE=$(BASE) $(GO) test -count=1 -timeout $(TESTTIMEOUT) -run '^TestBench' -v ./core ./build | grep -v -e '^=== RUN' -e '^--- PASS' -e '^PASS$$'
