// Starting child processes without a shell: the one place that calls fork/exec.
#pragma once

#include <signal.h>
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "interrupt.h"
#include "stop_token.h"

namespace benchctl {

// How to start one child.
struct SpawnSpec {
  std::vector<std::string> argv;           // argv[0] is looked up in PATH if it has no '/'.
  std::map<std::string, std::string> env;  // Added to (and overriding) the inherited environment.
  std::filesystem::path cwd;               // Empty: inherit.
  std::vector<int> cpus;                   // Empty: inherit affinity; else pinned before exec.
  int protocol_fd = -1;                    // If >= 0, the write end is dup'ed to this fd number.
  bool merge_output = false;               // stderr goes to the stdout pipe.
  int report_fd = -1;                      // If >= 0, a second pipe's write end goes here.
  // Sent to the child if benchctl dies first, however it dies (PR_SET_PDEATHSIG);
  // 0 for none. SIGKILL for measured processes, which have nothing to clean up.
  // Kept last so positional initialisers of the fields above stay valid.
  int parent_death_signal = SIGKILL;
};

// The parent's ends of a started child.
struct SpawnedChild {
  pid_t pid = -1;
  int stdout_fd = -1;    // Read end of the child's stdout.
  int stderr_fd = -1;    // Read end of the child's stderr.
  int protocol_fd = -1;  // Read end of the protocol pipe, or -1.
  int report_fd = -1;    // Read end of the report pipe, or -1.
};

// Forks and execs `spec` in a new process group (so a timeout or Ctrl-C can kill
// the whole group). The child gets `spec.parent_death_signal` if the calling
// thread dies, so call it from the main thread (benchctl has no other). Throws
// benchctl::Error if the pipes or fork fail; an exec failure is reported by the
// child as exit status 127 with a message on stderr.
SpawnedChild Spawn(const SpawnSpec& spec);

// Kills the child's whole process group with SIGKILL.
void KillProcessGroup(pid_t pid);

// The outcome of a short helper command (compiler version, a build, strip).
struct CommandResult {
  int exit_code = -1;  // -1 if killed by a signal, timed out or stopped by an interrupt.
  bool timed_out = false;
  std::string output;  // stdout and stderr, interleaved as read.
};

// How long a stopped helper command's process group may take to exit after
// SIGTERM before it gets SIGKILL: enough for a compiler to delete its
// temporary files, short enough that Ctrl-C still feels immediate.
inline constexpr std::chrono::seconds kCommandStopGrace{3};

// Runs a helper command to completion, capturing its output (at most
// `max_output` bytes are kept, the tail wins). On timeout or once `stop` is
// stopped its process group gets SIGTERM, then SIGKILL after kCommandStopGrace;
// if benchctl dies, the command gets SIGTERM (whatever spec.parent_death_signal
// says), so a compiler removes its temporary files. Throws only if it cannot
// start. Builds pass their run's token; short probes (versions, git) keep the
// default, the signal handlers' token.
CommandResult RunCommand(const SpawnSpec& spec, std::chrono::seconds timeout,
                         const StopToken& stop = InterruptStopToken(),
                         std::size_t max_output = 4 << 20);

// Looks `name` up in `extra_dirs` then in $PATH; nullopt if not executable anywhere.
std::optional<std::filesystem::path> FindExecutable(
    const std::string& name, const std::vector<std::filesystem::path>& extra_dirs = {});

}  // namespace benchctl
