// Command go-chan runs the spsc suite on Go's buffered channels.
package main

import (
	spscsuite "benchctl/workloads/spsc/shared/go"
)

// chans are the queues of one process: to carries items from the
// producer, back (latency only) returns them. Each is a buffered channel
// of CAPACITY, which holds exactly CAPACITY items. The padding keeps other
// heap objects off the cache lines of these headers, which both threads
// read (the channels' own state is the runtime's hchan, out of reach).
type chans struct {
	_        [spscsuite.BlockSize]byte
	to, back chan uint64
	_        [spscsuite.BlockSize]byte
}

func newChans(p spscsuite.Params) spscsuite.Loops {
	c := &chans{to: make(chan uint64, p.Capacity)}
	if p.Queues() == 2 {
		c.back = make(chan uint64, p.Capacity)
	}
	return c
}

func (c *chans) Produce(items uint64) {
	for i := range items {
		c.to <- i
	}
}

func (c *chans) Consume(items uint64) (got spscsuite.Received) {
	for i := range items {
		got = got.Take(i, <-c.to)
	}
	return got
}

func (c *chans) Ping(trips uint64, t *spscsuite.Trips) {
	for i := range trips {
		c.to <- i
		t.Back(i, <-c.back)
	}
}

func (c *chans) Pong(trips uint64) (got spscsuite.Received) {
	for i := range trips {
		v := <-c.to
		got = got.Take(i, v)
		c.back <- v
	}
	return got
}

// Close wakes a consumer blocked in a receive. The driver calls it only
// after the last iteration, when nothing sends any more.
func (c *chans) Close() {
	close(c.to)
	if c.back != nil {
		close(c.back)
	}
}

func main() {
	spscsuite.Main(newChans)
}
