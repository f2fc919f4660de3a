// MergeShards: one result file from the shards of a sharded run.
#include "merge_shards.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "error.h"
#include "escape.h"

namespace benchctl {
namespace {

using nlohmann::json;

// What the merged file keeps of each shard, so nothing a shard recorded is lost.
json ShardRecord(const RunResult& run, std::size_t first_result) {
  return {{"index", *run.config.shard->index}, {"run_id", run.run_id},
          {"started_utc", run.started_utc},    {"finished_utc", run.finished_utc},
          {"complete", run.complete},          {"stop_reason", run.stop_reason},
          {"first_result", first_result},      {"results", run.jobs.size()},
          {"order", run.config.order},         {"environment", run.environment},
          {"command", run.config.command}};
}

// Noise warnings of every shard, each once.
void AddWarnings(std::vector<NoiseWarningRecord>& into,
                 const std::vector<NoiseWarningRecord>& add) {
  for (const auto& warning : add) {
    if (std::find(into.begin(), into.end(), warning) == into.end()) into.push_back(warning);
  }
}

// Why the merged run is not complete ("" if it is).
std::string StopReason(const std::vector<ShardFile>& shards, const std::vector<int>& missing) {
  std::vector<std::string> reasons;
  if (!missing.empty())
    reasons.push_back(fmt::format("shards {} not merged", fmt::join(missing, ", ")));
  for (const auto& shard : shards) {
    if (shard.run.complete) continue;
    reasons.push_back(
        fmt::format("shard {} stopped early: {}", *shard.run.config.shard->index,
                    shard.run.stop_reason.empty() ? "no reason recorded" : shard.run.stop_reason));
  }
  std::string text;
  for (const auto& reason : reasons) text += (text.empty() ? "" : "; ") + reason;
  return text;
}

}  // namespace

MergeOutcome MergeShards(std::vector<ShardFile> shards, const MergeOptions& options,
                         const std::string& run_id) {
  MergeOutcome outcome;
  outcome.warnings = CheckShardsBelongTogether(shards, options);
  std::sort(shards.begin(), shards.end(), [](const ShardFile& a, const ShardFile& b) {
    return *a.run.config.shard->index < *b.run.config.shard->index;
  });
  const RunResult& first = shards.front().run;
  RunResult& merged = outcome.merged;
  merged.run_id = run_id;
  merged.benchctl = first.benchctl;
  merged.environment = first.environment;
  merged.toolchains = first.toolchains;
  merged.config = first.config;
  merged.config.order.assign(first.config.order.size(), {});
  merged.started_utc = first.started_utc;
  merged.finished_utc = first.finished_utc;

  ShardConfig shard_config;
  shard_config.count = first.config.shard->count;
  shard_config.jobs_total = first.config.shard->jobs_total;
  json records = json::array();
  std::vector<int> present;
  for (auto& shard : shards) {
    RunResult& run = shard.run;
    if (run.config.order.size() != merged.config.order.size()) {
      // The same processes per job give the same rounds: only an edited file gets here.
      throw Error(fmt::format("{}: config.order has {} rounds, shard {} has {}",
                              ForTerminal(shard.source), run.config.order.size(),
                              *first.config.shard->index, merged.config.order.size()));
    }
    const std::size_t offset = merged.jobs.size();
    records.push_back(ShardRecord(run, offset));
    present.push_back(*run.config.shard->index);
    // A process's position is where it sits in its merged round: after the earlier shards'.
    std::vector<std::size_t> round_offsets;
    for (std::size_t r = 0; r < run.config.order.size(); ++r) {
      round_offsets.push_back(merged.config.order[r].size());
      for (std::size_t index : run.config.order[r]) {
        merged.config.order[r].push_back(index + offset);
      }
    }
    for (auto& job : run.jobs) {
      for (auto& process : job.processes) {
        const auto round = static_cast<std::size_t>(process.round);
        if (round < round_offsets.size()) {
          process.position += static_cast<int>(round_offsets[round]);
        }
      }
      merged.jobs.push_back(std::move(job));
    }
    AddWarnings(merged.environment.noise_warnings, run.environment.noise_warnings);
    merged.started_utc = std::min(merged.started_utc, run.started_utc);
    merged.finished_utc = std::max(merged.finished_utc, run.finished_utc);
  }
  std::vector<int> missing;
  for (int index = 1; index <= shard_config.count; ++index) {
    if (std::find(present.begin(), present.end(), index) == present.end()) missing.push_back(index);
  }
  shard_config.extra["merged"] = std::move(records);
  if (!missing.empty()) shard_config.extra["missing"] = missing;
  merged.config.shard = std::move(shard_config);
  merged.stop_reason = StopReason(shards, missing);
  merged.complete = merged.stop_reason.empty();
  for (const auto& warning : outcome.warnings) {
    if (warning.kind == MergeWarning::Kind::kMachine) {
      NoiseWarningRecord record;
      record.condition = "shards of this run ran on different machines: " + warning.text;
      record.effect =
          "jobs from different shards were not measured on the same machine: compare them with "
          "each other only knowing that (each shard's environment is in config.shard.merged)";
      record.fix = "run every shard on one machine (or one machine type and size)";
      merged.environment.noise_warnings.push_back(std::move(record));
    }
  }
  return outcome;
}

}  // namespace benchctl
