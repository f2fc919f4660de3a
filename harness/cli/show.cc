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
#include "text_width.h"
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
  if (config.quick) {
    out += "quick: not for citing (--quick runs few, short processes; intervals are wide)\n";
  }
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

// " [95% CI]", or "" for no label.
std::string Spaced(const std::string& label) { return label.empty() ? "" : " " + label; }

// The fastest row of each language in a group (reference rows are not contenders), and the
// group's reference row.
struct Fastest {
  std::map<std::string, const ShowRow*> by_language;
  const ShowRow* reference = nullptr;
};

Fastest FastestByLanguage(const std::vector<ShowRow>& rows) {
  Fastest f;
  for (const ShowRow& row : rows) {
    if (row.summary.time_ns && row.job->spec.reference && f.reference == nullptr) {
      f.reference = &row;
    }
    if (!row.summary.time_ns || row.job->spec.reference) continue;
    const ShowRow*& best = f.by_language[row.job->spec.language];
    if (best == nullptr || row.summary.time_ns->median < best->summary.time_ns->median) {
      best = &row;
    }
  }
  return f;
}

// One summary: a row per group, a column per language. A cell is "name ratio [low, high]";
// --wide prints it whole, the default drops the name and, when the intervals do not fit
// the width, the interval too.
struct RatioTable {
  std::vector<std::string> keys;
  std::map<std::string, std::vector<std::string>> cells;  // language -> a cell per key

  void Add(const std::string& key, const std::map<std::string, std::string>& row) {
    keys.push_back(key);
    for (const auto& [lang, cell] : row) cells[lang].resize(keys.size());
    for (auto& [lang, column] : cells) {
      column.resize(keys.size());
      if (row.contains(lang)) column.back() = row.at(lang);
    }
  }
};

// The ratio (and interval) of a "name ratio [low, high]" cell.
std::string WithoutName(const std::string& cell, bool keep_interval) {
  std::string rest = cell.substr(cell.find(' ') + 1);
  return keep_interval ? rest : rest.substr(0, rest.find(' '));
}

std::string RenderRatioTable(const RatioTable& t, const ShowOptions& options) {
  std::string out;
  if (options.wide) {
    for (std::size_t r = 0; r < t.keys.size(); ++r) {
      out += fmt::format("  {:<34}", ForTerminal(t.keys[r]));
      for (const auto& [lang, column] : t.cells) {
        if (!column[r].empty()) out += " " + column[r];
      }
      out += "\n";
    }
    return out;
  }
  for (bool intervals : {true, false}) {
    std::vector<ShowColumn> columns(1);
    columns[0].header = "group";
    columns[0].shrinkable = true;
    columns[0].min_width = 20;
    for (const auto& key : t.keys) columns[0].cells.push_back(ForTerminal(key));
    for (const auto& [lang, column] : t.cells) {
      ShowColumn c;
      c.header = ForTerminal(lang);
      for (const auto& cell : column) {
        c.cells.push_back(cell.empty() ? "-" : WithoutName(cell, intervals));
      }
      columns.push_back(std::move(c));
    }
    out = LayOutColumns(std::move(columns), 2, options.width);
    std::size_t widest = 0;
    for (std::size_t pos = 0; pos < out.size();) {
      const std::size_t end = out.find('\n', pos);
      widest = std::max(widest, DisplayWidth(std::string_view(out).substr(pos, end - pos)));
      pos = end + 1;
    }
    if (widest <= options.width) break;
  }
  return out;
}

// Each language's fastest implementation as a ratio to the fastest one of the reference
// language, per group, with the ratio's interval: the cross-language comparison writers
// cite; and, in groups with a reference row (a floor), each language's fastest over it.
void RenderLanguageRatios(const RunResult& run, const std::vector<std::string>& order,
                          std::map<std::string, std::vector<ShowRow>>& groups,
                          const ShowOptions& options, std::string& out) {
  // The suite names the language the others are shown against (Suite::Describe); files from
  // before it did are C++ runs.
  const json& named = At(run.config.suite_details, "reference_language");
  const std::string ref = named.is_string() ? named.get<std::string>() : "cpp";
  RatioTable vs_language, vs_reference;
  std::vector<double> language_coverages, reference_coverages;
  std::string reference_name;
  for (const auto& key : order) {
    Fastest fastest = FastestByLanguage(groups[key]);
    if (fastest.reference != nullptr && !fastest.by_language.empty()) {
      reference_name = fastest.reference->job->spec.impl;
      std::map<std::string, std::string> cells;
      for (const auto& [lang, row] : fastest.by_language) {
        cells[lang] = fmt::format("{} {}", ForTerminal(row->job->spec.impl),
                                  TimeRatioCell(*row, *fastest.reference, &reference_coverages));
      }
      vs_reference.Add(key, cells);
    }
    if (!fastest.by_language.contains(ref) || fastest.by_language.size() < 2) continue;
    const ShowRow& base = *fastest.by_language[ref];
    std::map<std::string, std::string> cells;
    for (const auto& [lang, row] : fastest.by_language) {
      if (lang == ref) continue;
      cells[lang] = fmt::format("{}/{} {}", ForTerminal(row->job->spec.impl),
                                ForTerminal(base.job->spec.impl),
                                TimeRatioCell(*row, base, &language_coverages));
    }
    vs_language.Add(key, cells);
  }
  const std::string names_note =
      options.wide ? "" : "  (--wide names each language's fastest implementation)\n";
  std::string language_note, reference_note;
  if (!vs_language.keys.empty()) {
    out += fmt::format("\nEach language's fastest ÷ the fastest {} (time ratio{}; < 1 is faster)\n",
                       ForTerminal(TextAt(At(run.toolchains, ref), "display_name", ref)),
                       Spaced(CoverageHeader(language_coverages, &language_note)));
    out += RenderRatioTable(vs_language, options);
    if (!language_note.empty()) out += "  intervals below 95%: " + language_note + "\n";
    out += names_note;
  }
  if (!vs_reference.keys.empty()) {
    out += fmt::format(
        "\nEach language's fastest ÷ the reference row {} (time ratio{}; 1 is the "
        "machine's floor)\n",
        ForTerminal(reference_name), Spaced(CoverageHeader(reference_coverages, &reference_note)));
    out += RenderRatioTable(vs_reference, options);
    if (!reference_note.empty()) out += "  intervals below 95%: " + reference_note + "\n";
    out += names_note;
  }
  if (run.config.quick && !(vs_language.keys.empty() && vs_reference.keys.empty())) {
    out += "  quick: not for citing\n";
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

std::string RenderRun(const RunResult& run, const std::string& source, const ShowOptions& options) {
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
  GroupContext context;
  context.cpu_hz = run.environment.estimated_cpu_hz.value_or(0);
  context.quick = run.config.quick;
  context.options = options;
  for (const auto& key : order) RenderGroup(key, groups[key], context, out);
  RenderLanguageRatios(run, order, groups, options, out);
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
  // The tables are laid out to fit; the prose (warnings, long paths, notes) wraps.
  return options.wide ? out : WrapToWidth(out, options.width);
}

}  // namespace benchctl
