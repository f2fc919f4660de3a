// `benchctl compare BASE CANDIDATE` or `benchctl compare ABRUN`: the regression gate.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "commands.h"
#include "comparability.h"
#include "compare.h"
#include "compare_render.h"
#include "error.h"
#include "escape.h"
#include "job_summary.h"
#include "ratio_pairs.h"
#include "relative_change.h"
#include "result_file.h"

namespace benchctl {
namespace {

struct CompareArgs {
  std::vector<std::string> files;
  CompareOptions options;
  std::string format = "table";
  std::string color = "auto";
  bool strict = false;
};

// The files a comparison read, for error messages: "a.json and b.json".
std::string FileNames(const CompareArgs& args) {
  std::string names = ForTerminal(args.files[0]);
  if (args.files.size() == 2) names += " and " + ForTerminal(args.files[1]);
  return names;
}

// The most verified processes or instruction counts of one job in `run`; only jobs with
// build label `label` when it is given.
std::size_t LargestSample(const RunResult& run, const char* label = nullptr) {
  std::size_t most = 0;
  for (const auto& job : run.jobs) {
    if (label != nullptr && job.spec.build_label != label) continue;
    most = std::max({most, ProcessTimes(job).size(), InstructionCounts(job).size()});
  }
  return most;
}

// Refuses, before any work, a comparison whose ratio intervals would pair more values than
// kMaxRatioPairs (their memory grows with base × candidate).
void CheckPairs(std::size_t base, std::size_t candidate, const CompareArgs& args) {
  if (base * candidate <= kMaxRatioPairs) return;
  throw Error(fmt::format(
      "{}: a job has {} verified processes (or instruction counts) in the base and one has {} "
      "in the candidate: compare pairs every base value with every candidate value, and at "
      "most {} pairs fit in memory",
      FileNames(args), base, candidate, kMaxRatioPairs));
}

// The report of the files; loading, pairing and checking throw Error naming the files.
CompareReport MakeReport(const CompareArgs& args) {
  CompareReport report;
  if (args.files.size() == 2) {
    RunResult base = LoadRunResult(args.files[0]);
    RunResult candidate = LoadRunResult(args.files[1]);
    CheckPairs(LargestSample(base), LargestSample(candidate), args);
    try {
      report.comparison = CompareRuns(base, candidate, args.options);
    } catch (const Error& e) {
      // The message quotes job ids from the files.
      RethrowWithContext(Error(ForTerminal(e.what())), FileNames(args));
    }
    report.warnings = CheckRunsComparable(base, candidate);
    report.base_source = args.files[0];
    report.candidate_source = args.files[1];
  } else {
    RunResult run = LoadRunResult(args.files[0]);
    CheckPairs(LargestSample(run, "base"), LargestSample(run, "candidate"), args);
    try {
      report.comparison = CompareBuilds(run, args.options);
    } catch (const Error& e) {
      RethrowWithContext(Error(ForTerminal(e.what())), FileNames(args));
    }
    report.warnings = CheckBuildsComparable(run);
    report.base_source = args.files[0] + " (build_label \"base\")";
    report.candidate_source = args.files[0] + " (build_label \"candidate\")";
  }
  return report;
}

// Renders the report in the chosen format.
std::string Render(const CompareArgs& args, const CompareReport& report) {
  if (args.format == "json") return ForTerminalJson(CompareReportToJson(report).dump(2)) + "\n";
  if (args.format == "md") return RenderCompareMarkdown(report);
  return RenderCompareTable(report, UseColor(args.color, isatty(STDOUT_FILENO) != 0));
}

int Compare(const CompareArgs& args) {
  CompareReport report;
  std::string text;
  try {
    report = MakeReport(args);
    if (args.strict && !report.warnings.empty()) {
      std::string list;
      for (const auto& w : report.warnings) list += "\n  " + ForTerminal(w.Message());
      throw Error("--strict: the runs are not comparable:" + list);
    }
    text = Render(args, report);
  } catch (const nlohmann::json::exception& e) {
    // Every reader checks types first; should one still meet an unexpected one, it is a
    // problem of the files, reported as such, not a crash.
    throw Error(fmt::format("{}: unexpected content: {}", FileNames(args), ForTerminal(e.what())));
  }
  fmt::print("{}", text);
  return HasRegression(report.comparison) ? kExitFailures : kExitOk;
}

// A relative-change option ("3%" or "0.03") stored in `target`, which outlives the parse.
void AddThreshold(CLI::App* cmd, const std::string& name, double& target, double fallback,
                  const std::string& help) {
  cmd->add_option_function<std::string>(
         name,
         [&target, name](const std::string& text) { target = ParseRelativeChange(text, name); },
         help)
      ->default_str(fmt::format("{:g}%", fallback * 100));
}

}  // namespace

void RegisterCompare(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<CompareArgs>();
  CLI::App* cmd = app.add_subcommand(
      "compare",
      "Compare a candidate run against a base run (or the two builds of one A/B run); exits 1 "
      "on a regression or a benchmark that failed in the candidate");
  cmd->add_option("files", args->files, "BASE.json CANDIDATE.json, or one A/B run file")
      ->required()
      ->expected(1, 2)
      ->check(CLI::ExistingFile);
  AddThreshold(cmd, "--threshold", args->options.threshold, kDefaultNoiseThreshold,
               "Time change a ratio's 95% CI must clear to count: 3% or 0.03");
  AddThreshold(cmd, "--memory-threshold", args->options.memory_threshold, kDefaultNoiseThreshold,
               "Same for peak RSS");
  AddThreshold(cmd, "--instruction-threshold", args->options.instruction_threshold,
               kDefaultInstructionThreshold,
               "Same for instructions per operation (runs with --instructions)");
  cmd->add_option("--alpha", args->options.alpha,
                  "Significance level for the Holm-adjusted Mann-Whitney p-values")
      ->capture_default_str();
  cmd->add_option("--min-processes", args->options.min_processes,
                  "Fewest verified processes per side for a verdict other than inconclusive")
      ->capture_default_str();
  cmd->add_option("--format", args->format, "Output: table, md (Markdown) or json")
      ->check(CLI::IsMember({"table", "md", "json"}))
      ->capture_default_str();
  cmd->add_option("--color", args->color,
                  "Colour the table: auto (a TTY without NO_COLOR), "
                  "always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_flag("--strict", args->strict,
                "Refuse (exit 2) when CPU, toolchains, flags, inputs or suite differ");
  cmd->callback([args, &exit_code]() { exit_code = Compare(*args); });
}

}  // namespace benchctl
