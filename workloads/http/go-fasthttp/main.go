// Command go-fasthttp is the http suite's strong Go tier
// (workloads/http/SPEC.md): valyala/fasthttp serving GET /plaintext.
package main

import (
	"github.com/valyala/fasthttp"

	httpsuite "benchctl/workloads/http/shared/go"
)

func main() {
	s := httpsuite.Start()
	server := newServer()
	s.Ready()
	if err := server.Serve(s.Listener); err != nil {
		s.Fail(err)
	}
}

// newServer is fasthttp's server with its production defaults (no
// timeouts, keep-alive on, no request limit per connection) and the
// settings below.
func newServer() *fasthttp.Server {
	return &fasthttp.Server{
		Handler: handle,
		// The Server header on every response, written by fasthttp from
		// its cached header line.
		Name: "fasthttp",
		// As the TechEmpower fasthttp entry sets it: request header names
		// are kept as sent instead of being re-cased, which this handler
		// never needs.
		DisableHeaderNamesNormalizing: true,
	}
}
