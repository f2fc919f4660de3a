//! http suite (`workloads/http/SPEC.md`) with axum 0.8: a `Router` served by
//! `axum::serve` on a multi-thread tokio runtime of `BENCHCTL_HTTP_THREADS`
//! workers. The handler returns the body (axum sets `Content-Type`), a
//! tower-http layer sets `Server` on every response, as axum's TechEmpower
//! entry does, and hyper underneath adds `Content-Length` and `Date` (its own
//! per-thread cache, re-rendered once the second changes).

use axum::http::header::{HeaderValue, SERVER};
use axum::routing::get;
use axum::serve::ListenerExt;
use axum::Router;
use std::io;
use tokio::net::TcpListener;
use tokio::runtime;
use tower_http::set_header::SetResponseHeaderLayer;

async fn plaintext() -> &'static str {
    "Hello, World!"
}

async fn serve(config: http_shared::Config) -> io::Result<()> {
    let listener = http_shared::listen(config.addr)
        .unwrap_or_else(|err| http_shared::exit_bind_failed(config.addr, &err));
    // tokio's own bind() would listen with a backlog of 128 (http_shared::listen).
    let listener = TcpListener::from_std(listener)?
        // As axum's documentation shows: small responses go out at once.
        .tap_io(|stream| {
            let _ = stream.set_nodelay(true);
        });
    let app = Router::new().route("/plaintext", get(plaintext)).layer(
        SetResponseHeaderLayer::overriding(SERVER, HeaderValue::from_static("axum")),
    );
    http_shared::announce_ready(&config);
    axum::serve(listener, app).await
}

fn main() -> io::Result<()> {
    let config = http_shared::Config::from_env_or_exit();
    runtime::Builder::new_multi_thread()
        .worker_threads(config.threads)
        // axum::serve sleeps a second after an accept error such as EMFILE.
        .enable_io()
        .enable_time()
        .build()?
        .block_on(serve(config))
}
