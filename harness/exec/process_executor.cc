#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "executor.h"
#include "interrupt.h"
#include "subprocess.h"

namespace benchctl {
namespace {

constexpr std::size_t kMaxStdout = 64 << 10;
constexpr std::size_t kStderrTail = 4 << 10;

// Splits the protocol stream into lines, enforcing the line limit.
class LineCollector {
 public:
  explicit LineCollector(RunOutcome& outcome) : outcome_(outcome) {}

  void Feed(const char* data, std::size_t size) {
    for (std::size_t i = 0; i < size; ++i) {
      char c = data[i];
      if (c == '\n') {
        if (!discarding_) outcome_.protocol_lines.push_back(std::move(partial_));
        partial_.clear();
        discarding_ = false;
        continue;
      }
      if (discarding_) continue;
      partial_.push_back(c);
      if (partial_.size() > kMaxProtocolLine) {
        outcome_.protocol_violation =
            "a protocol line longer than " + std::to_string(kMaxProtocolLine) + " bytes";
        partial_.clear();
        discarding_ = true;
      }
    }
  }

  void Finish() {
    if (!partial_.empty() && outcome_.protocol_violation.empty()) {
      outcome_.protocol_violation = "the last protocol line has no newline (truncated)";
    }
  }

 private:
  RunOutcome& outcome_;
  std::string partial_;
  bool discarding_ = false;
};

}  // namespace

std::string FindLauncher() {
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  auto launcher = self.parent_path() / "benchctl-exec";
  return std::filesystem::exists(launcher) ? launcher.string() : "";
}

RunOutcome ProcessExecutor::Run(const RunRequest& request) {
  SpawnSpec spec;
  spec.argv = request.argv;
  if (!launcher_.empty()) {
    // The launcher execs without a PATH search: resolve the program here.
    auto program = FindExecutable(spec.argv[0]);
    if (program) spec.argv[0] = program->string();
    spec.argv.insert(spec.argv.begin(), {launcher_, std::to_string(kReportFd)});
    spec.report_fd = kReportFd;
  }
  spec.env = request.env;
  spec.cpus = request.cpus;
  spec.protocol_fd = request.protocol ? kProtocolFd : -1;
  // A measured process has nothing to clean up: if benchctl dies, it dies at
  // once. The launcher then kills its whole group (harness/launcher/).
  spec.parent_death_signal = SIGKILL;
  RunOutcome outcome;
  auto start = std::chrono::steady_clock::now();
  SpawnedChild child = Spawn(spec);
  // A pidfd turns "the child exited" into a poll event: the end time is taken
  // when it fires, with no polling latency in start-up measurements.
  int pidfd = static_cast<int>(syscall(SYS_pidfd_open, child.pid, 0));
  auto deadline = start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                              std::chrono::duration<double>(request.timeout_seconds));
  LineCollector lines(outcome);
  std::vector<pollfd> fds;
  fds.push_back({child.stdout_fd, POLLIN, 0});
  fds.push_back({child.stderr_fd, POLLIN, 0});
  if (child.protocol_fd >= 0) fds.push_back({child.protocol_fd, POLLIN, 0});
  if (child.report_fd >= 0) fds.push_back({child.report_fd, POLLIN, 0});
  std::string report;
  const std::size_t kPidSlot = fds.size();
  fds.push_back({pidfd, POLLIN, 0});
  std::size_t open_pipes = kPidSlot;
  bool exited = false;
  int status = 0;
  rusage usage{};
  auto end = start;
  std::chrono::steady_clock::time_point drain_until{};
  char buffer[65536];
  auto reap = [&](int flags) {
    pid_t r;
    do {
      r = wait4(child.pid, &status, flags, &usage);
    } while (r < 0 && errno == EINTR && flags == 0);
    if (r == child.pid) {
      exited = true;
      end = std::chrono::steady_clock::now();
      KillProcessGroup(child.pid);  // Stragglers it left behind must not outlive it.
    }
  };
  while (!exited || open_pipes > 0) {
    if (!outcome.interrupted && InterruptSignal() != 0) {
      outcome.interrupted = true;
      KillProcessGroup(child.pid);
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 && !outcome.timed_out && !exited) {
      outcome.timed_out = true;
      KillProcessGroup(child.pid);
    }
    if (outcome.timed_out || outcome.interrupted) {
      // Its group is dead: read what it wrote just before, briefly, then stop.
      if (!exited) reap(0);
      auto now = std::chrono::steady_clock::now();
      if (drain_until == std::chrono::steady_clock::time_point{}) {
        drain_until = now + std::chrono::milliseconds(500);
      }
      if (now > drain_until) break;
    }
    if (pidfd < 0 && !exited) reap(WNOHANG);
    int wait_ms = static_cast<int>(std::clamp<long>(left.count(), 0, pidfd < 0 ? 5 : 250));
    if (outcome.timed_out || outcome.interrupted) wait_ms = 50;
    int ready = poll(fds.data(), fds.size(), wait_ms);
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    if (fds[kPidSlot].fd >= 0 && (fds[kPidSlot].revents & POLLIN) != 0) {
      reap(0);
      fds[kPidSlot].fd = -1;
    }
    for (std::size_t i = 0; i < kPidSlot; ++i) {
      pollfd& pfd = fds[i];
      if (pfd.fd < 0 || (pfd.revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      ssize_t n = read(pfd.fd, buffer, sizeof(buffer));
      if (n <= 0) {
        close(pfd.fd);
        pfd.fd = -1;
        --open_pipes;
        continue;
      }
      auto size = static_cast<std::size_t>(n);
      if (pfd.fd == child.protocol_fd) {
        lines.Feed(buffer, size);
      } else if (pfd.fd == child.report_fd) {
        report.append(buffer, std::min<std::size_t>(size, 256));
      } else if (pfd.fd == child.stdout_fd) {
        if (outcome.stdout_text.size() < kMaxStdout) {
          outcome.stdout_text.append(buffer,
                                     std::min(size, kMaxStdout - outcome.stdout_text.size()));
        }
      } else {
        outcome.stderr_tail.append(buffer, size);
        if (outcome.stderr_tail.size() > kStderrTail) {
          outcome.stderr_tail.erase(0, outcome.stderr_tail.size() - kStderrTail);
        }
      }
    }
  }
  for (std::size_t i = 0; i < kPidSlot; ++i) {
    if (fds[i].fd >= 0) close(fds[i].fd);
  }
  if (pidfd >= 0) close(pidfd);
  if (!exited) reap(0);
  lines.Finish();
  outcome.wall_seconds = std::chrono::duration<double>(end - start).count();
  outcome.user_seconds = static_cast<double>(usage.ru_utime.tv_sec) +
                         static_cast<double>(usage.ru_utime.tv_usec) * 1e-6;
  outcome.system_seconds = static_cast<double>(usage.ru_stime.tv_sec) +
                           static_cast<double>(usage.ru_stime.tv_usec) * 1e-6;
  outcome.peak_rss_kb = usage.ru_maxrss;
  long long wall_ns = 0, user_us = 0, sys_us = 0;
  long maxrss = 0;
  int child_status = 0;
  if (!report.empty() && std::sscanf(report.c_str(), "%lld %lld %lld %ld %d", &wall_ns, &user_us,
                                     &sys_us, &maxrss, &child_status) == 5) {
    // The launcher's own measurements of the real child replace benchctl's.
    outcome.wall_seconds = static_cast<double>(wall_ns) * 1e-9;
    outcome.user_seconds = static_cast<double>(user_us) * 1e-6;
    outcome.system_seconds = static_cast<double>(sys_us) * 1e-6;
    outcome.peak_rss_kb = maxrss;
    status = child_status;
  }
  if (WIFEXITED(status)) {
    outcome.exited = true;
    outcome.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    outcome.term_signal = WTERMSIG(status);
  }
  return outcome;
}

}  // namespace benchctl
