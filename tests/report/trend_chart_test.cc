// The history trend chart: one point and one band per run, marks where asked, names escaped.
#include "trend_chart.h"

#include <gtest/gtest.h>

#include <string>

namespace benchctl {
namespace {

std::size_t Count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

TEST(TrendChart, DrawsAPointAndABandPerRunAndTheMarks) {
  TrendChartSpec spec{"job <x>", "time", [](double v) { return std::to_string(int(v)); }, {}};
  for (int i = 0; i < 6; ++i) {
    double m = i < 3 ? 100 : 150;
    spec.points.push_back({"run " + std::to_string(i + 1), m, m - 5, m + 5, "", false});
  }
  spec.points[3].mark = "regression +50.0%";
  spec.points[3].change = true;
  spec.points[5].mark = "machine changed";
  const std::string svg = TrendChart(spec);
  EXPECT_EQ(Count(svg, "class=\"estimate\""), 6u);
  EXPECT_EQ(Count(svg, "class=\"band\""), 6u);
  EXPECT_EQ(Count(svg, "class=\"trend\""), 5u);  // Lines between consecutive medians.
  EXPECT_EQ(Count(svg, "class=\"change\""), 1u);
  EXPECT_NE(svg.find("regression +50.0%"), std::string::npos);
  EXPECT_NE(svg.find("machine changed"), std::string::npos);
  EXPECT_NE(svg.find("job &lt;x&gt;"), std::string::npos);
  EXPECT_EQ(svg.find("job <x>"), std::string::npos);
}

TEST(TrendChart, NoRunsSaysSo) {
  TrendChartSpec spec{"empty", "time", [](double v) { return std::to_string(v); }, {}};
  EXPECT_NE(TrendChart(spec).find("no runs recorded"), std::string::npos);
}

}  // namespace
}  // namespace benchctl
