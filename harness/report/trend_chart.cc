#include "trend_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace benchctl {
namespace {

constexpr double kWidth = 760, kHeight = 280;
constexpr double kLeft = 90, kRight = 20, kTop = 36, kBottom = 40;

// The x pixel of point `i` of `n`: evenly spaced, one run per step, whatever their dates.
double XOf(std::size_t i, std::size_t n) {
  const double span = kWidth - kLeft - kRight;
  return n <= 1 ? kLeft + span / 2 : kLeft + span * static_cast<double>(i) / (n - 1.0);
}

}  // namespace

std::string TrendChart(const TrendChartSpec& spec) {
  SvgCanvas svg(kWidth, kHeight, spec.title);
  svg.Text(kLeft, 16, spec.title, "start", "axis-title");
  const auto& points = spec.points;
  if (points.empty()) {
    svg.Text(kWidth / 2, kHeight / 2, "no runs recorded", "middle", "note");
    return svg.Finish();
  }
  double low = points[0].low, high = points[0].high;
  for (const auto& p : points) {
    low = std::min({low, p.low, p.median});
    high = std::max({high, p.high, p.median});
  }
  const double bottom = kHeight - kBottom;
  const Scale scale = Scale::For(low, high, bottom, kTop);
  svg.AxisY(scale, kLeft - 10, kWidth - kRight, spec.format, spec.axis_title);
  const std::size_t n = points.size();
  const double half = std::clamp((kWidth - kLeft - kRight) / (2.0 * n), 2.0, 8.0);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = points[i];
    const double x = XOf(i, n);
    svg.Band(x - half, scale(p.high), x + half, scale(p.low), "band");
    if (!p.mark.empty()) {
      svg.Line(x, kTop, x, bottom, p.change ? "change" : "unity");
      svg.Text(x + 3, kTop + 10, p.mark, "start", "note");
    }
  }
  for (std::size_t i = 0; i + 1 < n; ++i) {
    svg.Line(XOf(i, n), scale(points[i].median), XOf(i + 1, n), scale(points[i + 1].median),
             "trend");
  }
  // Run numbers under the axis, thinned to about 12 labels.
  const std::size_t step = std::max<std::size_t>(1, (n + 11) / 12);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = points[i];
    svg.Point(XOf(i, n), scale(p.median), 3.5, "#0072B2",
              fmt::format("{}: {} [{}, {}]", p.label, spec.format(p.median), spec.format(p.low),
                          spec.format(p.high)),
              "estimate");
    if (i % step == 0 || i + 1 == n) {
      svg.Text(XOf(i, n), bottom + 16, std::to_string(i + 1), "middle", "tick");
    }
  }
  svg.Text(kLeft + (kWidth - kLeft - kRight) / 2, bottom + 32, "run (oldest first)", "middle",
           "axis-title");
  return svg.Finish();
}

}  // namespace benchctl
