// ProcessExecutor: a child is spawned (through benchctl-exec if there is one),
// its pipes are read in a poll loop until it has exited and they are drained,
// a timeout or a stop request kills its process group, and wait4 reaps it.
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

#include "error.h"
#include "executor.h"
#include "launcher_report.h"
#include "subprocess.h"

namespace benchctl {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxStdout = 64 << 10;
constexpr std::size_t kStderrTail = 4 << 10;
constexpr std::size_t kMaxReportRead = 256;  // Of one read from the launcher's report pipe.
// After a timeout or stop has killed the group: how long what it wrote just
// before may still be read.
constexpr std::chrono::milliseconds kDrainAfterKill{500};
// The longest single poll(2) wait (its timeout is an int of milliseconds).
constexpr long kMaxPollMs = 1L << 30;

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

double Seconds(const timeval& tv) {
  return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) * 1e-6;
}

// The spawn spec for `request`: through `launcher` unless it is "", asking it
// to announce its child's pid right after the fork if `announce_pid`.
SpawnSpec SpawnSpecFor(const RunRequest& request, const std::string& launcher, bool announce_pid) {
  SpawnSpec spec;
  spec.argv = request.argv;
  if (!launcher.empty()) {
    // The launcher execs without a PATH search: resolve the program here.
    auto program = FindExecutable(spec.argv[0]);
    if (program) spec.argv[0] = program->string();
    spec.argv.insert(spec.argv.begin(), {launcher, std::to_string(kReportFd)});
    if (announce_pid) spec.argv.insert(spec.argv.begin() + 1, "--announce-pid");
    spec.report_fd = kReportFd;
  }
  spec.env = request.env;
  spec.cpus = request.cpus;
  spec.protocol_fd = request.protocol ? kProtocolFd : -1;
  // A measured process has nothing to clean up: if benchctl dies, it dies at
  // once. The launcher then kills its whole group (harness/exec/launcher/).
  spec.parent_death_signal = SIGKILL;
  return spec;
}

// One spawned child and its pipes, read in a poll loop (Step) until it has
// exited and they are drained. With `live_pid`, pid() is the measured
// program's from the start (the launcher announces it); without, through a
// launcher it is -1 until the child has exited (then it is in the outcome):
// the announcement costs time inside the launcher's timed window.
class ProcessChild : public RunningChild {
 public:
  ProcessChild(const RunRequest& request, const std::string& launcher, const StopToken& stop,
               bool live_pid);
  ~ProcessChild() override;
  ProcessChild(const ProcessChild&) = delete;
  ProcessChild& operator=(const ProcessChild&) = delete;

  pid_t pid() const override { return measured_pid_; }
  bool Poll(std::chrono::milliseconds wait) override;
  const RunOutcome& progress() const override { return outcome_; }
  std::optional<ProcessSample> Sample() const override { return SampleProcess(measured_pid_); }
  void Signal(int signal_number) override;
  void Kill() override;
  RunOutcome Wait() override;

 private:
  bool Step(Clock::time_point cap);
  bool Stopping() const { return outcome_.timed_out || outcome_.interrupted; }
  void KillOnTimeoutOrStop(std::chrono::milliseconds left);
  int PollTimeoutMs(std::chrono::milliseconds left, Clock::time_point cap) const;
  void ReadReadyPipes(char* buffer, std::size_t size);
  void Deliver(int fd, const char* data, std::size_t size);
  void Reap(int flags);
  void CloseFds();
  void RecordExit();

  const StopToken& stop_;
  RunOutcome outcome_;
  LineCollector lines_{outcome_};
  Clock::time_point start_, end_, deadline_, drain_until_{};
  SpawnedChild child_;
  pid_t measured_pid_ = -1;
  int pidfd_ = -1;
  // The pipes, then the pidfd (at pid_slot_), then the stop token's wake fd (not ours to close).
  std::vector<pollfd> fds_;
  std::size_t pid_slot_ = 0, open_pipes_ = 0;
  std::string report_;
  bool exited_ = false, done_ = false, waited_ = false;
  int status_ = 0;
  rusage usage_{};
};

ProcessChild::ProcessChild(const RunRequest& request, const std::string& launcher,
                           const StopToken& stop, bool live_pid)
    : stop_(stop) {
  const SpawnSpec spec = SpawnSpecFor(request, launcher, live_pid);
  start_ = end_ = Clock::now();
  deadline_ = start_ + std::chrono::duration_cast<Clock::duration>(
                           std::chrono::duration<double>(request.timeout_seconds));
  child_ = Spawn(spec);
  // A pidfd turns "the child exited" into a poll event: the end time is taken
  // when it fires, with no polling latency in start-up measurements.
  pidfd_ = static_cast<int>(syscall(SYS_pidfd_open, child_.pid, 0));
  fds_.push_back({child_.stdout_fd, POLLIN, 0});
  fds_.push_back({child_.stderr_fd, POLLIN, 0});
  if (child_.protocol_fd >= 0) fds_.push_back({child_.protocol_fd, POLLIN, 0});
  if (child_.report_fd >= 0) fds_.push_back({child_.report_fd, POLLIN, 0});
  pid_slot_ = open_pipes_ = fds_.size();
  fds_.push_back({pidfd_, POLLIN, 0});
  fds_.push_back({stop_.wake_fd(), POLLIN, 0});
  if (child_.report_fd < 0) {
    measured_pid_ = child_.pid;
    return;
  }
  if (!live_pid) return;
  // The launcher announces its child's pid right after forking: read until it
  // comes (or the launcher is gone), so pid() is right from the start.
  const auto report_open = [this] {
    return std::any_of(fds_.begin(), fds_.begin() + static_cast<long>(pid_slot_),
                       [this](const pollfd& p) { return p.fd == child_.report_fd; });
  };
  while (measured_pid_ < 0 && !done_ && report_open()) done_ = !Step(Clock::time_point::max());
}

ProcessChild::~ProcessChild() {
  if (waited_) return;
  if (!exited_) KillProcessGroup(child_.pid);
  CloseFds();
  if (!exited_) Reap(0);
}

// One turn of the poll loop: stop the child if it is time, wait for its pipes
// or its exit (at most until `cap`), read what is ready. False when done: it
// has exited and its pipes are drained, or the drain after a kill is over.
bool ProcessChild::Step(Clock::time_point cap) {
  if (exited_ && open_pipes_ == 0) return false;
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
  KillOnTimeoutOrStop(left);
  if (Stopping()) {
    fds_[pid_slot_ + 1].fd = -1;  // Stays readable once stopped: poll must not spin on it.
    // Its group is dead: read what it wrote just before, briefly, then stop.
    if (!exited_) Reap(0);
    const auto now = Clock::now();
    if (drain_until_ == Clock::time_point{}) drain_until_ = now + kDrainAfterKill;
    if (now > drain_until_) return false;
  }
  if (pidfd_ < 0 && !exited_) Reap(WNOHANG);
  int ready = poll(fds_.data(), fds_.size(), PollTimeoutMs(left, cap));
  if (ready < 0 && errno != EINTR) return false;
  if (ready <= 0) return true;
  if (fds_[pid_slot_].fd >= 0 && (fds_[pid_slot_].revents & POLLIN) != 0) {
    Reap(0);
    fds_[pid_slot_].fd = -1;
  }
  char buffer[65536];
  ReadReadyPipes(buffer, sizeof(buffer));
  return true;
}

// Kills the group once the stop token is stopped or the deadline (`left` from
// now) has passed.
void ProcessChild::KillOnTimeoutOrStop(std::chrono::milliseconds left) {
  if (!outcome_.interrupted && stop_.stop_requested()) {
    outcome_.interrupted = true;
    KillProcessGroup(child_.pid);
  }
  if (left.count() <= 0 && !outcome_.timed_out && !exited_) {
    outcome_.timed_out = true;
    KillProcessGroup(child_.pid);
  }
}

// How long one poll may wait: until the deadline when the stop token can wake the poll (so
// benchctl is idle while a child runs, not waking on a timer); else at most 250 ms so the
// token is checked; 5 ms without a pidfd, whose exit is then found by polling wait4; 50 ms
// while draining a killed group; never past `cap`.
int ProcessChild::PollTimeoutMs(std::chrono::milliseconds left, Clock::time_point cap) const {
  const long most = pidfd_ < 0 ? 5 : (stop_.wake_fd() >= 0 ? kMaxPollMs : 250);
  long wait_ms = std::clamp<long>(left.count(), 0, most);
  if (Stopping()) wait_ms = 50;
  if (cap != Clock::time_point::max()) {
    auto to_cap = std::chrono::duration_cast<std::chrono::milliseconds>(cap - Clock::now());
    wait_ms = std::clamp<long>(to_cap.count(), 0, wait_ms);
  }
  return static_cast<int>(wait_ms);
}

void ProcessChild::ReadReadyPipes(char* buffer, std::size_t size) {
  for (std::size_t i = 0; i < pid_slot_; ++i) {
    pollfd& pfd = fds_[i];
    if (pfd.fd < 0 || (pfd.revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
    ssize_t n = read(pfd.fd, buffer, size);
    if (n <= 0) {
      close(pfd.fd);
      pfd.fd = -1;
      --open_pipes_;
      continue;
    }
    Deliver(pfd.fd, buffer, static_cast<std::size_t>(n));
  }
}

// Routes what was read from pipe `fd` to its part of the outcome.
void ProcessChild::Deliver(int fd, const char* data, std::size_t size) {
  if (fd == child_.protocol_fd) {
    lines_.Feed(data, size);
  } else if (fd == child_.report_fd) {
    report_.append(data, std::min(size, kMaxReportRead));
    if (measured_pid_ < 0) measured_pid_ = ParseLauncherReport(report_).pid;
  } else if (fd == child_.stdout_fd) {
    std::string& out = outcome_.stdout_text;
    if (out.size() < kMaxStdout) out.append(data, std::min(size, kMaxStdout - out.size()));
  } else {
    std::string& tail = outcome_.stderr_tail;
    tail.append(data, size);
    if (tail.size() > kStderrTail) tail.erase(0, tail.size() - kStderrTail);
  }
}

// wait4 on the spawned child (blocking with flags 0), keeping its rusage.
void ProcessChild::Reap(int flags) {
  pid_t r;
  do {
    r = wait4(child_.pid, &status_, flags, &usage_);
  } while (r < 0 && errno == EINTR && flags == 0);
  if (r == child_.pid) {
    exited_ = true;
    end_ = Clock::now();
    KillProcessGroup(child_.pid);  // Stragglers it left behind must not outlive it.
  }
}

void ProcessChild::CloseFds() {
  for (std::size_t i = 0; i < pid_slot_; ++i) {
    if (fds_[i].fd >= 0) close(fds_[i].fd);
    fds_[i].fd = -1;
  }
  if (pidfd_ >= 0) close(pidfd_);
  pidfd_ = -1;
}

bool ProcessChild::Poll(std::chrono::milliseconds wait) {
  const auto until = Clock::now() + wait;
  while (!done_) {
    done_ = !Step(until);
    if (Clock::now() >= until) break;
  }
  return !done_;
}

void ProcessChild::Signal(int signal_number) {
  // Through the launcher the pid is its child's, which the launcher reaps: the
  // launcher exits right after, so while it has not, the pid is still that child's.
  if (measured_pid_ > 0 && !exited_) kill(measured_pid_, signal_number);
}

void ProcessChild::Kill() {
  if (!exited_) KillProcessGroup(child_.pid);
}

RunOutcome ProcessChild::Wait() {
  BENCHCTL_CHECK(!waited_);
  while (!done_) done_ = !Step(Clock::time_point::max());
  CloseFds();
  if (!exited_) Reap(0);
  waited_ = true;
  lines_.Finish();
  RecordExit();
  return outcome_;
}

// Times, peak RSS and exit status into the outcome: the launcher's
// measurements of the real child when it reported them, else benchctl's own.
void ProcessChild::RecordExit() {
  outcome_.wall_seconds = std::chrono::duration<double>(end_ - start_).count();
  outcome_.user_seconds = Seconds(usage_.ru_utime);
  outcome_.system_seconds = Seconds(usage_.ru_stime);
  outcome_.peak_rss_kb = usage_.ru_maxrss;
  outcome_.minor_faults = usage_.ru_minflt;
  outcome_.major_faults = usage_.ru_majflt;
  int status = status_;
  const LauncherReport report = ParseLauncherReport(report_);
  if (report.finished) {
    outcome_.wall_seconds = static_cast<double>(report.wall_ns) * 1e-9;
    outcome_.user_seconds = static_cast<double>(report.user_us) * 1e-6;
    outcome_.system_seconds = static_cast<double>(report.sys_us) * 1e-6;
    outcome_.peak_rss_kb = report.maxrss_kb;
    outcome_.minor_faults = report.minor_faults;
    outcome_.major_faults = report.major_faults;
    status = report.wait_status;
  }
  if (report.pid > 0) measured_pid_ = report.pid;
  outcome_.child_pid = measured_pid_;
  if (WIFEXITED(status)) {
    outcome_.exited = true;
    outcome_.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    outcome_.term_signal = WTERMSIG(status);
  }
}

}  // namespace

std::string FindLauncher() {
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  auto launcher = self.parent_path() / "benchctl-exec";
  return std::filesystem::exists(launcher) ? launcher.string() : "";
}

std::unique_ptr<RunningChild> ProcessExecutor::Start(const RunRequest& request) {
  return std::make_unique<ProcessChild>(request, launcher_, stop_, /*live_pid=*/true);
}

RunOutcome ProcessExecutor::Run(const RunRequest& request) {
  // Start then Wait, without the early pid: nothing could read it before the exit.
  return ProcessChild(request, launcher_, stop_, /*live_pid=*/false).Wait();
}

}  // namespace benchctl
