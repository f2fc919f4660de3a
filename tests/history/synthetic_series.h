// Synthetic nightly series for the change-point tests: each run's value is the median of
// `processes` per-process times whose log has sd `process_sd` (about 0.18 on this 2-CPU
// shared machine: metric.h), drawn from a seeded generator so every test is deterministic.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

#include "history_check.h"
#include "splitmix64.h"
#include "statistics.h"

namespace benchctl::testing {

inline constexpr double kProcessLogSd = 0.18;

// A standard normal draw (Box–Muller).
inline double Normal(SplitMix64& rng) {
  double u = 1.0 - rng.Unit();  // (0, 1]: log(u) is finite.
  double v = rng.Unit();
  return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * 3.14159265358979323846 * v);
}

// Run medians (ns) of `runs` runs; from run `step_at` on, times are `step` times larger.
inline std::vector<double> RunMedians(std::uint64_t seed, std::size_t runs, std::size_t step_at,
                                      double step, std::size_t processes = 10) {
  SplitMix64 rng(seed);
  std::vector<double> medians;
  for (std::size_t r = 0; r < runs; ++r) {
    std::vector<double> times;
    for (std::size_t p = 0; p < processes; ++p) {
      times.push_back(1e6 * (r >= step_at ? step : 1.0) * std::exp(kProcessLogSd * Normal(rng)));
    }
    medians.push_back(Median(times));
  }
  return medians;
}

// A time trend ("lower is better", compare's 3% threshold) with these run medians.
inline JobTrend TimeTrend(const std::vector<double>& medians) {
  JobTrend trend;
  trend.job_id = "json/cpp-simdjson/parse-dom/twitter";
  trend.metric = "time_ns";
  trend.unit = "ns";
  trend.better = "lower";
  trend.noise_threshold = 0.03;
  for (std::size_t i = 0; i < medians.size(); ++i) {
    TrendPoint p;
    p.run_id = "run-" + std::to_string(i);
    p.run = i;
    p.n = 10;
    p.median = p.ci_low = p.ci_high = medians[i];
    trend.points.push_back(p);
  }
  return trend;
}

}  // namespace benchctl::testing
