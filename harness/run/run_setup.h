// The blocks a run records before it executes: how instructions are counted,
// the environment (system, CPU sets, noise warnings) and the config.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cpu_sets.h"
#include "instruction_counts.h"
#include "run_config.h"
#include "run_environment.h"
#include "run_options.h"
#include "suite.h"
#include "system_info.h"

namespace benchctl {

// The valgrind that `--instructions` runs, checked before anything is built or
// written (benchctl::Error if it is asked for and missing). out_dir is left empty.
CallgrindSettings FindCallgrind(const RunOptions& options);

// How the counts were taken (nullopt when off); the version is the one system info read.
std::optional<InstructionsConfig> RecordedInstructions(const CallgrindSettings& settings,
                                                       const SystemInfo& system);

// The "environment" block: system info, CPU sets and noise warnings.
RunEnvironment RecordedEnvironment(const SystemInfo& system, const CpuPlan& cpus);

// The "config" block: every option that shapes the numbers, the suites' own options
// (`suite_options`: config key → values, as SuiteOptionsRecord in suite_registry.h gives them),
// and the order.
RunConfig RecordedConfig(const RunOptions& options, int processes, const Suite& suite,
                         const std::map<std::string, std::vector<std::string>>& suite_options,
                         const std::vector<std::vector<std::size_t>>& order);

}  // namespace benchctl
