package benchlib

import (
	"math"
	"time"
)

// nextIterations is one calibration step of PROTOCOL.md: given that n
// iterations took elapsed, which fell short of target, it returns
// max(n+1, min(10·n, ceil(1.2·n·target/elapsed))). The 1.2 aims past the
// target so the next try usually suffices; the 10× cap keeps a noisy, too
// short first measurement from overshooting wildly.
func nextIterations(n int64, elapsed, target time.Duration) int64 {
	grown := 10 * n
	// A zero reading (below clock resolution) says only "much too short".
	if elapsed > 0 {
		want := math.Ceil(1.2 * float64(n) * float64(target) / float64(elapsed))
		if want < float64(grown) {
			grown = int64(want)
		}
	}
	return max(n+1, grown)
}
