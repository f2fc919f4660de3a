// Expectations for harness/comparison. Exact Mann–Whitney tails were counted by enumerating
// all C(m+n, m) orderings in Python (itertools.combinations), p-values cross-checked once with
// scipy.stats.mannwhitneyu (scipy 1.17); Hodges–Lehmann differences were listed by hand.
#include "comparison.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "error.h"

namespace benchctl {
namespace {

using Vec = std::vector<double>;

TEST(MannWhitneyTest, ExactSmallSeparatedSamples) {
  // U = 0; only 1 of the C(6, 3) = 20 orderings is as extreme on each side: p = 2/20.
  const MannWhitneyResult r = MannWhitneyU(Vec{1, 2, 3}, Vec{4, 5, 6});
  EXPECT_TRUE(r.exact);
  EXPECT_DOUBLE_EQ(r.u, 0.0);
  EXPECT_NEAR(r.p_value, 0.1, 1e-15);
  EXPECT_NEAR(MannWhitneyUPValue(Vec{4, 5, 6}, Vec{1, 2, 3}), 0.1, 1e-15);
}

TEST(MannWhitneyTest, ExactUnequalSizes) {
  // U = 3 of 30; P(U <= 3) = 14/924 for m = 5, n = 6, so p = 28/924 = 0.030303...
  const Vec a = {1.1, 3.4, 2.2, 5.0, 4.1};
  const Vec b = {3.9, 6.2, 5.5, 7.1, 4.8, 6.0};
  const MannWhitneyResult r = MannWhitneyU(a, b);
  EXPECT_TRUE(r.exact);
  EXPECT_DOUBLE_EQ(r.u, 3.0);
  EXPECT_NEAR(r.p_value, 28.0 / 924.0, 1e-14);
}

TEST(MannWhitneyTest, ExactAtTheLargestExactSize) {
  // 20 vs 20, no ties; scipy method="exact": U = 112, p = 0.016742393803863068.
  const Vec a = {10.001, 10.299, 9.726,  9.109, 9.545, 9.008,  10.06, 11.34, 9.508, 9.38,
                 10.49,  10.357, 10.105, 9.07,  9.971, 10.695, 8.656, 9.542, 8.099, 8.71};
  const Vec b = {8.958, 10.565, 9.533, 11.071, 10.957, 10.613, 8.283,  10.261, 10.751, 10.913,
                 9.27,  10.322, 9.821, 9.991,  11.861, 9.992,  10.767, 11.684, 10.216, 10.688};
  const MannWhitneyResult r = MannWhitneyU(a, b);
  EXPECT_TRUE(r.exact);
  EXPECT_DOUBLE_EQ(r.u, 112.0);
  EXPECT_NEAR(r.p_value, 0.016742393803863068, 1e-12);
}

TEST(MannWhitneyTest, NormalApproximationWithTies) {
  // Ties force the approximation. scipy method="asymptotic", use_continuity=True:
  // U = 10.5, p = 0.015563103281968275.
  const Vec a = {1, 2, 2, 3, 4, 5, 5, 6};
  const Vec b = {3, 4, 5, 6, 7, 7, 8, 9, 10};
  const MannWhitneyResult r = MannWhitneyU(a, b);
  EXPECT_FALSE(r.exact);
  EXPECT_DOUBLE_EQ(r.u, 10.5);
  EXPECT_NEAR(r.p_value, 0.015563103281968275, 1e-12);
}

TEST(MannWhitneyTest, NormalApproximationForLargeSamples) {
  // 25 vs 25 without ties: scipy method="asymptotic": U = 153, p = 0.002035157807278379.
  Vec a, b;
  for (int i = 1; i <= 25; ++i) {
    a.push_back(i);
    b.push_back(i + 7.5);
  }
  const MannWhitneyResult r = MannWhitneyU(a, b);
  EXPECT_FALSE(r.exact);
  EXPECT_DOUBLE_EQ(r.u, 153.0);
  EXPECT_NEAR(r.p_value, 0.002035157807278379, 1e-12);
}

TEST(MannWhitneyTest, IdenticalValuesGivePOne) {
  EXPECT_DOUBLE_EQ(MannWhitneyUPValue(Vec{3, 3, 3}, Vec{3, 3}), 1.0);
}

TEST(MannWhitneyTest, RejectsEmptyAndNonFinite) {
  EXPECT_THROW(MannWhitneyU(Vec{}, Vec{1}), Error);
  EXPECT_THROW(MannWhitneyU(Vec{1, INFINITY}, Vec{1}), Error);
}

TEST(HodgesLehmannTest, ExactIntervalFromPairwiseDifferences) {
  // The 25 differences cand_j - base_i, sorted:
  // -2 -1 -1 0 0 1 1 1 2 2 2 2 [3] 3 3 4 4 4 5 5 5 6 6 7 8 -> estimate D(13) = 3.
  // For m = n = 5, P(U <= 2) = 4/252 and P(U <= 3) = 7/252, so k = 3 is the largest with
  // 1 - 2 P(U <= k - 1) >= 0.95: [D(3), D(23)] = [-1, 6] at 1 - 8/252 = 0.968253968...
  const Vec base = {10, 11, 12, 13, 14};
  const Vec cand = {12, 13, 15, 16, 18};
  const ShiftEstimate s = HodgesLehmannShift(base, cand);
  EXPECT_DOUBLE_EQ(s.estimate, 3.0);
  EXPECT_DOUBLE_EQ(s.ci_low, -1.0);
  EXPECT_DOUBLE_EQ(s.ci_high, 6.0);
  EXPECT_NEAR(s.confidence, 1.0 - 8.0 / 252.0, 1e-14);
}

TEST(HodgesLehmannTest, NormalApproximationForLargeSamples) {
  // 25 vs 25, differences 7.5 + (j - i). Largest k with 1 - 2 Φ((k - 0.5 - 312.5) / σ) >= 0.95,
  // σ = sqrt(625 * 51 / 12): k = 211 (Hollander & Wolfe's mn/2 - 1.96 σ = 211.49), coverage
  // 0.9521942046690194 (scipy.stats.norm); D(211) = 3.5, D(415) = 11.5; median 7.5.
  Vec base, cand;
  for (int i = 1; i <= 25; ++i) {
    base.push_back(i);
    cand.push_back(i + 7.5);
  }
  const ShiftEstimate s = HodgesLehmannShift(base, cand);
  EXPECT_DOUBLE_EQ(s.estimate, 7.5);
  EXPECT_DOUBLE_EQ(s.ci_low, 3.5);
  EXPECT_DOUBLE_EQ(s.ci_high, 11.5);
  EXPECT_NEAR(s.confidence, 0.9521942046690194, 1e-12);
}

TEST(HodgesLehmannTest, RejectsBadConfidence) {
  EXPECT_THROW(HodgesLehmannShift(Vec{1}, Vec{2}, 1.0), Error);
}

TEST(LogRatioTest, TinySampleReportsFullRangeWithTrueCoverage) {
  // Ratios c/b sorted: 5/3 20/11 11/6 2 2 2 24/11 2.2 2.4, median 2. With m = n = 3 even
  // [min, max] only covers 1 - 2/20 = 0.9 < 0.95, so that is what is reported.
  const ShiftEstimate r = LogRatio(Vec{100, 110, 120}, Vec{200, 220, 240});
  EXPECT_NEAR(r.estimate, 2.0, 1e-12);
  EXPECT_NEAR(r.ci_low, 5.0 / 3.0, 1e-12);
  EXPECT_NEAR(r.ci_high, 2.4, 1e-12);
  EXPECT_NEAR(r.confidence, 0.9, 1e-15);
}

TEST(LogRatioTest, ConstantFactorIsRecovered) {
  const Vec base = {1.0, 1.2, 0.9, 1.1, 1.05, 0.95};
  Vec cand;
  for (double b : base) cand.push_back(1.25 * b);
  const ShiftEstimate r = LogRatio(base, cand);
  EXPECT_NEAR(r.estimate, 1.25, 1e-12);
  EXPECT_LT(r.ci_low, 1.25);
  EXPECT_GT(r.ci_high, 1.25);
}

TEST(LogRatioTest, RejectsNonPositiveValues) {
  EXPECT_THROW(LogRatio(Vec{1, 0}, Vec{1, 2}), Error);
  EXPECT_THROW(LogRatio(Vec{1, 2}, Vec{-1, 2}), Error);
}

TEST(HolmTest, WorkedExample) {
  // Sorted 0.005 0.01 0.03 0.04 times 4 3 2 1 -> 0.02 0.03 0.06 0.04; running max makes the
  // last 0.06. Back in input order: 0.01->0.03, 0.04->0.06, 0.03->0.06, 0.005->0.02.
  const std::vector<double> adjusted = HolmAdjust(Vec{0.01, 0.04, 0.03, 0.005});
  ASSERT_EQ(adjusted.size(), 4u);
  EXPECT_NEAR(adjusted[0], 0.03, 1e-15);
  EXPECT_NEAR(adjusted[1], 0.06, 1e-15);
  EXPECT_NEAR(adjusted[2], 0.06, 1e-15);
  EXPECT_NEAR(adjusted[3], 0.02, 1e-15);
}

TEST(HolmTest, MonotoneAndCapped) {
  // 3 * 0.01 = 0.03, 2 * 0.011 = 0.022 -> 0.03, 1 * 0.02 -> 0.03.
  const std::vector<double> mono = HolmAdjust(Vec{0.01, 0.011, 0.02});
  for (double p : mono) EXPECT_NEAR(p, 0.03, 1e-15);
  // 2 * 0.5 = 1, 1 * 0.6 -> running max 1.
  EXPECT_EQ(HolmAdjust(Vec{0.6, 0.5}), (Vec{1.0, 1.0}));
  EXPECT_TRUE(HolmAdjust(Vec{}).empty());
  EXPECT_THROW(HolmAdjust(Vec{0.5, 1.5}), Error);
}

TEST(GeometricMeanTest, Values) {
  EXPECT_NEAR(GeometricMean(Vec{1, 2, 4}), 2.0, 1e-15);
  EXPECT_NEAR(GeometricMean(Vec{2, 8}), 4.0, 1e-15);
  EXPECT_THROW(GeometricMean(Vec{}), Error);
  EXPECT_THROW(GeometricMean(Vec{1, 0}), Error);
}

// threshold 0.05: band [1/1.05, 1.05] = [0.952, 1.05]; wide band [1/1.1, 1.1] = [0.909, 1.1].
constexpr double kAlpha = 0.05;
constexpr double kThreshold = 0.05;

Verdict DecideCi(double low, double high, double p, std::size_t n = 10) {
  return Decide(ShiftEstimate{(low + high) / 2, low, high, 0.95}, p, kAlpha, kThreshold,
                Better::kLower, n, n, 5);
}

TEST(DecideTest, EachBranch) {
  EXPECT_EQ(DecideCi(1.06, 1.12, 0.01), Verdict::kRegression);
  EXPECT_EQ(DecideCi(0.90, 0.94, 0.01), Verdict::kImprovement);
  EXPECT_EQ(DecideCi(1.01, 1.03, 0.01), Verdict::kNoChange);         // Real but negligible.
  EXPECT_EQ(DecideCi(1.03, 1.08, 0.01), Verdict::kInconclusive);     // Straddles 1.05.
  EXPECT_EQ(DecideCi(0.97, 1.04, 0.40), Verdict::kNoChange);         // Inside the band.
  EXPECT_EQ(DecideCi(0.93, 1.08, 0.40), Verdict::kNoChange);         // Inside the wide band.
  EXPECT_EQ(DecideCi(0.85, 1.20, 0.40), Verdict::kInconclusive);     // Too wide to tell.
  EXPECT_EQ(DecideCi(1.06, 1.12, 0.01, 4), Verdict::kInconclusive);  // n < min_n.
}

TEST(DecideTest, FewValuesWhoseIntervalIsInsideTheBandAreNoChange) {
  // Four instruction counts that agree: no test can be significant, but equivalence needs none.
  EXPECT_EQ(DecideCi(1.0, 1.0, 1.0, 4), Verdict::kNoChange);
  EXPECT_EQ(DecideCi(0.96, 1.04, 1.0, 4), Verdict::kNoChange);
  EXPECT_EQ(DecideCi(0.96, 1.06, 1.0, 4), Verdict::kInconclusive);   // Leaves the band.
  EXPECT_EQ(DecideCi(1.06, 1.12, 0.01, 4), Verdict::kInconclusive);  // Never a regression.
}

TEST(DecideTest, ForAHigherIsBetterMetricADropIsARegression) {
  auto decide = [](double low, double high, double p) {
    return Decide(ShiftEstimate{(low + high) / 2, low, high, 0.95}, p, kAlpha, kThreshold,
                  Better::kHigher, 10, 10, 5);
  };
  EXPECT_EQ(decide(0.80, 0.90, 0.01), Verdict::kRegression);   // Throughput fell 10-20%.
  EXPECT_EQ(decide(1.10, 1.20, 0.01), Verdict::kImprovement);  // Throughput rose.
  EXPECT_EQ(decide(0.98, 1.02, 0.01), Verdict::kNoChange);
  EXPECT_EQ(decide(0.94, 0.99, 0.01), Verdict::kInconclusive);  // Straddles 1/1.05.
}

TEST(DecideTest, EdgesAreExclusiveForVerdictsAndInclusiveForNoChange) {
  EXPECT_EQ(DecideCi(1.05, 1.10, 0.01), Verdict::kInconclusive);  // Not entirely above 1.05.
  EXPECT_EQ(DecideCi(1.0, 1.05, 0.01), Verdict::kNoChange);
  EXPECT_EQ(DecideCi(1.0, 1.1, 0.40), Verdict::kNoChange);
  EXPECT_EQ(DecideCi(1.06, 1.12, 0.05), Verdict::kInconclusive);  // p == alpha: not significant.
}

TEST(DecideTest, RejectsBadArguments) {
  const ShiftEstimate ok{1.0, 0.9, 1.1, 0.95};
  EXPECT_THROW(Decide(ok, 0.01, 0.0, kThreshold, Better::kLower, 10, 10, 5), Error);
  EXPECT_THROW(Decide(ok, 0.01, kAlpha, -0.1, Better::kLower, 10, 10, 5), Error);
  EXPECT_THROW(Decide(ok, 1.5, kAlpha, kThreshold, Better::kLower, 10, 10, 5), Error);
  EXPECT_THROW(Decide(ShiftEstimate{1.0, 1.2, 1.1, 0.95}, 0.01, kAlpha, kThreshold, Better::kLower,
                      10, 10, 5),
               Error);
}

TEST(VerdictNameTest, Names) {
  EXPECT_EQ(VerdictName(Verdict::kRegression), "regression");
  EXPECT_EQ(VerdictName(Verdict::kImprovement), "improvement");
  EXPECT_EQ(VerdictName(Verdict::kNoChange), "no_change");
  EXPECT_EQ(VerdictName(Verdict::kInconclusive), "inconclusive");
}

}  // namespace
}  // namespace benchctl
