// The startup suite (workloads/startup/SPEC.md): whole-process start-up time.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "suite.h"

namespace benchctl {

std::unique_ptr<Suite> MakeStartupSuite();

// 64-bit FNV-1a of `bytes`, as 16 lower-case hex digits (startup's verification).
std::string Fnv1a64Hex(std::string_view bytes);

}  // namespace benchctl
