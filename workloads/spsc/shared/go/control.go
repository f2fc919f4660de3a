package spscsuite

import (
	"math"
	"sync/atomic"
	"unsafe"
)

// stop, stored in control.start, ends the consumer thread.
const stop = math.MaxUint64

// control is the SPEC's iteration control block: the producer starts
// iteration k by storing k in start; the consumer runs it, writes its
// result and stores k in done. Each side's flag has a block of its own;
// the result shares the consumer's block because the consumer writes both
// and the producer reads both, once per iteration. Allocate it with
// NewAligned.
type control struct {
	start atomic.Uint64 // the SPEC's "go" (a Go keyword)
	_     [BlockSize - 8]byte

	done   atomic.Uint64
	items  uint64 // items the consumer popped
	result Received
	_      [BlockSize - 16 - unsafe.Sizeof(Received{})]byte
}

// consume is the consumer thread's life: wait for each iteration's number,
// run it with run, publish what it received, until stop.
func (c *control) consume(run func() (items uint64, r Received)) {
	var last uint64
	for {
		k := c.start.Load()
		for k == last {
			// Go has no spin hint: spin on the load alone (SPEC "Waiting").
			k = c.start.Load()
		}
		if k == stop {
			return
		}
		last = k
		c.items, c.result = run()
		c.done.Store(k)
	}
}

// await spins until the consumer has finished iteration k and returns its
// result. Go's atomics are sequentially consistent, so the plain fields
// written before done are visible after it reads k.
func (c *control) await(k uint64) (items uint64, r Received) {
	for c.done.Load() != k {
	}
	return c.items, c.result
}
