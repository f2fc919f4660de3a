package protocol

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ProtocolVersion is the protocol version this library speaks.
const ProtocolVersion = "1"

// Config is the run configuration benchctl passes in the environment.
type Config struct {
	FD          int           // the protocol pipe
	Warmup      int           // discarded warm-up samples
	Samples     int           // timed samples
	Iterations  int64         // iterations per sample; 0 means calibrate
	MinSample   time.Duration // calibration target
	paramLookup func(string) (string, bool)
}

// UsageError is a problem with how the program was started (exit status 2).
type UsageError struct{ msg string }

func (e *UsageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &UsageError{fmt.Sprintf(format, args...)}
}

// LoadConfig reads the protocol variables through lookup (os.LookupEnv in
// production, a map in tests).
func LoadConfig(lookup func(string) (string, bool)) (Config, error) {
	if v, _ := lookup("BENCHCTL_PROTOCOL"); v != ProtocolVersion {
		return Config{}, usagef("BENCHCTL_PROTOCOL is %q; this library speaks protocol %s", v, ProtocolVersion)
	}
	cfg := Config{paramLookup: lookup}
	var err error
	if cfg.FD, err = intVar(lookup, "BENCHCTL_FD", 0, true); err != nil {
		return Config{}, err
	}
	if cfg.Warmup, err = intVar(lookup, "BENCHCTL_WARMUP", 0, true); err != nil {
		return Config{}, err
	}
	if cfg.Samples, err = intVar(lookup, "BENCHCTL_SAMPLES", 1, true); err != nil {
		return Config{}, err
	}
	iterations, err := intVar(lookup, "BENCHCTL_ITERATIONS", 0, true)
	if err != nil {
		return Config{}, err
	}
	cfg.Iterations = int64(iterations)
	// The target matters only when calibrating, so only then is it required.
	minNS, err := intVar(lookup, "BENCHCTL_MIN_SAMPLE_NS", 1, cfg.Iterations == 0)
	if err != nil {
		return Config{}, err
	}
	cfg.MinSample = time.Duration(minNS)
	return cfg, nil
}

// intVar parses the integer variable name, which must be >= least. A
// variable that is not required and unset reads as 0.
func intVar(lookup func(string) (string, bool), name string, least int, required bool) (int, error) {
	s, ok := lookup(name)
	if !ok {
		if required {
			return 0, usagef("%s is not set", name)
		}
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < least {
		return 0, usagef("%s=%q: want an integer >= %d", name, s, least)
	}
	return n, nil
}

// Param returns the workload parameter BENCHCTL_PARAM_<NAME>; name is
// case-insensitive. A missing parameter is an error.
func (c Config) Param(name string) (string, error) {
	key := "BENCHCTL_PARAM_" + strings.ToUpper(name)
	if c.paramLookup != nil {
		if v, ok := c.paramLookup(key); ok {
			return v, nil
		}
	}
	return "", fmt.Errorf("parameter %s is not set", key)
}
