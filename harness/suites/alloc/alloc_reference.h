// What the alloc suite's workloads must report (workloads/alloc/SPEC.md), computed here by
// arithmetic or by replaying an operation's random stream without allocating, and the
// estimated peak memory of each operation for the parameter check.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace benchctl {

// SplitMix64 (SPEC "The random stream").
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next();

 private:
  std::uint64_t state_;
};

// binary-trees at `depth` (SPEC: max(depth, 6), min 4): stretch, per-depth trees, long-lived.
nlohmann::json BinaryTreesValue(int depth);

// churn: {"ops": ops, "checksum": C} from replaying the stream.
nlohmann::json ChurnValue(std::uint64_t live, std::uint64_t ops, std::uint64_t seed);

// request-arena: {"requests": requests, "checksum": S} from replaying every request's stream.
nlohmann::json RequestArenaValue(std::uint64_t requests, std::uint64_t nodes, std::uint64_t seed);

// Estimated peak bytes of each operation (SPEC "Peak estimate").
double BinaryTreesPeakBytes(int depth);
double ChurnPeakBytes(std::uint64_t live);
double RequestArenaPeakBytes(std::uint64_t nodes);

// "" when the largest of the three peaks for these values fits in half of `available` bytes
// (unknown: no check), else the refusal naming the values, the estimate and what is there.
std::string CheckPeakFits(int depth, std::uint64_t live, std::uint64_t nodes,
                          std::optional<std::uint64_t> available);

}  // namespace benchctl
