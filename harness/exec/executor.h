// The executor seam: the runner asks for one child run and gets its outcome.
// A real executor forks processes; tests use a fake that returns scripted
// outcomes, so scheduling and recording are tested without processes.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace benchctl {

// One child run as the runner wants it.
struct RunRequest {
  std::string label;  // For messages: "json/rust-serde parse-dom twitter".
  std::vector<std::string> argv;
  std::map<std::string, std::string> env;
  std::vector<int> cpus;  // The child's CPU set.
  double timeout_seconds = 60;
  bool protocol = true;  // Inprocess mode: open the protocol pipe.
};

// What happened to the child, before any interpretation.
struct RunOutcome {
  bool exited = false;  // Exited normally (see exit_code).
  int exit_code = -1;
  int term_signal = 0;       // Non-zero if killed by a signal.
  bool timed_out = false;    // Killed by benchctl after timeout_seconds.
  bool interrupted = false;  // Killed because benchctl got SIGINT, SIGTERM or SIGHUP.
  double wall_seconds = 0;   // fork to wait4, measured by benchctl.
  double user_seconds = 0;   // From this child's own rusage (wait4).
  double system_seconds = 0;
  long peak_rss_kb = 0;                     // ru_maxrss of this child alone.
  std::string stdout_text;                  // At most 64 KiB.
  std::string stderr_tail;                  // The last 4 KiB.
  std::vector<std::string> protocol_lines;  // Complete lines, in order.
  std::string protocol_violation;           // E.g. an oversized line; empty if none.
};

// Runs children. Implementations: ProcessExecutor (real), fakes in tests.
class Executor {
 public:
  virtual ~Executor() = default;
  // Runs one child to completion (or timeout/interrupt) and reports it.
  virtual RunOutcome Run(const RunRequest& request) = 0;
};

// The real executor: fork, pin, exec, read pipes, wait4.
class ProcessExecutor : public Executor {
 public:
  // With a `launcher` (benchctl-exec), children are started through it so
  // their peak RSS and times are their own; without, benchctl measures directly.
  explicit ProcessExecutor(std::string launcher = "") : launcher_(std::move(launcher)) {}
  RunOutcome Run(const RunRequest& request) override;

 private:
  std::string launcher_;
};

// The launcher's report fd number in its own process.
inline constexpr int kReportFd = 4;

// benchctl-exec next to the running benchctl binary, or "" if absent.
std::string FindLauncher();

// Largest protocol line accepted (PROTOCOL.md).
inline constexpr std::size_t kMaxProtocolLine = 1 << 20;
// The child's fd number for the protocol pipe.
inline constexpr int kProtocolFd = 3;

}  // namespace benchctl
