#include "project.h"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>

#include "error.h"
#include "subprocess.h"

namespace benchctl {
namespace {

bool IsRoot(const std::filesystem::path& p) {
  return std::filesystem::is_directory(p / "toolchains") &&
         std::filesystem::is_directory(p / "workloads");
}

}  // namespace

Paths FindPaths(const std::string& root_option) {
  std::filesystem::path root;
  if (!root_option.empty()) {
    root = root_option;
  } else if (const char* env = std::getenv("BENCHCTL_ROOT"); env != nullptr && *env != '\0') {
    root = env;
  } else {
    for (auto p = std::filesystem::current_path(); !p.empty(); p = p.parent_path()) {
      if (IsRoot(p)) {
        root = p;
        break;
      }
      if (p == p.parent_path()) break;
    }
    if (root.empty()) root = BENCHCTL_SOURCE_DIR;
  }
  root = std::filesystem::absolute(root);
  if (!IsRoot(root)) {
    throw Error(
        fmt::format("{} is not a benchctl checkout (no toolchains/ and workloads/); "
                    "pass --root or run from the repository",
                    root.string()));
  }
  Paths paths;
  paths.root = root;
  paths.workloads = root / "workloads";
  paths.build = root / "build" / "bench";
  paths.results = root / "results";
  return paths;
}

nlohmann::json DescribeBenchctl(const std::filesystem::path& root) {
  nlohmann::json j = {
      {"version", BENCHCTL_VERSION}, {"git_commit", nullptr}, {"git_dirty", nullptr}};
  SpawnSpec head{{"git", "-C", root.string(), "rev-parse", "HEAD"}, {}, {}, {}, -1, true};
  CommandResult r = RunCommand(head, std::chrono::seconds(10));
  if (r.exit_code == 0) {
    j["git_commit"] = r.output.substr(0, r.output.find('\n'));
    SpawnSpec status{{"git", "-C", root.string(), "status", "--porcelain", "--untracked-files=no"},
                     {},
                     {},
                     {},
                     -1,
                     true};
    CommandResult s = RunCommand(status, std::chrono::seconds(10));
    j["git_dirty"] = s.exit_code == 0 ? nlohmann::json(!s.output.empty()) : nlohmann::json();
  }
  return j;
}

std::string UtcTimestamp() {
  auto now = std::chrono::system_clock::now();
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                     fmt::gmtime(std::chrono::system_clock::to_time_t(now)));
}

}  // namespace benchctl
