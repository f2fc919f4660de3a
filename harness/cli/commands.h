// The subcommands; each registers itself on the CLI and runs from its own file.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "paths.h"

namespace benchctl {

// Exit statuses shared by all commands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailures = 1;  // Some workload failed, or a regression was found.
inline constexpr int kExitUsage = 2;     // Bad arguments or input files.
// A run stopped early by its environment (the result file could not be written, a
// fork failed): what finished is kept and the reason is recorded.
inline constexpr int kExitStopped = 3;

// --root, --workloads, --build-dir: where the project and its build cache are.
struct ProjectOptions {
  std::string root, workloads, build_dir;
};

// Adds the three options to `cmd`.
void AddProjectOptions(CLI::App* cmd, ProjectOptions& options);

// The project's paths with the options applied (benchctl::Error if no project is found).
Paths ResolvePaths(const ProjectOptions& options);

// The argv of this benchctl invocation (set by RunCli), recorded as a result's config.command.
const std::vector<std::string>& InvocationCommand();

// Each Register* adds a subcommand whose callback stores its exit status in `exit_code`.
void RegisterRun(CLI::App& app, int& exit_code);
void RegisterBuild(CLI::App& app, int& exit_code);
void RegisterDoctor(CLI::App& app, int& exit_code);
void RegisterShow(CLI::App& app, int& exit_code);
void RegisterList(CLI::App& app, int& exit_code);
void RegisterGen(CLI::App& app, int& exit_code);
void RegisterCompare(CLI::App& app, int& exit_code);
void RegisterExport(CLI::App& app, int& exit_code);
void RegisterClean(CLI::App& app, int& exit_code);
void RegisterHistory(CLI::App& app, int& exit_code);
void RegisterClaims(CLI::App& app, int& exit_code);
void RegisterMerge(CLI::App& app, int& exit_code);
void RegisterReport(CLI::App& app, int& exit_code);
void RegisterReproduce(CLI::App& app, int& exit_code);

}  // namespace benchctl
