// The parts of a group's table after its main one: the markers' legend, the suite's
// declared metrics and the binaries' sizes (show_group.h).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <set>

#include "escape.h"
#include "interval_coverage.h"
#include "json_lookup.h"
#include "show_group.h"
#include "text_width.h"
#include "units.h"

namespace benchctl {
namespace {

constexpr std::size_t kWideMetricColumns = 4;
constexpr std::size_t kIndent = 2;
constexpr std::size_t kGap = 2;  // As LayOutColumns puts between columns.

// "↓" lower is better, "↑" higher is better: the compact header's direction.
std::string Arrow(Better better) { return better == Better::kHigher ? " ↑" : " ↓"; }

}  // namespace

void RenderDeclaredMetrics(const std::vector<ShowRow>& rows, const ShowOptions& options,
                           std::string& out) {
  std::vector<MetricSpec> columns;
  std::map<std::string, std::map<std::string, std::string>> cells;  // impl row -> metric -> cell
  std::vector<double> coverages;
  for (const ShowRow& row : rows) {
    for (const Metric& m : MetricsOf(*row.job)) {
      // Built-in metrics have their own columns, except page faults, which are listed here.
      if (FindBuiltinMetric(m.spec.name) != nullptr && m.spec.unit != "faults") continue;
      coverages.push_back(MedianIntervalCoverage(m.values.size()));
      if (std::none_of(columns.begin(), columns.end(),
                       [&m](const MetricSpec& c) { return c.name == m.spec.name; })) {
        columns.push_back(m.spec);
      }
      const Summary& s = m.summary;
      cells[row.job->spec.id][m.spec.name] =
          options.wide ? fmt::format("{} [{}, {}]", FormatMetricValue(m.spec, s.median),
                                     FormatMetricValue(m.spec, s.ci_low),
                                     FormatMetricValue(m.spec, s.ci_high))
                       : FormatMetricValue(m.spec, s.median);
    }
  }
  if (columns.empty()) return;
  // A stored file keeps its metrics by name; titles put p50, p99, p99.9 in reading order.
  std::stable_sort(columns.begin(), columns.end(),
                   [](const MetricSpec& a, const MetricSpec& b) { return a.title < b.title; });
  std::string note;
  const std::string ci = CoverageHeader(coverages, &note);
  out += options.wide ? fmt::format("  more metrics: median {} per implementation{}\n", ci,
                                    note.empty() ? "" : " (below 95%: " + note + ")")
                      : "  more metrics: median per implementation (↓ lower is better, ↑ higher; "
                        "intervals with --wide)\n";
  ShowColumn names;
  names.header = "";
  names.shrinkable = true;
  names.min_width = 16;
  std::vector<const ShowRow*> shown;
  for (const ShowRow& row : rows) {
    if (!cells.contains(row.job->spec.id)) continue;
    shown.push_back(&row);
    names.cells.push_back(options.wide ? RowName(row) : ForTerminal(row.job->spec.impl));
    names.suffixes.push_back(options.wide ? "" : CompactMarkers(row));
  }
  std::vector<ShowColumn> metric_columns;
  for (const MetricSpec& spec : columns) {
    ShowColumn col;
    col.header =
        options.wide
            ? ForTerminal(fmt::format("{} ({} better)", spec.label, BetterName(spec.better)))
            : ForTerminal(spec.label) + Arrow(spec.better);
    col.right_aligned = !options.wide;
    for (const ShowRow* row : shown) {
      const auto& of_row = cells[row->job->spec.id];
      auto cell = of_row.find(spec.name);
      col.cells.push_back(cell == of_row.end() ? "-" : ForTerminal(cell->second));
    }
    metric_columns.push_back(std::move(col));
  }
  // As many metric columns to a table as fit the width (four with --wide), so a suite with
  // many metrics stays readable.
  std::size_t names_width = std::min<std::size_t>(names.min_width, DisplayWidth(names.header));
  for (std::size_t r = 0; r < names.cells.size(); ++r) {
    names_width =
        std::max(names_width, DisplayWidth(names.cells[r]) + DisplayWidth(names.suffixes[r]));
  }
  names_width = std::min(names_width, std::max<std::size_t>(names.min_width, 24));
  for (std::size_t first = 0; first < metric_columns.size();) {
    std::vector<ShowColumn> table = {names};
    std::size_t used = kIndent + names_width;
    std::size_t last = first;
    while (last < metric_columns.size()) {
      if (options.wide && last - first == kWideMetricColumns) break;
      std::size_t w = DisplayWidth(metric_columns[last].header);
      for (const auto& cell : metric_columns[last].cells) w = std::max(w, DisplayWidth(cell));
      if (!options.wide && last > first && used + kGap + w > options.width) break;
      used += kGap + w;
      table.push_back(metric_columns[last++]);
    }
    out += LayOutColumns(std::move(table), kIndent,
                         options.wide ? std::numeric_limits<std::size_t>::max() : options.width);
    first = last;
  }
}

void RenderMarkerLegend(const std::vector<std::string>& markers, std::string& out) {
  std::set<std::string> used;
  for (const auto& m : markers) {
    for (const char* tag : {"[rv]", "[ref]", "[lb]"}) {
      if (m.find(tag) != std::string::npos) used.insert(tag);
    }
  }
  std::vector<std::string> legend;
  if (used.contains("[ref]")) legend.push_back("[ref] reference row, not ranked");
  if (used.contains("[lb]")) legend.push_back("[lb] load-bound");
  if (used.contains("[rv]")) legend.push_back("[rv] reduced validation");
  if (!legend.empty()) out += fmt::format("  {}\n", fmt::join(legend, " · "));
}

void RenderBinarySizes(const std::vector<ShowRow>& rows, std::string& out) {
  out += "  binary sizes (as built / stripped):";
  for (const ShowRow& row : rows) {
    const nlohmann::json& artifact = row.job->spec.artifact;
    out += fmt::format(" {} {} / {};", ForTerminal(row.job->spec.impl),
                       FormatBytes(NumberAt(artifact, "size_bytes", 0)),
                       FormatBytes(NumberAt(artifact, "stripped_size_bytes", 0)));
  }
  out += "\n";
}

}  // namespace benchctl
