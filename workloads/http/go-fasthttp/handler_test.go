package main

import (
	"bufio"
	"bytes"
	"net"
	"strings"
	"testing"

	"github.com/valyala/fasthttp"
	"github.com/valyala/fasthttp/fasthttputil"
)

// serve runs the handler on an in-memory listener, sends the raw bytes
// req on one connection and reads n responses.
func serve(t *testing.T, req string, n int) []*fasthttp.Response {
	t.Helper()
	ln := fasthttputil.NewInmemoryListener()
	server := newServer()
	go func() { _ = server.Serve(ln) }()
	defer ln.Close()
	c, err := ln.Dial()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Write([]byte(req)); err != nil {
		t.Fatal(err)
	}
	return readResponses(t, c, n)
}

func readResponses(t *testing.T, c net.Conn, n int) []*fasthttp.Response {
	t.Helper()
	br := bufio.NewReader(c)
	out := make([]*fasthttp.Response, n)
	for i := range out {
		out[i] = new(fasthttp.Response)
		if err := out[i].Read(br); err != nil {
			t.Fatalf("response %d: %v", i, err)
		}
	}
	return out
}

const plaintext = "GET /plaintext HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"

func TestPlaintextResponse(t *testing.T) {
	r := serve(t, plaintext, 1)[0]
	if r.StatusCode() != 200 {
		t.Errorf("status %d", r.StatusCode())
	}
	if string(r.Body()) != "Hello, World!" {
		t.Errorf("body %q", r.Body())
	}
	h := &r.Header
	for name, want := range map[string]string{"Content-Type": "text/plain", "Content-Length": "13", "Server": "fasthttp"} {
		if got := string(h.Peek(name)); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	if date := string(h.Peek("Date")); !strings.HasSuffix(date, " GMT") || len(date) != len("Tue, 01 Dec 2026 21:00:00 GMT") {
		t.Errorf("Date %q is not an IMF-fixdate", date)
	}
}

func TestPipelinedRequestsAnsweredInOrder(t *testing.T) {
	req := strings.Repeat(plaintext, 15) + "GET /other HTTP/1.1\r\nHost: x\r\n\r\n"
	rs := serve(t, req, 16)
	for i, r := range rs[:15] {
		if r.StatusCode() != 200 || !bytes.Equal(r.Body(), []byte("Hello, World!")) {
			t.Errorf("response %d: %d %q", i, r.StatusCode(), r.Body())
		}
	}
	if rs[15].StatusCode() != 404 {
		t.Errorf("last response: %d, want 404", rs[15].StatusCode())
	}
}

func TestOtherPathIsNotFound(t *testing.T) {
	for _, path := range []string{"/", "/plaintext/", "/plaintextx", "/json"} {
		r := serve(t, "GET "+path+" HTTP/1.1\r\nHost: x\r\n\r\n", 1)[0]
		if r.StatusCode() != 404 {
			t.Errorf("%s: status %d, want 404", path, r.StatusCode())
		}
	}
}
