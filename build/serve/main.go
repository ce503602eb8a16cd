// Command serve serves a built copy of the site on the local machine:
//
//	go run ./build/serve -dir dist -addr 127.0.0.1:8080
//
// It listens on the loopback interface only unless told otherwise.
package main

import (
	"flag"
	"log"

	"github.com/cpocalc/cpocalc/build/internal/server"
)

func main() {
	dir := flag.String("dir", "dist", "folder to serve")
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	flag.Parse()
	if err := server.ListenAndServe(*dir, *addr); err != nil {
		log.Fatal(err)
	}
}
