// Building a workload with its language's recipe, cached by a hash of its
// sources, the toolchain's exact version and the flags.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "manifest.h"
#include "paths.h"
#include "stop_token.h"
#include "toolchain.h"

namespace benchctl {

// The outcome of building one workload.
struct BuildResult {
  bool ok = false;
  bool cached = false;   // Nothing changed: the stored artifact was reused.
  std::string binary;    // The artifact to run.
  std::string key;       // sha256 of everything that shapes the binary.
  std::string log_path;  // Full build log.
  std::string error;     // On failure: what happened, with the log's tail.
  double seconds = 0;
  std::uintmax_t size_bytes = 0;           // As built.
  std::uintmax_t stripped_size_bytes = 0;  // After `strip`.
  std::vector<std::string> argv;           // The build command.
  std::map<std::string, std::string> env;  // Its environment additions.
};

// The cache key: hashes the workload folder, the language's protocol library,
// the suite's shared code for the language, the language's lock files (toolchain
// `lock_files`), the toolchain file,
// the exact toolchain version and the manifest's build parameters.
std::string BuildKey(const Manifest& manifest, const Toolchain& toolchain,
                     const ToolchainProbe& probe, const Paths& paths);

// Where the artifact of `manifest` with build key `key` is stored.
std::filesystem::path ArtifactFolder(const Manifest& manifest, const std::string& key,
                                     const Paths& paths);

// Builds (or reuses) the workload. Never throws for a compile error: it is
// reported in the result with its log so other languages still build. Once
// `stop` is stopped the wait for the build lock or the compiler is ended, and
// the build fails.
BuildResult BuildWorkload(const Manifest& manifest, const Toolchain& toolchain,
                          const ToolchainProbe& probe, const Paths& paths, const StopToken& stop);

// The result's artifact description recorded with each job.
nlohmann::json ArtifactJson(const BuildResult& build);

}  // namespace benchctl
