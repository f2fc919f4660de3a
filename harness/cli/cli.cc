// benchctl's command line: options → command → (discover → build → schedule →
// execute → verify → record → present). Each command lives in its own cmd_*.cc.
#include "cli.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "error.h"

namespace benchctl {

namespace {
std::vector<std::string> invocation;  // RunCli's argv.
}  // namespace

const std::vector<std::string>& InvocationCommand() { return invocation; }

int RunCli(int argc, char** argv) {
  invocation.assign(argv, argv + argc);
  CLI::App app{"benchctl: cross-language microbenchmark harness"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("benchctl ") + BENCHCTL_VERSION);
  int exit_code = kExitOk;
  RegisterRun(app, exit_code);
  RegisterBuild(app, exit_code);
  RegisterDoctor(app, exit_code);
  RegisterShow(app, exit_code);
  RegisterList(app, exit_code);
  RegisterGen(app, exit_code);
  RegisterCompare(app, exit_code);
  RegisterExport(app, exit_code);
  RegisterClean(app, exit_code);
  RegisterHistory(app, exit_code);
  RegisterClaims(app, exit_code);
  RegisterMerge(app, exit_code);
  RegisterReport(app, exit_code);
  RegisterReproduce(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  } catch (const Error& e) {
    fmt::print(stderr, "benchctl: error: {}\n", e.what());
    return kExitUsage;
  } catch (const nlohmann::json::exception& e) {
    // A file that parsed as JSON but holds a value of an unexpected type.
    fmt::print(stderr, "benchctl: error: unexpected content in a JSON file: {}\n", e.what());
    return kExitUsage;
  } catch (const std::exception& e) {
    fmt::print(stderr, "benchctl: internal error: {}\n", e.what());
    return 70;
  }
  return exit_code;
}

}  // namespace benchctl
