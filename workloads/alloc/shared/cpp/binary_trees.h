// binary-trees (workloads/alloc/SPEC.md), written once for every tier. A tier supplies the
// Tree type: `Tree(depth)` builds bottomUp(depth) with the tier's allocation, `root()` gives
// its root node, and destroying the Tree frees it the tier's way.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <type_traits>
#include <utility>
#include <vector>

namespace alloc {

// A node holds its two children and nothing else; `Link` says whether it owns them
// (std::unique_ptr) or an arena does (a plain pointer). A leaf's links are both null.
template <template <class> class Link>
struct TreeNode {
  Link<TreeNode> left;
  Link<TreeNode> right;
};

// bottomUp(depth): `make(left, right)` allocates one node from its children (nulls for a
// leaf). The left subtree is built before the right, and both before their parent.
template <class Make>
auto BottomUp(int depth, const Make& make) {
  if (depth == 0) return make(nullptr, nullptr);
  auto left = BottomUp(depth - 1, make);
  auto right = BottomUp(depth - 1, make);
  return make(std::move(left), std::move(right));
}

// check(node) = 1 + check(left) + check(right); a leaf has no children. The depth is at most
// 25, so the recursion is shallow.
template <class Node>
std::uint64_t Check(const Node& node) {
  if (!node.left) return 1;
  return 1 + Check(*node.left) + Check(*node.right);
}

// Step 3's trees of one depth: `count` trees of `depth`, their checks summed.
struct TreesOfDepth {
  int depth = 0;
  std::uint64_t count = 0;
  std::uint64_t check_sum = 0;
  bool operator==(const TreesOfDepth&) const = default;
};

// One iteration's checks, the verification value.
struct BinaryTreesResult {
  std::uint64_t stretch = 0;
  std::vector<TreesOfDepth> trees;
  std::uint64_t long_lived = 0;
  bool operator==(const BinaryTreesResult&) const = default;
};

// One iteration of binary-trees with max(depth, 6) as the max depth.
template <class Tree>
BinaryTreesResult BinaryTrees(int depth) {
  constexpr int kMinDepth = 4;
  const int max_depth = std::max(depth, 6);
  BinaryTreesResult result;
  result.trees.reserve(static_cast<std::size_t>((max_depth - kMinDepth) / 2 + 1));
  {
    const Tree stretch(max_depth + 1);
    result.stretch = Check(stretch.root());
  }
  const Tree long_lived(max_depth);
  for (int d = kMinDepth; d <= max_depth; d += 2) {
    const std::uint64_t count = std::uint64_t{1} << (max_depth - d + kMinDepth);
    std::uint64_t check_sum = 0;
    for (std::uint64_t i = 0; i < count; ++i) {
      const Tree tree(d);
      check_sum += Check(tree.root());
    }
    result.trees.push_back({d, count, check_sum});
  }
  result.long_lived = Check(long_lived.root());
  return result;
}

// SPEC's verification value: {"stretch", "trees": [[d, n, sum], ...], "long_lived"}.
inline nlohmann::json BinaryTreesJson(const BinaryTreesResult& r) {
  nlohmann::json trees = nlohmann::json::array();
  for (const TreesOfDepth& t : r.trees) trees.push_back({t.depth, t.count, t.check_sum});
  return {{"stretch", r.stretch}, {"trees", std::move(trees)}, {"long_lived", r.long_lived}};
}

}  // namespace alloc
