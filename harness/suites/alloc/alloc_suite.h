// The alloc suite (workloads/alloc/SPEC.md): binary-trees, churn and request-arena with the
// allocator as the variable (default, one shared mimalloc build, arenas; Go's GC settings).
#pragma once

#include <memory>

#include "suite.h"

namespace benchctl {

std::unique_ptr<Suite> MakeAllocSuite();

}  // namespace benchctl
