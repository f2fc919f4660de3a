// `benchctl list`: suites, their implementations and the languages.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "commands.h"
#include "discovery.h"
#include "mode_registry.h"
#include "project.h"
#include "suite_registry.h"
#include "toolchain.h"

namespace benchctl {

void RegisterList(CLI::App& app, int& exit_code) {
  auto root = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("list", "List suites, implementations and languages");
  cmd->add_option("--root", *root, "The benchctl checkout (default: found from here)");
  cmd->callback([root, &exit_code]() {
    Paths paths = FindPaths(*root);
    auto toolchains = LoadToolchains(paths.root / "toolchains");
    std::vector<std::string> languages;
    for (const auto& [lang, t] : toolchains) languages.push_back(lang);
    fmt::print("languages: {}\n", fmt::join(languages, ", "));
    std::vector<DeclaredOption> declared = DeclaredSuiteOptions();
    for (const auto& name : SuiteNames()) {
      if (!std::filesystem::is_directory(paths.workloads / name)) continue;
      auto suite = MakeSuite(name);
      std::vector<std::string> options;
      for (const auto& d : declared) {
        if (d.suite == name) options.push_back("--" + d.option.name);
      }
      fmt::print("\nsuite {} (operations: {}{})\n", name, fmt::join(suite->Operations(), ", "),
                 options.empty() ? "" : fmt::format("; options: {}", fmt::join(options, " ")));
      for (const auto& param : suite->Parameters()) {
        fmt::print("  --param {}=...  {} (default {}{})\n", param.name, param.allowed,
                   param.default_value,
                   param.quick_value.empty() ? "" : fmt::format(", --quick {}", param.quick_value));
      }
      for (const auto& m :
           DiscoverWorkloads(paths, name, languages, suite->Operations(), BuiltinModes().Names())) {
        fmt::print("  {:<18} {:<5} {} {}{}{}  [{}]\n", m.name, m.language, m.library_name,
                   m.library_version, m.validation == "reduced" ? " (reduced validation)" : "",
                   m.reference ? " (reference row)" : "", fmt::join(m.operations, ", "));
      }
    }
    exit_code = kExitOk;
  });
}

}  // namespace benchctl
