//! How a tier allocates the nodes, payloads and stacks of `binary-trees`
//! and `request-arena`, so both operations are written once.

use std::ops::{Deref, DerefMut};

/// A tier's way to allocate. Everything an operation allocates for one
/// tree or one request comes from an [`Alloc::Arena`] and lives no longer
/// than the borrow of it; [`Alloc::reset`] then frees what is left in one
/// step. The global heap's arena is nothing: its boxes and vectors free
/// themselves, one by one, when dropped.
pub trait Alloc: 'static {
    /// Where one tree's or one request's memory comes from.
    type Arena;
    /// One value allocated on its own.
    type Box<'a, T: 'a>: DerefMut<Target = T>;
    /// A payload: bytes allocated on their own.
    type Bytes<'a>: Deref<Target = [u8]>;
    /// A growable array.
    type Vec<'a, T: 'a>: DerefMut<Target = [T]>;

    /// Whether blocks are freed one by one, as `churn` needs (an arena
    /// frees only all at once).
    const FREES_EACH_BLOCK: bool;

    fn new_arena() -> Self::Arena;
    fn alloc<'a, T: 'a>(arena: &'a Self::Arena, value: T) -> Self::Box<'a, T>;
    /// `len` bytes, each `byte`.
    fn bytes(arena: &Self::Arena, len: usize, byte: u8) -> Self::Bytes<'_>;
    fn vec_with_capacity<'a, T: 'a>(arena: &'a Self::Arena, capacity: usize) -> Self::Vec<'a, T>;
    fn push<T>(vec: &mut Self::Vec<'_, T>, value: T);
    fn pop<T>(vec: &mut Self::Vec<'_, T>) -> Option<T>;
    /// Frees what the arena still holds; nothing may borrow it any more.
    fn reset(arena: &mut Self::Arena);
}

/// The `#[global_allocator]`, whichever it is: `Box`, `Box<[u8]>` and
/// `Vec`, each freed when dropped.
pub struct GlobalHeap;

impl Alloc for GlobalHeap {
    type Arena = ();
    type Box<'a, T: 'a> = Box<T>;
    type Bytes<'a> = Box<[u8]>;
    type Vec<'a, T: 'a> = Vec<T>;

    const FREES_EACH_BLOCK: bool = true;

    fn new_arena() {}

    #[inline]
    fn alloc<'a, T: 'a>(_: &'a (), value: T) -> Box<T> {
        Box::new(value)
    }

    #[inline]
    fn bytes(_: &(), len: usize, byte: u8) -> Box<[u8]> {
        vec![byte; len].into_boxed_slice()
    }

    #[inline]
    fn vec_with_capacity<'a, T: 'a>(_: &'a (), capacity: usize) -> Vec<T> {
        Vec::with_capacity(capacity)
    }

    #[inline]
    fn push<T>(vec: &mut Vec<T>, value: T) {
        vec.push(value);
    }

    #[inline]
    fn pop<T>(vec: &mut Vec<T>) -> Option<T> {
        vec.pop()
    }

    fn reset(_: &mut ()) {}
}
