package server

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"
)

// The traversal battery, over a real socket: raw request lines, as an
// attacker writes them (escaped and not, every spelling of "..", every
// separator, device names, streams, case, trailing dots), against a
// folder with a secret beside it. None may answer with the secret, none
// with 200, none with CORS. It runs against this package's server; with
// CPOCALC_BATTERY_EXEC set to a command that starts the server (the
// Windows build under Wine: "wine64 /path/serve-windows-amd64.exe"), it
// runs against that program instead, which is started with -dir and
// -addr.

// batteryTargets are the request targets of the battery.
func batteryTargets() []string {
	var out []string
	dots := []string{"..", "%2e%2e", "%2E%2E", ".%2e", "%2e.", "..%00", "...", "%252e%252e"}
	seps := []string{"/", `\`, "%5c", "%5C", "%2f", "%2F", "%255c", `\\`}
	prefixes := []string{"/", "/calculator/", "/assets/", "//", "/./"}
	for _, d := range dots {
		for _, s := range seps {
			for depth := 1; depth <= 6; depth++ {
				for _, p := range prefixes {
					out = append(out, p+strings.Repeat(d+s, depth)+"secret.txt")
				}
			}
		}
	}
	for _, dev := range []string{"NUL", "nul", "CON", "con.txt", "AUX", "aux.json", "PRN", "COM1", "com1.js", "LPT1", "lpt9.html", "CONIN$", "CONOUT$", "nul.html", "calculator/NUL", "assets/con.js"} {
		out = append(out, "/"+dev, "/"+dev+"/", "/"+dev+".")
	}
	out = append(out,
		"/INDEX.HTML", "/Index.html", "/index.HTML", "/CALCULATOR/", "/Calculator/", "/calculator/INDEX.HTML", "/SECRET.TXT",
		"/index.html.", "/index.html..", "/index.html%2e", "/index.html%20", "/index.html%20%20", "/index.html.%20", "/calculator./", "/calculator%20/",
		"/index.html::$DATA", "/index.html:$DATA", "/index.html:Zone.Identifier", "/index.html%3a%3a$DATA", "/calculator::$INDEX_ALLOCATION/",
		"/C:/Windows/win.ini", "/c:%5cwindows%5cwin.ini", "/C%3a/Windows/win.ini", `/\\127.0.0.1\c$\secret.txt`, "/%5c%5c127.0.0.1%5cc$%5csecret.txt",
		"/.site-files", "/%2esite-files", "/.site-files.", "/.SITE-FILES", "/index.html%00", "/index.html%00.js", "/%00", "/index~1.htm", "/CALCUL~1/",
		"/link.txt", "/up/secret.txt", "/up/../secret.txt")
	return out
}

func TestTraversalBattery(t *testing.T) {
	parent := t.TempDir()
	const secret = "SECRET-battery-3f9a"
	os.WriteFile(filepath.Join(parent, "secret.txt"), []byte(secret), 0o644)
	dir := filepath.Join(parent, "site")
	for _, f := range []string{"index.html", "calculator/index.html", "assets/app.0123456789.js", "404.html"} {
		full := filepath.Join(dir, filepath.FromSlash(f))
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, []byte("<!doctype html><title>Page not found</title>"), 0o644)
	}
	if runtime.GOOS != "windows" {
		os.Symlink(filepath.Join(parent, "secret.txt"), filepath.Join(dir, "link.txt"))
		os.Symlink(parent, filepath.Join(dir, "up"))
	}
	if err := WriteManifest(dir); err != nil {
		t.Fatal(err)
	}
	addr := startBatteryServer(t, dir)
	targets := batteryTargets()
	counts := map[int]int{}
	conn, rd := dialBattery(t, addr)
	defer func() { conn.Close() }()
	for i, target := range targets {
		if i > 0 && i%100 == 0 { // a fresh connection now and then, as browsers do
			conn.Close()
			conn, rd = dialBattery(t, addr)
		}
		conn.SetDeadline(time.Now().Add(10 * time.Second))
		if _, err := fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://evil.example\r\n\r\n", target); err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		resp, err := http.ReadResponse(rd, nil)
		if err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		body := make([]byte, 64<<10)
		n, _ := readAll(resp, body)
		resp.Body.Close()
		counts[resp.StatusCode]++
		if strings.Contains(string(body[:n]), secret) {
			t.Errorf("%s: served the secret from outside the folder", target)
		}
		if resp.StatusCode == 200 {
			t.Errorf("%s: 200", target)
		}
		if resp.Header.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("%s: %d with CORS", target, resp.StatusCode)
		}
		if resp.Close {
			conn.Close()
			conn, rd = dialBattery(t, addr)
		}
	}
	var parts []string
	for _, code := range sortedCodes(counts) {
		parts = append(parts, fmt.Sprintf("%d × %d", counts[code], code))
	}
	t.Logf("%d traversal requests: %s; none served a file from outside the folder", len(targets), strings.Join(parts, ", "))
}

func sortedCodes(m map[int]int) []int {
	var out []int
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}

func readAll(resp *http.Response, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		m, err := resp.Body.Read(buf[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

func dialBattery(t *testing.T, addr string) (net.Conn, *bufio.Reader) {
	t.Helper()
	var c net.Conn
	var err error
	for i := 0; i < 100; i++ { // a program just started may not listen yet
		if c, err = net.Dial("tcp", addr); err == nil {
			return c, bufio.NewReader(c)
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("dial %s: %v", addr, err)
	return nil, nil
}

// startBatteryServer serves dir: this package's server, or the program of
// CPOCALC_BATTERY_EXEC.
func startBatteryServer(t *testing.T, dir string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	command := os.Getenv("CPOCALC_BATTERY_EXEC")
	if command == "" {
		srv := newServer(Handler(dir))
		go srv.Serve(ln)
		t.Cleanup(func() { srv.Close() })
		return ln.Addr().String()
	}
	addr := ln.Addr().String()
	ln.Close()
	args := strings.Fields(command)
	cmd := exec.Command(args[0], append(args[1:], "-dir", dir, "-addr", addr)...)
	cmd.Env = append(os.Environ(), "WINEDEBUG=-all")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return addr
}
