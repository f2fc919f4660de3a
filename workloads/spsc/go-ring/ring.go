package main

import (
	"sync/atomic"

	spscsuite "benchctl/workloads/spsc/shared/go"
)

// ringIndices are the ring's four padded blocks: the two indices each side
// publishes for the other to poll, then each side's own state, which the
// other side never reads: its own index (so it never reads its published
// index back) and its last reading of the other's. Allocated with
// spscsuite.NewAligned, so each block starts at a 128-byte boundary.
type ringIndices struct {
	tail atomic.Uint64 // published by the producer
	_    [spscsuite.BlockSize - 8]byte

	head atomic.Uint64 // published by the consumer
	_    [spscsuite.BlockSize - 8]byte

	producerTail uint64 // equal to tail (only the producer writes either)
	headCache    uint64 // the producer's last reading of head
	_            [spscsuite.BlockSize - 16]byte

	consumerHead uint64 // equal to head
	tailCache    uint64 // the consumer's last reading of tail
	_            [spscsuite.BlockSize - 16]byte
}

// Ring is the SPEC's hand-written single-producer single-consumer ring of
// uint64: free-running indices, each side caching the other's index and
// reloading it only when the ring looks full (producer) or empty
// (consumer). Push must be called from one goroutine only and Pop from one
// other. Go's sync/atomic operations are sequentially consistent (a Store
// is an XCHG on amd64), stronger than the release and acquire the algorithm
// needs; Go offers nothing weaker.
type Ring struct {
	idx   *ringIndices
	slots []uint64 // len is the capacity, a power of two
	mask  uint64
}

// NewRing returns an empty ring of capacity slots, a power of two.
func NewRing(capacity uint64) Ring {
	return Ring{
		idx:   spscsuite.NewAligned[ringIndices](),
		slots: spscsuite.NewSlots(int(capacity)),
		mask:  capacity - 1,
	}
}

// Push appends v, spinning while the ring is full.
func (r *Ring) Push(v uint64) {
	idx := r.idx
	tail := idx.producerTail
	if tail-idx.headCache == uint64(len(r.slots)) {
		r.waitForRoom(tail)
	}
	r.slots[tail&r.mask] = v
	idx.tail.Store(tail + 1)
	idx.producerTail = tail + 1
}

// waitForRoom reloads head until the ring has a free slot. Go has no spin
// hint, so it spins on the load alone.
func (r *Ring) waitForRoom(tail uint64) {
	idx := r.idx
	for {
		idx.headCache = idx.head.Load()
		if tail-idx.headCache != uint64(len(r.slots)) {
			return
		}
	}
}

// Pop removes and returns the oldest item, spinning while the ring is
// empty.
func (r *Ring) Pop() uint64 {
	idx := r.idx
	head := idx.consumerHead
	if head == idx.tailCache {
		r.waitForItem(head)
	}
	v := r.slots[head&r.mask]
	idx.head.Store(head + 1)
	idx.consumerHead = head + 1
	return v
}

// waitForItem reloads tail until the ring holds an item.
func (r *Ring) waitForItem(head uint64) {
	idx := r.idx
	for {
		idx.tailCache = idx.tail.Load()
		if idx.tailCache != head {
			return
		}
	}
}
