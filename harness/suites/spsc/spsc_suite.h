// The spsc suite (workloads/spsc/SPEC.md): queue throughput and round-trip latency between two
// threads pinned to the job's two CPUs, with the floor row measured in the same run.
#pragma once

#include <memory>

#include "suite.h"

namespace benchctl {

std::unique_ptr<Suite> MakeSpscSuite();

}  // namespace benchctl
