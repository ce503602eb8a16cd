package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// goTool returns the go command that runs this build; the WebAssembly is
// compiled by it, and wasm_exec.js must come from the same toolchain.
func goTool() (string, error) {
	if p, err := exec.LookPath("go"); err == nil {
		return p, nil
	}
	p := filepath.Join(goroot(), "bin", "go")
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("the go command is not on PATH")
	}
	return p, nil
}

func goroot() string {
	if g := os.Getenv("GOROOT"); g != "" {
		return g
	}
	return "/usr/local/go"
}

// compileWasm builds a main package for GOOS=js GOARCH=wasm and returns the
// binary.
func compileWasm(root, pkg string) ([]byte, error) { return compileGo(root, pkg, "js", "wasm") }

// compileGo builds a main package for a platform and returns the binary:
// stripped, with no VCS stamp, so the same sources give the same bytes.
func compileGo(root, pkg, goos, goarch string) ([]byte, error) {
	gobin, err := goTool()
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "cpocalc-go-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "out")
	cmd := exec.Command(gobin, "build", "-trimpath", "-buildvcs=false", "-ldflags=-s -w", "-o", out, pkg)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH="+goarch, "CGO_ENABLED=0")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("go build %s for %s/%s: %w: %s", pkg, goos, goarch, err, strings.TrimSpace(stderr.String()))
	}
	return os.ReadFile(out)
}

// wasmExecJS returns the wasm_exec.js of the toolchain that compiles the
// WebAssembly (lib/wasm since Go 1.24, misc/wasm before).
func wasmExecJS(root string) ([]byte, error) {
	gobin, err := goTool()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(gobin, "env", "GOROOT")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOROOT: %w", err)
	}
	gr := strings.TrimSpace(string(out))
	for _, p := range []string{filepath.Join(gr, "lib", "wasm", "wasm_exec.js"), filepath.Join(gr, "misc", "wasm", "wasm_exec.js")} {
		if b, err := os.ReadFile(p); err == nil {
			return b, nil
		}
	}
	return nil, fmt.Errorf("no wasm_exec.js in %s", gr)
}
