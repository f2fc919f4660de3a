// `benchctl report`: exit codes and error text for what a user can get wrong, and what an
// incomplete file gives.
#include <gtest/gtest.h>

#include "result_file.h"
#include "run_fixtures.h"
#include "test_support.h"

namespace benchctl {
namespace {

using testing::ExpectMentions;
using testing::JobShape;
using testing::MakeJob;
using testing::MakeRun;
using testing::ReadText;
using testing::RunBenchctl;
using testing::TempDir;
using testing::Times;
using testing::WriteText;

constexpr int kUsage = 2;

JobShape Impl(const std::string& impl, const std::string& language) {
  JobShape s;
  s.impl = impl;
  s.language = language;
  return s;
}

RunResult TwoImpls() {
  return MakeRun({MakeJob(Impl("rust-serde", "rust"), Times(1e6, 8)),
                  MakeJob(Impl("cpp-simdjson", "cpp"), Times(5e5, 8))});
}

std::string Save(const TempDir& dir, const std::string& name, const RunResult& run) {
  const std::string path = (dir / name).string();
  WriteText(path, RunResultToJson(run).dump(1));
  return path;
}

TEST(ReportCliTest, WritesHtmlAndMarkdownWithItsCharts) {
  TempDir dir;
  const std::string run = Save(dir, "run.json", TwoImpls());
  CommandResult r = RunBenchctl(
      {"report", run, "--html", (dir / "r.html").string(), "--md", (dir / "r.md").string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string html = ReadText(dir / "r.html");
  EXPECT_NE(html.find("<svg "), std::string::npos);
  EXPECT_NE(ReadText(dir / "r.md").find("](r-files/chart-1.svg)"), std::string::npos);
  EXPECT_NE(ReadText(dir / "r-files" / "chart-1.svg").find("<svg "), std::string::npos);
}

TEST(ReportCliTest, AMissingOrTruncatedFileIsAUsageErrorNamingIt) {
  TempDir dir;
  CommandResult r =
      RunBenchctl({"report", (dir / "nope.json").string(), "--html", (dir / "r.html").string()});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(r.output, {"nope.json"});
  const std::string whole = RunResultToJson(TwoImpls()).dump();
  WriteText(dir / "cut.json", whole.substr(0, whole.size() / 2));
  r = RunBenchctl({"report", (dir / "cut.json").string(), "--html", (dir / "r.html").string()});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(r.output, {"cut.json"});
  EXPECT_FALSE(std::filesystem::exists(dir / "r.html"));
}

TEST(ReportCliTest, ABadOutputPathIsRefusedBeforeAnyWork) {
  TempDir dir;
  const std::string run = Save(dir, "run.json", TwoImpls());
  CommandResult r =
      RunBenchctl({"report", run, "--html", (dir / "no-such-folder" / "r.html").string()});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(r.output, {"--html", "no-such-folder", "does not exist"});
  r = RunBenchctl({"report", run, "--md", dir.path().string()});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(r.output, {"--md", "is a folder"});
  r = RunBenchctl({"report", run, "--html", run});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(r.output, {"is the result file being read"});
  EXPECT_EQ(ReadText(run), RunResultToJson(TwoImpls()).dump(1));
  r = RunBenchctl({"report", run});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(r.output, {"--html", "--md"});
}

TEST(ReportCliTest, AnIncompleteFileIsReportedWithABanner) {
  TempDir dir;
  RunResult run = TwoImpls();
  run.complete = false;
  run.stop_reason = "interrupted by SIGINT";
  run.config.order.assign(10, {0, 1});  // 20 planned, 16 ran.
  CommandResult r =
      RunBenchctl({"report", Save(dir, "part.json", run), "--html", (dir / "r.html").string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string html = ReadText(dir / "r.html");
  EXPECT_NE(html.find("INCOMPLETE (interrupted by SIGINT): 16 of 20 planned processes ran"),
            std::string::npos);
  EXPECT_NE(html.find("class=\"banner warning\""), std::string::npos);
}

TEST(ReportCliTest, TwoRunsWithNoBenchmarkInCommonAreAUsageError) {
  TempDir dir;
  RunResult other = MakeRun({MakeJob(Impl("cpp-hello", "cpp"), Times(1e6, 8))});
  other.config.suite = "startup";
  other.jobs[0].spec.suite = "startup";
  CommandResult r = RunBenchctl({"report", Save(dir, "a.json", TwoImpls()),
                                 Save(dir, "b.json", other), "--html", (dir / "r.html").string()});
  EXPECT_EQ(r.exit_code, kUsage) << r.output;
  ExpectMentions(r.output, {"a.json and", "b.json", "share no benchmark", "same suite"});
  r = RunBenchctl({"report", Save(dir, "c.json", TwoImpls()), (dir / "a.json").string(), "--html",
                   (dir / "r.html").string()});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(ReadText(dir / "r.html").find("Changes:"), std::string::npos);
}

}  // namespace
}  // namespace benchctl

namespace benchctl {
namespace {

// A claim about rust-serde against cpp-simdjson, which TwoImpls measures, and one about a
// suite the file does not hold.
constexpr const char* kClaims = R"({"claims_version": 1,
  "source": {"title": "An <em>article</em>", "year": 2026},
  "claims": [
    {"id": "C1", "text": "serde is <b>2x</b> simdjson", "notes": "",
     "ratio": {"metric": "time_ns",
       "numerator": {"suite": "json", "operation": "parse-dom", "impl": "rust-serde"},
       "denominator": {"suite": "json", "operation": "parse-dom", "impl": "cpp-simdjson"}},
     "test": {"between": [1.5, 2.5]}},
    {"id": "C2", "text": "Go is slow", "notes": "",
     "value": {"metric": "time_ns", "of": {"suite": "alloc", "operation": "churn", "impl": "go-default"}},
     "test": {"below": 1000}}]})";

TEST(ReportCliTest, ClaimsTheRunMeasuresGetASectionBeforeTheProvenance) {
  TempDir dir;
  WriteText(dir / "claims" / "c.json", kClaims);
  const std::string run = Save(dir, "run.json", TwoImpls());
  CommandResult r = RunBenchctl(
      {"report", run, "--claims", (dir / "claims").string(), "--html", (dir / "r.html").string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string html = ReadText(dir / "r.html");
  const auto claims = html.find("Published claims");
  ASSERT_NE(claims, std::string::npos);
  EXPECT_LT(claims, html.find("Provenance"));
  EXPECT_NE(html.find("C1: serde is &lt;b&gt;2x&lt;/b&gt; simdjson"), std::string::npos);
  EXPECT_NE(html.find("holds"), std::string::npos);
  EXPECT_NE(html.find("1 more claims are not measured"), std::string::npos);
  EXPECT_EQ(html.find("C2: Go is slow"), std::string::npos);  // Not measured: not listed.

  // A run no claim is about has no claims section.
  WriteText(dir / "other" / "c.json",
            std::string(kClaims).replace(std::string(kClaims).find("\"suite\": \"json\""), 15,
                                         "\"suite\": \"spsc\""));
  r = RunBenchctl(
      {"report", run, "--claims", (dir / "other").string(), "--html", (dir / "r2.html").string()});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(ReadText(dir / "r2.html").find("Published claims"), std::string::npos);
}

}  // namespace
}  // namespace benchctl
