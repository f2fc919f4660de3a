#include "toolchain.h"

#include <fmt/format.h>

#include "error.h"
#include "json_fields.h"
#include "placeholders.h"
#include "subprocess.h"

namespace benchctl {

Toolchain LoadToolchain(const std::filesystem::path& file) {
  StrictObject o = StrictObject::Load(file);
  Toolchain t;
  t.file = file;
  if (o.Integer("toolchain_version") != 1) o.Fail("toolchain_version", "must be 1");
  t.language = o.String("language");
  if (t.language + ".json" != file.filename().string()) {
    o.Fail("language",
           fmt::format("is \"{}\" but the file is {}", t.language, file.filename().string()));
  }
  t.display_name = o.String("display_name");
  t.tools = o.StringList("tools");
  if (t.tools.empty()) o.Fail("tools", "must name at least one executable");
  t.tool_paths = o.StringList("tool_paths", /*required=*/false);
  t.expected_version = o.String("expected_version");
  t.version_argv = o.StringList("version_argv");
  if (t.version_argv.empty()) o.Fail("version_argv", "must not be empty");
  t.install_hint = o.String("install_hint");
  t.policy = o.Raw("policy");
  if (!t.policy.is_object()) o.Fail("policy", "must be an object describing the fairness policy");
  t.build_env = o.StringMap("build_env");
  t.build_argv = o.StringList("build_argv");
  if (t.build_argv.empty()) o.Fail("build_argv", "must not be empty");
  t.build_cwd = o.String("build_cwd");
  t.artifact = o.String("artifact");
  t.cpu_count_env = o.StringList("cpu_count_env", /*required=*/false);
  t.callgrind_env = o.StringMap("callgrind_env");
  t.lock_files = o.StringList("lock_files", /*required=*/false);
  o.RejectUnknownKeys();
  return t;
}

std::map<std::string, Toolchain> LoadToolchains(const std::filesystem::path& dir) {
  std::map<std::string, Toolchain> out;
  if (!std::filesystem::is_directory(dir)) {
    throw Error(
        fmt::format("{}: toolchain folder not found (run benchctl from the repository, "
                    "or pass --root)",
                    dir.string()));
  }
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    Toolchain t = LoadToolchain(entry.path());
    out.emplace(t.language, std::move(t));
  }
  return out;
}

std::vector<std::filesystem::path> ToolDirs(const Toolchain& toolchain,
                                            const std::filesystem::path& root) {
  std::vector<std::filesystem::path> dirs;
  for (const auto& p : toolchain.tool_paths) {
    dirs.emplace_back(ExpandPlaceholders(p, {{"repo", root.string()}}));
  }
  return dirs;
}

ToolchainProbe ProbeToolchain(const Toolchain& toolchain, const std::filesystem::path& root) {
  ToolchainProbe probe;
  auto dirs = ToolDirs(toolchain, root);
  for (const auto& tool : toolchain.tools) {
    auto found = FindExecutable(tool, dirs);
    if (!found) {
      probe.problem = fmt::format("{} not found ({} toolchain): {}", tool, toolchain.display_name,
                                  toolchain.install_hint);
      return probe;
    }
    probe.paths[tool] = found->string();
  }
  SpawnSpec spec;
  spec.argv = toolchain.version_argv;
  if (auto it = probe.paths.find(spec.argv[0]); it != probe.paths.end()) spec.argv[0] = it->second;
  spec.env = {{"GOTOOLCHAIN", "local"}};
  CommandResult r = RunCommand(spec, std::chrono::seconds(30));
  if (r.exit_code != 0) {
    probe.problem = fmt::format("`{}` failed (exit {}): {}", fmt::join(toolchain.version_argv, " "),
                                r.exit_code, r.output.substr(0, 300));
    return probe;
  }
  probe.version = r.output.substr(0, r.output.find('\n'));
  probe.found = true;
  probe.expected_version = probe.version.find(toolchain.expected_version) != std::string::npos;
  return probe;
}

}  // namespace benchctl
