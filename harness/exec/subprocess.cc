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
#include "interrupt.h"

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

SpawnedChild Spawn(const SpawnSpec& spec) {
  BENCHCTL_CHECK(!spec.argv.empty());
  std::string program = spec.argv[0];
  if (program.find('/') == std::string::npos) {
    auto found = FindExecutable(program);
    if (!found) throw Error(program + ": not found in PATH");
    program = found->string();
  }
  std::vector<std::string> env = BuildEnvironment(spec.env);
  std::vector<char*> envp;
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::vector<std::string> args = spec.argv;
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  cpu_set_t cpu_set;
  CPU_ZERO(&cpu_set);
  for (int cpu : spec.cpus) CPU_SET(cpu, &cpu_set);

  int out[2], err[2], proto[2] = {-1, -1}, report[2] = {-1, -1};
  MakePipe(out);
  if (!spec.merge_output) MakePipe(err);
  if (spec.protocol_fd >= 0) MakePipe(proto);
  if (spec.report_fd >= 0) MakePipe(report);

  const pid_t parent = getpid();
  // Signals wait until the child has dropped benchctl's handlers: a SIGTERM
  // sent to it before exec must kill it, not set the flag in its copy of
  // benchctl's memory and be lost (harness/util/interrupt.cc).
  sigset_t all, saved;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &saved);
  pid_t pid = fork();
  if (pid != 0) pthread_sigmask(SIG_SETMASK, &saved, nullptr);
  if (pid < 0) throw Error(std::string("fork failed: ") + std::strerror(errno));
  if (pid == 0) {
    // Child: only async-signal-safe calls from here to exec (prctl is a bare
    // system call). Its own process group keeps it out of the terminal's
    // SIGINT/SIGHUP (benchctl decides) and lets one kill reach all it starts.
    setpgid(0, 0);
    for (int s : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction current {};
      sigaction(s, nullptr, &current);
      if (current.sa_handler != SIG_IGN) signal(s, SIG_DFL);  // nohup's SIGHUP stays ignored.
    }
    signal(SIGPIPE, SIG_DFL);
    sigprocmask(SIG_SETMASK, &saved, nullptr);
    // If benchctl dies (even by SIGKILL), the kernel signals this child: no
    // measured process outlives the orchestrator. It survives exec. The kernel
    // tracks the forking thread, which is benchctl's main (only) thread.
    if (spec.parent_death_signal != 0) {
      prctl(PR_SET_PDEATHSIG, static_cast<unsigned long>(spec.parent_death_signal));
      // benchctl may have died between fork and prctl: then no signal is coming,
      // and this child was already re-parented.
      if (getppid() != parent) _exit(126);
    }
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) dup2(devnull, 0);
    // Move the protocol end first: it may sit on fd 1 or 2's future number.
    // Lift both ends above every target number first, so no dup2 clobbers
    // a pipe that still has to be moved.
    int proto_w = proto[1] >= 0 ? fcntl(proto[1], F_DUPFD_CLOEXEC, 10) : -1;
    int report_w = report[1] >= 0 ? fcntl(report[1], F_DUPFD_CLOEXEC, 10) : -1;
    MoveFd(out[1], 1);
    MoveFd(spec.merge_output ? out[1] : err[1], 2);
    if (proto_w >= 0) MoveFd(proto_w, spec.protocol_fd);
    if (report_w >= 0) MoveFd(report_w, spec.report_fd);
    if (!spec.cpus.empty() && sched_setaffinity(0, sizeof(cpu_set), &cpu_set) != 0) {
      const char msg[] = "benchctl: sched_setaffinity failed in child\n";
      (void)!write(2, msg, sizeof(msg) - 1);
      _exit(126);
    }
    if (!spec.cwd.empty() && chdir(spec.cwd.c_str()) != 0) {
      const char msg[] = "benchctl: cannot chdir in child\n";
      (void)!write(2, msg, sizeof(msg) - 1);
      _exit(126);
    }
    execve(program.c_str(), argv.data(), envp.data());
    const char msg[] = "benchctl: exec failed: ";
    (void)!write(2, msg, sizeof(msg) - 1);
    (void)!write(2, program.c_str(), program.size());
    (void)!write(2, "\n", 1);
    _exit(127);
  }
  setpgid(pid, pid);  // Also in the parent: whichever runs first wins the race.
  close(out[1]);
  if (!spec.merge_output) close(err[1]);
  if (proto[1] >= 0) close(proto[1]);
  if (report[1] >= 0) close(report[1]);
  return SpawnedChild{pid, out[0], spec.merge_output ? -1 : err[0], proto[0], report[0]};
}

void KillProcessGroup(pid_t pid) {
  if (pid > 0) kill(-pid, SIGKILL);
}

CommandResult RunCommand(const SpawnSpec& spec_in, std::chrono::seconds timeout,
                         std::size_t max_output) {
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
  char buffer[65536];
  for (;;) {
    const auto now = Clock::now();
    if (!kill_at && (InterruptSignal() != 0 || now >= deadline)) {
      // Ask first: the whole group (the driver and the cc1plus, as, ld it started)
      // gets a chance to remove its temporary files.
      result.timed_out = InterruptSignal() == 0;
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
    if (ready <= 0 || out_fd < 0 || (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
    ssize_t n = read(out_fd, buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      close(out_fd);
      out_fd = -1;
      continue;
    }
    result.output.append(buffer, static_cast<size_t>(n));
    if (result.output.size() > max_output) {
      result.output.erase(0, result.output.size() - max_output);
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
