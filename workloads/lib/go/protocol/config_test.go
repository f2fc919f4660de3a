package protocol

import (
	"errors"
	"testing"
	"time"
)

func env(m map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) {
		v, ok := m[k]
		return v, ok
	}
}

func validEnv() map[string]string {
	return map[string]string{
		"BENCHCTL_PROTOCOL":      "1",
		"BENCHCTL_FD":            "3",
		"BENCHCTL_WARMUP":        "2",
		"BENCHCTL_SAMPLES":       "5",
		"BENCHCTL_ITERATIONS":    "0",
		"BENCHCTL_MIN_SAMPLE_NS": "20000000",
		"BENCHCTL_PARAM_OP":      "parse-dom",
	}
}

func TestLoadConfig(t *testing.T) {
	cfg, err := LoadConfig(env(validEnv()))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.FD != 3 || cfg.Warmup != 2 || cfg.Samples != 5 || cfg.Iterations != 0 || cfg.MinSample != 20*time.Millisecond {
		t.Errorf("got %+v", cfg)
	}
	if op, err := cfg.Param("op"); err != nil || op != "parse-dom" {
		t.Errorf("Param(op) = %q, %v", op, err)
	}
	if _, err := cfg.Param("input"); err == nil {
		t.Error("Param(input) succeeded for a missing parameter")
	}
}

func TestLoadConfigFixedIterationsNeedsNoTarget(t *testing.T) {
	m := validEnv()
	m["BENCHCTL_ITERATIONS"] = "7"
	delete(m, "BENCHCTL_MIN_SAMPLE_NS")
	cfg, err := LoadConfig(env(m))
	if err != nil || cfg.Iterations != 7 {
		t.Errorf("got %+v, %v", cfg, err)
	}
}

func TestLoadConfigUsageErrors(t *testing.T) {
	tests := []struct{ key, value string }{
		{"BENCHCTL_PROTOCOL", "2"},
		{"BENCHCTL_PROTOCOL", ""},
		{"BENCHCTL_FD", ""},
		{"BENCHCTL_FD", "three"},
		{"BENCHCTL_WARMUP", "-1"},
		{"BENCHCTL_SAMPLES", "0"},
		{"BENCHCTL_ITERATIONS", "1.5"},
		{"BENCHCTL_MIN_SAMPLE_NS", "0"},
		{"BENCHCTL_MIN_SAMPLE_NS", ""},
	}
	for _, tt := range tests {
		m := validEnv()
		if tt.value == "" {
			delete(m, tt.key)
		} else {
			m[tt.key] = tt.value
		}
		_, err := LoadConfig(env(m))
		var usage *UsageError
		if !errors.As(err, &usage) {
			t.Errorf("%s=%q: got %v, want a UsageError", tt.key, tt.value, err)
		}
	}
}
