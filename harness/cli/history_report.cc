#include "history_report.h"

#include <fmt/format.h>

#include "metric.h"
#include "trend_chart.h"

namespace benchctl {
namespace {

// Why a point is marked: a change point found there, else a machine or toolchain change.
void Mark(const JobTrend& trend, const std::vector<Finding>& findings, std::size_t i,
          TrendChartPoint& point) {
  for (const Finding& f : findings) {
    if (f.job_id == trend.job_id && f.metric == trend.metric && f.point == i) {
      point.mark = fmt::format("{} {:+.1f}%", FindingKindName(f.kind), f.change * 100);
      point.change = true;
      return;
    }
  }
  const TrendPoint& p = trend.points[i];
  if (!p.machine_change.empty()) point.mark = "machine changed";
  if (!p.toolchain_change.empty()) point.mark = "toolchain changed";
}

ReportSection TrendSection(const JobTrend& trend, const std::vector<Finding>& findings,
                           std::size_t index) {
  MetricSpec spec;
  spec.unit = trend.unit;
  auto format = [spec](double v) { return FormatMetricValue(spec, v); };
  TrendChartSpec chart{trend.job_id + " · " + trend.metric, trend.metric, format, {}};
  ReportTable table;
  table.header = {"run", "started (UTC)", "run id", "median [interval]", "n", "note"};
  for (std::size_t i = 0; i < trend.points.size(); ++i) {
    const TrendPoint& p = trend.points[i];
    TrendChartPoint point{
        fmt::format("run {} {}", i + 1, p.started_utc), p.median, p.ci_low, p.ci_high, "", false};
    Mark(trend, findings, i, point);
    std::string note = point.mark;
    if (!p.machine_change.empty()) note += (note.empty() ? "" : "; ") + p.machine_change;
    if (!p.toolchain_change.empty()) note += (note.empty() ? "" : "; ") + p.toolchain_change;
    if (p.quick) note += (note.empty() ? "" : "; ") + std::string("quick: not for citing");
    table.rows.push_back(
        {std::to_string(i + 1), p.started_utc, p.run_id,
         fmt::format("{} [{}, {}]", format(p.median), format(p.ci_low), format(p.ci_high)),
         std::to_string(p.n), note});
    chart.points.push_back(std::move(point));
  }
  ReportSection section;
  section.title = trend.job_id + " · " + trend.metric;
  section.anchor = AnchorFor(section.title, index);
  section.notes.push_back(fmt::format(
      "Each point is a run's median over its processes, the band its interval; {} is better. "
      "Marks show change points (E-Divisive, as `benchctl history check` finds them) and runs "
      "whose machine or toolchain changed.",
      trend.better.empty() ? "neither direction" : trend.better));
  section.charts.push_back({"", TrendChart(chart)});
  section.tables.push_back(std::move(table));
  return section;
}

}  // namespace

ReportDocument BuildHistoryReport(const std::vector<JobTrend>& trends,
                                  const std::vector<Finding>& findings, const std::string& db) {
  ReportDocument doc;
  doc.title = "benchctl history";
  doc.subtitle = fmt::format("{}: {} job(s)", db, trends.size());
  for (std::size_t i = 0; i < trends.size(); ++i) {
    doc.sections.push_back(TrendSection(trends[i], findings, i));
  }
  return doc;
}

}  // namespace benchctl
