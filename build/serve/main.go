// Command serve serves a built copy of the site on the local machine:
//
//	go run ./build/serve -dir dist -addr 127.0.0.1:8080
//
// It listens on the loopback interface only unless told otherwise. The
// offline bundle holds this program, built for each platform, beside the
// site's folder: started with no arguments, it serves the folder "site"
// next to itself, on port 8080 or, when that is taken, on a free one.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"

	"github.com/cpocalc/cpocalc/build/internal/server"
)

func main() {
	dir := flag.String("dir", "", "folder to serve (default: \"site\" beside this program, else \"dist\")")
	addr := flag.String("addr", "", "address to listen on (default: 127.0.0.1:8080, or a free port if it is taken)")
	flag.Parse()
	if *dir == "" {
		*dir = defaultDir()
	}
	var err error
	if *addr == "" {
		err = server.ListenAndServeFallback(*dir, "127.0.0.1:8080")
	} else {
		err = server.ListenAndServe(*dir, *addr)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		pauseOnWindows()
		log.Fatal(err)
	}
}

// defaultDir is the "site" folder beside the executable (the bundle's
// layout), else "dist" (the repository's).
func defaultDir() string {
	if exe, err := os.Executable(); err == nil {
		if real, err := filepath.EvalSymlinks(exe); err == nil {
			exe = real
		}
		d := filepath.Join(filepath.Dir(exe), "site")
		if st, err := os.Stat(filepath.Join(d, "index.html")); err == nil && !st.IsDir() {
			return d
		}
	}
	return "dist"
}

// pauseOnWindows keeps the console window open after an error, for a
// reader who started the program with a double click.
func pauseOnWindows() {
	if runtime.GOOS == "windows" {
		fmt.Fprintln(os.Stderr, "Press Enter to close.")
		fmt.Scanln()
	}
}
