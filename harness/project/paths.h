// Where a project's pieces are on disk.
#pragma once

#include <filesystem>

namespace benchctl {

// Where the project's pieces are.
struct Paths {
  std::filesystem::path root;       // Repository root (toolchains/, workloads/).
  std::filesystem::path workloads;  // Usually root/workloads.
  std::filesystem::path build;      // Build cache, generated inputs, outputs.
  std::filesystem::path results;    // Default folder for result files.
  std::filesystem::path scratch;    // This run's own folder (RunScratch); empty outside a run.
};

}  // namespace benchctl
