// `run --shard I/N` and `benchctl merge` through the built CLI: exit codes and error text, and
// a sharded selftest run merged back and read by `show`.
#include <gtest/gtest.h>

#include <set>

#include "result_file.h"
#include "run_fixtures.h"
#include "shard.h"
#include "test_support.h"

namespace benchctl {
namespace {

namespace fs = std::filesystem;
using testing::ExpectMentions;
using testing::RunBenchctl;
using testing::TempDir;

constexpr int kUsage = 2;

// A root in `tmp` with the repository's toolchains and the fault workloads' selftest suite.
fs::path SelftestRoot(const TempDir& tmp) {
  if (!fs::exists(tmp / "toolchains")) {
    fs::copy(testing::SourceDir() / "toolchains", tmp / "toolchains", fs::copy_options::recursive);
    fs::create_directories(tmp / "workloads");
    fs::copy(testing::FaultWorkloads(), tmp / "workloads", fs::copy_options::recursive);
  }
  return tmp.path();
}

CommandResult RunGood(const TempDir& tmp, const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"run",     "--suite", "selftest", "--impl", "cpp-good",
                                   "--quick", "--seed",  "11",       "--root", SelftestRoot(tmp)};
  args.insert(args.end(), extra.begin(), extra.end());
  return RunBenchctl(args);
}

// Shard `index` of `count` of a two-job fixture run, written to `dir/s<index>.json`.
fs::path WriteShard(const TempDir& dir, int index, int count,
                    const std::function<void(RunResult&)>& change = {}) {
  std::vector<JobResult> jobs;
  for (const char* impl : {"cpp-a", "rust-b", "go-c", "zig-d"}) {
    testing::JobShape shape;
    shape.impl = impl;
    JobResult job = testing::MakeJob(shape, {1000});
    if (ShardOfKey(ShardKey(job.spec), count) == index) jobs.push_back(std::move(job));
  }
  RunResult run = testing::MakeRun(std::move(jobs));
  run.config.processes = 1;
  run.config.order = {{}};
  for (std::size_t j = 0; j < run.jobs.size(); ++j) {
    run.config.order[0].push_back(j);
    run.jobs[j].processes[0].position = static_cast<int>(j);
  }
  run.config.shard = ShardConfig{index, count, 4, nlohmann::json::object()};
  if (change) change(run);
  fs::path path = dir / fmt::format("s{}.json", index);
  testing::WriteText(path, RunResultToJson(run).dump(1));
  return path;
}

TEST(ShardCli, BadShardValuesExitTwoBeforeAnythingIsBuilt) {
  TempDir tmp;
  for (const char* bad : {"0/3", "4/3", "x/y", "3", "1/0"}) {
    CommandResult r = RunGood(tmp, {"--shard", bad});
    EXPECT_EQ(r.exit_code, kUsage) << r.output;
    ExpectMentions(r.output, {std::string("--shard ") + bad, "1 <= I <= N"});
    EXPECT_FALSE(fs::exists(tmp / "build" / "bench")) << bad;  // Nothing was built.
  }
}

TEST(ShardCli, MergeRefusesMismatchedShardsNamingTheField) {
  TempDir tmp;
  fs::path a = WriteShard(tmp, 1, 2);
  fs::path b = WriteShard(tmp, 2, 2, [](RunResult& r) { r.config.seed = 99; });
  CommandResult r = RunBenchctl({"merge", a, b, "--out", tmp / "all.json"});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(r.output, {"config.seed", "7", "99", "s1.json", "s2.json"});
  EXPECT_FALSE(fs::exists(tmp / "all.json"));
}

TEST(ShardCli, MergeRefusesMissingShardsUnlessAllowed) {
  TempDir tmp;
  fs::path a = WriteShard(tmp, 1, 3);
  fs::path c = WriteShard(tmp, 3, 3);
  CommandResult r = RunBenchctl({"merge", a, c, "--out", tmp / "all.json"});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(r.output, {"shard 2 of 3 missing", "--allow-missing-shards"});
  r = RunBenchctl({"merge", a, c, "--allow-missing-shards", "--out", tmp / "all.json"});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  ExpectMentions(r.output, {"incomplete", "shards 2 not merged"});
  RunResult merged = LoadRunResult(tmp / "all.json");
  EXPECT_FALSE(merged.complete);
  EXPECT_EQ(merged.config.shard->extra["missing"], nlohmann::json({2}));
}

TEST(ShardCli, MergeNeverReplacesAFileAndRefusesNonShards) {
  TempDir tmp;
  fs::path a = WriteShard(tmp, 1, 1);
  testing::WriteText(tmp / "taken.json", "keep me");
  CommandResult r = RunBenchctl({"merge", a, "--out", tmp / "taken.json"});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  EXPECT_EQ(testing::ReadText(tmp / "taken.json"), "keep me");
  fs::path plain = WriteShard(tmp, 1, 1, [](RunResult& run) { run.config.shard.reset(); });
  r = RunBenchctl({"merge", plain, "--out", tmp / "x.json"});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(r.output, {"not a shard's result", "run --shard"});
  r = RunBenchctl({"merge", tmp / "nonexistent.json", "--out", tmp / "y.json"});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  r = RunBenchctl({"merge", a});  // --out is required.
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
}

// The selftest suite's one job in two shards (one of them empty), merged, read back by
// `show`: the same job set as the unsharded run with the same options.
TEST(ShardCli, ShardedRunMergesToTheUnshardedJobSet) {
  TempDir tmp;
  CommandResult whole = RunGood(tmp, {"--out", (tmp / "whole.json").string()});
  ASSERT_EQ(whole.exit_code, 0) << whole.output;
  std::vector<std::string> files;
  for (int i = 1; i <= 2; ++i) {
    std::string out = (tmp / fmt::format("s{}.json", i)).string();
    CommandResult r = RunGood(tmp, {"--shard", fmt::format("{}/2", i), "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.output;
    ExpectMentions(r.output, {fmt::format("shard  {}/2", i)});
    RunResult shard = LoadRunResult(out);
    ASSERT_TRUE(shard.config.shard.has_value());
    EXPECT_EQ(shard.config.shard->index, i);
    EXPECT_EQ(shard.config.shard->jobs_total, 1u);
    EXPECT_TRUE(shard.complete);
    if (shard.jobs.empty()) ExpectMentions(r.output, {"none: an empty result is written"});
    files.push_back(out);
  }
  CommandResult merge =
      RunBenchctl({"merge", files[1], files[0], "--out", (tmp / "all.json").string()});
  ASSERT_EQ(merge.exit_code, 0) << merge.output;
  ExpectMentions(merge.output, {"merged 2 shard file(s) of 2: 1 of 1 jobs"});
  RunResult merged = LoadRunResult(tmp / "all.json");
  RunResult unsharded = LoadRunResult(tmp / "whole.json");
  ASSERT_EQ(merged.jobs.size(), unsharded.jobs.size());
  EXPECT_EQ(merged.jobs[0].spec.id, unsharded.jobs[0].spec.id);
  EXPECT_EQ(merged.jobs[0].status, "ok");
  EXPECT_TRUE(merged.complete);
  EXPECT_NE(merged.run_id, unsharded.run_id);
  // The merged file's command is the merge; each shard's own is kept with its record.
  ASSERT_GE(merged.config.command.size(), 2u);
  EXPECT_EQ(merged.config.command[1], "merge");
  const auto& records = merged.config.shard->extra.at("merged");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].at("command").at(1), "run");
  CommandResult show = RunBenchctl({"show", (tmp / "all.json").string()});
  EXPECT_EQ(show.exit_code, 0) << show.output;
  ExpectMentions(show.output, {"cpp-good"});
}

}  // namespace
}  // namespace benchctl
