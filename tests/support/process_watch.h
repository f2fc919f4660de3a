// For tests that stop benchctl while it runs a workload and then check that
// nothing it started is left: a benchctl run in the background, and /proc scans.
#pragma once

#include <poll.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "subprocess.h"
#include "test_support.h"

namespace benchctl::testing {

// The parent of `pid` (from /proc/<pid>/stat), or -1 if it is gone.
inline pid_t ParentPid(pid_t pid) {
  std::string stat = ReadText("/proc/" + std::to_string(pid) + "/stat");
  // "pid (name) state ppid ...": the name may hold spaces and parentheses.
  std::size_t paren = stat.rfind(')');
  if (paren == std::string::npos || paren + 4 >= stat.size()) return -1;
  return static_cast<pid_t>(std::atoi(stat.c_str() + paren + 4));
}

// The command line of `pid` with its arguments joined by spaces, or "" if it is
// gone (or a zombie).
inline std::string CommandLine(pid_t pid) {
  std::string text = ReadText("/proc/" + std::to_string(pid) + "/cmdline");
  for (char& c : text) {
    if (c == '\0') c = ' ';
  }
  return text;
}

// Live (not zombie) processes whose command line contains `needle`.
inline std::vector<pid_t> LiveProcessesMentioning(const std::string& needle) {
  std::vector<pid_t> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    const auto pid = static_cast<pid_t>(std::stoi(name));
    if (pid == getpid()) continue;
    if (CommandLine(pid).find(needle) != std::string::npos && ProcessAlive(pid)) {
      found.push_back(pid);
    }
  }
  return found;
}

// Polls until no live process mentions `needle` or `limit` passes (a hang
// guard, not a timing check); returns those still there.
inline std::vector<pid_t> WaitUntilNoneMention(
    const std::string& needle, std::chrono::seconds limit = std::chrono::seconds(10)) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  std::vector<pid_t> left = LiveProcessesMentioning(needle);
  while (!left.empty() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    left = LiveProcessesMentioning(needle);
  }
  return left;
}

// Each pid with its command line, one a line, for failure messages.
inline std::string DescribeProcesses(const std::vector<pid_t>& pids) {
  std::string text;
  for (pid_t pid : pids) text += std::to_string(pid) + ": " + CommandLine(pid) + "\n";
  return text;
}

// Kills, when it goes out of scope, every live process that mentions `needle`:
// a failed check must not leave a test's workloads running.
class KillLeftovers {
 public:
  explicit KillLeftovers(std::string needle) : needle_(std::move(needle)) {}
  ~KillLeftovers() {
    for (pid_t pid : LiveProcessesMentioning(needle_)) kill(pid, SIGKILL);
  }
  KillLeftovers(const KillLeftovers&) = delete;
  KillLeftovers& operator=(const KillLeftovers&) = delete;

 private:
  std::string needle_;
};

// The built benchctl running in the background (its stdout and stderr merged
// and read as it goes), stopped by the test with signals.
class BackgroundRun {
 public:
  // Starts `prefix` (e.g. {"nohup"}, or nothing) + benchctl + `args`.
  BackgroundRun(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                const std::vector<std::string>& prefix = {}) {
    SpawnSpec spec;
    spec.argv = prefix;
    spec.argv.push_back(BENCHCTL_BINARY);
    spec.argv.insert(spec.argv.end(), args.begin(), args.end());
    spec.env = env;
    spec.merge_output = true;
    child_ = Spawn(spec);
  }
  ~BackgroundRun() {
    if (!reaped_) {  // A failed assertion left it running: end it and what it started.
      KillProcessGroup(child_.pid);
      waitpid(child_.pid, nullptr, 0);
    }
    if (child_.stdout_fd >= 0) close(child_.stdout_fd);
  }
  BackgroundRun(const BackgroundRun&) = delete;
  BackgroundRun& operator=(const BackgroundRun&) = delete;

  pid_t pid() const { return child_.pid; }
  const std::string& output() const { return output_; }

  // Reads its output (while there is any) until `done()` holds or `limit`
  // passes (a hang guard); returns done().
  bool WaitFor(const std::function<bool()>& done, std::chrono::seconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    char buffer[4096];
    while (!done() && std::chrono::steady_clock::now() < deadline) {
      if (child_.stdout_fd < 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        continue;
      }
      pollfd pfd{child_.stdout_fd, POLLIN, 0};
      if (poll(&pfd, 1, 50) <= 0) continue;
      ssize_t n = read(child_.stdout_fd, buffer, sizeof(buffer));
      if (n <= 0) {
        close(child_.stdout_fd);
        child_.stdout_fd = -1;
        continue;
      }
      output_.append(buffer, static_cast<std::size_t>(n));
    }
    return done();
  }

  // True while benchctl has not exited (reaps it once it has).
  bool Running() {
    if (reaped_) return false;
    if (waitpid(child_.pid, &status_, WNOHANG) == 0) return true;
    reaped_ = true;
    return false;
  }

  // Sends `signal_number` to benchctl alone (not to its children's groups).
  void Signal(int signal_number) { kill(child_.pid, signal_number); }

  // Reads the rest of its output and waits for it to exit (hang guards: then it
  // is killed). Its exit status, or -1 if it did not exit normally.
  int Finish() {
    WaitFor([this] { return child_.stdout_fd < 0; }, std::chrono::seconds(60));
    WaitFor([this] { return !Running(); }, std::chrono::seconds(10));
    if (!reaped_) {
      KillProcessGroup(child_.pid);
      waitpid(child_.pid, &status_, 0);
      reaped_ = true;
      output_ += "\n[test: benchctl did not exit; killed]";
      return -1;
    }
    return WIFEXITED(status_) ? WEXITSTATUS(status_) : -1;
  }

  // True if it was killed by `signal_number`.
  bool KilledBy(int signal_number) const {
    return reaped_ && WIFSIGNALED(status_) && WTERMSIG(status_) == signal_number;
  }

 private:
  SpawnedChild child_;
  std::string output_;
  int status_ = 0;
  bool reaped_ = false;
};

}  // namespace benchctl::testing
