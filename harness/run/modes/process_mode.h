// Mode `process`: benchctl times the whole process (execution_mode.h).
#pragma once

#include <memory>

#include "execution_mode.h"

namespace benchctl {

// Makes the `process` mode.
std::unique_ptr<ExecutionMode> MakeProcessMode();

}  // namespace benchctl
