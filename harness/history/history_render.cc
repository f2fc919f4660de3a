#include "history_render.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "escape.h"
#include "metric.h"

namespace benchctl {
namespace {

std::string Value(const JobTrend& trend, double value) {
  MetricSpec spec;
  spec.unit = trend.unit;
  return FormatMetricValue(spec, value);
}

// The first 12 characters, as git and show abbreviate commits.
std::string Short(const std::string& text) { return ForTerminal(text.substr(0, 12)); }

}  // namespace

std::string Sparkline(const std::vector<double>& values) {
  static constexpr std::array<const char*, 8> kBlocks = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  if (values.empty()) return "";
  auto [low, high] = std::minmax_element(values.begin(), values.end());
  std::string out;
  for (double v : values) {
    std::size_t level = 3;
    if (*high > *low) {
      level = static_cast<std::size_t>((v - *low) / (*high - *low) * 7.0 + 0.5);
    }
    out += kBlocks[std::min<std::size_t>(level, 7)];
  }
  return out;
}

std::string RenderRunList(const std::vector<RunRow>& runs,
                          const std::optional<std::string>& accepted_run_id) {
  if (runs.empty()) return "no runs recorded\n";
  std::string out = fmt::format("{:<2}{:<28} {:<20} {:<8} {:<12} {:<20} {:>5}  {}\n", "", "run",
                                "date", "suite", "commit", "machine", "jobs", "quick");
  for (const RunRow& r : runs) {
    out += fmt::format("{:<2}{:<28} {:<20} {:<8} {:<12} {:<20} {:>5}  {}\n",
                       accepted_run_id == r.run_id ? "*" : "", ForTerminal(r.run_id),
                       ForTerminal(r.started_utc), ForTerminal(r.suite),
                       Short(r.git_commit) + (r.git_dirty ? "+" : ""), ForTerminal(r.hostname),
                       r.jobs, r.quick ? "quick (not for citing)" : "");
  }
  if (accepted_run_id) out += "* accepted baseline (history check reports changes after it)\n";
  return out;
}

std::string RenderTrends(const std::vector<JobTrend>& trends) {
  if (trends.empty()) return "no recorded job matches\n";
  std::string out;
  for (const JobTrend& t : trends) {
    std::vector<double> medians;
    for (const auto& p : t.points) medians.push_back(p.median);
    out += fmt::format("{} · {} ({} is better)  {}\n", ForTerminal(t.job_id), ForTerminal(t.metric),
                       t.better.empty() ? "direction unknown" : ForTerminal(t.better),
                       Sparkline(medians));
    out += fmt::format("  {:<28} {:<20} {:>12}  {:<27} {:>4}  {}\n", "run", "date", "median",
                       "95% CI", "n", "notes");
    for (const auto& p : t.points) {
      std::string notes;
      if (p.n < 6) notes += "interval from fewer than 6 values; ";
      if (p.quick) notes += "quick; ";
      if (!p.machine_change.empty())
        notes += "machine changed: " + ForTerminal(p.machine_change) + "; ";
      if (!p.toolchain_change.empty()) {
        notes += "toolchain changed: " + ForTerminal(p.toolchain_change) + "; ";
      }
      if (notes.size() >= 2) notes.resize(notes.size() - 2);
      out +=
          fmt::format("  {:<28} {:<20} {:>12}  {:<27} {:>4}  {}\n", ForTerminal(p.run_id),
                      ForTerminal(p.started_utc), Value(t, p.median),
                      fmt::format("[{}, {}]", Value(t, p.ci_low), Value(t, p.ci_high)), p.n, notes);
    }
    out += "\n";
  }
  return out;
}

std::string RenderFindings(const std::vector<Finding>& findings, std::size_t jobs_checked,
                           const std::optional<std::string>& accepted_run_id) {
  std::string out;
  std::size_t regressions = 0;
  for (bool want_new : {true, false}) {
    for (const Finding& f : findings) {
      if (f.is_new != want_new) continue;
      if (f.is_new && f.kind == FindingKind::kRegression) ++regressions;
      out += fmt::format("{} {} · {}: {} at run {} ({:+.1f}%, p = {:.3f})\n",
                         f.is_new ? "NEW" : "old", ForTerminal(f.job_id), ForTerminal(f.metric),
                         FindingKindName(f.kind), ForTerminal(f.run_id), f.change * 100, f.p_value);
    }
  }
  out += fmt::format("{} jobs checked{}; {} change points; {}\n", jobs_checked,
                     accepted_run_id ? " after accepted run " + ForTerminal(*accepted_run_id) : "",
                     findings.size(),
                     regressions == 0 ? std::string("no new regression")
                                      : fmt::format("{} NEW REGRESSIONS", regressions));
  return out;
}

}  // namespace benchctl
