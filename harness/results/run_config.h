// A result file's `config` block (results/SCHEMA.md): every option that shaped the numbers and
// the order processes ran in. Typed for benchctl's readers (show, compare); every other key (a
// suite's own options such as json's `shapes`, keys of other benchctl versions) is kept as it
// was recorded, so a file survives a load and a save.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "result_reader.h"

namespace benchctl {

// `config.instructions`: how `run --instructions N` counted (null when it did not).
struct InstructionsConfig {
  int measurements = 0;                             // Counts per job.
  std::optional<std::string> valgrind_version;      // nullopt: not recorded.
  nlohmann::json extra = nlohmann::json::object();  // tool, valgrind, method, language_env, ...

  bool operator==(const InstructionsConfig&) const = default;
};

// `config.against`: the base revision of an A/B run (`run --against REV`).
struct AgainstRevision {
  std::string rev, commit;
  nlohmann::json extra = nlohmann::json::object();

  bool operator==(const AgainstRevision&) const = default;
};

// `config.shard`: a run of one shard (`run --shard I/N`), or a merge of shards (`benchctl
// merge`: no index; `extra.merged` records each shard, `extra.missing` the indices left out).
struct ShardConfig {
  std::optional<int> index;  // 1-based; nullopt in a merged file.
  int count = 1;
  std::size_t jobs_total = 0;  // Jobs of the whole plan, before sharding.
  nlohmann::json extra = nlohmann::json::object();

  bool operator==(const ShardConfig&) const = default;
};

// The whole `config` block.
struct RunConfig {
  std::optional<std::string> suite;                       // nullopt: not recorded.
  std::vector<std::string> languages, impls, operations;  // The filters; empty: all.
  int processes = 0;                                      // Per job.
  int samples = 0, warmup = 0;                            // Per process.
  double min_sample_ms = 0, timeout_seconds = 0;
  std::uint64_t seed = 0;        // Of the interleaved order.
  std::uint64_t input_seed = 0;  // Of generated inputs.
  bool quick = false;
  // Rounds of indices into the results: the exact order processes ran in.
  std::vector<std::vector<std::size_t>> order;
  std::optional<InstructionsConfig> instructions;  // Written as null when nullopt.
  std::optional<AgainstRevision> against;          // Absent unless an A/B run.
  std::optional<ShardConfig> shard;                // Absent unless sharded or merged.
  // `run --cpus` as given ("" = chosen automatically); nullopt: not recorded (older files).
  std::optional<std::string> cpus;
  // The argv of the benchctl invocation that wrote the file; empty: not recorded.
  std::vector<std::string> command;
  nlohmann::json suite_details = nlohmann::json::object();  // Suite::Describe.
  nlohmann::json extra = nlohmann::json::object();          // Every other key, as recorded.

  bool operator==(const RunConfig&) const = default;

  // Processes the order planned: the sum of its rounds.
  std::size_t PlannedProcesses() const;
};

// The JSON as result files hold it: the typed keys over `extra`.
void to_json(nlohmann::json& j, const InstructionsConfig& instructions);
void to_json(nlohmann::json& j, const AgainstRevision& against);
void to_json(nlohmann::json& j, const ShardConfig& shard);
void to_json(nlohmann::json& j, const RunConfig& config);

// Reads `config` (its keys named with the prefix `where`, e.g. "config."). A missing key gives
// the default; a value of the wrong type or out of range is a benchctl::Error from `reader`
// naming the key ("config.order[3][0]").
RunConfig ReadRunConfig(const ResultReader& reader, const nlohmann::json& config,
                        const std::string& where);

}  // namespace benchctl
