package spscsuite

import (
	"testing"
)

// chanLoops is a plain channel queue for driving the session in tests. Its
// hooks bend one item so the checks can be seen to fire.
type chanLoops struct {
	to, back chan uint64
	sendAs   func(i uint64) uint64 // what the producer sends as item i
	echo     func(v uint64) uint64 // what the consumer sends back for v
	closed   bool
}

func newChanLoops(capacity int) *chanLoops {
	same := func(v uint64) uint64 { return v }
	return &chanLoops{to: make(chan uint64, capacity), back: make(chan uint64, capacity), sendAs: same, echo: same}
}

func (l *chanLoops) Produce(items uint64) {
	for i := range items {
		l.to <- l.sendAs(i)
	}
}

func (l *chanLoops) Consume(items uint64) (r Received) {
	for i := range items {
		r = r.Take(i, <-l.to)
	}
	return r
}

func (l *chanLoops) Ping(trips uint64, t *Trips) {
	for i := range trips {
		l.to <- l.sendAs(i)
		t.Back(i, <-l.back)
	}
}

func (l *chanLoops) Pong(trips uint64) (r Received) {
	for i := range trips {
		v := <-l.to
		r = r.Take(i, v)
		l.back <- l.echo(v)
	}
	return r
}

func (l *chanLoops) Close() { l.closed = true }

// startSession runs a session's consumer in a goroutine (unpinned) and
// returns the session and a func that stops it and waits.
func startSession(t *testing.T, p Params, l Loops, timing func() bool) (*session, func()) {
	t.Helper()
	s := newSession(p, l, timing)
	exited := make(chan struct{})
	go func() {
		defer close(exited)
		s.consume()
	}()
	return s, func() {
		s.stop()
		<-exited
	}
}

func TestThroughputIterations(t *testing.T) {
	l := newChanLoops(8)
	s, stop := startSession(t, Params{Op: Throughput, Capacity: 8, Items: 1000, RoundTrips: 1}, l, nil)
	for k := 1; k <= 3; k++ {
		r, err := s.throughput()
		if err != nil {
			t.Fatal(err)
		}
		if r != (ThroughputResult{Items: 1000, Sum: 499500}) {
			t.Errorf("iteration %d: %+v, want 1000 items summing to 499500", k, r)
		}
	}
	stop()
	if !l.closed {
		t.Error("stop did not close the loops")
	}
}

func TestReceivedTake(t *testing.T) {
	var r Received
	for i, v := range []uint64{0, 1, 7, 3, 9} {
		r = r.Take(uint64(i), v)
	}
	if r != (Received{Sum: 20, Wrong: true, Position: 2, Got: 7}) {
		t.Errorf("got %+v, want sum 20 and the first wrong item at 2 (7)", r)
	}
	// The sum is mod 2^64, as the verification value's.
	r = Received{Sum: 1<<64 - 2}.Take(5, 5)
	if r.Sum != 3 || r.Wrong {
		t.Errorf("got %+v, want sum 3 and nothing wrong", r)
	}
}

func TestThroughputReportsFirstSequenceError(t *testing.T) {
	l := newChanLoops(16)
	s, stop := startSession(t, Params{Op: Throughput, Capacity: 16, Items: 64, RoundTrips: 1}, l, nil)
	defer stop()
	if _, err := s.throughput(); err != nil {
		t.Fatal(err)
	}
	// Swap items 5 and 6 in the second iteration: 5 is the first wrong.
	l.sendAs = func(i uint64) uint64 {
		switch i {
		case 5:
			return 6
		case 6:
			return 5
		}
		return i
	}
	_, err := s.throughput()
	if err == nil || err.Error() != "sequence error in iteration 2: expected item 5, got 6" {
		t.Errorf("got %v", err)
	}
	// The consumer still took every item: the next iteration is clean.
	l.sendAs = func(i uint64) uint64 { return i }
	if r, err := s.throughput(); err != nil || r.Sum != 64*63/2 {
		t.Errorf("after the error: %+v, %v", r, err)
	}
}

func TestLatencyIterationsRecordOnlyWhenTiming(t *testing.T) {
	timing := false
	s, stop := startSession(t, Params{Op: Latency, Capacity: 2, Items: 1, RoundTrips: 500}, newChanLoops(2), func() bool { return timing })
	defer stop()
	for _, timing = range []bool{false, true, true, false} {
		r, err := s.latency()
		if err != nil {
			t.Fatal(err)
		}
		if r != (LatencyResult{RoundTrips: 500, Sum: 500 * 499 / 2}) {
			t.Errorf("%+v, want 500 round trips summing to 124750", r)
		}
	}
	if got := s.hist.Count(); got != 2*500 {
		t.Errorf("histogram holds %d trips, want the 1000 of the two timing iterations", got)
	}
	if s.hist.Max() == 0 || s.hist.Quantile(1, 2) > s.hist.Max() {
		t.Errorf("median %d, max %d", s.hist.Quantile(1, 2), s.hist.Max())
	}
}

func TestLatencyReportsWhatCameBackWrong(t *testing.T) {
	l := newChanLoops(2)
	l.echo = func(v uint64) uint64 {
		if v == 7 {
			return 70
		}
		return v
	}
	s, stop := startSession(t, Params{Op: Latency, Capacity: 2, Items: 1, RoundTrips: 20}, l, func() bool { return false })
	defer stop()
	_, err := s.latency()
	if err == nil || err.Error() != "round trip 7: sent 7, got 70 back" {
		t.Errorf("got %v", err)
	}
}

func TestLatencyConsumerErrorComesFirst(t *testing.T) {
	l := newChanLoops(2)
	l.sendAs = func(i uint64) uint64 {
		if i == 3 {
			return 33
		}
		return i
	}
	s, stop := startSession(t, Params{Op: Latency, Capacity: 2, Items: 1, RoundTrips: 20}, l, func() bool { return false })
	defer stop()
	_, err := s.latency()
	if err == nil || err.Error() != "sequence error in iteration 1: expected item 3, got 33" {
		t.Errorf("got %v", err)
	}
}
