#include "report_comparison.h"

#include <fmt/format.h>

#include <utility>

#include "report_charts.h"

namespace benchctl {
namespace {

std::string Ratio(double v) { return fmt::format("{:.3f}×", v); }

std::string VerdictText(Verdict v) {
  std::string name(VerdictName(v));
  for (char& c : name) c = c == '_' ? ' ' : c;
  return name;
}

}  // namespace

std::string VerdictColour(Verdict verdict) {
  switch (verdict) {
    case Verdict::kRegression:
      return "#D55E00";
    case Verdict::kImprovement:
      return "#009E73";
    case Verdict::kNoChange:
      return "#555555";
    case Verdict::kInconclusive:
      return "#E69F00";
  }
  return "#555555";
}

ReportSection ComparisonSection(const Comparison& comparison,
                                const std::vector<ComparabilityWarning>& warnings,
                                const std::string& base_name, const std::string& candidate_name) {
  ReportSection section;
  section.title = "Changes: " + candidate_name + " against " + base_name;
  section.anchor = "changes";
  section.notes.push_back(fmt::format(
      "Each row is new ÷ base for one benchmark (Hodges–Lehmann ratio with its interval; "
      "Mann–Whitney p-values Holm-adjusted over all {} tests, α = {}). The shaded band is the "
      "noise threshold a change must clear to be called a regression or an improvement, the "
      "one `benchctl compare` gates on (A/A-tested: results/metric.h).",
      comparison.rows.size(), comparison.options.alpha));
  for (const auto& w : warnings) section.notes.push_back("Not like for like: " + w.Message());
  if (comparison.underpowered > 0) {
    section.notes.push_back(
        fmt::format("{} rows had too few processes per side to be significant whatever the data.",
                    comparison.underpowered));
  }
  for (const std::string& label : comparison.MetricLabels()) {
    IntervalChartSpec spec;
    ReportTable table;
    double threshold = 0;
    for (const CompareRow& row : comparison.rows) {
      if (row.metric.label != label) continue;
      threshold = comparison.ThresholdOf(row.metric);
      spec.title = row.metric.title + ": new ÷ base";
      // The section names the suite; the plot's label column is narrow, so the implementation
      // comes first and what is cut off (the operation) is in the table below.
      std::string label = row.key.impl;
      if (!row.key.input.empty()) label += "/" + row.key.input;
      label += "/" + row.key.operation;
      if (!row.key.build_label.empty()) label += "@" + row.key.build_label;
      spec.rows.push_back({label, VerdictColour(row.verdict), row.ratio.estimate, row.ratio.ci_low,
                           row.ratio.ci_high, VerdictText(row.verdict)});
      table.rows.push_back({JobKeyName(row.key), FormatMetricValue(row.metric, row.base.median),
                            FormatMetricValue(row.metric, row.candidate.median),
                            fmt::format("{} [{}, {}]", Ratio(row.ratio.estimate),
                                        Ratio(row.ratio.ci_low), Ratio(row.ratio.ci_high)),
                            fmt::format("{:.0f}%", row.ratio.confidence * 100),
                            fmt::format("{:.3g}", row.adjusted_p), VerdictText(row.verdict)});
      table.caption = row.metric.title;
    }
    if (spec.rows.empty()) continue;
    spec.noise_band = std::make_pair(1 / (1 + threshold), 1 + threshold);
    spec.axis_title = fmt::format("new ÷ base (log scale); band: ±{:g}% noise", threshold * 100);
    table.header = {"benchmark", "base median", "new median", "ratio [interval]",
                    "coverage",  "p (Holm)",    "verdict"};
    section.charts.push_back(
        {fmt::format("{}: change per benchmark against the ±{:g}% noise band (colour: verdict).",
                     spec.title, threshold * 100),
         IntervalChart(spec)});
    section.tables.push_back(std::move(table));
  }
  ReportTable missing{"Not compared", {"benchmark", "base", "new", "why"}, {}};
  for (const auto& key : comparison.only_base) {
    missing.rows.push_back({JobKeyName(key), "present", "absent", "only in the base"});
  }
  for (const auto& key : comparison.only_candidate) {
    missing.rows.push_back({JobKeyName(key), "absent", "present", "only in the new run"});
  }
  for (const auto& u : comparison.uncompared) {
    missing.rows.push_back({JobKeyName(u.key), u.base_status, u.candidate_status, u.reason});
  }
  if (!missing.rows.empty()) section.tables.push_back(std::move(missing));
  return section;
}

}  // namespace benchctl
