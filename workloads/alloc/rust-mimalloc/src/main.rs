//! alloc suite (`workloads/alloc/SPEC.md`), mimalloc tier: the same code as
//! the default tier with Debian's libmimalloc as the global allocator.

mod mimalloc;

use alloc_driver::GlobalHeap;
use mimalloc::MiMalloc;

#[global_allocator]
static GLOBAL: MiMalloc = MiMalloc;

fn main() {
    alloc_driver::main::<GlobalHeap>(&[("mimalloc_version", mimalloc::version())]);
}
