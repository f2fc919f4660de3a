// Locating the project (toolchains/, workloads/) and describing benchctl itself.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "paths.h"

namespace benchctl {

// Paths from --root (or $BENCHCTL_ROOT, or the nearest folder above the
// current one holding toolchains/ and workloads/, or the source tree benchctl
// was built from). Throws benchctl::Error if none has them.
Paths FindPaths(const std::string& root_option);

// {"version", "git_commit", "git_dirty"} of the checkout at `root`.
nlohmann::json DescribeBenchctl(const std::filesystem::path& root);

// "2026-11-22T09:18:40Z".
std::string UtcTimestamp();

}  // namespace benchctl
