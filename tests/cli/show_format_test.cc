// `benchctl show --format md|csv|json` (show_summary.h): a row per job and metric, names
// escaped for each format; and the command's options.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "atomic_file.h"
#include "result_file.h"
#include "run_fixtures.h"
#include "show_summary.h"
#include "test_support.h"

namespace benchctl {
namespace {

using testing::JobShape;
using testing::MakeJob;
using testing::MakeRun;

constexpr int kUsage = 2;

RunResult TwoJobs() {
  JobShape quoted;
  quoted.impl = "=cmd|\"x\",y";  // A formula, a quote, a comma and a Markdown table bar.
  quoted.language = "rust";
  RunResult run =
      MakeRun({MakeJob(JobShape{}, {1000, 1100, 1200}), MakeJob(quoted, {2000, 2100, 2200})});
  run.jobs[0].spec.params = {{"capacity", "64"}, {"producers", "2"}};
  return run;
}

TEST(ShowFormatTest, JsonHasARowPerJobAndMetricWithCoverageAndN) {
  nlohmann::json rows = nlohmann::json::parse(RenderSummaryRows(TwoJobs(), "json"));
  ASSERT_TRUE(rows.is_array());
  const nlohmann::json* time = nullptr;
  for (const auto& row : rows) {
    if (row["id"] == "json/rust-serde/parse-dom/twitter-1MB" && row["metric"] == "time_ns") {
      time = &row;
    }
  }
  ASSERT_NE(time, nullptr) << rows.dump(1);
  EXPECT_EQ((*time)["suite"], "json");
  EXPECT_EQ((*time)["operation"], "parse-dom");
  EXPECT_EQ((*time)["input"], "twitter-1MB");
  EXPECT_EQ((*time)["params"], "capacity=64,producers=2");
  EXPECT_EQ((*time)["implementation"], "rust-serde");
  EXPECT_EQ((*time)["language"], "rust");
  EXPECT_EQ((*time)["unit"], "ns");
  EXPECT_DOUBLE_EQ((*time)["median"].get<double>(), 1100);
  EXPECT_DOUBLE_EQ((*time)["ci_low"].get<double>(), 1000);
  EXPECT_DOUBLE_EQ((*time)["ci_high"].get<double>(), 1200);
  EXPECT_DOUBLE_EQ((*time)["coverage"].get<double>(), 0.75);  // Three processes.
  EXPECT_EQ((*time)["n"], 3);
  // Every job has its built-in metrics (time, RSS, CPU...), not only time.
  EXPECT_GT(rows.size(), 4u);
}

TEST(ShowFormatTest, CsvQuotesAndDefusesNames) {
  const std::string csv = RenderSummaryRows(TwoJobs(), "csv");
  EXPECT_TRUE(
      csv.starts_with("id,suite,operation,input,params,implementation,language,metric,"
                      "unit,median,ci_low,ci_high,coverage,n\n"))
      << csv;
  EXPECT_NE(csv.find(",\"capacity=64,producers=2\","), std::string::npos) << csv;
  EXPECT_NE(csv.find(",\"'=cmd|\"\"x\"\",y\","), std::string::npos) << csv;
  EXPECT_NE(csv.find(",time_ns,ns,1100,1000,1200,0.75,3\n"), std::string::npos) << csv;
}

TEST(ShowFormatTest, MarkdownEscapesTheTableBar) {
  const std::string md = RenderSummaryRows(TwoJobs(), "md");
  EXPECT_TRUE(md.starts_with("| id | suite |")) << md;
  EXPECT_NE(md.find("| --- |"), std::string::npos) << md;
  EXPECT_NE(md.find("=cmd\\|"), std::string::npos) << md;
  EXPECT_EQ(md.find("=cmd|"), std::string::npos) << md;
}

TEST(ShowFormatTest, AFailedJobHasNoRows) {
  RunResult run = TwoJobs();
  run.jobs.push_back(testing::MakeFailedJob(JobShape{}, "wrong answer"));
  run.jobs.back().spec.id = "json/failed";
  EXPECT_EQ(RenderSummaryRows(run, "csv").find("json/failed"), std::string::npos);
}

TEST(ShowFormatTest, CommandTakesFormatAndWide) {
  testing::TempDir tmp;
  const auto file = tmp / "r.json";
  WriteFileAtomically(file, RunResultToJson(TwoJobs()).dump());
  auto csv = testing::RunBenchctl({"show", file.string(), "--format", "csv"});
  EXPECT_EQ(csv.exit_code, 0) << csv.output;
  EXPECT_NE(csv.output.find("id,suite,operation"), std::string::npos) << csv.output;
  auto wide = testing::RunBenchctl({"show", file.string(), "--wide"});
  EXPECT_EQ(wide.exit_code, 0) << wide.output;
  EXPECT_NE(wide.output.find("time per op: median"), std::string::npos) << wide.output;
  auto text = testing::RunBenchctl({"show", file.string()});
  EXPECT_EQ(text.exit_code, 0) << text.output;
  EXPECT_NE(text.output.find("time per op [75% CI]"), std::string::npos) << text.output;
  auto bad = testing::RunBenchctl({"show", file.string(), "--format", "xml"});
  EXPECT_EQ(bad.exit_code, kUsage) << bad.output;
  EXPECT_NE(bad.output.find("--format"), std::string::npos) << bad.output;
}

}  // namespace
}  // namespace benchctl
