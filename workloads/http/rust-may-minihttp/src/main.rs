//! http suite (`workloads/http/SPEC.md`) with may_minihttp: one coroutine per
//! connection on `BENCHCTL_HTTP_THREADS` may workers. The library writes the
//! status line, `Server`, `Date` (its own cache) and `Content-Length`; the
//! service adds `Content-Type` and the body.

use may_minihttp::{HttpServer, HttpService, Request, Response};
use std::io;
use std::net::TcpListener;

#[derive(Clone)]
struct Plaintext;

impl HttpService for Plaintext {
    fn call(&mut self, request: Request, response: &mut Response) -> io::Result<()> {
        if request.path() == "/plaintext" {
            response
                .header("Content-Type: text/plain")
                .body("Hello, World!");
        } else {
            response.status_code(404, "Not Found");
        }
        Ok(())
    }
}

fn main() {
    let config = http_shared::Config::from_env_or_exit();
    may::config().set_workers(config.threads);

    // may's TcpListener::bind sets SO_REUSEPORT, so a second server on a busy
    // port would silently share it. A plain bind first fails as the SPEC
    // asks; it is released at once so may can bind the port itself.
    match TcpListener::bind(config.addr) {
        Ok(probe) => drop(probe),
        Err(err) => http_shared::exit_bind_failed(config.addr, &err),
    }
    let server = HttpServer(Plaintext)
        .start(config.addr)
        .unwrap_or_else(|err| http_shared::exit_bind_failed(config.addr, &err));
    http_shared::announce_ready(&config);
    // The accept coroutine never ends; SIGTERM's default action stops the process.
    server.wait();
}
