// A run's private scratch folder: generated inputs, serialize outputs and
// callgrind files live in <build>/runs/<run id>/, so two runs sharing a build
// folder never read or overwrite each other's files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace benchctl {

// Owns <build>/runs/<run id>/ for the lifetime of a run: created and locked
// (flock) on construction, removed on destruction. A folder whose owner died
// without removing it (SIGKILL, power loss) is unlocked, and
// RemoveStaleScratch() deletes it.
class RunScratch {
 public:
  RunScratch(const std::filesystem::path& build_dir, const std::string& run_id);
  ~RunScratch();
  RunScratch(const RunScratch&) = delete;
  RunScratch& operator=(const RunScratch&) = delete;

  // The folder itself.
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  int lock_fd_ = -1;
};

// What a clean-up removed.
struct Removed {
  std::uintmax_t entries = 0;  // Folders (or files) removed.
  std::uintmax_t bytes = 0;    // Their total size.
};

// Removes the scratch folders under <build>/runs/ that no live run holds
// (or, with `dry_run`, only measures them).
Removed RemoveStaleScratch(const std::filesystem::path& build_dir, bool dry_run = false);

// Total size of the regular files under `path` (0 if it does not exist).
std::uintmax_t TreeBytes(const std::filesystem::path& path);

}  // namespace benchctl
