#include "subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

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

  pid_t pid = fork();
  if (pid < 0) throw Error(std::string("fork failed: ") + std::strerror(errno));
  if (pid == 0) {
    // Child: only async-signal-safe calls from here to exec.
    setpgid(0, 0);
    signal(SIGPIPE, SIG_DFL);
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
  SpawnSpec spec = spec_in;
  spec.merge_output = true;
  spec.protocol_fd = -1;
  SpawnedChild child = Spawn(spec);
  CommandResult result;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  char buffer[65536];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (InterruptSignal() != 0) {
      KillProcessGroup(child.pid);
      break;
    }
    if (left.count() <= 0) {
      result.timed_out = true;
      KillProcessGroup(child.pid);
      break;
    }
    pollfd pfd{child.stdout_fd, POLLIN, 0};
    int ready = poll(&pfd, 1, static_cast<int>(std::min<long>(left.count(), 200)));
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    ssize_t n = read(child.stdout_fd, buffer, sizeof(buffer));
    if (n <= 0) break;
    result.output.append(buffer, static_cast<size_t>(n));
    if (result.output.size() > max_output) {
      result.output.erase(0, result.output.size() - max_output);
    }
  }
  close(child.stdout_fd);
  int status = 0;
  while (waitpid(child.pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!result.timed_out && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

}  // namespace benchctl
