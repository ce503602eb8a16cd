//go:build !js

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The calculator's WebAssembly stays lean: these packages would add about
// a third to its size (encoding/json and the reflection and formatting it
// brings), and html its entity table. Every value that crosses the
// JavaScript boundary writes and reads itself through core/wire instead.
var heavy = []string{"encoding/json", "fmt", "reflect", "html", "html/template", "text/template", "sort"}

func TestNoHeavyPackages(t *testing.T) {
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	cmd := exec.Command(gobin, "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		deps[p] = true
	}
	if !deps["github.com/cpocalc/cpocalc/core"] {
		t.Fatalf("go list did not list core among the dependencies: %s", out)
	}
	for _, p := range heavy {
		if deps[p] {
			t.Errorf("the calculator's WebAssembly links %s again; see core/wire", p)
		}
	}
}
