package allocsuite

import (
	"math/bits"
)

// Buckets is the histogram's bucket count: 64 exact values below 64 ns,
// then 32 buckets for each octave 2^6 … 2^63 (the spsc SPEC's histogram,
// which the alloc SPEC reuses for churn's batch times).
const Buckets = 64 + (64-6)*32

// Histogram records batch times in nanoseconds, bucketed exactly as the
// spsc SPEC says so that every language reports the same percentiles for
// the same times. The code is the spsc suite's, copied: suites do not
// import each other.
type Histogram struct {
	counts [Buckets]uint64
	count  uint64
	max    uint64
}

// Bucket is the bucket of a value v: v itself below 64, else
// 64 + (e−6)·32 + s with e = floor(log2 v) and s the five bits below the
// leading one.
func Bucket(v uint64) int {
	if v < 64 {
		return int(v)
	}
	e := bits.Len64(v) - 1
	s := int(v>>(e-5)) & 31
	return 64 + (e-6)*32 + s
}

// BucketFloor is the smallest value that falls in bucket b.
func BucketFloor(b int) uint64 {
	if b < 64 {
		return uint64(b)
	}
	e := 6 + (b-64)/32
	s := uint64((b - 64) % 32)
	return (32 + s) << (e - 5)
}

// Record adds one value.
func (h *Histogram) Record(v uint64) {
	h.counts[Bucket(v)]++
	h.count++
	h.max = max(h.max, v)
}

// Reset forgets every value.
func (h *Histogram) Reset() {
	*h = Histogram{}
}

// Count is the number of values recorded.
func (h *Histogram) Count() uint64 { return h.count }

// Max is the exact largest value recorded, 0 if none.
func (h *Histogram) Max() uint64 { return h.max }

// Quantile is the floor of the first bucket at which the running count
// reaches ceil(count·num/den) (at least 1), q = num/den (p99 is 99/100);
// 0 with no values. The rank is exact integer arithmetic, as in the other
// languages: in float64, q·count can land a hair above a whole number and
// take the next rank.
func (h *Histogram) Quantile(num, den uint64) uint64 {
	if h.count == 0 {
		return 0
	}
	rank := max((h.count*num+den-1)/den, 1)
	var running uint64
	for b, c := range h.counts {
		running += c
		if running >= rank {
			return BucketFloor(b)
		}
	}
	// Unreachable for q <= 1: the buckets sum to count.
	return BucketFloor(Buckets - 1)
}

// ChurnCounters are churn's churn_batch_* counters over what was
// recorded.
func (h *Histogram) ChurnCounters() map[string]int64 {
	return map[string]int64{
		"churn_batch_p50_ns":  int64(h.Quantile(1, 2)),
		"churn_batch_p99_ns":  int64(h.Quantile(99, 100)),
		"churn_batch_p999_ns": int64(h.Quantile(999, 1000)),
		"churn_batch_max_ns":  int64(h.max),
		"churn_batches":       int64(h.count),
	}
}
