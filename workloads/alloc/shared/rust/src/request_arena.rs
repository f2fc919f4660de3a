//! `request-arena` (SPEC.md, "Operations"): each request builds a random
//! tree of nodes with payloads, walks it and releases it.
//!
//! Every node and every payload is allocated on its own, as the SPEC
//! requires. The tree links are node numbers into the request's array of
//! node boxes rather than pointers: the build must reach a node's parent by
//! its number while the tree owns its nodes, which Rust's ownership allows
//! only through that array (or through raw pointers and `unsafe`). The
//! array owns the nodes, so dropping it releases them node by node without
//! a recursion that a chain of a million nodes would overflow.

use crate::{Alloc, SplitMix64};
use serde::Serialize;
use std::mem;
use std::num::NonZeroU32;

/// The verification value, fields in the SPEC's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Served {
    pub requests: u64,
    /// The sum of the requests' checksums, mod 2^64.
    pub checksum: u64,
}

/// A node of a request's tree. Links are numbers of other nodes; node 0,
/// the root, is nobody's child or sibling, so a link is never 0.
struct Node<'a, A: Alloc> {
    first_child: Option<NonZeroU32>,
    next_sibling: Option<NonZeroU32>,
    value: u64,
    payload: A::Bytes<'a>,
}

/// A node with `value` and its payload: `8 + value % 57` bytes, each the
/// value's low byte.
#[inline]
fn new_node<A: Alloc>(arena: &A::Arena, value: u64) -> A::Box<'_, Node<'_, A>> {
    let len = 8 + (value % 57) as usize;
    let payload = A::bytes(arena, len, value as u8);
    A::alloc(
        arena,
        Node {
            first_child: None,
            next_sibling: None,
            value,
            payload,
        },
    )
}

/// Request with the generator seeded `seed`: builds its tree of `nodes`
/// nodes, walks it and releases it; its checksum.
fn request<A: Alloc>(arena: &mut A::Arena, nodes: u32, seed: u64) -> u64 {
    let checksum = {
        let arena = &*arena;
        let mut rng = SplitMix64::new(seed);
        let mut tree = A::vec_with_capacity(arena, nodes as usize);
        A::push(&mut tree, new_node::<A>(arena, rng.next_u64()));
        for i in 1..nodes {
            let parent = (rng.next_u64() % u64::from(i)) as usize;
            let mut node = new_node::<A>(arena, rng.next_u64());
            // The new node becomes its parent's first child (`i` ≥ 1, so
            // the link is `Some`).
            node.next_sibling = mem::replace(&mut tree[parent].first_child, NonZeroU32::new(i));
            A::push(&mut tree, node);
        }
        walk::<A>(arena, &tree)
        // The tree is dropped here: the global heap's nodes and payloads
        // are freed one by one, an arena's are left to the reset.
    };
    A::reset(arena);
    checksum
}

/// Depth-first from the root, on a stack from the request's allocator: the
/// sum over the nodes of `(value ^ depth) + len + payload[len − 1]`.
fn walk<A: Alloc>(arena: &A::Arena, tree: &[A::Box<'_, Node<'_, A>>]) -> u64 {
    let mut stack = A::vec_with_capacity::<(u32, u32)>(arena, 0);
    A::push(&mut stack, (0, 0));
    let mut checksum = 0u64;
    while let Some((index, depth)) = A::pop(&mut stack) {
        let node = &tree[index as usize];
        let len = node.payload.len();
        checksum = checksum
            .wrapping_add(node.value ^ u64::from(depth))
            .wrapping_add(len as u64)
            .wrapping_add(u64::from(node.payload[len - 1]));
        if let Some(sibling) = node.next_sibling {
            A::push(&mut stack, (sibling.get(), depth));
        }
        if let Some(child) = node.first_child {
            A::push(&mut stack, (child.get(), depth + 1));
        }
    }
    checksum
}

/// The state of `request-arena`: its parameters and the arena every
/// request allocates from, reset at the end of each request and kept for
/// the next.
pub struct RequestArena<A: Alloc> {
    requests: u64,
    nodes: u32,
    seed: u64,
    arena: A::Arena,
}

impl<A: Alloc> RequestArena<A> {
    /// `nodes` is at least 1.
    pub fn new(requests: u64, nodes: u32, seed: u64) -> RequestArena<A> {
        RequestArena {
            requests,
            nodes,
            seed,
            arena: A::new_arena(),
        }
    }

    /// One iteration: every request, request `r` seeded `SEED + r`.
    pub fn iteration(&mut self) -> Served {
        let checksum = (0..self.requests).fold(0u64, |sum, r| {
            sum.wrapping_add(request::<A>(
                &mut self.arena,
                self.nodes,
                self.seed.wrapping_add(r),
            ))
        });
        Served {
            requests: self.requests,
            checksum,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::GlobalHeap;

    #[test]
    fn small_runs_give_the_specs_checksums() {
        assert_eq!(
            RequestArena::<GlobalHeap>::new(2, 5, 42).iteration(),
            Served {
                requests: 2,
                checksum: 13_850_122_870_799_849_890
            }
        );
        let mut twenty = RequestArena::<GlobalHeap>::new(20, 500, 42);
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
    fn a_lone_root_counts_its_value_length_and_last_byte() {
        let mut rng = SplitMix64::new(9);
        let value = rng.next_u64();
        let len = 8 + value % 57;
        let expected = value.wrapping_add(len).wrapping_add(value & 0xFF);
        assert_eq!(request::<GlobalHeap>(&mut (), 1, 9), expected);
    }

    /// The checksum replayed as benchctl does: no tree, only each node's
    /// depth.
    fn replayed(nodes: u32, seed: u64) -> u64 {
        let mut rng = SplitMix64::new(seed);
        let mut depths = vec![0u64; nodes as usize];
        let mut checksum = 0u64;
        for i in 0..nodes as usize {
            if i > 0 {
                depths[i] = depths[(rng.next_u64() % i as u64) as usize] + 1;
            }
            let value = rng.next_u64();
            checksum = checksum
                .wrapping_add(value ^ depths[i])
                .wrapping_add(8 + value % 57)
                .wrapping_add(value & 0xFF);
        }
        checksum
    }

    #[test]
    fn the_walk_matches_a_replay_of_the_depths() {
        for (nodes, seed) in [(2, 0), (3, 1), (64, 5), (10_000, u64::MAX)] {
            assert_eq!(
                request::<GlobalHeap>(&mut (), nodes, seed),
                replayed(nodes, seed),
                "{nodes} nodes, seed {seed}"
            );
        }
    }
}
