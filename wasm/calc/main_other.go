//go:build !js

package main

import (
	"fmt"
	"os"
)

// main explains itself: this program runs in a browser.
func main() {
	fmt.Fprintln(os.Stderr, "calc is the calculator's WebAssembly; build it with GOOS=js GOARCH=wasm (go run ./build does)")
	os.Exit(2)
}
