package allocsuite

import "time"

// ChurnResult is churn's result and verification value.
type ChurnResult struct {
	Ops      uint64 `json:"ops"`
	Checksum uint64 `json:"checksum"` // first and last bytes read back, mod 2^64
}

// PageStride is how far apart churn writes its byte: once per 4 KiB page,
// so every page of a block is touched.
const PageStride = 4096

// BatchOps is how many churn operations one clock reading covers.
const BatchOps = 8

// ChurnSize draws a block size from the SPEC's mix: the class, then the
// size within it.
func ChurnSize(g *SplitMix64) int {
	var lo, hi uint64
	switch c := g.Next() % 100; {
	case c < 60:
		lo, hi = 16, 256
	case c < 90:
		lo, hi = 257, 4096
	case c < 99:
		lo, hi = 4097, 32768
	default:
		lo, hi = 32769, 65536
	}
	return int(lo + g.Next()%(hi-lo+1))
}

// Churner runs churn on the garbage-collected heap: a block is a []byte
// from make, and freeing it is dropping the slot's reference (the garbage
// collector reclaims it). Go has no way to free a block itself.
type Churner struct {
	ops   uint64
	seed  uint64
	slots [][]byte    // the live set, nil = empty; all nil between iterations
	hist  *Histogram  // batch times, recorded in iterations that start timed
	timed func() bool // whether the loop is in its timed samples
}

// NewChurner returns a churn body over live slots that records its batch
// times into hist whenever timed reports true (read once per iteration).
func NewChurner(live int, ops, seed uint64, hist *Histogram, timed func() bool) *Churner {
	return &Churner{ops: ops, seed: seed, slots: make([][]byte, live), hist: hist, timed: timed}
}

// Iteration runs one churn iteration (SPEC "churn").
func (c *Churner) Iteration() ChurnResult {
	g := NewSplitMix64(c.seed)
	slots, live := c.slots, uint64(len(c.slots))
	hist, record := c.hist, c.timed()
	var sum uint64

	// The clock is read in every iteration, timed or not, so that every
	// phase does the same work; only the timed samples' batches are kept.
	// time.Since of a time with a monotonic reading reads only that clock.
	start := time.Now()
	var last time.Duration
	for i := range c.ops {
		slot := g.Next() % live
		size := ChurnSize(&g)
		b := byte(g.Next())
		if old := slots[slot]; old != nil {
			sum += uint64(old[0]) + uint64(old[len(old)-1])
		}
		// Storing the new block drops the old one: that is its free.
		block := make([]byte, size)
		for off := 0; off < size; off += PageStride {
			block[off] = b
		}
		block[size-1] = b
		slots[slot] = block

		if i%BatchOps == BatchOps-1 {
			now := time.Since(start)
			if record {
				hist.Record(uint64(now - last))
			}
			last = now
		}
	}

	for i, block := range slots {
		if block != nil {
			sum += uint64(block[0]) + uint64(block[len(block)-1])
			slots[i] = nil
		}
	}
	return ChurnResult{Ops: c.ops, Checksum: sum}
}
