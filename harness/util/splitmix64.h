// SplitMix64: the generator behind `benchctl gen` and the mixer behind the JSON number checksum.
#pragma once

#include <cstdint>

namespace benchctl {

// The SplitMix64 output finaliser (Steele, Lea & Flood, "Fast splittable pseudorandom number
// generators", OOPSLA 2014; constants from Vigna's splitmix64.c). workloads/json/SPEC.md uses it
// to mix each number's bit pattern into number_checksum.
constexpr std::uint64_t SplitMix64Mix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// A deterministic PRNG defined by its published algorithm, so generated inputs are identical
// on every machine and standard library (std::*_distribution is implementation-defined).
class SplitMix64 {
 public:
  // Starts the sequence at `seed`; equal seeds give equal sequences.
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}

  // The next 64 random bits (Vigna's splitmix64.c next()).
  std::uint64_t Next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return SplitMix64Mix(state_);
  }

  // A value in [0, n) for n > 0, by Lemire's multiply-shift ("Fast Random Integer Generation in
  // an Interval", 2019) without the rejection step: the bias is below n / 2^64, and skipping
  // rejection keeps the number of draws per call fixed.
  std::uint64_t Below(std::uint64_t n) {
    return static_cast<std::uint64_t>((static_cast<unsigned __int128>(Next()) * n) >> 64);
  }

  // A value in [lo, hi], inclusive, for lo <= hi.
  std::uint64_t Between(std::uint64_t lo, std::uint64_t hi) { return lo + Below(hi - lo + 1); }

  // True with probability percent / 100.
  bool Percent(std::uint64_t percent) { return Below(100) < percent; }

  // A double in [0, 1) with 53 random bits; exact, so no rounding differs between machines.
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

 private:
  std::uint64_t state_;
};

}  // namespace benchctl
