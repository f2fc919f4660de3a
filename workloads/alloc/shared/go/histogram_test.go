package allocsuite

import (
	"math"
	"testing"
)

func TestBucketKnownValues(t *testing.T) {
	for _, c := range []struct {
		v    uint64
		want int
	}{
		{0, 0}, {1, 1}, {63, 63}, // exact below 64
		{64, 64}, {65, 64}, {66, 65}, {127, 95}, // octave 6: 2 ns a bucket
		{128, 96}, {131, 96}, {132, 97}, // octave 7: 4 ns a bucket
		{1000, 190}, // e = 9, s = 1000>>4 & 31 = 30
		{5000, 263}, // e = 12, s = 5000>>7 & 31 = 7: 64 + 6·32 + 7
		{1 << 63, 1888},
		{math.MaxUint64, Buckets - 1},
	} {
		if got := Bucket(c.v); got != c.want {
			t.Errorf("Bucket(%d) = %d, want %d", c.v, got, c.want)
		}
	}
}

func TestBucketFloorKnownValues(t *testing.T) {
	for _, c := range []struct {
		b    int
		want uint64
	}{
		{0, 0}, {63, 63}, {64, 64}, {65, 66}, {95, 126}, {96, 128},
		{190, 992}, {263, 4992}, {1888, 1 << 63}, {Buckets - 1, 63 << 58},
	} {
		if got := BucketFloor(c.b); got != c.want {
			t.Errorf("BucketFloor(%d) = %d, want %d", c.b, got, c.want)
		}
	}
}

// Every value lies in [floor of its bucket, floor of the next).
func TestBucketBoundsItsValue(t *testing.T) {
	check := func(v uint64) {
		b := Bucket(v)
		if BucketFloor(b) > v || (b+1 < Buckets && BucketFloor(b+1) <= v) {
			t.Fatalf("value %d in bucket %d = [%d, %d)", v, b, BucketFloor(b), BucketFloor(b+1))
		}
	}
	for v := range uint64(1 << 16) {
		check(v)
	}
	for e := 16; e < 64; e++ {
		for _, d := range []uint64{0, 1, 1<<(e-5) - 1, 1 << (e - 5), 1<<e - 1} {
			check(1<<e + d)
			check(1<<e - 1 - d)
		}
	}
	check(math.MaxUint64)
}

func TestQuantilesOfOneToHundred(t *testing.T) {
	var h Histogram
	for v := uint64(1); v <= 100; v++ {
		h.Record(v)
	}
	// p50: the 50th value, exact. p99: the 99th, 99, in bucket [98, 100).
	// p999: ceil(99.9) = 100th value, 100, in bucket [100, 102).
	want := map[string]int64{"churn_batch_p50_ns": 50, "churn_batch_p99_ns": 98, "churn_batch_p999_ns": 100, "churn_batch_max_ns": 100, "churn_batches": 100}
	got := h.ChurnCounters()
	if len(got) != len(want) {
		t.Errorf("counters %v, want the five churn_batch_ ones", got)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %d, want %d", k, got[k], v)
		}
	}
}

func TestQuantilesOfATail(t *testing.T) {
	var h Histogram
	for range 998 {
		h.Record(10)
	}
	h.Record(5000)
	h.Record(5003)
	// ceil(0.999·1000) = 999 reaches the tail's bucket [4992, 5120);
	// ceil(0.99·1000) = 990 does not.
	if got := h.Quantile(99, 100); got != 10 {
		t.Errorf("p99 = %d, want 10", got)
	}
	if got := h.Quantile(999, 1000); got != 4992 {
		t.Errorf("p999 = %d, want 4992", got)
	}
	if h.Max() != 5003 || h.Count() != 1000 {
		t.Errorf("max %d count %d, want 5003 and 1000", h.Max(), h.Count())
	}
	// A rank below 1 still needs one value.
	if got := h.Quantile(0, 1); got != 10 {
		t.Errorf("q=0 gives %d, want the first value's bucket 10", got)
	}
}

func TestEmptyHistogramCountersAreZero(t *testing.T) {
	var h Histogram
	h.Record(123456)
	h.Reset()
	for k, v := range h.ChurnCounters() {
		if v != 0 {
			t.Errorf("%s = %d after Reset, want 0", k, v)
		}
	}
}
