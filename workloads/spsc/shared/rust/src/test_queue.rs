//! A queue for the driver's own tests: std's bounded channel, with a
//! function applied to each value pushed so a test can corrupt the stream.

use crate::queue::{Disconnected, Pop, Push};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};

pub(crate) struct Sender {
    channel: SyncSender<u64>,
    map: fn(u64) -> u64,
}

pub(crate) struct Taker(Receiver<u64>);

impl Push for Sender {
    fn push(&mut self, value: u64) -> Result<(), Disconnected> {
        self.channel
            .send((self.map)(value))
            .map_err(|_| Disconnected)
    }
}

impl Pop for Taker {
    fn pop(&mut self) -> Result<u64, Disconnected> {
        self.0.recv().map_err(|_| Disconnected)
    }
}

/// A queue of `capacity` that passes every value through `map`.
pub(crate) fn mapped(capacity: usize, map: fn(u64) -> u64) -> (Sender, Taker) {
    let (channel, receiver) = sync_channel(capacity);
    (Sender { channel, map }, Taker(receiver))
}

/// A CPU this process may use, for the consumer thread to pin itself to.
pub(crate) fn a_cpu() -> usize {
    crate::pin::two_lowest_cpus().map_or(0, |cpus| cpus.consumer)
}
