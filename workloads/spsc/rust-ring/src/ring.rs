//! The SPEC's ring ("The hand-written ring"): `CAPACITY` slots, free-running
//! `u64` indices, each side caching the other's index, one item per call.
//!
//! The two published indices are atomics, each alone in a padded block. Each
//! side's own index and its cached copy of the other's are plain fields of its
//! handle (`&mut self`), so they never share a line with anything the other
//! side reads, and the compiler may keep them in registers.
//!
//! Everything shared is an atomic, so the ring is safe code: the slots are
//! only ever accessed `Relaxed`, which on x86-64 compiles to the same plain
//! loads and stores as non-atomic memory, and the `tail` and `head`
//! release/acquire pairs order the slot accesses.

use spsc_driver::{Disconnected, Padded, Pop, Push};
use std::hint::spin_loop;
use std::sync::atomic::AtomicU64;
use std::sync::atomic::Ordering::{Acquire, Relaxed, Release};
use std::sync::Arc;

/// Slots per 128-byte block.
const SLOTS_PER_BLOCK: usize = 128 / 8;

/// What both sides share.
struct Shared {
    /// Written by the producer, read by the consumer.
    tail: Padded<AtomicU64>,
    /// Written by the consumer, read by the producer.
    head: Padded<AtomicU64>,
    /// The slots, in 128-byte blocks so they start on a block of their own.
    blocks: Box<[Padded<[AtomicU64; SLOTS_PER_BLOCK]>]>,
}

impl Shared {
    #[inline]
    fn slot(&self, index: u64, mask: u64) -> &AtomicU64 {
        let i = (index & mask) as usize;
        &self.blocks[i / SLOTS_PER_BLOCK].0[i % SLOTS_PER_BLOCK]
    }
}

/// A ring of `capacity` slots (a power of two, checked by the driver).
pub fn new(capacity: usize) -> (Producer, Consumer) {
    debug_assert!(capacity.is_power_of_two());
    let blocks = capacity.div_ceil(SLOTS_PER_BLOCK);
    let shared = Arc::new(Shared {
        tail: Padded::default(),
        head: Padded::default(),
        blocks: (0..blocks).map(|_| Padded::default()).collect(),
    });
    let capacity = capacity as u64;
    let producer = Producer {
        shared: Arc::clone(&shared),
        tail: 0,
        head_cache: 0,
        capacity,
    };
    let consumer = Consumer {
        shared,
        head: 0,
        tail_cache: 0,
        mask: capacity - 1,
    };
    (producer, consumer)
}

/// The ring's one producer (not `Clone`).
pub struct Producer {
    shared: Arc<Shared>,
    /// The producer's own index, equal to `shared.tail`.
    tail: u64,
    /// The producer's last reading of `shared.head`.
    head_cache: u64,
    capacity: u64,
}

/// The ring's one consumer (not `Clone`).
pub struct Consumer {
    shared: Arc<Shared>,
    /// The consumer's own index, equal to `shared.head`.
    head: u64,
    /// The consumer's last reading of `shared.tail`.
    tail_cache: u64,
    mask: u64,
}

impl Push for Producer {
    #[inline]
    fn push(&mut self, value: u64) -> Result<(), Disconnected> {
        let tail = self.tail;
        if tail.wrapping_sub(self.head_cache) == self.capacity {
            loop {
                self.head_cache = self.shared.head.load(Acquire);
                if tail.wrapping_sub(self.head_cache) != self.capacity {
                    break;
                }
                spin_loop();
            }
        }
        self.shared
            .slot(tail, self.capacity - 1)
            .store(value, Relaxed);
        self.tail = tail.wrapping_add(1);
        self.shared.tail.store(self.tail, Release);
        Ok(())
    }
}

impl Pop for Consumer {
    #[inline]
    fn pop(&mut self) -> Result<u64, Disconnected> {
        let head = self.head;
        if head == self.tail_cache {
            loop {
                self.tail_cache = self.shared.tail.load(Acquire);
                if head != self.tail_cache {
                    break;
                }
                spin_loop();
            }
        }
        let value = self.shared.slot(head, self.mask).load(Relaxed);
        self.head = head.wrapping_add(1);
        self.shared.head.store(self.head, Release);
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::mem::{align_of_val, size_of_val};

    #[test]
    fn holds_its_capacity_in_order_across_wrap_around() {
        let (mut producer, mut consumer) = new(4);
        for round in 0..3u64 {
            // Four pushes without a pop return: the ring holds all four.
            for i in 0..4 {
                producer.push(10 * round + i).unwrap();
            }
            let shared = &producer.shared;
            let held = shared.tail.load(Relaxed) - shared.head.load(Relaxed);
            assert_eq!(held, 4);
            assert_eq!(producer.tail, shared.tail.load(Relaxed));
            for i in 0..4 {
                assert_eq!(consumer.pop(), Ok(10 * round + i));
            }
        }
        assert_eq!(producer.shared.head.load(Relaxed), 12);
        assert_eq!(consumer.head, 12);
    }

    #[test]
    fn the_indices_and_slots_have_their_own_blocks() {
        let (producer, _consumer) = new(2);
        let shared = &*producer.shared;
        assert_eq!(size_of_val(&shared.tail), 128);
        assert_eq!(align_of_val(&shared.head), 128);
        assert_eq!(align_of_val(&shared.blocks[0]), 128);
        assert_eq!(shared.blocks.len(), 1);
        assert_eq!(new(64).0.shared.blocks.len(), 4);
    }

    #[test]
    fn moves_items_between_threads_in_order() {
        let (mut producer, mut consumer) = new(8);
        let sender = std::thread::spawn(move || {
            for i in 0..20_000 {
                producer.push(i).unwrap();
            }
        });
        for i in 0..20_000 {
            assert_eq!(consumer.pop(), Ok(i));
        }
        sender.join().unwrap();
    }
}
