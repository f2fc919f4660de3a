// Command go-gogc400 runs the alloc suite on Go's garbage-collected heap,
// the same code as go-default; only the manifest's GOGC=400 differs.
package main

import allocsuite "benchctl/workloads/alloc/shared/go"

func main() {
	allocsuite.Main(allocsuite.DefaultTier)
}
