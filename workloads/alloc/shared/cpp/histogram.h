// The histogram of ../spsc/SPEC.md "The histogram (identical in every language)", copied here
// so the suites stay independent: values below 64 ns exact, above that 32 buckets per octave;
// quantiles are bucket lower bounds, by exact integer ranks, and the maximum is exact. churn
// records the time of each batch of 8 operations into it.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>

#include "benchlib.h"

namespace alloc {

class Histogram {
 public:
  static constexpr std::size_t kBuckets = 1920;

  // The bucket of value `v` (ns).
  static constexpr std::size_t BucketOf(std::uint64_t v) {
    if (v < 64) return static_cast<std::size_t>(v);
    const int e = static_cast<int>(std::bit_width(v)) - 1;  // floor(log2 v), 6 ... 63
    const std::uint64_t s = (v >> (e - 5)) & 31;
    return static_cast<std::size_t>(64 + (e - 6) * 32 + s);
  }

  // The smallest value that lands in bucket `b`.
  static constexpr std::uint64_t LowerBound(std::size_t b) {
    if (b < 64) return b;
    const std::size_t e = 6 + (b - 64) / 32;
    const std::uint64_t s = (b - 64) % 32;
    return (32 + s) << (e - 5);
  }

  // Records one value (ns).
  void Record(std::uint64_t v) {
    ++buckets_[BucketOf(v)];
    ++count_;
    max_ = std::max(max_, v);
  }

  // Forgets every value.
  void Clear() {
    buckets_.fill(0);
    count_ = 0;
    max_ = 0;
  }

  std::uint64_t count() const { return count_; }
  std::uint64_t max() const { return max_; }

  // The quantile `per_mille`/1000 (500, 990, 999): the lower bound of the first bucket at which
  // the running count reaches ceil(q·count), at least 1. 0 when nothing was recorded.
  std::uint64_t Quantile(std::uint64_t per_mille) const {
    if (count_ == 0) return 0;
    using Wide = unsigned __int128;  // count · 999 cannot overflow
    const Wide rank = std::max<Wide>(1, (Wide(count_) * per_mille + 999) / 1000);
    Wide running = 0;
    for (std::size_t b = 0; b < kBuckets; ++b) {
      running += buckets_[b];
      if (running >= rank) return LowerBound(b);
    }
    return LowerBound(kBuckets - 1);  // unreachable: the buckets sum to count_
  }

  // churn's counters (SPEC.md "churn", tail latency).
  benchlib::Counters ChurnCounters() const {
    return {{"churn_batch_p50_ns", Signed(Quantile(500))},
            {"churn_batch_p99_ns", Signed(Quantile(990))},
            {"churn_batch_p999_ns", Signed(Quantile(999))},
            {"churn_batch_max_ns", Signed(max_)},
            {"churn_batches", Signed(count_)}};
  }

 private:
  // Counters are signed 64-bit in the protocol library; no batch lasts 2^63 ns (292 years).
  static std::int64_t Signed(std::uint64_t v) { return static_cast<std::int64_t>(v); }

  std::array<std::uint64_t, kBuckets> buckets_{};
  std::uint64_t count_ = 0;
  std::uint64_t max_ = 0;
};

}  // namespace alloc
