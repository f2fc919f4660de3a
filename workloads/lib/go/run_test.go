package benchlib

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"benchctl/workloads/lib/go/protocol"
)

// runLines runs w under cfg and returns the protocol lines it sent.
func runLines[T comparable](t *testing.T, cfg protocol.Config, w Workload[T]) ([]map[string]any, error) {
	t.Helper()
	var pipe bytes.Buffer
	err := run(cfg, w, func() (int64, error) { return 1234, nil }, func(line []byte) error {
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
	for _, k := range []string{"bytes_per_iteration", "gc_pause_total_ns", "num_gc", "gomaxprocs", "gogc"} {
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
	res := msgs[1]
	n := res["iterations"].(float64)
	if n < 2 {
		t.Errorf("calibrated to %v iterations of >=100µs for a 2ms target", n)
	}
	if ns := res["samples_ns"].([]any)[0].(float64); time.Duration(ns) < target/2 {
		t.Errorf("timed sample lasted %v, want about %v", time.Duration(ns), target)
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
