// alloc suite (workloads/alloc/SPEC.md), mimalloc tier: the default tier's code with the
// global operator new/delete replaced by mimalloc's (Debian's libmimalloc 2.0.9).
//
// mimalloc-new-delete.h defines the replacement operators, so it is included in this one
// translation unit only.
#include <mimalloc-new-delete.h>
#include <mimalloc.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "alloc/shared/cpp/churn.h"
#include "alloc/shared/cpp/driver.h"
#include "alloc/shared/cpp/heap_tier.h"

namespace {

// Fails unless `p` lies in mimalloc's heap.
void RequireMimalloc(const void* p, const std::string& what) {
  if (!mi_is_in_heap_region(p)) {
    throw benchlib::Error(what + " was not allocated by mimalloc: operator new is not mimalloc's");
  }
}

// Proves, on one allocation of every kind the operations make (through the same code), that
// the memory comes from mimalloc, and reports mimalloc's version (major·100 + minor·10 +
// patch: 209 for 2.0.9).
benchlib::Counters CheckMimalloc() {
  const alloc::HeapTree tree(1);
  RequireMimalloc(&tree.root(), "a binary-trees node");
  RequireMimalloc(tree.root().left.get(), "a binary-trees leaf");
  alloc::HeapRequest request(1);
  const auto& node = request.Add(0, 0, 8);
  RequireMimalloc(&node, "a request-arena node");
  RequireMimalloc(node.payload.get(), "a request-arena payload");
  RequireMimalloc(alloc::NewBlock(16).get(), "a 16-byte churn block");
  RequireMimalloc(alloc::NewBlock(65536).get(), "a 65536-byte churn block");
  return {{"mimalloc_version", mi_version()}};
}

}  // namespace

int main() { return alloc::Main<alloc::HeapTier>(CheckMimalloc); }
