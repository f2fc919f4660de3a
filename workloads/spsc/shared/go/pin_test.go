package spscsuite

import (
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

func TestCPUList(t *testing.T) {
	var set unix.CPUSet
	for _, cpu := range []int{70, 0, 3} {
		set.Set(cpu)
	}
	if got := cpuList(&set); len(got) != 3 || got[0] != 0 || got[1] != 3 || got[2] != 70 {
		t.Errorf("cpuList = %v, want [0 3 70]", got)
	}
}

// pinIn runs pin in a goroutine of its own, whose thread ends with it, so
// the test's thread keeps its mask.
func pinIn(who string, cpu int) error {
	errc := make(chan error)
	go func() { errc <- pin(who, cpu) }()
	return <-errc
}

func TestPinToOwnCPU(t *testing.T) {
	cpus, err := processCPUs()
	if err != nil {
		t.Fatal(err)
	}
	if err := pinIn("consumer", cpus[len(cpus)-1]); err != nil {
		t.Error(err)
	}
}

func TestPinToMissingCPUFails(t *testing.T) {
	err := pinIn("consumer", 1023)
	if err == nil || !strings.HasPrefix(err.Error(), "pinning the consumer thread to CPU 1023: ") {
		t.Errorf("got %v", err)
	}
}
