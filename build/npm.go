package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// ensureNodeModules makes sure node_modules holds exactly the versions
// package.json pins (ECharts for the charts, axe-core for the tests),
// running `npm ci` from the lock file when it does not.
func ensureNodeModules(root string) error {
	want, err := pinned(root)
	if err != nil {
		return err
	}
	if installed(root, want) {
		return nil
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return fmt.Errorf("npm ci: npm is not installed (it fetches ECharts from its package; install Node.js and npm)")
	}
	fmt.Println("node_modules is missing or stale: running npm ci")
	cmd := exec.Command(npm, "ci", "--no-audit", "--no-fund")
	cmd.Dir = root
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("npm ci in %s: %w", root, err)
	}
	if !installed(root, want) {
		return fmt.Errorf("npm ci in %s: node_modules still does not match package.json", root)
	}
	return nil
}

func pinned(root string) (map[string]string, error) {
	path := filepath.Join(root, "package.json")
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var pkg struct {
		DevDependencies map[string]string `json:"devDependencies"`
	}
	if err := json.Unmarshal(b, &pkg); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return pkg.DevDependencies, nil
}

func installed(root string, want map[string]string) bool {
	for name, version := range want {
		b, err := os.ReadFile(filepath.Join(root, "node_modules", name, "package.json"))
		if err != nil {
			return false
		}
		var pkg struct {
			Version string `json:"version"`
		}
		if json.Unmarshal(b, &pkg) != nil || pkg.Version != version {
			return false
		}
	}
	return true
}
