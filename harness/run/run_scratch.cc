#include "run_scratch.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "error.h"

namespace benchctl {

namespace fs = std::filesystem;

namespace {

constexpr const char* kLockName = ".lock";

// True if some process holds the folder's lock (its run is still going).
bool IsHeld(const fs::path& dir) {
  int fd = open((dir / kLockName).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    // No lock file: a folder being made right now (a run creates the folder,
    // then its lock) or one left half-removed. Only an old one is stale.
    std::error_code ec;
    auto age = fs::file_time_type::clock::now() - fs::last_write_time(dir, ec);
    return !ec && age < std::chrono::minutes(10);
  }
  bool held = flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  close(fd);  // Also drops the lock if we just took it.
  return held;
}

}  // namespace

RunScratch::RunScratch(const fs::path& build_dir, const std::string& run_id)
    : path_(build_dir / "runs" / run_id) {
  std::error_code ec;
  fs::create_directories(path_, ec);
  if (ec) {
    throw Error(
        fmt::format("cannot create the run's scratch folder {}: {}", path_.string(), ec.message()));
  }
  lock_fd_ = open((path_ / kLockName).c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (lock_fd_ < 0 || flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    throw Error(fmt::format("cannot lock the run's scratch folder {}: {}", path_.string(),
                            std::strerror(errno)));
  }
}

RunScratch::~RunScratch() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
  if (lock_fd_ >= 0) close(lock_fd_);
}

std::uintmax_t TreeBytes(const fs::path& path) {
  std::error_code ec;
  if (fs::is_regular_file(fs::symlink_status(path, ec))) return fs::file_size(path, ec);
  std::uintmax_t total = 0;
  if (!fs::is_directory(fs::symlink_status(path, ec))) return 0;
  for (auto it = fs::recursive_directory_iterator(path, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec) && !it->is_symlink(ec)) total += it->file_size(ec);
  }
  return total;
}

Removed RemoveStaleScratch(const fs::path& build_dir, bool dry_run) {
  Removed removed;
  fs::path runs = build_dir / "runs";
  std::error_code ec;
  if (!fs::is_directory(runs, ec)) return removed;
  for (const auto& entry : fs::directory_iterator(runs, ec)) {
    if (!entry.is_directory(ec) || IsHeld(entry.path())) continue;
    removed.bytes += TreeBytes(entry.path());
    ++removed.entries;
    if (!dry_run) fs::remove_all(entry.path(), ec);
  }
  return removed;
}

}  // namespace benchctl
