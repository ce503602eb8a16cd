package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"

	"github.com/andybalholm/brotli"

	"github.com/cpocalc/cpocalc/build/internal/server"
)

// Precompression: beside every text asset and WebAssembly binary the build
// writes a brotli (quality 11) and a gzip copy, which the project's server
// sends to browsers that accept them. Brotli at quality 11 is slow, so the
// encodings run in parallel and are kept in a cache by the SHA-256 of what
// they encode: a warm build does not pay twice.

// encodings are the precompressed forms, in the server's order of
// preference.
var encodings = []struct {
	ext    string
	encode func([]byte) ([]byte, error)
}{
	{".br", func(b []byte) ([]byte, error) {
		var buf bytes.Buffer
		w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
		if _, err := w.Write(b); err != nil {
			return nil, err
		}
		err := w.Close()
		return buf.Bytes(), err
	}},
	{".gz", func(b []byte) ([]byte, error) {
		var buf bytes.Buffer
		w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(b); err != nil {
			return nil, err
		}
		err = w.Close()
		return buf.Bytes(), err
	}},
}

// minCompress is the smallest file worth a compressed copy.
const minCompress = 512

// compressCache is the folder of cached encodings ("" when there is none).
func compressCache() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "cpocalc", "compress")
}

// compressAll writes the compressed copies of the published files under
// dir that the server negotiates, and returns the paths written.
func compressAll(dir string, files []string) ([]string, error) {
	cache := compressCache()
	type job struct {
		file, ext string
		size      int64
	}
	var jobs []job
	for _, f := range files {
		if server.Compressible(f) {
			n := size(dir, f)
			for _, e := range encodings {
				jobs = append(jobs, job{f, e.ext, n})
			}
		}
	}
	var (
		mu      sync.Mutex
		written []string
		first   error
		wg      sync.WaitGroup
		next    = make(chan job)
	)
	worker := func() {
		defer wg.Done()
		for j := range next {
			p, err := compressOne(dir, cache, j.file, j.ext)
			mu.Lock()
			if err != nil && first == nil {
				first = fmt.Errorf("compress %s: %w", j.file, err)
			}
			if p != "" {
				written = append(written, p)
			}
			mu.Unlock()
		}
	}
	for i := 0; i < runtime.NumCPU(); i++ {
		wg.Add(1)
		go worker()
	}
	// The largest first, so that the long brotli runs overlap.
	sort.SliceStable(jobs, func(a, b int) bool { return jobs[a].size > jobs[b].size })
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
	sort.Strings(written)
	return written, first
}

func size(dir, f string) int64 {
	st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f)))
	if err != nil {
		return 0
	}
	return st.Size()
}

// compressOne writes file+ext, from the cache when it holds it. A copy no
// smaller than the file is not written ("" is returned).
func compressOne(dir, cache, file, ext string) (string, error) {
	full := filepath.Join(dir, filepath.FromSlash(file))
	body, err := os.ReadFile(full)
	if err != nil || len(body) < minCompress {
		return "", err
	}
	sum := sha256.Sum256(body)
	key := hex.EncodeToString(sum[:]) + ext
	var enc []byte
	if cache != "" {
		enc, _ = os.ReadFile(filepath.Join(cache, key))
	}
	if enc == nil {
		for _, e := range encodings {
			if e.ext == ext {
				if enc, err = e.encode(body); err != nil {
					return "", err
				}
			}
		}
		if cache != "" && os.MkdirAll(cache, 0o755) == nil {
			tmp := filepath.Join(cache, key+".tmp"+fmt.Sprint(os.Getpid()))
			if os.WriteFile(tmp, enc, 0o644) == nil {
				os.Rename(tmp, filepath.Join(cache, key))
			}
		}
	}
	if len(enc) >= len(body) {
		return "", nil
	}
	// Written under a temporary name first: a server already running
	// never sends half a file.
	tmp := full + ext + ".tmp"
	if err := os.WriteFile(tmp, enc, 0o644); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, full+ext); err != nil {
		return "", err
	}
	return file + ext, nil
}
