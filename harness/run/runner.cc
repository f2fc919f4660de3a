#include "runner.h"

#include <fmt/format.h>

#include <cstring>

#include "error.h"
#include "interpret.h"
#include "interrupt.h"
#include "job_summary.h"
#include "statistics.h"

namespace benchctl {

RunRequest MakeRequest(const JobSpec& job, const RunnerSettings& settings) {
  RunRequest request;
  request.label = job.id;
  request.argv = job.argv;
  request.env = job.env;
  request.cpus = settings.child_cpus;
  request.timeout_seconds = settings.timeout_seconds;
  request.protocol = job.mode == "inprocess";
  return request;
}

namespace {

// After the timed rounds: the counts do not depend on the machine's state, so
// they need no interleaving with the timed processes.
void CountInstructions(RunResult& run, Executor& executor, const RunnerSettings& settings,
                       const RunnerCallbacks& callbacks) {
  const auto n = static_cast<std::size_t>(settings.callgrind.measurements);
  std::size_t total = 0, done = 0;
  for (const JobResult& job : run.jobs) total += job.status == "failed" ? 0 : n;
  for (std::size_t k = 0; k < n; ++k) {
    for (JobResult& job : run.jobs) {
      if (job.status == "failed") continue;
      if (InterruptSignal() != 0) return;
      std::vector<double> times = ProcessTimes(job);
      std::int64_t extra = ExtraIterations(times.empty() ? 0.0 : Median(times), settings.callgrind);
      InstructionRecord record =
          MeasureInstructions(job.spec, MakeRequest(job.spec, settings), executor,
                              settings.callgrind, static_cast<int>(k), extra);
      if (InterruptSignal() != 0) return;  // Not the workload's fault: not recorded.
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
               Executor& executor, const RunnerSettings& settings,
               const RunnerCallbacks& callbacks) {
  std::size_t total = 0;
  for (const auto& round : order) total += round.size();
  std::vector<bool> warmed(run.jobs.size(), false);
  std::size_t done = 0;
  for (std::size_t r = 0; r < order.size() && InterruptSignal() == 0; ++r) {
    for (std::size_t pos = 0; pos < order[r].size(); ++pos) {
      if (InterruptSignal() != 0) break;
      JobResult& job = run.jobs[order[r][pos]];
      ++done;
      if (job.status == "failed") continue;
      RunRequest request = MakeRequest(job.spec, settings);
      if (job.spec.mode == "process" && !warmed[order[r][pos]]) {
        // Warm the page cache and loader caches; these runs are not recorded.
        for (int w = 0; w < settings.process_mode_warmup; ++w) executor.Run(request);
        warmed[order[r][pos]] = true;
      }
      RunOutcome outcome = executor.Run(request);
      if (outcome.interrupted) break;  // Not the workload's fault: leave it incomplete.
      ProcessRecord p = InterpretOutcome(job.spec, outcome);
      p.round = static_cast<int>(r);
      p.position = static_cast<int>(pos);
      if (!p.ok) {
        job.status = "failed";
        job.failure = p.failure;
      }
      job.processes.push_back(std::move(p));
      if (callbacks.save) callbacks.save(run);
      if (callbacks.progress) callbacks.progress({done, total, &job, &job.processes.back()});
    }
  }
}

}  // namespace

void ExecuteRun(RunResult& run, const std::vector<std::vector<std::size_t>>& order,
                Executor& executor, const RunnerSettings& settings,
                const RunnerCallbacks& callbacks) {
  for (JobResult& job : run.jobs) {
    if (!job.spec.setup_failure.empty()) {
      job.status = "failed";
      job.failure = job.spec.setup_failure;
    }
  }
  try {
    RunRounds(run, order, executor, settings, callbacks);
    if (settings.callgrind.measurements > 0) CountInstructions(run, executor, settings, callbacks);
  } catch (const Error& e) {
    // The environment stopped the run (the result file cannot be written, a
    // child cannot be started): not a workload's failure. What finished stays.
    run.stop_reason = fmt::format("stopped: {}", e.what());
  }
  if (int sig = InterruptSignal(); sig != 0) run.stop_reason = InterruptReason(sig);
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
