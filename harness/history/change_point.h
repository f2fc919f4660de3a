// Change points in a series of numbers (pure: no I/O, no SQLite), for `history check`.
//
// Method: E-Divisive with medians' energy distance — Matteson & James (2014), "A nonparametric
// approach for multiple change point analysis of multivariate data", JASA 109(505), the method
// MongoDB's CI uses (Daly et al. 2020, "Change Point Detection in Software Performance
// Testing", ICPE). The best split of a segment maximises the scaled energy distance between
// its two sides (alpha = 1: absolute differences); it counts only if a permutation test
// (the segment's values shuffled, seeded so results are deterministic) finds it significant.
// Segments are split again, the most divergent first, until no split is significant.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace benchctl {

struct ChangePointOptions {
  // Significance level of the permutation test. With 8 runs (4 | 4) the smallest reachable
  // p-value is about 0.03, so a stricter level could never find a step in a week of nightlies.
  double alpha = 0.05;
  int permutations = 499;       // p-value resolution 1/500.
  std::size_t min_segment = 2;  // A step needs two runs on each side: one odd run is not one.
  std::uint64_t seed = 1;       // Of the permutations.
};

struct ChangePoint {
  std::size_t index = 0;  // First point after the change.
  double p_value = 1;
  double energy = 0;  // The split's scaled energy distance (Matteson & James's Q).
};

// The best split of `values` (indices into it) and its statistic; nullopt-like {0, 1, 0} when
// the series is shorter than 2 × min_segment.
ChangePoint BestSplit(std::span<const double> values, std::size_t min_segment);

// Every significant change point of `values`, sorted by index.
std::vector<ChangePoint> DetectChangePoints(std::span<const double> values,
                                            const ChangePointOptions& options);

}  // namespace benchctl
