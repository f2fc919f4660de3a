package allocsuite

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
	return map[string]string{"OP": "churn", "DEPTH": "10", "LIVE": "1000", "OPS": "20000",
		"REQUESTS": "20", "NODES": "500", "SEED": "42"}
}

func TestReadParamsAcceptsTheQuickDefaults(t *testing.T) {
	p, err := ReadParams(paramsFrom(quick()))
	if err != nil {
		t.Fatal(err)
	}
	want := Params{Op: Churn, Depth: 10, Live: 1000, Ops: 20000, Requests: 20, Nodes: 500, Seed: 42}
	if p != want {
		t.Errorf("got %+v, want %+v", p, want)
	}
	m := quick()
	m["OP"], m["SEED"], m["DEPTH"] = "request-arena", "18446744073709551615", "24"
	if p, err = ReadParams(paramsFrom(m)); err != nil || p.Seed != ^uint64(0) || p.Depth != 24 || p.Op != RequestArena {
		t.Errorf("the largest seed and depth: %+v, %v", p, err)
	}
}

func TestReadParamsRejects(t *testing.T) {
	for _, c := range []struct {
		name, value, want string
	}{
		{"OP", "trees", `BENCHCTL_PARAM_OP="trees": want binary-trees, churn or request-arena`},
		{"DEPTH", "5", "BENCHCTL_PARAM_DEPTH=5: want 6 to 24"},
		{"DEPTH", "25", "BENCHCTL_PARAM_DEPTH=25: want 6 to 24"},
		{"LIVE", "0", "BENCHCTL_PARAM_LIVE=0: want 1 to 1000000"},
		{"OPS", "ten", `BENCHCTL_PARAM_OPS="ten": want a decimal integer that fits 64 bits unsigned`},
		{"OPS", "-1", `BENCHCTL_PARAM_OPS="-1": want a decimal integer that fits 64 bits unsigned`},
		{"REQUESTS", "1000001", "BENCHCTL_PARAM_REQUESTS=1000001: want 1 to 1000000"},
		{"NODES", "", `BENCHCTL_PARAM_NODES="": want a decimal integer that fits 64 bits unsigned`},
		{"SEED", "18446744073709551616", `BENCHCTL_PARAM_SEED="18446744073709551616": want a decimal integer that fits 64 bits unsigned`},
	} {
		m := quick()
		m[c.name] = c.value
		if _, err := ReadParams(paramsFrom(m)); err == nil || err.Error() != c.want {
			t.Errorf("%s=%q: got %v, want %q", c.name, c.value, err, c.want)
		}
	}
}

func TestReadParamsNamesAMissingOne(t *testing.T) {
	for name := range quick() {
		m := quick()
		delete(m, name)
		_, err := ReadParams(paramsFrom(m))
		if err == nil || !strings.Contains(err.Error(), "BENCHCTL_PARAM_"+name+" ") {
			t.Errorf("without %s: got %v", name, err)
		}
	}
}
