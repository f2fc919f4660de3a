// What `benchctl clean` removes from a build folder (<root>/build/bench), and
// what it keeps because a later run can use it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "stop_token.h"

namespace benchctl {

// One kind of thing in the build folder, and what cleaning did to it.
struct CleanItem {
  std::string what;            // "stale run folders", "superseded artifacts", ...
  std::uintmax_t entries = 0;  // Folders or files.
  std::uintmax_t bytes = 0;    // Their size.
  bool removed = false;        // False: kept (and why is in `note`).
  std::string note;            // Why it goes or stays.
};

// Everything `clean` needs to know, gathered by the command.
struct CleanPlan {
  std::filesystem::path build;              // The build folder.
  std::filesystem::path repo;               // Checkout whose worktrees --against made.
  std::set<std::filesystem::path> current;  // Artifact folders this checkout would reuse.
  std::set<std::string> unknown_workloads;  // "suite/impl" whose key could not be computed.
  bool all = false;                         // --all: remove the whole cache.
  bool dry_run = false;                     // Only measure.
};

// The artifact folders (<build>/artifacts/<suite>/<impl>/<key>) that live runs
// use: each run lists them in <build>/runs/<id>/artifacts.txt.
std::set<std::filesystem::path> ArtifactsInUse(const std::filesystem::path& build);

// Records the artifact folders a run uses, so a concurrent `clean` keeps them.
void RecordArtifactsInUse(const std::filesystem::path& scratch,
                          const std::vector<std::filesystem::path>& binaries);

// Removes (or with dry_run measures) what no later run can use. Holds the
// build lock, so no build is in progress while it works; a benchctl::Error if
// `stop` ends the wait for it.
std::vector<CleanItem> CleanBuildFolder(const CleanPlan& plan, const StopToken& stop);

}  // namespace benchctl
