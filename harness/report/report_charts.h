// The report's chart kinds, built from SvgCanvas: a dot chart (each implementation's
// per-process values, its median and the median's interval) and an interval chart (ratios
// with their intervals on a log axis around 1, optionally over a shaded noise band: the ratio
// to the fastest, and the A/B forest plot).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "metric.h"
#include "statistics.h"
#include "svg_scale.h"

namespace benchctl {

// Chart geometry shared by the kinds: labels on the left, values in the middle, numbers on
// the right. 600 px wide: two fit side by side at 1280 px, one fits a printed page.
inline constexpr double kChartWidth = 600;
inline constexpr double kChartLabelWidth = 170;
inline constexpr double kChartNumberWidth = 170;
inline constexpr double kChartRowHeight = 24;
inline constexpr double kChartTop = 26;
inline constexpr double kChartBottom = 44;
// Interval charts print a ratio, its interval and a verdict on the right: a wider column.
inline constexpr double kIntervalNumberWidth = 230;
inline constexpr double kIntervalChartWidth = kChartWidth + 60;

// How a median interval's coverage is named: "95% CI" when it reaches 95% (6 or more
// processes), else its exact coverage rounded down as `show` gives it, "93.7% CI" (5 processes);
// "no interval" for one.
std::string IntervalLabel(double coverage, std::size_t n);

// One implementation's values of one metric.
struct DotRow {
  std::string label;  // Raw name from the file.
  std::string colour;
  std::vector<double> values;  // Per process.
  Summary summary;             // Of `values`.
};

struct DotChartSpec {
  std::string title;
  MetricSpec metric;  // Unit and formatting.
  std::vector<DotRow> rows;
};

// The value axis a dot chart uses: log when the values span more than kLogScaleSpan, else
// linear from zero (so distances between rows read as ratios).
Scale DotChartScale(const DotChartSpec& spec);

// The chart: a lane per row with a dot per value, the median as a tick and its interval as a
// bar, the median [interval] printed on the right.
std::string DotChart(const DotChartSpec& spec);

// One ratio with its interval.
struct IntervalRow {
  std::string label;  // Raw name.
  std::string colour;
  double estimate = 1, low = 1, high = 1;
  std::string note;  // Printed on the right after the numbers ("regression", "fastest").
};

struct IntervalChartSpec {
  std::string title;
  std::string axis_title;
  std::vector<IntervalRow> rows;
  std::optional<std::pair<double, double>> noise_band;  // [1/(1+t), 1+t], shaded.
};

// The log-scale axis an interval chart uses: covers every interval, 1 and the noise band.
Scale IntervalChartScale(const IntervalChartSpec& spec);

// The chart: the noise band, a dashed line at 1, and a lane per row with the estimate as a
// point and its interval as a bar.
std::string IntervalChart(const IntervalChartSpec& spec);

}  // namespace benchctl
