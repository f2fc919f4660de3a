// `benchctl reproduce FILE` through the built CLI: a --quick selftest run reproduced with the
// same configuration and compared with it, --processes said to be overridden, and the files it
// refuses with exit 2. One test builds the tiny cpp-good workload (as suite_options_cli_test).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "result_file.h"
#include "run_fixtures.h"
#include "test_support.h"

namespace benchctl {
namespace {

namespace fs = std::filesystem;
using testing::ExpectMentions;
using testing::RunBenchctl;
using testing::RunSelftest;
using testing::TempDir;

constexpr int kUsage = 2;

CommandResult Reproduce(const std::vector<std::string>& args) {
  std::vector<std::string> all = {"reproduce"};
  all.insert(all.end(), args.begin(), args.end());
  for (const std::string& project : {std::string("--workloads"), testing::FaultWorkloads().string(),
                                     std::string("--root"), testing::SourceDir().string()}) {
    all.push_back(project);
  }
  return RunBenchctl(all);
}

// The config keys a reproduction must have recorded as the original did.
void ExpectSameConfig(const RunConfig& a, const RunConfig& b) {
  EXPECT_EQ(a.suite, b.suite);
  EXPECT_EQ(a.languages, b.languages);
  EXPECT_EQ(a.impls, b.impls);
  EXPECT_EQ(a.operations, b.operations);
  EXPECT_EQ(a.samples, b.samples);
  EXPECT_EQ(a.warmup, b.warmup);
  EXPECT_EQ(a.min_sample_ms, b.min_sample_ms);
  EXPECT_EQ(a.timeout_seconds, b.timeout_seconds);
  EXPECT_EQ(a.seed, b.seed);
  EXPECT_EQ(a.input_seed, b.input_seed);
  EXPECT_EQ(a.quick, b.quick);
  EXPECT_EQ(a.cpus, b.cpus);
  EXPECT_EQ(a.suite_details, b.suite_details);
  EXPECT_EQ(a.extra["sum_to"], b.extra["sum_to"]);
}

TEST(ReproduceCliTest, RunsTheRecordedConfigurationAgainAndComparesWithIt) {
  TempDir tmp;
  const fs::path original = tmp / "original.json";
  CommandResult r = RunSelftest({"--impl", "cpp-good", "--quick", "--sum-to", "1000", "--seed",
                                 "77", "--out", original.string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const fs::path again = tmp / "again.json";
  r = Reproduce({original.string(), "--out", again.string()});
  // Two processes per side cannot reach a verdict: no regression, exit 0.
  ASSERT_EQ(r.exit_code, 0) << r.output;
  RunResult before = LoadRunResult(original);
  RunResult after = LoadRunResult(again);
  ExpectSameConfig(before.config, after.config);
  EXPECT_EQ(after.config.seed, 77u);
  EXPECT_EQ(after.config.processes, before.config.processes);
  EXPECT_EQ(after.config.order, before.config.order);  // Same seed, same jobs: same order.
  EXPECT_EQ(after.config.extra["sum_to"], nlohmann::json({"1000"}));
  EXPECT_EQ(after.jobs.at(0).spec.env.at("BENCHCTL_PARAM_N"), "1000");
  ASSERT_GE(after.config.command.size(), 3u);
  EXPECT_EQ(after.config.command[1], "reproduce");
  EXPECT_EQ(after.config.command[2], original.string());
  EXPECT_EQ(before.config.command[1], "run");
  ExpectMentions(r.output, {"base:      " + original.string() + " (original)",
                            "candidate: " + again.string() + " (reproduction)", "cpp-good",
                            "noise threshold"});

  const fs::path more = tmp / "more.json";
  r = Reproduce({original.string(), "--processes", "3", "--out", more.string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  ExpectMentions(r.output, {"reproduce: processes per job overridden: 3 (the original ran 2)",
                            "processes per job (reproduce --processes) differs"});
  RunResult overridden = LoadRunResult(more);
  EXPECT_EQ(overridden.config.processes, 3);
  ExpectSameConfig(before.config, overridden.config);
}

TEST(ReproduceCliTest, AMissingFileIsAUsageError) {
  TempDir tmp;
  CommandResult r = Reproduce({(tmp / "none.json").string()});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(r.output, {"benchctl: error: " + (tmp / "none.json").string() + ": cannot read"});
}

TEST(ReproduceCliTest, AFileOfAnUnknownSuiteIsAUsageErrorBeforeAnythingRuns) {
  TempDir tmp;
  // A well-formed result file of a suite this benchctl does not have.
  RunResult run = testing::MakeRun({});
  run.config.suite = "xml";
  run.config.processes = 2;
  run.config.samples = 2;
  run.config.min_sample_ms = 1;
  run.config.timeout_seconds = 300;
  run.jobs.push_back(testing::MakeJob({.suite = "xml"}, {100, 110}));
  const fs::path file = tmp / "xml.json";
  testing::WriteText(file, RunResultToJson(run).dump(1));
  CommandResult r = Reproduce({file.string(), "--build-dir", (tmp / "build").string()});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(r.output, {"benchctl: error: " + file.string() +
                                ": config.suite 'xml' is not a suite of this benchctl",
                            "selftest", "this file cannot be reproduced"});
  EXPECT_FALSE(fs::exists(tmp / "build"));
}

TEST(ReproduceCliTest, ATruncatedFileIsAUsageError) {
  TempDir tmp;
  RunResult run;
  run.config.suite = "selftest";
  run.jobs.push_back(testing::MakeJob({.suite = "selftest"}, {100, 110}));
  std::string text = RunResultToJson(run).dump(1);
  const fs::path file = tmp / "cut.json";
  testing::WriteText(file, text.substr(0, text.size() / 2));
  CommandResult r = Reproduce({file.string()});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(
      r.output, {"benchctl: error: " + file.string() + ": not valid JSON (truncated or corrupt?)"});
}

}  // namespace
}  // namespace benchctl
