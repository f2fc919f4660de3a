// The alloc suite's random stream (workloads/alloc/SPEC.md "The random stream: SplitMix64"):
// every random choice of every operation comes from one of these, in the order SPEC states.
#pragma once

#include <cstdint>

namespace alloc {

class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}

  // The next output; all arithmetic is mod 2^64, which unsigned overflow gives.
  std::uint64_t Next() {
    state_ += 0x9E3779B97F4A7C15;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
    return z ^ (z >> 31);
  }

 private:
  std::uint64_t state_;
};

}  // namespace alloc
