// harness/report/svg_scale: ticks at 1-2-5 steps, log ticks at powers of ten, and the pixel
// mapping at both ends.
#include "svg_scale.h"

#include <gtest/gtest.h>

#include <cmath>

namespace benchctl {
namespace {

TEST(SvgScaleTest, LinearTicksUseOneTwoFiveStepsAndCoverTheRange) {
  EXPECT_EQ(LinearTicks(0, 10), (std::vector<double>{0, 2, 4, 6, 8, 10}));
  EXPECT_EQ(LinearTicks(0, 9.3), (std::vector<double>{0, 2, 4, 6, 8, 10}));
  EXPECT_EQ(LinearTicks(0, 1234), (std::vector<double>{0, 200, 400, 600, 800, 1000, 1200, 1400}));
  std::vector<double> small = LinearTicks(0.3, 0.72);
  ASSERT_FALSE(small.empty());
  EXPECT_NEAR(small.front(), 0.3, 1e-12);
  EXPECT_NEAR(small.back(), 0.8, 1e-12);
  EXPECT_NEAR(small[1] - small[0], 0.1, 1e-12);
  // One value: a range around it.
  std::vector<double> one = LinearTicks(5, 5);
  EXPECT_LE(one.front(), 5);
  EXPECT_GT(one.back(), 5);
  EXPECT_EQ(LinearTicks(0, 0).back(), 1);
}

TEST(SvgScaleTest, LogTicksArePowersOfTenOrOneTwoFiveWithinFewDecades) {
  EXPECT_EQ(LogTicks(1, 1000), (std::vector<double>{1, 10, 100, 1000}));
  EXPECT_EQ(LogTicks(3, 40000), (std::vector<double>{1, 10, 100, 1000, 10000, 100000}));
  // Less than three decades: 2 and 5 between the powers, trimmed to one tick past each end.
  std::vector<double> fine = LogTicks(0.9, 1.3);
  ASSERT_EQ(fine.size(), 3u);
  EXPECT_NEAR(fine[0], 0.5, 1e-12);
  EXPECT_NEAR(fine[1], 1, 1e-12);
  EXPECT_NEAR(fine[2], 2, 1e-12);
  std::vector<double> decade = LogTicks(15, 450);
  EXPECT_NEAR(decade.front(), 10, 1e-9);
  EXPECT_NEAR(decade.back(), 500, 1e-9);
}

TEST(SvgScaleTest, TheScaleMapsItsEndsAndIsLogOnlyForWideRanges) {
  Scale linear = Scale::Linear(0, 10, 100, 300);
  EXPECT_FALSE(linear.IsLog());
  EXPECT_DOUBLE_EQ(linear(0), 100);
  EXPECT_DOUBLE_EQ(linear(10), 300);
  EXPECT_DOUBLE_EQ(linear(5), 200);
  EXPECT_DOUBLE_EQ(linear(-3), 100);  // Clamped.
  Scale log = Scale::Log(1, 1000, 0, 300);
  EXPECT_TRUE(log.IsLog());
  EXPECT_DOUBLE_EQ(log(1), 0);
  EXPECT_NEAR(log(10), 100, 1e-9);
  EXPECT_NEAR(log(1000), 300, 1e-9);
  // A y axis grows upwards: pixel_high below pixel_low.
  Scale up = Scale::Linear(0, 10, 200, 0);
  EXPECT_DOUBLE_EQ(up(10), 0);
  EXPECT_FALSE(WantsLogScale(1, 20));
  EXPECT_TRUE(WantsLogScale(1, 21));
  EXPECT_FALSE(WantsLogScale(0, 1000));  // Zero has no log.
  EXPECT_TRUE(Scale::For(2, 2000, 0, 1).IsLog());
  EXPECT_FALSE(Scale::For(2, 20, 0, 1).IsLog());
}

}  // namespace
}  // namespace benchctl

namespace benchctl {
namespace {

TEST(SvgScaleTest, TicksAreNiceInTheUnitTheLabelsShow) {
  // 0..60,000 kB labelled in MiB: ticks at whole multiples of 1024 kB (20 MiB steps), not at
  // round kB values that read as 19.5 or 39.1 MiB.
  Scale mib = Scale::Linear(0, 60000, 0, 300, 1024);
  ASSERT_GE(mib.Ticks().size(), 2u);
  for (double tick : mib.Ticks()) {
    EXPECT_DOUBLE_EQ(std::fmod(tick, 20 * 1024.0), 0) << tick;
  }
  EXPECT_GE(mib.High(), 60000);
}

}  // namespace
}  // namespace benchctl
