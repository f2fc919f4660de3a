#include "file_lock.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "error.h"
#include "interrupt.h"

namespace benchctl {

FileLock::FileLock(const std::filesystem::path& path) {
  std::filesystem::create_directories(path.parent_path());
  fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    throw Error(
        fmt::format("cannot open the lock file {}: {}", path.string(), std::strerror(errno)));
  }
  if (flock(fd_, LOCK_EX | LOCK_NB) == 0) {
    held_ = true;
    return;
  }
  std::fprintf(stderr, "(waiting for another benchctl to finish building) ");
  std::fflush(stderr);
  // Ctrl-C interrupts the wait (the handlers do not restart system calls).
  while (!held_ && InterruptSignal() == 0) {
    held_ = flock(fd_, LOCK_EX) == 0;
    if (!held_ && errno != EINTR) {
      throw Error(fmt::format("cannot lock {}: {}", path.string(), std::strerror(errno)));
    }
  }
}

FileLock::~FileLock() {
  if (fd_ >= 0) close(fd_);
}

}  // namespace benchctl
