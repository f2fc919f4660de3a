package allocsuite

import (
	"fmt"
	"maps"

	benchlib "benchctl/workloads/lib/go"
)

// Tier is what one Go implementation supplies: how binary-trees and
// request-arena allocate and release, and whether it runs churn.
type Tier struct {
	// Name is the tier as the SPEC names it, for error messages.
	Name string
	// BinaryTrees runs one binary-trees iteration for DEPTH.
	BinaryTrees func(depth int) TreesResult
	// Request builds, walks and releases one request-arena request and
	// returns its checksum.
	Request func(seed uint64, nodes int) uint64
	// Churn is whether the tier runs churn (on the GC heap; the arena tier
	// does not, its blocks being freed one by one by design).
	Churn bool
}

// DefaultTier is Go's garbage-collected heap: go-default and go-gogc400,
// which differ only in GOGC.
var DefaultTier = Tier{Name: "default", BinaryTrees: GCBinaryTrees, Request: GCRequest, Churn: true}

// Main runs the operation benchctl asked for in tier t and exits.
func Main(t Tier) {
	b := benchlib.Start()
	if err := run(b, t); err != nil {
		b.Fail(err)
	}
}

func run(b *benchlib.Bench, t Tier) error {
	p, err := ReadParams(b.Param)
	if err != nil {
		return err
	}
	stats, err := NewTimedStats(b.Timing)
	if err != nil {
		return err
	}
	switch p.Op {
	case BinaryTrees:
		measure(b, stats, func() TreesResult { return t.BinaryTrees(p.Depth) }, TreesResult.Verification, nil)
	case Churn:
		if err := t.checkChurn(); err != nil {
			return err
		}
		hist := new(Histogram)
		measure(b, stats, NewChurner(p.Live, p.Ops, p.Seed, hist, b.Timing).Iteration, nil, hist)
	case RequestArena:
		measure(b, stats, func() RequestResult { return RunRequests(p.Requests, p.Nodes, p.Seed, t.Request) }, nil, nil)
	}
	return nil
}

// checkChurn fails for a tier without churn.
func (t Tier) checkChurn() error {
	if !t.Churn {
		return fmt.Errorf("BENCHCTL_PARAM_OP=churn: the %s tier has no churn (it frees blocks one by one, which an arena cannot)", t.Name)
	}
	return nil
}

// measure runs body through the benchlib's loop with the suite's timed
// hooks: TimedStats always, churn's batch histogram when hist is set.
// verification turns the result into the SPEC's JSON; nil means the result
// itself.
func measure[T comparable](b *benchlib.Bench, stats *TimedStats, body func() T, verification func(T) any, hist *Histogram) {
	w := benchlib.Workload[T]{
		Body: func() (T, error) {
			stats.Iteration()
			return body(), nil
		},
		Counters: Settings(),
		BeforeTimed: func() {
			if hist != nil {
				hist.Reset()
			}
			stats.Begin()
		},
		AfterTimed: func() map[string]int64 {
			c := stats.End()
			if hist != nil {
				maps.Copy(c, hist.ChurnCounters())
			}
			return c
		},
	}
	if verification != nil {
		w.Verification = func(r T) (any, error) { return verification(r), nil }
	}
	benchlib.Run(b, w)
}
