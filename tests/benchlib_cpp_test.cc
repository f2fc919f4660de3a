// The pure functions of the C++ protocol library (workloads/lib/cpp/benchlib.h),
// with hand-computed values, and its messages read back by the harness's parser.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <map>
#include <string>

#include "benchlib.h"
#include "protocol.h"

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

TEST(BenchlibParseVmRssKbTest, ReadsTheVmRssLine) {
  EXPECT_EQ(
      benchlib::ParseVmRssKb("Name:\tx\nVmPeak:\t  9999 kB\nVmRSS:\t    1234 kB\nThreads: 1\n"),
      1234);
  EXPECT_EQ(benchlib::ParseVmRssKb("VmRSS: 77 kB"), 77);  // Last line, no newline.
  EXPECT_EQ(benchlib::ParseVmRssKb("VmRSS:\t0 kB\n"), 0);
}

TEST(BenchlibParseVmRssKbTest, AbsentOrMalformedIsNullopt) {
  EXPECT_EQ(benchlib::ParseVmRssKb(""), std::nullopt);
  EXPECT_EQ(benchlib::ParseVmRssKb("Name:\tx\nVmHWM:\t5 kB\n"), std::nullopt);
  EXPECT_EQ(benchlib::ParseVmRssKb("VmRSS:\tlots kB\n"), std::nullopt);
  EXPECT_EQ(benchlib::ParseVmRssKb(" VmRSS:\t5 kB\n"), std::nullopt);  // Must start the line.
}

TEST(BenchlibParseIntegerTest, DecimalWithinRange) {
  EXPECT_EQ(benchlib::ParseInteger("42", 0), 42);
  EXPECT_EQ(benchlib::ParseInteger("9223372036854775807", 0), kMax);
  EXPECT_EQ(benchlib::ParseInteger("9223372036854775808", 0), std::nullopt);
  EXPECT_EQ(benchlib::ParseInteger("0", 1), std::nullopt);
  EXPECT_EQ(benchlib::ParseInteger("-1", 0), std::nullopt);
  EXPECT_EQ(benchlib::ParseInteger("", 0), std::nullopt);
  EXPECT_EQ(benchlib::ParseInteger("12a", 0), std::nullopt);
  EXPECT_EQ(benchlib::ParseInteger(" 1", 0), std::nullopt);
}

benchlib::EnvLookup Env(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](const char* name) -> const char* {
    auto it = vars.find(name);
    return it == vars.end() ? nullptr : it->second.c_str();
  };
}

std::map<std::string, std::string> GoodEnv() {
  return {{"BENCHCTL_PROTOCOL", "1"},   {"BENCHCTL_FD", "3"},
          {"BENCHCTL_WARMUP", "2"},     {"BENCHCTL_SAMPLES", "5"},
          {"BENCHCTL_ITERATIONS", "0"}, {"BENCHCTL_MIN_SAMPLE_NS", "20000000"}};
}

TEST(BenchlibParseOptionsTest, ReadsEverySetting) {
  benchlib::Options o = benchlib::ParseOptions(Env(GoodEnv()));
  EXPECT_EQ(o.fd, 3);
  EXPECT_EQ(o.warmup, 2);
  EXPECT_EQ(o.samples, 5);
  EXPECT_EQ(o.iterations, 0);
  EXPECT_EQ(o.min_sample_ns, 20000000);
}

std::string UsageErrorOf(std::map<std::string, std::string> vars) {
  try {
    benchlib::ParseOptions(Env(std::move(vars)));
  } catch (const benchlib::UsageError& e) {
    return e.what();
  }
  return "";
}

TEST(BenchlibParseOptionsTest, ErrorsNameTheVariable) {
  auto env = GoodEnv();
  env.erase("BENCHCTL_PROTOCOL");
  EXPECT_EQ(UsageErrorOf(env), "BENCHCTL_PROTOCOL is unset, this library speaks protocol 1");
  env = GoodEnv();
  env["BENCHCTL_PROTOCOL"] = "2";
  EXPECT_EQ(UsageErrorOf(env), "BENCHCTL_PROTOCOL is '2', this library speaks protocol 1");
  env = GoodEnv();
  env.erase("BENCHCTL_FD");
  EXPECT_EQ(UsageErrorOf(env), "BENCHCTL_FD is unset");
  env = GoodEnv();
  env["BENCHCTL_SAMPLES"] = "0";
  EXPECT_EQ(UsageErrorOf(env), "BENCHCTL_SAMPLES='0' is not an integer >= 1");
  env = GoodEnv();
  env["BENCHCTL_FD"] = "99999999999";
  EXPECT_EQ(UsageErrorOf(env), "BENCHCTL_FD is out of range");
}

TEST(BenchlibMessagesTest, SetupAndErrorLines) {
  EXPECT_EQ(benchlib::SetupMessage(1234), "{\"rss_kb\":1234,\"schema\":1,\"type\":\"setup\"}\n");
  EXPECT_EQ(benchlib::ErrorMessage("bad input"),
            "{\"message\":\"bad input\",\"schema\":1,\"type\":\"error\"}\n");
  // Invalid UTF-8 is replaced, never thrown.
  std::string line = benchlib::ErrorMessage("file \xff.json");
  EXPECT_NE(line.find("\xef\xbf\xbd"), std::string::npos);
}

TEST(BenchlibMessagesTest, ResultLineCarriesTheMeasurement) {
  benchlib::Measurement m{8, {900}, {800, 1600}, 0};
  std::string line = benchlib::ResultMessage({{"sum", 15}}, m, {{"bytes_per_iteration", 99}});
  ASSERT_EQ(line.back(), '\n');
  nlohmann::json j = nlohmann::json::parse(line);
  EXPECT_EQ(j, nlohmann::json({{"schema", 1},
                               {"type", "result"},
                               {"verification", {{"sum", 15}}},
                               {"iterations", 8},
                               {"warmup_ns", {900}},
                               {"samples_ns", {800, 1600}},
                               {"mismatches", 0},
                               {"counters", {{"bytes_per_iteration", 99}}}}));
  EXPECT_FALSE(nlohmann::json::parse(benchlib::ResultMessage(1, m, {})).contains("counters"));
}

TEST(BenchlibMessagesTest, TheHarnessReadsWhatTheLibraryWrites) {
  benchlib::Measurement m{4, {}, {400, 800}, 1};
  std::string setup = benchlib::SetupMessage(2048);
  std::string result = benchlib::ResultMessage({{"sum", 3}}, m, {});
  ProtocolReport r =
      ParseProtocol({setup.substr(0, setup.size() - 1), result.substr(0, result.size() - 1)});
  EXPECT_EQ(r.violation, "");
  EXPECT_EQ(r.setup_rss_kb, 2048);
  ASSERT_TRUE(r.result.has_value());
  EXPECT_EQ(r.result->iterations, 4);
  EXPECT_EQ(r.result->mismatches, 1);
  EXPECT_EQ(r.result->samples_ns, (std::vector<double>{400, 800}));
  std::string error = benchlib::ErrorMessage("x");
  EXPECT_EQ(ParseProtocol({error.substr(0, error.size() - 1)}).error_message, "x");
}

}  // namespace
}  // namespace benchctl
