//! spsc suite (`workloads/spsc/SPEC.md`) on the SPEC's hand-written ring.

mod ring;

fn main() {
    spsc_driver::main(ring::new);
}
