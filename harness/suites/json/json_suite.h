// The JSON suite (workloads/json/SPEC.md): parse and serialize real and generated documents.
#pragma once

#include <memory>

#include "suite.h"

namespace benchctl {

std::unique_ptr<Suite> MakeJsonSuite();

}  // namespace benchctl
