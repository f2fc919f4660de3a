//go:build goexperiment.arenas

// Command go-arena runs the alloc suite's binary-trees and request-arena
// on the arena package, which Go 1.26 ships behind GOEXPERIMENT=arenas.
package main

import allocsuite "benchctl/workloads/alloc/shared/go"

func main() {
	allocsuite.Main(allocsuite.Tier{
		Name:        "arena",
		BinaryTrees: arenaBinaryTrees,
		Request:     arenaRequest,
	})
}
