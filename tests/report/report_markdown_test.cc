// harness/report/report_markdown: the Markdown file and its chart files beside it, linked by
// relative path, names escaped.
#include "report_markdown.h"

#include <gtest/gtest.h>

#include "error.h"
#include "test_support.h"

namespace benchctl {
namespace {

using testing::ReadText;
using testing::TempDir;

ReportDocument TwoCharts() {
  ReportDocument doc;
  doc.title = "benchctl report: json";
  doc.banners.push_back({BannerKind::kWarning, "quick: not for citing"});
  ReportSection s;
  s.title = "json · parse | <b>x</b>";
  s.charts.push_back({"first", "<svg xmlns=\"http://www.w3.org/2000/svg\">1</svg>"});
  s.charts.push_back(
      {"second [x](http://evil)", "<svg xmlns=\"http://www.w3.org/2000/svg\">2</svg>"});
  s.tables.push_back({"t", {"implementation", "time"}, {{"a|b", "1 µs"}, {"<script>", "2 µs"}}});
  s.facts.push_back({"reproduce", "benchctl reproduce run.json", true});
  doc.sections.push_back(s);
  return doc;
}

TEST(ReportMarkdownTest, ChartsAreFilesBesideTheMarkdownLinkedByRelativePath) {
  TempDir dir;
  const auto md = dir / "my report.md";
  WriteMarkdownReport(TwoCharts(), md);
  const std::string text = ReadText(md);
  EXPECT_EQ(ReadText(dir / "my report-files" / "chart-1.svg"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\">1</svg>\n");
  EXPECT_EQ(ReadText(dir / "my report-files" / "chart-2.svg"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\">2</svg>\n");
  EXPECT_NE(text.find("](my%20report-files/chart-1.svg)"), std::string::npos) << text;
  EXPECT_NE(text.find("](my%20report-files/chart-2.svg)"), std::string::npos) << text;
  EXPECT_NE(text.find("> **quick: not for citing**"), std::string::npos) << text;
  EXPECT_NE(text.find("`benchctl reproduce run.json`"), std::string::npos) << text;
}

TEST(ReportMarkdownTest, NamesCannotBreakTablesLinksOrInjectHtml) {
  const std::string text = RenderMarkdown(TwoCharts(), "r-files");
  EXPECT_EQ(text.find("<script>"), std::string::npos) << text;
  EXPECT_EQ(text.find("<b>"), std::string::npos) << text;
  EXPECT_NE(text.find("a\\|b"), std::string::npos) << text;
  EXPECT_EQ(text.find("[x](http://evil)"), std::string::npos) << text;
  // Each table line has as many unescaped pipes as the header.
  EXPECT_NE(text.find("| implementation | time |\n| --- | --- |\n"), std::string::npos) << text;
}

TEST(ReportMarkdownTest, AnUnwritableFolderIsAnErrorNamingIt) {
  TempDir dir;
  testing::WriteText(dir / "file", "x");
  try {
    WriteMarkdownReport(TwoCharts(), dir / "file" / "out.md");
    FAIL() << "no error";
  } catch (const Error& e) {
    testing::ExpectMentions(e.what(), {"cannot create the chart folder", "out-files"});
  }
}

}  // namespace
}  // namespace benchctl
