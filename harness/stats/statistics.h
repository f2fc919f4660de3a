// One-sample summary statistics over per-process values: median with a distribution-free
// confidence interval, MAD, min/max, and flagged (never removed) outliers. Pure functions, no I/O.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace benchctl {

// Scale that turns the raw MAD into a consistent estimator of a normal's standard deviation
// (1 / Φ⁻¹(3/4); Rousseeuw & Croux 1993).
inline constexpr double kMadNormalScale = 1.4826;

// Modified z-score cut-off for outliers recommended by Iglewicz & Hoaglin (1993).
inline constexpr double kOutlierModifiedZ = 3.5;

// Median of `values`; the mean of the two middle values for even n. Throws Error when empty.
double Median(std::vector<double> values);

// Raw median absolute deviation, median(|x - median(x)|). Throws Error when empty.
double MedianAbsoluteDeviation(std::span<const double> values);

// The MAD multiplied by kMadNormalScale, comparable to a standard deviation.
double ScaledMedianAbsoluteDeviation(std::span<const double> values);

// Positions (1-based order statistics) and exact coverage of a median confidence interval.
struct OrderStatisticInterval {
  std::size_t lower_rank;  // 1-based rank of the lower end, X(lower_rank).
  std::size_t upper_rank;  // 1-based rank of the upper end, X(upper_rank) = X(n + 1 - lower).
  double coverage;         // Exact coverage probability of [X(lower), X(upper)].
};

// Narrowest symmetric order-statistic interval for the median of n values whose exact binomial
// coverage is >= confidence; [X(1), X(n)] with its lower coverage when none reaches it.
// Throws Error when n == 0 or confidence is outside (0, 1).
OrderStatisticInterval MedianIntervalRanks(std::size_t n, double confidence);

// Indices of values whose modified z-score |0.6745 (x - median) / MAD| exceeds 3.5.
std::vector<std::size_t> FlagOutliers(std::span<const double> values);

// Everything a report needs about one sample (e.g. per-process medians of one workload).
struct Summary {
  std::size_t n = 0;                  // Number of values.
  double median = 0;                  // Sample median.
  double ci_low = 0;                  // Lower end of the median's confidence interval.
  double ci_high = 0;                 // Upper end of the median's confidence interval.
  double ci_confidence = 0;           // Exact achieved coverage of [ci_low, ci_high].
  double mad = 0;                     // Raw median absolute deviation (unscaled).
  double mean = 0;                    // Arithmetic mean.
  double stddev = 0;                  // Sample standard deviation (n - 1); 0 when n == 1.
  double min = 0;                     // Smallest value.
  double max = 0;                     // Largest value.
  std::vector<std::size_t> outliers;  // Indices into the input flagged by FlagOutliers.
};

// Summarises `values`; the median CI targets `confidence`. Throws Error when empty, when a
// value is not finite, or when confidence is outside (0, 1).
Summary Summarize(std::span<const double> values, double confidence = 0.95);

}  // namespace benchctl
