//! spsc suite (`workloads/spsc/SPEC.md`) with `std::sync::mpsc::sync_channel`,
//! the standard library's bounded channel: blocking (after a short spin)
//! while full or empty.

use spsc_driver::{Disconnected, Pop, Push};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};

struct Producer(SyncSender<u64>);
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

/// A channel bounded to `capacity` (at least 2, so never a rendezvous
/// channel) holds `capacity` items.
fn new_queue(capacity: usize) -> (Producer, Consumer) {
    let (sender, receiver) = sync_channel(capacity);
    (Producer(sender), Consumer(receiver))
}

fn main() {
    spsc_driver::main(new_queue);
}
