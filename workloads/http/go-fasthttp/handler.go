package main

import "github.com/valyala/fasthttp"

const helloWorld = "Hello, World!"

// handle routes on the request path. fasthttp itself adds Server (from
// Server.Name), Date (its own per-second cache) and Content-Length, and
// renders the status line and headers into the connection's buffer.
func handle(ctx *fasthttp.RequestCtx) {
	switch string(ctx.Path()) { // the conversion in a switch does not allocate
	case "/plaintext":
		ctx.SetContentType("text/plain")
		ctx.SetBodyString(helloWorld)
	default:
		ctx.NotFound()
	}
}
