// `benchctl export FILE --format F [--out PATH]`: a result file in another tool's format.
#include <fmt/format.h>

#include "commands.h"
#include "error.h"
#include "escape.h"
#include "exporters.h"
#include "result_file.h"

namespace benchctl {

void RegisterExport(CLI::App& app, int& exit_code) {
  struct Args {
    std::string file, format, out;
  };
  auto args = std::make_shared<Args>();
  std::string formats;
  for (const Exporter& e : Exporters())
    formats += fmt::format("\n  {:<10} {}", e.name, e.description);
  CLI::App* cmd = app.add_subcommand("export", "Convert a result file to another tool's format");
  cmd->add_option("file", args->file, "Result file")->required()->check(CLI::ExistingFile);
  cmd->add_option("--format", args->format, "Output format:" + formats)
      ->required()
      ->check(CLI::IsMember(ExporterNames()));
  cmd->add_option("--out", args->out, "Write here (atomically) instead of to standard output");
  cmd->callback([args, &exit_code]() {
    RunResult run = LoadRunResult(args->file);
    std::string bytes;
    try {
      bytes = FindExporter(args->format)->function(run);
    } catch (const Error& e) {
      RethrowWithContext(Error(ForTerminal(e.what())), ForTerminal(args->file));
    } catch (const nlohmann::json::exception& e) {
      // The exporters read free-form parts leniently; an unexpected type left is the file's
      // problem, reported naming it, not a crash.
      throw Error(fmt::format("{}: unexpected content: {}", ForTerminal(args->file),
                              ForTerminal(e.what())));
    }
    if (args->out.empty()) {
      fmt::print("{}", bytes);
    } else {
      WriteFileAtomically(args->out, bytes);
    }
    exit_code = kExitOk;
  });
}

}  // namespace benchctl
