// The arena tier: std::pmr::monotonic_buffer_resource, one per binary tree and one per
// request, allocated from through std::pmr::polymorphic_allocator. Nodes and payloads are
// bump-allocated and never freed one by one: the resource's destructor calls release(), which
// returns its buffers to the upstream resource (the default, operator new: glibc malloc) in
// one step when the tree or request is freed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory_resource>
#include <vector>

#include "alloc/shared/cpp/binary_trees.h"
#include "alloc/shared/cpp/request_arena.h"

namespace alloc {

template <class T>
using InArena = T*;

// A binary tree in an arena of its own. Nodes are trivially destructible, so nothing runs
// per node when the tree is freed.
class ArenaTree {
 public:
  using Node = TreeNode<InArena>;

  explicit ArenaTree(int depth)
      : root_(BottomUp(depth, [this](Node* left, Node* right) {
          return allocator_.new_object<Node>(left, right);
        })) {}

  const Node& root() const { return *root_; }

 private:
  std::pmr::monotonic_buffer_resource arena_;  // declared first: built first, released last
  std::pmr::polymorphic_allocator<> allocator_{&arena_};
  Node* root_;
};

// A request in an arena of its own: nodes, payloads, the index and the walk's stack.
class ArenaRequest {
 public:
  using Node = RequestNode<std::uint8_t*>;

  explicit ArenaRequest(std::size_t nodes) { nodes_.reserve(nodes); }

  Node& Add(std::uint64_t value, std::uint32_t depth, std::uint32_t len) {
    auto* payload = static_cast<std::uint8_t*>(allocator_.allocate_bytes(len, 1));
    Node* node = allocator_.new_object<Node>(value, depth, len, payload);
    nodes_.push_back(node);
    return *node;
  }

  Node& operator[](std::size_t i) { return *nodes_[i]; }

  std::pmr::vector<const Node*> NewStack() { return std::pmr::vector<const Node*>(allocator_); }

 private:
  std::pmr::monotonic_buffer_resource arena_;  // declared first: built first, released last
  std::pmr::polymorphic_allocator<> allocator_{&arena_};
  std::pmr::vector<Node*> nodes_{allocator_};
};

// The tier as the driver sees it: no churn (SPEC: its blocks are freed one by one).
struct ArenaTier {
  using Tree = ArenaTree;
  using Request = ArenaRequest;
  static constexpr bool kHasChurn = false;
};

}  // namespace alloc
