package benchlib

import "syscall"

// pageFaults are the process's minor and major page faults so far (every
// thread). The loop reads them around the timed samples: a heap the runtime
// hands back to the kernel and touches again shows up per iteration.
type pageFaults struct{ minor, major int64 }

func readPageFaults() (pageFaults, error) {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return pageFaults{}, err
	}
	return pageFaults{minor: u.Minflt, major: u.Majflt}, nil
}
