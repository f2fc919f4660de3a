// The in-process loop of the C++ workload library (workloads/lib/cpp/benchlib.h): its
// calibration step, with hand-computed values. The protocol core is benchlib_core_cpp_test.cc.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "benchlib.h"

namespace benchctl {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

TEST(BenchlibNextIterationsTest, FollowsTheProtocolFormula) {
  // max(n + 1, min(10 n, ceil(1.2 n target / elapsed)))
  EXPECT_EQ(benchlib::NextIterations(1, 500, 1000), 3);      // ceil(2.4) = 3.
  EXPECT_EQ(benchlib::NextIterations(10, 999, 1000), 13);    // ceil(12.012) = 13.
  EXPECT_EQ(benchlib::NextIterations(1, 1, 1000000), 10);    // Capped at 10 n.
  EXPECT_EQ(benchlib::NextIterations(100, 999, 1000), 121);  // ceil(120.12) = 121.
  EXPECT_EQ(benchlib::NextIterations(7, 900, 1000), 10);     // ceil(9.333) = 10.
}

TEST(BenchlibNextIterationsTest, ExactQuotientIsNotRoundedUp) {
  // 1.2 * 5 * 1000 / 600 = 10 exactly; a floating 1.2 would give 10.000000000000002 → 11.
  EXPECT_EQ(benchlib::NextIterations(5, 600, 1000), 10);
  EXPECT_EQ(benchlib::NextIterations(10, 1200, 1000), 11);  // 1.2*10*1000/1200 = 10 → n + 1.
}

TEST(BenchlibNextIterationsTest, AlwaysGrowsByAtLeastOne) {
  EXPECT_EQ(benchlib::NextIterations(4, 5000, 1000), 5);  // ceil(0.96) = 1 → n + 1.
}

TEST(BenchlibNextIterationsTest, ZeroElapsedTakesTheTenfoldStep) {
  EXPECT_EQ(benchlib::NextIterations(1, 0, 1000), 10);
  EXPECT_EQ(benchlib::NextIterations(3, 0, 1000), 30);
}

TEST(BenchlibNextIterationsTest, SaturatesInsteadOfOverflowing) {
  EXPECT_EQ(benchlib::NextIterations(kMax / 2, 1, kMax), kMax);
  EXPECT_EQ(benchlib::NextIterations(kMax, 1, 2), kMax);
}

}  // namespace
}  // namespace benchctl
