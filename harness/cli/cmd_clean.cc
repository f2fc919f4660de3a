// `benchctl clean`: frees the build folder of what no later run can use.
#include <fmt/format.h>

#include "builder.h"
#include "cache_clean.h"
#include "commands.h"
#include "discovery.h"
#include "interrupt.h"
#include "mode_registry.h"
#include "project.h"
#include "run_plan.h"
#include "suite_registry.h"
#include "units.h"

namespace benchctl {
namespace {

// The artifact folders this checkout's workloads would reuse, every suite.
void FindCurrentArtifacts(const Paths& paths, CleanPlan& plan) {
  auto toolchains = LoadToolchains(paths.root / "toolchains");
  std::vector<std::string> languages;
  for (const auto& [lang, t] : toolchains) languages.push_back(lang);
  for (const auto& name : SuiteNames()) {
    if (!std::filesystem::is_directory(paths.workloads / name)) continue;
    auto suite = MakeSuite(name);
    auto manifests =
        DiscoverWorkloads(paths, name, languages, suite->Operations(), BuiltinModes().Names());
    auto probes = ProbeLanguages(manifests, toolchains, paths);
    for (const auto& m : manifests) {
      const ToolchainProbe& probe = probes.at(m.language);
      if (!probe.found) {
        plan.unknown_workloads.insert(m.suite + "/" + m.name);
        continue;
      }
      plan.current.insert(
          ArtifactFolder(m, BuildKey(m, toolchains.at(m.language), probe, paths), paths));
    }
  }
}

void Print(const std::vector<CleanItem>& items, bool dry_run) {
  std::uintmax_t freed = 0;
  for (const auto& item : items) {
    if (item.entries == 0) continue;
    const char* verb = !item.removed ? "kept   " : dry_run ? "would remove" : "removed";
    fmt::print("{} {:<34} {:>5} × {:>10}  ({})\n", verb, item.what, item.entries,
               FormatBytes(static_cast<double>(item.bytes)), item.note);
    if (item.removed) freed += item.bytes;
  }
  fmt::print("{} {}\n", dry_run ? "would free" : "freed", FormatBytes(static_cast<double>(freed)));
}

}  // namespace

void RegisterClean(CLI::App& app, int& exit_code) {
  struct Args {
    ProjectOptions project;
    bool all = false, dry_run = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "clean",
      "Free the build cache of what no later run can use: folders of killed runs, artifacts "
      "of sources or toolchains that changed, --against worktrees (result files are never "
      "touched)");
  cmd->add_flag("--all", args->all, "Remove the whole build cache (rebuilt on the next run)");
  cmd->add_flag("--dry-run", args->dry_run, "Only say what would be removed and its size");
  AddProjectOptions(cmd, args->project);
  cmd->callback([args, &exit_code]() {
    const StopToken& stop = InstallInterruptHandlers();
    Paths paths = ResolvePaths(args->project);
    CleanPlan plan;
    plan.build = paths.build;
    plan.repo = paths.root;
    plan.all = args->all;
    plan.dry_run = args->dry_run;
    if (!std::filesystem::is_directory(paths.build)) {
      fmt::print("{}: nothing to clean (no build cache yet)\n", paths.build.string());
      exit_code = kExitOk;
      return;
    }
    if (!plan.all) FindCurrentArtifacts(paths, plan);
    Print(CleanBuildFolder(plan, stop), plan.dry_run);
    exit_code = kExitOk;
  });
}

}  // namespace benchctl
