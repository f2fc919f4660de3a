package spscsuite

import (
	"fmt"
	"time"
)

// Received is what a consumer loop gathers from the items it pops: their
// sum and the first one out of sequence. Its methods take and return
// values, so a loop that writes r = r.Take(i, v) keeps it in registers
// (the compiler does not keep a struct whose address is taken there).
type Received struct {
	Sum      uint64
	Wrong    bool   // an item was out of sequence
	Position uint64 // the first such item's position in the iteration
	Got      uint64 // and its value
}

// Take adds item v, expected to be i, the item's position in the
// iteration. A wrong item is remembered, not fatal: the consumer still
// receives every item so the producer is never left blocked.
func (r Received) Take(i, v uint64) Received {
	r.Sum += v
	if v != i && !r.Wrong {
		r.Wrong, r.Position, r.Got = true, i, v
	}
	return r
}

// err is the SPEC's sequence error for iteration k, or nil.
func (r Received) err(k uint64) error {
	if !r.Wrong {
		return nil
	}
	return fmt.Errorf("sequence error in iteration %d: expected item %d, got %d", k, r.Position, r.Got)
}

// Trips is the latency producer's side of one iteration: the per-trip
// clock, the histogram it feeds during the timed samples, and what came
// back. Unlike Received it lives in memory: the clock read in every trip is
// a call, around which registers are saved anyway.
type Trips struct {
	hist   *Histogram
	record bool // the loop is in its timed samples
	start  time.Time
	last   time.Duration // start to the end of the previous trip

	count, sum uint64
	wrong      bool
	trip, got  uint64 // the first trip whose item came back changed
}

// begin starts an iteration: the one clock read before the first trip.
func (t *Trips) begin(record bool) {
	*t = Trips{hist: t.hist, record: record, start: time.Now()}
}

// Back ends round trip i, in which item v came back: one monotonic clock
// read (time.Since of a time with a monotonic reading reads nothing else),
// recorded as the trip's duration when timing.
func (t *Trips) Back(i, v uint64) {
	now := time.Since(t.start)
	if t.record {
		t.hist.Record(uint64(now - t.last))
	}
	t.last = now
	t.count++
	t.sum += v
	if v != i && !t.wrong {
		t.wrong, t.trip, t.got = true, i, v
	}
}

// err is the SPEC's round-trip error, or nil.
func (t *Trips) err() error {
	if !t.wrong {
		return nil
	}
	return fmt.Errorf("round trip %d: sent %d, got %d back", t.trip, t.trip, t.got)
}
