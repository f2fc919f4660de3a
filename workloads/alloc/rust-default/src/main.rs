//! alloc suite (`workloads/alloc/SPEC.md`), default tier: what Rust ships,
//! `std::alloc::System`, which on Linux is glibc's malloc. It is Rust's
//! default already; naming it says what is measured.

use alloc_driver::GlobalHeap;
use std::alloc::System;

#[global_allocator]
static GLOBAL: System = System;

fn main() {
    alloc_driver::main::<GlobalHeap>(&[]);
}
