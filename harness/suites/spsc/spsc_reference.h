// What the spsc suite's workloads must report (workloads/spsc/SPEC.md), computed here from the
// parameters alone, and the checks of those parameters.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace benchctl {

// 0 + 1 + ... + (n - 1) mod 2^64: the sum of the values one iteration moves.
std::uint64_t SequenceSum(std::uint64_t n);

// {"items": items, "sum": SequenceSum(items)}: a throughput iteration's value.
nlohmann::json ExpectedThroughputValue(std::uint64_t items);

// {"round_trips": trips, "sum": SequenceSum(trips)}: a latency iteration's value.
nlohmann::json ExpectedLatencyValue(std::uint64_t round_trips);

// "" when `text` is a power of two from 2 to 2^24 (two queues of 2^24 u64 are 256 MiB), else why.
std::string CheckCapacity(const std::string& text);

// "" when `items` fills whole half-rings of `capacity` slots (the floor row publishes one
// half-ring at a time), else why; both already checked on their own.
std::string CheckItemsFitCapacity(std::uint64_t items, std::uint64_t capacity);

// "" when producer_cpu and consumer_cpu are two distinct CPU numbers, else why.
std::string CheckPlacementCounters(const nlohmann::json& counters);

}  // namespace benchctl
