//! The benchctl workload protocol, version 1 (`workloads/PROTOCOL.md`), for
//! Rust workloads.
//!
//! A workload reads its parameters, builds its state untimed, and hands the
//! state and its body to [`Bench::measure`]; the library does the rest
//! (setup message, self-check, calibration, warm-up, timed samples, result).
//! [`Bench::measure_with_hooks`] adds the timed-phase hooks, for a workload
//! that gathers its own statistics about the timed samples.
//!
//! ```no_run
//! benchlib::main(|bench| {
//!     let n: u64 = bench
//!         .param("N")?
//!         .parse()
//!         .map_err(|e| benchlib::Error::new(format!("BENCHCTL_PARAM_N: {e}")))?;
//!     let numbers: Vec<u64> = (0..n).collect();
//!     bench.measure(numbers, |numbers| Ok(numbers.iter().sum::<u64>()))
//! });
//! ```
//!
//! The protocol core — [`Config`], [`Connection`] (parameters, messages, the
//! pipe), [`resident_kb`] and [`Error`] — has no timing loop, so a workload
//! that benchctl measures from outside can use it alone; [`Bench`] and
//! [`main`] add the in-process loop.

mod calibrate;
mod config;
mod error;
mod faults;
mod inprocess;
mod message;
mod protocol;
mod rss;

pub use calibrate::next_iterations;
pub use config::Config;
pub use error::Error;
pub use inprocess::{main, Bench};
pub use protocol::Connection;
pub use rss::resident_kb;
