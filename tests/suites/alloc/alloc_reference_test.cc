// The alloc suite's reference values (workloads/alloc/SPEC.md), against values computed by
// hand or by an independent replay of the SPEC's streams.
#include "alloc_reference.h"

#include <gtest/gtest.h>

namespace benchctl {
namespace {

TEST(AllocReference, SplitMix64MatchesItsPublishedFirstOutputs) {
  SplitMix64 rng(0);
  EXPECT_EQ(rng.Next(), 0xE220A8397B1DCDAFull);
  EXPECT_EQ(rng.Next(), 0x6E789E6AA1B965F4ull);
  EXPECT_EQ(rng.Next(), 0x06C45D188009454Full);
}

TEST(AllocReference, BinaryTreesChecksAreNodeCounts) {
  nlohmann::json v = BinaryTreesValue(10);
  EXPECT_EQ(v["stretch"], 4095);
  EXPECT_EQ(v["long_lived"], 2047);
  EXPECT_EQ(v["trees"],
            nlohmann::json::parse("[[4,1024,31744],[6,256,32512],[8,64,32704],[10,16,32752]]"));
  // Below 6 the program still runs at depth 6 (as the Benchmarks Game's does).
  EXPECT_EQ(BinaryTreesValue(3), BinaryTreesValue(6));
  EXPECT_EQ(BinaryTreesValue(6)["trees"], nlohmann::json::parse("[[4,64,1984],[6,16,2032]]"));
}

TEST(AllocReference, ChurnReplaysTheStream) {
  EXPECT_EQ(ChurnValue(1000, 20000, 42), (nlohmann::json{{"ops", 20000}, {"checksum", 5118772}}));
  EXPECT_EQ(ChurnValue(10000, 200000, 42)["checksum"], 50961184);
  // One slot, one operation: the final read of the block's first and last byte.
  SplitMix64 rng(7);
  rng.Next();
  rng.Next();
  rng.Next();
  const std::uint64_t b = rng.Next() & 0xFF;
  EXPECT_EQ(ChurnValue(1, 1, 7)["checksum"], 2 * b);
}

TEST(AllocReference, RequestArenaReplaysEveryRequest) {
  EXPECT_EQ(RequestArenaValue(20, 500, 42),
            (nlohmann::json{{"requests", 20}, {"checksum", 13882999698149200982ull}}));
  EXPECT_EQ(RequestArenaValue(2, 5, 42)["checksum"], 13850122870799849890ull);
  // One node: the root alone, depth 0.
  SplitMix64 rng(9);
  const std::uint64_t v = rng.Next();
  EXPECT_EQ(RequestArenaValue(1, 1, 9)["checksum"], v + 8 + v % 57 + (v & 0xFF));
}

TEST(AllocReference, ASizeThatDoesNotFitInHalfTheAvailableMemoryIsRefused) {
  const std::uint64_t gib = std::uint64_t{1} << 30;
  // depth 24: 2^27 nodes of 32 bytes = 4 GiB.
  EXPECT_EQ(CheckPeakFits(24, 1000, 500, 8 * gib), "");
  std::string problem = CheckPeakFits(24, 1000, 500, 8 * gib - 1);
  EXPECT_NE(problem.find("depth=24 live=1000 nodes=500 would need about 4.0 GiB"),
            std::string::npos)
      << problem;
  EXPECT_NE(problem.find("choose smaller values"), std::string::npos) << problem;
  // live 1,000,000 slots of about 10 KiB: 9.5 GiB.
  EXPECT_NE(CheckPeakFits(10, 1'000'000, 500, 16 * gib), "");
  // Unknown memory: nothing to check against.
  EXPECT_EQ(CheckPeakFits(24, 1'000'000, 1'000'000, std::nullopt), "");
}

TEST(AllocReference, PeakEstimates) {
  EXPECT_EQ(BinaryTreesPeakBytes(10), 8192.0 * 32);
  EXPECT_EQ(ChurnPeakBytes(1000), 1000.0 * 10240);
  EXPECT_EQ(RequestArenaPeakBytes(2000), 2000.0 * 160);
}

}  // namespace
}  // namespace benchctl
