//! The SPEC's ring ("The hand-written ring"): `CAPACITY` slots, free-running
//! `u64` indices, each side caching the other's index, one item per call.
//!
//! Everything shared is an atomic, so the ring is safe code: the slots and
//! the caches are only ever accessed `Relaxed`, which on x86-64 compiles to
//! the same plain loads and stores as non-atomic memory, and the `tail` and
//! `head` release/acquire pairs order the slot accesses.

use spsc_driver::{Disconnected, Padded, Pop, Push};
use std::hint::spin_loop;
use std::sync::atomic::AtomicU64;
use std::sync::atomic::Ordering::{Acquire, Relaxed, Release};
use std::sync::Arc;

/// Slots per 128-byte block.
const SLOTS_PER_BLOCK: usize = 128 / 8;

/// What the producer writes.
#[derive(Default)]
struct ProducerBlock {
    tail: AtomicU64,
    /// The producer's own copy of `head`.
    head_cache: AtomicU64,
}

/// What the consumer writes.
#[derive(Default)]
struct ConsumerBlock {
    head: AtomicU64,
    /// The consumer's own copy of `tail`.
    tail_cache: AtomicU64,
}

struct Ring {
    producer: Padded<ProducerBlock>,
    consumer: Padded<ConsumerBlock>,
    /// The slots, in 128-byte blocks so they start on a block of their own.
    blocks: Box<[Padded<[AtomicU64; SLOTS_PER_BLOCK]>]>,
    capacity: u64,
    mask: u64,
}

impl Ring {
    #[inline]
    fn slot(&self, index: u64) -> &AtomicU64 {
        let i = (index & self.mask) as usize;
        &self.blocks[i / SLOTS_PER_BLOCK].0[i % SLOTS_PER_BLOCK]
    }
}

/// A ring of `capacity` slots (a power of two, checked by the driver).
pub fn new(capacity: usize) -> (Producer, Consumer) {
    debug_assert!(capacity.is_power_of_two());
    let blocks = capacity.div_ceil(SLOTS_PER_BLOCK);
    let ring = Arc::new(Ring {
        producer: Padded::default(),
        consumer: Padded::default(),
        blocks: (0..blocks).map(|_| Padded::default()).collect(),
        capacity: capacity as u64,
        mask: capacity as u64 - 1,
    });
    let producer = Producer {
        ring: Arc::clone(&ring),
    };
    (producer, Consumer { ring })
}

/// The ring's one producer (not `Clone`).
pub struct Producer {
    ring: Arc<Ring>,
}

/// The ring's one consumer (not `Clone`).
pub struct Consumer {
    ring: Arc<Ring>,
}

impl Push for Producer {
    #[inline]
    fn push(&mut self, value: u64) -> Result<(), Disconnected> {
        let ring = &*self.ring;
        let mine = &ring.producer;
        let tail = mine.tail.load(Relaxed);
        if tail.wrapping_sub(mine.head_cache.load(Relaxed)) == ring.capacity {
            loop {
                let head = ring.consumer.head.load(Acquire);
                mine.head_cache.store(head, Relaxed);
                if tail.wrapping_sub(head) != ring.capacity {
                    break;
                }
                spin_loop();
            }
        }
        ring.slot(tail).store(value, Relaxed);
        mine.tail.store(tail.wrapping_add(1), Release);
        Ok(())
    }
}

impl Pop for Consumer {
    #[inline]
    fn pop(&mut self) -> Result<u64, Disconnected> {
        let ring = &*self.ring;
        let mine = &ring.consumer;
        let head = mine.head.load(Relaxed);
        if head == mine.tail_cache.load(Relaxed) {
            loop {
                let tail = ring.producer.tail.load(Acquire);
                mine.tail_cache.store(tail, Relaxed);
                if head != tail {
                    break;
                }
                spin_loop();
            }
        }
        let value = ring.slot(head).load(Relaxed);
        mine.head.store(head.wrapping_add(1), Release);
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
            let ring = &producer.ring;
            let held = ring.producer.tail.load(Relaxed) - ring.consumer.head.load(Relaxed);
            assert_eq!(held, 4);
            for i in 0..4 {
                assert_eq!(consumer.pop(), Ok(10 * round + i));
            }
        }
        assert_eq!(producer.ring.consumer.head.load(Relaxed), 12);
    }

    #[test]
    fn the_indices_and_slots_have_their_own_blocks() {
        let (producer, _consumer) = new(2);
        let ring = &*producer.ring;
        assert_eq!(size_of_val(&ring.producer), 128);
        assert_eq!(align_of_val(&ring.consumer), 128);
        assert_eq!(align_of_val(&ring.blocks[0]), 128);
        assert_eq!(ring.blocks.len(), 1);
        assert_eq!(new(64).0.ring.blocks.len(), 4);
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
