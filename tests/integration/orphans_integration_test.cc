// However benchctl dies, nothing it measures outlives it: killed with SIGKILL
// (no handler runs), its launcher (benchctl-exec) and the workload, and any
// process the workload forked, must go too (PR_SET_PDEATHSIG in
// harness/exec/subprocess.cc and harness/exec/launcher/benchctl_exec.cc).
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <ostream>
#include <string>
#include <vector>

#include "process_watch.h"
#include "test_support.h"

namespace benchctl {
namespace {

using testing::AnnouncedPids;
using testing::BackgroundRun;
using testing::CommandLine;
using testing::DescribeProcesses;
using testing::KillLeftovers;
using testing::LiveProcessesMentioning;
using testing::ParentPid;
using testing::TempDir;
using testing::WaitUntilGone;
using testing::WaitUntilNoneMention;

// A workload that never finishes, and the tags of the processes it announces.
struct OrphanCase {
  const char* impl;
  std::vector<std::string> tags;  // The workload's own tag first.
  const char* name;
};

void PrintTo(const OrphanCase& c, std::ostream* out) { *out << c.impl; }

class OrphanTest : public ::testing::TestWithParam<OrphanCase> {};

TEST_P(OrphanTest, NothingOutlivesABenchctlKilledWithSigkill) {
  const OrphanCase& c = GetParam();
  TempDir tmp;
  const auto pids = tmp / "pids";
  std::filesystem::create_directories(pids);
  // Every process of this run names the temporary folder on its command line:
  // the launcher and the workload run the binary built under it.
  const std::string needle = tmp.path().string();
  KillLeftovers cleanup(needle);  // Declared before the run: runs after its destructor.
  BackgroundRun run(
      {"run", "--suite", "selftest", "--impl", c.impl, "--timeout", "3600", "--quick",
       "--workloads", testing::FaultWorkloads().string(), "--root", testing::SourceDir().string(),
       "--build-dir", (tmp / "build").string(), "--out", (tmp / "r.json").string()},
      {{"BENCHCTL_FAULT_PIDDIR", pids.string()}});
  // Generous: the first step builds the workload.
  bool started = run.WaitFor(
      [&] {
        return std::all_of(c.tags.begin(), c.tags.end(), [&](const std::string& tag) {
          return !AnnouncedPids(pids, tag).empty();
        });
      },
      std::chrono::seconds(300));
  ASSERT_TRUE(started) << c.impl << " never started\n" << run.output();

  const pid_t workload = AnnouncedPids(pids, c.tags[0]).at(0);
  const pid_t launcher = ParentPid(workload);
  ASSERT_NE(CommandLine(launcher).find("benchctl-exec"), std::string::npos)
      << "the workload's parent is not the launcher: " << CommandLine(launcher);
  ASSERT_EQ(ParentPid(launcher), run.pid());
  std::vector<pid_t> announced;
  for (const auto& tag : c.tags) {
    for (pid_t pid : AnnouncedPids(pids, tag)) announced.push_back(pid);
  }
  // The scan sees them all now, so its finding none later means something.
  std::vector<pid_t> before = LiveProcessesMentioning(needle);
  for (pid_t pid : announced) {
    EXPECT_NE(std::find(before.begin(), before.end(), pid), before.end()) << pid;
  }
  EXPECT_NE(std::find(before.begin(), before.end(), launcher), before.end());

  run.Signal(SIGKILL);
  run.Finish();
  ASSERT_TRUE(run.KilledBy(SIGKILL)) << run.output();

  // A hang guard, not a timing check: without the fix they run for an hour.
  std::vector<pid_t> left = WaitUntilNoneMention(needle);
  EXPECT_TRUE(left.empty()) << "outlived benchctl:\n" << DescribeProcesses(left);
  EXPECT_TRUE(WaitUntilGone(launcher)) << "the launcher " << launcher << " survived";
  for (pid_t pid : announced) EXPECT_TRUE(WaitUntilGone(pid)) << "pid " << pid << " survived";
}

INSTANTIATE_TEST_SUITE_P(
    Workloads, OrphanTest,
    ::testing::Values(OrphanCase{"cpp-hang", {"cpp-hang"}, "Hang"},
                      // Its own child is not signalled by the kernel: the launcher
                      // kills its whole process group when benchctl dies.
                      OrphanCase{"cpp-forks", {"cpp-forks", "cpp-forks-grandchild"}, "Forks"}),
    [](const ::testing::TestParamInfo<OrphanCase>& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace benchctl
