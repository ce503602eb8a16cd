package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// ensureNodeModules makes sure node_modules holds exactly the packages
// the lock file names (ECharts and its zrender for the charts, axe-core for
// the tests), each at its version and from the tarball of its integrity
// hash as npm recorded the install, running `npm ci` when it does not.
func ensureNodeModules(root string) error {
	want, err := pinned(root)
	if err != nil {
		return err
	}
	if installed(root, want) && lockMatches(root) == nil {
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
	if err := lockMatches(root); err != nil {
		return fmt.Errorf("npm ci in %s: %w", root, err)
	}
	return nil
}

// lockEntry is a package as a lock file records it.
type lockEntry struct {
	Version   string `json:"version"`
	Integrity string `json:"integrity"`
	// Optional: a package npm installs only where it runs (resvg's
	// prebuilt binary for each system and processor).
	Optional bool `json:"optional"`
}

func readLock(path string) (map[string]lockEntry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var lock struct {
		Packages map[string]lockEntry `json:"packages"`
	}
	if err := json.Unmarshal(b, &lock); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	delete(lock.Packages, "") // the project itself
	return lock.Packages, nil
}

// lockMatches checks node_modules against package-lock.json: npm's record
// of what it installed (node_modules/.package-lock.json) names every
// locked package with the same version and integrity hash, and each
// package's own package.json has that version. A copy from elsewhere, a
// hand edit or a partial install fails, and the build reinstalls. An
// optional package for another system is not installed, and need not be.
func lockMatches(root string) error {
	want, err := readLock(filepath.Join(root, "package-lock.json"))
	if err != nil {
		return err
	}
	have, err := readLock(filepath.Join(root, "node_modules", ".package-lock.json"))
	if err != nil {
		return fmt.Errorf("node_modules has no record of its install: %w", err)
	}
	for name, w := range want {
		h, ok := have[name]
		if !ok && w.Optional {
			continue // another system's
		}
		if !ok || h.Version != w.Version || h.Integrity != w.Integrity {
			return fmt.Errorf("%s: installed %s (%s), locked %s (%s)", name, h.Version, h.Integrity, w.Version, w.Integrity)
		}
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name), "package.json"))
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		var pkg struct {
			Version string `json:"version"`
		}
		if json.Unmarshal(b, &pkg) != nil || pkg.Version != w.Version {
			return fmt.Errorf("%s: its package.json says %q, locked %s", name, pkg.Version, w.Version)
		}
	}
	for name := range have {
		if _, ok := want[name]; !ok {
			return fmt.Errorf("%s is installed but not locked", name)
		}
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
