#include "builder.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include "atomic_file.h"
#include "error.h"
#include "file_lock.h"
#include "placeholders.h"
#include "sha256.h"
#include "subprocess.h"

namespace benchctl {
namespace {

namespace fs = std::filesystem;

bool Skipped(const fs::path& p) {
  std::string name = p.filename().string();
  return name == "target" || name == ".zig-cache" || name == "zig-cache" || name == "zig-out" ||
         name.starts_with(".");
}

// Appends "relative path \0 contents \0" of every file under `dir`, sorted.
void HashTree(const fs::path& dir, const fs::path& base, std::string& material) {
  if (!fs::exists(dir)) return;
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator();
       ++it) {
    if (Skipped(it->path())) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    material += fs::relative(f, base).string() + '\0' + buffer.str() + '\0';
  }
}

void HashFile(const fs::path& file, const fs::path& base, std::string& material) {
  if (!fs::is_regular_file(file)) return;
  std::ifstream in(file, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  material += fs::relative(file, base).string() + '\0' + buffer.str() + '\0';
}

// List parameters of the manifest; a list the recipe names but the manifest
// leaves out (e.g. no extra libraries) is empty.
std::map<std::string, std::vector<std::string>> ListParams(
    const Manifest& m, const std::vector<std::string>& argv,
    const std::map<std::string, std::string>& values) {
  std::map<std::string, std::vector<std::string>> lists;
  for (const auto& [k, v] : m.build) {
    if (v.is_array()) lists[k] = v.get<std::vector<std::string>>();
  }
  for (const auto& arg : argv) {
    for (const auto& key : PlaceholderKeys(arg)) {
      if (!values.contains(key) && !m.build.contains(key)) lists[key] = {};
    }
  }
  return lists;
}

std::string Tail(const std::string& text, std::size_t lines) {
  if (text.empty()) return text;
  std::size_t pos = text.size();
  for (std::size_t i = 0; i <= lines && pos != std::string::npos && pos > 0; ++i) {
    pos = text.rfind('\n', pos - 1);
  }
  return pos == std::string::npos ? text : text.substr(pos + 1);
}

}  // namespace

std::string BuildKey(const Manifest& m, const Toolchain& t, const ToolchainProbe& probe,
                     const Paths& paths) {
  std::string material = "benchctl-build-1\0";
  HashTree(m.dir, paths.workloads, material);
  HashTree(paths.workloads / "lib" / m.language, paths.workloads, material);
  HashTree(paths.workloads / m.suite / "shared" / m.language, paths.workloads, material);
  // Only this language's lock files: a go.sum change must not rebuild Zig.
  for (const auto& f : t.lock_files) HashFile(paths.workloads / f, paths.workloads, material);
  HashFile(t.file, t.file.parent_path(), material);
  material += probe.version + '\0';
  for (const auto& [k, v] : m.build) material += k + '=' + v.dump() + '\0';
  return Sha256Hex(material);
}

fs::path ArtifactFolder(const Manifest& m, const std::string& key, const Paths& paths) {
  return paths.build / "artifacts" / m.suite / m.name / key.substr(0, 16);
}

namespace {

// A cached artifact whose build.json names the same key, if there is one.
bool LoadCachedBuild(const fs::path& binary, const fs::path& meta, BuildResult& result) {
  if (!fs::exists(binary) || !fs::exists(meta)) return false;
  nlohmann::json j = nlohmann::json::parse(std::ifstream(meta), nullptr, false);
  if (!j.is_object() || j.value("key", "") != result.key) return false;
  result.ok = result.cached = true;
  result.binary = binary.string();
  result.size_bytes = j.value("size_bytes", std::uintmax_t{0});
  result.stripped_size_bytes = j.value("stripped_size_bytes", std::uintmax_t{0});
  result.argv = j.value("argv", std::vector<std::string>{});
  result.env = j.value("env", std::map<std::string, std::string>{});
  return true;
}

// The placeholder values of a manifest's build: the toolchain's and the manifest's own.
std::map<std::string, std::string> BuildValues(const Manifest& m, const fs::path& work,
                                               const Paths& paths) {
  std::map<std::string, std::string> values = {{"workloads", paths.workloads.string()},
                                               {"dir", m.dir.string()},
                                               {"out", (work / m.name).string()},
                                               {"build_dir", paths.build.string()},
                                               {"repo", paths.root.string()}};
  for (const auto& [k, v] : m.build) {
    if (v.is_string()) values[k] = v.get<std::string>();
  }
  return values;
}

// Fills result.argv and result.env from the recipe; false (with result.error) when the
// manifest's values do not fit it.
bool ExpandRecipe(const Manifest& m, const Toolchain& t, const ToolchainProbe& probe,
                  const std::map<std::string, std::string>& values, BuildResult& result) {
  try {
    result.argv = ExpandArgv(t.build_argv, values, ListParams(m, t.build_argv, values));
    for (const auto& [k, v] : t.build_env) result.env[k] = ExpandPlaceholders(v, values);
    if (auto it = m.build.find("env"); it != m.build.end() && it->second.is_object()) {
      for (const auto& [k, v] : it->second.items()) result.env[k] = v.get<std::string>();
    }
  } catch (const Error& e) {
    result.error = fmt::format("{}: {}", (m.dir / "workload.json").string(), e.what());
    return false;
  }
  if (auto it = probe.paths.find(result.argv[0]); it != probe.paths.end()) {
    result.argv[0] = it->second;
  }
  return true;
}

// Runs the build command with a private temporary folder, removed after the build:
// whatever a compiler or linker leaves behind when stopped (an LTO link killed midway) goes
// too. The log is written either way.
CommandResult RunBuild(const Toolchain& t, const std::map<std::string, std::string>& values,
                       const Paths& paths, const StopToken& stop, BuildResult& result) {
  SpawnSpec spec;
  spec.argv = result.argv;
  spec.env = result.env;
  spec.cwd = ExpandPlaceholders(t.build_cwd, values);
  fs::path tmp = paths.build / "tmp" / std::to_string(getpid());
  fs::create_directories(tmp);
  spec.env["TMPDIR"] = tmp.string();
  auto start = std::chrono::steady_clock::now();
  CommandResult r = RunCommand(spec, std::chrono::minutes(30), stop);
  std::error_code ignored;
  fs::remove_all(tmp, ignored);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  WriteFileAtomically(result.log_path,
                      fmt::format("$ {}\n{}", fmt::join(result.argv, " "), r.output));
  return r;
}

// Installs the built artifact as `binary` and records its sizes and build.json.
void InstallArtifact(const fs::path& artifact, const fs::path& binary, const fs::path& meta,
                     const StopToken& stop, BuildResult& result) {
  // Copy, then rename: a binary that is being executed is never rewritten in place.
  fs::path incoming = binary;
  incoming += ".incoming";
  fs::copy_file(artifact, incoming, fs::copy_options::overwrite_existing);
  fs::rename(incoming, binary);
  result.size_bytes = fs::file_size(binary);
  fs::path stripped = binary;
  stripped += ".stripped";
  SpawnSpec strip;
  strip.argv = {"strip", "-o", stripped.string(), binary.string()};
  CommandResult s = RunCommand(strip, std::chrono::seconds(60), stop);
  if (s.exit_code == 0) {
    result.stripped_size_bytes = fs::file_size(stripped);
    fs::remove(stripped);
  }
  result.ok = true;
  result.binary = binary.string();
  nlohmann::json j = {{"key", result.key},
                      {"size_bytes", result.size_bytes},
                      {"stripped_size_bytes", result.stripped_size_bytes},
                      {"argv", result.argv},
                      {"env", result.env},
                      {"seconds", result.seconds}};
  WriteFileAtomically(meta, j.dump(2));
}

}  // namespace

BuildResult BuildWorkload(const Manifest& m, const Toolchain& t, const ToolchainProbe& probe,
                          const Paths& paths, const StopToken& stop) {
  // One build at a time per build folder: concurrent runs share the work
  // folders and the cargo target folder, and must not install a binary that
  // another run is executing or copy one that another run just rebuilt.
  FileLock lock(paths.build / ".build.lock", stop);
  BuildResult result;
  if (!lock.held()) {
    result.error = "interrupted while waiting for another benchctl's build";
    return result;
  }
  result.key = BuildKey(m, t, probe, paths);
  fs::path store = ArtifactFolder(m, result.key, paths);
  fs::path binary = store / m.name;
  fs::path meta = store / "build.json";
  result.log_path = (store / "build.log").string();
  if (LoadCachedBuild(binary, meta, result)) return result;
  fs::create_directories(store);
  fs::path work = paths.build / "work" / m.suite / m.name;
  fs::create_directories(work);
  std::map<std::string, std::string> values = BuildValues(m, work, paths);
  if (!ExpandRecipe(m, t, probe, values, result)) return result;
  CommandResult r = RunBuild(t, values, paths, stop, result);
  fs::path artifact = ExpandPlaceholders(t.artifact, values);
  if (r.exit_code != 0 || !fs::exists(artifact)) {
    result.error = fmt::format("build of {}/{} failed ({}); log: {}\n{}", m.suite, m.name,
                               r.timed_out ? "timed out" : fmt::format("exit {}", r.exit_code),
                               result.log_path, Tail(r.output, 20));
    return result;
  }
  InstallArtifact(artifact, binary, meta, stop, result);
  return result;
}

nlohmann::json ArtifactJson(const BuildResult& b) {
  return {{"binary", b.binary},         {"build_key", b.key},
          {"size_bytes", b.size_bytes}, {"stripped_size_bytes", b.stripped_size_bytes},
          {"build_argv", b.argv},       {"build_env", b.env},
          {"cached", b.cached}};
}

}  // namespace benchctl
