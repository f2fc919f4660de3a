#include "json_inputs.h"

#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "atomic_file.h"
#include "byte_size.h"
#include "error.h"
#include "json_reference.h"
#include "sha256.h"
#include "units.h"

namespace benchctl {

namespace fs = std::filesystem;

namespace {

void FillReference(JsonInput& in, const fs::path& path, const std::string& text) {
  in.info.path = path.string();
  in.info.bytes = text.size();
  in.info.sha256 = Sha256Hex(text);
  JsonStats stats = ComputeJsonStats(text, path.string());
  in.dom_stats = stats.ToDomJson();
  in.typed_stats = stats.ToTypedJson();
}

// The last `depth` components of `path`, joined with '/'.
std::string Tail(const fs::path& path, std::size_t depth) {
  std::vector<std::string> parts;
  for (const auto& part : path) parts.push_back(part.string());
  std::size_t first = parts.size() > depth ? parts.size() - depth : 0;
  std::string out;
  for (std::size_t i = first; i < parts.size(); ++i) {
    if (parts[i] == "/") continue;
    if (!out.empty()) out += '/';
    out += parts[i];
  }
  return out;
}

}  // namespace

void CheckGeneratedSize(const std::string& size_text, std::uint64_t bytes,
                        std::optional<std::uint64_t> available) {
  if (bytes == 0) {
    throw Error(
        fmt::format("--size {}: a document of 0 bytes cannot be generated; ask for at "
                    "least 16KB",
                    size_text));
  }
  if (available && bytes > *available / kGeneratedMemoryFactor) {
    throw Error(fmt::format(
        "--size {}: a {} document needs about {} × its size in memory (text, the workload's "
        "copy, the parsed tree), and this machine has {} available; ask for at most {}",
        size_text, FormatByteSize(bytes), kGeneratedMemoryFactor,
        FormatBytes(static_cast<double>(*available)),
        FormatBytes(static_cast<double>(*available / kGeneratedMemoryFactor))));
  }
}

JsonInput GenerateInput(JsonShape shape, std::uint64_t bytes, std::uint64_t seed,
                        const fs::path& dir) {
  JsonInput in;
  in.info.shape = std::string(JsonShapeName(shape));
  in.info.name = fmt::format("{}-{}", in.info.shape, FormatByteSize(bytes));
  in.info.seed = seed;
  std::string text = GenerateJson(shape, bytes, seed);
  double off = std::abs(static_cast<double>(text.size()) - static_cast<double>(bytes)) /
               static_cast<double>(bytes);
  if (off > kGeneratedSizeTolerance) {
    throw Error(fmt::format(
        "--size {}: the closest {} document is {} bytes ({:+.0f}%), too far from the size asked "
        "for to be labelled {}; {} documents grow in whole records: ask for at least 16KB",
        FormatByteSize(bytes), in.info.shape, text.size(),
        100.0 * (static_cast<double>(text.size()) / static_cast<double>(bytes) - 1.0), in.info.name,
        in.info.shape));
  }
  fs::path path = dir / fmt::format("{}-s{}.json", in.info.name, seed);
  WriteFileAtomically(path, text);
  FillReference(in, path, text);
  return in;
}

JsonInput ReadUserInput(const fs::path& path, const std::string& name) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (!fs::exists(status)) {
    throw Error(fmt::format("--input {}: no such file", path.string()));
  }
  if (fs::is_directory(status)) {
    throw Error(fmt::format("--input {}: is a folder, not a JSON file", path.string()));
  }
  if (!fs::is_regular_file(status)) {
    throw Error(fmt::format("--input {}: is not a regular file", path.string()));
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) throw Error(fmt::format("--input {}: cannot be read", path.string()));
  std::stringstream buffer;
  buffer << file.rdbuf();
  std::string text = buffer.str();
  if (text.empty()) {
    throw Error(fmt::format("--input {}: the file is empty (0 bytes), not JSON", path.string()));
  }
  JsonInput in;
  in.info.shape = "user";
  in.info.name = name;
  try {
    FillReference(in, path, text);
  } catch (const Error& e) {
    throw Error(fmt::format("--input {}", e.what()));
  }
  return in;
}

std::vector<std::string> DistinctInputNames(const std::vector<fs::path>& paths) {
  // Resolved once: the same file under two spellings is one file.
  std::vector<fs::path> canonical;
  std::map<fs::path, std::size_t> seen;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    canonical.push_back(fs::weakly_canonical(paths[i]));
    if (auto [it, fresh] = seen.emplace(canonical[i], i); !fresh) {
      throw Error(fmt::format("--input {} is given twice (as {} and {}): give each file once",
                              canonical[i].string(), paths[it->second].string(),
                              paths[i].string()));
    }
  }
  std::vector<std::size_t> depth(paths.size(), 1);
  for (bool changed = true; changed;) {
    changed = false;
    std::map<std::string, std::vector<std::size_t>> by_name;
    for (std::size_t i = 0; i < paths.size(); ++i) {
      by_name[Tail(canonical[i], depth[i])].push_back(i);
    }
    for (const auto& [name, users] : by_name) {
      if (users.size() < 2) continue;
      for (std::size_t i : users) ++depth[i];
      changed = true;
    }
  }
  std::vector<std::string> names;
  for (std::size_t i = 0; i < paths.size(); ++i) names.push_back(Tail(canonical[i], depth[i]));
  return names;
}

}  // namespace benchctl
