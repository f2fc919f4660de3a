//! spsc suite (`workloads/spsc/SPEC.md`) with `crossbeam_channel::bounded`:
//! an MPMC channel, blocking (after a short spin) while full or empty.

use crossbeam_channel::{bounded, Receiver, Sender};
use spsc_driver::{Disconnected, Pop, Push};

struct Producer(Sender<u64>);
struct Consumer(Receiver<u64>);

impl Push for Producer {
    #[inline]
    fn push(&mut self, value: u64) -> Result<(), Disconnected> {
        self.0.send(value).map_err(|_| Disconnected)
    }
}

impl Pop for Consumer {
    #[inline]
    fn pop(&mut self) -> Result<u64, Disconnected> {
        self.0.recv().map_err(|_| Disconnected)
    }
}

/// A channel bounded to `capacity` holds `capacity` items.
fn new_queue(capacity: usize) -> (Producer, Consumer) {
    let (sender, receiver) = bounded(capacity);
    (Producer(sender), Consumer(receiver))
}

fn main() {
    spsc_driver::main(new_queue);
}
