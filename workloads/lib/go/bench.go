// Package benchlib implements the benchctl workload protocol (version 1,
// workloads/PROTOCOL.md) for Go workloads that time themselves: a workload
// supplies its setup, its measured body and its verification value; this
// package runs the in-process loop (self-check, calibration, warm-up, timed
// samples) and package protocol does the rest.
package benchlib

import "benchctl/workloads/lib/go/protocol"

// Bench is a running workload process: its configuration and protocol pipe.
type Bench struct {
	*protocol.Conn
}

// Start reads the protocol environment and opens the protocol pipe. On a
// usage problem it prints a usage line on stderr and exits with status 2.
func Start() *Bench {
	return &Bench{protocol.Open()}
}
