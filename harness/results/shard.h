// Sharding a run (`run --shard I/N`): which of N shards a job belongs to. A job's shard is a
// fixed hash of its id, not its position, so every job is in exactly one shard for a given N
// and adding a job never moves another one to a different shard.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "result_model.h"

namespace benchctl {

// `--shard I/N`: shard `index` (1-based) of `count`.
struct ShardSpec {
  int index = 1;
  int count = 1;

  bool operator==(const ShardSpec&) const = default;
};

// Most shards a run may be split into: far more than any CI matrix needs.
inline constexpr int kMaxShards = 1000;

// Parses "I/N" with 1 <= I <= N <= kMaxShards; anything else is a benchctl::Error quoting it.
ShardSpec ParseShardSpec(std::string_view text);

// 64-bit FNV-1a: a fixed hash (std::hash may differ between standard libraries and builds).
std::uint64_t Fnv1a64(std::string_view bytes);

// What a job is sharded by: its id without the A/B suffix ("@base", "@candidate"), so both
// sides of an A/B job stay in the same shard and are still interleaved with each other.
std::string ShardKey(const JobSpec& job);

// The shard (1..count) that the job with this key belongs to.
int ShardOfKey(std::string_view key, int count);

}  // namespace benchctl
