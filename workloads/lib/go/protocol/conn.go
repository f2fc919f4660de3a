package protocol

import (
	"fmt"
	"io"
	"os"
)

// Conn is a workload process's link to benchctl: its configuration and the
// protocol pipe.
type Conn struct {
	Config
	pipe io.Writer
}

// Open reads the protocol environment and opens the protocol pipe. On a
// usage problem it prints a usage line on stderr and exits with status 2.
func Open() *Conn {
	cfg, err := LoadConfig(os.LookupEnv)
	if err != nil {
		usageExit(err)
	}
	pipe := os.NewFile(uintptr(cfg.FD), "benchctl-protocol")
	if pipe == nil {
		usageExit(usagef("BENCHCTL_FD=%d is not a file descriptor", cfg.FD))
	}
	if _, err := pipe.Stat(); err != nil {
		usageExit(usagef("BENCHCTL_FD=%d is not open: %v", cfg.FD, err))
	}
	return &Conn{Config: cfg, pipe: pipe}
}

func usageExit(err error) {
	fmt.Fprintf(os.Stderr, "%v\nusage: run under benchctl, which sets BENCHCTL_PROTOCOL=%s, BENCHCTL_FD, "+
		"BENCHCTL_WARMUP, BENCHCTL_SAMPLES, BENCHCTL_ITERATIONS, BENCHCTL_MIN_SAMPLE_NS and BENCHCTL_PARAM_*\n",
		err, ProtocolVersion)
	os.Exit(2)
}

// Fail reports err as the workload's failure (an error message) and exits
// with status 1.
func (c *Conn) Fail(err error) {
	if msg, encErr := EncodeError(err.Error()); encErr == nil {
		c.Send(msg)
	}
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

// Send writes one protocol line. A pipe that cannot be written means
// benchctl is gone, so there is no one left to report to but stderr.
func (c *Conn) Send(line []byte) {
	if _, err := c.pipe.Write(line); err != nil {
		fmt.Fprintf(os.Stderr, "benchctl protocol pipe: %v\n", err)
		os.Exit(1)
	}
}
