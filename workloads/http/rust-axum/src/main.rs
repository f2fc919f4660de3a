//! http suite (`workloads/http/SPEC.md`) with axum 0.8: a `Router` on a
//! multi-thread tokio runtime of `BENCHCTL_HTTP_THREADS` workers. As axum's
//! TechEmpower entry does for this test, each connection is served by hyper's
//! HTTP/1 builder directly rather than by `axum::serve`, which offers no way
//! to turn on `pipeline_flush`. The handler returns the body (axum sets
//! `Content-Type`), a tower-http layer sets `Server` on every response, and
//! hyper adds `Content-Length` and `Date` (its own per-thread cache,
//! re-rendered once the second changes).

use axum::http::header::{HeaderValue, SERVER};
use axum::routing::get;
use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use std::io;
use tokio::net::TcpListener;
use tokio::runtime;
use tower_http::set_header::SetResponseHeaderLayer;

async fn plaintext() -> &'static str {
    "Hello, World!"
}

fn app() -> Router {
    Router::new()
        .route("/plaintext", get(plaintext))
        .layer(SetResponseHeaderLayer::overriding(
            SERVER,
            HeaderValue::from_static("axum"),
        ))
}

async fn serve(config: http_shared::Config) -> io::Result<()> {
    let listener = http_shared::listen(config.addr)
        .unwrap_or_else(|err| http_shared::exit_bind_failed(config.addr, &err));
    // tokio's own bind() would listen with a backlog of 128 (http_shared::listen).
    let listener = TcpListener::from_std(listener)?;
    let app = app();
    let mut http = http1::Builder::new();
    // Keep-alive is hyper's default; pipeline_flush writes the answers to a
    // batch of pipelined requests together instead of one write each.
    http.keep_alive(true).pipeline_flush(true);
    http_shared::announce_ready(&config);
    loop {
        // An accept error (a peer that reset before it was accepted)
        // concerns that connection only; the listener goes on.
        let Ok((stream, _peer)) = listener.accept().await else {
            continue;
        };
        // Small responses go out at once rather than waiting for an ACK.
        let _ = stream.set_nodelay(true);
        // A Router clone shares its routes (an Arc); the adapter hands each
        // request to a clone of it as a tower Service.
        let service = TowerToHyperService::new(app.clone());
        let connection = http.serve_connection(TokioIo::new(stream), service);
        tokio::spawn(async move {
            // A client that sent garbage or went away ends only its own
            // connection; there is nothing to report (no logging).
            let _ = connection.await;
        });
    }
}

fn main() -> io::Result<()> {
    let config = http_shared::Config::from_env_or_exit();
    // The accept loop runs on the main thread (block_on) and spawns each
    // connection onto the workers, as axum::serve would.
    runtime::Builder::new_multi_thread()
        .worker_threads(config.threads)
        .enable_io()
        .build()?
        .block_on(serve(config))
}
