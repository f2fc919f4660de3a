#include "history_check.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "statistics.h"

namespace benchctl {
namespace {

using nlohmann::json;

// The toolchain version `language` had in a run ("" if not recorded).
std::string ToolchainVersion(const RunRow& run, const std::string& language) {
  json toolchains = json::parse(run.toolchains, nullptr, /*allow_exceptions=*/false);
  if (!toolchains.is_object() || !toolchains.contains(language)) return "";
  const json& t = toolchains[language];
  return t.is_object() && t.contains("version") && t["version"].is_string()
             ? t["version"].get<std::string>()
             : "";
}

// "hostname a → b, kernel x → y", or "" when the machine is the same.
std::string MachineChange(const RunRow& before, const RunRow& after) {
  std::string out;
  auto note = [&out](const char* what, const std::string& a, const std::string& b) {
    if (a == b) return;
    out += fmt::format("{}{} {} → {}", out.empty() ? "" : ", ", what, a.empty() ? "?" : a,
                       b.empty() ? "?" : b);
  };
  note("hostname", before.hostname, after.hostname);
  note("CPU", before.cpu_model, after.cpu_model);
  note("kernel", before.kernel, after.kernel);
  return out;
}

// The median of `values[begin, end)`.
double SegmentMedian(const std::vector<double>& values, std::size_t begin, std::size_t end) {
  return Median(std::vector<double>(values.begin() + static_cast<std::ptrdiff_t>(begin),
                                    values.begin() + static_cast<std::ptrdiff_t>(end)));
}

}  // namespace

const char* FindingKindName(FindingKind kind) {
  switch (kind) {
    case FindingKind::kRegression:
      return "regression";
    case FindingKind::kImprovement:
      return "improvement";
    case FindingKind::kWithinNoise:
      return "within noise";
    case FindingKind::kChange:
      return "change";
    case FindingKind::kMachineChanged:
      return "machine changed";
    case FindingKind::kToolchainChanged:
      return "toolchain changed";
  }
  return "?";
}

std::vector<JobTrend> BuildTrends(const std::vector<StoredSeries>& series,
                                  const std::vector<RunRow>& runs) {
  std::vector<JobTrend> trends;
  for (const StoredSeries& s : series) {
    JobTrend trend;
    trend.job_id = s.job_id;
    trend.metric = s.metric;
    for (const StoredPoint& p : s.points) {
      if (p.values.empty()) continue;
      // The newest run's declaration is the one in force; a direction that changed between
      // runs is unknown.
      const bool direction_changed = !trend.points.empty() && trend.better != p.better;
      trend.unit = p.unit;
      trend.better =
          direction_changed || (p.better != "lower" && p.better != "higher") ? "" : p.better;
      trend.noise_threshold = p.noise_threshold;
      Summary summary = Summarize(p.values);
      TrendPoint point;
      const RunRow& run = runs.at(p.run);
      point.run_id = run.run_id;
      point.started_utc = run.started_utc;
      point.run = p.run;
      point.n = summary.n;
      point.median = summary.median;
      point.ci_low = summary.ci_low;
      point.ci_high = summary.ci_high;
      point.quick = run.quick;
      if (!trend.points.empty()) {
        const RunRow& previous = runs.at(trend.points.back().run);
        point.machine_change = MachineChange(previous, run);
        std::string a = ToolchainVersion(previous, s.language);
        std::string b = ToolchainVersion(run, s.language);
        if (a != b) {
          point.toolchain_change =
              fmt::format("{} {} → {}", s.language, a.empty() ? "?" : a, b.empty() ? "?" : b);
        }
      }
      trend.points.push_back(std::move(point));
    }
    if (!trend.points.empty()) trends.push_back(std::move(trend));
  }
  return trends;
}

std::vector<Finding> CheckTrends(const std::vector<JobTrend>& trends,
                                 std::optional<std::size_t> accepted_run,
                                 const ChangePointOptions& options) {
  std::vector<Finding> findings;
  for (const JobTrend& trend : trends) {
    // Per run, the median of its processes' values: the processes of one run share that
    // night's conditions, so they are not independent draws of the series; the run is the
    // unit (its interval shows the spread). Logs make a step of x% the same size at any level.
    std::vector<double> logs;
    bool positive = true;
    for (const TrendPoint& p : trend.points) {
      positive = positive && p.median > 0;
      logs.push_back(p.median > 0 ? std::log(p.median) : 0);
    }
    std::vector<double> medians;
    for (const TrendPoint& p : trend.points) medians.push_back(p.median);
    std::vector<ChangePoint> points = DetectChangePoints(positive ? logs : medians, options);
    for (std::size_t c = 0; c < points.size(); ++c) {
      // The step is measured between the neighbouring change points, not the whole series.
      std::size_t begin = c == 0 ? 0 : points[c - 1].index;
      std::size_t end = c + 1 < points.size() ? points[c + 1].index : medians.size();
      double before = SegmentMedian(medians, begin, points[c].index);
      double after = SegmentMedian(medians, points[c].index, end);
      Finding f;
      f.job_id = trend.job_id;
      f.metric = trend.metric;
      f.point = points[c].index;
      const TrendPoint& first = trend.points[f.point];
      f.run_id = first.run_id;
      f.change = before != 0 ? after / before - 1 : 0;
      f.p_value = points[c].p_value;
      f.is_new = !accepted_run || first.run > *accepted_run;
      if (!first.machine_change.empty()) {
        f.kind = FindingKind::kMachineChanged;
      } else if (!first.toolchain_change.empty()) {
        f.kind = FindingKind::kToolchainChanged;
      } else if (trend.better.empty()) {
        f.kind = FindingKind::kChange;
      } else if (std::fabs(f.change) <= trend.noise_threshold) {
        f.kind = FindingKind::kWithinNoise;
      } else {
        bool worse = trend.better == "lower" ? f.change > 0 : f.change < 0;
        f.kind = worse ? FindingKind::kRegression : FindingKind::kImprovement;
      }
      findings.push_back(std::move(f));
    }
  }
  return findings;
}

}  // namespace benchctl
