// `benchctl compare BASE CANDIDATE` or `benchctl compare ABRUN`: the regression gate.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>

#include "commands.h"
#include "comparability.h"
#include "compare.h"
#include "compare_render.h"
#include "error.h"
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

int Compare(const CompareArgs& args) {
  CompareReport report;
  if (args.files.size() == 2) {
    RunResult base = LoadRunResult(args.files[0]);
    RunResult candidate = LoadRunResult(args.files[1]);
    report.comparison = CompareRuns(base, candidate, args.options);
    report.warnings = CheckRunsComparable(base, candidate);
    report.base_source = args.files[0];
    report.candidate_source = args.files[1];
  } else {
    RunResult run = LoadRunResult(args.files[0]);
    try {
      report.comparison = CompareBuilds(run, args.options);
    } catch (const Error& e) {
      RethrowWithContext(e, args.files[0]);
    }
    report.warnings = CheckBuildsComparable(run);
    report.base_source = args.files[0] + " (build_label \"base\")";
    report.candidate_source = args.files[0] + " (build_label \"candidate\")";
  }
  if (args.strict && !report.warnings.empty()) {
    std::string list;
    for (const auto& w : report.warnings) list += "\n  " + w.Message();
    throw Error("--strict: the runs are not comparable:" + list);
  }
  if (args.format == "json") {
    fmt::print("{}\n", CompareReportToJson(report).dump(2));
  } else if (args.format == "md") {
    fmt::print("{}", RenderCompareMarkdown(report));
  } else {
    fmt::print("{}", RenderCompareTable(report, UseColor(args.color, isatty(STDOUT_FILENO) != 0)));
  }
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
