//! What every Rust server of the http suite (`workloads/http/SPEC.md`)
//! shares, so the servers differ only in their HTTP library: reading the
//! `BENCHCTL_HTTP_*` environment, the listening socket, writing the ready
//! line and reporting a bind that failed.
//!
//! ```no_run
//! let config = http_shared::Config::from_env_or_exit();
//! let listener = http_shared::listen(config.addr)
//!     .unwrap_or_else(|err| http_shared::exit_bind_failed(config.addr, &err));
//! http_shared::announce_ready(&config);
//! # drop(listener);
//! ```

mod config;
mod listen;
mod ready;

pub use config::Config;
pub use listen::listen;
pub use ready::{announce_ready, exit_bind_failed};
