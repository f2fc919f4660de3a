// Integration: every workload of the startup and json suites, built and run
// with --quick through the real CLI; each job must verify. Slow (builds four
// languages on a fresh machine), so labelled `integration`.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "job_summary.h"
#include "result_file.h"
#include "startup_suite.h"
#include "subprocess.h"

namespace benchctl {
namespace {

namespace fs = std::filesystem;

RunResult RunSuite(const std::vector<std::string>& extra, const std::string& name) {
  fs::path out = fs::temp_directory_path() / ("benchctl-it-" + name + ".json");
  fs::remove(out);
  SpawnSpec spec;
  spec.argv = {BENCHCTL_BINARY, "run", "--quick", "--root",    BENCHCTL_SOURCE_DIR,
               "--seed",        "7",   "--out",   out.string()};
  spec.argv.insert(spec.argv.end(), extra.begin(), extra.end());
  CommandResult r = RunCommand(spec, std::chrono::minutes(40));
  EXPECT_EQ(r.exit_code, 0) << r.output.substr(r.output.size() > 6000 ? r.output.size() - 6000 : 0);
  return LoadRunResult(out);
}

void ExpectAllVerified(const RunResult& run) {
  EXPECT_TRUE(run.complete);
  for (const auto& job : run.jobs) {
    EXPECT_EQ(job.status, "ok") << job.spec.id << ": " << job.failure;
    EXPECT_FALSE(job.processes.empty()) << job.spec.id;
    for (const auto& p : job.processes) {
      EXPECT_TRUE(p.ok) << job.spec.id << ": " << p.failure;
      if (job.spec.verify == "equal") {
        EXPECT_EQ(p.verification, job.spec.expected) << job.spec.id;
      } else {
        EXPECT_TRUE(p.verification.contains("output_bytes")) << job.spec.id;
      }
    }
  }
}

std::set<std::string> Languages(const RunResult& run) {
  std::set<std::string> out;
  for (const auto& job : run.jobs) out.insert(job.spec.language);
  return out;
}

TEST(SuitesIntegration, StartupVerifiesInAllFourLanguages) {
  RunResult run = RunSuite({"--suite", "startup"}, "startup");
  ExpectAllVerified(run);
  EXPECT_EQ(Languages(run), (std::set<std::string>{"cpp", "go", "rust", "zig"}));
  for (const auto& job : run.jobs) {
    // The argument carries the seed, so no program can print a constant.
    EXPECT_EQ(job.spec.argv.back(), "benchctl-startup-7");
    EXPECT_EQ(job.spec.expected, Fnv1a64Hex("benchctl-startup-7"));
    EXPECT_GT(job.spec.artifact.value("size_bytes", 0), 0) << job.spec.id;
    EXPECT_GT(job.spec.artifact.value("stripped_size_bytes", 0), 0) << job.spec.id;
    for (const auto& p : job.processes) EXPECT_GT(p.peak_rss_kb, 0) << job.spec.id;
  }
}

TEST(SuitesIntegration, JsonVerifiesEveryImplementationOperationAndShape) {
  RunResult run = RunSuite({"--suite", "json", "--size", "16KB"}, "json");
  ExpectAllVerified(run);
  EXPECT_EQ(Languages(run), (std::set<std::string>{"cpp", "go", "rust", "zig"}));
  std::set<std::string> impls, ops, shapes;
  for (const auto& job : run.jobs) {
    impls.insert(job.spec.impl);
    ops.insert(job.spec.operation);
    shapes.insert(job.spec.input->shape);
    EXPECT_EQ(job.spec.input->seed, 1u);
    EXPECT_EQ(job.spec.input->sha256.size(), 64u);
    for (const auto& p : job.processes) {
      ASSERT_TRUE(p.baseline_rss_kb.has_value()) << job.spec.id;
      EXPECT_GT(*p.baseline_rss_kb, 0) << job.spec.id;
      // Every language's loop reports its page faults over the timed samples.
      EXPECT_TRUE(p.counters.contains("timed_minor_faults")) << job.spec.id;
      EXPECT_TRUE(p.counters.contains("timed_major_faults")) << job.spec.id;
    }
    EXPECT_NE(FindMetric(ComputeMetrics(job), "minor_faults_per_op"), nullptr) << job.spec.id;
  }
  EXPECT_EQ(impls.size(), 12u);  // 3 C++, 5 Go, 3 Rust, 1 Zig.
  EXPECT_EQ(ops, (std::set<std::string>{"parse-dom", "parse-typed", "serialize"}));
  EXPECT_EQ(shapes, (std::set<std::string>{"twitter", "citm", "canada"}));
}

TEST(SuitesIntegration, JsonUserInputsRun) {
  fs::path good = fs::temp_directory_path() / "benchctl-it-user.json";
  { std::ofstream(good) << R"({"name":"caf\u00e9","values":[1,2.5,-3e-7,true,false,null]})"; }
  fs::path out = fs::temp_directory_path() / "benchctl-it-user-out.json";
  fs::remove(out);
  SpawnSpec spec;
  spec.argv = {BENCHCTL_BINARY, "run",   "--quick",   "--root",      BENCHCTL_SOURCE_DIR,
               "--suite",       "json",  "--input",   good.string(), "--lang",
               "cpp",           "--out", out.string()};
  CommandResult r = RunCommand(spec, std::chrono::minutes(20));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  RunResult run = LoadRunResult(out);
  EXPECT_FALSE(run.jobs.empty());
  for (const auto& job : run.jobs) {
    EXPECT_NE(job.spec.operation, "parse-typed");  // Typed needs a known schema.
    EXPECT_EQ(job.spec.input->name, "benchctl-it-user.json");
    EXPECT_EQ(job.status, "ok") << job.failure;
  }
}

TEST(SuitesIntegration, ABadUserInputStopsTheRunBeforeAnythingIsBuilt) {
  fs::path good = fs::temp_directory_path() / "benchctl-it-user.json";
  { std::ofstream(good) << R"({"a":1})"; }
  fs::path bad = fs::path(BENCHCTL_TEST_DATA) / "invalid_json" / "truncated.json";
  fs::path out = fs::temp_directory_path() / "benchctl-it-user-bad.json";
  fs::remove(out);
  SpawnSpec spec;
  spec.argv = {BENCHCTL_BINARY, "run",    "--quick", "--root",      BENCHCTL_SOURCE_DIR,
               "--suite",       "json",   "--input", good.string(), "--input",
               bad.string(),    "--lang", "cpp",     "--out",       out.string()};
  CommandResult r = RunCommand(spec, std::chrono::minutes(5));
  EXPECT_EQ(r.exit_code, 2) << r.output;  // A bad input file, as the README says.
  EXPECT_NE(r.output.find("truncated.json: invalid JSON at byte"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("build  "), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
}  // namespace benchctl
