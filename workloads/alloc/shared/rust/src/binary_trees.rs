//! `binary-trees` (SPEC.md, "Operations"): the Benchmarks Game program,
//! single-threaded, every node allocated on its own.

use crate::Alloc;
use serde::Serialize;
use std::hint::black_box;

/// The shallowest tree of step 3.
const MIN_DEPTH: u32 = 4;

/// The verification value, fields in the SPEC's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Checks {
    /// The stretch tree's check.
    pub stretch: u64,
    /// `[depth, trees built, sum of their checks]` for each depth of step 3.
    pub trees: Vec<[u64; 3]>,
    /// The long-lived tree's check.
    pub long_lived: u64,
}

/// Two child pointers, both `None` for a leaf, and nothing else.
struct Node<'a, A: Alloc> {
    left: Option<A::Box<'a, Node<'a, A>>>,
    right: Option<A::Box<'a, Node<'a, A>>>,
}

/// A tree of `depth` levels below its root, allocated from `arena`.
fn bottom_up<A: Alloc>(arena: &A::Arena, depth: u32) -> A::Box<'_, Node<'_, A>> {
    let node = if depth == 0 {
        Node {
            left: None,
            right: None,
        }
    } else {
        Node {
            left: Some(bottom_up::<A>(arena, depth - 1)),
            right: Some(bottom_up::<A>(arena, depth - 1)),
        }
    };
    A::alloc(arena, node)
}

/// The number of nodes of the tree under `node`.
fn check<A: Alloc>(node: &Node<'_, A>) -> u64 {
    1 + node.left.as_deref().map_or(0, check) + node.right.as_deref().map_or(0, check)
}

/// Builds a tree in `arena`, checks it and frees it (dropping it, then
/// resetting the arena).
fn build_check_free<A: Alloc>(arena: &mut A::Arena, depth: u32) -> u64 {
    // The barrier keeps the optimiser from reasoning about the tree it
    // just built instead of walking it.
    let tree = black_box(bottom_up::<A>(arena, depth));
    let nodes = check(&tree);
    drop(tree);
    A::reset(arena);
    nodes
}

/// The state of `binary-trees`: the depth and one arena for the long-lived
/// tree, one for the tree of the moment (the stretch tree, then each tree of
/// step 3). The arenas outlive the iterations, so what a reset keeps is
/// reused.
pub struct BinaryTrees<A: Alloc> {
    max_depth: u32,
    long_lived: A::Arena,
    short_lived: A::Arena,
}

impl<A: Alloc> BinaryTrees<A> {
    /// `max_depth` is at least 6 (the parameter's range).
    pub fn new(max_depth: u32) -> BinaryTrees<A> {
        BinaryTrees {
            max_depth,
            long_lived: A::new_arena(),
            short_lived: A::new_arena(),
        }
    }

    /// One iteration: steps 1 to 4 of the SPEC.
    pub fn iteration(&mut self) -> Checks {
        let max = self.max_depth;
        let stretch = build_check_free::<A>(&mut self.short_lived, max + 1);

        let long_lived = black_box(bottom_up::<A>(&self.long_lived, max));
        let trees = (MIN_DEPTH..=max)
            .step_by(2)
            .map(|depth| {
                let count = 1u64 << (max - depth + MIN_DEPTH);
                let nodes = (0..count)
                    .map(|_| build_check_free::<A>(&mut self.short_lived, depth))
                    .sum();
                [u64::from(depth), count, nodes]
            })
            .collect();

        let long_lived_nodes = check(&long_lived);
        drop(long_lived);
        A::reset(&mut self.long_lived);
        Checks {
            stretch,
            trees,
            long_lived: long_lived_nodes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::GlobalHeap;

    /// The SPEC's value, from `check(bottomUp(d)) = 2^(d+1) − 1`.
    pub(crate) fn expected(max: u32) -> Checks {
        let nodes = |depth: u32| (1u64 << (depth + 1)) - 1;
        Checks {
            stretch: nodes(max + 1),
            trees: (4..=max)
                .step_by(2)
                .map(|d| {
                    let n = 1u64 << (max - d + 4);
                    [u64::from(d), n, n * nodes(d)]
                })
                .collect(),
            long_lived: nodes(max),
        }
    }

    #[test]
    fn depth_10_gives_the_specs_value() {
        let checks = BinaryTrees::<GlobalHeap>::new(10).iteration();
        assert_eq!(
            checks,
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
        assert_eq!(checks, expected(10));
    }

    #[test]
    fn depth_6_gives_the_specs_value_every_iteration() {
        let mut trees = BinaryTrees::<GlobalHeap>::new(6);
        for _ in 0..2 {
            assert_eq!(trees.iteration(), expected(6));
        }
        assert_eq!(expected(6).trees, vec![[4, 64, 1984], [6, 16, 2032]]);
    }

    #[test]
    fn the_verification_value_renders_in_the_specs_shape() {
        let json = serde_json::to_string(&expected(6)).unwrap();
        assert_eq!(
            json,
            r#"{"stretch":255,"trees":[[4,64,1984],[6,16,2032]],"long_lived":127}"#
        );
    }
}
