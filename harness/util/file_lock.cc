#include "file_lock.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "error.h"

namespace benchctl {
namespace {

// How often a waiting lock is tried again (and the stop token checked).
constexpr int kRetryMs = 100;

}  // namespace

FileLock::FileLock(const std::filesystem::path& path, const StopToken& stop) {
  std::filesystem::create_directories(path.parent_path());
  fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    throw Error(
        fmt::format("cannot open the lock file {}: {}", path.string(), std::strerror(errno)));
  }
  auto try_lock = [&] {
    if (flock(fd_, LOCK_EX | LOCK_NB) == 0) return true;
    if (errno != EWOULDBLOCK && errno != EINTR) {
      std::string message = fmt::format("cannot lock {}: {}", path.string(), std::strerror(errno));
      close(fd_);  // No destructor runs for a constructor that throws.
      fd_ = -1;
      throw Error(message);
    }
    return false;
  };
  held_ = try_lock();
  if (held_) return;
  std::fprintf(stderr, "(waiting for another benchctl to finish building) ");
  std::fflush(stderr);
  // Tried again rather than blocked on, so any token can end the wait; Ctrl-C
  // cuts the sleep short (the handlers do not restart system calls).
  while (!held_ && !stop.stop_requested()) {
    poll(nullptr, 0, kRetryMs);
    held_ = !stop.stop_requested() && try_lock();
  }
}

FileLock::~FileLock() {
  if (fd_ >= 0) close(fd_);
}

}  // namespace benchctl
