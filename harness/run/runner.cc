#include "runner.h"

#include <fmt/format.h>

#include "error.h"
#include "execution_mode.h"
#include "job_summary.h"
#include "mode_registry.h"
#include "statistics.h"

namespace benchctl {
namespace {

const ExecutionModes& ModesOf(const RunnerSettings& settings) {
  return settings.modes != nullptr ? *settings.modes : BuiltinModes();
}

// Every job's mode, by job index; an unknown mode is a benchctl::Error.
std::vector<const ExecutionMode*> JobModes(const RunResult& run, const RunnerSettings& settings) {
  std::vector<const ExecutionMode*> modes;
  for (const JobResult& job : run.jobs) modes.push_back(&ModesOf(settings).ForJob(job.spec));
  return modes;
}

// After the timed rounds: the counts do not depend on the machine's state, so
// they need no interleaving with the timed processes.
void CountInstructions(RunResult& run, const std::vector<const ExecutionMode*>& modes,
                       const ModeContext& context, const RunnerCallbacks& callbacks) {
  const CallgrindSettings& callgrind = context.settings.callgrind;
  const auto n = static_cast<std::size_t>(callgrind.measurements);
  std::size_t total = 0, done = 0;
  for (const JobResult& job : run.jobs) total += job.status == "failed" ? 0 : n;
  for (std::size_t k = 0; k < n; ++k) {
    for (std::size_t j = 0; j < run.jobs.size(); ++j) {
      JobResult& job = run.jobs[j];
      if (job.status == "failed") continue;
      if (context.stop.stop_requested()) return;
      std::vector<double> times = ProcessTimes(job);
      std::int64_t extra = ExtraIterations(times.empty() ? 0.0 : Median(times), callgrind);
      const ExecutionMode& mode = *modes[j];
      InstructionRecord record =
          mode.MeasureInstructions(job.spec, mode.MakeRequest(job.spec, context.settings),
                                   context.executor, callgrind, static_cast<int>(k), extra);
      if (context.stop.stop_requested()) return;  // Not the workload's fault: not recorded.
      if (!record.ok) {
        job.status = "failed";
        job.failure = record.failure;
      }
      job.instructions.push_back(std::move(record));
      ++done;
      if (callbacks.save) callbacks.save(run);
      if (callbacks.counted) callbacks.counted(job, job.instructions.back(), done, total);
    }
  }
}

// The timed rounds, in `order`; saves after every process.
void RunRounds(RunResult& run, const std::vector<std::vector<std::size_t>>& order,
               const std::vector<const ExecutionMode*>& modes, const ModeContext& context,
               const RunnerCallbacks& callbacks) {
  std::size_t total = 0;
  for (const auto& round : order) total += round.size();
  std::vector<bool> warmed(run.jobs.size(), false);
  std::size_t done = 0;
  for (std::size_t r = 0; r < order.size() && !context.stop.stop_requested(); ++r) {
    for (std::size_t pos = 0; pos < order[r].size(); ++pos) {
      if (context.stop.stop_requested()) break;
      const std::size_t j = order[r][pos];
      JobResult& job = run.jobs[j];
      ++done;
      if (job.status == "failed") continue;
      const ExecutionMode& mode = *modes[j];
      if (!warmed[j]) {
        mode.WarmUp(job.spec, context);
        warmed[j] = true;
        if (context.stop.stop_requested()) break;
      }
      std::optional<ProcessRecord> p = mode.RunProcess(job.spec, context);
      if (!p) break;  // Stopped: not the workload's fault, leave it incomplete.
      p->round = static_cast<int>(r);
      p->position = static_cast<int>(pos);
      if (!p->ok) {
        job.status = "failed";
        job.failure = p->failure;
      }
      job.processes.push_back(std::move(*p));
      if (callbacks.save) callbacks.save(run);
      if (callbacks.progress) callbacks.progress({done, total, &job, &job.processes.back()});
    }
  }
}

}  // namespace

RunRequest MakeRequest(const JobSpec& job, const RunnerSettings& settings) {
  return ModesOf(settings).ForJob(job).MakeRequest(job, settings);
}

void ExecuteRun(RunResult& run, const std::vector<std::vector<std::size_t>>& order,
                Executor& executor, const RunnerSettings& settings,
                const RunnerCallbacks& callbacks, const StopToken& stop) {
  for (JobResult& job : run.jobs) {
    if (!job.spec.setup_failure.empty()) {
      job.status = "failed";
      job.failure = job.spec.setup_failure;
    }
  }
  const ModeContext context{executor, settings, stop};
  try {
    const std::vector<const ExecutionMode*> modes = JobModes(run, settings);
    RunRounds(run, order, modes, context, callbacks);
    if (settings.callgrind.measurements > 0) CountInstructions(run, modes, context, callbacks);
  } catch (const Error& e) {
    // The environment stopped the run (the result file cannot be written, a
    // child cannot be started): not a workload's failure. What finished stays.
    run.stop_reason = fmt::format("stopped: {}", e.what());
  }
  if (stop.stop_requested()) {
    run.stop_reason = stop.reason().empty() ? std::string("stopped") : stop.reason();
  }
  run.complete = run.stop_reason.empty();
  for (JobResult& job : run.jobs) {
    if (job.status == "failed") continue;
    job.status = job.processes.size() == order.size() ? "ok" : "incomplete";
  }
  if (!callbacks.save) return;
  try {
    callbacks.save(run);
  } catch (const Error& e) {
    if (run.stop_reason.empty()) run.stop_reason = fmt::format("stopped: {}", e.what());
    run.complete = false;
  }
}

}  // namespace benchctl
