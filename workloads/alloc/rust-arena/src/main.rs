//! alloc suite (`workloads/alloc/SPEC.md`), arena tier: binary-trees and
//! request-arena with their trees and requests in bumpalo arenas (no churn:
//! an arena frees only all at once).

mod bump;

use bump::BumpArena;

fn main() {
    alloc_driver::main::<BumpArena>(&[]);
}
