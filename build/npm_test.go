package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// node_modules is trusted only when it is what the lock file says.
func TestLockMatches(t *testing.T) {
	root := t.TempDir()
	write := func(name, body string) {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lock := `{"lockfileVersion": 3, "packages": {"": {"name": "x"}, "node_modules/echarts": {"version": "5.4.3", "integrity": "sha512-AAA"}, "node_modules/zrender": {"version": "5.4.4", "integrity": "sha512-BBB"}}}`
	write("package-lock.json", lock)
	write("node_modules/.package-lock.json", lock)
	write("node_modules/echarts/package.json", `{"version": "5.4.3"}`)
	write("node_modules/zrender/package.json", `{"version": "5.4.4"}`)
	if err := lockMatches(root); err != nil {
		t.Fatalf("a faithful install: %v", err)
	}
	for name, edit := range map[string]func(){
		"another tarball":  func() { write("node_modules/.package-lock.json", strings.Replace(lock, "sha512-BBB", "sha512-CCC", 1)) },
		"a package edited": func() { write("node_modules/zrender/package.json", `{"version": "5.4.5"}`) },
		"no record":        func() { os.Remove(filepath.Join(root, "node_modules", ".package-lock.json")) },
		"an unlocked package": func() {
			write("node_modules/.package-lock.json", strings.Replace(lock, `"packages": {`, `"packages": {"node_modules/evil": {"version": "1.0.0"}, `, 1))
		},
		"a package missing": func() { os.RemoveAll(filepath.Join(root, "node_modules", "echarts")) },
	} {
		edit()
		if err := lockMatches(root); err == nil {
			t.Errorf("%s: trusted", name)
		}
		// Back to the faithful install.
		write("node_modules/.package-lock.json", lock)
		write("node_modules/echarts/package.json", `{"version": "5.4.3"}`)
		write("node_modules/zrender/package.json", `{"version": "5.4.4"}`)
	}
	// This repository's own install, as the build makes it, is faithful.
	if err := ensureNodeModules(repoRoot(t)); err != nil {
		t.Fatal(err)
	}
	if err := lockMatches(repoRoot(t)); err != nil {
		t.Errorf("the repository's node_modules: %v", err)
	}
}
