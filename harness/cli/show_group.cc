#include "show_group.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

#include "comparison.h"
#include "escape.h"
#include "interval_coverage.h"
#include "json_lookup.h"
#include "ratio_pairs.h"
#include "units.h"

namespace benchctl {
namespace {

bool AllPositive(const std::vector<double>& values) {
  return std::all_of(values.begin(), values.end(), [](double v) { return v > 0; });
}

std::string Interval(double median, double low, double high) {
  return fmt::format("{} [{}, {}]", FormatNanoseconds(median), FormatNanoseconds(low),
                     FormatNanoseconds(high));
}

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
  bool wide = false;
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

// The rate: MB/s (with cycles per byte in the wide view), or items/s; with its interval in
// the wide view, the median alone by default.
std::string RateCell(const ShowRow& row, const Summary& t, const Layout& layout) {
  if (t.ci_low <= 0) return "";  // A zero time has no rate.
  if (layout.bytes) {
    double bytes = row.job->spec.bytes_per_op;
    if (!layout.wide) return fmt::format("{:.0f}", bytes / t.median * 1e3);
    std::string cell = fmt::format("{:.0f} [{:.0f}, {:.0f}]", bytes / t.median * 1e3,
                                   bytes / t.ci_high * 1e3, bytes / t.ci_low * 1e3);
    // Cycles per byte from the run's clock estimate (no cycle counters here).
    if (layout.cpu_hz > 0)
      cell += fmt::format(" {:.1f} c/B", t.median * 1e-9 * layout.cpu_hz / bytes);
    return cell;
  }
  if (layout.items) {
    double items = row.job->spec.items_per_op * 1e9;
    if (!layout.wide) return FormatCount(items / t.median);
    return fmt::format("{} [{}, {}]", FormatCount(items / t.median), FormatCount(items / t.ci_high),
                       FormatCount(items / t.ci_low));
  }
  return "";
}

// The columns of the group's main table, filled row by row.
struct MainColumns {
  ShowColumn name, time, rate, cycles, vs_fastest, vs_reference, peak_rss, extra, n, instructions,
      outliers;
};

void AddRow(const ShowRow& row, const Layout& layout, MainColumns& c,
            std::vector<double>& time_coverages, std::vector<double>& ratio_coverages) {
  const JobSummary& s = row.summary;
  std::string name = ForTerminal(row.job->spec.impl);
  if (!row.job->spec.build_label.empty())
    name += " (" + ForTerminal(row.job->spec.build_label) + ")";
  c.name.cells.push_back(layout.wide ? RowName(row) : name);
  c.name.suffixes.push_back(layout.wide ? "" : CompactMarkers(row));
  auto fill = [&c](std::size_t count) {
    for (ShowColumn* col : {&c.time, &c.rate, &c.cycles, &c.vs_fastest, &c.vs_reference,
                            &c.peak_rss, &c.extra, &c.n, &c.instructions, &c.outliers}) {
      col->cells.resize(count);
    }
  };
  const std::size_t index = c.name.cells.size() - 1;
  fill(index + 1);
  if (!s.time_ns) {
    c.time.cells[index] = row.job->status == "failed" ? "FAILED (see below)" : "no data";
    return;
  }
  const Summary& t = *s.time_ns;
  time_coverages.push_back(MedianIntervalCoverage(t.n));
  c.time.cells[index] = layout.wide ? Interval(t.median, t.ci_low, t.ci_high)
                                    : CompactTimeInterval(t.median, t.ci_low, t.ci_high);
  c.rate.cells[index] = RateCell(row, t, layout);
  if (!layout.wide && layout.bytes && layout.cpu_hz > 0 && t.median > 0) {
    c.cycles.cells[index] =
        fmt::format("{:.1f}", t.median * 1e-9 * layout.cpu_hz / row.job->spec.bytes_per_op);
  }
  const bool fastest = &row == layout.fastest;
  c.vs_fastest.cells[index] = row.job->spec.reference ? "(not ranked)"
                              : layout.load_bound     ? "(level not ranked)"
                              : fastest ? (layout.wide ? "1.00× (fastest)" : "1.00×")
                              : layout.fastest
                                  ? TimeRatioCell(row, *layout.fastest, &ratio_coverages)
                                  : "-";
  if (layout.reference != nullptr) {
    const double base = layout.reference->summary.time_ns->median;
    // By default the ratio of medians only: the summary after the tables has its interval.
    c.vs_reference.cells[index] = &row == layout.reference ? "1.00×"
                                  : layout.wide
                                      ? TimeRatioCell(row, *layout.reference, &ratio_coverages)
                                  : base > 0 ? fmt::format("{:.2f}×", t.median / base)
                                             : "-";
  }
  c.peak_rss.cells[index] = s.peak_rss_kb ? FormatKilobytes(s.peak_rss_kb->median) : "-";
  if (layout.process_mode) {
    c.extra.cells[index] = FormatBytes(NumberAt(row.job->spec.artifact, "size_bytes", 0));
  } else if (s.rss_increase_kb) {
    c.extra.cells[index] = FormatKilobytes(s.rss_increase_kb->median);
  }
  c.n.cells[index] = fmt::format("{}", s.processes);
  if (layout.counted) {
    c.instructions.cells[index] = s.instructions ? FormatCount(s.instructions->median) : "-";
  }
  if (!t.outliers.empty())
    c.outliers.cells[index] = fmt::format("({} outliers)", t.outliers.size());
}

}  // namespace

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

std::string CompactMarkers(const ShowRow& row) {
  std::string markers;
  if (row.job->spec.validation == "reduced") markers += " [rv]";
  if (row.job->spec.reference) markers += " [ref]";
  if (LoadBound(row)) markers += " [lb]";
  return markers;
}

std::string TimeRatioCell(const ShowRow& row, const ShowRow& base, std::vector<double>* coverages) {
  std::vector<double> a = ProcessTimes(*base.job), b = ProcessTimes(*row.job);
  // A ratio is taken on logs: a zero time (which the loader accepts) has none.
  if (a.size() < 2 || b.size() < 2 || !AllPositive(a) || !AllPositive(b)) return "-";
  if (a.size() * b.size() > kMaxRatioPairs) return "- (too many processes)";
  ShiftEstimate r = LogRatio(a, b);
  if (coverages != nullptr) coverages->push_back(r.confidence);
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

void RenderGroup(const std::string& key, std::vector<ShowRow>& rows, const GroupContext& context,
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
  if (context.quick) out += "  [quick: not for citing]";
  out += "\n";
  Layout layout;
  layout.wide = context.options.wide;
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
  layout.cpu_hz = context.cpu_hz;
  layout.load_bound = std::any_of(rows.begin(), rows.end(), [](const ShowRow& r) {
    return !r.job->spec.reference && LoadBound(r);
  });
  MainColumns c;
  std::vector<double> time_coverages, ratio_coverages;
  for (const ShowRow& row : rows) AddRow(row, layout, c, time_coverages, ratio_coverages);
  std::string time_note, ratio_note;
  const std::string time_ci = CoverageHeader(time_coverages, &time_note);
  const std::string ratio_ci = CoverageHeader(ratio_coverages, &ratio_note);
  const std::string unit = ForTerminal(first.op_unit);
  c.name.header = "implementation";
  c.name.shrinkable = true;
  c.name.min_width = 16;
  c.time.header = layout.wide ? fmt::format("time per {}: median {}", unit, time_ci)
                              : fmt::format("time per {} {}", unit, time_ci);
  // The rate's interval is the time's, inverted: the same coverage.
  c.rate.header = layout.bytes   ? (layout.wide ? fmt::format("MB/s {} cycles/B", time_ci) : "MB/s")
                  : layout.items ? fmt::format("{}s/s{}", unit, layout.wide ? " " + time_ci : "")
                                 : "";
  c.rate.right_aligned = !layout.wide;
  c.rate.drop_rank = 2;
  c.cycles.header = "c/B";
  c.cycles.right_aligned = true;
  c.cycles.drop_rank = 6;
  c.vs_fastest.header = ratio_ci.empty() ? "vs fastest" : "vs fastest " + ratio_ci;
  if (layout.reference != nullptr) {
    c.vs_reference.header = "vs " + ForTerminal(layout.reference->job->spec.impl);
  }
  c.vs_reference.drop_rank = 5;
  c.peak_rss.header = "peak RSS";
  c.peak_rss.right_aligned = true;
  c.extra.header = layout.process_mode ? "binary" : "+RSS";
  c.extra.right_aligned = true;
  c.n.header = "n";
  c.n.right_aligned = true;
  c.instructions.header = "instr/op";
  c.instructions.right_aligned = true;
  c.instructions.drop_rank = 3;
  std::vector<ShowColumn> columns;
  if (layout.wide) {
    columns = {c.name,     c.time,  c.rate, c.vs_fastest,   c.vs_reference,
               c.peak_rss, c.extra, c.n,    c.instructions, c.outliers};
  } else {
    // One memory column: the binary's size is in the binary sizes line below.
    ShowColumn memory = layout.process_mode ? c.peak_rss : c.extra;
    memory.drop_rank = 4;
    columns = {c.name,         c.time, c.rate, c.cycles,      c.vs_fastest,
               c.vs_reference, memory, c.n,    c.instructions};
  }
  std::vector<std::string> dropped;
  out += LayOutColumns(
      std::move(columns), 2,
      layout.wide ? std::numeric_limits<std::size_t>::max() : context.options.width, &dropped);
  if (!dropped.empty()) {
    out += fmt::format("  left out to fit {} columns (--wide shows them): {}\n",
                       context.options.width, fmt::join(dropped, ", "));
  }
  if (!time_note.empty()) {
    out +=
        fmt::format("  time intervals below 95% (fewer than 6 processes, see n): {}\n", time_note);
  }
  if (!ratio_note.empty()) out += fmt::format("  ratio intervals below 95%: {}\n", ratio_note);
  if (!layout.wide && layout.reference != nullptr &&
      std::find(dropped.begin(), dropped.end(), c.vs_reference.header) == dropped.end()) {
    out += "  " + c.vs_reference.header +
           ": ratio of medians; intervals in the summary at the end and with --wide\n";
  }
  if (layout.load_bound) {
    out +=
        "  [load-bound]: the load generator saturated its CPU while the server had CPU to "
        "spare, so that rate measures the client as much as the server; this level is not "
        "ranked (run on a machine with more CPUs, or fewer connections)\n";
  }
  if (!layout.wide) RenderMarkerLegend(c.name.suffixes, out);
  if (context.quick) out += "  quick: not for citing\n";
  RenderDeclaredMetrics(rows, context.options, out);
  if (layout.process_mode) RenderBinarySizes(rows, out);
}

}  // namespace benchctl
