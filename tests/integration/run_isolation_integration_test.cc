// Two runs sharing a build folder never touch each other's files, and every
// job of a run has its own id (real JSON workloads).
#include <gtest/gtest.h>

#include <future>
#include <set>

#include "result_file.h"
#include "test_support.h"

namespace benchctl {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::WriteText;

CommandResult RunJson(const std::vector<std::string>& extra) {
  std::vector<std::string> args = {
      "run",          "--suite", "json",   "--impl",
      "cpp-simdjson", "--quick", "--root", testing::SourceDir().string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return testing::RunBenchctl(args, {}, std::chrono::seconds(1200));
}

// Before each run had its own scratch folder, both wrote
// build/bench/outputs/<job id>.json and each failed the other's verification.
TEST(RunIsolation, ConcurrentSerializeRunsVerifyTheirOwnOutputs) {
  TempDir tmp;
  ASSERT_EQ(RunJson({"--op", "serialize", "--shape", "canada", "--size", "64KB", "--out",
                     (tmp / "warm.json").string()})
                .exit_code,
            0);  // Builds, so the two below overlap in their timed processes.
  std::vector<std::future<CommandResult>> runs;
  for (const char* seed : {"1", "2"}) {
    runs.push_back(std::async(std::launch::async, [&tmp, seed] {
      return RunJson({"--op", "serialize", "--shape", "canada", "--size", "1MB", "--processes", "8",
                      "--input-seed", seed, "--out",
                      (tmp / (std::string("s") + seed + ".json")).string()});
    }));
  }
  for (auto& run : runs) {
    CommandResult r = run.get();
    EXPECT_EQ(r.exit_code, 0) << r.output;
  }
  for (const char* name : {"s1.json", "s2.json"}) {
    RunResult result = LoadRunResult(tmp / name);
    ASSERT_EQ(result.jobs.size(), 1u);
    EXPECT_EQ(result.jobs[0].status, "ok") << result.jobs[0].failure;
    EXPECT_EQ(result.jobs[0].processes.size(), 8u);
  }
}

TEST(RunIsolation, InputsWithTheSameBaseNameAreDistinctJobs) {
  TempDir tmp;
  WriteText(tmp / "d1" / "x.json", R"([1, 2, 3])");
  WriteText(tmp / "d2" / "x.json", R"({"a": [true, null, "x"]})");
  CommandResult r =
      RunJson({"--op", "parse-dom", "--input", (tmp / "d1" / "x.json").string(), "--input",
               (tmp / "d2" / "x.json").string(), "--out", (tmp / "r.json").string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  RunResult result = LoadRunResult(tmp / "r.json");
  ASSERT_EQ(result.jobs.size(), 2u);
  std::set<std::string> ids, names;
  for (const auto& job : result.jobs) {
    ids.insert(job.spec.id);
    names.insert(job.spec.input->name);
    EXPECT_EQ(job.status, "ok") << job.failure;
  }
  EXPECT_EQ(ids.size(), 2u);
  EXPECT_EQ(names, (std::set<std::string>{"d1/x.json", "d2/x.json"}));
  // Different documents: different reference values.
  EXPECT_NE(result.jobs[0].spec.expected, result.jobs[1].spec.expected);
}

}  // namespace
}  // namespace benchctl
