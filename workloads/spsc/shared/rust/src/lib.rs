//! What every Rust workload of the spsc suite (`workloads/spsc/SPEC.md`)
//! shares, so the implementations differ only in the queue: the parameters,
//! pinning, the padded control block, the consumer thread, the `throughput`
//! and `latency` iterations and the round-trip histogram.
//!
//! A workload wraps its queue's two ends in [`Push`] and [`Pop`] and hands
//! their constructor to [`main`]:
//!
//! ```no_run
//! # struct Tx; struct Rx;
//! # impl spsc_driver::Push for Tx {
//! #     fn push(&mut self, _: u64) -> Result<(), spsc_driver::Disconnected> { Ok(()) }
//! # }
//! # impl spsc_driver::Pop for Rx {
//! #     fn pop(&mut self) -> Result<u64, spsc_driver::Disconnected> { Ok(0) }
//! # }
//! # fn new_queue(capacity: usize) -> (Tx, Rx) { (Tx, Rx) }
//! fn main() {
//!     spsc_driver::main(new_queue);
//! }
//! ```

mod control;
mod histogram;
mod latency;
mod padded;
mod params;
mod pin;
mod queue;
#[cfg(test)]
mod test_queue;
mod throughput;

pub use histogram::Histogram;
pub use padded::Padded;
pub use params::{Op, Params};
pub use queue::{Disconnected, Pop, Push};

use benchlib::{Bench, Error};

/// Runs the workload: reads the parameters, pins the producer (this thread)
/// and the consumer thread, and measures the operation benchctl asked for on
/// queues made by `new_queue(capacity)`, each holding `capacity` items.
pub fn main<P: Push, C: Pop>(new_queue: impl Fn(usize) -> (P, C)) {
    benchlib::main(|bench| run(bench, new_queue));
}

fn run<P: Push, C: Pop>(
    bench: &mut Bench,
    new_queue: impl Fn(usize) -> (P, C),
) -> Result<(), Error> {
    let params = Params::read(bench)?;
    let cpus = pin::two_lowest_cpus()?;
    pin::pin_this_thread(cpus.producer, "producer")?;
    bench.counter("producer_cpu", cpus.producer as u64);
    bench.counter("consumer_cpu", cpus.consumer as u64);
    match params.op {
        Op::Throughput => throughput::measure(bench, &params, cpus.consumer, new_queue),
        Op::Latency => latency::measure(bench, &params, cpus.consumer, new_queue),
    }
}
