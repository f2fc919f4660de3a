// `benchctl merge`: the result files of a sharded run (`run --shard I/N`) joined into one result
// file of the same schema. Pure: files are loaded and written by the command (cli/cmd_merge.cc).
#pragma once

#include <string>
#include <vector>

#include "result_model.h"

namespace benchctl {

// One shard's result, with the name its messages use (the file as the user gave it).
struct ShardFile {
  std::string source;
  RunResult run;
};

// What the merge accepts beyond a complete, matching set from one machine.
struct MergeOptions {
  bool allow_missing_shards = false;  // Merge without some indices; the result is incomplete.
  bool allow_mixed_machines = false;  // Machines differ: a recorded warning instead of an error.
  bool allow_incomplete = false;      // A shard that stopped early; the result is incomplete.
};

// Something the options let through.
struct MergeWarning {
  enum class Kind { kMachine, kIncomplete, kMissing };
  Kind kind;
  std::string text;  // Escaped for the terminal.
};

struct MergeOutcome {
  RunResult merged;
  std::vector<MergeWarning> warnings;
};

// Checks that `shards` belong together (CheckShardsBelongTogether) and joins them: jobs in
// shard order, each round of `config.order` the shards' rounds side by side, every shard's
// run id, times, order and environment kept in `config.shard.merged`. `run_id` is the merged
// file's own. Throws benchctl::Error naming the file and the field when they do not belong
// together.
MergeOutcome MergeShards(std::vector<ShardFile> shards, const MergeOptions& options,
                         const std::string& run_id);

// The checks alone: the same suite, options, seeds, benchctl and toolchain versions, shard
// count and plan; distinct indices; each job in the shard its id hashes to; and, unless
// `options` allow it, all indices present, every shard complete and one machine. Returns the
// warnings for what the options let through.
std::vector<MergeWarning> CheckShardsBelongTogether(const std::vector<ShardFile>& shards,
                                                    const MergeOptions& options);

}  // namespace benchctl
