// The real coverage of the median intervals a report shows, and its label. With few
// processes the order-statistic interval cannot reach 95% (statistics.h), so a table that
// printed "95% CI" for n = 2 would claim more confidence than the data has.
#pragma once

#include <cstddef>
#include <string>

namespace benchctl {

// The confidence level benchctl's median intervals target.
inline constexpr double kTargetConfidence = 0.95;

// The exact coverage of the median interval Summarize builds from n values at `confidence`
// (MedianIntervalRanks): 0.5 for n = 2, 0.9375 for n = 5, 0.96875 for n = 6. 0 for n <= 1
// (a single value is no interval). Throws Error when confidence is outside (0, 1).
double MedianIntervalCoverage(std::size_t n, double confidence = kTargetConfidence);

// "95% CI" when `coverage` reaches the target, else the coverage rounded down (never
// claiming more than it has) to one decimal, trailing ".0" dropped: "50% CI", "93.7% CI";
// "no CI" for 0.
std::string CoverageLabel(double coverage, double target = kTargetConfidence);

// CoverageLabel(MedianIntervalCoverage(n)).
std::string CoverageLabelForProcesses(std::size_t n);

}  // namespace benchctl
