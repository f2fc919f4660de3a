// `benchctl build [--suite S]`: build (or reuse) workloads.
#include <fmt/format.h>

#include "commands.h"
#include "discovery.h"
#include "error.h"
#include "interrupt.h"
#include "mode_registry.h"
#include "project.h"
#include "run_plan.h"
#include "suite_registry.h"

namespace benchctl {

void RegisterBuild(CLI::App& app, int& exit_code) {
  struct Args {
    std::vector<std::string> suites, languages, impls;
    ProjectOptions project;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd =
      app.add_subcommand("build", "Build workloads (cached by sources, version, flags)");
  cmd->add_option("--suite", args->suites, "Only these suites (default: all)");
  cmd->add_option("--lang", args->languages, "Only these languages");
  cmd->add_option("--impl", args->impls, "Only these implementations");
  AddProjectOptions(cmd, args->project);
  cmd->callback([args, &exit_code]() {
    const StopToken& stop = InstallInterruptHandlers();
    Paths paths = ResolvePaths(args->project);
    auto toolchains = LoadToolchains(paths.root / "toolchains");
    std::vector<std::string> languages;
    for (const auto& [lang, t] : toolchains) languages.push_back(lang);
    std::vector<std::string> suites = args->suites;
    if (suites.empty()) {
      for (const auto& s : SuiteNames()) {
        if (std::filesystem::is_directory(paths.workloads / s)) suites.push_back(s);
      }
    }
    int failures = 0;
    for (const auto& name : suites) {
      auto suite = MakeSuite(name);
      auto all =
          DiscoverWorkloads(paths, name, languages, suite->Operations(), BuiltinModes().Names());
      auto manifests =
          FilterWorkloads(all, args->languages, args->impls, languages, {}, suite->Operations());
      auto probes = ProbeLanguages(manifests, toolchains, paths);
      for (const auto& b : BuildWorkloads(manifests, toolchains, probes, paths, stop)) {
        if (!b.build.ok) ++failures;
      }
    }
    if (stop.stop_requested()) {
      fmt::print(stderr, "interrupted while building\n");
      exit_code = 128 + stop.signal();
      return;
    }
    if (failures > 0) fmt::print(stderr, "{} workload(s) failed to build\n", failures);
    exit_code = failures > 0 ? kExitFailures : kExitOk;
  });
}

}  // namespace benchctl
