#include "show.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>

#include "comparison.h"
#include "escape.h"
#include "job_summary.h"
#include "json_lookup.h"
#include "ratio_pairs.h"
#include "units.h"

namespace benchctl {
namespace {

struct Row {
  const JobResult* job;
  JobSummary summary;
};

using nlohmann::json;

// Groups jobs by their raw names; only what is printed is escaped.
std::string GroupKey(const JobSpec& s) {
  return fmt::format("{} · {}{}", s.suite, s.operation, s.input ? " · " + s.input->name : "");
}

// A scalar of a free-form object (config, environment...), safe to print.
std::string Shown(const json& obj, std::string_view key, std::string_view fallback) {
  return ForTerminal(TextAt(obj, key, fallback));
}

bool AllPositive(const std::vector<double>& values) {
  return std::all_of(values.begin(), values.end(), [](double v) { return v > 0; });
}

std::string Interval(double median, double low, double high, std::string (*fmt_fn)(double)) {
  return fmt::format("{} [{}, {}]", fmt_fn(median), fmt_fn(low), fmt_fn(high));
}

// "1.84× [1.79, 1.90]" of `row` against the group's fastest.
std::string RatioCell(const Row& row, const Row& best) {
  if (&row == &best) return "1.00× (fastest)";
  std::vector<double> a = ProcessTimes(*best.job), b = ProcessTimes(*row.job);
  // A ratio is taken on logs: a zero time (which the loader accepts) has none.
  if (a.size() < 2 || b.size() < 2 || !AllPositive(a) || !AllPositive(b)) return "-";
  if (a.size() * b.size() > kMaxRatioPairs) return "- (too many processes)";
  ShiftEstimate r = LogRatio(a, b);
  return fmt::format("{:.2f}× [{:.2f}, {:.2f}]", r.estimate, r.ci_low, r.ci_high);
}

// " (two cores; benchctl shares CPU 0, idle while a job runs)": what a multi-CPU job's
// numbers depend on, when the file says.
std::string PlacementNote(const RunEnvironment& env) {
  std::vector<std::string> parts;
  const json& siblings = At(env.extra, "child_cpus_smt_siblings");
  if (env.child_cpus.size() > 1 && siblings.is_boolean()) {
    parts.push_back(siblings.get<bool>() ? "SMT siblings of one core" : "separate cores");
  }
  if (env.orchestrator_shares_child_cpus) {
    parts.push_back(fmt::format("benchctl shares CPU {}, idle while a job runs",
                                fmt::join(env.orchestrator_cpus, ",")));
  }
  return parts.empty() ? "" : fmt::format(" ({})", fmt::join(parts, "; "));
}

// Every value comes from the file: every string is escaped for the terminal; the free-form
// parts (benchctl, toolchains) are read leniently (a wrong type shows a fallback).
void RenderHeader(const RunResult& run, const std::string& source, std::string& out) {
  const RunEnvironment& env = run.environment;
  const RecordedSystem& sys = env.system;
  const RunConfig& config = run.config;
  out += fmt::format("{}  ({})\n", ForTerminal(source), CompletionText(run));
  out += fmt::format("suite {} · seed {} · {} processes per job · children on CPUs {}{}\n",
                     ForTerminal(config.suite.value_or("?")), config.seed, config.processes,
                     env.child_cpus, PlacementNote(env));
  const json& commit = At(run.benchctl, "git_commit");
  out += fmt::format(
      "{} · {} CPUs · {} · benchctl {} ({}{})\n", ForTerminal(sys.cpu_model.value_or("?")),
      sys.logical_cpus.value_or(0), ForTerminal(sys.kernel.value_or("?")),
      Shown(run.benchctl, "version", "?"),
      commit.is_string() ? ForTerminal(commit.get<std::string>().substr(0, 12)) : "no git",
      At(run.benchctl, "git_dirty") == true ? ", dirty" : "");
  if (env.memory_read_bandwidth_bytes_per_s) {
    out += fmt::format(
        "memory read bandwidth {:.0f} MB/s (one core, sequential) · estimated clock "
        "{:.2f} GHz\n",
        *env.memory_read_bandwidth_bytes_per_s / 1e6, env.estimated_cpu_hz.value_or(0) / 1e9);
  }
  if (config.instructions) {
    out += fmt::format("instructions: {} callgrind counts per job ({}), instr/op column\n",
                       config.instructions->measurements,
                       ForTerminal(config.instructions->valgrind_version.value_or("?")));
  }
  for (const auto& [lang, t] : run.toolchains.items()) {
    out += fmt::format("  {:<5} {}\n", ForTerminal(lang), Shown(t, "version", "?"));
  }
  for (const auto& w : env.noise_warnings) {
    out += fmt::format("  warning: {}\n", ForTerminal(w.condition));
  }
}

// A line per metric the suite declared (counters), each implementation's median and interval:
// a new metric shows up here without a change to this file.
void RenderDeclaredMetrics(const std::vector<Row>& rows, std::string& out) {
  std::vector<std::string> order;
  std::map<std::string, std::string> lines;
  for (const Row& row : rows) {
    for (const Metric& m : MetricsOf(*row.job)) {
      if (FindBuiltinMetric(m.spec.name) != nullptr) continue;
      if (!lines.contains(m.spec.name)) {
        order.push_back(m.spec.name);
        lines[m.spec.name] =
            fmt::format("  {} ({} is better):", m.spec.title, BetterName(m.spec.better));
      }
      const Summary& s = m.summary;
      lines[m.spec.name] +=
          fmt::format(" {} {} [{}, {}];", row.job->spec.impl, FormatMetricValue(m.spec, s.median),
                      FormatMetricValue(m.spec, s.ci_low), FormatMetricValue(m.spec, s.ci_high));
    }
  }
  for (const auto& name : order) out += ForTerminal(lines[name], Lines::kKeep) + "\n";
}

// One implementation's line of a group's table.
void RenderRow(const Row& row, const Row& best, bool throughput, bool process_mode, bool counted,
               double cpu_hz, std::string& out) {
  const JobSummary& s = row.summary;
  std::string name = ForTerminal(row.job->spec.impl);
  if (!row.job->spec.build_label.empty()) {
    name += " (" + ForTerminal(row.job->spec.build_label) + ")";
  }
  if (row.job->spec.validation == "reduced") name += " [reduced validation]";
  if (!s.time_ns) {
    out += fmt::format("  {:<16} {}\n", name,
                       row.job->status == "failed" ? "FAILED (see below)" : "no data");
    return;
  }
  const Summary& t = *s.time_ns;
  std::string mbs;
  if (throughput && t.ci_low > 0) {  // A zero time has no throughput.
    double bytes = row.job->spec.bytes_per_op;
    mbs = fmt::format("{:.0f} [{:.0f}, {:.0f}]", bytes / t.median * 1e3, bytes / t.ci_high * 1e3,
                      bytes / t.ci_low * 1e3);
    // Cycles per byte from the run's clock estimate (no cycle counters here).
    if (cpu_hz > 0) mbs += fmt::format(" {:.1f} c/B", t.median * 1e-9 * cpu_hz / bytes);
  }
  std::string extra;
  if (process_mode) {
    extra = FormatBytes(NumberAt(row.job->spec.artifact, "size_bytes", 0));
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

void RenderGroup(const std::string& key, std::vector<Row>& rows, double cpu_hz, std::string& out) {
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    double ma = a.summary.time_ns ? a.summary.time_ns->median : 1e300;
    double mb = b.summary.time_ns ? b.summary.time_ns->median : 1e300;
    return ma < mb;
  });
  const JobSpec& first = rows.front().job->spec;
  out += fmt::format("\n{}", ForTerminal(key));
  if (first.input)
    out += fmt::format("  ({}, sha256 {}…)", FormatBytes(static_cast<double>(first.input->bytes)),
                       ForTerminal(first.input->sha256.substr(0, 12)));
  out += "\n";
  // A workload that times itself reports its RSS after setup, so its table shows the
  // increase; a whole-process measurement (no such report) shows the binary's size instead.
  bool process_mode = std::none_of(
      rows.begin(), rows.end(), [](const Row& r) { return r.summary.baseline_rss_kb.has_value(); });
  bool throughput = first.bytes_per_op > 0;
  bool counted = std::any_of(rows.begin(), rows.end(),
                             [](const Row& r) { return r.summary.instructions.has_value(); });
  out += fmt::format("  {:<16} {:<34} {:<30} {:<22} {:>10} {:>10} {:>4}{}\n", "implementation",
                     "time per op: median [95% CI]", throughput ? "MB/s [95% CI] cycles/B" : "",
                     "vs fastest [95% CI]", "peak RSS", process_mode ? "binary" : "+RSS", "n",
                     counted ? fmt::format(" {:>10}", "instr/op") : "");
  for (const Row& row : rows) {
    RenderRow(row, rows.front(), throughput, process_mode, counted, cpu_hz, out);
  }
  RenderDeclaredMetrics(rows, out);
  if (process_mode) {
    out += "  binary sizes (as built / stripped):";
    for (const Row& row : rows) {
      const json& artifact = row.job->spec.artifact;
      out += fmt::format(" {} {} / {};", ForTerminal(row.job->spec.impl),
                         FormatBytes(NumberAt(artifact, "size_bytes", 0)),
                         FormatBytes(NumberAt(artifact, "stripped_size_bytes", 0)));
    }
    out += "\n";
  }
}

// Each language's fastest implementation as a ratio to the fastest C++ one, per
// group, with the ratio's interval: the cross-language comparison writers cite.
void RenderLanguageRatios(const RunResult& run, const std::vector<std::string>& order,
                          std::map<std::string, std::vector<Row>>& groups, std::string& out) {
  // The suite names the language the others are shown against (Suite::Describe); files from
  // before it did are C++ runs.
  const json& named = At(run.config.suite_details, "reference_language");
  const std::string ref = named.is_string() ? named.get<std::string>() : "cpp";
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
    if (!fastest.contains(ref) || fastest.size() < 2) continue;
    table += fmt::format("  {:<34}", ForTerminal(key));
    for (const auto& [lang, row] : fastest) {
      if (lang == ref) continue;
      table +=
          fmt::format(" {}/{} {}", ForTerminal(row->job->spec.impl),
                      ForTerminal(fastest[ref]->job->spec.impl), RatioCell(*row, *fastest[ref]));
    }
    table += "\n";
  }
  if (!table.empty()) {
    out += fmt::format(
        "\nEach language's fastest ÷ the fastest {} (time ratio [95% CI]; < 1 is faster)\n",
        ForTerminal(TextAt(At(run.toolchains, ref), "display_name", ref)));
    out += table;
  }
}

}  // namespace

std::string CompletionText(const RunResult& run) {
  if (run.complete) return "complete";
  std::size_t ran = 0;
  for (const auto& job : run.jobs) ran += job.processes.size();
  std::size_t planned = run.config.PlannedProcesses();
  std::string progress = planned > 0 ? fmt::format("{} of {} processes ran", ran, planned)
                                     : fmt::format("{} processes ran", ran);
  // An empty reason: benchctl records why it stops (a signal, a failed write) before exiting,
  // so it never got the chance.
  std::string why = run.stop_reason.empty()
                        ? "benchctl stopped without recording why (killed by SIGKILL, a crash or "
                          "power loss)"
                        : ForTerminal(run.stop_reason);
  return fmt::format("INCOMPLETE: {}; {}", why, progress);
}

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
  double cpu_hz = run.environment.estimated_cpu_hz.value_or(0);
  for (const auto& key : order) RenderGroup(key, groups[key], cpu_hz, out);
  RenderLanguageRatios(run, order, groups, out);
  bool any_failed = false;
  for (const auto& job : run.jobs) {
    if (job.status != "failed") continue;
    if (!any_failed) out += "\nFAILED\n";
    any_failed = true;
    // Build logs and stderr keep their lines; everything else a terminal acts on is escaped.
    out +=
        fmt::format("  {}: {}\n", ForTerminal(job.spec.id), ForTerminal(job.failure, Lines::kKeep));
    for (const auto& p : job.processes) {
      if (p.ok || p.stderr_tail.empty()) continue;
      std::string_view tail = p.stderr_tail;
      if (tail.size() > 600) tail.remove_prefix(tail.size() - 600);
      // Start at a character, not inside one (UTF-8 continuation bytes are 10xxxxxx).
      while (!tail.empty() && (static_cast<unsigned char>(tail.front()) & 0xC0) == 0x80) {
        tail.remove_prefix(1);
      }
      std::string shown = ForTerminal(tail, Lines::kKeep);
      out += "    stderr: " + shown + (shown.ends_with("\n") ? "" : "\n");
    }
  }
  return out;
}

}  // namespace benchctl
