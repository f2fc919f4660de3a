package allocsuite

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
)

// goBuckets are boundaries shaped like the runtime's: underflow, then
// 0, 64, 128, 192, 256, 320 ns, then overflow.
var goBuckets = []float64{math.Inf(-1), 0, 64e-9, 128e-9, 192e-9, 256e-9, 320e-9, math.Inf(1)}

func TestPausesOfKnownCounts(t *testing.T) {
	// 100 pauses: 50 in [64, 128), 49 in [128, 192), 1 in [256, 320).
	counts := []uint64{0, 0, 50, 49, 0, 1, 0}
	// p50: rank 50 is reached in [64, 128): upper 128. p99: rank 99 in
	// [128, 192): 192. Max: the last non-empty bucket's upper bound, 320.
	want := PauseStats{Count: 100, P50: 128, P99: 192, Max: 320}
	if got := Pauses(goBuckets, counts); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	// One more, in [192, 256), makes 101: p50's rank ceil(50.5) = 51 moves
	// up to [128, 192), p99's ceil(99.99) = 100 to the new pause's bucket.
	counts[4] = 1
	want = PauseStats{Count: 101, P50: 192, P99: 256, Max: 320}
	if got := Pauses(goBuckets, counts); got != want {
		t.Errorf("101 pauses: got %+v, want %+v", got, want)
	}
}

func TestPausesEdges(t *testing.T) {
	if got := Pauses(goBuckets, make([]uint64, 7)); got != (PauseStats{}) {
		t.Errorf("no pauses: %+v, want zeros", got)
	}
	// Only the overflow bucket: its lower bound stands in for the upper.
	if got := Pauses(goBuckets, []uint64{0, 0, 0, 0, 0, 0, 2}); got != (PauseStats{Count: 2, P50: 320, P99: 320, Max: 320}) {
		t.Errorf("overflow: %+v", got)
	}
	// Only the underflow bucket.
	if got := Pauses(goBuckets, []uint64{3, 0, 0, 0, 0, 0, 0}); got != (PauseStats{Count: 3}) {
		t.Errorf("underflow: %+v", got)
	}
}

// The runtime's own boundaries convert to whole nanoseconds exactly.
func TestUpperNSOfTheRuntimesBuckets(t *testing.T) {
	var w GCWindow
	w.Begin()
	b := w.before[0].Value.Float64Histogram().Buckets
	seen := map[uint64]bool{}
	for i := 1; i+2 < len(b); i++ {
		ns := upperNS(b, i)
		if seen[ns] || float64(ns)/1e9 != b[i+1] {
			t.Fatalf("bucket %d: upper bound %v s gave %d ns", i, b[i+1], ns)
		}
		seen[ns] = true
	}
}

// Forced collections inside the window are its cycles, each with at least
// its two stop-the-world pauses, and none outside it is counted.
func TestGCWindowCountsForcedCycles(t *testing.T) {
	if err := CheckGCMetrics(); err != nil {
		t.Fatal(err)
	}
	defer debug.SetGCPercent(debug.SetGCPercent(-1)) // no automatic cycles
	runtime.GC()                                     // nothing in flight
	var w GCWindow
	w.Begin()
	for range 3 {
		runtime.GC()
	}
	c := w.End()
	runtime.GC()
	t.Logf("%v", c)
	if c["gc_cycles"] != 3 || c["gc_pause_count"] < 6 {
		t.Errorf("3 forced cycles gave %v", c)
	}
	if c["gc_pause_total_ns"] <= 0 || c["gc_pause_total_ns"] > c["gc_pause_count"]*c["gc_pause_max_ns"] {
		t.Errorf("total %d ns for %d pauses of at most %d ns", c["gc_pause_total_ns"], c["gc_pause_count"], c["gc_pause_max_ns"])
	}
	if !(0 < c["gc_pause_p50_ns"] && c["gc_pause_p50_ns"] <= c["gc_pause_p99_ns"] && c["gc_pause_p99_ns"] <= c["gc_pause_max_ns"]) {
		t.Errorf("p50 %d, p99 %d, max %d out of order", c["gc_pause_p50_ns"], c["gc_pause_p99_ns"], c["gc_pause_max_ns"])
	}
}

func TestMemoryLimitReadsTheSetting(t *testing.T) {
	old := debug.SetMemoryLimit(1 << 40)
	defer debug.SetMemoryLimit(old)
	if got := MemoryLimit(); got != 1<<40 {
		t.Errorf("MemoryLimit() = %d, want %d", got, int64(1<<40))
	}
}
