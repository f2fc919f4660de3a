//! spsc suite (`workloads/spsc/SPEC.md`) with `rtrb::RingBuffer`, spinning
//! with `std::hint::spin_loop` while it is full or empty.

use rtrb::{PopError, PushError, RingBuffer};
use spsc_driver::{Disconnected, Pop, Push};
use std::hint::spin_loop;

struct Producer(rtrb::Producer<u64>);
struct Consumer(rtrb::Consumer<u64>);

impl Push for Producer {
    #[inline]
    fn push(&mut self, mut value: u64) -> Result<(), Disconnected> {
        loop {
            match self.0.push(value) {
                Ok(()) => return Ok(()),
                Err(PushError::Full(back)) => {
                    value = back;
                    spin_loop();
                }
            }
        }
    }
}

impl Pop for Consumer {
    #[inline]
    fn pop(&mut self) -> Result<u64, Disconnected> {
        loop {
            match self.0.pop() {
                Ok(value) => return Ok(value),
                Err(PopError::Empty) => spin_loop(),
            }
        }
    }
}

/// `RingBuffer::new(n)` holds exactly `n` items.
fn new_queue(capacity: usize) -> (Producer, Consumer) {
    let (producer, consumer) = RingBuffer::new(capacity);
    (Producer(producer), Consumer(consumer))
}

fn main() {
    spsc_driver::main(new_queue);
}
