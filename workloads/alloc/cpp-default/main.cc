// alloc suite (workloads/alloc/SPEC.md), default tier: new/delete through std::unique_ptr,
// libstdc++'s operator new over glibc malloc.
#include "alloc/shared/cpp/driver.h"
#include "alloc/shared/cpp/heap_tier.h"

int main() { return alloc::Main<alloc::HeapTier>(); }
