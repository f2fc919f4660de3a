// wrk's script, command line and report (harness/http/wrk_load.h).
#include "wrk_load.h"

#include <gtest/gtest.h>

namespace benchctl {
namespace {

TEST(WrkLoad, ReadsTheReportLineAmongWrksOwnOutput) {
  const std::string out =
      "Running 1s test @ http://127.0.0.1:1/plaintext\n"
      "BENCHCTL_WRK {\"duration_us\":2000000,\"requests\":50000,\"bytes\":6000000,"
      "\"connect\":0,\"read\":0,\"write\":0,\"status\":0,\"timeout\":0,\"p50_us\":150,"
      "\"p90_us\":400,\"p99_us\":900,\"p999_us\":2000,\"mean_us\":210.5,\"max_us\":4000}\n";
  std::string problem;
  auto r = ParseWrkReport(out, problem);
  ASSERT_TRUE(r) << problem;
  EXPECT_DOUBLE_EQ(r->RequestsPerSecond(), 25000);
  EXPECT_DOUBLE_EQ(r->p99_us, 900);
  EXPECT_DOUBLE_EQ(r->mean_us, 210.5);
  EXPECT_EQ(r->Errors(), "");
}

TEST(WrkLoad, ErrorsAreListedInWords) {
  WrkReport r;
  r.read_errors = 3;
  r.non_2xx = 12;
  EXPECT_EQ(r.Errors(), "3 read errors, 12 non-2xx/3xx responses");
}

TEST(WrkLoad, AMissingOrBrokenReportIsAProblem) {
  std::string problem;
  EXPECT_FALSE(ParseWrkReport("Requests/sec: 5\n", problem));
  EXPECT_EQ(problem, "wrk printed no report (its script's done hook did not run)");
  EXPECT_FALSE(ParseWrkReport("BENCHCTL_WRK {\"requests\":5}\n", problem));
  EXPECT_NE(problem.find("lacks a number"), std::string::npos);
}

TEST(WrkLoad, PipeliningIsInTheScriptOnlyWhenAsked) {
  EXPECT_EQ(WrkScript(1, "/plaintext").find("request = function"), std::string::npos);
  const std::string deep = WrkScript(16, "/plaintext");
  EXPECT_NE(deep.find("for i = 1, 16 do"), std::string::npos);
  EXPECT_NE(deep.find("request = function() return pipelined end"), std::string::npos);
  EXPECT_NE(deep.find("done = function"), std::string::npos);
}

TEST(WrkLoad, OneThreadWholeSecondsLoopbackOnly) {
  EXPECT_EQ(WrkArgv("/usr/bin/wrk", "/s.lua", 8080, 64, 5, "/plaintext"),
            (std::vector<std::string>{"/usr/bin/wrk", "--threads", "1", "--connections", "64",
                                      "--duration", "5s", "--script", "/s.lua", "--latency",
                                      "http://127.0.0.1:8080/plaintext"}));
}

}  // namespace
}  // namespace benchctl
