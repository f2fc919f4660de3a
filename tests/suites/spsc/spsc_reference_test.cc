// The spsc suite's reference values and parameter checks (workloads/spsc/SPEC.md).
#include "spsc_reference.h"

#include <gtest/gtest.h>

namespace benchctl {
namespace {

TEST(SpscReference, SequenceSumIsTheClosedFormModTwoToThe64) {
  EXPECT_EQ(SequenceSum(0), 0u);
  EXPECT_EQ(SequenceSum(1), 0u);
  EXPECT_EQ(SequenceSum(2000), 1999000u);
  EXPECT_EQ(SequenceSum(65536), 2147450880u);
  EXPECT_EQ(SequenceSum(1u << 20), 549755289600u);
  // 2^33 (2^33 - 1) / 2 = 2^65 - 2^32, which wraps to -2^32 mod 2^64.
  EXPECT_EQ(SequenceSum(std::uint64_t{1} << 33), ~std::uint64_t{0} - 0xFFFFFFFFu);
  // An odd count: 2^33 + 1 items sum to (2^33 + 1) 2^32 = 2^65 + 2^32 = 2^32 mod 2^64.
  EXPECT_EQ(SequenceSum((std::uint64_t{1} << 33) + 1), std::uint64_t{1} << 32);
}

TEST(SpscReference, ExpectedValuesNameTheirCounts) {
  EXPECT_EQ(ExpectedThroughputValue(65536),
            (nlohmann::json{{"items", 65536}, {"sum", 2147450880u}}));
  EXPECT_EQ(ExpectedLatencyValue(2000), (nlohmann::json{{"round_trips", 2000}, {"sum", 1999000}}));
}

TEST(SpscReference, CapacityMustBeAPowerOfTwoInRange) {
  EXPECT_EQ(CheckCapacity("1024"), "");
  EXPECT_EQ(CheckCapacity("2"), "");
  EXPECT_EQ(CheckCapacity("16777216"), "");
  EXPECT_EQ(CheckCapacity("1000"), "not a power of two");
  EXPECT_EQ(CheckCapacity("1"), "out of range 2 to 16777216");
  EXPECT_EQ(CheckCapacity("33554432"), "out of range 2 to 16777216");
  EXPECT_EQ(CheckCapacity("1k"), "not a whole number");
  EXPECT_EQ(CheckCapacity("-2"), "not a whole number");
  EXPECT_EQ(CheckCapacity(""), "not a whole number");
}

TEST(SpscReference, ItemsMustFillWholeHalfRings) {
  EXPECT_EQ(CheckItemsFitCapacity(1u << 20, 1024), "");
  EXPECT_EQ(CheckItemsFitCapacity(512, 1024), "");
  std::string problem = CheckItemsFitCapacity(1000, 1024);
  EXPECT_NE(problem.find("items=1000 is not a multiple of capacity/2 = 512"), std::string::npos)
      << problem;
  EXPECT_NE(problem.find("items=1024"), std::string::npos) << problem;
}

TEST(SpscReference, PlacementNeedsTwoDistinctCpus) {
  EXPECT_EQ(CheckPlacementCounters({{"producer_cpu", 0}, {"consumer_cpu", 1}}), "");
  EXPECT_NE(
      CheckPlacementCounters({{"producer_cpu", 1}, {"consumer_cpu", 1}}).find("both ran on CPU 1"),
      std::string::npos);
  EXPECT_NE(CheckPlacementCounters({{"producer_cpu", 0}}).find("consumer_cpu"), std::string::npos);
  EXPECT_NE(CheckPlacementCounters({{"producer_cpu", "0"}, {"consumer_cpu", 1}}).find("placement"),
            std::string::npos);
}

}  // namespace
}  // namespace benchctl
