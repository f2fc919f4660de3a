// Package spscsuite runs the spsc suite (workloads/spsc/SPEC.md) for a Go
// queue: parameters, pinning, the iteration control block, the consumer
// thread, the throughput and latency bodies and the round-trip histogram.
// A variant supplies only its queue and the four loops that move items
// through it (Loops).
package spscsuite

import (
	"fmt"
	"runtime"

	benchlib "benchctl/workloads/lib/go"
)

// Loops is one queue implementation's hot loops, written by each variant on
// its concrete queue type. They are not generic code here because Go
// compiles a generic function once per GC shape and calls a type
// parameter's methods through a dictionary: an indirect call per item that
// also prevents inlining, no cheaper than an interface. The driver calls
// Loops once per iteration, so only that call is dynamic.
type Loops interface {
	// Produce pushes 0, 1, …, items−1 on the queue (throughput, on the
	// producer thread).
	Produce(items uint64)
	// Consume pops items items, r = r.Take(i, v) for the i-th (from 0),
	// and returns r (throughput, on the consumer thread).
	Consume(items uint64) Received
	// Ping runs the producer's side of trips round trips: for i from 0,
	// push i on the first queue, pop v from the second, t.Back(i, v)
	// (latency, on the producer thread).
	Ping(trips uint64, t *Trips)
	// Pong runs the consumer's side: for i from 0, pop v from the first
	// queue, r = r.Take(i, v), push v on the second; it returns r (latency,
	// on the consumer thread).
	Pong(trips uint64) Received
}

// Closer is implemented by Loops whose consumer can block inside a queue
// (a channel): Close wakes it. The driver calls it once, after telling the
// consumer to stop.
type Closer interface {
	Close()
}

// ThroughputResult is the throughput body's result and verification value.
type ThroughputResult struct {
	Items uint64 `json:"items"` // items the consumer popped
	Sum   uint64 `json:"sum"`   // their sum mod 2^64
}

// LatencyResult is the latency body's result and verification value.
type LatencyResult struct {
	RoundTrips uint64 `json:"round_trips"` // trips completed
	Sum        uint64 `json:"sum"`         // sum of the items that came back, mod 2^64
}

// Main runs the operation benchctl asked for on the queues newLoops makes
// (one queue for throughput, two for latency: see Params.Queues) and exits.
// Call it from main: the goroutine that calls it is the producer.
func Main(newLoops func(p Params) Loops) {
	b := benchlib.Start()
	if err := run(b, newLoops); err != nil {
		b.Fail(err)
	}
}

func run(b *benchlib.Bench, newLoops func(Params) Loops) error {
	p, err := ReadParams(b.Param)
	if err != nil {
		return err
	}
	cpus, err := processCPUs()
	if err != nil {
		return err
	}
	if len(cpus) < 2 {
		return fmt.Errorf("the process's CPU affinity mask is %v: the spsc suite needs two CPUs, one for the producer and one for the consumer", cpus)
	}
	// Both threads spin while waiting, each holding a P: with one P the
	// other side would run only when the scheduler preempts the spinner.
	if n := runtime.GOMAXPROCS(0); n < 2 {
		return fmt.Errorf("GOMAXPROCS is %d: the producer and consumer goroutines spin on their own threads and need 2", n)
	}
	producerCPU, consumerCPU := cpus[0], cpus[1]
	if err := pin("producer", producerCPU); err != nil {
		return err
	}

	s := newSession(p, newLoops(p), b.Timing)
	pinned := make(chan error)
	exited := make(chan struct{})
	go func() {
		defer close(exited)
		if err := pin("consumer", consumerCPU); err != nil {
			pinned <- err
			return
		}
		pinned <- nil
		s.consume()
	}()
	if err := <-pinned; err != nil {
		return err
	}

	counters := map[string]int64{"producer_cpu": int64(producerCPU), "consumer_cpu": int64(consumerCPU)}
	switch p.Op {
	case Throughput:
		benchlib.Run(b, benchlib.Workload[ThroughputResult]{Body: s.throughput, Counters: counters})
	case Latency:
		benchlib.Run(b, benchlib.Workload[LatencyResult]{
			Body:        s.latency,
			Counters:    counters,
			BeforeTimed: s.hist.Reset,
			AfterTimed:  s.hist.Counters,
		})
	}
	s.stop()
	<-exited
	return nil
}
