package spscsuite

import (
	"fmt"
	"strings"
	"testing"
)

// paramsFrom serves parameters from a map, as Config.Param would.
func paramsFrom(m map[string]string) func(string) (string, error) {
	return func(name string) (string, error) {
		if v, ok := m[strings.ToUpper(name)]; ok {
			return v, nil
		}
		return "", fmt.Errorf("parameter BENCHCTL_PARAM_%s is not set", strings.ToUpper(name))
	}
}

func quick() map[string]string {
	return map[string]string{"OP": "throughput", "CAPACITY": "1024", "ITEMS": "65536", "ROUND_TRIPS": "2000"}
}

func TestReadParamsAcceptsTheQuickDefaults(t *testing.T) {
	p, err := ReadParams(paramsFrom(quick()))
	if err != nil {
		t.Fatal(err)
	}
	want := Params{Op: Throughput, Capacity: 1024, Items: 65536, RoundTrips: 2000}
	if p != want {
		t.Errorf("got %+v, want %+v", p, want)
	}
	if p.Queues() != 1 {
		t.Errorf("throughput uses %d queues, want 1", p.Queues())
	}
	m := quick()
	m["OP"], m["CAPACITY"], m["ITEMS"] = "latency", "2", "1"
	if p, err = ReadParams(paramsFrom(m)); err != nil || p.Queues() != 2 {
		t.Errorf("latency with CAPACITY 2, ITEMS 1: %+v, %v", p, err)
	}
}

func TestReadParamsRejects(t *testing.T) {
	for _, c := range []struct{ name, value, msg string }{
		{"OP", "parse", `BENCHCTL_PARAM_OP="parse": want throughput or latency`},
		{"OP", "", `BENCHCTL_PARAM_OP="": want throughput or latency`},
		{"CAPACITY", "1000", "BENCHCTL_PARAM_CAPACITY=1000: want a power of two from 2 to 1073741824"},
		{"CAPACITY", "1", "BENCHCTL_PARAM_CAPACITY=1: want a power of two"},
		{"CAPACITY", "0", "BENCHCTL_PARAM_CAPACITY=0: want a power of two"},
		{"CAPACITY", "2147483648", "BENCHCTL_PARAM_CAPACITY=2147483648: want a power of two"},
		{"CAPACITY", "-4", `BENCHCTL_PARAM_CAPACITY="-4": want a decimal integer`},
		{"ITEMS", "100", "BENCHCTL_PARAM_ITEMS=100: want a positive multiple of CAPACITY/2 = 512"},
		{"ITEMS", "0", "BENCHCTL_PARAM_ITEMS=0: want a positive multiple"},
		{"ITEMS", "1e6", `BENCHCTL_PARAM_ITEMS="1e6": want a decimal integer`},
		{"ROUND_TRIPS", "0", "BENCHCTL_PARAM_ROUND_TRIPS=0: want at least 1"},
		{"ROUND_TRIPS", "18446744073709551616", `BENCHCTL_PARAM_ROUND_TRIPS="18446744073709551616": want a decimal integer that fits 64 bits`},
	} {
		m := quick()
		m[c.name] = c.value
		_, err := ReadParams(paramsFrom(m))
		if err == nil || !strings.HasPrefix(err.Error(), c.msg) {
			t.Errorf("%s=%q: got error %v, want one starting %q", c.name, c.value, err, c.msg)
		}
	}
}

func TestReadParamsNeedsEveryParameter(t *testing.T) {
	for _, name := range []string{"OP", "CAPACITY", "ITEMS", "ROUND_TRIPS"} {
		m := quick()
		delete(m, name)
		_, err := ReadParams(paramsFrom(m))
		if err == nil || !strings.Contains(err.Error(), "BENCHCTL_PARAM_"+name) {
			t.Errorf("without %s: got error %v", name, err)
		}
	}
}
