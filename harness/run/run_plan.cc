#include "run_plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "error.h"

namespace benchctl {

void CheckUniqueJobIds(const std::vector<JobResult>& jobs) {
  std::set<std::string> seen;
  for (const auto& job : jobs) {
    if (!seen.insert(job.spec.id).second) {
      throw Error(fmt::format("two jobs would both be named `{}`: give each input a distinct name",
                              job.spec.id));
    }
  }
}

namespace {

// The suite's parameters on one job: in its environment, its record, and (when swept) its id.
void ApplyParams(JobSpec& job, const std::map<std::string, std::string>& values,
                 const std::vector<std::string>& swept) {
  for (const auto& [name, value] : values) job.env[ParamEnvName(name)] = value;
  job.params = values;
  for (const auto& name : swept) job.id += "/" + name + "=" + values.at(name);
}

}  // namespace

std::vector<JobSpec> PlanJobs(const Suite& suite, const std::vector<BuiltWorkload>& built,
                              const RunOptions& options, const Paths& paths) {
  std::vector<JobSpec> jobs;
  const std::vector<std::string> swept =
      SweptParams(suite.Parameters(), options.params, options.quick);
  for (const auto& values : ParamCombinations(suite.Parameters(), options.params, options.quick)) {
    RunOptions planned = options;
    planned.param_values = values;
    for (const auto& b : built) {
      for (JobSpec& job : suite.PlanJobs(b.manifest, b.build.binary, planned, paths)) {
        // --op filters here, once for every suite.
        const auto& ops = options.operations;
        if (!ops.empty() && std::find(ops.begin(), ops.end(), job.operation) == ops.end()) {
          continue;
        }
        ApplyParams(job, values, swept);
        job.counter_metrics = suite.Metrics();
        job.artifact = ArtifactJson(b.build);
        if (!b.build.ok) job.setup_failure = b.build.error;
        jobs.push_back(std::move(job));
      }
    }
  }
  return jobs;
}

void AddChildEnvironment(JobSpec& job, const RunOptions& options, const CpuPlan& cpus,
                         const Toolchain& toolchain, const ExecutionModes& modes) {
  // Runtimes that size themselves by the machine's CPU count must match the pin.
  for (const auto& name : toolchain.cpu_count_env) {
    job.env[name] = std::to_string(cpus.children.size());
  }
  modes.ForJob(job).AddChildEnvironment(job, options, cpus);
}

}  // namespace benchctl
