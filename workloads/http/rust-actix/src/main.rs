//! http suite (`workloads/http/SPEC.md`) with actix-web 4: `HttpServer` with
//! `BENCHCTL_HTTP_THREADS` workers, each running the `App` on its own
//! single-threaded runtime. actix adds `Date` (its own cache) and
//! `Content-Length`; the handler sets `Server` and `Content-Type`, as actix's
//! TechEmpower entry does. No logger is installed, so nothing is logged.

use actix_web::http::header::{HeaderValue, SERVER};
use actix_web::{rt, web, App, HttpResponse, HttpServer};
use std::io;

async fn plaintext() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((SERVER, HeaderValue::from_static("actix-web")))
        .content_type("text/plain")
        .body("Hello, World!")
}

async fn serve(config: http_shared::Config) -> io::Result<()> {
    let server = HttpServer::new(|| App::new().route("/plaintext", web::get().to(plaintext)))
        .workers(config.threads)
        // SIGTERM starts actix's graceful stop; one second keeps it inside
        // the two seconds benchctl allows before SIGKILL.
        .shutdown_timeout(1)
        .bind(config.addr)
        .unwrap_or_else(|err| http_shared::exit_bind_failed(config.addr, &err))
        .run();
    http_shared::announce_ready(&config);
    server.await
}

fn main() -> io::Result<()> {
    let config = http_shared::Config::from_env_or_exit();
    rt::System::new().block_on(serve(config))
}
