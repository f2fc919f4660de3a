#include "scheduler.h"

#include <numeric>

#include "splitmix64.h"

namespace benchctl {

std::vector<std::vector<std::size_t>> InterleavedOrder(std::size_t jobs, int rounds,
                                                       std::uint64_t seed) {
  SplitMix64 rng(seed);
  std::vector<std::vector<std::size_t>> order;
  for (int r = 0; r < rounds; ++r) {
    std::vector<std::size_t> round(jobs);
    std::iota(round.begin(), round.end(), std::size_t{0});
    for (std::size_t i = jobs; i > 1; --i) {
      std::swap(round[i - 1], round[rng.Below(i)]);
    }
    order.push_back(std::move(round));
  }
  return order;
}

}  // namespace benchctl
