package allocsuite

import "testing"

// replayChurn is the checksum as benchctl computes it: the random stream
// replayed, each slot's size and byte kept, nothing allocated.
func replayChurn(live int, ops, seed uint64) uint64 {
	type slot struct {
		full bool
		b    byte
	}
	slots := make([]slot, live)
	g := NewSplitMix64(seed)
	var sum uint64
	for range ops {
		s := &slots[g.Next()%uint64(live)]
		ChurnSize(&g)
		b := byte(g.Next() & 0xFF)
		if s.full {
			sum += 2 * uint64(s.b)
		}
		*s = slot{true, b}
	}
	for _, s := range slots {
		if s.full {
			sum += 2 * uint64(s.b)
		}
	}
	return sum
}

func TestChurnKnownChecksums(t *testing.T) {
	for _, c := range []struct {
		live      int
		ops, want uint64
	}{{1000, 20000, 5118772}, {10000, 200000, 50961184}} {
		if got := replayChurn(c.live, c.ops, 42); got != c.want {
			t.Errorf("replay LIVE=%d OPS=%d: %d, want %d", c.live, c.ops, got, c.want)
		}
		var h Histogram
		ch := NewChurner(c.live, c.ops, 42, &h, func() bool { return false })
		for k := range 2 { // the second iteration must start from empty slots
			if got := ch.Iteration(); got != (ChurnResult{Ops: c.ops, Checksum: c.want}) {
				t.Errorf("LIVE=%d OPS=%d iteration %d: %+v, want checksum %d", c.live, c.ops, k, got, c.want)
			}
		}
	}
}

func TestChurnMatchesReplay(t *testing.T) {
	for _, c := range []struct {
		live      int
		ops, seed uint64
	}{{1, 50, 0}, {3, 1001, 7}, {64, 5000, ^uint64(0)}} {
		var h Histogram
		got := NewChurner(c.live, c.ops, c.seed, &h, func() bool { return false }).Iteration()
		if want := replayChurn(c.live, c.ops, c.seed); got.Checksum != want {
			t.Errorf("%+v: checksum %d, want %d", c, got.Checksum, want)
		}
	}
}

func TestChurnSizesStayInTheirClasses(t *testing.T) {
	g := NewSplitMix64(1)
	counts := map[int]int{}
	for range 100000 {
		s := ChurnSize(&g)
		switch {
		case s >= 16 && s <= 256:
			counts[0]++
		case s <= 4096:
			counts[1]++
		case s <= 32768:
			counts[2]++
		case s <= 65536:
			counts[3]++
		default:
			t.Fatalf("size %d outside 16 … 65536", s)
		}
	}
	// 60/30/9/1 %, within a loose margin for 100000 draws.
	for class, want := range []int{60000, 30000, 9000, 1000} {
		if d := counts[class] - want; d < -want/10 || d > want/10 {
			t.Errorf("class %d drawn %d times, want about %d", class, counts[class], want)
		}
	}
}

// Batches are recorded only in iterations that start while timing: one
// per 8 operations, the final partial batch and the final frees untimed.
func TestChurnRecordsBatchesOnlyWhenTimed(t *testing.T) {
	var h Histogram
	timing := false
	ch := NewChurner(100, 8*10+5, 42, &h, func() bool { return timing })
	for _, timing = range []bool{false, true, true, false} {
		ch.Iteration()
	}
	if h.Count() != 2*10 {
		t.Errorf("%d batches recorded, want 20 from the two timed iterations", h.Count())
	}
	if h.Max() == 0 {
		t.Error("every recorded batch took 0 ns")
	}
}
