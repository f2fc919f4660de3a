package spscsuite

import (
	"fmt"
	"runtime"

	"golang.org/x/sys/unix"
)

// processCPUs returns the CPUs of the calling thread's affinity mask in
// ascending order. Called before any pinning, that is the mask benchctl
// gave the process.
func processCPUs() ([]int, error) {
	var set unix.CPUSet
	if err := unix.SchedGetaffinity(0, &set); err != nil {
		return nil, fmt.Errorf("reading the process's CPU affinity mask: %w", err)
	}
	return cpuList(&set), nil
}

// cpuList lists the CPUs in set in ascending order.
func cpuList(set *unix.CPUSet) []int {
	var cpus []int
	for cpu := range len(set) * 64 {
		if set.IsSet(cpu) {
			cpus = append(cpus, cpu)
		}
	}
	return cpus
}

// pin locks the calling goroutine to its OS thread for good and binds that
// thread to cpu alone, then reads the thread's mask back: the kernel may
// refuse or a cgroup may narrow the set, and a thread that is not where the
// counters say would make the numbers lie. who names the thread in errors.
// The goroutine never unlocks, so when it ends its thread ends too instead
// of going back to the runtime's pool still pinned.
func pin(who string, cpu int) error {
	runtime.LockOSThread()
	var set unix.CPUSet
	set.Set(cpu)
	if err := unix.SchedSetaffinity(0, &set); err != nil {
		return fmt.Errorf("pinning the %s thread to CPU %d: %w", who, cpu, err)
	}
	var got unix.CPUSet
	if err := unix.SchedGetaffinity(0, &got); err != nil {
		return fmt.Errorf("reading back the %s thread's CPU affinity mask: %w", who, err)
	}
	if got.Count() != 1 || !got.IsSet(cpu) {
		return fmt.Errorf("the %s thread was pinned to CPU %d but its affinity mask reads back as %v", who, cpu, cpuList(&got))
	}
	return nil
}
