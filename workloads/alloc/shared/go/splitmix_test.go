package allocsuite

import "testing"

func TestSplitMix64FirstOutputsOfZero(t *testing.T) {
	g := NewSplitMix64(0)
	for i, want := range []uint64{0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F} {
		if got := g.Next(); got != want {
			t.Errorf("output %d = %#016x, want %#016x", i, got, want)
		}
	}
}
