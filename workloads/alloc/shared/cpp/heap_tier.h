// The default and mimalloc tiers: every node and payload its own operator new, owned by a
// std::unique_ptr and freed by its destructor. Which allocator that is depends on the binary:
// cpp-default keeps libstdc++'s operator new (glibc malloc), cpp-mimalloc replaces it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "alloc/shared/cpp/binary_trees.h"
#include "alloc/shared/cpp/request_arena.h"

namespace alloc {

template <class T>
using Owned = std::unique_ptr<T>;

// A binary tree of unique_ptrs; the destructor frees it node by node (recursively, at most
// 25 levels deep).
class HeapTree {
 public:
  using Node = TreeNode<Owned>;

  explicit HeapTree(int depth)
      : root_(BottomUp(depth, [](Owned<Node> left, Owned<Node> right) {
          return std::make_unique<Node>(std::move(left), std::move(right));
        })) {}

  const Node& root() const { return *root_; }

 private:
  Owned<Node> root_;
};

// A request's nodes, owned by one vector in creation order. The tree is drawn by index
// (parent = next() % i), so the index is needed anyway, and owning through it makes the
// release a flat loop: destroying the vector frees node 0's payload and node, then node 1's,
// and so on, however deep the tree, where owning tree links would recurse down the chains.
class HeapRequest {
 public:
  using Node = RequestNode<std::unique_ptr<std::uint8_t[]>>;

  explicit HeapRequest(std::size_t nodes) { nodes_.reserve(nodes); }

  Node& Add(std::uint64_t value, std::uint32_t depth, std::uint32_t len) {
    return *nodes_.emplace_back(std::make_unique<Node>(
        value, depth, len, std::make_unique_for_overwrite<std::uint8_t[]>(len)));
  }

  Node& operator[](std::size_t i) { return *nodes_[i]; }

  std::vector<const Node*> NewStack() const { return {}; }

 private:
  std::vector<std::unique_ptr<Node>> nodes_;
};

// The tier as the driver sees it.
struct HeapTier {
  using Tree = HeapTree;
  using Request = HeapRequest;
  static constexpr bool kHasChurn = true;
};

}  // namespace alloc
