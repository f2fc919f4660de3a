package allocsuite

import (
	"fmt"
	"strconv"
)

// Op is one of the suite's operations.
type Op string

const (
	BinaryTrees  Op = "binary-trees"
	Churn        Op = "churn"
	RequestArena Op = "request-arena"
)

// Params are the suite's parameters (SPEC "Parameters").
type Params struct {
	Op       Op
	Depth    int    // binary-trees max depth
	Live     int    // churn live-set slots
	Ops      uint64 // churn operations per iteration
	Requests int    // request-arena requests per iteration
	Nodes    int    // request-arena nodes per request
	Seed     uint64 // the random stream's seed
}

// paramRange is a parameter's allowed values, the SPEC's table. benchctl
// refuses others before it starts a job; checking again here turns a
// hand-run mistake into an error message rather than an out-of-memory
// crash.
type paramRange struct {
	name     string
	min, max uint64
}

var (
	depthRange    = paramRange{"DEPTH", 6, 24}
	liveRange     = paramRange{"LIVE", 1, 1_000_000}
	opsRange      = paramRange{"OPS", 1, 1_000_000_000}
	requestsRange = paramRange{"REQUESTS", 1, 1_000_000}
	nodesRange    = paramRange{"NODES", 1, 1_000_000}
	seedRange     = paramRange{"SEED", 0, ^uint64(0)}
)

// ReadParams reads and checks every parameter through param (the
// protocol's Config.Param), whichever the operation uses: benchctl always
// sets all of them, and a broken one is a broken job.
func ReadParams(param func(name string) (string, error)) (Params, error) {
	var p Params
	op, err := param("OP")
	if err != nil {
		return p, err
	}
	switch p.Op = Op(op); p.Op {
	case BinaryTrees, Churn, RequestArena:
	default:
		return p, fmt.Errorf("BENCHCTL_PARAM_OP=%q: want binary-trees, churn or request-arena", op)
	}
	var depth, live, requests, nodes uint64
	for _, f := range []struct {
		r   paramRange
		out *uint64
	}{
		{depthRange, &depth}, {liveRange, &live}, {opsRange, &p.Ops},
		{requestsRange, &requests}, {nodesRange, &nodes}, {seedRange, &p.Seed},
	} {
		if *f.out, err = f.r.read(param); err != nil {
			return p, err
		}
	}
	// Every range fits an int on a 64-bit platform.
	p.Depth, p.Live, p.Requests, p.Nodes = int(depth), int(live), int(requests), int(nodes)
	return p, nil
}

// read reads the parameter as a decimal uint64 within the range.
func (r paramRange) read(param func(string) (string, error)) (uint64, error) {
	s, err := param(r.name)
	if err != nil {
		return 0, err
	}
	v, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("BENCHCTL_PARAM_%s=%q: want a decimal integer that fits 64 bits unsigned", r.name, s)
	}
	if v < r.min || v > r.max {
		return 0, fmt.Errorf("BENCHCTL_PARAM_%s=%d: want %d to %d", r.name, v, r.min, r.max)
	}
	return v, nil
}
