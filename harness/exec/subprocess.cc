#include "subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>

#include "error.h"

extern char** environ;

namespace benchctl {
namespace {

void MakePipe(int fds[2]) {
  if (pipe2(fds, O_CLOEXEC) != 0) {
    throw Error(std::string("cannot create a pipe: ") + std::strerror(errno));
  }
}

// Moves `fd` to `target` in the child, leaving it open across exec.
void MoveFd(int fd, int target) {
  if (fd == target) {
    fcntl(fd, F_SETFD, 0);  // dup2 would be a no-op and keep FD_CLOEXEC.
  } else {
    dup2(fd, target);
  }
}

// True once `pid` has exited, without reaping it: until it is reaped its pid,
// and so its process group number, cannot be reused by another process.
bool HasExited(pid_t pid) {
  siginfo_t info{};
  if (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0) {
    return errno == ECHILD;  // Not our child any more: nothing to wait for.
  }
  return info.si_pid == pid;
}

std::vector<std::string> BuildEnvironment(const std::map<std::string, std::string>& overrides) {
  std::vector<std::string> env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string entry(*e);
    std::string key = entry.substr(0, entry.find('='));
    if (!overrides.contains(key)) env.push_back(entry);
  }
  for (const auto& [key, value] : overrides) env.push_back(key + "=" + value);
  return env;
}

}  // namespace

std::optional<std::filesystem::path> FindExecutable(
    const std::string& name, const std::vector<std::filesystem::path>& extra_dirs) {
  if (name.find('/') != std::string::npos) {
    if (access(name.c_str(), X_OK) == 0) return std::filesystem::path(name);
    return std::nullopt;
  }
  std::vector<std::filesystem::path> dirs = extra_dirs;
  const char* path = std::getenv("PATH");
  std::string rest = path ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t start = 0;
  while (start <= rest.size()) {
    size_t end = rest.find(':', start);
    if (end == std::string::npos) end = rest.size();
    if (end > start) dirs.emplace_back(rest.substr(start, end - start));
    start = end + 1;
  }
  for (const auto& dir : dirs) {
    std::filesystem::path candidate = dir / name;
    if (access(candidate.c_str(), X_OK) == 0 && !std::filesystem::is_directory(candidate)) {
      return candidate;
    }
  }
  return std::nullopt;
}

namespace {

// What the child needs for exec, made before fork: between fork and exec the
// child may only make async-signal-safe calls, so it must not allocate.
struct ExecPlan {
  std::string program;  // argv[0] resolved through PATH.
  std::vector<std::string> env, args;
  std::vector<char*> envp, argv;  // Point into env and args.
  cpu_set_t cpu_set;
};

ExecPlan PrepareExec(const SpawnSpec& spec) {
  ExecPlan plan;
  plan.program = spec.argv[0];
  if (plan.program.find('/') == std::string::npos) {
    auto found = FindExecutable(plan.program);
    if (!found) throw Error(plan.program + ": not found in PATH");
    plan.program = found->string();
  }
  plan.env = BuildEnvironment(spec.env);
  for (auto& e : plan.env) plan.envp.push_back(e.data());
  plan.envp.push_back(nullptr);
  plan.args = spec.argv;
  for (auto& a : plan.args) plan.argv.push_back(a.data());
  plan.argv.push_back(nullptr);
  CPU_ZERO(&plan.cpu_set);
  for (int cpu : spec.cpus) CPU_SET(cpu, &plan.cpu_set);
  return plan;
}

// The pipes between benchctl and the child: [0] is benchctl's read end, [1]
// the child's write end; {-1, -1} where the spec asks for no pipe.
struct ChildPipes {
  int out[2] = {-1, -1}, err[2] = {-1, -1}, proto[2] = {-1, -1}, report[2] = {-1, -1};

  void CloseWriteEnds() {
    for (int* p : {out, err, proto, report}) {
      if (p[1] >= 0) close(p[1]);
      p[1] = -1;
    }
  }
  void CloseAll() {
    CloseWriteEnds();
    for (int* p : {out, err, proto, report}) {
      if (p[0] >= 0) close(p[0]);
      p[0] = -1;
    }
  }
};

ChildPipes OpenPipes(const SpawnSpec& spec) {
  ChildPipes pipes;
  try {
    MakePipe(pipes.out);
    if (!spec.merge_output) MakePipe(pipes.err);
    if (spec.protocol_fd >= 0) MakePipe(pipes.proto);
    if (spec.report_fd >= 0) MakePipe(pipes.report);
  } catch (...) {
    pipes.CloseAll();
    throw;
  }
  return pipes;
}

// In the child: says `message` on stderr and exits with `status`.
[[noreturn]] void FailInChild(const char* message, std::size_t size, int status) {
  (void)!write(2, message, size);
  _exit(status);
}

// In the child: benchctl's signal handling undone. Its own process group keeps
// it out of the terminal's SIGINT/SIGHUP (benchctl decides) and lets one kill
// reach all it starts.
void ResetSignalsInChild(const sigset_t& saved) {
  setpgid(0, 0);
  for (int s : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction current {};
    sigaction(s, nullptr, &current);
    if (current.sa_handler != SIG_IGN) signal(s, SIG_DFL);  // nohup's SIGHUP stays ignored.
  }
  signal(SIGPIPE, SIG_DFL);
  sigprocmask(SIG_SETMASK, &saved, nullptr);
}

// In the child: stdin from /dev/null, the pipes' write ends on their numbers.
void ArrangeFdsInChild(const SpawnSpec& spec, const ChildPipes& pipes) {
  int devnull = open("/dev/null", O_RDONLY);
  if (devnull >= 0) dup2(devnull, 0);
  // Move the protocol end first: it may sit on fd 1 or 2's future number.
  // Lift both ends above every target number first, so no dup2 clobbers
  // a pipe that still has to be moved.
  int proto_w = pipes.proto[1] >= 0 ? fcntl(pipes.proto[1], F_DUPFD_CLOEXEC, 10) : -1;
  int report_w = pipes.report[1] >= 0 ? fcntl(pipes.report[1], F_DUPFD_CLOEXEC, 10) : -1;
  MoveFd(pipes.out[1], 1);
  MoveFd(spec.merge_output ? pipes.out[1] : pipes.err[1], 2);
  if (proto_w >= 0) MoveFd(proto_w, spec.protocol_fd);
  if (report_w >= 0) MoveFd(report_w, spec.report_fd);
}

// The child's side of Spawn, from fork to exec: only async-signal-safe calls
// (prctl is a bare system call).
[[noreturn]] void ExecChild(const SpawnSpec& spec, const ExecPlan& plan, const ChildPipes& pipes,
                            pid_t parent, const sigset_t& saved) {
  ResetSignalsInChild(saved);
  // If benchctl dies (even by SIGKILL), the kernel signals this child: no
  // measured process outlives the orchestrator. It survives exec. The kernel
  // tracks the forking thread, which is benchctl's main (only) thread.
  if (spec.parent_death_signal != 0) {
    prctl(PR_SET_PDEATHSIG, static_cast<unsigned long>(spec.parent_death_signal));
    // benchctl may have died between fork and prctl: then no signal is coming,
    // and this child was already re-parented.
    if (getppid() != parent) _exit(126);
  }
  ArrangeFdsInChild(spec, pipes);
  if (!spec.cpus.empty() && sched_setaffinity(0, sizeof(plan.cpu_set), &plan.cpu_set) != 0) {
    const char msg[] = "benchctl: sched_setaffinity failed in child\n";
    FailInChild(msg, sizeof(msg) - 1, 126);
  }
  if (!spec.cwd.empty() && chdir(spec.cwd.c_str()) != 0) {
    const char msg[] = "benchctl: cannot chdir in child\n";
    FailInChild(msg, sizeof(msg) - 1, 126);
  }
  execve(plan.program.c_str(), plan.argv.data(), plan.envp.data());
  const char msg[] = "benchctl: exec failed: ";
  (void)!write(2, msg, sizeof(msg) - 1);
  (void)!write(2, plan.program.c_str(), plan.program.size());
  FailInChild("\n", 1, 127);
}

}  // namespace

SpawnedChild Spawn(const SpawnSpec& spec) {
  BENCHCTL_CHECK(!spec.argv.empty());
  const ExecPlan plan = PrepareExec(spec);
  ChildPipes pipes = OpenPipes(spec);
  const pid_t parent = getpid();
  // Signals wait until the child has dropped benchctl's handlers: a SIGTERM
  // sent to it before exec must kill it, not set the flag in its copy of
  // benchctl's memory and be lost (harness/util/interrupt.cc).
  sigset_t all, saved;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &saved);
  pid_t pid = fork();
  if (pid == 0) ExecChild(spec, plan, pipes, parent, saved);
  const int fork_errno = errno;
  pthread_sigmask(SIG_SETMASK, &saved, nullptr);
  if (pid < 0) {
    pipes.CloseAll();
    throw Error(std::string("fork failed: ") + std::strerror(fork_errno));
  }
  setpgid(pid, pid);  // Also in the parent: whichever runs first wins the race.
  pipes.CloseWriteEnds();
  return SpawnedChild{pid, pipes.out[0], pipes.err[0], pipes.proto[0], pipes.report[0]};
}

void KillProcessGroup(pid_t pid) {
  if (pid > 0) kill(-pid, SIGKILL);
}

namespace {

// Reads what is ready on a command's output pipe into `output`, keeping its
// tail (at most `max_output` bytes); at the end of the stream closes `fd` and
// sets it to -1.
void ReadCommandOutput(int& fd, std::string& output, std::size_t max_output) {
  char buffer[65536];
  ssize_t n = read(fd, buffer, sizeof(buffer));
  if (n < 0 && errno == EINTR) return;
  if (n <= 0) {
    close(fd);
    fd = -1;
    return;
  }
  output.append(buffer, static_cast<size_t>(n));
  if (output.size() > max_output) output.erase(0, output.size() - max_output);
}

}  // namespace

CommandResult RunCommand(const SpawnSpec& spec_in, std::chrono::seconds timeout,
                         const StopToken& stop, std::size_t max_output) {
  using Clock = std::chrono::steady_clock;
  SpawnSpec spec = spec_in;
  spec.merge_output = true;
  spec.protocol_fd = -1;
  // A compiler deletes its temporary files on SIGTERM; SIGKILL would leave them.
  spec.parent_death_signal = SIGTERM;
  SpawnedChild child = Spawn(spec);
  // The child's exit as a poll event, so finishing costs no polling latency.
  const int pidfd = static_cast<int>(syscall(SYS_pidfd_open, child.pid, 0));
  CommandResult result;
  const auto deadline = Clock::now() + timeout;
  std::optional<Clock::time_point> kill_at;  // Set once it has been asked to stop.
  bool killed = false, exited = false;
  int out_fd = child.stdout_fd;
  for (;;) {
    const auto now = Clock::now();
    if (!kill_at && (stop.stop_requested() || now >= deadline)) {
      // Ask first: the whole group (the driver and the cc1plus, as, ld it started)
      // gets a chance to remove its temporary files.
      result.timed_out = !stop.stop_requested();
      kill(-child.pid, SIGTERM);
      kill_at = now + kCommandStopGrace;
    }
    if (kill_at && !killed && now >= *kill_at) {
      KillProcessGroup(child.pid);
      killed = true;
    }
    if (!exited) exited = HasExited(child.pid);
    // Normally: done once it has exited and its output is read. A stopped
    // group gets until SIGKILL to close the pipe (stragglers still cleaning up);
    // after that, the pipe may be held by something that left the group.
    if (exited && (out_fd < 0 || killed)) break;
    const auto limit = kill_at && !killed ? *kill_at : deadline;
    long wait_ms = std::clamp<long>(
        std::chrono::duration_cast<std::chrono::milliseconds>(limit - now).count(), 0, 200);
    if (killed || (pidfd < 0 && !exited)) wait_ms = std::min<long>(wait_ms, 10);
    pollfd fds[2];
    nfds_t count = 0;
    if (out_fd >= 0) fds[count++] = {out_fd, POLLIN, 0};
    if (pidfd >= 0 && !exited) fds[count++] = {pidfd, POLLIN, 0};
    int ready = poll(fds, count, static_cast<int>(wait_ms));
    if (ready < 0 && errno != EINTR) break;
    if (ready > 0 && out_fd >= 0 && (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
      ReadCommandOutput(out_fd, result.output, max_output);
    }
  }
  // Stragglers of a stopped command die now. Its leader is not reaped yet, so
  // the group number cannot have been reused by an unrelated process.
  if (kill_at || !exited) KillProcessGroup(child.pid);
  if (out_fd >= 0) close(out_fd);
  if (pidfd >= 0) close(pidfd);
  int status = 0;
  while (waitpid(child.pid, &status, 0) < 0 && errno == EINTR) {
  }
  // A command that was stopped did not finish, whatever status it chose to exit with.
  if (!kill_at && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

}  // namespace benchctl
