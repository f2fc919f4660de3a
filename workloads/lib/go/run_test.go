package benchlib

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"benchctl/workloads/lib/go/protocol"
)

// runLines runs w under cfg and returns the protocol lines it sent.
func runLines[T comparable](t *testing.T, cfg protocol.Config, w Workload[T]) ([]map[string]any, error) {
	t.Helper()
	return runTimed(t, cfg, w, new(atomic.Bool))
}

// runTimed is runLines with the timing flag that Bench.Timing reads.
func runTimed[T comparable](t *testing.T, cfg protocol.Config, w Workload[T], timing *atomic.Bool) ([]map[string]any, error) {
	t.Helper()
	var pipe bytes.Buffer
	err := run(cfg, w, timing, func() (int64, error) { return 1234, nil }, func(line []byte) error {
		pipe.Write(line)
		return nil
	})
	var msgs []map[string]any
	for _, line := range bytes.SplitAfter(pipe.Bytes(), []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal(line, &m); err != nil {
			t.Fatalf("line %q is not JSON: %v", line, err)
		}
		msgs = append(msgs, m)
	}
	return msgs, err
}

func TestRunFixedIterations(t *testing.T) {
	calls := 0
	msgs, err := runLines(t, protocol.Config{Warmup: 2, Samples: 3, Iterations: 4}, Workload[int]{
		Body: func() (int, error) { calls++; return 42, nil },
		Verification: func(v int) (any, error) {
			return map[string]int{"answer": v}, nil
		},
		Counters: map[string]int64{"bytes_per_iteration": 99},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 2 || msgs[0]["type"] != "setup" || msgs[1]["type"] != "result" {
		t.Fatalf("got messages %v", msgs)
	}
	if msgs[0]["rss_kb"] != 1234.0 {
		t.Errorf("rss_kb = %v", msgs[0]["rss_kb"])
	}
	res := msgs[1]
	// One self-check, then (2 warm-up + 3 timed) samples of 4 iterations.
	if calls != 1+5*4 {
		t.Errorf("body ran %d times, want 21", calls)
	}
	if v := res["verification"].(map[string]any)["answer"]; v != 42.0 {
		t.Errorf("verification = %v", res["verification"])
	}
	if res["iterations"] != 4.0 || len(res["warmup_ns"].([]any)) != 2 || len(res["samples_ns"].([]any)) != 3 {
		t.Errorf("result = %v", res)
	}
	counters := res["counters"].(map[string]any)
	for _, k := range []string{"bytes_per_iteration", "gc_pause_total_ns", "num_gc", "gomaxprocs", "gogc", "timed_minor_faults", "timed_major_faults"} {
		if _, ok := counters[k]; !ok {
			t.Errorf("counter %s missing from %v", k, counters)
		}
	}
}

func TestRunCountsMismatches(t *testing.T) {
	i := 0
	// The self-check sees 0; afterwards every third result differs.
	msgs, err := runLines(t, protocol.Config{Samples: 2, Iterations: 6}, Workload[int]{
		Body: func() (int, error) {
			v := 0
			if i > 0 && i%3 == 0 {
				v = i
			}
			i++
			return v, nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	// Iterations 1..12 after the self-check: 3, 6, 9 and 12 differ.
	if got := msgs[1]["mismatches"]; got != 4.0 {
		t.Errorf("mismatches = %v, want 4", got)
	}
}

func TestRunCalibrates(t *testing.T) {
	target := 2 * time.Millisecond
	msgs, err := runLines(t, protocol.Config{Samples: 1, MinSample: target}, Workload[int]{
		Body: func() (int, error) { time.Sleep(100 * time.Microsecond); return 1, nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	// Only bounds that hold on a loaded machine: each iteration sleeps at
	// least 100µs, so 20 reach the target and the growth rule
	// (ceil(1.2·n·target/elapsed)) never asks for more than 24; a preempted
	// first sample may legitimately end calibration at 1. The exact steps are
	// tested on given readings in calibrate_test.go.
	res := msgs[1]
	n := res["iterations"].(float64)
	if n < 1 || n > 24 {
		t.Errorf("calibrated to %v iterations of >=100µs for a 2ms target, want 1..24", n)
	}
	if ns := res["samples_ns"].([]any)[0].(float64); time.Duration(ns) < time.Duration(n)*100*time.Microsecond {
		t.Errorf("timed sample of %v iterations lasted %v, less than their sleeps", n, time.Duration(ns))
	}
}

func TestRunReportsBodyErrors(t *testing.T) {
	boom := errors.New("input.json: unexpected end of input at byte 7")
	msgs, err := runLines(t, protocol.Config{Samples: 1, Iterations: 1}, Workload[int]{
		Body: func() (int, error) { return 0, boom },
	})
	if !errors.Is(err, boom) {
		t.Errorf("run returned %v, want %v", err, boom)
	}
	if len(msgs) != 1 || msgs[0]["type"] != "setup" {
		t.Errorf("got messages %v, want only setup", msgs)
	}
}

// phaseLog is a workload that logs every body call as "t" (timing) or "-"
// (not) and each hook call by name, so tests can read the order back.
type phaseLog struct {
	timing *atomic.Bool
	events []string
}

func (p *phaseLog) workload() Workload[int] {
	return Workload[int]{
		Body: func() (int, error) {
			if p.timing.Load() {
				p.events = append(p.events, "t")
			} else {
				p.events = append(p.events, "-")
			}
			return 1, nil
		},
		BeforeTimed: func() { p.events = append(p.events, "before") },
		AfterTimed: func() map[string]int64 {
			p.events = append(p.events, "after")
			return nil
		},
	}
}

func TestRunCallsHooksAroundTimedSamples(t *testing.T) {
	p := &phaseLog{timing: new(atomic.Bool)}
	// Self-check 1 + warm-up 2×3 bodies untimed, then 2×3 timed bodies.
	if _, err := runTimed(t, protocol.Config{Warmup: 2, Samples: 2, Iterations: 3}, p.workload(), p.timing); err != nil {
		t.Fatal(err)
	}
	want := []string{"-", "-", "-", "-", "-", "-", "-", "before", "t", "t", "t", "t", "t", "t", "after"}
	if !slices.Equal(p.events, want) {
		t.Errorf("events %v, want %v", p.events, want)
	}
	if p.timing.Load() {
		t.Error("timing flag still set after the timed samples")
	}
}

func TestRunCallsHooksAfterCalibration(t *testing.T) {
	p := &phaseLog{timing: new(atomic.Bool)}
	w := p.workload()
	body := w.Body
	w.Body = func() (int, error) {
		for start := time.Now(); time.Since(start) < 50*time.Microsecond; {
		}
		return body()
	}
	msgs, err := runTimed(t, protocol.Config{Samples: 1, MinSample: time.Millisecond}, w, p.timing)
	if err != nil {
		t.Fatal(err)
	}
	log := strings.Join(p.events, " ")
	untimed, timed, ok := strings.Cut(log, " before ")
	timed, ok2 := strings.CutSuffix(timed, " after")
	if !ok || !ok2 || strings.Contains(timed, "before") || strings.Contains(timed, "after") {
		t.Fatalf("events %q: want one before, then one after at the end", log)
	}
	// Self-check and calibration come before the hook and are not timing;
	// the one timed sample is exactly the result's iterations, all timing.
	if strings.Contains(untimed, "t") || strings.Contains(timed, "-") {
		t.Errorf("events %q: timing flag wrong around the hooks", log)
	}
	if n := strings.Count(untimed, "-"); n < 2 {
		t.Errorf("%d untimed bodies, want the self-check and at least one calibration run: %q", n, log)
	}
	if got, want := float64(strings.Count(timed, "t")), msgs[1]["iterations"]; got != want {
		t.Errorf("%v timed bodies, result says %v iterations", got, want)
	}
}

func TestRunMergesAfterTimedCounters(t *testing.T) {
	msgs, err := runLines(t, protocol.Config{Samples: 1, Iterations: 1}, Workload[int]{
		Body:     func() (int, error) { return 1, nil },
		Counters: map[string]int64{"bytes_per_iteration": 10, "items": 5},
		AfterTimed: func() map[string]int64 {
			return map[string]int64{"items": 7, "rtt_p99_ns": 123, "num_gc": 99}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	counters := msgs[1]["counters"].(map[string]any)
	want := map[string]float64{
		"bytes_per_iteration": 10,  // the workload's alone
		"items":               7,   // both: the hook's wins
		"rtt_p99_ns":          123, // the hook's alone
		"num_gc":              99,  // the runtime's overridden by the hook
	}
	for k, v := range want {
		if counters[k] != v {
			t.Errorf("counter %s = %v, want %v (all: %v)", k, counters[k], v, counters)
		}
	}
	if _, ok := counters["gomaxprocs"]; !ok {
		t.Errorf("runtime counter gomaxprocs missing from %v", counters)
	}
}

func TestRunSkipsAfterTimedOnBodyError(t *testing.T) {
	calls, after := 0, false
	boom := errors.New("sequence error in iteration 3: expected item 5, got 6")
	_, err := runLines(t, protocol.Config{Samples: 2, Iterations: 1}, Workload[int]{
		Body: func() (int, error) {
			calls++
			if calls == 3 {
				return 0, boom
			}
			return 1, nil
		},
		AfterTimed: func() map[string]int64 { after = true; return nil },
	})
	if !errors.Is(err, boom) {
		t.Errorf("run returned %v, want %v", err, boom)
	}
	if after {
		t.Error("AfterTimed ran although a timed sample failed")
	}
}
