//go:build !js

// Command anim is the three-step-compression animation; it runs in a
// browser (GOOS=js GOARCH=wasm; go run ./build compiles it). Its model is
// core/scene, which runs and is tested anywhere.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "anim is the animation's WebAssembly; build it with GOOS=js GOARCH=wasm (go run ./build does)")
	os.Exit(2)
}
