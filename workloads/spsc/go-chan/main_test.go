package main

import (
	"testing"

	spscsuite "benchctl/workloads/spsc/shared/go"
)

func TestChansHoldCapacity(t *testing.T) {
	c := newChans(spscsuite.Params{Op: spscsuite.Latency, Capacity: 16}).(*chans)
	if cap(c.to) != 16 || cap(c.back) != 16 {
		t.Errorf("capacities %d and %d, want 16", cap(c.to), cap(c.back))
	}
	if c := newChans(spscsuite.Params{Op: spscsuite.Throughput, Capacity: 2}).(*chans); c.back != nil {
		t.Error("throughput made a second channel")
	}
}

func TestChansLoops(t *testing.T) {
	c := newChans(spscsuite.Params{Op: spscsuite.Latency, Capacity: 2}).(*chans)
	done := make(chan spscsuite.Received)
	go func() { done <- c.Pong(1000) }()
	var trips spscsuite.Trips
	c.Ping(1000, &trips)
	if got := <-done; got != (spscsuite.Received{Sum: 999 * 1000 / 2}) {
		t.Errorf("consumer received %+v", got)
	}
	go c.Produce(4096)
	if got := c.Consume(4096); got != (spscsuite.Received{Sum: 4095 * 4096 / 2}) {
		t.Errorf("consumer received %+v", got)
	}
	c.Close()
	if _, ok := <-c.to; ok {
		t.Error("Close left the channel open")
	}
}
