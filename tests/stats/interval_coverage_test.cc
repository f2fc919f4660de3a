// Coverages of the median interval for small n, worked out by hand: the interval is
// [X(r), X(n+1-r)] with the largest r whose 1 - 2 P(B <= r - 1), B ~ Binomial(n, 1/2),
// reaches 95%, else r = 1 with 1 - 2 / 2^n.
#include "interval_coverage.h"

#include <gtest/gtest.h>

#include "error.h"

namespace benchctl {
namespace {

TEST(IntervalCoverageTest, ExactCoverageForTwoToTenProcesses) {
  EXPECT_DOUBLE_EQ(MedianIntervalCoverage(2), 0.5);           // 1 - 2/4
  EXPECT_DOUBLE_EQ(MedianIntervalCoverage(3), 0.75);          // 1 - 2/8
  EXPECT_DOUBLE_EQ(MedianIntervalCoverage(4), 0.875);         // 1 - 2/16
  EXPECT_DOUBLE_EQ(MedianIntervalCoverage(5), 0.9375);        // 1 - 2/32
  EXPECT_DOUBLE_EQ(MedianIntervalCoverage(6), 0.96875);       // 1 - 2/64
  EXPECT_DOUBLE_EQ(MedianIntervalCoverage(7), 0.984375);      // 1 - 2/128
  EXPECT_DOUBLE_EQ(MedianIntervalCoverage(8), 0.9921875);     // r=2 gives 1 - 18/256 < 0.95
  EXPECT_DOUBLE_EQ(MedianIntervalCoverage(9), 0.9609375);     // r=2: 1 - 2*10/512
  EXPECT_DOUBLE_EQ(MedianIntervalCoverage(10), 0.978515625);  // r=2: 1 - 2*11/1024
}

TEST(IntervalCoverageTest, OneValueHasNoInterval) {
  EXPECT_DOUBLE_EQ(MedianIntervalCoverage(0), 0);
  EXPECT_DOUBLE_EQ(MedianIntervalCoverage(1), 0);
  EXPECT_EQ(CoverageLabelForProcesses(1), "no CI");
}

TEST(IntervalCoverageTest, LabelsNeverClaimMoreThanTheCoverage) {
  EXPECT_EQ(CoverageLabelForProcesses(2), "50% CI");
  EXPECT_EQ(CoverageLabelForProcesses(3), "75% CI");
  EXPECT_EQ(CoverageLabelForProcesses(4), "87.5% CI");
  EXPECT_EQ(CoverageLabelForProcesses(5), "93.7% CI");  // 93.75 rounded down.
  EXPECT_EQ(CoverageLabelForProcesses(6), "95% CI");
  EXPECT_EQ(CoverageLabelForProcesses(10), "95% CI");
  EXPECT_EQ(CoverageLabel(0.94999), "94.9% CI");
}

TEST(IntervalCoverageTest, RejectsALevelOutsideZeroOne) {
  EXPECT_THROW((void)MedianIntervalCoverage(5, 1.5), Error);
  EXPECT_THROW((void)MedianIntervalCoverage(1, 0), Error);
}

}  // namespace
}  // namespace benchctl
