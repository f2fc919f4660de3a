package spscsuite

// session is one process's run of an operation: the queues' loops, the
// control block and, for latency, the round-trip clock and histogram.
type session struct {
	p      Params
	loops  Loops
	ctl    *control
	k      uint64 // the last iteration started (1 is the self-check)
	timing func() bool
	trips  Trips
	hist   *Histogram
}

func newSession(p Params, loops Loops, timing func() bool) *session {
	s := &session{p: p, loops: loops, ctl: NewAligned[control](), timing: timing, hist: new(Histogram)}
	s.trips.hist = s.hist
	return s
}

// throughput is one throughput iteration on the producer thread.
func (s *session) throughput() (ThroughputResult, error) {
	s.k++
	s.ctl.start.Store(s.k)
	s.loops.Produce(s.p.Items)
	items, r := s.ctl.await(s.k)
	if err := r.err(s.k); err != nil {
		return ThroughputResult{}, err
	}
	return ThroughputResult{Items: items, Sum: r.Sum}, nil
}

// latency is one latency iteration on the producer thread. Its trips are
// recorded in the histogram only during the timed samples.
func (s *session) latency() (LatencyResult, error) {
	s.k++
	s.ctl.start.Store(s.k)
	s.trips.begin(s.timing())
	s.loops.Ping(s.p.RoundTrips, &s.trips)
	_, r := s.ctl.await(s.k)
	// The consumer's check comes first: an item it got wrong comes back
	// wrong too.
	if err := r.err(s.k); err != nil {
		return LatencyResult{}, err
	}
	if err := s.trips.err(); err != nil {
		return LatencyResult{}, err
	}
	return LatencyResult{RoundTrips: s.trips.count, Sum: s.trips.sum}, nil
}

// consume is the consumer thread's work until stop. The loops pop exactly
// the count they are given, so that is the count of items received.
func (s *session) consume() {
	switch s.p.Op {
	case Throughput:
		s.ctl.consume(func() (uint64, Received) { return s.p.Items, s.loops.Consume(s.p.Items) })
	case Latency:
		s.ctl.consume(func() (uint64, Received) { return s.p.RoundTrips, s.loops.Pong(s.p.RoundTrips) })
	}
}

// stop ends the consumer thread (the caller then waits for it): the SPEC's
// go = u64::MAX, and a wake-up for a consumer that may block in a queue.
func (s *session) stop() {
	s.ctl.start.Store(stop)
	if c, ok := s.loops.(Closer); ok {
		c.Close()
	}
}
