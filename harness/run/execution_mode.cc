#include "execution_mode.h"

namespace benchctl {

RunRequest BaseRequest(const JobSpec& job, const RunnerSettings& settings) {
  RunRequest request;
  request.label = job.id;
  request.argv = job.argv;
  request.env = job.env;
  request.cpus = settings.child_cpus;
  request.timeout_seconds = settings.timeout_seconds;
  request.protocol = false;
  return request;
}

void ExecutionMode::AddChildEnvironment(JobSpec&, const RunOptions&, const CpuPlan&) const {}

void ExecutionMode::WarmUp(const JobSpec&, const ModeContext&) const {}

std::optional<ProcessRecord> ExecutionMode::RunProcess(const JobSpec& job,
                                                       const ModeContext& context) const {
  RunOutcome outcome = context.executor.Run(MakeRequest(job, context.settings));
  if (outcome.interrupted) return std::nullopt;
  return Interpret(job, outcome);
}

}  // namespace benchctl
