package httpsuite

import (
	"fmt"
	"net"
	"net/netip"
	"strconv"
)

// Config is how benchctl starts a server (SPEC "How benchctl runs a
// server").
type Config struct {
	Host    netip.Addr // the address to bind: an IPv4 loopback address
	Port    int        // 1..65535
	Threads int        // runtime workers the server may keep busy
	FD      int        // the protocol pipe the ready line goes to
}

// UsageError is a missing or invalid setting (exit status 2).
type UsageError struct{ msg string }

func (e *UsageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &UsageError{fmt.Sprintf(format, args...)}
}

// ReadConfig reads the settings through lookup (os.LookupEnv in a server,
// a map in tests).
func ReadConfig(lookup func(string) (string, bool)) (Config, error) {
	var c Config
	host, ok := lookup("BENCHCTL_HTTP_HOST")
	if !ok {
		return c, usagef("BENCHCTL_HTTP_HOST is not set")
	}
	addr, err := netip.ParseAddr(host)
	// Loopback only: a server of this suite is never reachable from
	// another machine, whatever it is given.
	if err != nil || !addr.Is4() || !addr.IsLoopback() {
		return c, usagef("BENCHCTL_HTTP_HOST=%q: want an IPv4 loopback address such as 127.0.0.1", host)
	}
	c.Host = addr
	if c.Port, err = intVar(lookup, "BENCHCTL_HTTP_PORT", 1, 65535); err != nil {
		return c, err
	}
	if c.Threads, err = intVar(lookup, "BENCHCTL_HTTP_THREADS", 1, 1<<16); err != nil {
		return c, err
	}
	if c.FD, err = intVar(lookup, "BENCHCTL_FD", 0, 1<<30); err != nil {
		return c, err
	}
	return c, nil
}

// intVar parses the decimal variable name, which must lie in [least, most].
func intVar(lookup func(string) (string, bool), name string, least, most int) (int, error) {
	s, ok := lookup(name)
	if !ok {
		return 0, usagef("%s is not set", name)
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < least || n > most {
		return 0, usagef("%s=%q: want an integer from %d to %d", name, s, least, most)
	}
	return n, nil
}

// Addr is the listening address, host:port.
func (c Config) Addr() string {
	return net.JoinHostPort(c.Host.String(), strconv.Itoa(c.Port))
}

// CheckGOMAXPROCS refuses a runtime whose GOMAXPROCS (procs, from
// runtime.GOMAXPROCS(0); fromEnv says whether the GOMAXPROCS variable set
// it) is not the thread count benchctl recorded for the job. Setting it
// here instead would hide a harness that set the two apart.
func (c Config) CheckGOMAXPROCS(procs int, fromEnv bool) error {
	if procs == c.Threads {
		return nil
	}
	source := "the runtime's own choice: the GOMAXPROCS variable is unset"
	if fromEnv {
		source = "from the GOMAXPROCS variable"
	}
	return usagef("GOMAXPROCS is %d (%s) but BENCHCTL_HTTP_THREADS=%d: benchctl sets both to the job's CPU count", procs, source, c.Threads)
}
