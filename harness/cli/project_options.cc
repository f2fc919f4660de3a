// The options that say where the project is, shared by the commands that build or run.
#include "commands.h"
#include "project.h"

namespace benchctl {

void AddProjectOptions(CLI::App* cmd, ProjectOptions& options) {
  cmd->add_option("--root", options.root, "The benchctl checkout (default: found from here)");
  cmd->add_option("--workloads", options.workloads, "Workloads folder (default <root>/workloads)");
  cmd->add_option("--build-dir", options.build_dir, "Build cache (default <root>/build/bench)");
}

Paths ResolvePaths(const ProjectOptions& options) {
  Paths paths = FindPaths(options.root);
  if (!options.workloads.empty()) paths.workloads = std::filesystem::absolute(options.workloads);
  if (!options.build_dir.empty()) paths.build = std::filesystem::absolute(options.build_dir);
  return paths;
}

}  // namespace benchctl
