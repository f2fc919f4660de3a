// Ctrl-C, SIGTERM and a closed terminal (SIGHUP) during a run: benchctl kills
// its child, saves what it has with complete=false, and exits 128 + signal
// (harness/util/interrupt.h).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <functional>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "process_watch.h"
#include "result_file.h"
#include "test_support.h"

namespace benchctl {
namespace {

using testing::AnnouncedPids;
using testing::BackgroundRun;
using testing::DescribeProcesses;
using testing::KillLeftovers;
using testing::ParentPid;
using testing::ProcessAlive;
using testing::TempDir;
using testing::WaitUntilGone;
using testing::WaitUntilNoneMention;

struct SignalCase {
  int signal_number;
  int exit_status;
  const char* name;
  const char* stop_reason;  // As the result file must give it.
};

// A benchctl run stopped with a signal once `ready` holds.
struct Stopped {
  bool ready = false;   // The condition held and the signal was sent.
  bool exited = false;  // benchctl exited normally (see status).
  int status = -1;
  std::string output;
};

Stopped RunAndStop(const std::vector<std::string>& args, const std::filesystem::path& pids,
                   int signal_number, const std::function<bool(const std::string&)>& ready) {
  BackgroundRun run(args, {{"BENCHCTL_FAULT_PIDDIR", pids.string()}});
  Stopped s;
  s.ready = run.WaitFor([&] { return ready(run.output()); }, std::chrono::seconds(120));
  if (s.ready) run.Signal(signal_number);
  s.status = run.Finish();
  s.exited = s.status >= 0;
  s.output = run.output();
  return s;
}

std::vector<std::string> RunArgs(const TempDir& tmp, const std::string& impl) {
  return {"run",         "--suite",
          "selftest",    "--impl",
          impl,          "--timeout",
          "60",          "--quick",
          "--workloads", testing::FaultWorkloads().string(),
          "--root",      testing::SourceDir().string(),
          "--build-dir", (tmp / "build").string(),
          "--out",       (tmp / "r.json").string()};
}

void PrintTo(const SignalCase& c, std::ostream* out) { *out << c.name; }

class InterruptTest : public ::testing::TestWithParam<SignalCase> {};

TEST_P(InterruptTest, SavesAnIncompleteResultKillsTheChildAndExitsWith128PlusSignal) {
  const SignalCase& c = GetParam();
  TempDir tmp;
  KillLeftovers cleanup(tmp.path().string());
  const auto pids = tmp / "pids";
  std::filesystem::create_directories(pids);
  pid_t launcher = -1;
  // Once cpp-hang has announced itself, benchctl is waiting on it.
  Stopped s = RunAndStop(RunArgs(tmp, "cpp-hang"), pids, c.signal_number, [&](const std::string&) {
    auto hang = AnnouncedPids(pids, "cpp-hang");
    if (hang.empty()) return false;
    launcher = ParentPid(hang[0]);
    return true;
  });
  ASSERT_TRUE(s.ready) << "cpp-hang never started\n" << s.output;
  ASSERT_TRUE(s.exited) << s.output;
  EXPECT_EQ(s.status, c.exit_status) << s.output;

  ASSERT_TRUE(std::filesystem::exists(tmp / "r.json")) << s.output;
  RunResult run = LoadRunResult(tmp / "r.json");
  EXPECT_FALSE(run.complete);
  EXPECT_EQ(run.stop_reason, c.stop_reason);
  ASSERT_EQ(run.jobs.size(), 1u);
  EXPECT_EQ(run.jobs[0].status, "incomplete");
  EXPECT_EQ(run.jobs[0].failure, "");  // Being interrupted is not the workload's fault.
  EXPECT_TRUE(run.jobs[0].processes.empty());

  for (pid_t pid : AnnouncedPids(pids, "cpp-hang")) {
    EXPECT_TRUE(WaitUntilGone(pid)) << "cpp-hang pid " << pid << " survived";
  }
  EXPECT_TRUE(WaitUntilGone(launcher)) << "the launcher " << launcher << " survived";
  std::vector<pid_t> left = WaitUntilNoneMention(tmp.path().string());
  EXPECT_TRUE(left.empty()) << "outlived benchctl:\n" << DescribeProcesses(left);
}

// `nohup benchctl run ...` asks to outlive the terminal: SIGHUP stays ignored,
// the run goes on, and Ctrl-C still stops it as usual.
TEST(InterruptUnderNohupTest, IgnoresSighupButStillStopsOnSigint) {
  TempDir tmp;
  KillLeftovers cleanup(tmp.path().string());
  const auto pids = tmp / "pids";
  std::filesystem::create_directories(pids);
  BackgroundRun run(RunArgs(tmp, "cpp-hang"), {{"BENCHCTL_FAULT_PIDDIR", pids.string()}},
                    {"nohup"});
  ASSERT_TRUE(run.WaitFor([&] { return !AnnouncedPids(pids, "cpp-hang").empty(); },
                          std::chrono::seconds(120)))
      << run.output();
  const pid_t hang = AnnouncedPids(pids, "cpp-hang").at(0);
  run.Signal(SIGHUP);
  // Were SIGHUP handled, benchctl would stop at once and record it (the first
  // signal wins), so the checks below fail whatever the machine's speed.
  run.WaitFor([] { return false; }, std::chrono::seconds(2));
  EXPECT_TRUE(run.Running()) << run.output();
  EXPECT_TRUE(ProcessAlive(hang));
  run.Signal(SIGINT);
  EXPECT_EQ(run.Finish(), 130) << run.output();
  RunResult result = LoadRunResult(tmp / "r.json");
  EXPECT_FALSE(result.complete);
  EXPECT_EQ(result.stop_reason, "interrupted by SIGINT");
  EXPECT_TRUE(WaitUntilGone(hang)) << "cpp-hang pid " << hang << " survived";
}

// benchctl's output on a pseudo-terminal whose session it leads, as in a
// terminal window; closing the master side is closing the window.
class OnATerminal {
 public:
  OnATerminal(const std::vector<std::string>& args, const std::string& env_entry) {
    master_ = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master_ < 0 || grantpt(master_) != 0 || unlockpt(master_) != 0) return;
    std::string slave = ptsname(master_);
    std::vector<std::string> argv_text = {BENCHCTL_BINARY};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_text) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::string env_text = env_entry;
    std::vector<char*> envp;
    for (char** e = environ; *e != nullptr; ++e) envp.push_back(*e);
    envp.push_back(env_text.data());
    envp.push_back(nullptr);
    pid_ = fork();
    if (pid_ == 0) {
      setsid();  // A new session: the terminal opened next becomes its controlling one.
      int fd = open(slave.c_str(), O_RDWR);
      if (fd < 0) _exit(127);
      for (int target : {0, 1, 2}) dup2(fd, target);
      execve(argv[0], argv.data(), envp.data());
      _exit(127);
    }
  }
  ~OnATerminal() {
    if (master_ >= 0) close(master_);
    if (pid_ > 0 && !reaped_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  OnATerminal(const OnATerminal&) = delete;
  OnATerminal& operator=(const OnATerminal&) = delete;

  bool started() const { return pid_ > 0; }
  const std::string& output() const { return output_; }

  // Reads what it prints until `done()` holds or `limit` passes; returns done().
  bool WaitFor(const std::function<bool()>& done, std::chrono::seconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    char buffer[4096];
    while (!done() && std::chrono::steady_clock::now() < deadline) {
      pollfd pfd{master_, POLLIN, 0};
      if (poll(&pfd, 1, 50) <= 0) continue;
      ssize_t n = read(master_, buffer, sizeof(buffer));
      if (n > 0) output_.append(buffer, static_cast<std::size_t>(n));
    }
    return done();
  }

  // Closes the terminal: the kernel sends SIGHUP to benchctl, its session leader.
  void Close() {
    close(master_);
    master_ = -1;
  }

  // Waits for benchctl to exit (a hang guard: then it is killed); its wait status.
  int Wait(std::chrono::seconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    int status = 0;
    while (waitpid(pid_, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    reaped_ = true;
    return status;
  }

 private:
  int master_ = -1;
  pid_t pid_ = -1;
  bool reaped_ = false;
  std::string output_;
};

// Bug: with SIGHUP handled, closing the terminal still ended benchctl with
// SIGABRT: its next print to the hung-up terminal failed (EIO) and the error
// could not even be reported. It must exit 129 with the run saved.
TEST(InterruptByTerminalTest, ClosingTheTerminalStopsTheRunAndExits129) {
  TempDir tmp;
  KillLeftovers cleanup(tmp.path().string());
  const auto pids = tmp / "pids";
  std::filesystem::create_directories(pids);
  OnATerminal run(RunArgs(tmp, "cpp-hang"), "BENCHCTL_FAULT_PIDDIR=" + pids.string());
  ASSERT_TRUE(run.started());
  ASSERT_TRUE(run.WaitFor([&] { return !AnnouncedPids(pids, "cpp-hang").empty(); },
                          std::chrono::seconds(120)))
      << run.output();
  run.Close();
  int status = run.Wait(std::chrono::seconds(60));
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status) << "\n" << run.output();
  EXPECT_EQ(WEXITSTATUS(status), 129);
  RunResult result = LoadRunResult(tmp / "r.json");
  EXPECT_FALSE(result.complete);
  EXPECT_EQ(result.stop_reason, "interrupted by SIGHUP (the terminal closed)");
  for (pid_t pid : AnnouncedPids(pids, "cpp-hang")) {
    EXPECT_TRUE(WaitUntilGone(pid)) << "cpp-hang pid " << pid << " survived";
  }
}

// Bug: Ctrl-C while a workload compiles kills the compiler, and the empty
// output crashes benchctl (Tail("") in harness/project/builder.cc: exit 70); past that,
// the interrupted build would be recorded as the workload's build failure.
TEST(InterruptDuringBuildTest, StopsWithoutBlamingTheWorkload) {
  TempDir tmp;
  Stopped s =
      RunAndStop(RunArgs(tmp, "cpp-good"), tmp / "pids", SIGINT, [](const std::string& out) {
        return out.find("build  selftest/cpp-good") != std::string::npos;
      });
  ASSERT_TRUE(s.ready) << s.output;
  EXPECT_EQ(s.status, 130) << s.output;
  if (std::filesystem::exists(tmp / "r.json")) {
    RunResult run = LoadRunResult(tmp / "r.json");
    EXPECT_FALSE(run.complete);
    for (const auto& job : run.jobs) EXPECT_NE(job.status, "failed") << job.failure;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Signals, InterruptTest,
    ::testing::Values(SignalCase{SIGINT, 130, "SIGINT", "interrupted by SIGINT"},
                      SignalCase{SIGTERM, 143, "SIGTERM", "interrupted by SIGTERM"},
                      // A closed terminal is the likeliest SIGHUP: the reason says so.
                      SignalCase{SIGHUP, 129, "SIGHUP",
                                 "interrupted by SIGHUP (the terminal closed)"}),
    [](const ::testing::TestParamInfo<SignalCase>& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace benchctl
