// CheckShardsBelongTogether: refuses shards of different runs, naming the field and both values.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <set>

#include "error.h"
#include "escape.h"
#include "merge_shards.h"
#include "shard.h"
#include "shard_identity.h"

namespace benchctl {
namespace {

// A value for a message: compact JSON, shortened, escaped for the terminal.
std::string Shown(const FieldValues& fields, const std::string& name) {
  auto it = fields.find(name);
  std::string text = it == fields.end() ? "absent" : it->second.dump();
  if (text.size() > 120) text = text.substr(0, 117) + "...";
  return ForTerminal(text);
}

std::string Named(const ShardFile& shard) { return ForTerminal(shard.source); }

std::string ShardName(const ShardFile& shard) {
  return fmt::format("{} (shard {}/{})", Named(shard), *shard.run.config.shard->index,
                     shard.run.config.shard->count);
}

// Each file is one shard's result: it has an index (a merged file has none).
void CheckEachIsAShard(const std::vector<ShardFile>& shards) {
  if (shards.empty()) throw Error("merge: no result files given");
  for (const auto& shard : shards) {
    const auto& recorded = shard.run.config.shard;
    if (!recorded) {
      throw Error(fmt::format(
          "{}: not a shard's result (no config.shard): merge joins the files of `run --shard "
          "I/N`",
          Named(shard)));
    }
    if (!recorded->index) {
      throw Error(fmt::format(
          "{}: a merged file (config.shard has no index): merge the shards' own files instead",
          Named(shard)));
    }
  }
}

// Every job is in the shard its id hashes to, once: a file of another plan or another hash
// would otherwise give a job twice or lose one.
void CheckJobsInTheirShard(const ShardFile& shard) {
  const ShardConfig& recorded = *shard.run.config.shard;
  std::set<std::string> seen;
  for (const auto& job : shard.run.jobs) {
    int owner = ShardOfKey(ShardKey(job.spec), recorded.count);
    if (owner != *recorded.index) {
      throw Error(fmt::format("{}: job {} belongs to shard {}/{}, not to this file's shard",
                              ShardName(shard), ForTerminal(job.spec.id), owner, recorded.count));
    }
    if (!seen.insert(job.spec.id).second) {
      throw Error(
          fmt::format("{}: job {} appears twice", ShardName(shard), ForTerminal(job.spec.id)));
    }
  }
}

void CheckSameFields(const ShardFile& first, const ShardFile& other, const FieldValues& a,
                     const FieldValues& b, const std::string& advice) {
  std::string field = FirstDifference(a, b);
  if (field.empty()) return;
  throw Error(fmt::format("the shards do not belong together: {} is {} in {} but {} in {}{}",
                          ForTerminal(field), Shown(a, field), Named(first), Shown(b, field),
                          Named(other), advice));
}

}  // namespace

std::vector<MergeWarning> CheckShardsBelongTogether(const std::vector<ShardFile>& shards,
                                                    const MergeOptions& options) {
  CheckEachIsAShard(shards);
  std::vector<MergeWarning> warnings;
  const ShardFile& first = shards.front();
  const FieldValues run_identity = RunIdentity(first.run);
  const FieldValues machine = MachineIdentity(first.run);
  std::map<int, const ShardFile*> by_index;
  for (const auto& shard : shards) {
    CheckSameFields(first, shard, run_identity, RunIdentity(shard.run),
                    ": merge only the shards of one sharded run (same command, same checkout)");
    int index = *shard.run.config.shard->index;
    if (auto [it, added] = by_index.emplace(index, &shard); !added) {
      throw Error(fmt::format("{} and {} are both shard {}/{}", Named(*it->second), Named(shard),
                              index, shard.run.config.shard->count));
    }
    CheckJobsInTheirShard(shard);
    FieldValues shard_machine = MachineIdentity(shard.run);
    if (std::string field = FirstDifference(machine, shard_machine); !field.empty()) {
      if (!options.allow_mixed_machines) {
        CheckSameFields(first, shard, machine, shard_machine,
                        ": shards measured on different machines are not comparable with each "
                        "other; run them on one machine, or pass --allow-mixed-machines (each "
                        "shard's environment is then recorded, with a warning)");
      }
      warnings.push_back({MergeWarning::Kind::kMachine,
                          fmt::format("{} ran on another machine than {} ({} is {}, not {})",
                                      ShardName(shard), ShardName(first), ForTerminal(field),
                                      Shown(shard_machine, field), Shown(machine, field))});
    }
    if (!shard.run.complete) {
      std::string why =
          fmt::format("{} is incomplete ({})", ShardName(shard),
                      shard.run.stop_reason.empty() ? "no stop reason: still running, or killed"
                                                    : ForTerminal(shard.run.stop_reason));
      if (!options.allow_incomplete) {
        throw Error(why +
                    ": rerun that shard, or pass --allow-incomplete (the merged file is "
                    "then incomplete too)");
      }
      warnings.push_back({MergeWarning::Kind::kIncomplete, why});
    }
  }
  const ShardConfig& recorded = *first.run.config.shard;
  std::vector<int> missing;
  std::size_t jobs = 0;
  for (int index = 1; index <= recorded.count; ++index) {
    auto it = by_index.find(index);
    if (it == by_index.end()) {
      missing.push_back(index);
    } else {
      jobs += it->second->run.jobs.size();
    }
  }
  if (!missing.empty()) {
    std::string why = fmt::format("shard{} {} of {} missing", missing.size() > 1 ? "s" : "",
                                  fmt::join(missing, ", "), recorded.count);
    if (!options.allow_missing_shards) {
      throw Error(why +
                  ": pass every shard's file, or --allow-missing-shards (the merged file "
                  "is then incomplete)");
    }
    warnings.push_back({MergeWarning::Kind::kMissing, why});
  } else if (jobs != recorded.jobs_total) {
    throw Error(fmt::format(
        "the shards hold {} jobs but each planned {}: they were not planned from the same "
        "workloads",
        jobs, recorded.jobs_total));
  }
  return warnings;
}

}  // namespace benchctl
