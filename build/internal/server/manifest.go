package server

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The manifest: the list of the site's files, each with its size and the
// SHA-256 of its content, that the build writes beside them
// (ManifestName, at the folder's root). The server serves the files it
// lists, by their exact names, and takes their ETags from it: it never
// hashes a file per request, and a name that differs only in case, or a
// file left in the folder by something else, is not the site's.
// A folder without a manifest is listed and hashed once, when it is
// first served.

// ManifestName is the manifest's file name. It starts with a dot, and the
// path rules refuse such names, so it is never served.
const ManifestName = ".site-files"

// entry is one file of the manifest.
type entry struct {
	size int64
	sum  string // hex SHA-256
}

// tag is the entry's strong ETag.
func (e entry) tag() string { return `"` + e.sum[:20] + `"` }

// Manifest is a list of files with their sizes and content hashes, by
// slash-separated path from the site's root.
type Manifest struct {
	files map[string]entry
	dirs  map[string]bool // the folders that hold them, "a/b" for a/b/c.js
}

// NewManifest returns an empty manifest.
func NewManifest() *Manifest { return &Manifest{files: map[string]entry{}, dirs: map[string]bool{}} }

// Add lists a file with its content.
func (m *Manifest) Add(name string, body []byte) {
	sum := sha256.Sum256(body)
	m.put(name, entry{int64(len(body)), hex.EncodeToString(sum[:])})
}

func (m *Manifest) put(name string, e entry) {
	m.files[name] = e
	for d := path.Dir(name); d != "." && d != "/" && !m.dirs[d]; d = path.Dir(d) {
		m.dirs[d] = true
	}
}

// Bytes writes the manifest: one line a file, "<sha256> <size> <path>",
// sorted by path (the same files give the same bytes).
func (m *Manifest) Bytes() []byte {
	names := make([]string, 0, len(m.files))
	for n := range m.files {
		names = append(names, n)
	}
	sort.Strings(names)
	var b bytes.Buffer
	for _, n := range names {
		e := m.files[n]
		fmt.Fprintf(&b, "%s %d %s\n", e.sum, e.size, n)
	}
	return b.Bytes()
}

// parseManifest reads what Bytes wrote.
func parseManifest(r io.Reader) (*Manifest, error) {
	m := NewManifest()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<16)
	for line := 1; sc.Scan(); line++ {
		sum, rest, ok1 := strings.Cut(sc.Text(), " ")
		size, name, ok2 := strings.Cut(rest, " ")
		n, err := strconv.ParseInt(size, 10, 64)
		if !ok1 || !ok2 || err != nil || len(sum) != 64 || name == "" {
			return nil, fmt.Errorf("%s line %d: not \"<sha256> <size> <path>\"", ManifestName, line)
		}
		m.put(name, entry{n, sum})
	}
	return m, sc.Err()
}

// WriteManifest lists every file under dir (but hidden ones) in dir's
// manifest, written under a temporary name and renamed, so that a server
// reading it never sees half of it.
func WriteManifest(dir string) error {
	m, err := scan(dir)
	if err != nil {
		return err
	}
	tmp := filepath.Join(dir, ManifestName+".tmp")
	if err := os.WriteFile(tmp, m.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, ManifestName))
}

// scan lists and hashes every file under dir, through a root that cannot
// be left; hidden names and links are skipped.
func scan(dir string) (*Manifest, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	m := NewManifest()
	err = fs.WalkDir(root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		f, err := root.Open(filepath.FromSlash(p))
		if err != nil {
			return err
		}
		defer f.Close()
		h := sha256.New()
		n, err := io.Copy(h, f)
		if err != nil {
			return err
		}
		m.put(p, entry{n, hex.EncodeToString(h.Sum(nil))})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	return m, nil
}

// files keeps a folder's manifest in memory, read again when the file
// changes (a new build), or made by scanning a folder that has none.
type files struct {
	dir string
	mu  sync.Mutex
	m   *Manifest
	// The manifest file's size and time when it was read; scanned is
	// true when there was none and the folder was listed instead.
	size    int64
	mod     time.Time
	scanned bool
}

// current returns the manifest in force.
func (f *files) current() (*Manifest, error) {
	st, err := os.Stat(filepath.Join(f.dir, ManifestName))
	f.mu.Lock()
	defer f.mu.Unlock()
	switch {
	case err == nil && f.m != nil && !f.scanned && st.Size() == f.size && st.ModTime().Equal(f.mod):
		return f.m, nil
	case errors.Is(err, fs.ErrNotExist) && f.m != nil && f.scanned:
		return f.m, nil
	case err == nil:
		b, err := os.ReadFile(filepath.Join(f.dir, ManifestName))
		if err != nil {
			return nil, err
		}
		m, err := parseManifest(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		f.m, f.size, f.mod, f.scanned = m, st.Size(), st.ModTime(), false
		return m, nil
	case errors.Is(err, fs.ErrNotExist):
		m, err := scan(f.dir)
		if err != nil {
			return nil, err
		}
		f.m, f.scanned = m, true
		return m, nil
	default:
		return nil, err
	}
}

// has reports whether the manifest lists a file.
func (m *Manifest) has(name string) bool { _, ok := m.files[name]; return ok }

// isDir reports whether name ("a/b", "" for the root) is a folder of the
// listed files.
func (m *Manifest) isDir(name string) bool { return name == "" || m.dirs[name] }
