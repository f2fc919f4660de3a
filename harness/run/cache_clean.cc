#include "cache_clean.h"

#include <fmt/format.h>

#include <fstream>

#include "error.h"
#include "file_lock.h"
#include "run_scratch.h"
#include "subprocess.h"

namespace benchctl {

namespace fs = std::filesystem;

namespace {

// Folders a run has held since the per-run scratch folders: older layouts.
constexpr const char* kOldLayout[] = {"inputs", "outputs", "callgrind"};

void Take(CleanItem& item, const fs::path& path, bool dry_run) {
  item.bytes += TreeBytes(path);
  ++item.entries;
  std::error_code ec;
  if (!dry_run) fs::remove_all(path, ec);
}

CleanItem CleanArtifacts(const CleanPlan& plan, const std::set<fs::path>& in_use) {
  CleanItem item{"superseded artifacts", 0, 0, true,
                 "built from sources, toolchains or flags this checkout no longer has"};
  fs::path root = plan.build / "artifacts";
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return item;
  for (const auto& suite : fs::directory_iterator(root, ec)) {
    for (const auto& impl : fs::directory_iterator(suite.path(), ec)) {
      std::string name = suite.path().filename().string() + "/" + impl.path().filename().string();
      if (plan.unknown_workloads.contains(name)) continue;  // Cannot tell: keep.
      for (const auto& key : fs::directory_iterator(impl.path(), ec)) {
        if (plan.current.contains(key.path()) || in_use.contains(key.path())) continue;
        Take(item, key.path(), plan.dry_run);
      }
    }
  }
  return item;
}

CleanItem CleanRevisions(const CleanPlan& plan) {
  CleanItem item{"--against worktrees", 0, 0, true, "checked out again when a run needs one"};
  fs::path root = plan.build / "revisions";
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return item;
  for (const auto& tree : fs::directory_iterator(root, ec)) Take(item, tree.path(), plan.dry_run);
  if (!plan.dry_run && item.entries > 0) {
    SpawnSpec git;
    git.argv = {"git", "-C", plan.repo.string(), "worktree", "prune"};
    RunCommand(git, std::chrono::seconds(60));
  }
  return item;
}

CleanItem Measure(const std::string& what, const fs::path& path, const std::string& note) {
  CleanItem item{what, 0, TreeBytes(path), false, note};
  std::error_code ec;
  if (fs::exists(path, ec)) item.entries = 1;
  return item;
}

}  // namespace

std::set<fs::path> ArtifactsInUse(const fs::path& build) {
  std::set<fs::path> used;
  std::error_code ec;
  if (!fs::is_directory(build / "runs", ec)) return used;
  for (const auto& run : fs::directory_iterator(build / "runs", ec)) {
    std::ifstream in(run.path() / "artifacts.txt");
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) used.insert(line);
    }
  }
  return used;
}

void RecordArtifactsInUse(const fs::path& scratch, const std::vector<fs::path>& binaries) {
  std::ofstream out(scratch / "artifacts.txt", std::ios::trunc);
  for (const auto& binary : binaries) out << binary.parent_path().string() << '\n';
}

std::vector<CleanItem> CleanBuildFolder(const CleanPlan& plan, const StopToken& stop) {
  FileLock lock(plan.build / ".build.lock", stop);
  if (!lock.held()) throw Error("interrupted while waiting for another benchctl's build");
  std::vector<CleanItem> items;
  Removed stale = RemoveStaleScratch(plan.build, plan.dry_run);
  items.push_back({"stale run folders", stale.entries, stale.bytes, true,
                   "left by runs that were killed before they could remove them"});
  CleanItem old{"files of older benchctl versions", 0, 0, true, "no run reads them any more"};
  for (const char* name : kOldLayout) {
    if (fs::exists(plan.build / name)) Take(old, plan.build / name, plan.dry_run);
  }
  items.push_back(old);
  // The build lock is held: no build is using its temporary folder now.
  CleanItem tmp{"temporary folders of stopped builds", 0, 0, true, "no build is running"};
  if (fs::exists(plan.build / "tmp")) Take(tmp, plan.build / "tmp", plan.dry_run);
  items.push_back(tmp);
  if (plan.all) {
    if (!ArtifactsInUse(plan.build).empty()) {
      throw Error(
          fmt::format("clean --all: a benchctl run is using {} right now; wait for it to "
                      "finish (or stop it), then clean",
                      plan.build.string()));
    }
    CleanItem everything{"the whole build cache", 0, 0, true, "--all: rebuilt on the next run"};
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(plan.build, ec)) {
      std::string name = entry.path().filename().string();
      if (name == ".build.lock" || name == "runs") continue;
      Take(everything, entry.path(), plan.dry_run);
    }
    items.push_back(everything);
    return items;
  }
  items.push_back(CleanArtifacts(plan, ArtifactsInUse(plan.build)));
  items.push_back(CleanRevisions(plan));
  items.push_back(Measure("current artifacts", plan.build / "artifacts",
                          "the binaries this checkout runs (and any a live run uses)"));
  items.push_back(Measure("compiler caches", plan.build / "work",
                          "incremental build state: later builds are faster with it"));
  items.push_back(Measure("cargo target folder", plan.build / "cargo-target",
                          "incremental build state: later builds are faster with it"));
  return items;
}

}  // namespace benchctl
