#include "show_group.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "comparison.h"
#include "escape.h"
#include "json_lookup.h"
#include "ratio_pairs.h"
#include "units.h"

namespace benchctl {
namespace {

bool AllPositive(const std::vector<double>& values) {
  return std::all_of(values.begin(), values.end(), [](double v) { return v > 0; });
}

std::string Interval(double median, double low, double high, std::string (*fmt_fn)(double)) {
  return fmt::format("{} [{}, {}]", fmt_fn(median), fmt_fn(low), fmt_fn(high));
}

std::string TrimRight(std::string text) {
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

constexpr std::size_t kMetricColumns = 4;

// What the group's table shows, decided once from all its rows.
struct Layout {
  bool bytes = false;         // MB/s (an input size per operation).
  bool items = false;         // items/s (spsc throughput).
  bool process_mode = false;  // Binary size instead of the RSS increase.
  bool counted = false;       // An instr/op column.
  const ShowRow* fastest = nullptr;
  const ShowRow* reference = nullptr;  // The group's reference row, if it has one.
  double cpu_hz = 0;
  bool load_bound = false;  // A ranked row's load generator was the bottleneck: no ranking.
};

// Whether any of the row's processes was load-generator bound (mode server: wrk saturated
// its CPU while the server had CPU to spare), so its rate measures the client too.
bool LoadBound(const ShowRow& row) {
  for (const ProcessRecord& p : row.job->processes) {
    if (p.ok && NumberAt(p.counters, "load_generator_bound", 0) > 0) return true;
  }
  return false;
}

// "16 connections, 16 pipelined, 5 s measured after a 1 s primer and 2 s warm-up, wrk 4.1.0":
// the level a server-mode group ran.
std::string LevelLine(const nlohmann::json& load) {
  if (!load.is_object()) return "";
  const double depth = NumberAt(load, "depth", 1);
  std::string version = load.contains("generator_version") && load["generator_version"].is_string()
                            ? load["generator_version"].get<std::string>()
                            : "";
  version = version.substr(0, version.find(" ["));  // "wrk 4.1.0 [epoll] Copyright ...".
  return fmt::format(
      "  ({:.0f} connections, {}, {:.0f} s measured after a {:.0f} s primer and {:.0f} s "
      "warm-up; {})",
      NumberAt(load, "connections", 0),
      depth > 1 ? fmt::format("{:.0f} requests pipelined", depth) : "no pipelining",
      NumberAt(load, "duration_s", 0), NumberAt(load, "primer_s", 0), NumberAt(load, "warmup_s", 0),
      version);
}

// The rate column: MB/s with cycles per byte, or items/s.
std::string RateCell(const ShowRow& row, const Summary& t, const Layout& layout) {
  if (t.ci_low <= 0) return "";  // A zero time has no rate.
  if (layout.bytes) {
    double bytes = row.job->spec.bytes_per_op;
    std::string cell = fmt::format("{:.0f} [{:.0f}, {:.0f}]", bytes / t.median * 1e3,
                                   bytes / t.ci_high * 1e3, bytes / t.ci_low * 1e3);
    // Cycles per byte from the run's clock estimate (no cycle counters here).
    if (layout.cpu_hz > 0)
      cell += fmt::format(" {:.1f} c/B", t.median * 1e-9 * layout.cpu_hz / bytes);
    return cell;
  }
  if (layout.items) {
    double items = row.job->spec.items_per_op * 1e9;
    return fmt::format("{} [{}, {}]", FormatCount(items / t.median), FormatCount(items / t.ci_high),
                       FormatCount(items / t.ci_low));
  }
  return "";
}

std::string RowName(const ShowRow& row) {
  std::string name = ForTerminal(row.job->spec.impl);
  if (!row.job->spec.build_label.empty()) {
    name += " (" + ForTerminal(row.job->spec.build_label) + ")";
  }
  if (row.job->spec.validation == "reduced") name += " [reduced validation]";
  if (row.job->spec.reference) name += " [reference]";
  if (LoadBound(row)) name += " [load-bound]";
  return name;
}

// One implementation's line of a group's table.
void RenderRow(const ShowRow& row, const Layout& layout, std::string& out) {
  const JobSummary& s = row.summary;
  std::string name = RowName(row);
  if (!s.time_ns) {
    out += fmt::format("  {:<22} {}\n", name,
                       row.job->status == "failed" ? "FAILED (see below)" : "no data");
    return;
  }
  const Summary& t = *s.time_ns;
  std::string vs_fastest = row.job->spec.reference  ? "(not ranked)"
                           : layout.load_bound      ? "(level not ranked)"
                           : &row == layout.fastest ? "1.00× (fastest)"
                           : layout.fastest         ? TimeRatioCell(row, *layout.fastest)
                                                    : "-";
  std::string vs_reference;
  if (layout.reference != nullptr) {
    vs_reference = &row == layout.reference ? "1.00×" : TimeRatioCell(row, *layout.reference);
    vs_reference = fmt::format(" {:<22}", vs_reference);
  }
  std::string extra;
  if (layout.process_mode) {
    extra = FormatBytes(NumberAt(row.job->spec.artifact, "size_bytes", 0));
  } else if (s.rss_increase_kb) {
    extra = FormatKilobytes(s.rss_increase_kb->median);
  }
  std::string instructions;
  if (layout.counted) {
    instructions =
        fmt::format(" {:>10}", s.instructions ? FormatCount(s.instructions->median) : "-");
  }
  out += fmt::format("  {:<22} {:<34} {:<30} {:<22}{} {:>10} {:>10} {:>4}{}{}\n", name,
                     Interval(t.median, t.ci_low, t.ci_high, FormatNanoseconds),
                     RateCell(row, t, layout), vs_fastest, vs_reference,
                     s.peak_rss_kb ? FormatKilobytes(s.peak_rss_kb->median) : "-", extra,
                     s.processes, instructions,
                     t.outliers.empty() ? "" : fmt::format("  ({} outliers)", t.outliers.size()));
}

// The metrics the suite declared (counters), as a table: a row per implementation, a column
// per metric with its median and interval. A new metric shows up without a change here.
void RenderDeclaredMetrics(const std::vector<ShowRow>& rows, std::string& out) {
  std::vector<MetricSpec> columns;
  std::map<std::string, std::map<std::string, std::string>> cells;  // impl row -> metric -> cell
  for (const ShowRow& row : rows) {
    for (const Metric& m : MetricsOf(*row.job)) {
      // Built-in metrics have their own columns, except page faults, which are listed here.
      if (FindBuiltinMetric(m.spec.name) != nullptr && m.spec.unit != "faults") continue;
      if (std::none_of(columns.begin(), columns.end(),
                       [&m](const MetricSpec& c) { return c.name == m.spec.name; })) {
        columns.push_back(m.spec);
      }
      const Summary& s = m.summary;
      cells[row.job->spec.id][m.spec.name] =
          fmt::format("{} [{}, {}]", FormatMetricValue(m.spec, s.median),
                      FormatMetricValue(m.spec, s.ci_low), FormatMetricValue(m.spec, s.ci_high));
    }
  }
  if (columns.empty()) return;
  // A stored file keeps its metrics by name; titles put p50, p99, p99.9 in reading order.
  std::stable_sort(columns.begin(), columns.end(),
                   [](const MetricSpec& a, const MetricSpec& b) { return a.title < b.title; });
  out += "  more metrics: median [95% CI] per implementation\n";
  // Four columns to a table, so a suite with many metrics stays readable.
  for (std::size_t first = 0; first < columns.size(); first += kMetricColumns) {
    const std::size_t last = std::min(columns.size(), first + kMetricColumns);
    std::string header = fmt::format("  {:<22}", "");
    for (std::size_t c = first; c < last; ++c) {
      header += fmt::format(" {:<32}", fmt::format("{} ({} better)", columns[c].label,
                                                   BetterName(columns[c].better)));
    }
    out += TrimRight(ForTerminal(header)) + "\n";
    for (const ShowRow& row : rows) {
      auto it = cells.find(row.job->spec.id);
      if (it == cells.end()) continue;
      std::string line = fmt::format("  {:<22}", RowName(row));
      bool any = false;
      for (std::size_t c = first; c < last; ++c) {
        auto cell = it->second.find(columns[c].name);
        any |= cell != it->second.end();
        line += fmt::format(" {:<32}", cell == it->second.end() ? "-" : ForTerminal(cell->second));
      }
      if (any) out += TrimRight(line) + "\n";
    }
  }
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

}  // namespace

std::string TimeRatioCell(const ShowRow& row, const ShowRow& base) {
  std::vector<double> a = ProcessTimes(*base.job), b = ProcessTimes(*row.job);
  // A ratio is taken on logs: a zero time (which the loader accepts) has none.
  if (a.size() < 2 || b.size() < 2 || !AllPositive(a) || !AllPositive(b)) return "-";
  if (a.size() * b.size() > kMaxRatioPairs) return "- (too many processes)";
  ShiftEstimate r = LogRatio(a, b);
  return fmt::format("{:.2f}× [{:.2f}, {:.2f}]", r.estimate, r.ci_low, r.ci_high);
}

const ShowRow* FastestRanked(const std::vector<ShowRow>& rows) {
  const ShowRow* best = nullptr;
  for (const ShowRow& row : rows) {
    if (row.job->spec.reference || !row.summary.time_ns) continue;
    if (best == nullptr || row.summary.time_ns->median < best->summary.time_ns->median) {
      best = &row;
    }
  }
  return best;
}

void RenderGroup(const std::string& key, std::vector<ShowRow>& rows, double cpu_hz,
                 std::string& out) {
  std::sort(rows.begin(), rows.end(), [](const ShowRow& a, const ShowRow& b) {
    double ma = a.summary.time_ns ? a.summary.time_ns->median : 1e300;
    double mb = b.summary.time_ns ? b.summary.time_ns->median : 1e300;
    return ma < mb;
  });
  const JobSpec& first = rows.front().job->spec;
  out += fmt::format("\n{}", ForTerminal(key));
  if (first.input)
    out += fmt::format("  ({}, sha256 {}…)", FormatBytes(static_cast<double>(first.input->bytes)),
                       ForTerminal(first.input->sha256.substr(0, 12)));
  out += ForTerminal(LevelLine(first.load));
  out += "\n";
  Layout layout;
  // A workload that times itself reports its RSS after setup, so its table shows the
  // increase; a whole-process measurement (no such report) shows the binary's size instead.
  layout.process_mode = std::none_of(rows.begin(), rows.end(), [](const ShowRow& r) {
    return r.summary.baseline_rss_kb.has_value();
  });
  layout.bytes = first.bytes_per_op > 0;
  layout.items = !layout.bytes && first.items_per_op > 0;
  layout.counted = std::any_of(rows.begin(), rows.end(),
                               [](const ShowRow& r) { return r.summary.instructions.has_value(); });
  layout.fastest = FastestRanked(rows);
  for (const ShowRow& row : rows) {
    if (row.job->spec.reference && row.summary.time_ns && layout.reference == nullptr) {
      layout.reference = &row;
    }
  }
  layout.cpu_hz = cpu_hz;
  layout.load_bound = std::any_of(rows.begin(), rows.end(), [](const ShowRow& r) {
    return !r.job->spec.reference && LoadBound(r);
  });
  const std::string unit = ForTerminal(first.op_unit);
  out += fmt::format(
      "  {:<22} {:<34} {:<30} {:<22}{} {:>10} {:>10} {:>4}{}\n", "implementation",
      fmt::format("time per {}: median [95% CI]", unit),
      layout.bytes   ? "MB/s [95% CI] cycles/B"
      : layout.items ? fmt::format("{}s/s [95% CI]", unit)
                     : "",
      "vs fastest [95% CI]",
      layout.reference
          ? fmt::format(" {:<22}", "vs " + ForTerminal(layout.reference->job->spec.impl))
          : "",
      "peak RSS", layout.process_mode ? "binary" : "+RSS", "n",
      layout.counted ? fmt::format(" {:>10}", "instr/op") : "");
  for (const ShowRow& row : rows) RenderRow(row, layout, out);
  if (layout.load_bound) {
    out +=
        "  [load-bound]: the load generator saturated its CPU while the server had CPU to "
        "spare, so that rate measures the client as much as the server; this level is not "
        "ranked (run on a machine with more CPUs, or fewer connections)\n";
  }
  RenderDeclaredMetrics(rows, out);
  if (layout.process_mode) RenderBinarySizes(rows, out);
}

}  // namespace benchctl
