package allocsuite

import (
	"fmt"
	"syscall"
)

// ProcessCPU is the process's user + system CPU time in nanoseconds, all
// threads included (getrusage(RUSAGE_SELF)): next to wall time it shows the
// garbage collector's background workers.
func ProcessCPU() (int64, error) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, fmt.Errorf("getrusage(RUSAGE_SELF): %w", err)
	}
	return ru.Utime.Nano() + ru.Stime.Nano(), nil
}
