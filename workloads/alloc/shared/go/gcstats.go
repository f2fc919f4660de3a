package allocsuite

import (
	"fmt"
	"math"
	"runtime"
	"runtime/metrics"
)

// The runtime/metrics the SPEC names. Every GC stop-the-world pause (sweep
// termination and mark termination: at least two per cycle) is one sample
// of the pause distribution, measured from the moment the runtime starts
// stopping the world until it has restarted it.
const (
	gcPausesMetric = "/sched/pauses/total/gc:seconds"
	gcCyclesMetric = "/gc/cycles/total:gc-cycles"
	memLimitMetric = "/gc/gomemlimit:bytes"
)

// GCWindow measures the garbage collector over a stretch of the program
// (the timed samples): Begin and End read the pause distribution and the
// cycle count, and End reports the difference.
//
// runtime/metrics has no total pause time: /cpu/classes/gc/pause is
// multiplied by GOMAXPROCS and leaves out the time spent stopping. So
// gc_pause_total_ns is runtime.MemStats.PauseTotalNs's increase: the exact
// sum, per cycle, of the same per-pause durations the distribution
// buckets, added when the cycle ends (a cycle that began before Begin and
// ended inside the window counts both of its pauses there).
type GCWindow struct {
	before     []metrics.Sample
	pauseTotal uint64 // MemStats.PauseTotalNs at Begin
}

// gcSamples are the window's metrics in the order Begin and End read them.
func gcSamples() []metrics.Sample {
	return []metrics.Sample{{Name: gcPausesMetric}, {Name: gcCyclesMetric}}
}

// CheckGCMetrics fails if this runtime lacks a metric the window reads, or
// gives it another kind, so that the mistake shows at setup with the
// metric's name rather than as a panic in the hooks.
func CheckGCMetrics() error {
	s := append(gcSamples(), metrics.Sample{Name: memLimitMetric})
	metrics.Read(s)
	want := []metrics.ValueKind{metrics.KindFloat64Histogram, metrics.KindUint64, metrics.KindUint64}
	for i := range s {
		if k := s[i].Value.Kind(); k != want[i] {
			return fmt.Errorf("runtime/metrics %s: kind %d, want %d (%s)", s[i].Name, k, want[i], runtime.Version())
		}
	}
	return nil
}

// MemoryLimit is the runtime's memory limit (GOMEMLIMIT or
// debug.SetMemoryLimit) in bytes; math.MaxInt64 means none.
func MemoryLimit() int64 {
	s := []metrics.Sample{{Name: memLimitMetric}}
	metrics.Read(s)
	return int64(min(s[0].Value.Uint64(), math.MaxInt64))
}

// Begin starts the window.
func (w *GCWindow) Begin() {
	w.before = gcSamples()
	metrics.Read(w.before)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	w.pauseTotal = ms.PauseTotalNs
}

// End closes the window and returns its gc_* counters. Its reads nest
// inside Begin's: MemStats first, the metrics last.
func (w *GCWindow) End() map[string]int64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	after := gcSamples()
	metrics.Read(after)

	before, now := w.before[0].Value.Float64Histogram(), after[0].Value.Float64Histogram()
	counts := make([]uint64, len(now.Counts))
	for i := range counts {
		counts[i] = now.Counts[i] - before.Counts[i]
	}
	p := Pauses(now.Buckets, counts)
	return map[string]int64{
		"gc_pause_count":    int64(p.Count),
		"gc_pause_total_ns": int64(ms.PauseTotalNs - w.pauseTotal),
		"gc_pause_p50_ns":   int64(p.P50),
		"gc_pause_p99_ns":   int64(p.P99),
		"gc_pause_max_ns":   int64(p.Max),
		"gc_cycles":         int64(after[1].Value.Uint64() - w.before[1].Value.Uint64()),
	}
}

// PauseStats summarises a pause distribution in Go's buckets. Every value
// is a bucket's upper bound in nanoseconds: a pause is at most that long.
type PauseStats struct {
	Count, P50, P99, Max uint64
}

// Pauses summarises counts, the number of pauses in each bucket of a
// runtime/metrics Float64Histogram whose boundaries in seconds are buckets
// (len(counts)+1 of them). A quantile q = num/den is the upper bound of
// the first bucket at which the running count reaches ceil(count·q), at
// least 1, in exact integers as the churn histogram's; the max is the
// upper bound of the highest non-empty bucket. All 0 without pauses.
func Pauses(buckets []float64, counts []uint64) PauseStats {
	var s PauseStats
	for _, c := range counts {
		s.Count += c
	}
	if s.Count == 0 {
		return s
	}
	quantile := func(num, den uint64) uint64 {
		rank := max((s.Count*num+den-1)/den, 1)
		var running uint64
		for i, c := range counts {
			if running += c; running >= rank {
				return upperNS(buckets, i)
			}
		}
		return upperNS(buckets, len(counts)-1) // unreachable: counts sum to Count
	}
	s.P50, s.P99 = quantile(1, 2), quantile(99, 100)
	for i := len(counts) - 1; i >= 0; i-- {
		if counts[i] != 0 {
			s.Max = upperNS(buckets, i)
			break
		}
	}
	return s
}

// upperNS is bucket i's upper bound in whole nanoseconds. Go's boundaries
// are whole nanoseconds divided by 1e9, so rounding recovers them exactly.
// The overflow bucket (pauses over about 39 hours) has no upper bound: its
// lower one stands in. The underflow bucket (negative durations) gives 0.
func upperNS(buckets []float64, i int) uint64 {
	b := buckets[i+1]
	if math.IsInf(b, 1) {
		b = buckets[i]
	}
	if b <= 0 {
		return 0
	}
	return uint64(math.Round(b * 1e9))
}
