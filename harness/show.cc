#include "show.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>

#include "comparison.h"
#include "job_summary.h"
#include "units.h"

namespace benchctl {
namespace {

struct Row {
  const JobResult* job;
  JobSummary summary;
};

std::string GroupKey(const JobSpec& s) {
  return fmt::format("{} · {}{}", s.suite, s.operation, s.input ? " · " + s.input->name : "");
}

std::string Interval(double median, double low, double high, std::string (*fmt_fn)(double)) {
  return fmt::format("{} [{}, {}]", fmt_fn(median), fmt_fn(low), fmt_fn(high));
}

// "1.84× [1.79, 1.90]" of `row` against the group's fastest.
std::string RatioCell(const Row& row, const Row& best) {
  if (&row == &best) return "1.00× (fastest)";
  std::vector<double> a = ProcessTimes(*best.job), b = ProcessTimes(*row.job);
  if (a.size() < 2 || b.size() < 2) return "-";
  ShiftEstimate r = LogRatio(a, b);
  return fmt::format("{:.2f}× [{:.2f}, {:.2f}]", r.estimate, r.ci_low, r.ci_high);
}

void RenderHeader(const RunResult& run, const std::string& source, std::string& out) {
  const auto& env = run.environment;
  const auto& sys = env.value("system", nlohmann::json::object());
  out += fmt::format("{}  ({})\n", source,
                     run.complete ? "complete" : "INCOMPLETE: " + run.stop_reason);
  out += fmt::format("suite {} · seed {} · {} processes per job · children on CPUs {}\n",
                     run.config.value("suite", "?"), run.config.value("seed", std::uint64_t{0}),
                     run.config.value("processes", 0), env.value("child_cpus", std::vector<int>{}));
  out += fmt::format("{} · {} CPUs · {} · benchctl {} ({}{})\n", sys.value("cpu_model", "?"),
                     sys.value("logical_cpus", 0), sys.value("kernel", "?"),
                     run.benchctl.value("version", "?"),
                     run.benchctl.value("git_commit", nlohmann::json()).is_string()
                         ? run.benchctl["git_commit"].get<std::string>().substr(0, 12)
                         : "no git",
                     run.benchctl.value("git_dirty", nlohmann::json()) == true ? ", dirty" : "");
  if (env.contains("memory_read_bandwidth_bytes_per_s")) {
    out += fmt::format(
        "memory read bandwidth {:.0f} MB/s (one core, sequential) · estimated clock "
        "{:.2f} GHz\n",
        env.value("memory_read_bandwidth_bytes_per_s", 0.0) / 1e6,
        env.value("estimated_cpu_hz", 0.0) / 1e9);
  }
  if (const auto counts = run.config.value("instructions", nlohmann::json()); counts.is_object()) {
    out += fmt::format("instructions: {} callgrind counts per job ({}), instr/op column\n",
                       counts.value("measurements", 0), counts.value("valgrind_version", "?"));
  }
  for (const auto& [lang, t] : run.toolchains.items()) {
    out += fmt::format("  {:<5} {}\n", lang, t.value("version", "?"));
  }
  for (const auto& w : env.value("noise_warnings", nlohmann::json::array())) {
    out += fmt::format("  warning: {}\n", w.value("condition", ""));
  }
}

void RenderGroup(const std::string& key, std::vector<Row>& rows, double cpu_hz, std::string& out) {
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    double ma = a.summary.time_ns ? a.summary.time_ns->median : 1e300;
    double mb = b.summary.time_ns ? b.summary.time_ns->median : 1e300;
    return ma < mb;
  });
  const JobSpec& first = rows.front().job->spec;
  out += fmt::format("\n{}", key);
  if (first.input)
    out += fmt::format("  ({}, sha256 {}…)", FormatBytes(static_cast<double>(first.input->bytes)),
                       first.input->sha256.substr(0, 12));
  out += "\n";
  bool process_mode = first.mode == "process";
  bool throughput = first.bytes_per_op > 0;
  bool counted = std::any_of(rows.begin(), rows.end(),
                             [](const Row& r) { return r.summary.instructions.has_value(); });
  out += fmt::format("  {:<16} {:<34} {:<30} {:<22} {:>10} {:>10} {:>4}{}\n", "implementation",
                     "time per op: median [95% CI]", throughput ? "MB/s [95% CI] cycles/B" : "",
                     "vs fastest [95% CI]", "peak RSS", process_mode ? "binary" : "+RSS", "n",
                     counted ? fmt::format(" {:>10}", "instr/op") : "");
  const Row& best = rows.front();
  for (const Row& row : rows) {
    const JobSummary& s = row.summary;
    std::string name = row.job->spec.impl;
    if (!row.job->spec.build_label.empty()) name += " (" + row.job->spec.build_label + ")";
    if (row.job->spec.validation == "reduced") name += " [reduced validation]";
    if (!s.time_ns) {
      out += fmt::format("  {:<16} {}\n", name,
                         row.job->status == "failed" ? "FAILED (see below)" : "no data");
      continue;
    }
    const Summary& t = *s.time_ns;
    std::string mbs;
    if (throughput) {
      double bytes = row.job->spec.bytes_per_op;
      mbs = fmt::format("{:.0f} [{:.0f}, {:.0f}]", bytes / t.median * 1e3, bytes / t.ci_high * 1e3,
                        bytes / t.ci_low * 1e3);
      // Cycles per byte from the run's clock estimate (no cycle counters here).
      if (cpu_hz > 0) mbs += fmt::format(" {:.1f} c/B", t.median * 1e-9 * cpu_hz / bytes);
    }
    std::string extra;
    if (process_mode) {
      extra = FormatBytes(row.job->spec.artifact.value("size_bytes", 0.0));
    } else if (s.rss_increase_kb) {
      extra = FormatKilobytes(s.rss_increase_kb->median);
    }
    std::string instructions;
    if (counted) {
      instructions =
          fmt::format(" {:>10}", s.instructions ? FormatCount(s.instructions->median) : "-");
    }
    out += fmt::format(
        "  {:<16} {:<34} {:<30} {:<22} {:>10} {:>10} {:>4}{}{}\n", name,
        Interval(t.median, t.ci_low, t.ci_high, FormatNanoseconds), mbs, RatioCell(row, best),
        s.peak_rss_kb ? FormatKilobytes(s.peak_rss_kb->median) : "-", extra, s.processes,
        instructions, t.outliers.empty() ? "" : fmt::format("  ({} outliers)", t.outliers.size()));
  }
  if (process_mode) {
    out += "  binary sizes (as built / stripped):";
    for (const Row& row : rows) {
      out += fmt::format(" {} {} / {};", row.job->spec.impl,
                         FormatBytes(row.job->spec.artifact.value("size_bytes", 0.0)),
                         FormatBytes(row.job->spec.artifact.value("stripped_size_bytes", 0.0)));
    }
    out += "\n";
  }
}

// Each language's fastest implementation as a ratio to the fastest C++ one, per
// group, with the ratio's interval: the cross-language comparison writers cite.
void RenderLanguageRatios(const std::vector<std::string>& order,
                          std::map<std::string, std::vector<Row>>& groups, std::string& out) {
  std::string table;
  for (const auto& key : order) {
    std::map<std::string, const Row*> fastest;
    for (const Row& row : groups[key]) {
      if (!row.summary.time_ns) continue;
      const Row*& best = fastest[row.job->spec.language];
      if (best == nullptr || row.summary.time_ns->median < best->summary.time_ns->median) {
        best = &row;
      }
    }
    if (!fastest.contains("cpp") || fastest.size() < 2) continue;
    table += fmt::format("  {:<34}", key);
    for (const auto& [lang, row] : fastest) {
      if (lang == "cpp") continue;
      table += fmt::format(" {}/{} {}", row->job->spec.impl, fastest["cpp"]->job->spec.impl,
                           RatioCell(*row, *fastest["cpp"]));
    }
    table += "\n";
  }
  if (!table.empty()) {
    out += "\nEach language's fastest ÷ the fastest C++ (time ratio [95% CI]; < 1 is faster)\n";
    out += table;
  }
}

}  // namespace

std::string RenderRun(const RunResult& run, const std::string& source) {
  std::string out;
  RenderHeader(run, source, out);
  std::vector<std::string> order;
  std::map<std::string, std::vector<Row>> groups;
  for (const auto& job : run.jobs) {
    std::string key = GroupKey(job.spec);
    if (!groups.contains(key)) order.push_back(key);
    groups[key].push_back({&job, ComputeJobSummary(job)});
  }
  double cpu_hz = run.environment.value("estimated_cpu_hz", 0.0);
  for (const auto& key : order) RenderGroup(key, groups[key], cpu_hz, out);
  RenderLanguageRatios(order, groups, out);
  bool any_failed = false;
  for (const auto& job : run.jobs) {
    if (job.status != "failed") continue;
    if (!any_failed) out += "\nFAILED\n";
    any_failed = true;
    out += fmt::format("  {}: {}\n", job.spec.id, job.failure);
    for (const auto& p : job.processes) {
      if (p.ok || p.stderr_tail.empty()) continue;
      std::string tail = p.stderr_tail.size() > 600
                             ? p.stderr_tail.substr(p.stderr_tail.size() - 600)
                             : p.stderr_tail;
      out += "    stderr: " + tail + (tail.ends_with("\n") ? "" : "\n");
    }
  }
  return out;
}

}  // namespace benchctl
