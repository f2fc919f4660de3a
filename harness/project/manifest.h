// A workload's manifest (workloads/<suite>/<lang>-<variant>/workload.json),
// validated into a typed struct. The format is in workloads/PROTOCOL.md.
#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace benchctl {

// One implementation of a suite.
struct Manifest {
  std::filesystem::path dir;  // The workload's folder.
  std::string suite;          // Name of the folder above.
  std::string name;           // "<language>-<variant>", the folder's name.
  std::string language;
  std::string variant;
  std::string mode;  // An execution mode's name: "inprocess", "process" (harness/run/modes/).
  std::string library_name, library_version;
  std::vector<std::string> operations;
  std::map<std::string, nlohmann::json> build;  // Recipe parameters for the language.
  std::string validation;                       // "full" or "reduced".
  std::map<std::string, std::string> env;       // Extra child environment.
  std::string notes;
  // A reference row (a suite's physical floor or ceiling, e.g. spsc's cpp-floor): shown in
  // every table as what the others are a ratio to, never ranked among them.
  bool reference = false;
};

// Loads and validates `dir`/workload.json. `languages`, `operations` and
// `modes` (the execution modes' names, BuiltinModes().Names()) are the allowed
// values; errors name the file, the key and the allowed values.
Manifest LoadManifest(const std::filesystem::path& dir, const std::string& suite,
                      const std::vector<std::string>& languages,
                      const std::vector<std::string>& operations,
                      const std::vector<std::string>& modes);

// The manifest version this benchctl reads.
inline constexpr int kManifestVersion = 1;

}  // namespace benchctl
