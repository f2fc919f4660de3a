#include "spsc_reference.h"

#include <fmt/format.h>

#include "suite_params.h"

namespace benchctl {

std::uint64_t SequenceSum(std::uint64_t n) {
  if (n == 0) return 0;
  // n(n-1)/2 with the halving done first, so the product wraps exactly mod 2^64.
  return n % 2 == 0 ? (n / 2) * (n - 1) : n * ((n - 1) / 2);
}

nlohmann::json ExpectedThroughputValue(std::uint64_t items) {
  return {{"items", items}, {"sum", SequenceSum(items)}};
}

nlohmann::json ExpectedLatencyValue(std::uint64_t round_trips) {
  return {{"round_trips", round_trips}, {"sum", SequenceSum(round_trips)}};
}

std::string CheckCapacity(const std::string& text) {
  if (std::string problem = CheckWholeNumber(text, 2, std::uint64_t{1} << 24); !problem.empty()) {
    return problem;
  }
  std::uint64_t value = std::stoull(text);
  return (value & (value - 1)) == 0 ? "" : "not a power of two";
}

std::string CheckItemsFitCapacity(std::uint64_t items, std::uint64_t capacity) {
  const std::uint64_t half = capacity / 2;
  if (items % half == 0) return "";
  return fmt::format(
      "items={} is not a multiple of capacity/2 = {} (the floor row moves whole half-rings); "
      "use e.g. items={}",
      items, half, (items / half + 1) * half);
}

std::string CheckPlacementCounters(const nlohmann::json& counters) {
  auto cpu = [&counters](const char* name) -> std::optional<std::int64_t> {
    auto it = counters.find(name);
    if (it == counters.end() || !it->is_number_integer()) return std::nullopt;
    return it->get<std::int64_t>();
  };
  auto producer = cpu("producer_cpu"), consumer = cpu("consumer_cpu");
  if (!producer || !consumer) {
    return "the workload did not report its threads' placement (counters producer_cpu and "
           "consumer_cpu, workloads/spsc/SPEC.md)";
  }
  if (*producer == *consumer) {
    return fmt::format("producer and consumer both ran on CPU {}: they must be pinned apart",
                       *producer);
  }
  return "";
}

}  // namespace benchctl
