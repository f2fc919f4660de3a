package protocol

import "testing"

func TestParseVmRSS(t *testing.T) {
	status := "Name:\tworkload\nVmPeak:\t  20000 kB\nVmRSS:\t   10240 kB\nRssAnon:\t    4096 kB\n"
	got, err := parseVmRSS([]byte(status))
	if err != nil || got != 10240 {
		t.Errorf("parseVmRSS = %d, %v; want 10240", got, err)
	}
	for _, bad := range []string{"Name:\tx\n", "VmRSS:\t10240 MB\n", "VmRSS:\tmany kB\n"} {
		if _, err := parseVmRSS([]byte(bad)); err == nil {
			t.Errorf("parseVmRSS(%q) succeeded", bad)
		}
	}
}

func TestResidentKB(t *testing.T) {
	if kb, err := ResidentKB(); err != nil || kb <= 0 {
		t.Errorf("ResidentKB() = %d, %v", kb, err)
	}
}
