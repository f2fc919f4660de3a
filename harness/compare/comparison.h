// Two-sample statistics for regression verdicts: a rank test, a multiple-comparison
// correction, and an effect-size interval that must clear a noise threshold, as
// benchstat and criterion do. Pure functions, no I/O.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "metric.h"

namespace benchctl {

// Largest per-sample size for which the exact Mann–Whitney null distribution is used.
inline constexpr std::size_t kExactMannWhitneyMaxN = 20;

// Result of a two-sided Mann–Whitney U (Wilcoxon rank-sum) test.
struct MannWhitneyResult {
  double u = 0;        // U of the first sample: #{a_i > b_j} + 0.5 #{a_i == b_j}.
  double p_value = 1;  // Two-sided p-value in [0, 1].
  bool exact = false;  // True when from the exact distribution, false for the normal approx.
};

// Two-sided Mann–Whitney U test of a against b. Exact when both sizes <= 20 and the pooled
// sample has no ties; otherwise the normal approximation with tie and continuity corrections.
// Throws Error when either sample is empty or holds a non-finite value.
MannWhitneyResult MannWhitneyU(std::span<const double> a, std::span<const double> b);

// The p-value of MannWhitneyU(a, b).
double MannWhitneyUPValue(std::span<const double> a, std::span<const double> b);

// A location shift (or, from LogRatio, a ratio) with its confidence interval.
struct ShiftEstimate {
  double estimate = 0;    // Point estimate.
  double ci_low = 0;      // Lower end of the interval.
  double ci_high = 0;     // Upper end of the interval.
  double confidence = 0;  // Achieved coverage of [ci_low, ci_high] (exact or approximate).
};

// Hodges–Lehmann estimate of candidate − base (median of all pairwise differences) with the
// distribution-free interval from the differences' order statistics at the Mann–Whitney critical
// value. The achieved coverage is reported; when even [min, max] of the differences falls short
// of `confidence` (tiny samples) that interval is returned with its lower coverage.
// Throws Error on an empty sample, a non-finite value, or confidence outside (0, 1).
ShiftEstimate HodgesLehmannShift(std::span<const double> base, std::span<const double> candidate,
                                 double confidence = 0.95);

// HodgesLehmannShift on log values, exponentiated: the ratio candidate/base (e.g. 1.05 = 5%
// slower for times) and its interval. Throws Error unless every value is finite and > 0.
ShiftEstimate LogRatio(std::span<const double> base, std::span<const double> candidate,
                       double confidence = 0.95);

// Holm–Bonferroni step-down adjusted p-values, monotone, capped at 1, in the input order.
// Throws Error when a p-value is outside [0, 1] or NaN.
std::vector<double> HolmAdjust(std::span<const double> p_values);

// Geometric mean, exp(mean(log x)). Throws Error when empty or a value is not finite and > 0.
double GeometricMean(std::span<const double> values);

// Outcome of comparing a candidate against a base.
enum class Verdict { kRegression, kImprovement, kNoChange, kInconclusive };

// Decides a verdict from a ratio candidate/base with its CI (from LogRatio) and the test's
// Holm-adjusted p-value. For a higher-is-better metric the ratio is first inverted, so below
// "ratio" reads "how many times worse". With t = threshold, band = [1/(1+t), 1+t],
// wide = [1/(1+2t), 1+2t]:
//   1. n_base < min_n or n_cand < min_n (too few values for a test):
//        CI inside band (ends inclusive)                    -> kNoChange (equivalence needs
//                                                              no significant difference)
//        otherwise                                          -> kInconclusive
//   2. adjusted_p < alpha (significant):
//        ci_low > 1+t                                       -> kRegression
//        ci_high < 1/(1+t)                                  -> kImprovement
//        CI inside band (ends inclusive)                    -> kNoChange (real but negligible)
//        otherwise (CI straddles a band edge)               -> kInconclusive
//   3. not significant:
//        CI inside wide (ends inclusive)                    -> kNoChange (any change < 2t)
//        otherwise (CI too wide to rule out a change)       -> kInconclusive
// Throws Error when alpha is outside (0, 1), threshold < 0, adjusted_p outside [0, 1], or the
// ratio is not positive and ordered.
Verdict Decide(const ShiftEstimate& ratio, double adjusted_p, double alpha, double threshold,
               Better better, std::size_t n_base, std::size_t n_cand, std::size_t min_n);

// Stable lower-case name for reports and result files: "regression", "improvement",
// "no_change", "inconclusive".
std::string_view VerdictName(Verdict verdict);

}  // namespace benchctl
