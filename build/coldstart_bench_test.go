package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestBenchColdStart (make bench): a fresh machine's first `make serve`,
// until the calculator answers: a copy of the repository's committed
// files, with empty Go module and build caches, an empty npm cache and no
// node_modules, and no cards or compressed copies cached. The modules
// and npm packages come from their registries, as on a reader's machine.
// It prints the time to each step the build reports, and to the answer.
// With BASE (make bench BASE=<revision>), that revision's cold start is
// timed too, in turns with this checkout's (two each), and both medians
// are printed.
func TestBenchColdStart(t *testing.T) {
	if os.Getenv("CPOCALC_BENCH") != "1" {
		t.Skip("set CPOCALC_BENCH=1 (make bench)")
	}
	root, err := findRoot()
	if err != nil {
		t.Fatal(err)
	}
	base := os.Getenv("CPOCALC_BENCH_BASE")
	if base == "" {
		took, log := coldStart(t, root, "")
		fmt.Printf("fresh machine, make serve until /calculator/ answers: %.1f s (budget: 60 s); its steps:\n%s", took.Seconds(), log)
		return
	}
	var times [2][]float64
	var logs [2]string
	for round := 0; round < 2; round++ {
		for i := 0; i < 2; i++ {
			j := (i + round) % 2
			rev := []string{"", base}[j]
			took, log := coldStart(t, root, rev)
			times[j] = append(times[j], took.Seconds())
			logs[j] = log
		}
	}
	for j, name := range []string{"this checkout", base} {
		fmt.Printf("fresh machine, make serve until /calculator/ answers, side by side, %s: %.1f and %.1f s (budget: 60 s); the steps of its last run:\n%s", name, times[j][0], times[j][1], logs[j])
	}
}

// coldStart clones the repository at root (at rev, or as committed when
// rev is ""), runs its `make serve` with every cache empty, and returns
// the time until its calculator answered and the lines it printed, each
// with its time.
func coldStart(t *testing.T, root, rev string) (time.Duration, string) {
	tmp := t.TempDir()
	repo := filepath.Join(tmp, "repo")
	if out, err := exec.Command("git", "clone", "--quiet", "--no-hardlinks", root, repo).CombinedOutput(); err != nil {
		t.Fatalf("git clone: %v\n%s", err, out)
	}
	if rev != "" {
		cmd := exec.Command("git", "checkout", "--quiet", "--detach", rev)
		cmd.Dir = repo
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git checkout %s: %v\n%s", rev, err, out)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	ln.Close()
	cmd := exec.Command("make", "serve", "PORT="+port)
	cmd.Dir = repo
	env := []string{}
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); k == "GOMODCACHE" || k == "GOCACHE" || k == "GOPATH" || k == "XDG_CACHE_HOME" || strings.HasPrefix(strings.ToLower(k), "npm_config_") {
			continue
		}
		env = append(env, kv)
	}
	cmd.Env = append(env, "GOPATH="+filepath.Join(tmp, "gopath"), "GOMODCACHE="+filepath.Join(tmp, "gomod"), "GOCACHE="+filepath.Join(tmp, "gocache"),
		"XDG_CACHE_HOME="+filepath.Join(tmp, "cache"), "npm_config_cache="+filepath.Join(tmp, "npm"), "GOFLAGS=-modcacherw")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	pr, pw := io.Pipe()
	cmd.Stdout, cmd.Stderr = pw, pw
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		cmd.Wait()
	}()
	var (
		log   strings.Builder
		logMu sync.Mutex
	)
	go func() {
		b := make([]byte, 4096)
		for {
			n, err := pr.Read(b)
			for _, line := range strings.Split(strings.TrimSpace(string(b[:n])), "\n") {
				if line != "" {
					logMu.Lock()
					fmt.Fprintf(&log, "  %5.1f s  %s\n", time.Since(start).Seconds(), line)
					logMu.Unlock()
				}
			}
			if err != nil {
				return
			}
		}
	}()
	url := "http://127.0.0.1:" + port + "/calculator/"
	deadline := time.Now().Add(10 * time.Minute)
	for {
		if time.Now().After(deadline) {
			logMu.Lock()
			defer logMu.Unlock()
			t.Fatalf("the calculator did not answer in 10 minutes:\n%s", log.String())
		}
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	took := time.Since(start)
	logMu.Lock()
	defer logMu.Unlock()
	return took, log.String()
}
