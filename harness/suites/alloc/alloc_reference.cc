#include "alloc_reference.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "units.h"

namespace benchctl {

std::uint64_t SplitMix64::Next() {
  state_ += 0x9E3779B97F4A7C15ull;
  std::uint64_t z = state_;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

nlohmann::json BinaryTreesValue(int depth) {
  const int max = std::max(depth, 6);
  const int min = 4;
  auto nodes = [](int d) { return (std::uint64_t{1} << (d + 1)) - 1; };
  nlohmann::json trees = nlohmann::json::array();
  for (int d = min; d <= max; d += 2) {
    const std::uint64_t n = std::uint64_t{1} << (max - d + min);
    trees.push_back({d, n, n * nodes(d)});
  }
  return {{"stretch", nodes(max + 1)}, {"trees", trees}, {"long_lived", nodes(max)}};
}

nlohmann::json ChurnValue(std::uint64_t live, std::uint64_t ops, std::uint64_t seed) {
  SplitMix64 rng(seed);
  // Only what a read gives back: each slot's byte (-1: empty).
  std::vector<int> slots(live, -1);
  std::uint64_t checksum = 0;
  for (std::uint64_t i = 0; i < ops; ++i) {
    const std::uint64_t slot = rng.Next() % live;
    // The size class and the size: they change nothing a read returns, but the stream must
    // advance as the workload's does.
    rng.Next();
    rng.Next();
    const int b = static_cast<int>(rng.Next() & 0xFF);
    if (slots[slot] >= 0) checksum += 2 * static_cast<std::uint64_t>(slots[slot]);
    slots[slot] = b;
  }
  for (int b : slots) {
    if (b >= 0) checksum += 2 * static_cast<std::uint64_t>(b);
  }
  return {{"ops", ops}, {"checksum", checksum}};
}

nlohmann::json RequestArenaValue(std::uint64_t requests, std::uint64_t nodes, std::uint64_t seed) {
  std::uint64_t total = 0;
  std::vector<std::uint64_t> depth(nodes);
  for (std::uint64_t r = 0; r < requests; ++r) {
    SplitMix64 rng(seed + r);
    std::uint64_t checksum = 0;
    auto add = [&checksum](std::uint64_t value, std::uint64_t d) {
      const std::uint64_t len = 8 + value % 57;
      checksum += (value ^ d) + len + (value & 0xFF);
    };
    depth[0] = 0;
    add(rng.Next(), 0);
    for (std::uint64_t i = 1; i < nodes; ++i) {
      depth[i] = depth[rng.Next() % i] + 1;
      add(rng.Next(), depth[i]);
    }
    total += checksum;
  }
  return {{"requests", requests}, {"checksum", total}};
}

double BinaryTreesPeakBytes(int depth) {
  return static_cast<double>(std::uint64_t{1} << (std::max(depth, 6) + 3)) * 32;
}

double ChurnPeakBytes(std::uint64_t live) { return static_cast<double>(live) * 10 * 1024; }

double RequestArenaPeakBytes(std::uint64_t nodes) { return static_cast<double>(nodes) * 160; }

std::string CheckPeakFits(int depth, std::uint64_t live, std::uint64_t nodes,
                          std::optional<std::uint64_t> available) {
  const double peak =
      std::max({BinaryTreesPeakBytes(depth), ChurnPeakBytes(live), RequestArenaPeakBytes(nodes)});
  if (!available || peak <= static_cast<double>(*available) / 2) return "";
  return fmt::format(
      "depth={} live={} nodes={} would need about {} at its peak, more than half of the {} "
      "this machine has available; choose smaller values",
      depth, live, nodes, FormatBytes(peak), FormatBytes(static_cast<double>(*available)));
}

}  // namespace benchctl
