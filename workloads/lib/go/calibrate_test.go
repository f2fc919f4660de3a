package benchlib

import (
	"testing"
	"time"
)

func TestNextIterations(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		name    string
		n       int64
		elapsed time.Duration
		target  time.Duration
		want    int64
	}{
		// ceil(1.2·1·100/1) = 120, capped at 10·1.
		{"far too short is capped at 10x", 1, 1 * ms, 100 * ms, 10},
		// ceil(1.2·10·100/40) = 30.
		{"proportional step", 10, 40 * ms, 100 * ms, 30},
		// ceil(1.2·7·100/30) = ceil(28.0) = 28: exact products do not round up.
		{"exact product", 7, 30 * ms, 100 * ms, 28},
		// ceil(1.2·3·100/70) = ceil(5.142…) = 6.
		{"fraction rounds up", 3, 70 * ms, 100 * ms, 6},
		// ceil(1.2·5·100/99) = ceil(6.06) = 7.
		{"nearly there", 5, 99 * ms, 100 * ms, 7},
		// ceil(1.2·1·100/95) = 2, which is also n+1.
		{"always grows by at least one", 1, 95 * ms, 100 * ms, 2},
		// ceil(1.2·100·100/99.9) = 121; n+1 would be 101.
		{"large n just short", 100, 99900 * time.Microsecond, 100 * ms, 121},
		{"zero reading grows 10x", 4, 0, 100 * ms, 40},
	}
	for _, tt := range tests {
		if got := nextIterations(tt.n, tt.elapsed, tt.target); got != tt.want {
			t.Errorf("%s: nextIterations(%d, %v, %v) = %d, want %d", tt.name, tt.n, tt.elapsed, tt.target, got, tt.want)
		}
	}
}
