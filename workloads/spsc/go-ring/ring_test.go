package main

import (
	"testing"
	"unsafe"

	spscsuite "benchctl/workloads/spsc/shared/go"
)

func TestRingIndicesLayout(t *testing.T) {
	var idx ringIndices
	offsets := []struct {
		name      string
		got, want uintptr
	}{
		{"tail", unsafe.Offsetof(idx.tail), 0},
		{"head", unsafe.Offsetof(idx.head), spscsuite.BlockSize},
		{"producerTail", unsafe.Offsetof(idx.producerTail), 2 * spscsuite.BlockSize},
		{"consumerHead", unsafe.Offsetof(idx.consumerHead), 3 * spscsuite.BlockSize},
	}
	for _, o := range offsets {
		if o.got != o.want {
			t.Errorf("%s at offset %d, want %d", o.name, o.got, o.want)
		}
	}
	if size := unsafe.Sizeof(idx); size != 4*spscsuite.BlockSize {
		t.Errorf("ringIndices is %d bytes, want %d", size, 4*spscsuite.BlockSize)
	}
}

// One goroutine fills the ring, drains all but one item, and again, so the
// free-running indices wrap the slots and the caches get reloaded.
func TestRingFIFOAcrossWraps(t *testing.T) {
	r := NewRing(4)
	next, want := uint64(0), uint64(0)
	for round := range 5 {
		for next-want < 4 {
			r.Push(next)
			next++
		}
		if used := r.idx.tail.Load() - r.idx.head.Load(); used != 4 {
			t.Fatalf("round %d: %d slots used, want all 4", round, used)
		}
		if r.idx.producerTail != r.idx.tail.Load() {
			t.Fatalf("round %d: producer's tail %d, published %d", round, r.idx.producerTail, r.idx.tail.Load())
		}
		for next-want > 1 {
			if v := r.Pop(); v != want {
				t.Fatalf("round %d: popped %d, want %d", round, v, want)
			}
			want++
		}
	}
	if v := r.Pop(); v != want || next != 4+4*3 {
		t.Fatalf("last pop %d, want %d; %d pushed, want 16", v, want, next)
	}
}

// Two goroutines through a small ring: the producer waits on a full ring,
// the consumer on an empty one, and every item arrives once, in order.
func TestRingAcrossGoroutines(t *testing.T) {
	const items = 200_000
	r := NewRing(8)
	go func() {
		for i := range uint64(items) {
			r.Push(i)
		}
	}()
	for i := range uint64(items) {
		if v := r.Pop(); v != i {
			t.Fatalf("item %d: popped %d", i, v)
		}
	}
}

func TestRingsLoops(t *testing.T) {
	l := newRings(spscsuite.Params{Op: spscsuite.Latency, Capacity: 2}).(*rings)
	done := make(chan spscsuite.Received)
	go func() { done <- l.Pong(1000) }()
	var trips spscsuite.Trips
	l.Ping(1000, &trips)
	if got := <-done; got != (spscsuite.Received{Sum: 999 * 1000 / 2}) {
		t.Errorf("consumer received %+v", got)
	}
	go l.Produce(4096)
	if got := l.Consume(4096); got != (spscsuite.Received{Sum: 4095 * 4096 / 2}) {
		t.Errorf("consumer received %+v", got)
	}
}
