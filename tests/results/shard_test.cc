// Sharding (harness/results/shard.h): every job of a real plan in exactly one shard for each N,
// shards that do not move when jobs are added, and --shard values refused with a clear message.
#include "shard.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "error.h"
#include "test_support.h"

namespace benchctl {
namespace {

// The 102 job ids of a full `run --suite json` plan (every implementation × operation × input).
std::vector<std::string> RealPlanIds() {
  std::ifstream in(testing::DataDir() / "shard" / "json-plan-job-ids.txt");
  std::vector<std::string> ids;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) ids.push_back(line);
  }
  return ids;
}

std::string ParseError(const std::string& text) {
  try {
    ParseShardSpec(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(ShardTest, Fnv1a64IsTheStandardHash) {
  // Published FNV-1a 64 test vectors: the hash must never change, or shards of one run made
  // by two benchctl builds would not fit together.
  EXPECT_EQ(Fnv1a64(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(Fnv1a64("a"), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(Fnv1a64("foobar"), 0x85944171f73967e8ull);
}

TEST(ShardTest, ParsesIndexAndCount) {
  EXPECT_EQ(ParseShardSpec("1/1"), (ShardSpec{1, 1}));
  EXPECT_EQ(ParseShardSpec("2/4"), (ShardSpec{2, 4}));
  EXPECT_EQ(ParseShardSpec("7/7"), (ShardSpec{7, 7}));
}

TEST(ShardTest, RefusesBadValuesNamingThem) {
  testing::ExpectMentions(ParseError("0/3"), {"--shard 0/3", "numbered from 1", "1 <= I <= N"});
  testing::ExpectMentions(ParseError("4/3"), {"--shard 4/3", "I is larger than N"});
  testing::ExpectMentions(ParseError("x/y"), {"--shard x/y", "whole numbers"});
  testing::ExpectMentions(ParseError("3"), {"--shard 3", "no '/'"});
  testing::ExpectMentions(ParseError("1/0"), {"--shard 1/0", "N is out of range"});
  testing::ExpectMentions(ParseError("1/1001"), {"N is out of range"});
  for (const char* bad : {"-1/3", "1/3/", " 1/3", "1/3 ", "+1/3", "1.0/3", "/3", "1/"}) {
    EXPECT_FALSE(ParseError(bad).empty()) << bad;
  }
}

TEST(ShardTest, ShardsOfARealPlanAreDisjointAndCoverIt) {
  const std::vector<std::string> ids = RealPlanIds();
  ASSERT_EQ(ids.size(), 102u);
  for (int count = 1; count <= 7; ++count) {
    std::vector<std::set<std::string>> shards(static_cast<std::size_t>(count));
    for (const auto& id : ids) {
      int shard = ShardOfKey(id, count);
      ASSERT_GE(shard, 1);
      ASSERT_LE(shard, count);
      shards[static_cast<std::size_t>(shard - 1)].insert(id);
    }
    std::set<std::string> all;
    std::size_t sizes = 0;
    for (const auto& shard : shards) {
      sizes += shard.size();
      all.insert(shard.begin(), shard.end());
      // A hash spreads 102 jobs: no shard of up to 7 is empty (a fixed fact of these ids).
      EXPECT_FALSE(shard.empty()) << count;
    }
    EXPECT_EQ(sizes, ids.size()) << count;                                   // Disjoint...
    EXPECT_EQ(all, std::set<std::string>(ids.begin(), ids.end())) << count;  // ...and covering.
  }
}

TEST(ShardTest, AddingJobsMovesNoOtherJob) {
  std::vector<std::string> ids = RealPlanIds();
  std::vector<std::string> grown = ids;
  grown.insert(grown.begin(), "json/cpp-new/parse-dom/twitter-1MB");
  grown.push_back("json/rust-new/serialize/canada-1MB");
  for (int count = 1; count <= 7; ++count) {
    std::map<std::string, int> before;
    for (const auto& id : ids) before[id] = ShardOfKey(id, count);
    for (const auto& id : grown) {
      if (before.contains(id)) EXPECT_EQ(ShardOfKey(id, count), before[id]) << id;
    }
  }
}

TEST(ShardTest, BothSidesOfAnAbJobShareAShard) {
  JobSpec base, candidate;
  base.id = "json/cpp-simdjson/parse-dom/twitter-1MB@base";
  base.build_label = "base";
  candidate.id = "json/cpp-simdjson/parse-dom/twitter-1MB@candidate";
  candidate.build_label = "candidate";
  EXPECT_EQ(ShardKey(base), "json/cpp-simdjson/parse-dom/twitter-1MB");
  EXPECT_EQ(ShardKey(candidate), ShardKey(base));
  JobSpec plain;
  plain.id = "startup/cpp/start@x";  // An '@' that is no A/B label stays.
  EXPECT_EQ(ShardKey(plain), "startup/cpp/start@x");
}

}  // namespace
}  // namespace benchctl
