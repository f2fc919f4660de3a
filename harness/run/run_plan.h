// Planning a run: built workloads become jobs, each with its child environment.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "build_workloads.h"
#include "cpu_sets.h"
#include "manifest.h"
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

// The protocol variables and the language's CPU-count variables (toolchain
// `cpu_count_env`) every child gets (recorded).
void AddChildEnvironment(JobSpec& job, const RunOptions& options, const CpuPlan& cpus,
                         const Toolchain& toolchain);

}  // namespace benchctl
