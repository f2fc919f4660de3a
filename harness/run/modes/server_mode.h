// Mode `server`: a long-running server under a load generator (execution_mode.h).
#pragma once

#include <memory>

#include "execution_mode.h"

namespace benchctl {

// Makes the `server` mode.
std::unique_ptr<ExecutionMode> MakeServerMode();

}  // namespace benchctl
