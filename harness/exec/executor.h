// The executor seam: the runner's execution modes ask for children and get
// their outcomes. A real executor forks processes; tests use fakes that return
// scripted outcomes, so scheduling and recording are tested without processes.
//
// Two ways to run a child:
//  - Run: to completion (or timeout, or a stop request), then its outcome. What
//    the `process` and `inprocess` modes use.
//  - Start: a handle to a running child that the caller drives — reads what it
//    said so far, samples its memory and CPU, signals it, then waits. What a mode
//    that keeps a child alive while it does something else (a `server` under a
//    load generator) uses. ProcessExecutor::Run is Start then Wait, except that
//    it does not ask benchctl-exec for the pid early (that write would be timed).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "process_sample.h"
#include "stop_token.h"

namespace benchctl {

// One child run as the runner wants it.
struct RunRequest {
  std::string label;  // For messages: "json/rust-serde parse-dom twitter".
  std::vector<std::string> argv;
  std::map<std::string, std::string> env;
  std::vector<int> cpus;  // The child's CPU set.
  double timeout_seconds = 60;
  bool protocol = true;  // Open the protocol pipe (fd 3): the mode's choice.
};

// What happened to the child, before any interpretation.
struct RunOutcome {
  bool exited = false;  // Exited normally (see exit_code).
  int exit_code = -1;
  int term_signal = 0;       // Non-zero if killed by a signal.
  bool timed_out = false;    // Killed by benchctl after timeout_seconds.
  bool interrupted = false;  // Killed because the executor's stop token was stopped.
  pid_t child_pid = -1;      // The measured program's pid (through the launcher, its child's).
  double wall_seconds = 0;   // fork to wait4, measured by benchctl.
  double user_seconds = 0;   // From this child's own rusage (wait4).
  double system_seconds = 0;
  long peak_rss_kb = 0;                       // ru_maxrss of this child alone.
  long minor_faults = -1, major_faults = -1;  // ru_minflt / ru_majflt of it; -1: unknown.
  std::string stdout_text;                    // At most 64 KiB.
  std::string stderr_tail;                    // The last 4 KiB.
  std::vector<std::string> protocol_lines;    // Complete lines, in order.
  std::string protocol_violation;             // E.g. an oversized line; empty if none.
};

// A child started by Executor::Start. Destroying it kills (its whole process
// group) and reaps a child that is still running. The request's timeout and
// the executor's stop token apply all along: either kills the child, which
// Wait then reports as timed_out or interrupted.
class RunningChild {
 public:
  virtual ~RunningChild() = default;
  // The measured program's pid (through benchctl-exec, the launcher's child),
  // for /proc/<pid>; -1 if it never started.
  virtual pid_t pid() const = 0;
  // Reads what the child writes for up to `wait`; false once it has exited and
  // its pipes are drained (Wait then returns at once).
  virtual bool Poll(std::chrono::milliseconds wait) = 0;
  // What was read so far: protocol lines, stdout, stderr tail. The exit status,
  // times and peak RSS are filled in by Wait.
  virtual const RunOutcome& progress() const = 0;
  // The measured program's memory and CPU time now; nullopt once it is gone.
  virtual std::optional<ProcessSample> Sample() const = 0;
  // Sends `signal_number` to the measured program alone (e.g. SIGTERM: a
  // server asked to shut down); its exit is then reported as usual.
  virtual void Signal(int signal_number) = 0;
  // Kills its whole process group at once (SIGKILL); Wait reports that signal.
  virtual void Kill() = 0;
  // Waits for the exit, reaps it and reports it. Call once.
  virtual RunOutcome Wait() = 0;
};

// Runs children. Implementations: ProcessExecutor (real), fakes in tests.
class Executor {
 public:
  virtual ~Executor() = default;
  // Runs one child to completion (or timeout/stop) and reports it.
  virtual RunOutcome Run(const RunRequest& request) = 0;
  // Starts one child and hands it over. By default the child has already
  // finished: Run's outcome behind the handle (pid -1, nothing to sample), so a
  // fake that scripts only Run serves modes that Start too.
  virtual std::unique_ptr<RunningChild> Start(const RunRequest& request);
};

// The real executor: fork, pin, exec, read pipes, wait4.
class ProcessExecutor : public Executor {
 public:
  // With a `launcher` (benchctl-exec), children are started through it so
  // their peak RSS and times are their own; without, benchctl measures directly.
  // A child is killed (outcome.interrupted) once `stop` is stopped; `stop`
  // must outlive the executor.
  ProcessExecutor(std::string launcher, const StopToken& stop)
      : launcher_(std::move(launcher)), stop_(stop) {}
  RunOutcome Run(const RunRequest& request) override;
  std::unique_ptr<RunningChild> Start(const RunRequest& request) override;

 private:
  std::string launcher_;
  const StopToken& stop_;
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
