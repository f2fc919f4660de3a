#include "interval_coverage.h"

#include <fmt/format.h>

#include <cmath>

#include "statistics.h"

namespace benchctl {

double MedianIntervalCoverage(std::size_t n, double confidence) {
  if (n <= 1) {
    // MedianIntervalRanks still checks the level; one value has zero width, no coverage.
    (void)MedianIntervalRanks(1, confidence);
    return 0;
  }
  return MedianIntervalRanks(n, confidence).coverage;
}

std::string CoverageLabel(double coverage, double target) {
  if (coverage >= target) return fmt::format("{:.0f}% CI", target * 100);
  if (coverage <= 0) return "no CI";
  // Rounded down, with a tolerance for the binary fraction (0.5 * 100 may be 49.999...).
  const double tenths = std::floor(coverage * 1000 + 1e-6);
  if (std::fmod(tenths, 10) == 0) return fmt::format("{:.0f}% CI", tenths / 10);
  return fmt::format("{:.1f}% CI", tenths / 10);
}

std::string CoverageLabelForProcesses(std::size_t n) {
  return CoverageLabel(MedianIntervalCoverage(n));
}

}  // namespace benchctl
