// The steps of a run before execution: build, plan jobs, child environment,
// and the metadata recorded with the result.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "builder.h"
#include "cpu_sets.h"
#include "manifest.h"
#include "result_model.h"
#include "run_options.h"
#include "suite.h"
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
// After SIGINT, SIGTERM or SIGHUP it stops early: callers check InterruptSignal().
std::vector<BuiltWorkload> BuildWorkloads(const std::vector<Manifest>& manifests,
                                          const std::map<std::string, Toolchain>& toolchains,
                                          const std::map<std::string, ToolchainProbe>& probes,
                                          const Paths& paths);

// Expands built workloads into jobs; a failed build fails its jobs up front.
std::vector<JobSpec> PlanJobs(const Suite& suite, const std::vector<BuiltWorkload>& built,
                              const RunOptions& options, const Paths& paths);

// Job ids must be unique (results/SCHEMA.md): a benchctl::Error names any
// id that two jobs share.
void CheckUniqueJobIds(const std::vector<JobResult>& jobs);

// The protocol variables and the language's CPU-count variables (toolchain
// `cpu_count_env`) every child gets (recorded).
void AddChildEnvironment(JobSpec& job, const RunOptions& options, const CpuPlan& cpus,
                         const Toolchain& toolchain);

// The "toolchains" block: per used language, path, exact version and policy.
nlohmann::json ToolchainsJson(const std::vector<BuiltWorkload>& built,
                              const std::map<std::string, Toolchain>& toolchains,
                              const std::map<std::string, ToolchainProbe>& probes);

}  // namespace benchctl
