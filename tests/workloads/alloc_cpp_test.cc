// The alloc suite's shared C++ code (workloads/alloc/shared/cpp/): the random stream's first
// outputs, every operation's verification value on the SPEC's small cases for each tier's
// allocation (heap: unique_ptr over operator new; arena: std::pmr), the batch histogram and
// its counters, the parameter checks and their messages, the release of a deep request
// without recursion, and whole measurements read back from the result line.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "alloc/shared/cpp/arena_tier.h"
#include "alloc/shared/cpp/binary_trees.h"
#include "alloc/shared/cpp/churn.h"
#include "alloc/shared/cpp/driver.h"
#include "alloc/shared/cpp/heap_tier.h"
#include "alloc/shared/cpp/histogram.h"
#include "alloc/shared/cpp/params.h"
#include "alloc/shared/cpp/request_arena.h"
#include "alloc/shared/cpp/splitmix64.h"
#include "benchlib.h"

namespace benchctl {
namespace {

TEST(AllocSplitMix64Test, FirstOutputsFromZeroAreTheSpecs) {
  alloc::SplitMix64 random(0);
  EXPECT_EQ(random.Next(), 0xE220A8397B1DCDAFu);
  EXPECT_EQ(random.Next(), 0x6E789E6AA1B965F4u);
  EXPECT_EQ(random.Next(), 0x06C45D188009454Fu);
}

TEST(AllocSplitMix64Test, TheStateWrapsMod2To64) {
  // Seeded 2^64 - 0x9E3779B97F4A7C15: the first step wraps the state to 0, whose mix is 0, and
  // the second gives the first output of the stream seeded 0.
  alloc::SplitMix64 random(0 - std::uint64_t{0x9E3779B97F4A7C15});
  EXPECT_EQ(random.Next(), 0u);
  EXPECT_EQ(random.Next(), 0xE220A8397B1DCDAFu);
}

// SPEC's verification value for binary-trees, computed from check(bottomUp(d)) = 2^(d+1) - 1.
alloc::BinaryTreesResult ExpectedTrees(int depth) {
  const auto nodes = [](int d) { return (std::uint64_t{1} << (d + 1)) - 1; };
  alloc::BinaryTreesResult r;
  r.stretch = nodes(depth + 1);
  for (int d = 4; d <= depth; d += 2) {
    const std::uint64_t n = std::uint64_t{1} << (depth - d + 4);
    r.trees.push_back({d, n, n * nodes(d)});
  }
  r.long_lived = nodes(depth);
  return r;
}

template <class Tree>
void ExpectBinaryTrees() {
  const alloc::BinaryTreesResult six = alloc::BinaryTrees<Tree>(6);
  EXPECT_EQ(six.stretch, 255u);
  ASSERT_EQ(six.trees.size(), 2u);
  EXPECT_EQ(six.trees[0], (alloc::TreesOfDepth{4, 64, 64 * 31}));
  EXPECT_EQ(six.trees[1], (alloc::TreesOfDepth{6, 16, 16 * 127}));
  EXPECT_EQ(six.long_lived, 127u);
  EXPECT_EQ(six, ExpectedTrees(6));
  EXPECT_EQ(alloc::BinaryTrees<Tree>(10), ExpectedTrees(10));
}

TEST(AllocBinaryTreesTest, HeapTreesCheckAsTheSpecComputes) {
  ExpectBinaryTrees<alloc::HeapTree>();
}

TEST(AllocBinaryTreesTest, ArenaTreesCheckAsTheSpecComputes) {
  ExpectBinaryTrees<alloc::ArenaTree>();
}

TEST(AllocBinaryTreesTest, ADepthBelowSixIsRaisedToSix) {
  EXPECT_EQ(alloc::BinaryTrees<alloc::HeapTree>(2), ExpectedTrees(6));
}

TEST(AllocBinaryTreesTest, ALeafIsOneNodeAndATreeOfDepthDHas2ToDPlus1MinusOne) {
  EXPECT_EQ(alloc::Check(alloc::HeapTree(0).root()), 1u);
  EXPECT_EQ(alloc::Check(alloc::ArenaTree(0).root()), 1u);
  EXPECT_EQ(alloc::Check(alloc::HeapTree(3).root()), 15u);
  EXPECT_EQ(alloc::Check(alloc::ArenaTree(12).root()), 8191u);
}

TEST(AllocBinaryTreesTest, VerificationJsonHasTheSpecsShape) {
  EXPECT_EQ(alloc::BinaryTreesJson(alloc::BinaryTrees<alloc::HeapTree>(10)),
            nlohmann::json::parse(R"({"stretch":4095,"trees":[[4,1024,31744],[6,256,32512],)"
                                  R"([8,64,32704],[10,16,32752]],"long_lived":2047})"));
}

TEST(AllocChurnTest, ChecksumsAreTheSpecsSmallCases) {
  alloc::Churn small(1000, 20000, 42);
  EXPECT_EQ(small.Run(nullptr), (alloc::ChurnResult{20000, 5118772}));
  alloc::Churn quick(10000, 200000, 42);
  EXPECT_EQ(quick.Run(nullptr), (alloc::ChurnResult{200000, 50961184}));
}

TEST(AllocChurnTest, EveryIterationStartsEmptyAndDoesTheSameWork) {
  alloc::Churn churn(1000, 20000, 42);
  EXPECT_EQ(churn.Run(nullptr).checksum, 5118772u);
  EXPECT_EQ(churn.Run(nullptr).checksum, 5118772u);
}

TEST(AllocChurnTest, OneOperationReadsNothingThenItsOwnBlockAtTheEnd) {
  // One op into one slot: nothing to free first; the final pass reads b at both ends.
  alloc::SplitMix64 random(7);
  random.Next();  // slot
  random.Next();  // size class
  random.Next();  // size within it
  const std::uint64_t b = random.Next() & 0xFF;
  alloc::Churn churn(1, 1, 7);
  EXPECT_EQ(churn.Run(nullptr), (alloc::ChurnResult{1, 2 * b}));
}

TEST(AllocChurnTest, SizesCoverTheFourRangesWithinBounds) {
  alloc::SplitMix64 random(1);
  std::map<int, int> per_range;
  for (int i = 0; i < 20000; ++i) {
    const std::size_t size = alloc::DrawBlockSize(random);
    ASSERT_GE(size, 16u);
    ASSERT_LE(size, 65536u);
    per_range[size <= 256 ? 0 : size <= 4096 ? 1 : size <= 32768 ? 2 : 3]++;
  }
  // 60 / 30 / 9 / 1 percent, loosely.
  EXPECT_NEAR(per_range[0], 12000, 600);
  EXPECT_NEAR(per_range[1], 6000, 400);
  EXPECT_NEAR(per_range[2], 1800, 200);
  EXPECT_NEAR(per_range[3], 200, 80);
}

TEST(AllocChurnTest, BatchesOfEightAreRecordedOnlyIntoAGivenHistogram) {
  alloc::Histogram batches;
  alloc::Churn churn(10, 100, 3);  // 12 batches, 4 operations left over
  churn.Run(nullptr);
  EXPECT_EQ(batches.count(), 0u);
  churn.Run(&batches);
  EXPECT_EQ(batches.count(), 12u);
  churn.Run(&batches);
  EXPECT_EQ(batches.count(), 24u);
  EXPECT_GT(batches.max(), 0u);
}

TEST(AllocHistogramTest, BucketsAndQuantilesAreSpscs) {
  using alloc::Histogram;
  EXPECT_EQ(Histogram::BucketOf(63), 63u);
  EXPECT_EQ(Histogram::BucketOf(64), 64u);
  EXPECT_EQ(Histogram::BucketOf(1000), 190u);  // e 9, 1000 >> 4 = 62 -> s 30
  EXPECT_EQ(Histogram::BucketOf(std::numeric_limits<std::uint64_t>::max()), 1919u);
  EXPECT_EQ(Histogram::LowerBound(190), 992u);
  Histogram h;
  for (std::uint64_t v = 1; v <= 100; ++v) h.Record(v);
  EXPECT_EQ(h.ChurnCounters(), (benchlib::Counters{{"churn_batch_p50_ns", 50},
                                                   {"churn_batch_p99_ns", 98},
                                                   {"churn_batch_p999_ns", 100},
                                                   {"churn_batch_max_ns", 100},
                                                   {"churn_batches", 100}}));
  h.Clear();
  EXPECT_EQ(h.ChurnCounters().at("churn_batches"), 0);
  EXPECT_EQ(h.ChurnCounters().at("churn_batch_p50_ns"), 0);
}

template <class Request>
void ExpectRequests() {
  EXPECT_EQ(alloc::ServeRequests<Request>(20, 500, 42),
            (alloc::RequestsResult{20, 13882999698149200982u}));
  EXPECT_EQ(alloc::ServeRequests<Request>(2, 5, 42),
            (alloc::RequestsResult{2, 13850122870799849890u}));
}

TEST(AllocRequestArenaTest, HeapRequestsGiveTheSpecsChecksums) {
  ExpectRequests<alloc::HeapRequest>();
}

TEST(AllocRequestArenaTest, ArenaRequestsGiveTheSpecsChecksums) {
  ExpectRequests<alloc::ArenaRequest>();
}

TEST(AllocRequestArenaTest, AOneNodeRequestIsItsRootAlone) {
  alloc::SplitMix64 random(9);
  const std::uint64_t value = random.Next();
  const std::uint64_t len = 8 + value % 57;
  EXPECT_EQ(alloc::ServeRequest<alloc::HeapRequest>(9, 1), value + len + (value & 0xFF));
  EXPECT_EQ(alloc::ServeRequest<alloc::ArenaRequest>(9, 1), value + len + (value & 0xFF));
}

TEST(AllocRequestArenaTest, AChildIsItsParentsFirstChildAndOneDeeper) {
  alloc::HeapRequest request(3);
  auto& root = alloc::AddNode(request, 100, 0);
  auto& a = alloc::AddNode(request, 200, 1);
  auto& b = alloc::AddNode(request, 300, 1);
  a.next_sibling = root.first_child;
  root.first_child = &a;
  b.next_sibling = root.first_child;
  root.first_child = &b;
  EXPECT_EQ(a.len, 8u + 200 % 57);
  EXPECT_EQ(a.payload[a.len - 1], 200u);
  EXPECT_EQ(b.payload[0], 300u & 0xFF);
  // (100 ^ 0) + 51 + 100, (200 ^ 1) + 37 + 200, (300 ^ 1) + 23 + 44
  EXPECT_EQ(alloc::WalkChecksum(request[0], request.NewStack()),
            (100 + 51 + 100) + (201 + 37 + 200) + (301 + 23 + 44));
}

template <class Request>
void BuildAndReleaseAChain(std::size_t nodes) {
  Request request(nodes);
  alloc::AddNode(request, 1, 0);
  for (std::size_t i = 1; i < nodes; ++i) {
    auto& parent = request[i - 1];
    auto& child = alloc::AddNode(request, i, parent.depth + 1);
    parent.first_child = &child;
  }
  EXPECT_EQ(request[nodes - 1].depth, nodes - 1);
  std::uint64_t expected = 0;
  for (std::size_t i = 0; i < nodes; ++i) {
    const std::uint64_t value = i == 0 ? 1 : i;
    expected += (value ^ i) + (8 + value % 57) + (value & 0xFF);
  }
  EXPECT_EQ(alloc::WalkChecksum(request[0], request.NewStack()), expected);
}  // released here: a recursive release of a 10^6-deep chain would overflow the stack

TEST(AllocRequestArenaTest, AMillionDeepChainIsWalkedAndReleasedWithoutRecursion) {
  BuildAndReleaseAChain<alloc::HeapRequest>(1'000'000);
  BuildAndReleaseAChain<alloc::ArenaRequest>(1'000'000);
}

std::optional<std::string> Lookup(const std::map<std::string, std::string>& values,
                                  std::string_view name) {
  const auto it = values.find(std::string(name));
  return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
}

alloc::Params Parse(const std::map<std::string, std::string>& values) {
  return alloc::ParseParams([&](std::string_view name) { return Lookup(values, name); });
}

std::string ParseError(const std::map<std::string, std::string>& values) {
  try {
    Parse(values);
  } catch (const benchlib::Error& e) {
    return e.what();
  }
  return "no error";
}

const std::map<std::string, std::string> kGood = {
    {"OP", "churn"},    {"DEPTH", "10"},  {"LIVE", "1000"}, {"OPS", "20000"},
    {"REQUESTS", "20"}, {"NODES", "500"}, {"SEED", "42"}};

std::map<std::string, std::string> With(const std::string& name, const std::string& value) {
  std::map<std::string, std::string> values = kGood;
  values[name] = value;
  return values;
}

TEST(AllocParamsTest, ReadsEveryParameter) {
  const alloc::Params p = Parse(kGood);
  EXPECT_EQ(p.operation, alloc::Operation::kChurn);
  EXPECT_EQ(p.depth, 10);
  EXPECT_EQ(p.live, 1000u);
  EXPECT_EQ(p.ops, 20000u);
  EXPECT_EQ(p.requests, 20u);
  EXPECT_EQ(p.nodes, 500u);
  EXPECT_EQ(p.seed, 42u);
  EXPECT_EQ(Parse(With("OP", "binary-trees")).operation, alloc::Operation::kBinaryTrees);
  EXPECT_EQ(Parse(With("OP", "request-arena")).operation, alloc::Operation::kRequestArena);
  EXPECT_EQ(Parse(With("SEED", "18446744073709551615")).seed,
            std::numeric_limits<std::uint64_t>::max());
  EXPECT_EQ(Parse(With("DEPTH", "24")).depth, 24);
  EXPECT_EQ(Parse(With("OPS", "1000000000")).ops, 1'000'000'000u);
}

TEST(AllocParamsTest, ErrorsNameTheParameterAndItsRule) {
  EXPECT_EQ(ParseError(With("OP", "sort")),
            "BENCHCTL_PARAM_OP=sort is not an operation of alloc (binary-trees, churn or "
            "request-arena)");
  EXPECT_EQ(ParseError(With("DEPTH", "5")), "BENCHCTL_PARAM_DEPTH=5 is not an integer in 6 ... 24");
  EXPECT_EQ(ParseError(With("DEPTH", "ten")),
            "BENCHCTL_PARAM_DEPTH=ten is not an integer in 6 ... 24");
  EXPECT_EQ(ParseError(With("LIVE", "0")),
            "BENCHCTL_PARAM_LIVE=0 is not an integer in 1 ... 1000000");
  EXPECT_EQ(ParseError(With("OPS", "1000000001")),
            "BENCHCTL_PARAM_OPS=1000000001 is not an integer in 1 ... 1000000000");
  EXPECT_EQ(ParseError(With("REQUESTS", "-3")),
            "BENCHCTL_PARAM_REQUESTS=-3 is not an integer in 1 ... 1000000");
  EXPECT_EQ(ParseError(With("NODES", "5 ")),
            "BENCHCTL_PARAM_NODES=5  is not an integer in 1 ... 1000000");
  EXPECT_EQ(ParseError(With("SEED", "18446744073709551616")),
            "BENCHCTL_PARAM_SEED=18446744073709551616 is not an integer in 0 ... 2^64 - 1");
  std::map<std::string, std::string> missing = kGood;
  missing.erase("NODES");
  EXPECT_EQ(ParseError(missing), "parameter BENCHCTL_PARAM_NODES is unset");
}

// The lines `measure` writes through a Session on a pipe.
std::vector<nlohmann::json> Messages(const benchlib::Options& settings,
                                     const std::function<void(benchlib::Session&)>& measure) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  benchlib::Options options = settings;
  options.fd = fds[1];
  benchlib::Session session(options);
  measure(session);
  close(fds[1]);
  std::string bytes;
  char chunk[4096];
  for (ssize_t n; (n = read(fds[0], chunk, sizeof chunk)) > 0;) bytes.append(chunk, n);
  close(fds[0]);
  std::vector<nlohmann::json> messages;
  std::istringstream lines(bytes);
  for (std::string line; std::getline(lines, line);) {
    messages.push_back(nlohmann::json::parse(line));
  }
  return messages;
}

benchlib::Options TwoSamplesOfThree() {
  benchlib::Options options;
  options.warmup = 1;
  options.samples = 2;
  options.iterations = 3;
  return options;
}

TEST(AllocDriverTest, ChurnRecordsEveryTimedBatchAndNoOther) {
  alloc::Params params = Parse(kGood);
  params.live = 100;
  params.ops = 1001;  // 125 batches, one operation left over
  const auto messages = Messages(TwoSamplesOfThree(), [&](benchlib::Session& session) {
    alloc::MeasureOperation<alloc::HeapTier>(session, params, {{"tier_counter", 7}});
  });
  ASSERT_EQ(messages.size(), 2u);
  const nlohmann::json& result = messages[1];
  EXPECT_EQ(result["verification"]["ops"], 1001);
  EXPECT_EQ(result["verification"]["checksum"], alloc::Churn(100, 1001, 42).Run(nullptr).checksum);
  EXPECT_EQ(result["mismatches"], 0);
  const nlohmann::json& counters = result["counters"];
  EXPECT_EQ(counters["churn_batches"], 2 * 3 * 125);  // samples x iterations x floor(OPS/8)
  EXPECT_LE(counters["churn_batch_p50_ns"], counters["churn_batch_p99_ns"]);
  EXPECT_LE(counters["churn_batch_p999_ns"], counters["churn_batch_max_ns"]);
  EXPECT_GE(counters["cpu_per_iteration_ns"], 0);
  EXPECT_EQ(counters["tier_counter"], 7);
}

TEST(AllocDriverTest, BinaryTreesAndRequestArenaReportCpuTimeAndTheirValues) {
  alloc::Params params = Parse(kGood);
  params.operation = alloc::Operation::kBinaryTrees;
  params.depth = 6;
  auto messages = Messages(TwoSamplesOfThree(), [&](benchlib::Session& session) {
    alloc::MeasureOperation<alloc::ArenaTier>(session, params, {});
  });
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[1]["verification"], alloc::BinaryTreesJson(ExpectedTrees(6)));
  EXPECT_EQ(messages[1]["mismatches"], 0);
  EXPECT_TRUE(messages[1]["counters"].contains("cpu_per_iteration_ns"));
  EXPECT_FALSE(messages[1]["counters"].contains("churn_batches"));

  params.operation = alloc::Operation::kRequestArena;
  params.requests = 2;
  params.nodes = 5;
  messages = Messages(TwoSamplesOfThree(), [&](benchlib::Session& session) {
    alloc::MeasureOperation<alloc::HeapTier>(session, params, {});
  });
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[1]["verification"],
            (nlohmann::json{{"requests", 2}, {"checksum", 13850122870799849890u}}));
  EXPECT_EQ(messages[1]["mismatches"], 0);
  EXPECT_TRUE(messages[1]["counters"].contains("cpu_per_iteration_ns"));
}

TEST(AllocDriverTest, TheArenaTierRefusesChurn) {
  const alloc::Params params = Parse(kGood);
  std::string error = "no error";
  Messages(TwoSamplesOfThree(), [&](benchlib::Session& session) {
    try {
      alloc::MeasureOperation<alloc::ArenaTier>(session, params, {});
    } catch (const benchlib::Error& e) {
      error = e.what();
    }
  });
  EXPECT_EQ(error,
            "BENCHCTL_PARAM_OP=churn is not an operation of this tier (an arena frees all at once, "
            "churn frees blocks one by one)");
}

}  // namespace
}  // namespace benchctl
