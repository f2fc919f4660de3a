// harness/report: the document a run gives (groups, charts, tables, banners, provenance), the
// comparison of two runs, and the HTML page's escaping.
#include "report_builder.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>

#include "compare.h"
#include "error.h"
#include "report_groups.h"
#include "report_html.h"
#include "run_fixtures.h"
#include "test_support.h"

namespace benchctl {
namespace {

using testing::JobShape;
using testing::MakeJob;
using testing::MakeRun;
using testing::Times;

std::size_t Count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++n;
  }
  return n;
}

JobShape Impl(const std::string& impl, const std::string& language) {
  JobShape s;
  s.impl = impl;
  s.language = language;
  return s;
}

RunResult ThreeLanguages(std::size_t processes = 8) {
  RunResult run = MakeRun({MakeJob(Impl("rust-serde", "rust"), Times(1e6, processes)),
                           MakeJob(Impl("go-stdlib", "go"), Times(2e6, processes)),
                           MakeJob(Impl("cpp-simdjson", "cpp"), Times(5e5, processes))});
  run.config.suite_details = {{"reference_language", "cpp"}};
  return run;
}

const ReportSection* Find(const ReportDocument& doc, const std::string& title_start) {
  for (const auto& s : doc.sections) {
    if (s.title.rfind(title_start, 0) == 0) return &s;
  }
  return nullptr;
}

TEST(ReportBuilderTest, AGroupHasTimeMemoryAndRatioChartsAndARowPerImplementation) {
  RunResult run = ThreeLanguages();
  ReportDocument doc = BuildRunReport(run, "run.json");
  const ReportSection* group = Find(doc, "json · parse-dom · twitter-1MB");
  ASSERT_NE(group, nullptr);
  ASSERT_EQ(group->charts.size(), 3u);  // Time, peak RSS, ratio to the fastest.
  EXPECT_EQ(Count(group->charts[0].svg, "<circle class=\"dot\""), 3u * 8u);
  EXPECT_EQ(Count(group->charts[1].svg, "<circle class=\"dot\""), 3u * 8u);
  EXPECT_EQ(Count(group->charts[2].svg, "<circle class=\"estimate\""), 2u);
  ASSERT_FALSE(group->tables.empty());
  const ReportTable& main = group->tables[0];
  ASSERT_EQ(main.rows.size(), 3u);
  EXPECT_EQ(main.rows[0][0], "cpp-simdjson");  // Sorted by time.
  EXPECT_EQ(main.rows[0][4], "1.00× (fastest)");
  // The ratio is LogRatio over the per-process times, as `show` computes it.
  ShiftEstimate r = LogRatio(Times(5e5, 8), Times(2e6, 8));
  EXPECT_EQ(main.rows[2][4],
            fmt::format("{:.2f}× [{:.2f}, {:.2f}]", r.estimate, r.ci_low, r.ci_high));
  EXPECT_EQ(main.rows[2][3], "95% CI");
  // The language summary compares with the fastest C++.
  const ReportSection* languages = Find(doc, "Languages");
  ASSERT_NE(languages, nullptr);
  EXPECT_EQ(languages->tables[0].rows.size(), 3u);
  EXPECT_NE(Find(doc, "Provenance"), nullptr);
  EXPECT_TRUE(doc.banners.empty() || doc.banners[0].kind == BannerKind::kInfo);
}

TEST(ReportBuilderTest, QuickRunsAndFewProcessesAreLabelled) {
  RunResult run = ThreeLanguages(5);
  run.config.quick = true;
  ReportDocument doc = BuildRunReport(run, "quick.json");
  ASSERT_GE(doc.banners.size(), 2u);
  EXPECT_EQ(doc.banners[0].kind, BannerKind::kWarning);
  EXPECT_NE(doc.banners[0].text.find("not for citing"), std::string::npos);
  EXPECT_NE(doc.banners[1].text.find("only 5 verified processes"), std::string::npos);
  const ReportSection* group = Find(doc, "json · parse-dom");
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->tables[0].rows[0][3], "93.7% CI");
}

TEST(ReportBuilderTest, ProvenanceNamesTheCommandsToReproduce) {
  RunResult run = ThreeLanguages();
  run.config.extra["command"] = {"benchctl", "run", "--suite", "json", "--impl", "a b"};
  ReportDocument doc = BuildRunReport(run, "my run.json");
  const ReportSection* p = Find(doc, "Provenance");
  ASSERT_NE(p, nullptr);
  std::map<std::string, std::string> facts;
  for (const auto& f : p->facts) facts[f.key] = f.value;
  EXPECT_EQ(facts["reproduce"], "benchctl reproduce 'my run.json'");
  EXPECT_EQ(facts["original command"], "benchctl run --suite json --impl 'a b'");
  EXPECT_EQ(facts["rust version"], "rustc 1.90.0");
  EXPECT_EQ(facts["rust build command"], "cargo build --release");
  EXPECT_NE(facts["input twitter-1MB"].find("sha256 aa11"), std::string::npos);
  EXPECT_NE(facts["benchctl"].find("0123456789abcdef"), std::string::npos);
}

TEST(ReportBuilderTest, TwoRunsGiveAForestPlotAndRunsWithNothingInCommonAreRefused) {
  RunResult base = ThreeLanguages(10);
  RunResult candidate = ThreeLanguages(10);
  candidate.jobs[1] = MakeJob(Impl("go-stdlib", "go"), Times(3e6, 10));
  ReportDocument doc = BuildComparisonReport(base, "a.json", candidate, "b.json");
  const ReportSection* changes = Find(doc, "Changes");
  ASSERT_NE(changes, nullptr);
  ASSERT_FALSE(changes->charts.empty());
  EXPECT_EQ(Count(changes->charts[0].svg, "<circle class=\"estimate\""), 3u);
  EXPECT_NE(changes->charts[0].svg.find("class=\"noise\""), std::string::npos);
  bool regression = false;
  for (const auto& row : changes->tables[0].rows) regression |= row.back() == "regression";
  EXPECT_TRUE(regression);
  RunResult other = MakeRun({MakeJob(Impl("cpp-x", "cpp"), Times(1e6, 10))});
  other.config.suite = "startup";
  other.jobs[0].spec.suite = "startup";
  try {
    BuildComparisonReport(base, "a.json", other, "c.json");
    FAIL() << "no error";
  } catch (const Error& e) {
    testing::ExpectMentions(e.what(),
                            {"a.json and c.json", "share no benchmark", "json", "startup"});
  }
}

TEST(ReportBuilderTest, AnAbRunHasItsForestPlotBeforeItsGroups) {
  JobShape base = Impl("rust-serde", "rust"), candidate = base;
  base.build_label = "base";
  candidate.build_label = "candidate";
  RunResult run = MakeRun({MakeJob(base, Times(1e6, 10)), MakeJob(candidate, Times(1.2e6, 10))});
  run.config.against = AgainstRevision{"origin/main", "abc123", nlohmann::json::object()};
  ReportDocument doc = BuildRunReport(run, "ab.json");
  ASSERT_GE(doc.sections.size(), 2u);
  EXPECT_EQ(doc.sections[0].title,
            "Changes: the working tree's build against base build (origin/main)");
  ASSERT_FALSE(doc.sections[0].charts.empty());
  EXPECT_EQ(Count(doc.sections[0].charts[0].svg, "<circle class=\"estimate\""), 1u);
  EXPECT_EQ(doc.sections[0].tables[0].rows[0].back(), "regression");
  // Both builds are rows of the group, named with their label.
  const ReportSection* group = Find(doc, "json · parse-dom");
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->tables[0].rows[0][0], "rust-serde@base");
  EXPECT_EQ(group->tables[0].rows[1][0], "rust-serde@candidate");
}

TEST(ReportBuilderTest, TheHtmlPageShowsHostileNamesAsTextAndHasNoScript) {
  RunResult run = ThreeLanguages();
  run.jobs[0].spec.impl = "<script>alert(1)</script>";
  run.jobs[0].spec.language = "\"><img src=x onerror=alert(2)>";
  const std::string html = RenderHtml(BuildRunReport(run, "<b>file</b>.json"));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
  EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg"));  // Only xmlns.
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(Count(html, "<svg "), 3u);
}

}  // namespace
}  // namespace benchctl
