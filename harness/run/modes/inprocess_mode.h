// Mode `inprocess`: the workload times itself and speaks the protocol
// (execution_mode.h, workloads/PROTOCOL.md).
#pragma once

#include <memory>

#include "execution_mode.h"

namespace benchctl {

// Makes the `inprocess` mode.
std::unique_ptr<ExecutionMode> MakeInprocessMode();

}  // namespace benchctl
