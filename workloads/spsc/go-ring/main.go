// Command go-ring runs the spsc suite on the SPEC's hand-written ring
// (sync/atomic).
package main

import (
	spscsuite "benchctl/workloads/spsc/shared/go"
)

// rings are the queues of one process: to carries items from the
// producer, back (latency only) returns them. Both threads read these
// headers and neither writes them; the padding keeps other heap objects,
// which someone may write, off their cache lines.
type rings struct {
	_        [spscsuite.BlockSize]byte
	to, back Ring
	_        [spscsuite.BlockSize]byte
}

func newRings(p spscsuite.Params) spscsuite.Loops {
	r := &rings{to: NewRing(p.Capacity)}
	if p.Queues() == 2 {
		r.back = NewRing(p.Capacity)
	}
	return r
}

func (r *rings) Produce(items uint64) {
	for i := range items {
		r.to.Push(i)
	}
}

func (r *rings) Consume(items uint64) (got spscsuite.Received) {
	for i := range items {
		got = got.Take(i, r.to.Pop())
	}
	return got
}

func (r *rings) Ping(trips uint64, t *spscsuite.Trips) {
	for i := range trips {
		r.to.Push(i)
		t.Back(i, r.back.Pop())
	}
}

func (r *rings) Pong(trips uint64) (got spscsuite.Received) {
	for i := range trips {
		v := r.to.Pop()
		got = got.Take(i, v)
		r.back.Push(v)
	}
	return got
}

func main() {
	spscsuite.Main(newRings)
}
