// Package benchlib implements the benchctl workload protocol (version 1,
// workloads/PROTOCOL.md) for Go workloads that time themselves: a workload
// supplies its setup, its measured body and its verification value; this
// package runs the in-process loop (self-check, calibration, warm-up, timed
// samples) and package protocol does the rest.
package benchlib

import (
	"sync/atomic"

	"benchctl/workloads/lib/go/protocol"
)

// Bench is a running workload process: its configuration and protocol pipe.
type Bench struct {
	*protocol.Conn
	timing atomic.Bool
}

// Start reads the protocol environment and opens the protocol pipe. On a
// usage problem it prints a usage line on stderr and exits with status 2.
func Start() *Bench {
	return &Bench{Conn: protocol.Open()}
}

// Timing reports whether Run is in its timed samples: true from just after
// Workload.BeforeTimed returns until just before Workload.AfterTimed runs,
// false during self-check, calibration and warm-up. A body that records
// per-operation statistics only for the timed samples reads it once per
// iteration. It is safe to call from any goroutine.
func (b *Bench) Timing() bool {
	return b.timing.Load()
}
