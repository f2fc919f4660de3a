//! The arena tier's [`Alloc`]: every value, payload and array of a tree or
//! a request comes from one `bumpalo::Bump`, freed in one step by
//! `Bump::reset`. Nothing is dropped on its own (bumpalo runs no
//! destructors), and a reset keeps the arena's largest chunk for the next
//! tree or request.

use alloc_driver::Alloc;
use bumpalo::Bump;

pub struct BumpArena;

impl Alloc for BumpArena {
    type Arena = Bump;
    type Box<'a, T: 'a> = &'a mut T;
    type Bytes<'a> = &'a [u8];
    type Vec<'a, T: 'a> = bumpalo::collections::Vec<'a, T>;

    const FREES_EACH_BLOCK: bool = false;

    fn new_arena() -> Bump {
        Bump::new()
    }

    #[inline]
    fn alloc<'a, T: 'a>(arena: &'a Bump, value: T) -> &'a mut T {
        arena.alloc(value)
    }

    #[inline]
    fn bytes(arena: &Bump, len: usize, byte: u8) -> &[u8] {
        arena.alloc_slice_fill_copy(len, byte)
    }

    #[inline]
    fn vec_with_capacity<'a, T: 'a>(
        arena: &'a Bump,
        capacity: usize,
    ) -> bumpalo::collections::Vec<'a, T> {
        bumpalo::collections::Vec::with_capacity_in(capacity, arena)
    }

    #[inline]
    fn push<T>(vec: &mut bumpalo::collections::Vec<'_, T>, value: T) {
        vec.push(value);
    }

    #[inline]
    fn pop<T>(vec: &mut bumpalo::collections::Vec<'_, T>) -> Option<T> {
        vec.pop()
    }

    fn reset(arena: &mut Bump) {
        arena.reset();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc_driver::{BinaryTrees, Checks, GlobalHeap, RequestArena, Served};

    #[test]
    fn binary_trees_depth_10_gives_the_specs_value() {
        assert_eq!(
            BinaryTrees::<BumpArena>::new(10).iteration(),
            Checks {
                stretch: 4095,
                trees: vec![
                    [4, 1024, 31744],
                    [6, 256, 32512],
                    [8, 64, 32704],
                    [10, 16, 32752]
                ],
                long_lived: 2047,
            }
        );
    }

    #[test]
    fn binary_trees_depth_6_matches_the_global_heap_every_iteration() {
        let expected = BinaryTrees::<GlobalHeap>::new(6).iteration();
        assert_eq!(expected.stretch, 255);
        let mut trees = BinaryTrees::<BumpArena>::new(6);
        for _ in 0..2 {
            assert_eq!(trees.iteration(), expected);
        }
    }

    #[test]
    fn request_arena_gives_the_specs_checksums() {
        assert_eq!(
            RequestArena::<BumpArena>::new(2, 5, 42).iteration(),
            Served {
                requests: 2,
                checksum: 13_850_122_870_799_849_890
            }
        );
        let mut twenty = RequestArena::<BumpArena>::new(20, 500, 42);
        for _ in 0..2 {
            assert_eq!(
                twenty.iteration(),
                Served {
                    requests: 20,
                    checksum: 13_882_999_698_149_200_982
                }
            );
        }
    }

    #[test]
    fn a_reset_keeps_one_chunk_for_the_next_request() {
        let mut arena = BumpArena::new_arena();
        let bytes = BumpArena::bytes(&arena, 100_000, 3);
        assert_eq!((bytes.len(), bytes[99_999]), (100_000, 3));
        BumpArena::reset(&mut arena);
        let kept = arena.allocated_bytes();
        assert!(kept >= 100_000, "{kept} bytes kept");
        BumpArena::bytes(&arena, 100_000, 4);
        assert_eq!(arena.allocated_bytes(), kept);
    }
}
