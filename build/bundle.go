package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/cpocalc/cpocalc/build/internal/server"
)

// The offline bundle: a zip of the built site with the little server of
// build/serve compiled for each platform, so that a reader can keep the
// whole tool on a laptop. Browsers do not run WebAssembly from file://
// addresses; the server is what makes the calculator and the animation
// live without a network.

const bundlePath = "download/copper-to-light-offline.zip"

// bundleDir is the folder the zip unpacks to.
const bundleDir = "copper-to-light/"

// servers are the platforms the bundle carries a server for.
var servers = []struct{ GOOS, GOARCH, Name string }{
	{"linux", "amd64", "serve-linux-amd64"},
	{"linux", "arm64", "serve-linux-arm64"},
	{"darwin", "arm64", "serve-macos-arm64"},
	{"darwin", "amd64", "serve-macos-amd64"},
	{"windows", "amd64", "serve-windows-amd64.exe"},
}

// bundleTime is the time stamped on every entry: the zip's bytes depend on
// its content only.
var bundleTime = time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)

const bundleReadme = `Copper to light, for offline use
================================

This folder holds the whole site (in "site") and a small web server that
shows it on this computer only. Nothing is sent anywhere.

1. Start the server for your system, from this folder:
     Linux (x86-64):        ./serve-linux-amd64
     Linux (ARM):           ./serve-linux-arm64
     macOS (Apple silicon): ./serve-macos-arm64
     macOS (Intel):         ./serve-macos-amd64
     Windows:               double-click serve-windows-amd64.exe
2. Open the address it prints (http://127.0.0.1:8080/, or another port if
   8080 is taken) in your browser. Stop it with Ctrl-C, or close its window.

The programs are not signed. On macOS, if the system refuses to open one,
run once:  xattr -d com.apple.quarantine serve-macos-*
On Windows, SmartScreen may ask: choose "More info", then "Run anyway".
On Linux, if the file is not executable: chmod +x serve-linux-*

SHA256SUMS holds the programs' checksums, to check them before running:
     Linux:   sha256sum -c SHA256SUMS --ignore-missing
     macOS:   shasum -a 256 -c SHA256SUMS --ignore-missing
     Windows: Get-FileHash serve-windows-amd64.exe (PowerShell), and
              compare with its line in SHA256SUMS

Opening site/index.html straight from the folder also works, but browsers
do not run WebAssembly from files: the pages then show the results built
into them, without the live calculator or the animation.

Options: -addr 127.0.0.1:9000 to choose the port, -dir to serve another
folder. The source code and the sources of every figure are on the site's
methodology page.
`

// offlineDownload is the pages' download paragraph, which the bundle's
// copies replace (the zip does not hold itself).
var offlineDownload = regexp.MustCompile(`<p class="download">.*?</p>`)

// bundle describes the zip; it holds every file published before it.
func (b *builder) bundle(out string) *output {
	return &output{Path: bundlePath, Media: "application/zip", Source: "the built site and build/serve",
		Make: func() ([]byte, error) {
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			add := func(name string, body []byte, mode os.FileMode) error {
				h := &zip.FileHeader{Name: bundleDir + name, Method: zip.Deflate, Modified: bundleTime}
				h.SetMode(mode)
				w, err := zw.CreateHeader(h)
				if err != nil {
					return err
				}
				_, err = w.Write(body)
				return err
			}
			readme := strings.ReplaceAll(bundleReadme, "\n", "\r\n") // readable in Notepad too
			if err := add("README.txt", []byte(readme), 0o644); err != nil {
				return nil, err
			}
			var sums strings.Builder
			for _, s := range servers {
				bin, err := compileGo(b.root, "./build/serve", s.GOOS, s.GOARCH)
				if err != nil {
					return nil, err
				}
				if err := add(s.Name, bin, 0o755); err != nil {
					return nil, err
				}
				sum := sha256.Sum256(bin)
				sums.WriteString(hex.EncodeToString(sum[:]) + "  " + s.Name + "\n") // sha256sum's format
			}
			if err := add("SHA256SUMS", []byte(sums.String()), 0o644); err != nil {
				return nil, err
			}
			files := server.NewManifest() // the bundle's own copies, for its server's tags
			for _, f := range b.pub.Files() {
				body, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(f)))
				if err != nil {
					return nil, err
				}
				if strings.HasSuffix(f, ".html") {
					// The copy inside the bundle does not link the bundle.
					// In the page's own language.
					cat := editions[0].Cat
					for _, e := range editions {
						if e.Dir != "" && strings.HasPrefix(f, e.Dir) {
							cat = e.Cat
						}
					}
					body = offlineDownload.ReplaceAll(body, []byte(`<p class="download">`+html.EscapeString(cat.Get("site.offline_copy"))+`</p>`))
				}
				if err := add("site/"+f, body, 0o644); err != nil {
					return nil, err
				}
				files.Add(f, body)
			}
			if err := add("site/"+server.ManifestName, files.Bytes(), 0o644); err != nil {
				return nil, err
			}
			if err := zw.Close(); err != nil {
				return nil, err
			}
			return buf.Bytes(), nil
		}}
}
