// Building every workload a run needs, and the toolchain facts recorded with it.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "builder.h"
#include "manifest.h"
#include "paths.h"
#include "stop_token.h"
#include "toolchain.h"

namespace benchctl {

// A manifest and how its build went.
struct BuiltWorkload {
  Manifest manifest;
  BuildResult build;
};

// Probes each language used by `manifests` once.
std::map<std::string, ToolchainProbe> ProbeLanguages(
    const std::vector<Manifest>& manifests, const std::map<std::string, Toolchain>& toolchains,
    const Paths& paths);

// Builds each manifest, printing one status line each on stderr. A missing
// toolchain or failed build is recorded in its BuildResult; the rest go on.
// Once `stop` is stopped it stops early, returning the builds so far: callers
// check stop.stop_requested().
std::vector<BuiltWorkload> BuildWorkloads(const std::vector<Manifest>& manifests,
                                          const std::map<std::string, Toolchain>& toolchains,
                                          const std::map<std::string, ToolchainProbe>& probes,
                                          const Paths& paths, const StopToken& stop);

// The "toolchains" block: per used language, path, exact version and policy.
nlohmann::json ToolchainsJson(const std::vector<BuiltWorkload>& built,
                              const std::map<std::string, Toolchain>& toolchains,
                              const std::map<std::string, ToolchainProbe>& probes);

}  // namespace benchctl
