// Runs the planned jobs' processes in the interleaved order, each through its
// job's execution mode (execution_mode.h), verifying and recording each,
// saving after every process.
#pragma once

#include <functional>
#include <vector>

#include "executor.h"
#include "instruction_counts.h"
#include "result_model.h"
#include "runner_settings.h"
#include "stop_token.h"

namespace benchctl {

// Progress after each process, for the display.
struct Progress {
  std::size_t done = 0, total = 0;
  const JobResult* job = nullptr;
  const ProcessRecord* process = nullptr;
};

// What the runner calls back.
struct RunnerCallbacks {
  std::function<void(const RunResult&)> save;     // After every process and count.
  std::function<void(const Progress&)> progress;  // After every process.
  // After every instruction count: the job, its record, counts done and the total.
  std::function<void(const JobResult&, const InstructionRecord&, std::size_t, std::size_t)> counted;
};

// Executes `order` (rounds of job indices into run.jobs), each process the way
// its job's mode (settings.modes) runs it. Jobs with a setup_failure fail
// without running; a job stops at its first failed process. Then, with
// settings.callgrind.measurements > 0, counts the instructions of every job
// that has not failed, round-robin; a failed count fails the job. Sets
// run.complete, stop_reason and each job's status. Once `stop` is stopped no
// other process starts (the executor kills a running one); what finished is
// kept and stop.reason() is the stop_reason. A benchctl::Error from the
// executor or the save callback (a fork that fails, a full disk), or a job
// whose mode is unknown, stops the run: its message becomes the stop_reason
// and what finished is kept.
void ExecuteRun(RunResult& run, const std::vector<std::vector<std::size_t>>& order,
                Executor& executor, const RunnerSettings& settings,
                const RunnerCallbacks& callbacks, const StopToken& stop);

// The child request for one process of `job`, as its mode makes it.
RunRequest MakeRequest(const JobSpec& job, const RunnerSettings& settings);

}  // namespace benchctl
