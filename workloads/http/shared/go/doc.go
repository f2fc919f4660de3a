// Package httpsuite is what the Go servers of the http suite
// (workloads/http/SPEC.md) share: the BENCHCTL_HTTP_* settings, the
// GOMAXPROCS check, the listening socket and the ready line. The HTTP
// serving itself is each variant's own.
package httpsuite
