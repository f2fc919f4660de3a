// Command go-std is the startup suite's Go program: it prints the 64-bit
// FNV-1a hash of its first argument as 16 lower-case hex digits.
package main

import (
	"fmt"
	"hash/fnv"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: go-std ARGUMENT")
		os.Exit(2)
	}
	h := fnv.New64a()
	h.Write([]byte(os.Args[1])) // a hash.Hash never returns an error
	if _, err := fmt.Printf("%016x\n", h.Sum64()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
