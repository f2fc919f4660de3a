package spscsuite

import (
	"fmt"
	"strconv"
)

// Op is one of the suite's operations.
type Op string

const (
	Throughput Op = "throughput"
	Latency    Op = "latency"
)

// MaxCapacity bounds CAPACITY so that a queue's allocation fails with
// this error rather than with an out-of-memory crash: 2^30 slots are
// 8 GiB per queue.
const MaxCapacity = 1 << 30

// Params are the suite's parameters (SPEC "Threads, CPUs and parameters").
type Params struct {
	Op         Op
	Capacity   uint64 // slots per queue: a power of two >= 2
	Items      uint64 // items per throughput iteration: a multiple of Capacity/2
	RoundTrips uint64 // round trips per latency iteration: >= 1
}

// ReadParams reads and checks every parameter through param (the
// protocol's Config.Param), whichever the operation uses: benchctl always
// sets all of them, and a broken one is a broken job.
func ReadParams(param func(name string) (string, error)) (Params, error) {
	var p Params
	op, err := param("op")
	if err != nil {
		return p, err
	}
	switch p.Op = Op(op); p.Op {
	case Throughput, Latency:
	default:
		return p, fmt.Errorf("BENCHCTL_PARAM_OP=%q: want throughput or latency", op)
	}
	if p.Capacity, err = uintParam(param, "CAPACITY"); err != nil {
		return p, err
	}
	if p.Capacity < 2 || p.Capacity > MaxCapacity || p.Capacity&(p.Capacity-1) != 0 {
		return p, fmt.Errorf("BENCHCTL_PARAM_CAPACITY=%d: want a power of two from 2 to %d", p.Capacity, MaxCapacity)
	}
	if p.Items, err = uintParam(param, "ITEMS"); err != nil {
		return p, err
	}
	if half := p.Capacity / 2; p.Items == 0 || p.Items%half != 0 {
		return p, fmt.Errorf("BENCHCTL_PARAM_ITEMS=%d: want a positive multiple of CAPACITY/2 = %d", p.Items, half)
	}
	if p.RoundTrips, err = uintParam(param, "ROUND_TRIPS"); err != nil {
		return p, err
	}
	if p.RoundTrips == 0 {
		return p, fmt.Errorf("BENCHCTL_PARAM_ROUND_TRIPS=0: want at least 1")
	}
	return p, nil
}

// uintParam reads the parameter name as a decimal uint64.
func uintParam(param func(string) (string, error), name string) (uint64, error) {
	s, err := param(name)
	if err != nil {
		return 0, err
	}
	v, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("BENCHCTL_PARAM_%s=%q: want a decimal integer that fits 64 bits unsigned", name, s)
	}
	return v, nil
}

// Queues is how many queues the operation needs: one for throughput, two
// (there and back) for latency.
func (p Params) Queues() int {
	if p.Op == Latency {
		return 2
	}
	return 1
}
