// Command go-nethttp is the http suite's idiomatic Go row
// (workloads/http/SPEC.md): the standard library's net/http serving
// GET /plaintext.
package main

import (
	"net/http"

	httpsuite "benchctl/workloads/http/shared/go"
)

func main() {
	s := httpsuite.Start()
	server := &http.Server{Handler: newMux()}
	s.Ready()
	if err := server.Serve(s.Listener); err != nil {
		s.Fail(err)
	}
}
