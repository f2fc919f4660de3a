// Package protocol is the core of the benchctl workload protocol (version 1,
// workloads/PROTOCOL.md) for Go workloads: the BENCHCTL_* configuration and
// parameters, the resident set size, the one-line JSON messages and the pipe
// they go to. It has no timing loop, so a workload that benchctl measures from
// outside can use it alone; package benchlib adds the in-process loop.
package protocol
