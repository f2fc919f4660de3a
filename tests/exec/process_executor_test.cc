// ProcessExecutor (harness/exec/executor.h) with real children: the launcher
// reports the workload's own pid, a started child can be read from /proc,
// signalled and waited for, and a stop token (not a signal) kills a child.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "executor.h"
#include "process_watch.h"
#include "stop_token.h"
#include "test_support.h"

namespace benchctl {
namespace {

using Clock = std::chrono::steady_clock;
using testing::CommandLine;
using testing::ParentPid;

// benchctl-exec, built beside the benchctl-selftest binary.
std::string Launcher() {
  return (std::filesystem::path(BENCHCTL_BINARY).parent_path() / "benchctl-exec").string();
}

RunRequest Shell(const std::string& script, double timeout_seconds = 60) {
  RunRequest request;
  request.label = "test";
  request.argv = {"/bin/sh", "-c", script};
  request.timeout_seconds = timeout_seconds;
  request.protocol = false;
  return request;
}

// A token that stops itself `after` its first question: a stop request
// arriving while a child runs, without a signal or a second thread.
class StopsLater : public StopToken {
 public:
  explicit StopsLater(std::chrono::milliseconds after) : after_(after) {}
  bool stop_requested() const override {
    if (!first_) first_ = Clock::now();
    return Clock::now() - *first_ >= after_;
  }
  int signal() const override { return 0; }
  std::string reason() const override { return stop_requested() ? "stopped by the test" : ""; }

 private:
  std::chrono::milliseconds after_;
  mutable std::optional<Clock::time_point> first_;
};

TEST(ProcessExecutorTest, TheLauncherReportsTheWorkloadsOwnPid) {
  ManualStopToken never;
  ProcessExecutor executor(Launcher(), never);
  RunOutcome o = executor.Run(Shell("echo $$"));
  ASSERT_TRUE(o.exited) << o.stderr_tail;
  EXPECT_EQ(o.exit_code, 0);
  EXPECT_GT(o.child_pid, 0);
  EXPECT_EQ(std::to_string(o.child_pid) + "\n", o.stdout_text);  // The shell's own $$.
}

TEST(ProcessExecutorTest, WithoutALauncherTheChildsPidIsTheSpawnedOne) {
  ManualStopToken never;
  ProcessExecutor executor("", never);
  RunOutcome o = executor.Run(Shell("echo $$"));
  EXPECT_EQ(std::to_string(o.child_pid) + "\n", o.stdout_text);
}

TEST(ProcessExecutorTest, AStartedChildCanBeSampledSignalledAndWaitedFor) {
  ManualStopToken never;
  ProcessExecutor executor(Launcher(), never);
  // Holds 32 MiB, says its pid, then becomes `sleep` (same pid) until stopped.
  std::unique_ptr<RunningChild> child =
      executor.Start(Shell("x=$(head -c 33554432 /dev/zero | tr '\\0' a); echo $$; exec sleep 60"));
  const pid_t pid = child->pid();
  ASSERT_GT(pid, 0);
  // The pid is the workload's, not the launcher's: its parent is benchctl-exec.
  EXPECT_NE(CommandLine(ParentPid(pid)).find("benchctl-exec"), std::string::npos);
  const auto guard = Clock::now() + std::chrono::seconds(30);  // A hang guard.
  while (child->progress().stdout_text.empty() && Clock::now() < guard) {
    child->Poll(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(child->progress().stdout_text, std::to_string(pid) + "\n");
  while (CommandLine(pid).find("sleep") == std::string::npos && Clock::now() < guard) {
    child->Poll(std::chrono::milliseconds(10));
  }
  std::optional<ProcessSample> sample = child->Sample();
  ASSERT_TRUE(sample.has_value());
  EXPECT_GT(sample->rss_kb, 0);
  EXPECT_GE(sample->peak_rss_kb, sample->rss_kb);
  EXPECT_GE(sample->user_seconds + sample->system_seconds, 0.0);
  EXPECT_TRUE(child->Poll(std::chrono::milliseconds(0)));  // Still running.

  child->Signal(SIGTERM);  // The workload alone; the launcher reports its end.
  RunOutcome o = child->Wait();
  EXPECT_EQ(o.term_signal, SIGTERM);
  EXPECT_FALSE(o.timed_out);
  EXPECT_FALSE(o.interrupted);
  EXPECT_EQ(o.child_pid, pid);
  // The launcher's rusage of that pid: ru_maxrss survives exec, so the shell's 32 MiB count.
  EXPECT_GE(o.peak_rss_kb, 32 * 1024);
  // Touching those 32 MiB took at least one minor fault per 4 KiB page.
  EXPECT_GE(o.minor_faults, 32 * 1024 / 4);
  EXPECT_GE(o.major_faults, 0);
  EXPECT_FALSE(child->Sample().has_value());  // Gone.
}

TEST(ProcessExecutorTest, AStopTokenKillsTheRunningChild) {
  StopsLater stop(std::chrono::milliseconds(200));
  ProcessExecutor executor(Launcher(), stop);
  const auto start = Clock::now();
  RunOutcome o = executor.Run(Shell("echo started; exec sleep 60"));
  EXPECT_TRUE(o.interrupted);
  EXPECT_FALSE(o.timed_out);
  EXPECT_EQ(o.term_signal, SIGKILL);
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(20));  // A hang guard, not a timing check.
  EXPECT_TRUE(testing::WaitUntilGone(o.child_pid));
}

TEST(ProcessExecutorTest, AChildDestroyedWhileRunningIsKilled) {
  ManualStopToken never;
  ProcessExecutor executor(Launcher(), never);
  pid_t pid = -1;
  {
    std::unique_ptr<RunningChild> child = executor.Start(Shell("exec sleep 60"));
    pid = child->pid();
    ASSERT_GT(pid, 0);
  }
  EXPECT_TRUE(testing::WaitUntilGone(pid));
}

// An executor that only knows how to Run, like the tests' fakes.
class RunOnly : public Executor {
 public:
  RunOutcome Run(const RunRequest&) override {
    RunOutcome o;
    o.exited = true;
    o.exit_code = 0;
    o.stdout_text = "done";
    return o;
  }
};

TEST(ExecutorTest, StartOnARunOnlyExecutorHandsOverAFinishedChild) {
  RunOnly executor;
  std::unique_ptr<RunningChild> child = executor.Start(RunRequest{});
  EXPECT_FALSE(child->Poll(std::chrono::milliseconds(10)));
  EXPECT_FALSE(child->Sample().has_value());
  EXPECT_EQ(child->progress().stdout_text, "done");
  EXPECT_EQ(child->Wait().stdout_text, "done");
}

}  // namespace
}  // namespace benchctl
