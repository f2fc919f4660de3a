// Integration: the alloc suite through the real CLI in --quick mode: every implementation and
// tier verified on every operation it declares, with the counters its metrics read. Slow
// (builds four languages), so labelled `integration`.
#include <gtest/gtest.h>

#include <set>

#include "alloc_reference.h"
#include "result_file.h"
#include "test_support.h"

namespace benchctl {
namespace {

using testing::RunBenchctl;
using testing::SourceDir;
using testing::TempDir;

TEST(AllocIntegration, EveryImplementationAndTierVerifiesItsOperations) {
  TempDir tmp;
  const auto out = tmp / "alloc.json";
  CommandResult r = RunBenchctl({"run", "--suite", "alloc", "--quick", "--seed", "5", "--root",
                                 SourceDir().string(), "--out", out.string()},
                                {}, std::chrono::seconds(2400));
  ASSERT_EQ(r.exit_code, 0) << r.output.substr(r.output.size() > 6000 ? r.output.size() - 6000 : 0);
  RunResult run = LoadRunResult(out);
  EXPECT_TRUE(run.complete);
  std::set<std::string> languages, ops;
  for (const auto& job : run.jobs) {
    languages.insert(job.spec.language);
    ops.insert(job.spec.operation);
    EXPECT_EQ(job.status, "ok") << job.spec.id << ": " << job.failure;
    // The harness's own values at the --quick defaults.
    if (job.spec.operation == "binary-trees") {
      EXPECT_EQ(job.spec.expected, BinaryTreesValue(10));
    } else if (job.spec.operation == "churn") {
      EXPECT_EQ(job.spec.expected, ChurnValue(1000, 20000, 42));
      EXPECT_EQ(job.spec.ops_per_iteration, 20000);
    } else {
      EXPECT_EQ(job.spec.expected, RequestArenaValue(20, 500, 42));
      EXPECT_EQ(job.spec.ops_per_iteration, 20);
    }
    for (const auto& p : job.processes) {
      ASSERT_TRUE(p.ok) << job.spec.id << ": " << p.failure;
      EXPECT_EQ(p.verification, job.spec.expected) << job.spec.id;
      EXPECT_TRUE(p.counters.contains("cpu_per_iteration_ns")) << job.spec.id;
      if (job.spec.operation == "churn") {
        // Every 8-operation batch of the timed samples, and nothing else.
        EXPECT_EQ(p.counters.at("churn_batches").get<std::int64_t>(),
                  static_cast<std::int64_t>(p.samples_ns.size()) * p.iterations * (20000 / 8))
            << job.spec.id;
      }
      if (job.spec.language == "go") {
        EXPECT_TRUE(p.counters.contains("gc_pause_count")) << job.spec.id;
      }
    }
  }
  EXPECT_EQ(languages, (std::set<std::string>{"cpp", "go", "rust", "zig"}));
  EXPECT_EQ(ops, (std::set<std::string>{"binary-trees", "churn", "request-arena"}));
}

}  // namespace
}  // namespace benchctl
