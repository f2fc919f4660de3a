// `benchctl show FILE`: a result file as tables.
#include <fmt/format.h>

#include "commands.h"
#include "error.h"
#include "escape.h"
#include "result_file.h"
#include "show.h"

namespace benchctl {

void RegisterShow(CLI::App& app, int& exit_code) {
  auto file = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("show", "Print a result file as readable tables");
  cmd->add_option("file", *file, "Result file")->required();
  cmd->callback([file, &exit_code]() {
    RunResult run = LoadRunResult(*file);
    std::string text;
    try {
      text = RenderRun(run, *file);
    } catch (const nlohmann::json::exception& e) {
      // The renderer reads free-form parts leniently; an unexpected type left is the file's
      // problem, reported naming it, not a crash.
      throw Error(
          fmt::format("{}: unexpected content: {}", ForTerminal(*file), ForTerminal(e.what())));
    }
    fmt::print("{}", text);
    exit_code = kExitOk;
  });
}

}  // namespace benchctl
