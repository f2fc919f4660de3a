#include "revision_tree.h"

#include <fmt/format.h>

#include "error.h"
#include "subprocess.h"

namespace benchctl {
namespace {

CommandResult Git(const Paths& paths, std::vector<std::string> args) {
  SpawnSpec spec;
  spec.argv = {"git", "-C", paths.root.string()};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  return RunCommand(spec, std::chrono::minutes(5));
}

std::string FirstLine(const std::string& s) { return s.substr(0, s.find('\n')); }

}  // namespace

RevisionTree CheckoutRevision(const Paths& paths, const std::string& rev) {
  CommandResult resolved = Git(paths, {"rev-parse", "--verify", "--quiet", rev + "^{commit}"});
  if (resolved.exit_code != 0) {
    throw Error(
        fmt::format("--against {}: not a commit in {} (try a branch, tag or commit id; "
                    "fetch it first if it is remote)",
                    rev, paths.root.string()));
  }
  RevisionTree tree;
  tree.rev = rev;
  tree.commit = FirstLine(resolved.output);
  std::filesystem::path dir = paths.build / "revisions" / tree.commit;
  if (!std::filesystem::exists(dir / "workloads")) {
    std::filesystem::create_directories(dir.parent_path());
    Git(paths, {"worktree", "prune"});
    CommandResult added =
        Git(paths, {"worktree", "add", "--force", "--detach", dir.string(), tree.commit});
    if (added.exit_code != 0) {
      throw Error(
          fmt::format("--against {}: git worktree add failed: {}", rev, FirstLine(added.output)));
    }
  }
  tree.paths = paths;
  tree.paths.root = dir;
  tree.paths.workloads = dir / "workloads";
  return tree;
}

}  // namespace benchctl
