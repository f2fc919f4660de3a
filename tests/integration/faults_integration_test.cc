// The fault cases of workloads/PROTOCOL.md end to end: one `benchctl run` over
// the misbehaving selftest workloads in tests/fault_workloads/, then checks on
// the exit status, the result file and the processes left behind.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "result_file.h"
#include "test_support.h"

namespace benchctl {
namespace {

using testing::AnnouncedPids;
using testing::FaultWorkloads;
using testing::RunBenchctl;
using testing::TempDir;
using testing::WaitUntilGone;

// What a misbehaving case must leave in its job's record.
struct FaultCase {
  std::string impl;
  std::vector<std::string> failure_words;  // All must appear in the failure reason.
  std::string stderr_words;                // Must appear in the stderr tail ("" = tail empty).
};

const std::vector<FaultCase>& FaultCases() {
  static const std::vector<FaultCase> cases = {
      {"cpp-crash", {"killed by signal", "11"}, "about to crash on purpose"},
      {"cpp-exit3", {"exited with status 3"}, "giving up with status 3"},
      {"cpp-hang", {"timed out"}, "sleeping forever"},
      {"cpp-forks", {"timed out"}, "now hanging"},
      {"cpp-garbage", {"not a JSON object", "this is not json"}, "writing garbage"},
      {"cpp-oversized", {"longer than", "1048576 bytes"}, "2 MiB on one line"},
      {"cpp-nofinal", {"without sending its result"}, "leaving without a result"},
      {"cpp-wrongvalue", {"wrong verification value", "{\"sum\":5000050000}", "{\"sum\":1}"}, ""},
      {"cpp-mismatch",
       {"7 timed iterations", "different from the self-check"},
       "7 iterations went wrong"},
  };
  return cases;
}

const JobResult* FindJob(const RunResult& run, const std::string& impl) {
  for (const auto& job : run.jobs) {
    if (job.spec.impl == impl) return &job;
  }
  return nullptr;
}

TEST(FaultRunTest, EveryFaultIsRecordedWithItsReasonAndTheRunGoesOn) {
  TempDir tmp;
  const auto out = tmp / "r.json";
  const auto pids = tmp / "pids";
  std::filesystem::create_directories(pids);
  CommandResult r =
      RunBenchctl({"run", "--suite", "selftest", "--workloads", FaultWorkloads().string(), "--root",
                   testing::SourceDir().string(), "--build-dir", (tmp / "build").string(),
                   "--quick", "--timeout", "2", "--seed", "7", "--out", out.string()},
                  {{"BENCHCTL_FAULT_PIDDIR", pids.string()}});
  ASSERT_FALSE(r.timed_out) << r.output;
  EXPECT_EQ(r.exit_code, 1) << r.output;

  RunResult run = LoadRunResult(out);
  EXPECT_TRUE(run.complete);
  EXPECT_EQ(run.stop_reason, "");
  EXPECT_EQ(run.jobs.size(), FaultCases().size() + 1);
  EXPECT_EQ(run.config.seed, 7u);

  const JobResult* good = FindJob(run, "cpp-good");
  ASSERT_NE(good, nullptr);
  EXPECT_EQ(good->status, "ok") << good->failure;
  EXPECT_EQ(good->processes.size(), 2u);  // --quick: 2 processes.
  for (const ProcessRecord& p : good->processes) {
    EXPECT_TRUE(p.ok) << p.failure;
    EXPECT_EQ(p.verification, nlohmann::json({{"sum", 5000050000ull}}));
    EXPECT_TRUE(p.baseline_rss_kb.has_value());
    EXPECT_GE(p.iterations, 1);
    EXPECT_EQ(p.samples_ns.size(), 2u);  // --quick: 2 samples, 1 warm-up.
    EXPECT_EQ(p.warmup_ns.size(), 1u);
    EXPECT_GT(p.peak_rss_kb, 0);
  }

  for (const FaultCase& c : FaultCases()) {
    SCOPED_TRACE(c.impl);
    const JobResult* job = FindJob(run, c.impl);
    ASSERT_NE(job, nullptr);
    EXPECT_EQ(job->status, "failed");
    for (const auto& word : c.failure_words) {
      EXPECT_NE(job->failure.find(word), std::string::npos) << job->failure;
    }
    // A job stops at its first failed process.
    ASSERT_EQ(job->processes.size(), 1u);
    const ProcessRecord& p = job->processes[0];
    EXPECT_FALSE(p.ok);
    EXPECT_EQ(p.failure, job->failure);
    if (c.stderr_words.empty()) {
      EXPECT_EQ(p.stderr_tail, "");
    } else {
      EXPECT_NE(p.stderr_tail.find(c.stderr_words), std::string::npos) << p.stderr_tail;
    }
    // The report names every failure.
    EXPECT_NE(r.output.find(job->spec.id), std::string::npos);
  }

  // Nothing the run started outlives it, the forked grandchild included.
  for (const char* tag : {"cpp-forks-grandchild", "cpp-forks", "cpp-hang"}) {
    SCOPED_TRACE(tag);
    std::vector<pid_t> announced = AnnouncedPids(pids, tag);
    EXPECT_EQ(announced.size(), 1u);
    for (pid_t pid : announced) EXPECT_TRUE(WaitUntilGone(pid)) << "pid " << pid << " survived";
  }

  // Each recorded process sits where the recorded interleaved order put it.
  const auto& order = run.config.order;
  for (std::size_t j = 0; j < run.jobs.size(); ++j) {
    for (const ProcessRecord& p : run.jobs[j].processes) {
      EXPECT_EQ(
          order.at(static_cast<std::size_t>(p.round)).at(static_cast<std::size_t>(p.position)), j)
          << run.jobs[j].spec.id;
    }
  }

  // `show` reads the file back and lists every failure with its stderr (--wide: lines as
  // they are, not wrapped at 100 columns, so a phrase cannot be split).
  CommandResult shown = RunBenchctl({"show", "--wide", out.string()});
  EXPECT_EQ(shown.exit_code, 0) << shown.output;
  for (const FaultCase& c : FaultCases()) {
    EXPECT_NE(shown.output.find("selftest/" + c.impl + "/sum"), std::string::npos) << c.impl;
    if (!c.stderr_words.empty()) {
      EXPECT_NE(shown.output.find(c.stderr_words), std::string::npos) << c.impl;
    }
  }

  // The atomic writes left no temporary file next to the result.
  for (const auto& entry : std::filesystem::directory_iterator(tmp.path())) {
    EXPECT_EQ(entry.path().string().find(".tmp"), std::string::npos) << entry.path();
  }
}

TEST(FaultRunTest, ARunWhereEverythingVerifiesExitsZero) {
  TempDir tmp;
  CommandResult r = RunBenchctl({"run", "--suite", "selftest", "--impl", "cpp-good", "--workloads",
                                 FaultWorkloads().string(), "--root", testing::SourceDir().string(),
                                 "--build-dir", (tmp / "build").string(), "--quick", "--processes",
                                 "3", "--out", (tmp / "r.json").string()});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  RunResult run = LoadRunResult(tmp / "r.json");
  ASSERT_EQ(run.jobs.size(), 1u);
  EXPECT_EQ(run.jobs[0].status, "ok");
  EXPECT_EQ(run.jobs[0].processes.size(), 3u);  // --processes wins over --quick's 2.
  // The second run finds the build in the cache.
  r = RunBenchctl({"build", "--suite", "selftest", "--impl", "cpp-good", "--workloads",
                   FaultWorkloads().string(), "--root", testing::SourceDir().string(),
                   "--build-dir", (tmp / "build").string()});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("cached"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace benchctl
