// `benchctl merge`'s logic (harness/merge/): shards made from one plan as `run --shard` makes
// them merge back to the plan's job set, and shards that do not belong together are refused
// with the field and both values named. No file and no process: everything is built in code.
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "error.h"
#include "merge_shards.h"
#include "result_file.h"
#include "run_fixtures.h"
#include "scheduler.h"
#include "shard.h"
#include "test_support.h"

namespace benchctl {
namespace {

using nlohmann::json;
using testing::ExpectMentions;

constexpr int kProcesses = 2;

std::vector<std::string> RealPlanIds() {
  std::ifstream in(testing::DataDir() / "shard" / "json-plan-job-ids.txt");
  std::vector<std::string> ids;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) ids.push_back(line);
  }
  return ids;
}

// Gives each process of `run` the round and position `order` ran it at.
void PlaceProcesses(RunResult& run) {
  for (auto& job : run.jobs) job.processes.clear();
  for (std::size_t r = 0; r < run.config.order.size(); ++r) {
    for (std::size_t p = 0; p < run.config.order[r].size(); ++p) {
      ProcessRecord record = testing::MakeJob({}, {1000.0 + static_cast<double>(p)}).processes[0];
      record.round = static_cast<int>(r);
      record.position = static_cast<int>(p);
      run.jobs[run.config.order[r][p]].processes.push_back(record);
    }
  }
}

// The unsharded plan of `ids`, every job verified.
RunResult Plan(const std::vector<std::string>& ids) {
  std::vector<JobResult> jobs;
  for (const auto& id : ids) {
    JobResult job = testing::MakeJob({}, {1000});
    job.spec.id = id;
    jobs.push_back(std::move(job));
  }
  RunResult run = testing::MakeRun(std::move(jobs));
  run.config.processes = kProcesses;
  run.config.suite_details = {{"inputs",
                               {{{"name", "twitter-1MB"},
                                 {"sha256", "aa11"},
                                 {"path", "/runs/plan/inputs/twitter-1MB.json"}}}}};
  run.config.order = InterleavedOrder(run.jobs.size(), kProcesses, run.config.seed);
  PlaceProcesses(run);
  return run;
}

// Shard `index` of `count` of `plan`, as `run --shard index/count` records it.
ShardFile Shard(const RunResult& plan, int index, int count) {
  RunResult run = plan;
  run.run_id = fmt::format("shard{}of{}", index, count);
  std::erase_if(run.jobs, [&](const JobResult& job) {
    return ShardOfKey(ShardKey(job.spec), count) != index;
  });
  run.config.shard = ShardConfig{index, count, plan.jobs.size(), json::object()};
  run.config.order = InterleavedOrder(run.jobs.size(), kProcesses, run.config.seed);
  PlaceProcesses(run);
  // Each run has its own scratch folder, so its inputs' paths differ: not a mismatch.
  run.config.suite_details["inputs"][0]["path"] = fmt::format("/runs/{}/twitter.json", index);
  return ShardFile{fmt::format("s{}.json", index), std::move(run)};
}

std::vector<ShardFile> AllShards(const RunResult& plan, int count) {
  std::vector<ShardFile> shards;
  for (int i = 1; i <= count; ++i) shards.push_back(Shard(plan, i, count));
  return shards;
}

std::set<std::string> JobIds(const RunResult& run) {
  std::set<std::string> ids;
  for (const auto& job : run.jobs) ids.insert(job.spec.id);
  return ids;
}

std::string MergeError(std::vector<ShardFile> shards, const MergeOptions& options = {}) {
  try {
    MergeShards(std::move(shards), options, "merged");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(MergeTest, ShardsOfARealPlanMergeToItsJobSet) {
  const RunResult plan = Plan(RealPlanIds());
  for (int count = 1; count <= 7; ++count) {
    std::vector<ShardFile> shards = AllShards(plan, count);
    std::reverse(shards.begin(), shards.end());  // The order files are given in does not matter.
    MergeOutcome outcome = MergeShards(shards, {}, "merged-run");
    const RunResult& merged = outcome.merged;
    EXPECT_TRUE(outcome.warnings.empty());
    EXPECT_EQ(JobIds(merged), JobIds(plan)) << count;
    EXPECT_EQ(merged.jobs.size(), plan.jobs.size()) << count;
    EXPECT_TRUE(merged.complete);
    EXPECT_EQ(merged.run_id, "merged-run");
    ASSERT_TRUE(merged.config.shard.has_value());
    EXPECT_FALSE(merged.config.shard->index.has_value());
    EXPECT_EQ(merged.config.shard->count, count);
    EXPECT_EQ(merged.config.shard->jobs_total, plan.jobs.size());
    const json& records = merged.config.shard->extra.at("merged");
    ASSERT_EQ(records.size(), static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
      EXPECT_EQ(records[i]["index"], i + 1);
      EXPECT_EQ(records[i]["run_id"], fmt::format("shard{}of{}", i + 1, count));
      EXPECT_EQ(records[i]["order"], json(Shard(plan, i + 1, count).run.config.order));
    }
    // Every round is a permutation of the merged jobs, and every process sits where the
    // merged order says it ran.
    ASSERT_EQ(merged.config.order.size(), static_cast<std::size_t>(kProcesses));
    for (const auto& round : merged.config.order) {
      std::set<std::size_t> seen(round.begin(), round.end());
      EXPECT_EQ(seen.size(), merged.jobs.size());
      EXPECT_EQ(*seen.rbegin(), merged.jobs.size() - 1);
    }
    for (std::size_t j = 0; j < merged.jobs.size(); ++j) {
      ASSERT_EQ(merged.jobs[j].processes.size(), static_cast<std::size_t>(kProcesses));
      for (const auto& p : merged.jobs[j].processes) {
        EXPECT_EQ(merged.config.order.at(p.round).at(p.position), j);
      }
    }
  }
}

TEST(MergeTest, MergedFileIsANormalResultFile) {
  const RunResult plan = Plan(RealPlanIds());
  RunResult merged = MergeShards(AllShards(plan, 3), {}, "m").merged;
  RunResult loaded = RunResultFromJson(RunResultToJson(merged), "merged.json");
  EXPECT_EQ(JobIds(loaded), JobIds(plan));
  EXPECT_EQ(loaded.config.shard, merged.config.shard);
  EXPECT_EQ(loaded.config.order, merged.config.order);
  EXPECT_TRUE(loaded.complete);
  EXPECT_EQ(loaded.jobs[0].status, "ok");
}

TEST(MergeTest, EmptyShardsMerge) {
  // Two jobs in seven shards: at least five shards are empty but valid.
  const RunResult plan = Plan({"startup/cpp/start", "startup/rust/start"});
  std::vector<ShardFile> shards = AllShards(plan, 7);
  int empty = 0;
  for (const auto& s : shards) empty += s.run.jobs.empty() ? 1 : 0;
  EXPECT_GE(empty, 5);
  RunResult merged = MergeShards(shards, {}, "m").merged;
  EXPECT_EQ(JobIds(merged), JobIds(plan));
  EXPECT_TRUE(merged.complete);
}

// One test per kind of field: the message names the field, both values and both files.
TEST(MergeTest, RefusesShardsOfAnotherSuite) {
  auto shards = AllShards(Plan(RealPlanIds()), 2);
  shards[1].run.config.suite = "startup";
  ExpectMentions(MergeError(shards),
                 {"config.suite", "\"json\"", "\"startup\"", "s1.json", "s2.json"});
}

TEST(MergeTest, RefusesAnotherOption) {
  auto shards = AllShards(Plan(RealPlanIds()), 2);
  shards[1].run.config.samples = 9;
  ExpectMentions(MergeError(shards), {"config.samples", "0", "9", "s2.json"});
  shards = AllShards(Plan(RealPlanIds()), 2);
  shards[0].run.config.quick = true;
  ExpectMentions(MergeError(shards), {"config.quick", "true", "false"});
  shards = AllShards(Plan(RealPlanIds()), 2);
  shards[0].run.config.impls = {"cpp-simdjson"};
  ExpectMentions(MergeError(shards), {"config.impls", "cpp-simdjson"});
}

TEST(MergeTest, RefusesAnotherSuiteOptionOrParam) {
  auto shards = AllShards(Plan(RealPlanIds()), 2);
  shards[1].run.config.extra["params"] = {{"items", {"1024"}}};
  ExpectMentions(MergeError(shards), {"config.params is absent in s1.json", "1024", "s2.json"});
  shards = AllShards(Plan(RealPlanIds()), 2);
  shards[0].run.config.extra["shapes"] = {"twitter"};
  shards[1].run.config.extra["shapes"] = {"canada"};
  ExpectMentions(MergeError(shards), {"config.shapes", "twitter", "canada"});
}

TEST(MergeTest, RefusesAnotherSeedOrInputSeed) {
  auto shards = AllShards(Plan(RealPlanIds()), 2);
  shards[1].run.config.seed = 8;
  ExpectMentions(MergeError(shards), {"config.seed", "7", "8"});
  shards = AllShards(Plan(RealPlanIds()), 2);
  shards[1].run.config.input_seed = 5;
  ExpectMentions(MergeError(shards), {"config.input_seed", "5"});
}

TEST(MergeTest, RefusesOtherInputsButNotOtherScratchPaths) {
  auto shards = AllShards(Plan(RealPlanIds()), 2);
  EXPECT_EQ(MergeError(shards), "");  // Paths differ in every shard (Shard above).
  shards[1].run.config.suite_details["inputs"][0]["sha256"] = "bb22";
  ExpectMentions(MergeError(shards), {"config.suite_details", "aa11", "bb22"});
}

TEST(MergeTest, RefusesAnotherBenchctlCommit) {
  auto shards = AllShards(Plan(RealPlanIds()), 2);
  shards[1].run.benchctl["git_commit"] = "fedcba9876543210";
  ExpectMentions(MergeError(shards),
                 {"benchctl.git_commit", "0123456789abcdef", "fedcba9876543210"});
}

TEST(MergeTest, RefusesAnotherToolchainVersion) {
  auto shards = AllShards(Plan(RealPlanIds()), 2);
  shards[1].run.toolchains["rust"]["version"] = "rustc 1.91.0";
  ExpectMentions(MergeError(shards), {"toolchains.rust.version", "rustc 1.90.0", "rustc 1.91.0"});
}

TEST(MergeTest, RefusesAnotherShardCountOrPlan) {
  const RunResult plan = Plan(RealPlanIds());
  ExpectMentions(MergeError({Shard(plan, 1, 2), Shard(plan, 2, 3)}),
                 {"config.shard.count", "2", "3"});
  auto shards = AllShards(plan, 2);
  shards[1].run.config.shard->jobs_total = 103;
  ExpectMentions(MergeError(shards), {"config.shard.jobs_total", "102", "103"});
}

TEST(MergeTest, RefusesTheSameIndexTwice) {
  const RunResult plan = Plan(RealPlanIds());
  ShardFile again = Shard(plan, 1, 2);
  again.source = "again.json";
  ExpectMentions(MergeError({Shard(plan, 1, 2), again, Shard(plan, 2, 2)}),
                 {"s1.json and again.json are both shard 1/2"});
}

TEST(MergeTest, MissingShardsAreAnErrorUnlessAllowed) {
  const RunResult plan = Plan(RealPlanIds());
  std::vector<ShardFile> shards = {Shard(plan, 1, 4), Shard(plan, 3, 4)};
  ExpectMentions(MergeError(shards), {"shards 2, 4 of 4 missing", "--allow-missing-shards"});
  MergeOptions allow;
  allow.allow_missing_shards = true;
  MergeOutcome outcome = MergeShards(shards, allow, "m");
  ASSERT_EQ(outcome.warnings.size(), 1u);
  EXPECT_EQ(outcome.warnings[0].kind, MergeWarning::Kind::kMissing);
  EXPECT_FALSE(outcome.merged.complete);
  ExpectMentions(outcome.merged.stop_reason, {"shards 2, 4 not merged"});
  EXPECT_EQ(outcome.merged.config.shard->extra["missing"], json({2, 4}));
  EXPECT_EQ(outcome.merged.jobs.size(), shards[0].run.jobs.size() + shards[1].run.jobs.size());
}

TEST(MergeTest, MixedMachinesAreAnErrorUnlessAllowedThenRecorded) {
  auto shards = AllShards(Plan(RealPlanIds()), 2);
  shards[1].run.environment.system.extra["hostname"] = "otherhost";
  ExpectMentions(MergeError(shards), {"environment.system.hostname", "testhost", "otherhost",
                                      "--allow-mixed-machines"});
  MergeOptions allow;
  allow.allow_mixed_machines = true;
  MergeOutcome outcome = MergeShards(shards, allow, "m");
  ASSERT_EQ(outcome.warnings.size(), 1u);
  EXPECT_EQ(outcome.warnings[0].kind, MergeWarning::Kind::kMachine);
  const auto& noise = outcome.merged.environment.noise_warnings;
  ASSERT_EQ(noise.size(), 1u);
  ExpectMentions(noise[0].condition, {"different machines", "otherhost"});
  const json& records = outcome.merged.config.shard->extra["merged"];
  EXPECT_EQ(records[0]["environment"]["system"]["hostname"], "testhost");
  EXPECT_EQ(records[1]["environment"]["system"]["hostname"], "otherhost");
  EXPECT_TRUE(outcome.merged.complete);  // Mixed, but nothing is missing.
  shards[1].run.environment.system.cpu_model = "Other CPU";
  ExpectMentions(MergeError(shards), {"environment.system.cpu_model", "Other CPU"});
}

TEST(MergeTest, IncompleteShardsAreAnErrorUnlessAllowed) {
  auto shards = AllShards(Plan(RealPlanIds()), 2);
  shards[1].run.complete = false;
  shards[1].run.stop_reason = "interrupted by SIGINT";
  ExpectMentions(MergeError(shards),
                 {"s2.json (shard 2/2) is incomplete", "SIGINT", "--allow-incomplete"});
  MergeOptions allow;
  allow.allow_incomplete = true;
  RunResult merged = MergeShards(shards, allow, "m").merged;
  EXPECT_FALSE(merged.complete);
  ExpectMentions(merged.stop_reason, {"shard 2 stopped early: interrupted by SIGINT"});
}

TEST(MergeTest, RefusesFilesThatAreNotShards) {
  const RunResult plan = Plan(RealPlanIds());
  ExpectMentions(MergeError({ShardFile{"plain.json", plan}}),
                 {"plain.json", "not a shard", "run --shard"});
  RunResult merged = MergeShards(AllShards(plan, 2), {}, "m").merged;
  ExpectMentions(MergeError({ShardFile{"all.json", merged}}), {"all.json", "a merged file"});
  ExpectMentions(MergeError({}), {"no result files"});
}

TEST(MergeTest, RefusesAJobInAnotherShard) {
  const RunResult plan = Plan(RealPlanIds());
  auto shards = AllShards(plan, 2);
  // Move one job of shard 2 into shard 1's file (as another hash would have placed it).
  shards[0].run.jobs.push_back(shards[1].run.jobs.back());
  shards[1].run.jobs.pop_back();
  ExpectMentions(MergeError(shards), {"s1.json (shard 1/2)", "belongs to shard 2/2"});
}

}  // namespace
}  // namespace benchctl
