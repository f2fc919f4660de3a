// `benchctl show FILE`: a result file as tables.
#include <fmt/format.h>

#include "commands.h"
#include "result_file.h"
#include "show.h"

namespace benchctl {

void RegisterShow(CLI::App& app, int& exit_code) {
  auto file = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("show", "Print a result file as readable tables");
  cmd->add_option("file", *file, "Result file")->required();
  cmd->callback([file, &exit_code]() {
    RunResult run = LoadRunResult(*file);
    fmt::print("{}", RenderRun(run, *file));
    exit_code = kExitOk;
  });
}

}  // namespace benchctl
