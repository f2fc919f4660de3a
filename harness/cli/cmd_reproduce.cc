// `benchctl reproduce FILE`: runs the configuration FILE recorded again, through `run`'s own
// code path, then compares the new result with FILE as `benchctl compare FILE NEW` would.
#include <fmt/format.h>
#include <unistd.h>

#include "commands.h"
#include "comparability.h"
#include "compare.h"
#include "compare_render.h"
#include "error.h"
#include "escape.h"
#include "reproduce_options.h"
#include "result_file.h"
#include "run_command.h"

namespace benchctl {
namespace {

struct ReproduceArgs {
  std::string file;
  int processes = 0;  // 0: as recorded.
  std::string out;
  ProjectOptions project;
};

// What `run` needs to run the recorded configuration; says on stderr what differs.
RunArgs ArgsFor(const RecordedRun& recorded, const ReproduceArgs& args, int& recorded_processes) {
  RunArgs run;
  run.options = recorded.options;
  run.options.command = InvocationCommand();
  run.options.out = args.out;
  run.project = args.project;
  run.against = recorded.against;
  run.seed_text = std::to_string(recorded.options.seed);
  run.input_seed_text = std::to_string(recorded.options.input_seed);
  run.processes_given = true;
  recorded_processes = recorded.options.processes;
  if (args.processes > 0) {
    run.options.processes = args.processes;
    fmt::print(stderr, "reproduce: processes per job overridden: {} (the original ran {})\n",
               args.processes, recorded_processes);
  }
  if (!recorded.cpus_recorded) {
    fmt::print(stderr,
               "reproduce: the file does not record --cpus: the children's CPUs are chosen "
               "automatically\n");
  }
  return run;
}

int Reproduce(const ReproduceArgs& args) {
  const std::string source = ForTerminal(args.file);
  RunResult original = LoadRunResult(args.file);
  RecordedRun recorded = OptionsFromResult(original, source);
  int recorded_processes = 0;
  RunArgs run = ArgsFor(recorded, args, recorded_processes);
  RunHooks hooks;
  hooks.prepared = [&original, &source](const Suite& suite) {
    CheckInputsMatch(original.config.suite_details, suite.Describe(), source);
  };
  FinishedRun outcome = RunWith(run, hooks);
  if (outcome.out.empty() || outcome.exit_code > kExitFailures) return outcome.exit_code;

  // The comparison, as `benchctl compare FILE NEW` prints it.
  RunResult again = LoadRunResult(outcome.out);
  CompareReport report;
  try {
    report.comparison = CompareRuns(original, again);
  } catch (const Error& e) {
    RethrowWithContext(Error(ForTerminal(e.what())), source);
  }
  report.warnings = CheckRunsComparable(original, again);
  if (args.processes > 0 && args.processes != recorded_processes) {
    report.warnings.push_back({"processes per job (reproduce --processes)",
                               std::to_string(recorded_processes), std::to_string(args.processes)});
  }
  report.base_source = args.file + " (original)";
  report.candidate_source = outcome.out.string() + " (reproduction)";
  fmt::print("\n{}", RenderCompareTable(report, UseColor("auto", isatty(STDOUT_FILENO) != 0)));
  // The two runs were not interleaved: whatever changed on the machine between them (load,
  // frequency, a neighbour on a shared VM) shows up as a change of every job alike.
  fmt::print(
      "reproduction: the original and this run ran at different times, not interleaved, so "
      "drift of the machine between them counts as a change; a change of every job by a "
      "similar amount points to the machine, a change of some jobs to the code or toolchains "
      "(for a verdict on code, use `run --against`, which interleaves both sides)\n");
  if (outcome.exit_code != kExitOk || HasRegression(report.comparison)) return kExitFailures;
  return kExitOk;
}

}  // namespace

void RegisterReproduce(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ReproduceArgs>();
  CLI::App* cmd = app.add_subcommand(
      "reproduce",
      "Run the configuration a result file recorded again (suite, filters, parameters, inputs, "
      "counts, seeds) and compare the new result with it; exits 1 like compare");
  cmd->add_option("file", args->file, "The result file to reproduce")->required();
  cmd->add_option("--processes", args->processes,
                  "Processes per job instead of the recorded count (said in the output)")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--out", args->out,
                  "Result file of the reproduction; must not exist yet (default: a new file in "
                  "results/, as run names it)");
  AddProjectOptions(cmd, args->project);
  cmd->callback([args, &exit_code]() { exit_code = Reproduce(*args); });
}

}  // namespace benchctl
