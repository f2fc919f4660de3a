// `benchctl run` refuses what it cannot honour and never loses or replaces a
// result; `benchctl clean` frees only what no later run can use. Each test
// runs the built CLI; the ones that run something build one tiny workload.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <future>
#include <set>

#include "result_file.h"
#include "test_support.h"

namespace benchctl {
namespace {

namespace fs = std::filesystem;
using testing::ExpectMentions;
using testing::RunBenchctl;
using testing::TempDir;
using testing::WriteText;

constexpr int kUsage = 2;

// A root in `tmp`: the repository's toolchains and the fault workloads'
// selftest suite, so results/ and build/ are the test's own.
fs::path SelftestRoot(const TempDir& tmp) {
  fs::copy(testing::SourceDir() / "toolchains", tmp / "toolchains", fs::copy_options::recursive);
  fs::create_directories(tmp / "workloads");
  fs::copy(testing::FaultWorkloads(), tmp / "workloads", fs::copy_options::recursive);
  return tmp.path();
}

CommandResult RunGood(const fs::path& root, const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"run",      "--suite", "selftest", "--impl",
                                   "cpp-good", "--quick", "--root",   root.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return RunBenchctl(args);
}

// `run --suite json` with `extra`: these fail before anything is built.
CommandResult RunJson(const std::vector<std::string>& extra) {
  std::vector<std::string> args = {
      "run",          "--suite", "json",   "--impl",
      "cpp-simdjson", "--quick", "--root", testing::SourceDir().string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return RunBenchctl(args);
}

TEST(RunSafety, SeedsOutsideUint64AreRefusedNotWrapped) {
  TempDir tmp;
  for (const char* seed : {"-1", "99999999999999999999999", "1e3"}) {
    CommandResult r = RunGood(SelftestRoot(tmp), {"--seed", seed});
    EXPECT_EQ(r.exit_code, kUsage) << r.output;
    ExpectMentions(r.output, {std::string("--seed ") + seed, "0 to 18446744073709551615"});
    fs::remove_all(tmp / "toolchains");
    fs::remove_all(tmp / "workloads");
  }
  CommandResult r = RunJson({"--input-seed", "-5"});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(r.output, {"--input-seed -5"});
}

TEST(RunSafety, SeedZeroIsHonoured) {
  TempDir tmp;
  fs::path out = tmp / "r.json";
  CommandResult r = RunGood(SelftestRoot(tmp), {"--seed", "0", "--out", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(LoadRunResult(out).config.seed, 0u);
}

TEST(RunSafety, SizesThatCannotBeHonouredAreRefused) {
  ExpectMentions(RunJson({"--size", "0KB"}).output, {"--size 0KB", "0 bytes"});
  ExpectMentions(RunJson({"--size", "1KB"}).output, {"--size 1KB", "at least 16KB"});
  ExpectMentions(RunJson({"--size", "99TB"}).output, {"--size 99TB", "available"});
  for (const char* size : {"0KB", "1KB", "99TB"}) {
    EXPECT_EQ(RunJson({"--size", size}).exit_code, kUsage) << size;
  }
}

TEST(RunSafety, BadInputFilesExitTwoWithTheReasonOnStderr) {
  TempDir tmp;
  WriteText(tmp / "empty.json", "");
  WriteText(tmp / "random.json", std::string("\x8f\x01\xfe garbage", 12));
  const std::vector<std::pair<fs::path, std::string>> cases = {
      {tmp.path(), "is a folder"},
      {tmp / "missing.json", "no such file"},
      {tmp / "empty.json", "is empty"},
      {tmp / "random.json", "invalid JSON at byte 0"},
  };
  for (const auto& [file, reason] : cases) {
    SCOPED_TRACE(file.string());
    CommandResult r = RunJson({"--input", file.string(), "--out", (tmp / "r.json").string()});
    EXPECT_EQ(r.exit_code, kUsage) << r.output;
    ExpectMentions(r.output, {"--input " + file.string(), reason});
    // Nothing reaches stdout: the reason is on stderr.
    SpawnSpec quiet;
    quiet.argv = {"sh",
                  "-c",
                  "\"$0\" \"$@\" 2>/dev/null",
                  BENCHCTL_BINARY,
                  "run",
                  "--suite",
                  "json",
                  "--quick",
                  "--root",
                  testing::SourceDir().string(),
                  "--input",
                  file.string()};
    EXPECT_EQ(RunCommand(quiet, std::chrono::seconds(60)).output, "");
    EXPECT_FALSE(fs::exists(tmp / "r.json"));
  }
}

TEST(RunSafety, AnOutUnderARegularFileIsAUsageError) {
  TempDir tmp;
  WriteText(tmp / "file", "x");
  CommandResult r = RunJson({"--out", (tmp / "file" / "r.json").string()});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(r.output, {"is not a folder"});
}

TEST(RunSafety, AnExistingOutIsNeverReplaced) {
  TempDir tmp;
  WriteText(tmp / "r.json", "another run's result");
  CommandResult r = RunGood(SelftestRoot(tmp), {"--out", (tmp / "r.json").string()});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(r.output, {"r.json", "already there"});
  EXPECT_EQ(testing::ReadText(tmp / "r.json"), "another run's result");
}

TEST(RunSafety, ConcurrentRunsGetTheirOwnResultFilesAndRunIds) {
  TempDir tmp;
  fs::path root = SelftestRoot(tmp);
  ASSERT_EQ(RunGood(root, {}).exit_code, 0);  // Builds once, so the three start together.
  std::vector<std::future<CommandResult>> runs;
  for (const char* seed : {"21", "22", "23"}) {
    runs.push_back(std::async(std::launch::async, [&root, seed] {
      return RunGood(root, {"--seed", seed});
    }));
  }
  for (auto& run : runs) EXPECT_EQ(run.get().exit_code, 0);
  std::set<std::string> ids;
  std::set<std::uint64_t> seeds;
  for (const auto& entry : fs::directory_iterator(root / "results")) {
    RunResult result = LoadRunResult(entry.path());
    ids.insert(result.run_id);
    seeds.insert(result.config.seed);
  }
  EXPECT_EQ(ids.size(), 4u);  // The first run and the three concurrent ones.
  EXPECT_TRUE(seeds.contains(21) && seeds.contains(22) && seeds.contains(23));
  // Each run removed its scratch folder.
  EXPECT_TRUE(fs::is_empty(root / "build" / "bench" / "runs"));
}

// Stands in for a full disk: the result folder disappears mid-run, so the next
// save fails. The run must stop with that reason and exit 3, not 2.
TEST(RunSafety, AResultFileThatCannotBeWrittenStopsTheRunWithExitThree) {
  TempDir tmp;
  fs::path root = SelftestRoot(tmp);
  ASSERT_EQ(RunGood(root, {}).exit_code, 0);  // Build first.
  fs::path out = tmp / "gone" / "r.json";
  SpawnSpec spec;
  spec.argv = {
      BENCHCTL_BINARY, "run",         "--suite",         "selftest", "--impl",    "cpp-good",
      "--root",        root.string(), "--processes",     "400",      "--samples", "3",
      "--warmup",      "0",           "--min-sample-ms", "5",        "--out",     out.string()};
  spec.merge_output = true;
  SpawnedChild child = Spawn(spec);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  // Wait for a save that recorded a process, then take the folder away.
  while (testing::ReadText(out).find("\"round\"") == std::string::npos &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  fs::remove_all(tmp / "gone");
  std::string output;
  char buffer[4096];
  for (ssize_t n; (n = read(child.stdout_fd, buffer, sizeof(buffer))) > 0;) {
    output.append(buffer, static_cast<std::size_t>(n));
  }
  close(child.stdout_fd);
  int status = 0;
  waitpid(child.pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status)) << output;
  EXPECT_EQ(WEXITSTATUS(status), 3) << output;
  ExpectMentions(output, {"the run stopped early", "stopped: cannot write", "r.json"});
}

TEST(RunSafety, CleanRemovesOnlyWhatNoLaterRunCanUse) {
  TempDir tmp;
  fs::path root = SelftestRoot(tmp);
  ASSERT_EQ(RunGood(root, {}).exit_code, 0);
  fs::path bench = root / "build" / "bench";
  fs::path artifacts = bench / "artifacts" / "selftest" / "cpp-good";
  ASSERT_EQ(std::distance(fs::directory_iterator(artifacts), fs::directory_iterator()), 1);
  fs::path current = fs::directory_iterator(artifacts)->path();
  // What older sources and a killed run leave behind.
  WriteText(artifacts / "0123456789abcdef" / "cpp-good", std::string(5000, 'x'));
  WriteText(bench / "runs" / "deadbeef" / ".lock", "");
  WriteText(bench / "runs" / "deadbeef" / "inputs" / "x.json", std::string(3000, 'y'));
  WriteText(bench / "outputs" / "old.json", "{}");

  CommandResult dry = RunBenchctl({"clean", "--dry-run", "--root", root.string()});
  ASSERT_EQ(dry.exit_code, 0) << dry.output;
  ExpectMentions(dry.output, {"would remove", "superseded artifacts", "stale run folders"});
  EXPECT_TRUE(fs::exists(artifacts / "0123456789abcdef"));

  CommandResult r = RunBenchctl({"clean", "--root", root.string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  ExpectMentions(r.output, {"removed", "freed"});
  EXPECT_FALSE(fs::exists(artifacts / "0123456789abcdef"));
  EXPECT_FALSE(fs::exists(bench / "runs" / "deadbeef"));
  EXPECT_FALSE(fs::exists(bench / "outputs"));
  EXPECT_TRUE(fs::exists(current / "cpp-good")) << "the current artifact must stay";
  // The next run reuses it.
  CommandResult again = RunGood(root, {});
  EXPECT_EQ(again.exit_code, 0);
  ExpectMentions(again.output, {"cached"});
}

}  // namespace
}  // namespace benchctl
