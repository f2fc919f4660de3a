package httpsuite

import (
	"errors"
	"os"
	"strings"
	"testing"
)

func TestReadyLineBytes(t *testing.T) {
	for _, tc := range []struct {
		port, threads int
		want          string
	}{
		{18080, 1, "{\"type\":\"ready\",\"port\":18080,\"threads\":1}\n"},
		{1, 64, "{\"type\":\"ready\",\"port\":1,\"threads\":64}\n"},
		{65535, 2, "{\"type\":\"ready\",\"port\":65535,\"threads\":2}\n"},
	} {
		if got := string(ReadyLine(tc.port, tc.threads)); got != tc.want {
			t.Errorf("ReadyLine(%d, %d) = %q, want %q", tc.port, tc.threads, got, tc.want)
		}
	}
}

// The line arrives whole, in one read, through a real pipe.
func TestWriteReadyThroughAPipe(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	line := ReadyLine(18080, 1)
	if err := writeReady(int(w.Fd()), line); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 256)
	n, err := r.Read(buf)
	if err != nil {
		t.Fatal(err)
	}
	if string(buf[:n]) != string(line) {
		t.Errorf("read %q, want %q", buf[:n], line)
	}
}

func TestWriteReadyToAClosedPipeFails(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	defer w.Close()
	// Go ignores SIGPIPE for writes to descriptors other than 1 and 2, so
	// the write returns EPIPE.
	err = writeReady(int(w.Fd()), ReadyLine(1, 1))
	if err == nil {
		t.Fatal("no error writing to a pipe nobody reads")
	}
}

func TestCheckFD(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if err := checkFD(int(w.Fd())); err != nil {
		t.Errorf("open pipe: %v", err)
	}
	// Far above any descriptor the test process has open (a closed one's
	// number could be reused by the runtime meanwhile).
	err = checkFD(1 << 20)
	var usage *UsageError
	if !errors.As(err, &usage) || !strings.HasPrefix(err.Error(), "BENCHCTL_FD=1048576 is not an open file descriptor: ") {
		t.Errorf("closed descriptor: got %v, want a usage error naming BENCHCTL_FD", err)
	}
}
