// Hand-computed expectations for harness/statistics. Binomial coverages are exact fractions
// 1 - 2 P(B <= r - 1), B ~ Binomial(n, 1/2), worked out from binomial coefficients and
// cross-checked once with scipy.stats.binom.cdf (scipy 1.17).
#include "statistics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "error.h"

namespace benchctl {
namespace {

TEST(MedianTest, OddCountTakesMiddleValue) { EXPECT_DOUBLE_EQ(Median({3.0, 1.0, 2.0}), 2.0); }

TEST(MedianTest, EvenCountAveragesTheTwoMiddleValues) {
  EXPECT_DOUBLE_EQ(Median({4.0, 1.0, 3.0, 2.0}), 2.5);
  EXPECT_DOUBLE_EQ(Median({7.0, 7.0}), 7.0);
}

TEST(MedianTest, SingleValue) { EXPECT_DOUBLE_EQ(Median({42.0}), 42.0); }

TEST(MedianTest, EmptyThrows) { EXPECT_THROW(Median({}), Error); }

TEST(MedianIntervalTest, FiveValuesCannotReach95PercentSoReportMinMaxHonestly) {
  // r = 1: 1 - 2 (1/32) = 0.9375 < 0.95; no pair reaches 95%, so [X(1), X(5)] at 0.9375.
  const OrderStatisticInterval ci = MedianIntervalRanks(5, 0.95);
  EXPECT_EQ(ci.lower_rank, 1u);
  EXPECT_EQ(ci.upper_rank, 5u);
  EXPECT_DOUBLE_EQ(ci.coverage, 0.9375);
}

TEST(MedianIntervalTest, SixValuesIsTheSmallestSampleReaching95Percent) {
  // r = 1: 1 - 2/64 = 0.96875.
  const OrderStatisticInterval ci = MedianIntervalRanks(6, 0.95);
  EXPECT_EQ(ci.lower_rank, 1u);
  EXPECT_EQ(ci.upper_rank, 6u);
  EXPECT_DOUBLE_EQ(ci.coverage, 0.96875);
}

TEST(MedianIntervalTest, TenValues) {
  // P(B <= 1) = 11/1024 -> r = 2 covers 1 - 22/1024 = 0.978515625;
  // P(B <= 2) = 56/1024 -> r = 3 covers 0.890625 < 0.95. So [X(2), X(9)].
  const OrderStatisticInterval ci = MedianIntervalRanks(10, 0.95);
  EXPECT_EQ(ci.lower_rank, 2u);
  EXPECT_EQ(ci.upper_rank, 9u);
  EXPECT_DOUBLE_EQ(ci.coverage, 0.978515625);
}

TEST(MedianIntervalTest, TwentyValues) {
  // P(B <= 5) = (1+20+190+1140+4845+15504)/2^20 = 21700/1048576 -> r = 6 covers
  // 1 - 43400/1048576 = 0.95861053466796875; r = 7 covers 0.88468... So [X(6), X(15)].
  const OrderStatisticInterval ci = MedianIntervalRanks(20, 0.95);
  EXPECT_EQ(ci.lower_rank, 6u);
  EXPECT_EQ(ci.upper_rank, 15u);
  EXPECT_NEAR(ci.coverage, 1.0 - 43400.0 / 1048576.0, 1e-12);
}

TEST(MedianIntervalTest, LargeSampleDoesNotUnderflow) {
  // 0.5^2000 underflows a double; scipy.stats.binom gives r = 956, coverage 0.9534471795.
  const OrderStatisticInterval ci = MedianIntervalRanks(2000, 0.95);
  EXPECT_EQ(ci.lower_rank, 956u);
  EXPECT_EQ(ci.upper_rank, 1045u);
  EXPECT_NEAR(ci.coverage, 0.9534471795082164, 1e-9);
}

TEST(MedianIntervalTest, SingleValueHasZeroCoverage) {
  const OrderStatisticInterval ci = MedianIntervalRanks(1, 0.95);
  EXPECT_EQ(ci.lower_rank, 1u);
  EXPECT_EQ(ci.upper_rank, 1u);
  EXPECT_DOUBLE_EQ(ci.coverage, 0.0);
}

TEST(MedianIntervalTest, RejectsBadArguments) {
  EXPECT_THROW(MedianIntervalRanks(0, 0.95), Error);
  EXPECT_THROW(MedianIntervalRanks(10, 1.0), Error);
  EXPECT_THROW(MedianIntervalRanks(10, 0.0), Error);
}

TEST(MadTest, RawAndScaled) {
  // median 3; |x - 3| = {2, 1, 0, 1, 97}; their median is 1.
  const std::vector<double> v = {1, 2, 3, 4, 100};
  EXPECT_DOUBLE_EQ(MedianAbsoluteDeviation(v), 1.0);
  EXPECT_DOUBLE_EQ(ScaledMedianAbsoluteDeviation(v), 1.4826);
}

TEST(OutlierTest, FlagsThePlantedOutlierOnly) {
  // sorted 9.9 10.0 10.1 10.1 10.2 10.3 14.0: median 10.1, MAD 0.1.
  // 14.0 scores 0.6745 * 3.9 / 0.1 = 26.3 > 3.5; the next largest, 10.3, scores 1.35.
  const std::vector<double> v = {10.1, 10.3, 9.9, 10.0, 10.2, 14.0, 10.1};
  EXPECT_EQ(FlagOutliers(v), std::vector<std::size_t>{5});
}

TEST(OutlierTest, ZeroMadFlagsNothing) {
  const std::vector<double> v = {5, 5, 5, 5, 100};
  EXPECT_TRUE(FlagOutliers(v).empty());
}

TEST(OutlierTest, LowOutlierIsFlaggedToo) {
  // sorted 4 9 9 10 10 10 11 11 15: median 10; |x - 10| sorted 0 0 0 1 1 1 1 5 6: MAD 1.
  // 15 scores 0.6745 * 5 = 3.37 (kept, just under 3.5); 4 scores 0.6745 * 6 = 4.05 (flagged).
  const std::vector<double> v = {9, 11, 10, 4, 11, 9, 10, 15, 10};
  EXPECT_EQ(FlagOutliers(v), std::vector<std::size_t>{3});
}

TEST(SummarizeTest, TenValues) {
  const std::vector<double> v = {7, 3, 10, 1, 5, 9, 2, 8, 6, 4};
  const Summary s = Summarize(v);
  EXPECT_EQ(s.n, 10u);
  EXPECT_DOUBLE_EQ(s.median, 5.5);
  EXPECT_DOUBLE_EQ(s.ci_low, 2.0);   // X(2), see MedianIntervalTest.TenValues.
  EXPECT_DOUBLE_EQ(s.ci_high, 9.0);  // X(9).
  EXPECT_DOUBLE_EQ(s.ci_confidence, 0.978515625);
  // |x - 5.5| = {0.5, 0.5, 1.5, 1.5, ..., 4.5, 4.5}: middle pair 2.5 and 2.5.
  EXPECT_DOUBLE_EQ(s.mad, 2.5);
  EXPECT_DOUBLE_EQ(s.mean, 5.5);
  // Sum of squared deviations 82.5, / 9, sqrt: 3.0276503540974917 (numpy std ddof=1).
  EXPECT_NEAR(s.stddev, 3.0276503540974917, 1e-12);
  EXPECT_DOUBLE_EQ(s.min, 1.0);
  EXPECT_DOUBLE_EQ(s.max, 10.0);
  EXPECT_TRUE(s.outliers.empty());
}

TEST(SummarizeTest, SampleStandardDeviation) {
  // mean 5, squared deviations sum to 32, sqrt(32 / 7) = 2.138089935299395.
  const std::vector<double> v = {2, 4, 4, 4, 5, 5, 7, 9};
  EXPECT_NEAR(Summarize(v).stddev, 2.138089935299395, 1e-12);
}

TEST(SummarizeTest, FiveValuesReportMinMaxWithTrueCoverage) {
  const std::vector<double> v = {3, 5, 1, 4, 2};
  const Summary s = Summarize(v);
  EXPECT_DOUBLE_EQ(s.ci_low, 1.0);
  EXPECT_DOUBLE_EQ(s.ci_high, 5.0);
  EXPECT_DOUBLE_EQ(s.ci_confidence, 0.9375);
}

TEST(SummarizeTest, OutliersAreFlaggedNotRemoved) {
  const std::vector<double> v = {10.1, 10.3, 9.9, 10.0, 10.2, 14.0, 10.1};
  const Summary s = Summarize(v);
  EXPECT_EQ(s.n, 7u);
  EXPECT_DOUBLE_EQ(s.max, 14.0);
  EXPECT_EQ(s.outliers, std::vector<std::size_t>{5});
}

TEST(SummarizeTest, SingleValue) {
  const std::vector<double> v = {4.0};
  const Summary s = Summarize(v);
  EXPECT_DOUBLE_EQ(s.median, 4.0);
  EXPECT_DOUBLE_EQ(s.stddev, 0.0);
  EXPECT_DOUBLE_EQ(s.ci_confidence, 0.0);
}

TEST(SummarizeTest, RejectsEmptyAndNonFinite) {
  EXPECT_THROW(Summarize(std::vector<double>{}), Error);
  EXPECT_THROW(Summarize(std::vector<double>{1.0, std::nan("")}), Error);
  EXPECT_THROW(Summarize(std::vector<double>{1.0, 2.0}, 1.5), Error);
}

}  // namespace
}  // namespace benchctl
