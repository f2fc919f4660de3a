// request-arena (workloads/alloc/SPEC.md), written once for every tier. A tier supplies the
// Request type, one request's memory:
//
//   Request(nodes)                    ready for `nodes` nodes
//   Node& Add(value, depth, len)      a new node with a `len`-byte payload, index = creation order
//   Node& operator[](i)               node i
//   NewStack()                        an empty vector of const Node* from the request's allocator
//
// and destroying the Request releases every node and payload the tier's way.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "alloc/shared/cpp/splitmix64.h"

namespace alloc {

// One node of a request's tree. `Bytes` is the payload's handle: an owning
// std::unique_ptr<std::uint8_t[]>, or a plain pointer into an arena. The tree links never own:
// with up to 10^6 nodes a chain of owning links would be destroyed by recursion that deep.
template <class Bytes>
struct RequestNode {
  std::uint64_t value = 0;
  std::uint32_t depth = 0;
  std::uint32_t len = 0;  // payload bytes, 8 ... 64
  Bytes payload;
  RequestNode* first_child = nullptr;
  RequestNode* next_sibling = nullptr;
};

// A node's value, depth and payload as SPEC builds them: `len = 8 + value % 57` bytes, every
// one `value & 0xFF`.
template <class Request>
auto& AddNode(Request& request, std::uint64_t value, std::uint32_t depth) {
  const auto len = static_cast<std::uint32_t>(8 + value % 57);
  auto& node = request.Add(value, depth, len);
  std::fill_n(&node.payload[0], len, static_cast<std::uint8_t>(value & 0xFF));
  return node;
}

// The depth-first walk with an explicit stack: the sum over nodes of
// (value ^ depth) + len + payload[len - 1], mod 2^64.
template <class Node, class Stack>
std::uint64_t WalkChecksum(const Node& root, Stack stack) {
  std::uint64_t checksum = 0;
  stack.push_back(&root);
  while (!stack.empty()) {
    const Node* node = stack.back();
    stack.pop_back();
    checksum += (node->value ^ node->depth) + node->len + node->payload[node->len - 1];
    for (const Node* child = node->first_child; child != nullptr; child = child->next_sibling) {
      stack.push_back(child);
    }
  }
  return checksum;
}

// One request: build the tree from a generator seeded with `seed`, walk it, release it.
template <class Request>
std::uint64_t ServeRequest(std::uint64_t seed, std::uint64_t nodes) {
  SplitMix64 random(seed);
  Request request(static_cast<std::size_t>(nodes));
  AddNode(request, random.Next(), 0);
  for (std::uint64_t i = 1; i < nodes; ++i) {
    auto& parent = request[static_cast<std::size_t>(random.Next() % i)];
    auto& child = AddNode(request, random.Next(), parent.depth + 1);
    child.next_sibling = parent.first_child;  // the newest child comes first
    parent.first_child = &child;
  }
  return WalkChecksum(request[0], request.NewStack());
}  // the request is released here, after the walk's stack

// One iteration's count and checksum, the verification value.
struct RequestsResult {
  std::uint64_t requests = 0;
  std::uint64_t checksum = 0;
  bool operator==(const RequestsResult&) const = default;
};

inline nlohmann::json RequestsJson(const RequestsResult& r) {
  return {{"requests", r.requests}, {"checksum", r.checksum}};
}

// One iteration: requests 0 ... requests-1, request r seeded with seed + r (mod 2^64).
template <class Request>
RequestsResult ServeRequests(std::uint64_t requests, std::uint64_t nodes, std::uint64_t seed) {
  std::uint64_t checksum = 0;
  for (std::uint64_t r = 0; r < requests; ++r) checksum += ServeRequest<Request>(seed + r, nodes);
  return {requests, checksum};
}

}  // namespace alloc
