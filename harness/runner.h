// Runs the planned jobs' processes in the interleaved order through an
// Executor, verifying and recording each, saving after every process.
#pragma once

#include <functional>
#include <vector>

#include "executor.h"
#include "result_model.h"

namespace benchctl {

// How children are run.
struct RunnerSettings {
  std::vector<int> child_cpus;   // Every child is pinned to this set.
  double timeout_seconds = 300;  // Per child.
  int process_mode_warmup = 3;   // Discarded runs before a process-mode job's first.
};

// Progress after each process, for the display.
struct Progress {
  std::size_t done = 0, total = 0;
  const JobResult* job = nullptr;
  const ProcessRecord* process = nullptr;
};

// What the runner calls back.
struct RunnerCallbacks {
  std::function<void(const RunResult&)> save;     // After every process.
  std::function<void(const Progress&)> progress;  // After every process.
};

// Executes `order` (rounds of job indices into run.jobs). Jobs with a
// setup_failure fail without running; a job stops at its first failed process.
// Sets run.complete, stop_reason and each job's status.
void ExecuteRun(RunResult& run, const std::vector<std::vector<std::size_t>>& order,
                Executor& executor, const RunnerSettings& settings,
                const RunnerCallbacks& callbacks);

// The child request for one process of `job`.
RunRequest MakeRequest(const JobSpec& job, const RunnerSettings& settings);

}  // namespace benchctl
