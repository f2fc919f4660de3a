// harness/report/report_charts: a dot per process, the median's interval drawn where the
// statistics put it and labelled with its real coverage, names escaped, the noise band where
// the threshold puts it.
#include "report_charts.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>

#include "svg_canvas.h"

namespace benchctl {
namespace {

std::size_t Count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++n;
  }
  return n;
}

DotRow Row(const std::string& label, std::vector<double> values) {
  return {label, "#0072B2", values, Summarize(values)};
}

MetricSpec TimeSpec() {
  MetricSpec m;
  m.name = "time_ns";
  m.unit = "ns";
  m.title = "time per operation";
  return m;
}

double Lane(std::size_t row) { return kChartTop + kChartRowHeight * (row + 0.5); }

TEST(ReportChartsTest, ADotChartHasOneDotPerProcessAndTheIntervalAtTheComputedCi) {
  DotChartSpec spec{"time",
                    TimeSpec(),
                    {Row("fast", {100, 104, 98, 101, 99, 103, 102}),
                     Row("slow", {200, 210, 190, 205, 195}), Row("alone", {150})}};
  const std::string svg = DotChart(spec);
  EXPECT_EQ(Count(svg, "<circle class=\"dot\""), 7u + 5u + 1u) << svg;
  // One interval per row with at least two processes.
  EXPECT_EQ(Count(svg, "<line class=\"ci\""), 2u) << svg;
  const Scale scale = DotChartScale(spec);
  EXPECT_FALSE(scale.IsLog());
  EXPECT_EQ(scale.Low(), 0);  // A linear axis starts at zero.
  for (std::size_t r = 0; r < 2; ++r) {
    const Summary& s = spec.rows[r].summary;
    const std::string bar =
        fmt::format(R"(<line class="ci" x1="{}" y1="{}" x2="{}" y2="{}")", Px(scale(s.ci_low)),
                    Px(Lane(r)), Px(scale(s.ci_high)), Px(Lane(r)));
    EXPECT_NE(svg.find(bar), std::string::npos) << bar << "\n" << svg;
  }
  // The slow row's five processes give the interval [min, max].
  EXPECT_EQ(spec.rows[1].summary.ci_low, 190);
  EXPECT_EQ(spec.rows[1].summary.ci_high, 210);
}

TEST(ReportChartsTest, CoverageBelowNinetyFivePercentIsLabelledWithItsExactValue) {
  // With n values the widest order-statistic interval [X(1), X(n)] covers the median with
  // probability 1 - 2 * 0.5^n: 93.75% for 5, 87.5% for 4.
  Summary five = Summarize(std::vector<double>{1, 2, 3, 4, 5});
  EXPECT_DOUBLE_EQ(five.ci_confidence, 1 - 2 * std::pow(0.5, 5));
  EXPECT_EQ(IntervalLabel(five.ci_confidence, five.n), "93.7% CI");
  Summary four = Summarize(std::vector<double>{1, 2, 3, 4});
  EXPECT_EQ(IntervalLabel(four.ci_confidence, four.n), "87.5% CI");
  Summary six = Summarize(std::vector<double>{1, 2, 3, 4, 5, 6});
  EXPECT_GE(six.ci_confidence, 0.95);
  EXPECT_EQ(IntervalLabel(six.ci_confidence, six.n), "95% CI");
  Summary one = Summarize(std::vector<double>{7});
  EXPECT_EQ(IntervalLabel(one.ci_confidence, one.n), "no interval (1 process)");
}

TEST(ReportChartsTest, ValuesSpanningOrdersOfMagnitudeGetALogAxis) {
  DotChartSpec spec{"time", TimeSpec(), {Row("a", {10, 11, 12}), Row("b", {5000, 5100, 5200})}};
  EXPECT_TRUE(DotChartScale(spec).IsLog());
  EXPECT_NE(DotChart(spec).find("ns, log scale"), std::string::npos);
}

TEST(ReportChartsTest, NamesAreEscapedInTextAndTooltips) {
  DotChartSpec spec{"t<i>", TimeSpec(), {Row("<script>alert(1)</script>", {1, 2, 3})}};
  const std::string svg = DotChart(spec);
  EXPECT_EQ(svg.find("<script"), std::string::npos) << svg;
  EXPECT_EQ(svg.find("<i>"), std::string::npos) << svg;
  EXPECT_NE(svg.find("&lt;script&gt;alert(1)&lt;/script&gt; process 1"), std::string::npos);
}

TEST(ReportChartsTest, AForestPlotShadesTheNoiseBandAndDrawsEachInterval) {
  IntervalChartSpec spec;
  spec.title = "time: new ÷ base";
  spec.rows = {{"a", "#555", 1.01, 0.99, 1.02, "no change"},
               {"b", "#D55E00", 1.20, 1.10, 1.31, "regression"}};
  spec.noise_band = std::make_pair(1 / 1.03, 1.03);
  const std::string svg = IntervalChart(spec);
  const Scale scale = IntervalChartScale(spec);
  EXPECT_TRUE(scale.IsLog());
  EXPECT_LE(scale.Low(), 1 / 1.03);
  EXPECT_GE(scale.High(), 1.31);
  EXPECT_NE(svg.find(fmt::format(R"(<rect class="noise" x="{}")", Px(scale(1 / 1.03)))),
            std::string::npos)
      << svg;
  EXPECT_EQ(Count(svg, "<circle class=\"estimate\""), 2u);
  EXPECT_NE(svg.find(fmt::format(R"(<line class="ci" x1="{}" y1="{}" x2="{}")", Px(scale(1.10)),
                                 Px(Lane(1)), Px(scale(1.31)))),
            std::string::npos)
      << svg;
  EXPECT_NE(svg.find("1.20× [1.10, 1.31] regression"), std::string::npos) << svg;
  EXPECT_NE(svg.find(R"(class="unity")"), std::string::npos);
}

}  // namespace
}  // namespace benchctl
