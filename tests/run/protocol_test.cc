// Parsing the workload protocol's lines (harness/run/protocol.h, workloads/PROTOCOL.md).
#include "protocol.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace benchctl {
namespace {

const std::string kSetup = R"({"schema":1,"type":"setup","rss_kb":10240})";
const std::string kResult =
    R"({"schema":1,"type":"result","verification":{"sum":15},"iterations":4,)"
    R"("warmup_ns":[400],"samples_ns":[800,1200,1000],"mismatches":0,)"
    R"("counters":{"bytes_per_iteration":123}})";

TEST(ProtocolTest, ValidSetupAndResult) {
  ProtocolReport r = ParseProtocol({kSetup, kResult});
  EXPECT_EQ(r.violation, "");
  ASSERT_TRUE(r.setup_rss_kb.has_value());
  EXPECT_EQ(*r.setup_rss_kb, 10240);
  ASSERT_TRUE(r.result.has_value());
  EXPECT_EQ(r.result->verification, nlohmann::json({{"sum", 15}}));
  EXPECT_EQ(r.result->iterations, 4);
  EXPECT_EQ(r.result->warmup_ns, std::vector<double>{400});
  EXPECT_EQ(r.result->samples_ns, (std::vector<double>{800, 1200, 1000}));
  EXPECT_EQ(r.result->mismatches, 0);
  EXPECT_EQ(r.result->counters, nlohmann::json({{"bytes_per_iteration", 123}}));
  EXPECT_FALSE(r.error_message.has_value());
}

TEST(ProtocolTest, WarmupAndCountersAreOptional) {
  ProtocolReport r = ParseProtocol(
      {R"({"schema":1,"type":"result","verification":null,"iterations":1,"samples_ns":[5],"mismatches":2})"});
  EXPECT_EQ(r.violation, "");
  ASSERT_TRUE(r.result.has_value());
  EXPECT_TRUE(r.result->verification.is_null());
  EXPECT_TRUE(r.result->warmup_ns.empty());
  EXPECT_EQ(r.result->mismatches, 2);
  EXPECT_EQ(r.result->counters, nlohmann::json::object());
}

TEST(ProtocolTest, NoLinesIsNoReport) {
  ProtocolReport r = ParseProtocol({});
  EXPECT_EQ(r.violation, "");
  EXPECT_FALSE(r.setup_rss_kb.has_value());
  EXPECT_FALSE(r.result.has_value());
}

TEST(ProtocolTest, ErrorMessageIsKept) {
  ProtocolReport r =
      ParseProtocol({kSetup, R"({"schema":1,"type":"error","message":"input.json: bad byte"})"});
  EXPECT_EQ(r.violation, "");
  ASSERT_TRUE(r.error_message.has_value());
  EXPECT_EQ(*r.error_message, "input.json: bad byte");
  EXPECT_EQ(ParseProtocol({R"({"schema":1,"type":"error"})"}).error_message, "(no message)");
}

// Each (line, words the violation must contain).
struct BadLine {
  std::string line;
  std::vector<std::string> words;
};

TEST(ProtocolTest, EachBrokenResultIsAViolationNamingTheField) {
  const std::string head = R"({"schema":1,"type":"result",)";
  const std::vector<BadLine> cases = {
      {head + R"("iterations":1,"samples_ns":[1],"mismatches":0})", {"verification"}},
      {head + R"("verification":1,"samples_ns":[1],"mismatches":0})", {"iterations", ">= 1"}},
      {head + R"("verification":1,"iterations":0,"samples_ns":[1],"mismatches":0})",
       {"iterations"}},
      {head + R"("verification":1,"iterations":1.5,"samples_ns":[1],"mismatches":0})",
       {"iterations"}},
      {head + R"("verification":1,"iterations":1,"mismatches":0})", {"samples_ns", "array"}},
      {head + R"("verification":1,"iterations":1,"samples_ns":[],"mismatches":0})",
       {"samples_ns", "empty"}},
      {head + R"("verification":1,"iterations":1,"samples_ns":[-1],"mismatches":0})",
       {"samples_ns", "non-negative"}},
      {head + R"("verification":1,"iterations":1,"samples_ns":["1"],"mismatches":0})",
       {"samples_ns"}},
      {head + R"("verification":1,"iterations":1,"samples_ns":[1],"warmup_ns":3,"mismatches":0})",
       {"warmup_ns"}},
      {head + R"("verification":1,"iterations":1,"samples_ns":[1]})", {"mismatches"}},
      {head + R"("verification":1,"iterations":1,"samples_ns":[1],"mismatches":0,"counters":[]})",
       {"counters", "object"}},
  };
  for (const BadLine& c : cases) {
    SCOPED_TRACE(c.line);
    ProtocolReport r = ParseProtocol({kSetup, c.line});
    EXPECT_FALSE(r.result.has_value());
    for (const auto& w : c.words) EXPECT_NE(r.violation.find(w), std::string::npos) << r.violation;
  }
}

TEST(ProtocolTest, SetupNeedsANonNegativeIntegerRss) {
  for (const char* line :
       {R"({"schema":1,"type":"setup"})", R"({"schema":1,"type":"setup","rss_kb":-1})",
        R"({"schema":1,"type":"setup","rss_kb":"10"})"}) {
    SCOPED_TRACE(line);
    EXPECT_NE(ParseProtocol({line}).violation.find("rss_kb"), std::string::npos);
  }
}

TEST(ProtocolTest, GarbageIsNotAJsonObject) {
  ProtocolReport r = ParseProtocol({kSetup, "hello world", kResult});
  EXPECT_NE(r.violation.find("not a JSON object"), std::string::npos) << r.violation;
  EXPECT_NE(r.violation.find("hello world"), std::string::npos) << r.violation;
  EXPECT_FALSE(r.result.has_value());  // Parsing stops at the first violation.
  EXPECT_EQ(ParseProtocol({"[1,2]"}).violation.find("not a JSON object") != std::string::npos,
            true);
}

TEST(ProtocolTest, QuotedGarbageIsCutAndControlCharactersHidden) {
  ProtocolReport r = ParseProtocol({std::string(200, 'x') + "\t"});
  EXPECT_NE(r.violation.find(std::string(80, 'x') + "..."), std::string::npos);
  EXPECT_EQ(r.violation.find(std::string(81, 'x')), std::string::npos);
  EXPECT_EQ(ParseProtocol({"a\x01z"}).violation.find('\x01'), std::string::npos);
}

TEST(ProtocolTest, UnknownTypeIsAViolation) {
  ProtocolReport r = ParseProtocol({kSetup, R"({"schema":1,"type":"progress"})"});
  EXPECT_NE(r.violation.find("unknown protocol message type \"progress\""), std::string::npos)
      << r.violation;
  EXPECT_NE(ParseProtocol({R"({"schema":1})"}).violation.find("unknown"), std::string::npos);
}

TEST(ProtocolTest, WrongOrMissingSchemaIsAViolation) {
  ProtocolReport r = ParseProtocol({R"({"schema":2,"type":"setup","rss_kb":1})"});
  EXPECT_NE(r.violation.find("schema 2"), std::string::npos) << r.violation;
  EXPECT_NE(r.violation.find("speaks 1"), std::string::npos) << r.violation;
  EXPECT_FALSE(r.setup_rss_kb.has_value());
  EXPECT_NE(ParseProtocol({R"({"type":"setup","rss_kb":1})"}).violation.find("schema missing"),
            std::string::npos);
  EXPECT_NE(ParseProtocol({R"({"schema":"1","type":"setup","rss_kb":1})"}).violation.find("schema"),
            std::string::npos);
}

TEST(ProtocolTest, AnyMessageAfterTheResultIsAViolation) {
  ProtocolReport r = ParseProtocol({kSetup, kResult, kSetup});
  EXPECT_NE(r.violation.find("after the final result"), std::string::npos) << r.violation;
  EXPECT_TRUE(r.result.has_value());  // What came before is kept.
  EXPECT_NE(ParseProtocol({kResult, kResult}).violation.find("after the final result"),
            std::string::npos);
}

}  // namespace
}  // namespace benchctl
