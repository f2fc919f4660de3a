package httpsuite

import (
	"strings"
	"testing"
)

func TestListenBindsLoopbackIPv4Only(t *testing.T) {
	ln, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if got := ln.Addr().Network(); got != "tcp" {
		t.Errorf("network %q", got)
	}
	if !strings.HasPrefix(ln.Addr().String(), "127.0.0.1:") {
		t.Errorf("bound %s", ln.Addr())
	}
}

func TestListenOnABusyPortNamesAddressAndReason(t *testing.T) {
	first, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	addr := first.Addr().String()
	second, err := Listen(addr)
	if err == nil {
		second.Close()
		t.Fatalf("a second listener bound %s", addr)
	}
	want := "cannot listen on " + addr + ": bind: address already in use"
	if err.Error() != want {
		t.Errorf("got %q, want %q", err, want)
	}
}
