package allocsuite

// TimedStats gathers the counters every Go alloc workload reports over its
// timed samples: CPU time per iteration and the garbage collector's
// pauses and cycles. Its Begin and End are the timed-phase hooks; the body
// calls Iteration first thing in every iteration.
type TimedStats struct {
	timing     func() bool // the benchlib's Bench.Timing
	iterations int64       // iterations that started while timing
	cpuStart   int64
	gc         GCWindow
}

// NewTimedStats checks that the process CPU time and the runtime/metrics
// it reads are available, so a failure is a setup error, not a panic in
// a hook.
func NewTimedStats(timing func() bool) (*TimedStats, error) {
	if _, err := ProcessCPU(); err != nil {
		return nil, err
	}
	if err := CheckGCMetrics(); err != nil {
		return nil, err
	}
	return &TimedStats{timing: timing}, nil
}

// Iteration counts an iteration if it runs in the timed samples. The
// BeforeTimed/AfterTimed hooks are not told how many iterations ran, so
// the body counts them.
func (s *TimedStats) Iteration() {
	if s.timing() {
		s.iterations++
	}
}

// Begin is the BeforeTimed hook. The CPU clock is read last, so the GC
// window's own reads are not charged to the iterations.
func (s *TimedStats) Begin() {
	s.iterations = 0
	s.gc.Begin()
	s.cpuStart = mustProcessCPU()
}

// End is the AfterTimed hook: cpu_per_iteration_ns and the gc_* counters.
func (s *TimedStats) End() map[string]int64 {
	cpu := mustProcessCPU() - s.cpuStart
	c := s.gc.End()
	c["cpu_per_iteration_ns"] = cpu / max(s.iterations, 1)
	return c
}

// mustProcessCPU is ProcessCPU in a hook, which cannot return an error;
// NewTimedStats has already seen getrusage work, and it fails only on a
// bad argument.
func mustProcessCPU() int64 {
	ns, err := ProcessCPU()
	if err != nil {
		panic(err)
	}
	return ns
}

// Settings are the runtime settings the SPEC asks every Go result to
// record that the benchlib does not already (it reports gogc and
// gomaxprocs): the memory limit, and the GOEXPERIMENTs that change how
// this suite allocates and collects, 1 if the binary was built with them.
func Settings() map[string]int64 {
	return map[string]int64{
		"gomemlimit_bytes":        MemoryLimit(),
		"goexperiment_arenas":     arenasExperiment,
		"goexperiment_greenteagc": greenteagcExperiment,
	}
}
