//! `churn` (SPEC.md, "Operations"): blocks of random sizes allocated and
//! freed one by one in a live set, timed in batches of 8 operations.

use crate::{Histogram, SplitMix64};
use serde::Serialize;
use std::mem::MaybeUninit;
use std::time::Instant;

/// Operations per timed batch.
const BATCH: u64 = 8;

/// Bytes between two written bytes of a block: one per page.
const STRIDE: usize = 4096;

/// The verification value, fields in the SPEC's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Churned {
    pub ops: u64,
    /// The sum of every first and last byte read, mod 2^64.
    pub checksum: u64,
}

/// A block of the global allocator's, written only where the SPEC says: a
/// byte at offset 0, at every multiple of 4096 and at the end. It is not
/// zeroed first, as `vec![0; size]` would: that would add a memset of the
/// whole block to what is measured.
struct Block(Box<[MaybeUninit<u8>]>);

impl Block {
    /// `size` (at least 1) bytes with `byte` written at the SPEC's offsets.
    #[inline]
    fn new(size: usize, byte: u8) -> Block {
        let mut bytes = Box::new_uninit_slice(size);
        for offset in (0..size).step_by(STRIDE) {
            bytes[offset].write(byte);
        }
        bytes[size - 1].write(byte);
        Block(bytes)
    }

    /// The first byte plus the last.
    #[inline]
    fn ends(&self) -> u64 {
        let (first, last) = (&self.0[0], &self.0[self.0.len() - 1]);
        // SAFETY: `new` wrote offset 0 and offset `len − 1`.
        unsafe { u64::from(first.assume_init()) + u64::from(last.assume_init()) }
    }
}

/// A block's size class (SPEC.md: from `next() % 100`), as `(lo, hi)`.
#[inline]
fn size_range(class: u64) -> (u64, u64) {
    match class {
        0..60 => (16, 256),
        60..90 => (257, 4096),
        90..99 => (4097, 32768),
        _ => (32769, 65536),
    }
}

/// The state of `churn`: the live set, empty between iterations, and the
/// batch histogram.
pub struct Churn {
    slots: Vec<Option<Block>>,
    ops: u64,
    seed: u64,
    /// The batches of the iterations run with `timing` set.
    pub(crate) batches: Histogram,
}

impl Churn {
    /// `live` is at least 1.
    pub fn new(live: usize, ops: u64, seed: u64) -> Churn {
        Churn {
            slots: (0..live).map(|_| None).collect(),
            ops,
            seed,
            batches: Histogram::default(),
        }
    }

    /// One iteration; while `timing`, each batch's time goes into the
    /// histogram. The clock is read the same way either way, so untimed
    /// iterations do the same work.
    pub fn iteration(&mut self, timing: bool) -> Churned {
        let mut rng = SplitMix64::new(self.seed);
        let live = self.slots.len() as u64;
        let mut checksum = 0u64;
        let mut batch_start = Instant::now();
        for op in 1..=self.ops {
            let slot = (rng.next_u64() % live) as usize;
            let (lo, hi) = size_range(rng.next_u64() % 100);
            let size = (lo + rng.next_u64() % (hi - lo + 1)) as usize;
            let byte = (rng.next_u64() & 0xFF) as u8;
            // Freed before the new block is allocated, as the SPEC orders.
            if let Some(old) = self.slots[slot].take() {
                checksum = checksum.wrapping_add(old.ends());
            }
            self.slots[slot] = Some(Block::new(size, byte));
            if op % BATCH == 0 {
                let now = Instant::now();
                if timing {
                    let ns = now.duration_since(batch_start).as_nanos();
                    self.batches.record(u64::try_from(ns).unwrap_or(u64::MAX));
                }
                batch_start = now;
            }
        }
        for slot in &mut self.slots {
            if let Some(block) = slot.take() {
                checksum = checksum.wrapping_add(block.ends());
            }
        }
        Churned {
            ops: self.ops,
            checksum,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_runs_give_the_specs_checksums() {
        assert_eq!(
            Churn::new(1000, 20_000, 42).iteration(false),
            Churned {
                ops: 20_000,
                checksum: 5_118_772
            }
        );
        assert_eq!(
            Churn::new(10_000, 200_000, 42).iteration(false),
            Churned {
                ops: 200_000,
                checksum: 50_961_184
            }
        );
    }

    #[test]
    fn every_iteration_starts_empty_and_does_the_same_work() {
        let mut churn = Churn::new(1000, 20_000, 42);
        let first = churn.iteration(false);
        assert!(churn.slots.iter().all(Option::is_none));
        assert_eq!(churn.iteration(false), first);
    }

    #[test]
    fn only_timed_iterations_record_their_full_batches() {
        let mut churn = Churn::new(10, 1003, 7);
        churn.iteration(false);
        assert_eq!(churn.batches.count(), 0);
        churn.iteration(true);
        churn.iteration(true);
        // 1003 operations are 125 full batches; the last 3 are no batch.
        assert_eq!(churn.batches.count(), 250);
    }

    #[test]
    fn a_block_holds_its_byte_at_both_ends() {
        for (size, byte) in [(1, 7u8), (16, 0), (4096, 255), (4097, 9), (65536, 128)] {
            let block = Block::new(size, byte);
            assert_eq!(block.0.len(), size);
            assert_eq!(block.ends(), 2 * u64::from(byte), "size {size}");
        }
    }

    #[test]
    fn size_classes_follow_the_mix() {
        assert_eq!(size_range(0), (16, 256));
        assert_eq!(size_range(59), (16, 256));
        assert_eq!(size_range(60), (257, 4096));
        assert_eq!(size_range(89), (257, 4096));
        assert_eq!(size_range(90), (4097, 32768));
        assert_eq!(size_range(98), (4097, 32768));
        assert_eq!(size_range(99), (32769, 65536));
    }
}
