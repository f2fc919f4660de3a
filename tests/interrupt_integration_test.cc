// Ctrl-C and SIGTERM during a run: benchctl kills its child, saves what it has
// with complete=false, and exits 128 + signal (harness/interrupt.h).
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <functional>
#include <string>
#include <vector>

#include "result_file.h"
#include "test_support.h"

namespace benchctl {
namespace {

using testing::AnnouncedPids;
using testing::TempDir;
using testing::WaitUntilGone;

struct SignalCase {
  int signal_number;
  int exit_status;
  const char* name;
};

// Reads the child's merged output until `done()` holds or the pipe closes or
// `limit` passes (a hang guard); returns done().
bool DrainUntil(int fd, std::string& output, const std::function<bool()>& done,
                std::chrono::seconds limit) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  char buffer[4096];
  while (!done() && std::chrono::steady_clock::now() < deadline) {
    pollfd pfd{fd, POLLIN, 0};
    if (poll(&pfd, 1, 50) <= 0) continue;
    ssize_t n = read(fd, buffer, sizeof(buffer));
    if (n <= 0) break;
    output.append(buffer, static_cast<std::size_t>(n));
  }
  return done();
}

// A benchctl run in the background, stopped with a signal once `ready` holds.
struct Stopped {
  bool ready = false;   // The condition held and the signal was sent.
  bool exited = false;  // benchctl exited normally (see status).
  int status = -1;
  std::string output;
};

Stopped RunAndStop(const std::vector<std::string>& args, const std::filesystem::path& pids,
                   int signal_number, const std::function<bool(const std::string&)>& ready) {
  SpawnSpec spec;
  spec.argv = {BENCHCTL_BINARY};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.env = {{"BENCHCTL_FAULT_PIDDIR", pids.string()}};
  spec.merge_output = true;
  SpawnedChild child = Spawn(spec);
  Stopped s;
  s.ready = DrainUntil(
      child.stdout_fd, s.output, [&] { return ready(s.output); }, std::chrono::seconds(120));
  if (s.ready) kill(child.pid, signal_number);
  DrainUntil(
      child.stdout_fd, s.output, [] { return false; }, std::chrono::seconds(60));
  close(child.stdout_fd);
  int status = 0;
  pid_t reaped = 0;
  DrainUntil(
      -1, s.output, [&] { return (reaped = waitpid(child.pid, &status, WNOHANG)) != 0; },
      std::chrono::seconds(10));
  if (reaped == 0) {  // Still there after the guard: kill it so the test ends.
    KillProcessGroup(child.pid);
    waitpid(child.pid, &status, 0);
    s.output += "\n[test: benchctl did not exit; killed]";
  }
  s.exited = reaped != 0 && WIFEXITED(status);
  s.status = s.exited ? WEXITSTATUS(status) : -1;
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

class InterruptTest : public ::testing::TestWithParam<SignalCase> {};

TEST_P(InterruptTest, SavesAnIncompleteResultKillsTheChildAndExitsWith128PlusSignal) {
  const SignalCase& c = GetParam();
  TempDir tmp;
  const auto pids = tmp / "pids";
  std::filesystem::create_directories(pids);
  // Once cpp-hang has announced itself, benchctl is waiting on it.
  Stopped s = RunAndStop(RunArgs(tmp, "cpp-hang"), pids, c.signal_number, [&](const std::string&) {
    return !AnnouncedPids(pids, "cpp-hang").empty();
  });
  ASSERT_TRUE(s.ready) << "cpp-hang never started\n" << s.output;
  ASSERT_TRUE(s.exited) << s.output;
  EXPECT_EQ(s.status, c.exit_status) << s.output;

  ASSERT_TRUE(std::filesystem::exists(tmp / "r.json")) << s.output;
  RunResult run = LoadRunResult(tmp / "r.json");
  EXPECT_FALSE(run.complete);
  EXPECT_NE(run.stop_reason.find(c.name), std::string::npos) << run.stop_reason;
  ASSERT_EQ(run.jobs.size(), 1u);
  EXPECT_EQ(run.jobs[0].status, "incomplete");
  EXPECT_EQ(run.jobs[0].failure, "");  // Being interrupted is not the workload's fault.
  EXPECT_TRUE(run.jobs[0].processes.empty());

  for (pid_t pid : AnnouncedPids(pids, "cpp-hang")) {
    EXPECT_TRUE(WaitUntilGone(pid)) << "cpp-hang pid " << pid << " survived";
  }
}

// Bug: Ctrl-C while a workload compiles kills the compiler, and the empty
// output crashes benchctl (Tail("") in harness/builder.cc: exit 70); past that,
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

INSTANTIATE_TEST_SUITE_P(Signals, InterruptTest,
                         ::testing::Values(SignalCase{SIGINT, 130, "SIGINT"},
                                           SignalCase{SIGTERM, 143, "SIGTERM"}),
                         [](const ::testing::TestParamInfo<SignalCase>& p) {
                           return std::string(p.param.name);
                         });

}  // namespace
}  // namespace benchctl
