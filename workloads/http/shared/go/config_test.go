package httpsuite

import (
	"errors"
	"net/netip"
	"testing"
)

func env(m map[string]string) func(string) (string, bool) {
	return func(name string) (string, bool) {
		v, ok := m[name]
		return v, ok
	}
}

func good() map[string]string {
	return map[string]string{
		"BENCHCTL_HTTP_HOST":    "127.0.0.1",
		"BENCHCTL_HTTP_PORT":    "18080",
		"BENCHCTL_HTTP_THREADS": "1",
		"BENCHCTL_FD":           "3",
	}
}

func TestReadConfigAcceptsBenchctlSettings(t *testing.T) {
	c, err := ReadConfig(env(good()))
	if err != nil {
		t.Fatal(err)
	}
	want := Config{Host: netip.MustParseAddr("127.0.0.1"), Port: 18080, Threads: 1, FD: 3}
	if c != want {
		t.Errorf("got %+v, want %+v", c, want)
	}
	if c.Addr() != "127.0.0.1:18080" {
		t.Errorf("Addr() = %q", c.Addr())
	}
}

func TestReadConfigRejects(t *testing.T) {
	for _, tc := range []struct {
		name, value, msg string // value "-" unsets the variable
	}{
		{"BENCHCTL_HTTP_HOST", "-", "BENCHCTL_HTTP_HOST is not set"},
		{"BENCHCTL_HTTP_HOST", "0.0.0.0", `BENCHCTL_HTTP_HOST="0.0.0.0": want an IPv4 loopback address such as 127.0.0.1`},
		{"BENCHCTL_HTTP_HOST", "::1", `BENCHCTL_HTTP_HOST="::1": want an IPv4 loopback address such as 127.0.0.1`},
		{"BENCHCTL_HTTP_HOST", "localhost", `BENCHCTL_HTTP_HOST="localhost": want an IPv4 loopback address such as 127.0.0.1`},
		{"BENCHCTL_HTTP_HOST", "192.168.1.1", `BENCHCTL_HTTP_HOST="192.168.1.1": want an IPv4 loopback address such as 127.0.0.1`},
		{"BENCHCTL_HTTP_PORT", "-", "BENCHCTL_HTTP_PORT is not set"},
		{"BENCHCTL_HTTP_PORT", "0", `BENCHCTL_HTTP_PORT="0": want an integer from 1 to 65535`},
		{"BENCHCTL_HTTP_PORT", "65536", `BENCHCTL_HTTP_PORT="65536": want an integer from 1 to 65535`},
		{"BENCHCTL_HTTP_PORT", "80x", `BENCHCTL_HTTP_PORT="80x": want an integer from 1 to 65535`},
		{"BENCHCTL_HTTP_PORT", "", `BENCHCTL_HTTP_PORT="": want an integer from 1 to 65535`},
		{"BENCHCTL_HTTP_THREADS", "-", "BENCHCTL_HTTP_THREADS is not set"},
		{"BENCHCTL_HTTP_THREADS", "0", `BENCHCTL_HTTP_THREADS="0": want an integer from 1 to 65536`},
		{"BENCHCTL_HTTP_THREADS", "two", `BENCHCTL_HTTP_THREADS="two": want an integer from 1 to 65536`},
		{"BENCHCTL_FD", "-", "BENCHCTL_FD is not set"},
		{"BENCHCTL_FD", "-1", `BENCHCTL_FD="-1": want an integer from 0 to 1073741824`},
	} {
		m := good()
		if tc.value == "-" {
			delete(m, tc.name)
		} else {
			m[tc.name] = tc.value
		}
		_, err := ReadConfig(env(m))
		var usage *UsageError
		if !errors.As(err, &usage) {
			t.Errorf("%s=%q: got %v, want a usage error", tc.name, tc.value, err)
			continue
		}
		if err.Error() != tc.msg {
			t.Errorf("%s=%q:\n got %q\nwant %q", tc.name, tc.value, err, tc.msg)
		}
	}
}

func TestCheckGOMAXPROCS(t *testing.T) {
	c := Config{Threads: 1}
	if err := c.CheckGOMAXPROCS(1, true); err != nil {
		t.Errorf("equal counts: %v", err)
	}
	err := c.CheckGOMAXPROCS(2, true)
	want := "GOMAXPROCS is 2 (from the GOMAXPROCS variable) but BENCHCTL_HTTP_THREADS=1: benchctl sets both to the job's CPU count"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
	err = c.CheckGOMAXPROCS(2, false)
	want = "GOMAXPROCS is 2 (the runtime's own choice: the GOMAXPROCS variable is unset) but BENCHCTL_HTTP_THREADS=1: benchctl sets both to the job's CPU count"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
}
