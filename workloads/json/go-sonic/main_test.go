package main

import (
	"fmt"
	"os"
	"os/exec"
	"testing"

	"benchctl/workloads/json/shared/go/codectest"
)

// decoderEnv is the decoder configuration the manifest sets.
var decoderEnv = []string{
	// The decoder that parses the whole document into a tape of nodes first
	// and then builds the Go values from it, instead of the JIT-compiled
	// streaming decoder.
	"SONIC_USE_OPTDEC",
	// With it, maps and slices decoded into an any are made at their final
	// size, counted on the tape.
	"SONIC_USE_FASTMAP",
}

func checkDecoderEnv() error {
	for _, name := range decoderEnv {
		if os.Getenv(name) != "1" {
			return fmt.Errorf("%s=1 is not set", name)
		}
	}
	return nil
}

// TestMain runs the tests in the decoder configuration the manifest sets.
// sonic reads it when its packages initialise, before any test code runs,
// so without it the test binary runs itself again with the variables set.
func TestMain(m *testing.M) {
	if checkDecoderEnv() == nil {
		os.Exit(m.Run())
	}
	cmd := exec.Command(os.Args[0], os.Args[1:]...)
	cmd.Env = os.Environ()
	for _, name := range decoderEnv {
		cmd.Env = append(cmd.Env, name+"=1")
	}
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		if exit, ok := err.(*exec.ExitError); ok {
			os.Exit(exit.ExitCode())
		}
		panic(err)
	}
	os.Exit(0)
}

func TestCodec(t *testing.T) {
	codectest.Run(t, new(codec))
}
