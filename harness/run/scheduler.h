// The interleaved order in which jobs' processes run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace benchctl {

// `rounds` rounds; each round runs every job once, in an order shuffled with a
// PRNG seeded by `seed` (Fisher–Yates), so drift on a noisy machine hits every
// implementation alike and the order can be replayed from the recorded seed.
std::vector<std::vector<std::size_t>> InterleavedOrder(std::size_t jobs, int rounds,
                                                       std::uint64_t seed);

}  // namespace benchctl
