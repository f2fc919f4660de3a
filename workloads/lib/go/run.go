package benchlib

import (
	"fmt"
	"maps"
	"runtime"
	"runtime/debug"
	"sync/atomic"
	"time"

	"benchctl/workloads/lib/go/protocol"
)

// Workload is what a program hands to Run once its setup is done.
type Workload[T comparable] struct {
	// Body runs one iteration and returns its result, which Run compares
	// with the self-check's. An error fails the workload.
	Body func() (T, error)
	// Verification turns the self-check's result into the verification
	// value (any JSON-marshalable value); it may also have side effects such
	// as writing an output file. Nil means the result itself.
	Verification func(T) (any, error)
	// Counters are extra workload counters, e.g. bytes_per_iteration.
	Counters map[string]int64
	// BeforeTimed, if set, runs once after warm-up, right before the first
	// timed sample, outside every timed region: a workload that gathers its
	// own statistics clears what self-check, calibration and warm-up left.
	BeforeTimed func()
	// AfterTimed, if set, runs once right after the last timed sample,
	// outside every timed region. Its counters are added to the result's;
	// a name it shares with Counters or the runtime's counters takes its
	// value. Between the two hooks Bench.Timing reports true.
	AfterTimed func() map[string]int64
}

// Run measures w and sends the setup and result messages; on any failure it
// calls b.Fail. Call it right after setup: it reads the resident set size
// first.
func Run[T comparable](b *Bench, w Workload[T]) {
	if err := run(b.Config, w, &b.timing, protocol.ResidentKB, func(line []byte) error {
		b.Send(line)
		return nil
	}); err != nil {
		b.Fail(err)
	}
}

// sink keeps every iteration's result reachable from a package-level
// variable, so the compiler must treat the stores as observable. It holds
// a pointer to a typed slot rather than the result itself, so storing a
// result does not allocate an interface box per iteration.
var sink any

type slot[T any] struct{ v T }

// runner carries one measurement through the protocol's phases.
type runner[T comparable] struct {
	body       func() (T, error)
	want       T
	slot       *slot[T]
	mismatches int64
}

// sample times n back-to-back iterations. Every iteration after the
// self-check is compared with it, calibration and warm-up included: a
// differing result is a bug wherever it happens.
func (r *runner[T]) sample(n int64) (time.Duration, error) {
	start := time.Now()
	for range n {
		v, err := r.body()
		if err != nil {
			return 0, err
		}
		r.slot.v = v
		if v != r.want {
			r.mismatches++
		}
	}
	return time.Since(start), nil
}

// run is Run's protocol sequence with the timing flag, the RSS reading and
// the pipe passed in, so tests can drive it.
func run[T comparable](cfg protocol.Config, w Workload[T], timing *atomic.Bool, rss func() (int64, error), send func([]byte) error) error {
	kb, err := rss()
	if err != nil {
		return fmt.Errorf("reading resident set size: %w", err)
	}
	out := sender(send)
	if err := out.line(protocol.EncodeSetup(kb)); err != nil {
		return err
	}

	want, err := w.Body()
	if err != nil {
		return err
	}
	var verification any = want
	if w.Verification != nil {
		if verification, err = w.Verification(want); err != nil {
			return err
		}
	}
	r := &runner[T]{body: w.Body, want: want, slot: new(slot[T])}
	sink = r.slot

	n := cfg.Iterations
	if n == 0 {
		if n, err = r.calibrate(cfg.MinSample); err != nil {
			return err
		}
	}
	warmup, err := r.samples(cfg.Warmup, n)
	if err != nil {
		return err
	}

	// The hooks run outside the memory statistics' window too, so what
	// they allocate is not charged to the iterations.
	if w.BeforeTimed != nil {
		w.BeforeTimed()
	}
	timing.Store(true)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	faultsBefore, faultsErr := readPageFaults()
	samples, err := r.samples(cfg.Samples, n)
	if err != nil {
		return err
	}
	faultsAfter, faultsErr2 := readPageFaults()
	runtime.ReadMemStats(&after)
	timing.Store(false)
	c := counters(w.Counters, &before, &after, int64(cfg.Samples)*n)
	// getrusage cannot fail for RUSAGE_SELF; were it to, the counters are
	// left out rather than guessed.
	if faultsErr == nil && faultsErr2 == nil {
		c["timed_minor_faults"] = faultsAfter.minor - faultsBefore.minor
		c["timed_major_faults"] = faultsAfter.major - faultsBefore.major
	}
	if w.AfterTimed != nil {
		maps.Copy(c, w.AfterTimed())
	}

	return out.line(protocol.EncodeResult(protocol.Result{
		Verification: verification,
		Iterations:   n,
		WarmupNS:     warmup,
		SamplesNS:    samples,
		Mismatches:   r.mismatches,
		Counters:     c,
	}))
}

// calibrate finds the iteration count per sample (PROTOCOL.md step 3).
func (r *runner[T]) calibrate(target time.Duration) (int64, error) {
	n := int64(1)
	for {
		elapsed, err := r.sample(n)
		if err != nil {
			return 0, err
		}
		if elapsed >= target {
			return n, nil
		}
		n = nextIterations(n, elapsed, target)
	}
}

func (r *runner[T]) samples(count int, n int64) ([]int64, error) {
	ns := make([]int64, 0, count)
	for range count {
		d, err := r.sample(n)
		if err != nil {
			return nil, err
		}
		ns = append(ns, d.Nanoseconds())
	}
	return ns, nil
}

// counters merges the workload's counters with the Go runtime's: garbage
// collection over the timed samples, allocation per iteration, and the two
// runtime knobs that shape both (benchctl sets GOMAXPROCS to the child's CPU
// set; GOGC is the environment's or the default 100, -1 when off).
func counters(workload map[string]int64, before, after *runtime.MemStats, iterations int64) map[string]int64 {
	c := map[string]int64{
		"gc_pause_total_ns":         int64(after.PauseTotalNs - before.PauseTotalNs),
		"num_gc":                    int64(after.NumGC - before.NumGC),
		"alloc_bytes_per_iteration": int64(after.TotalAlloc-before.TotalAlloc) / iterations,
		"mallocs_per_iteration":     int64(after.Mallocs-before.Mallocs) / iterations,
		"gomaxprocs":                int64(runtime.GOMAXPROCS(0)),
		"gogc":                      int64(gcPercent()),
	}
	maps.Copy(c, workload)
	return c
}

// gcPercent reads the current GOGC setting; the runtime offers no getter,
// so set a value and restore the old one.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// sender writes protocol lines; its line method takes an encoder's results
// directly.
type sender func([]byte) error

func (s sender) line(b []byte, err error) error {
	if err != nil {
		return fmt.Errorf("encoding a protocol message: %w", err)
	}
	return s(b)
}
