// A suite's own options on the command line (SuiteOption, harness/run/suite.h): listed in
// `run --help` and `list`, refused for another suite (exit 2, naming the suite they belong to),
// checked, and routed to their suite. Each test runs the built CLI; one builds a tiny workload.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "result_file.h"
#include "test_support.h"

namespace benchctl {
namespace {

namespace fs = std::filesystem;
using testing::ExpectMentions;
using testing::RunBenchctl;
using testing::RunSelftest;
using testing::TempDir;

constexpr int kUsage = 2;

CommandResult RunShipped(const std::vector<std::string>& args) {
  SpawnSpec spec;
  spec.argv = {BENCHCTL_SHIPPED_BINARY};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  return RunCommand(spec, std::chrono::seconds(60));
}

TEST(SuiteOptionsCliTest, RunHelpListsEverySuitesOptionsWithTheirSuite) {
  CommandResult r = RunShipped({"run", "--help"});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  ExpectMentions(r.output, {"--shape", "json suite: generated input shapes", "--size",
                            "json suite: generated input sizes", "--input",
                            "json suite: your own JSON document"});
  EXPECT_EQ(r.output.find("--sum-to"), std::string::npos) << "a test suite's option";
  ExpectMentions(RunBenchctl({"run", "--help"}).output, {"--sum-to", "selftest suite: sum 1..N"});
}

TEST(SuiteOptionsCliTest, ListShowsEachSuitesOptions) {
  CommandResult r = RunShipped({"list", "--root", testing::SourceDir().string()});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  ExpectMentions(r.output, {"suite json (operations: parse-dom, parse-typed, serialize; options: "
                            "--shape --size --input)",
                            "suite startup (operations: startup)\n"});
}

TEST(SuiteOptionsCliTest, AnotherSuitesOptionIsAUsageErrorBeforeAnythingIsBuilt) {
  TempDir tmp;
  CommandResult r =
      RunShipped({"run", "--suite", "startup", "--shape", "twitter", "--root",
                  testing::SourceDir().string(), "--build-dir", (tmp / "build").string()});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(r.output, {"benchctl: error: --shape is an option of the json suite, not of "
                            "startup: drop it, or run --suite json"});
  EXPECT_FALSE(fs::exists(tmp / "build"));
  r = RunSelftest({"--size", "64KB"});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(r.output, {"--size is an option of the json suite, not of selftest"});
}

TEST(SuiteOptionsCliTest, ValuesAreCheckedByTheirSuite) {
  CommandResult r = RunShipped(
      {"run", "--suite", "json", "--shape", "tweeter", "--root", testing::SourceDir().string()});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(r.output, {"--shape tweeter: unknown JSON shape 'tweeter'"});
  r = RunSelftest({"--sum-to", "lots"});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(r.output, {"--sum-to lots: expected a whole number from 1 to 999999999"});
  r = RunSelftest({"--sum-to", "5", "--sum-to", "6"});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(r.output, {"--sum-to is given 2 times (5, 6); the selftest suite takes one"});
}

TEST(SuiteOptionsCliTest, ValuesReachTheSuiteAndTheConfig) {
  TempDir tmp;
  const fs::path out = tmp / "r.json";
  CommandResult r =
      RunSelftest({"--impl", "cpp-good", "--quick", "--sum-to", "1000", "--out", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  RunResult run = LoadRunResult(out);
  ASSERT_EQ(run.jobs.size(), 1u);
  EXPECT_EQ(run.jobs[0].status, "ok") << run.jobs[0].failure;
  EXPECT_EQ(run.jobs[0].spec.env.at("BENCHCTL_PARAM_N"), "1000");
  EXPECT_EQ(run.jobs[0].spec.expected, nlohmann::json({{"sum", 500500}}));
  // Every declared option is recorded under its config key; other suites' are empty.
  EXPECT_EQ(run.config.extra["sum_to"], nlohmann::json({"1000"}));
  EXPECT_EQ(run.config.extra["shapes"], nlohmann::json::array());
}

}  // namespace
}  // namespace benchctl
