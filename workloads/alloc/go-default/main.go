// Command go-default runs the alloc suite on Go's garbage-collected heap
// with the collector at its default setting (the manifest sets GOGC=100).
package main

import allocsuite "benchctl/workloads/alloc/shared/go"

func main() {
	allocsuite.Main(allocsuite.DefaultTier)
}
