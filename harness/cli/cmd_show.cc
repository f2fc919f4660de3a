// `benchctl show FILE`: a result file as tables (or, with --format, as summary rows).
#include <fmt/format.h>

#include "commands.h"
#include "error.h"
#include "escape.h"
#include "result_file.h"
#include "show.h"
#include "show_summary.h"

namespace benchctl {
namespace {

struct ShowArgs {
  std::string file;
  std::string format = "text";
  bool wide = false;
};

}  // namespace

void RegisterShow(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ShowArgs>();
  CLI::App* cmd = app.add_subcommand("show", "Print a result file as readable tables");
  cmd->add_option("file", args->file, "Result file")->required();
  cmd->add_option("--format", args->format,
                  "text (tables, 100 columns wide), or a row per job and metric: md, csv, json")
      ->check(CLI::IsMember({"text", "md", "csv", "json"}));
  cmd->add_flag("--wide", args->wide,
                "Every column, full names and every interval (lines longer than 100 columns)");
  cmd->callback([args, &exit_code]() {
    RunResult run = LoadRunResult(args->file);
    std::string text;
    try {
      ShowOptions options;
      options.wide = args->wide;
      text = args->format == "text" ? RenderRun(run, args->file, options)
                                    : RenderSummaryRows(run, args->format);
    } catch (const nlohmann::json::exception& e) {
      // The renderer reads free-form parts leniently; an unexpected type left is the file's
      // problem, reported naming it, not a crash.
      throw Error(fmt::format("{}: unexpected content: {}", ForTerminal(args->file),
                              ForTerminal(e.what())));
    }
    fmt::print("{}", text);
    exit_code = kExitOk;
  });
}

}  // namespace benchctl
