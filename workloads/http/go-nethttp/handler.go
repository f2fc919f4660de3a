package main

import "net/http"

var helloWorld = []byte("Hello, World!")

// newMux routes GET (and so HEAD) /plaintext, that exact path only; the
// mux answers every other path 404 and another method on /plaintext 405.
func newMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /plaintext", plaintext)
	return mux
}

// plaintext sets its two headers; net/http adds Date (formatted per
// response) and Content-Length (the handler wrote the whole body and
// returned without flushing).
func plaintext(w http.ResponseWriter, _ *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/plain")
	h.Set("Server", "net/http")
	w.Write(helloWorld)
}
