// `benchctl history add|list|show|accept|check`: result files recorded in an SQLite database
// (harness/history/) and change-point detection over the runs.
#include <fmt/format.h>

#include <memory>

#include "atomic_file.h"
#include "commands.h"
#include "error.h"
#include "escape.h"
#include "history_check.h"
#include "history_render.h"
#include "history_report.h"
#include "history_schema.h"
#include "history_store.h"
#include "report_html.h"
#include "result_file.h"
#include "show.h"

namespace benchctl {
namespace {

struct HistoryArgs {
  std::string db = "results/history.sqlite";
  std::vector<std::string> files;
  bool allow_incomplete = false;
  std::string filter;
  std::string metric = "time_ns";
  std::string run_id;
  std::string html;  // show --html OUT.
  ChangePointOptions detection;
};

void AddDbOption(CLI::App* cmd, HistoryArgs& args) {
  cmd->add_option("--db", args.db, "History database (default results/history.sqlite)");
}

// "" when the run finished everything it planned, else why it is not complete.
std::string Incompleteness(const RunResult& run) {
  std::size_t ran = 0;
  for (const auto& job : run.jobs) ran += job.processes.size();
  if (!run.complete || !run.stop_reason.empty()) return CompletionText(run);
  if (ran < run.config.PlannedProcesses()) {
    return fmt::format("{} of {} planned processes ran", ran, run.config.PlannedProcesses());
  }
  return "";
}

int Add(const HistoryArgs& args) {
  std::vector<RunToAdd> runs;
  for (const auto& file : args.files) {
    RunToAdd item{LoadRunResult(file), file};
    std::string why = Incompleteness(item.run);
    if (!why.empty() && !args.allow_incomplete) {
      throw Error(
          fmt::format("{}: {}; history records complete runs only (pass "
                      "--allow-incomplete to record it anyway)",
                      ForTerminal(file), why));
    }
    runs.push_back(std::move(item));
  }
  auto db = OpenHistory(args.db, /*create=*/true);
  for (const AddOutcome& o : AddRuns(*db, runs)) {
    fmt::print("{}: run {} {}\n", ForTerminal(o.source), ForTerminal(o.run_id),
               o.added ? "recorded" : "already recorded");
  }
  return kExitOk;
}

int List(const HistoryArgs& args) {
  auto db = OpenHistory(args.db, /*create=*/false);
  fmt::print("{}", RenderRunList(ListRuns(*db), AcceptedRun(*db)));
  return kExitOk;
}

// The trends `args` selects; an Error when none matches.
std::vector<JobTrend> SelectTrends(Database& db, const std::vector<RunRow>& runs,
                                   const HistoryArgs& args) {
  std::vector<JobTrend> trends = BuildTrends(LoadSeries(db, runs, args.filter, args.metric), runs);
  if (trends.empty() && !runs.empty()) {
    throw Error(
        fmt::format("{}: no recorded job {}has metric {} (see `benchctl history list`, "
                    "`benchctl show FILE` for job ids and metrics)",
                    ForTerminal(args.db),
                    args.filter.empty() ? "" : "matching " + ForTerminal(args.filter) + " ",
                    ForTerminal(args.metric)));
  }
  return trends;
}

int Show(const HistoryArgs& args) {
  auto db = OpenHistory(args.db, /*create=*/false);
  std::vector<RunRow> runs = ListRuns(*db);
  std::vector<JobTrend> trends = SelectTrends(*db, runs, args);
  fmt::print("{}", RenderTrends(trends));
  if (!args.html.empty()) {
    // Every change point is marked, accepted or not: the chart shows the whole series.
    std::vector<Finding> findings = CheckTrends(trends, std::nullopt, args.detection);
    WriteFileAtomically(args.html, RenderHtml(BuildHistoryReport(trends, findings, args.db)));
    fmt::print("wrote {}\n", ForTerminal(args.html));
  }
  return kExitOk;
}

int Accept(const HistoryArgs& args) {
  auto db = OpenHistory(args.db, /*create=*/false);
  std::string run_id = args.run_id;
  if (run_id.empty()) {
    std::vector<RunRow> runs = ListRuns(*db);
    if (runs.empty()) throw Error(fmt::format("{}: no runs recorded", ForTerminal(args.db)));
    run_id = runs.back().run_id;
  }
  SetAcceptedRun(*db, run_id);
  fmt::print("accepted run {}: history check reports change points after it\n",
             ForTerminal(run_id));
  return kExitOk;
}

int Check(const HistoryArgs& args) {
  auto db = OpenHistory(args.db, /*create=*/false);
  std::vector<RunRow> runs = ListRuns(*db);
  std::vector<JobTrend> trends = SelectTrends(*db, runs, args);
  std::optional<std::string> accepted = AcceptedRun(*db);
  std::optional<std::size_t> accepted_index;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (accepted == runs[i].run_id) accepted_index = i;
  }
  std::vector<Finding> findings = CheckTrends(trends, accepted_index, args.detection);
  fmt::print("{}", RenderFindings(findings, trends.size(), accepted));
  for (const Finding& f : findings) {
    if (f.is_new && f.kind == FindingKind::kRegression) return kExitFailures;
  }
  return kExitOk;
}

}  // namespace

void RegisterHistory(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<HistoryArgs>();
  CLI::App* history =
      app.add_subcommand("history", "Record result files in a database and find change points");
  history->require_subcommand(1);

  CLI::App* add = history->add_subcommand("add", "Record result files (each run once)");
  add->add_option("files", args->files, "Result files")->required();
  add->add_flag("--allow-incomplete", args->allow_incomplete,
                "Record a run that stopped early or ran fewer processes than planned");
  AddDbOption(add, *args);
  add->callback([args, &exit_code]() { exit_code = Add(*args); });

  CLI::App* list = history->add_subcommand("list", "The recorded runs, oldest first");
  AddDbOption(list, *args);
  list->callback([args, &exit_code]() { exit_code = List(*args); });

  CLI::App* show = history->add_subcommand("show", "A job's metric across runs, with a sparkline");
  show->add_option("job", args->filter, "Job id, or part of one")->required();
  show->add_option("--metric", args->metric, "Metric name (default time_ns)");
  show->add_option("--html", args->html,
                   "Also write the trends as a self-contained HTML page with charts");
  AddDbOption(show, *args);
  show->callback([args, &exit_code]() { exit_code = Show(*args); });

  CLI::App* accept =
      history->add_subcommand("accept", "Mark a run as the accepted baseline for check");
  accept->add_option("run_id", args->run_id, "Run id (default: the newest run)");
  AddDbOption(accept, *args);
  accept->callback([args, &exit_code]() { exit_code = Accept(*args); });

  CLI::App* check = history->add_subcommand(
      "check", "Find change points (E-Divisive); exit 1 on a new regression");
  check->add_option("job", args->filter, "Job id, or part of one (default: every job)");
  check->add_option("--metric", args->metric, "Metric name (default time_ns)");
  check->add_option("--alpha", args->detection.alpha, "Significance level (default 0.05)")
      ->check(CLI::Range(0.001, 0.5));
  check->add_option("--seed", args->detection.seed, "Seed of the permutation test (default 1)");
  AddDbOption(check, *args);
  check->callback([args, &exit_code]() { exit_code = Check(*args); });
}

}  // namespace benchctl
