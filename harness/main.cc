// benchctl: options → command → (discover → build → schedule → execute →
// verify → record → present). Each command lives in its own cmd_*.cc.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "error.h"

int main(int argc, char** argv) {
  CLI::App app{"benchctl: cross-language microbenchmark harness"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("benchctl ") + BENCHCTL_VERSION);
  int exit_code = benchctl::kExitOk;
  benchctl::RegisterRun(app, exit_code);
  benchctl::RegisterBuild(app, exit_code);
  benchctl::RegisterDoctor(app, exit_code);
  benchctl::RegisterShow(app, exit_code);
  benchctl::RegisterList(app, exit_code);
  benchctl::RegisterGen(app, exit_code);
  benchctl::RegisterCompare(app, exit_code);
  benchctl::RegisterExport(app, exit_code);
  benchctl::RegisterClean(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : benchctl::kExitUsage;
  } catch (const benchctl::Error& e) {
    fmt::print(stderr, "benchctl: error: {}\n", e.what());
    return benchctl::kExitUsage;
  } catch (const nlohmann::json::exception& e) {
    // A file that parsed as JSON but holds a value of an unexpected type.
    fmt::print(stderr, "benchctl: error: unexpected content in a JSON file: {}\n", e.what());
    return benchctl::kExitUsage;
  } catch (const std::exception& e) {
    fmt::print(stderr, "benchctl: internal error: {}\n", e.what());
    return 70;
  }
  return exit_code;
}
