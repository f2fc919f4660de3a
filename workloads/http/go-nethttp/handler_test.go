package main

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
)

// reply is one response read off the connection, with its body.
type reply struct {
	*http.Response
	body string
}

// exchange serves the mux on a loopback listener, sends the raw bytes req
// on one connection and reads n responses.
func exchange(t *testing.T, req string, n int) []reply {
	t.Helper()
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	server := &http.Server{Handler: newMux()}
	go func() { _ = server.Serve(ln) }()
	defer server.Close()
	c, err := net.Dial("tcp4", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := io.WriteString(c, req); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(c)
	out := make([]reply, n)
	for i := range out {
		r, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("response %d: %v", i, err)
		}
		body, err := io.ReadAll(r.Body)
		if err != nil {
			t.Fatalf("response %d body: %v", i, err)
		}
		out[i] = reply{r, string(body)}
	}
	return out
}

const plaintextRequest = "GET /plaintext HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"

func TestPlaintextResponse(t *testing.T) {
	r := exchange(t, plaintextRequest, 1)[0]
	if r.StatusCode != 200 {
		t.Errorf("status %d", r.StatusCode)
	}
	if r.body != "Hello, World!" {
		t.Errorf("body %q", r.body)
	}
	for name, want := range map[string]string{"Content-Type": "text/plain", "Content-Length": "13", "Server": "net/http"} {
		if got := r.Header.Get(name); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	if _, err := http.ParseTime(r.Header.Get("Date")); err != nil || !strings.HasSuffix(r.Header.Get("Date"), " GMT") {
		t.Errorf("Date %q is not an IMF-fixdate", r.Header.Get("Date"))
	}
}

func TestPipelinedRequestsAnsweredInOrder(t *testing.T) {
	req := strings.Repeat(plaintextRequest, 15) + "GET /other HTTP/1.1\r\nHost: x\r\n\r\n"
	rs := exchange(t, req, 16)
	for i, r := range rs[:15] {
		if r.StatusCode != 200 || r.body != "Hello, World!" {
			t.Errorf("response %d: %d %q", i, r.StatusCode, r.body)
		}
	}
	if rs[15].StatusCode != 404 {
		t.Errorf("last response: %d, want 404", rs[15].StatusCode)
	}
}

func TestOtherPathIsNotFound(t *testing.T) {
	for _, path := range []string{"/", "/plaintext/", "/plaintextx", "/json"} {
		r := exchange(t, "GET "+path+" HTTP/1.1\r\nHost: x\r\n\r\n", 1)[0]
		if r.StatusCode != 404 {
			t.Errorf("%s: status %d, want 404", path, r.StatusCode)
		}
	}
}

func TestOtherMethodIsNotAllowed(t *testing.T) {
	r := exchange(t, "POST /plaintext HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", 1)[0]
	if r.StatusCode != 405 {
		t.Errorf("status %d, want 405", r.StatusCode)
	}
}
