#include "show.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <set>

#include "escape.h"
#include "job_groups.h"
#include "json_lookup.h"
#include "show_group.h"
#include "units.h"

namespace benchctl {
namespace {

using nlohmann::json;

// A scalar of a free-form object (config, environment...), safe to print.
std::string Shown(const json& obj, std::string_view key, std::string_view fallback) {
  return ForTerminal(TextAt(obj, key, fallback));
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

// Each language's fastest implementation as a ratio to the fastest C++ one, per
// group, with the ratio's interval: the cross-language comparison writers cite.
void RenderLanguageRatios(const RunResult& run, const std::vector<std::string>& order,
                          std::map<std::string, std::vector<ShowRow>>& groups, std::string& out) {
  // The suite names the language the others are shown against (Suite::Describe); files from
  // before it did are C++ runs.
  const json& named = At(run.config.suite_details, "reference_language");
  const std::string ref = named.is_string() ? named.get<std::string>() : "cpp";
  std::string table, vs_reference;
  std::string reference_name;
  for (const auto& key : order) {
    std::map<std::string, const ShowRow*> fastest;
    const ShowRow* reference = nullptr;
    for (const ShowRow& row : groups[key]) {
      // A reference row is what the others are measured against, not a contender.
      if (row.summary.time_ns && row.job->spec.reference && reference == nullptr) {
        reference = &row;
      }
      if (!row.summary.time_ns || row.job->spec.reference) continue;
      const ShowRow*& best = fastest[row.job->spec.language];
      if (best == nullptr || row.summary.time_ns->median < best->summary.time_ns->median) {
        best = &row;
      }
    }
    if (reference != nullptr && !fastest.empty()) {
      reference_name = reference->job->spec.impl;
      vs_reference += fmt::format("  {:<34}", ForTerminal(key));
      for (const auto& [lang, row] : fastest) {
        vs_reference += fmt::format(" {} {}", ForTerminal(row->job->spec.impl),
                                    TimeRatioCell(*row, *reference));
      }
      vs_reference += "\n";
    }
    if (!fastest.contains(ref) || fastest.size() < 2) continue;
    table += fmt::format("  {:<34}", ForTerminal(key));
    for (const auto& [lang, row] : fastest) {
      if (lang == ref) continue;
      table += fmt::format(" {}/{} {}", ForTerminal(row->job->spec.impl),
                           ForTerminal(fastest[ref]->job->spec.impl),
                           TimeRatioCell(*row, *fastest[ref]));
    }
    table += "\n";
  }
  if (!table.empty()) {
    out += fmt::format(
        "\nEach language's fastest ÷ the fastest {} (time ratio [95% CI]; < 1 is faster)\n",
        ForTerminal(TextAt(At(run.toolchains, ref), "display_name", ref)));
    out += table;
  }
  if (!vs_reference.empty()) {
    out += fmt::format(
        "\nEach language's fastest ÷ the reference row {} (time ratio [95% CI]; 1 is the "
        "machine's floor)\n",
        ForTerminal(reference_name));
    out += vs_reference;
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
  std::map<std::string, std::vector<ShowRow>> groups;
  const std::set<std::string> swept = SweptParamNames(run);
  for (const auto& job : run.jobs) {
    std::string key = GroupKey(job.spec, swept);
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
