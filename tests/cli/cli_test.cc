// The CLI's exit statuses and error texts (tests/fault_workloads/selftest/cpp-wrongvalue/main.cc,
// cmd_*.cc): each test runs the built benchctl. None builds more than one tiny workload.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "result_file.h"
#include "test_support.h"

namespace benchctl {
namespace {

namespace fs = std::filesystem;
using testing::ExpectOutput;
using testing::RunBenchctl;
using testing::RunSelftest;
using testing::TempDir;

constexpr int kUsage = 2;

TEST(CliTest, NoSubcommandIsAUsageError) { EXPECT_EQ(RunBenchctl({}).exit_code, kUsage); }

TEST(CliTest, VersionExitsZero) {
  ExpectOutput(RunBenchctl({"--version"}), 0, {"benchctl " BENCHCTL_VERSION});
}

TEST(CliTest, OutOfRangeOptionIsAUsageError) {
  ExpectOutput(RunSelftest({"--timeout", "0"}), kUsage, {"--timeout"});
}

TEST(CliTest, UnknownSuiteListsTheSuites) {
  ExpectOutput(
      RunBenchctl({"run", "--suite", "nope", "--root", testing::SourceDir().string()}), kUsage,
      {"unknown suite \"nope\"", "alloc, http, json, selftest, selftest-pair, spsc, startup"});
}

TEST(CliTest, TheShippedBinaryDoesNotOfferTheTestSuites) {
  for (const char* suite : {"selftest", "selftest-pair"}) {
    SpawnSpec spec;
    spec.argv = {BENCHCTL_SHIPPED_BINARY,      "run", "--suite", suite, "--root",
                 testing::SourceDir().string()};
    CommandResult r = RunCommand(spec, std::chrono::seconds(60));
    ExpectOutput(r, kUsage,
                 {"unknown suite \"" + std::string(suite) + "\"",
                  "valid suites: alloc, http, json, spsc, startup\n"});
    // The list offers no test suite.
    EXPECT_EQ(r.output.find("selftest", r.output.find("valid suites:")), std::string::npos)
        << r.output;
  }
}

TEST(CliTest, UnknownLanguageListsTheLanguages) {
  ExpectOutput(RunSelftest({"--lang", "cobol"}), kUsage,
               {"unknown language \"cobol\"", "cpp, go, rust, zig"});
}

TEST(CliTest, UnknownImplementationListsTheImplementations) {
  ExpectOutput(RunSelftest({"--impl", "cpp-nope"}), kUsage,
               {"unknown implementation \"cpp-nope\"", "cpp-crash, cpp-exit3", "cpp-wrongvalue"});
}

TEST(CliTest, UnknownOperationListsTheOperations) {
  ExpectOutput(RunSelftest({"--op", "mul"}), kUsage, {"unknown operation \"mul\"", "valid: sum"});
}

TEST(CliTest, CpusOutsideTheAllowedSetIsAUsageError) {
  TempDir tmp;
  ExpectOutput(RunSelftest({"--impl", "cpp-wrongvalue", "--cpus", "4096", "--build-dir",
                            (tmp / "build").string(), "--out", (tmp / "r.json").string()}),
               kUsage, {"--cpus: CPU 4096 is not available; allowed CPUs:"});
}

TEST(CliTest, InstructionsWithoutValgrindSaysWhatToInstall) {
  TempDir tmp;
  CommandResult r = RunBenchctl(
      {"run", "--suite", "selftest", "--workloads", testing::FaultWorkloads().string(), "--root",
       testing::SourceDir().string(), "--impl", "cpp-wrongvalue", "--instructions", "2",
       "--build-dir", (tmp / "build").string(), "--out", (tmp / "r.json").string()},
      {{"PATH", tmp.path().string()}});  // An empty folder: no valgrind on PATH.
  ExpectOutput(r, kUsage, {"--instructions needs valgrind", "apt-get install valgrind"});
  EXPECT_FALSE(fs::exists(tmp / "build"));  // Checked before anything was built.
}

TEST(CliTest, ShowNamesAMissingFile) {
  ExpectOutput(RunBenchctl({"show", "/nonexistent/r.json"}), kUsage,
               {"/nonexistent/r.json", "cannot read"});
}

TEST(CliTest, ShowRefusesBadFilesNamingThem) {
  TempDir tmp;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "the file is empty"},
      {R"({"schema_version": 1, "benchctl": {"vers)", "not valid JSON (truncated or corrupt?)"},
      {R"({"context":{"date":"2026-01-01","library_build_type":"release"},)"
       R"("benchmarks":[{"name":"BM_x","real_time":1.5,"time_unit":"ns"}]})",
       "not a benchctl result file"},
  };
  for (const auto& [text, words] : cases) {
    SCOPED_TRACE(words);
    const fs::path file = tmp / "input.json";
    testing::WriteText(file, text);
    ExpectOutput(RunBenchctl({"show", file.string()}), kUsage, {file.string(), words});
  }
}

TEST(CliTest, ShowPrintsAValidFile) {
  TempDir tmp;
  RunResult run;
  run.complete = true;
  run.benchctl = nlohmann::json::object();
  run.toolchains = nlohmann::json::object();
  run.config.suite = "selftest";
  WriteFileAtomically(tmp / "r.json", RunResultToJson(run).dump());
  ExpectOutput(RunBenchctl({"show", (tmp / "r.json").string()}), 0, {"selftest"});
}

TEST(CliTest, GenUnknownShapeListsTheShapes) {
  ExpectOutput(RunBenchctl({"gen", "json", "--shape", "nope"}), kUsage,
               {"unknown JSON shape 'nope'", "twitter, citm, canada"});
}

TEST(CliTest, GenBadSizeSaysTheAllowedForms) {
  ExpectOutput(RunBenchctl({"gen", "json", "--shape", "twitter", "--size", "12XB"}), kUsage,
               {"invalid size '12XB'", "KB", "MiB", "64KB"});
}

// A root in `tmp` with the repository's toolchains and, as workloads/<suite>/,
// a copy of the folder `suite_content`.
fs::path MakeRoot(const TempDir& tmp, const std::string& suite, const fs::path& suite_content) {
  fs::copy(testing::SourceDir() / "toolchains", tmp / "toolchains", fs::copy_options::recursive);
  fs::create_directories(tmp / "workloads" / suite);
  fs::copy(suite_content, tmp / "workloads" / suite, fs::copy_options::recursive);
  return tmp.path();
}

// A suite needing more CPUs than benchctl may use (here, under `taskset -c 0`) is refused
// before anything is built, saying what it needs and what to do.
TEST(CliTest, TooFewCpusForTheSuiteIsAUsageError) {
  if (!fs::exists("/usr/bin/taskset")) GTEST_SKIP() << "needs taskset to restrict the CPUs";
  TempDir tmp;
  fs::path root = MakeRoot(tmp, "selftest-pair", testing::FaultWorkloads() / "selftest");
  SpawnSpec spec;
  spec.argv = {"/usr/bin/taskset", "-c",     "0",        BENCHCTL_BINARY, "run",        "--suite",
               "selftest-pair",    "--impl", "cpp-good", "--root",        root.string()};
  ExpectOutput(RunCommand(spec, std::chrono::seconds(60)), kUsage,
               {"suite selftest-pair needs 3 CPUs (2 for each job, 1 for its load generator), "
                "and benchctl may use only 1 (0)",
                "at least 3 CPUs"});
  EXPECT_FALSE(fs::exists(tmp / "build"));
}

TEST(CliTest, MalformedManifestsNameFileKeyAndAllowedValues) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"unknown-key", {"`colour` is not a known key; allowed keys:", "library", "mode"}},
      {"bad-language", {"`language` is \"cobol\"; allowed values: c, cpp, go, rust, zig"}},
      {"missing-key", {"`mode` is missing"}},
      {"wrong-folder", {"cpp-y/workload.json", "`variant`", "must be named \"cpp-x\""}},
  };
  for (const auto& [fixture, words] : cases) {
    SCOPED_TRACE(fixture);
    TempDir tmp;
    fs::path root = MakeRoot(tmp, "selftest", testing::DataDir() / "manifests" / fixture);
    CommandResult r = RunBenchctl({"list", "--root", root.string()});
    ExpectOutput(r, kUsage, words);
    EXPECT_NE(r.output.find((root / "workloads" / "selftest").string()), std::string::npos)
        << r.output;
    // `build --workloads` reads the same manifests and fails the same way.
    ExpectOutput(RunBenchctl({"build", "--suite", "selftest", "--root", root.string(),
                              "--workloads", (root / "workloads").string()}),
                 kUsage, words);
  }
}

TEST(CliTest, MalformedToolchainNamesFileKeyAndAllowedKeys) {
  TempDir tmp;
  fs::path root = MakeRoot(tmp, "selftest", testing::FaultWorkloads() / "selftest");
  fs::copy_file(testing::DataDir() / "toolchains" / "unknown-key" / "cpp.json",
                root / "toolchains" / "cpp.json", fs::copy_options::overwrite_existing);
  ExpectOutput(RunBenchctl({"list", "--root", root.string()}), kUsage,
               {(root / "toolchains" / "cpp.json").string(),
                "`optimise` is not a known key; allowed keys:", "build_argv"});
}

TEST(CliTest, MissingToolchainFailsTheJobWithTheInstallHint) {
  TempDir tmp;
  TempDir suite;  // Holds startup/zig-std only.
  fs::create_directories(suite / "zig-std");
  fs::copy(testing::SourceDir() / "workloads" / "startup" / "zig-std", suite / "zig-std",
           fs::copy_options::recursive);
  fs::path root = MakeRoot(tmp, "startup", suite.path());
  for (const auto& entry : fs::directory_iterator(root / "toolchains")) {
    if (entry.path().filename() != "zig.json") fs::remove(entry.path());
  }
  nlohmann::json zig = nlohmann::json::parse(testing::ReadText(root / "toolchains" / "zig.json"));
  zig["tools"] = {"zig-does-not-exist"};
  testing::WriteText(root / "toolchains" / "zig.json", zig.dump(2));
  const std::string hint = zig["install_hint"];

  const fs::path out = tmp / "r.json";
  CommandResult r = RunBenchctl({"run", "--suite", "startup", "--root", root.string(), "--quick",
                                 "--build-dir", (tmp / "build").string(), "--out", out.string()});
  ExpectOutput(r, 1, {"zig-does-not-exist not found", hint});
  RunResult run = LoadRunResult(out);
  EXPECT_TRUE(run.complete);
  ASSERT_EQ(run.jobs.size(), 1u);
  EXPECT_EQ(run.jobs[0].status, "failed");
  EXPECT_NE(run.jobs[0].failure.find("zig-does-not-exist not found"), std::string::npos);
  EXPECT_NE(run.jobs[0].failure.find(hint), std::string::npos) << run.jobs[0].failure;
  EXPECT_TRUE(run.jobs[0].processes.empty());
  EXPECT_EQ(run.toolchains["zig"]["found"], false);
}

// Bug: a build command that fails without printing anything crashes benchctl
// (std::out_of_range from Tail("") in harness/project/builder.cc) instead of failing the build.
TEST(CliTest, SilentBuildFailureIsAFailedBuild) {
  TempDir tmp;
  fs::path root = MakeRoot(tmp, "selftest", testing::FaultWorkloads() / "selftest");
  nlohmann::json cpp = nlohmann::json::parse(testing::ReadText(root / "toolchains" / "cpp.json"));
  cpp["build_argv"] = {"false"};
  testing::WriteText(root / "toolchains" / "cpp.json", cpp.dump(2));
  fs::copy(testing::FaultWorkloads() / "lib", root / "workloads" / "lib",
           fs::copy_options::recursive);
  ExpectOutput(RunBenchctl({"build", "--suite", "selftest", "--impl", "cpp-exit3", "--root",
                            root.string(), "--build-dir", (tmp / "build").string()}),
               1, {"failed to build"});
}

}  // namespace
}  // namespace benchctl
