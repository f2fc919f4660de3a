// Planning a run: built workloads become jobs, each with its child environment.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "build_workloads.h"
#include "cpu_sets.h"
#include "manifest.h"
#include "mode_registry.h"
#include "result_model.h"
#include "run_options.h"
#include "suite.h"
#include "toolchain.h"

namespace benchctl {

// Expands built workloads into jobs; a failed build fails its jobs up front.
std::vector<JobSpec> PlanJobs(const Suite& suite, const std::vector<BuiltWorkload>& built,
                              const RunOptions& options, const Paths& paths);

// Job ids must be unique (results/SCHEMA.md): a benchctl::Error names any
// id that two jobs share.
void CheckUniqueJobIds(const std::vector<JobResult>& jobs);

// The language's CPU-count variables (toolchain `cpu_count_env`) and what the
// job's execution mode adds (inprocess: the protocol variables) every child
// gets (recorded). An unknown mode is a benchctl::Error naming the known ones.
void AddChildEnvironment(JobSpec& job, const RunOptions& options, const CpuPlan& cpus,
                         const Toolchain& toolchain, const ExecutionModes& modes = BuiltinModes());

}  // namespace benchctl
