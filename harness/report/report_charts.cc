#include "report_charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "interval_coverage.h"
#include "svg_canvas.h"
#include "units.h"

namespace benchctl {
namespace {

double ChartHeight(std::size_t rows) {
  return kChartTop + kChartRowHeight * static_cast<double>(rows) + kChartBottom;
}

double LaneCentre(std::size_t row) {
  return kChartTop + kChartRowHeight * (static_cast<double>(row) + 0.5);
}

// A fixed vertical offset per value, so overlapping dots spread out the same way every time.
double Jitter(std::size_t i) {
  return (static_cast<double>((i * 7) % 11) - 5.0) * (kChartRowHeight * 0.06);
}

// Shortens a long name for the label column (170 px: about 24 characters of an 11 px font);
// the full name is in the tables.
std::string Fit(const std::string& label, std::size_t max_chars = 24) {
  if (label.size() <= max_chars) return label;
  std::size_t cut = max_chars - 1;
  // Not inside a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;
  return label.substr(0, cut) + "…";
}

std::string RatioText(double v) { return fmt::format("{:.2f}×", v); }

}  // namespace

std::string IntervalLabel(double coverage, std::size_t n) {
  if (n < 2 || coverage <= 0) return "no interval (1 process)";
  return CoverageLabel(coverage);  // As `show` labels it: "95% CI", "93.7% CI" (rounded down).
}

Scale DotChartScale(const DotChartSpec& spec) {
  double low = std::numeric_limits<double>::infinity(), high = 0;
  for (const DotRow& row : spec.rows) {
    for (double v : row.values) {
      low = std::min(low, v);
      high = std::max(high, v);
    }
  }
  if (!(high > 0)) low = high = 0;
  const double left = kChartLabelWidth, right = kChartWidth - kChartNumberWidth;
  if (WantsLogScale(low, high)) return Scale::Log(low, high, left, right);
  // kB values are labelled in MiB from 1 MiB and GiB from 1 GiB (FormatKilobytes): ticks at
  // nice steps of the unit shown.
  double tick_unit = 1;
  if (spec.metric.unit == "kB")
    tick_unit = high >= 1024.0 * 1024 ? 1024.0 * 1024 : high >= 1024 ? 1024 : 1;
  return Scale::Linear(0, high, left, right, tick_unit);
}

std::string DotChart(const DotChartSpec& spec) {
  const double height = ChartHeight(spec.rows.size());
  const double axis_y = height - kChartBottom + 6;
  SvgCanvas svg(kChartWidth, height, spec.title);
  const Scale scale = DotChartScale(spec);
  svg.Text(kChartLabelWidth, 16, spec.title, "start", "axis-title");
  for (std::size_t r = 0; r < spec.rows.size(); ++r) {
    if (r % 2 == 0) {
      svg.Band(0, LaneCentre(r) - kChartRowHeight / 2, kChartWidth,
               LaneCentre(r) + kChartRowHeight / 2, "lane");
    }
  }
  auto format = [&spec](double v) { return FormatMetricValue(spec.metric, v); };
  // A unit benchctl does not format itself ("faults") is named once, under the axis.
  auto tick = [&spec, &format](double v) {
    return IsOwnUnit(spec.metric.unit) ? format(v) : FormatCount(v);
  };
  svg.AxisX(scale, axis_y, kChartTop, tick,
            scale.IsLog() ? spec.metric.unit + ", log scale" : spec.metric.unit);
  for (std::size_t r = 0; r < spec.rows.size(); ++r) {
    const DotRow& row = spec.rows[r];
    const double y = LaneCentre(r);
    svg.Text(kChartLabelWidth - 8, y + 4, Fit(row.label), "end", "label");
    for (std::size_t i = 0; i < row.values.size(); ++i) {
      svg.Point(scale(row.values[i]), y + Jitter(i), 3, row.colour,
                fmt::format("{} process {}: {}", row.label, i + 1, format(row.values[i])));
    }
    const Summary& s = row.summary;
    if (s.n >= 2 && s.ci_confidence > 0) {
      svg.Line(scale(s.ci_low), y, scale(s.ci_high), y, "ci", "#222");
    }
    svg.Line(scale(s.median), y - kChartRowHeight * 0.38, scale(s.median),
             y + kChartRowHeight * 0.38, "median", "#000");
    svg.Text(kChartWidth - kChartNumberWidth + 8, y + 4, format(s.median), "start", "label");
  }
  return svg.Finish();
}

Scale IntervalChartScale(const IntervalChartSpec& spec) {
  double low = 1, high = 1;
  for (const IntervalRow& row : spec.rows) {
    low = std::min({low, row.low, row.estimate});
    high = std::max({high, row.high, row.estimate});
  }
  if (spec.noise_band) {
    low = std::min(low, spec.noise_band->first);
    high = std::max(high, spec.noise_band->second);
  }
  return Scale::Log(low, high, kChartLabelWidth, kIntervalChartWidth - kIntervalNumberWidth);
}

std::string IntervalChart(const IntervalChartSpec& spec) {
  const double height = ChartHeight(spec.rows.size());
  const double axis_y = height - kChartBottom + 6;
  SvgCanvas svg(kIntervalChartWidth, height, spec.title);
  const Scale scale = IntervalChartScale(spec);
  svg.Text(kChartLabelWidth, 16, spec.title, "start", "axis-title");
  if (spec.noise_band) {
    svg.Band(scale(spec.noise_band->first), kChartTop, scale(spec.noise_band->second), axis_y,
             "noise");
  }
  auto format = [](double v) { return fmt::format("{:g}×", v); };
  svg.AxisX(scale, axis_y, kChartTop, format, spec.axis_title);
  svg.Line(scale(1), kChartTop, scale(1), axis_y, "unity");
  for (std::size_t r = 0; r < spec.rows.size(); ++r) {
    const IntervalRow& row = spec.rows[r];
    const double y = LaneCentre(r);
    svg.Text(kChartLabelWidth - 8, y + 4, Fit(row.label), "end", "label");
    svg.Line(scale(row.low), y, scale(row.high), y, "ci", row.colour);
    svg.Point(scale(row.estimate), y, 4, row.colour,
              fmt::format("{}: {} [{}, {}]", row.label, RatioText(row.estimate), RatioText(row.low),
                          RatioText(row.high)),
              "estimate");
    std::string numbers =
        fmt::format("{} [{:.2f}, {:.2f}]", RatioText(row.estimate), row.low, row.high);
    if (!row.note.empty()) numbers += " " + row.note;
    svg.Text(kIntervalChartWidth - kIntervalNumberWidth + 8, y + 4, numbers, "start", "label");
  }
  return svg.Finish();
}

}  // namespace benchctl
