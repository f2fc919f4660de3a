// An exclusive advisory lock on a file (flock), held for a scope: how two
// benchctl processes sharing a build folder take turns.
#pragma once

#include <filesystem>

#include "stop_token.h"

namespace benchctl {

// Blocks until the lock on `path` (created if needed) is held or `stop` is
// stopped; released on destruction or when the process dies. Throws
// benchctl::Error if the file cannot be opened.
class FileLock {
 public:
  // While another process holds it, the lock is tried every 100 ms and `stop`
  // checked in between; a signal cuts the sleep short (no SA_RESTART).
  FileLock(const std::filesystem::path& path, const StopToken& stop);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

  // False only if a stop request ended the wait.
  bool held() const { return held_; }

 private:
  int fd_ = -1;
  bool held_ = false;
};

}  // namespace benchctl
