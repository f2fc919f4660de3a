#include "discovery.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

#include "error.h"

namespace benchctl {
namespace {

void RequireKnown(const std::vector<std::string>& asked, const std::vector<std::string>& valid,
                  const std::string& what) {
  for (const auto& name : asked) {
    if (std::find(valid.begin(), valid.end(), name) == valid.end()) {
      throw Error(fmt::format("unknown {} \"{}\"; valid: {}", what, name, fmt::join(valid, ", ")));
    }
  }
}

}  // namespace

std::vector<Manifest> DiscoverWorkloads(const Paths& paths, const std::string& suite,
                                        const std::vector<std::string>& languages,
                                        const std::vector<std::string>& operations,
                                        const std::vector<std::string>& modes) {
  std::filesystem::path dir = paths.workloads / suite;
  if (!std::filesystem::is_directory(dir)) {
    throw Error(fmt::format("suite \"{}\" has no folder {}", suite, dir.string()));
  }
  std::vector<std::filesystem::path> folders;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (!entry.is_directory() || name == "shared" || name.starts_with(".")) continue;
    if (!std::filesystem::exists(entry.path() / "workload.json")) {
      throw Error(
          fmt::format("{}: has no workload.json (every folder in {} is an implementation; "
                      "put helper code in {}/shared/)",
                      entry.path().string(), dir.string(), dir.string()));
    }
    folders.push_back(entry.path());
  }
  std::sort(folders.begin(), folders.end());
  std::vector<Manifest> out;
  for (const auto& folder : folders) {
    out.push_back(LoadManifest(folder, suite, languages, operations, modes));
  }
  return out;
}

std::vector<Manifest> FilterWorkloads(const std::vector<Manifest>& all,
                                      const std::vector<std::string>& languages,
                                      const std::vector<std::string>& impls,
                                      const std::vector<std::string>& known_languages,
                                      const std::vector<std::string>& operations,
                                      const std::vector<std::string>& suite_operations) {
  std::vector<std::string> names;
  for (const auto& m : all) names.push_back(m.name);
  RequireKnown(languages, known_languages, "language");
  RequireKnown(impls, names, "implementation");
  RequireKnown(operations, suite_operations, "operation");
  auto wanted = [](const std::vector<std::string>& filter, const std::string& value) {
    return filter.empty() || std::find(filter.begin(), filter.end(), value) != filter.end();
  };
  std::vector<Manifest> out;
  for (const auto& m : all) {
    if (!wanted(languages, m.language) || !wanted(impls, m.name)) continue;
    bool has_op = operations.empty();
    for (const auto& op : m.operations) has_op = has_op || wanted(operations, op);
    if (has_op) out.push_back(m);
  }
  return out;
}

}  // namespace benchctl
