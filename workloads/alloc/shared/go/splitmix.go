// Package allocsuite runs the alloc suite (workloads/alloc/SPEC.md) for Go:
// the random stream, parameters, the three operations, the churn batch
// histogram and the counters every Go tier reports (CPU time, GC pauses and
// the runtime's GC settings). A tier supplies only what differs in how it
// allocates and releases (Tier).
package allocsuite

// SplitMix64 is the SPEC's random stream: every random choice of an
// operation comes from one of these, in the order the SPEC states.
type SplitMix64 struct {
	s uint64
}

// NewSplitMix64 returns a generator whose state is seed.
func NewSplitMix64(seed uint64) SplitMix64 {
	return SplitMix64{s: seed}
}

// Next advances the state and returns the next output (all arithmetic
// mod 2^64).
func (g *SplitMix64) Next() uint64 {
	g.s += 0x9E3779B97F4A7C15
	z := g.s
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}
