//! http suite (`workloads/http/SPEC.md`) with hyper 1.x on tokio, as hyper's
//! TechEmpower entry runs it by default: one current-thread runtime per
//! thread, each accepting connections and serving them itself. The service
//! builds each response; hyper adds `Content-Length` (from the body's size)
//! and `Date` (its own per-thread cache, re-rendered once the second changes).

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderValue, CONTENT_TYPE, SERVER};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use std::convert::Infallible;
use std::io;
use std::thread;
use tokio::net::TcpListener;
use tokio::runtime;

const BODY: &[u8] = b"Hello, World!";
static SERVER_NAME: HeaderValue = HeaderValue::from_static("hyper");
static TEXT_PLAIN: HeaderValue = HeaderValue::from_static("text/plain");

async fn respond(request: Request<Incoming>) -> Result<Response<Full<Bytes>>, Infallible> {
    if request.uri().path() != "/plaintext" {
        let mut response = Response::new(Full::default());
        *response.status_mut() = StatusCode::NOT_FOUND;
        return Ok(response);
    }
    let mut response = Response::new(Full::new(Bytes::from_static(BODY)));
    let headers = response.headers_mut();
    headers.insert(SERVER, SERVER_NAME.clone());
    headers.insert(CONTENT_TYPE, TEXT_PLAIN.clone());
    Ok(response)
}

async fn accept_connections(listener: std::net::TcpListener) {
    let listener = TcpListener::from_std(listener).expect("a runtime with I/O enabled");
    let mut http = http1::Builder::new();
    // Keep-alive is hyper's default; pipeline_flush writes the answers to a
    // batch of pipelined requests together instead of one write each.
    http.keep_alive(true).pipeline_flush(true);
    loop {
        // An accept error (a peer that reset before it was accepted)
        // concerns that connection only; the listener goes on.
        let Ok((stream, _peer)) = listener.accept().await else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        let connection = http.serve_connection(TokioIo::new(stream), service_fn(respond));
        tokio::spawn(async move {
            // A client that sent garbage or went away ends only its own
            // connection; there is nothing to report (no logging).
            let _ = connection.await;
        });
    }
}

fn current_thread_runtime() -> io::Result<runtime::Runtime> {
    runtime::Builder::new_current_thread().enable_io().build()
}

fn main() -> io::Result<()> {
    let config = http_shared::Config::from_env_or_exit();
    // One socket without SO_REUSEPORT (the TechEmpower entry binds one per
    // runtime with it) so that a busy port fails here; every runtime accepts
    // from a duplicate of it.
    let listener = http_shared::listen(config.addr)
        .unwrap_or_else(|err| http_shared::exit_bind_failed(config.addr, &err));
    for _ in 1..config.threads {
        let listener = listener.try_clone()?;
        let runtime = current_thread_runtime()?;
        thread::spawn(move || runtime.block_on(accept_connections(listener)));
    }
    let runtime = current_thread_runtime()?;
    http_shared::announce_ready(&config);
    runtime.block_on(accept_connections(listener));
    Ok(())
}
