//! A value alone in its own 128-byte block.

use std::ops::Deref;

/// `T` alone in a 128-byte-aligned, 128-byte block (at least), so that what
/// one thread writes never shares a cache line, or the line x86-64's
/// adjacent-line prefetcher pairs with it, with what the other thread
/// writes. 128 is written out: the SPEC fixes it for every language.
#[derive(Debug, Default)]
#[repr(align(128))]
pub struct Padded<T>(pub T);

impl<T> Deref for Padded<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::mem::{align_of, size_of};
    use std::sync::atomic::AtomicU64;

    #[test]
    fn a_padded_index_fills_a_whole_block() {
        assert_eq!(align_of::<Padded<AtomicU64>>(), 128);
        assert_eq!(size_of::<Padded<AtomicU64>>(), 128);
        assert_eq!(size_of::<Padded<[AtomicU64; 2]>>(), 128);
        assert_eq!(size_of::<Padded<[u64; 17]>>(), 256);
    }
}
