// Constructors of the built-in suites (one file each).
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "suite.h"

namespace benchctl {

// workloads/startup: whole-process start-up time (SPEC.md there).
std::unique_ptr<Suite> MakeStartupSuite();
// workloads/json: parse and serialize (SPEC.md there).
std::unique_ptr<Suite> MakeJsonSuite();

// 64-bit FNV-1a of `bytes`, as 16 lower-case hex digits (startup's verification).
std::string Fnv1a64Hex(std::string_view bytes);

}  // namespace benchctl
