// The protocol core of the C++ workload library (workloads/lib/cpp/benchlib_core.h): its pure
// functions with hand-computed values, its messages read back by the harness's parser, and
// the bytes it writes to a pipe.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>

#include "benchlib_core.h"
#include "protocol.h"
#include "test_support.h"

namespace benchctl {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

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

// The message of the benchlib::Error that `f` throws, or "" if it throws none.
std::string ErrorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const benchlib::Error& e) {
    return e.what();
  }
  return "";
}

TEST(BenchlibFilesTest, WriteThenReadRoundTripsAndErrorsNameTheFile) {
  testing::TempDir dir;
  const std::string path = (dir / "out.json").string();
  benchlib::WriteFile(path, std::string("{\"a\":1}\n\0end", 12));
  EXPECT_EQ(benchlib::ReadFile(path), std::string("{\"a\":1}\n\0end", 12));
  const std::string missing = (dir / "missing.json").string();
  testing::ExpectMentions(ErrorOf([&] { benchlib::ReadFile(missing); }), {missing, "cannot open"});
  testing::ExpectMentions(ErrorOf([&] { benchlib::WriteFile((dir / "no/dir").string(), "x"); }),
                          {"no/dir", "cannot write"});
}

TEST(BenchlibFilesTest, CurrentRssKbReadsThisProcess) { EXPECT_GT(benchlib::CurrentRssKb(), 0); }

// Everything written to the read end of a pipe by a Connection on its write end.
std::string SentOnPipe(const std::function<void(const benchlib::Connection&)>& send) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  benchlib::Options options;
  options.fd = fds[1];
  send(benchlib::Connection(options));
  close(fds[1]);
  std::string bytes;
  char chunk[4096];
  for (ssize_t n; (n = read(fds[0], chunk, sizeof chunk)) > 0;) bytes.append(chunk, n);
  close(fds[0]);
  return bytes;
}

TEST(BenchlibConnectionTest, SendsLinesUnchangedAndErrorsAsMessages) {
  EXPECT_EQ(SentOnPipe([](const benchlib::Connection& c) {
              c.Send(benchlib::SetupMessage(7));
              c.SendError("in.json: bad");
            }),
            "{\"rss_kb\":7,\"schema\":1,\"type\":\"setup\"}\n"
            "{\"message\":\"in.json: bad\",\"schema\":1,\"type\":\"error\"}\n");
}

TEST(BenchlibConnectionTest, SendErrorSurvivesAPipeThatFails) {
  benchlib::Options options;
  options.fd = -1;  // not a descriptor, so every write fails
  EXPECT_NO_THROW(benchlib::Connection(options).SendError("x"));
  EXPECT_THROW(benchlib::Connection(options).Send("x\n"), benchlib::Error);
}

}  // namespace
}  // namespace benchctl
