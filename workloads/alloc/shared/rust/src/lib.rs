//! What every Rust tier of the alloc suite (`workloads/alloc/SPEC.md`)
//! shares, so the tiers differ only in how memory is allocated: the
//! parameters, the random stream, the three operations, the churn batch
//! histogram and the CPU time counter.
//!
//! `binary-trees` and `request-arena` are written once over [`Alloc`]; a
//! tier that uses the `#[global_allocator]` passes [`GlobalHeap`], the arena
//! tier its own [`Alloc`]. `churn` always uses the global allocator (an
//! arena tier has none). A workload sets its global allocator and calls
//! [`main`]:
//!
//! ```no_run
//! #[global_allocator]
//! static GLOBAL: std::alloc::System = std::alloc::System;
//!
//! fn main() {
//!     alloc_driver::main::<alloc_driver::GlobalHeap>(&[]);
//! }
//! ```

mod alloc;
mod binary_trees;
mod churn;
mod cpu_time;
mod histogram;
mod params;
mod request_arena;
mod splitmix;
mod timed;

pub use alloc::{Alloc, GlobalHeap};
pub use binary_trees::{BinaryTrees, Checks};
pub use churn::{Churn, Churned};
pub use histogram::Histogram;
pub use params::{Op, Params};
pub use request_arena::{RequestArena, Served};
pub use splitmix::SplitMix64;

use benchlib::{Bench, Error};

/// Runs the workload: reads the parameters and measures the operation
/// benchctl asked for, with `A` allocating the trees and requests.
/// `counters` are reported as they are (e.g. the allocator's version).
pub fn main<A: Alloc>(counters: &[(&str, u64)]) {
    benchlib::main(|bench| run::<A>(bench, counters));
}

fn run<A: Alloc>(bench: &mut Bench, counters: &[(&str, u64)]) -> Result<(), Error> {
    let params = Params::read(bench)?;
    for &(name, value) in counters {
        bench.counter(name, value);
    }
    match params.op {
        Op::BinaryTrees => timed::measure(bench, BinaryTrees::<A>::new(params.depth)),
        Op::Churn if A::FREES_EACH_BLOCK => timed::measure(
            bench,
            Churn::new(params.live, params.ops, params.seed),
        ),
        Op::Churn => Err(Error::new(
            "BENCHCTL_PARAM_OP=churn: this tier allocates from arenas, which free only all at once, \
             and churn frees blocks one by one (SPEC.md: the arena tier has no churn)",
        )),
        Op::RequestArena => timed::measure(
            bench,
            RequestArena::<A>::new(params.requests, params.nodes, params.seed),
        ),
    }
}
