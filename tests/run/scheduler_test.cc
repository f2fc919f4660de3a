// The interleaved order (harness/run/scheduler.h): seeded Fisher–Yates rounds.
#include "scheduler.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <set>
#include <vector>

namespace benchctl {
namespace {

TEST(SchedulerTest, EveryRoundIsAPermutationOfTheJobs) {
  auto order = InterleavedOrder(7, 5, 42);
  ASSERT_EQ(order.size(), 5u);
  std::vector<std::size_t> all(7);
  std::iota(all.begin(), all.end(), std::size_t{0});
  for (auto round : order) {
    ASSERT_EQ(round.size(), 7u);
    std::sort(round.begin(), round.end());
    EXPECT_EQ(round, all);
  }
}

TEST(SchedulerTest, SameSeedSameOrder) {
  EXPECT_EQ(InterleavedOrder(10, 4, 123), InterleavedOrder(10, 4, 123));
  EXPECT_EQ(InterleavedOrder(10, 4, 0), InterleavedOrder(10, 4, 0));
}

TEST(SchedulerTest, DifferentSeedsGiveDifferentOrders) {
  // 10! orders per round and 4 rounds: a collision would mean the seed is ignored.
  EXPECT_NE(InterleavedOrder(10, 4, 1), InterleavedOrder(10, 4, 2));
  std::set<std::vector<std::vector<std::size_t>>> seen;
  for (std::uint64_t seed = 0; seed < 20; ++seed) seen.insert(InterleavedOrder(10, 4, seed));
  EXPECT_EQ(seen.size(), 20u);
}

TEST(SchedulerTest, RoundsAreShuffledIndependently) {
  // With one seed, the rounds must not all repeat the first one.
  auto order = InterleavedOrder(10, 6, 99);
  bool some_round_differs = false;
  for (const auto& round : order) some_round_differs |= round != order[0];
  EXPECT_TRUE(some_round_differs);
}

TEST(SchedulerTest, ShufflesActuallyMoveJobs) {
  // Over many seeds each job should appear first at least once among 10 jobs.
  std::set<std::size_t> first;
  for (std::uint64_t seed = 0; seed < 200; ++seed)
    first.insert(InterleavedOrder(10, 1, seed)[0][0]);
  EXPECT_EQ(first.size(), 10u);
}

TEST(SchedulerTest, EdgeCases) {
  EXPECT_TRUE(InterleavedOrder(3, 0, 1).empty());
  auto one = InterleavedOrder(1, 3, 1);
  EXPECT_EQ(one, (std::vector<std::vector<std::size_t>>{{0}, {0}, {0}}));
  auto none = InterleavedOrder(0, 2, 1);
  ASSERT_EQ(none.size(), 2u);
  EXPECT_TRUE(none[0].empty());
}

}  // namespace
}  // namespace benchctl
