// An exclusive advisory lock on a file (flock), held for a scope: how two
// benchctl processes sharing a build folder take turns.
#pragma once

#include <filesystem>

namespace benchctl {

// Blocks until the lock on `path` (created if needed) is held or SIGINT/
// SIGTERM arrives; released on destruction or when the process dies. Throws
// benchctl::Error if the file cannot be opened.
class FileLock {
 public:
  explicit FileLock(const std::filesystem::path& path);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

  // False only if an interrupt ended the wait.
  bool held() const { return held_; }

 private:
  int fd_ = -1;
  bool held_ = false;
};

}  // namespace benchctl
