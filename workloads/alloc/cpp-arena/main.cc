// alloc suite (workloads/alloc/SPEC.md), arena tier: std::pmr::monotonic_buffer_resource, one
// per tree and one per request (binary-trees, request-arena; no churn).
#include "alloc/shared/cpp/arena_tier.h"
#include "alloc/shared/cpp/driver.h"

int main() { return alloc::Main<alloc::ArenaTier>(); }
