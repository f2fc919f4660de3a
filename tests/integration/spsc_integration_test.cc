// Integration: the spsc suite through the real CLI in --quick mode — every implementation and
// the floor verified, a parameter sweep, and a workload that reorders items failing with the
// first out-of-order item named. Slow (builds four languages), so labelled `integration`.
#include <gtest/gtest.h>

#include <set>

#include "result_file.h"
#include "spsc_reference.h"
#include "test_support.h"

namespace benchctl {
namespace {

using testing::FaultWorkloads;
using testing::RunBenchctl;
using testing::SourceDir;
using testing::TempDir;

RunResult RunSpsc(const TempDir& tmp, const std::vector<std::string>& extra,
                  const std::string& workloads = "") {
  const auto out = tmp / "spsc.json";
  std::vector<std::string> args = {"run",    "--suite",   "spsc",   "--quick",
                                   "--seed", "3",         "--root", SourceDir().string(),
                                   "--out",  out.string()};
  if (!workloads.empty()) {
    args.insert(args.end(), {"--workloads", workloads, "--build-dir", (tmp / "build").string()});
  }
  args.insert(args.end(), extra.begin(), extra.end());
  CommandResult r = RunBenchctl(args, {}, std::chrono::seconds(2400));
  EXPECT_EQ(r.exit_code, workloads.empty() ? 0 : 1)
      << r.output.substr(r.output.size() > 6000 ? r.output.size() - 6000 : 0);
  return LoadRunResult(out);
}

TEST(SpscIntegration, EveryImplementationAndTheFloorVerifyBothOperations) {
  TempDir tmp;
  RunResult run = RunSpsc(tmp, {});
  EXPECT_TRUE(run.complete);
  std::set<std::string> impls, languages, references;
  for (const auto& job : run.jobs) {
    impls.insert(job.spec.impl);
    languages.insert(job.spec.language);
    if (job.spec.reference) references.insert(job.spec.impl);
    EXPECT_EQ(job.status, "ok") << job.spec.id << ": " << job.failure;
    // The harness's own reference values at the --quick defaults.
    const bool throughput = job.spec.operation == "throughput";
    EXPECT_EQ(job.spec.expected,
              throughput ? ExpectedThroughputValue(65536) : ExpectedLatencyValue(2000));
    EXPECT_EQ(job.spec.ops_per_iteration, throughput ? 65536 : 2000) << job.spec.id;
    EXPECT_EQ(job.spec.params.at("capacity"), "1024");
    for (const auto& p : job.processes) {
      ASSERT_TRUE(p.ok) << job.spec.id << ": " << p.failure;
      EXPECT_EQ(p.verification, job.spec.expected) << job.spec.id;
      EXPECT_NE(p.counters.at("producer_cpu"), p.counters.at("consumer_cpu")) << job.spec.id;
      if (!throughput) {
        // Every individually timed trip of the timed samples, and nothing else.
        EXPECT_EQ(p.counters.at("rtt_count").get<std::int64_t>(),
                  static_cast<std::int64_t>(p.samples_ns.size()) * p.iterations * 2000)
            << job.spec.id;
        EXPECT_LE(p.counters.at("rtt_p50_ns"), p.counters.at("rtt_p99_ns")) << job.spec.id;
        EXPECT_LE(p.counters.at("rtt_p99_ns"), p.counters.at("rtt_p999_ns")) << job.spec.id;
        EXPECT_LE(p.counters.at("rtt_p999_ns"), p.counters.at("rtt_max_ns")) << job.spec.id;
      }
    }
  }
  EXPECT_EQ(languages, (std::set<std::string>{"cpp", "go", "rust", "zig"}));
  EXPECT_EQ(impls, (std::set<std::string>{"cpp-boost", "cpp-floor", "cpp-mutex", "cpp-ring",
                                          "go-chan", "go-ring", "rust-crossbeam", "rust-ring",
                                          "rust-rtrb", "rust-std", "zig-mutex", "zig-ring"}));
  EXPECT_EQ(references, (std::set<std::string>{"cpp-floor"}));
  EXPECT_EQ(run.jobs.size(), 24u);
  EXPECT_EQ(run.environment.child_cpus.size(), 2u);
}

TEST(SpscIntegration, ASweptParameterRunsOneJobPerValue) {
  TempDir tmp;
  RunResult run =
      RunSpsc(tmp, {"--impl", "cpp-ring", "--op", "throughput", "--param", "capacity=64,4096"});
  ASSERT_EQ(run.jobs.size(), 2u);
  EXPECT_EQ(run.jobs[0].spec.id, "spsc/cpp-ring/throughput/capacity=64");
  EXPECT_EQ(run.jobs[1].spec.id, "spsc/cpp-ring/throughput/capacity=4096");
  for (const auto& job : run.jobs) {
    EXPECT_EQ(job.status, "ok") << job.failure;
    EXPECT_EQ(job.spec.env.at("BENCHCTL_PARAM_CAPACITY"), job.spec.params.at("capacity"));
  }
  EXPECT_EQ(run.config.extra.at("params").at("capacity"), (nlohmann::json{"64", "4096"}));
}

TEST(SpscIntegration, ReorderedItemsFailNamingTheFirstOutOfOrderItem) {
  TempDir tmp;
  RunResult run = RunSpsc(tmp, {}, FaultWorkloads().string());
  ASSERT_EQ(run.jobs.size(), 2u);
  for (const auto& job : run.jobs) {
    EXPECT_EQ(job.status, "failed") << job.spec.id;
    const std::string expected = job.spec.operation == "throughput"
                                     ? "sequence error in iteration 1: expected item 4096, got 4097"
                                     : "round trip 1000: sent 1000, got 1001 back";
    EXPECT_NE(job.failure.find(expected), std::string::npos) << job.spec.id << ": " << job.failure;
  }
}

}  // namespace
}  // namespace benchctl
