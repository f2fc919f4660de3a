package allocsuite

import (
	"maps"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
)

func TestTimedStatsCountsOnlyTimedIterations(t *testing.T) {
	timing := false
	s, err := NewTimedStats(func() bool { return timing })
	if err != nil {
		t.Fatal(err)
	}
	s.Iteration() // a warm-up iteration
	s.Begin()
	timing = true
	for range 4 {
		s.Iteration()
		RunRequests(20, 500, 42, GCRequest) // some CPU time to measure
	}
	timing = false
	c := s.End()
	if s.iterations != 4 {
		t.Errorf("%d timed iterations counted, want 4", s.iterations)
	}
	for _, name := range []string{"cpu_per_iteration_ns", "gc_pause_count", "gc_pause_total_ns", "gc_pause_p50_ns", "gc_pause_p99_ns", "gc_pause_max_ns", "gc_cycles"} {
		if _, ok := c[name]; !ok {
			t.Errorf("no %s in %v", name, c)
		}
	}
	if c["cpu_per_iteration_ns"] <= 0 {
		t.Errorf("cpu_per_iteration_ns %d, want > 0", c["cpu_per_iteration_ns"])
	}
}

// The experiment counters agree with what the build recorded:
// debug.ReadBuildInfo's GOEXPERIMENT lists the experiments that differ
// from the toolchain's defaults (Go 1.26: greenteagc on, arenas off).
func TestSettingsMatchTheBuild(t *testing.T) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		t.Skip("no build information in this test binary")
	}
	var exps []string
	for _, s := range info.Settings {
		if s.Key == "GOEXPERIMENT" {
			exps = strings.Split(s.Value, ",")
		}
	}
	want := map[string]int64{"goexperiment_arenas": 0, "goexperiment_greenteagc": 1}
	if slices.Contains(exps, "arenas") {
		want["goexperiment_arenas"] = 1
	}
	if slices.Contains(exps, "nogreenteagc") {
		want["goexperiment_greenteagc"] = 0
	}
	old := debug.SetMemoryLimit(123 << 20)
	defer debug.SetMemoryLimit(old)
	want["gomemlimit_bytes"] = 123 << 20
	if got := Settings(); !maps.Equal(got, want) {
		t.Errorf("got %v, want %v (GOEXPERIMENT %q)", got, want, exps)
	}
}
