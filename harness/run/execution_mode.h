// An execution mode: how a job's processes are run and what is recorded of
// them. A manifest's `mode` names one (mode_registry.h); the runner asks the
// job's mode and never branches on its name. One file per mode in modes/:
//
//  - `process` (modes/process_mode.cc): benchctl times the whole process from
//    outside (the startup suite); stdout is the verification value; a few
//    unrecorded processes warm the caches before a job's first.
//  - `inprocess` (modes/inprocess_mode.cc): the workload times itself and
//    speaks the protocol on fd 3 (workloads/PROTOCOL.md).
//
// How a `server` mode (the HTTP suite) would plug in, touching no other mode:
// modes/server_mode.cc implements this interface and is added to the table in
// mode_registry.cc. Its RunProcess drives the executor itself instead of one
// Run: `context.executor.Start(request)` the server on the job CPUs and keep
// the RunningChild; Poll it until it says it is ready (a protocol line, or a
// port that accepts); `context.executor.Run` the load generator, a second
// request pinned to load-generator CPUs (CpuPlan::load, which RunnerSettings
// would carry) — or Start it too, and meanwhile Sample() the server's RSS and
// CPU time every few milliseconds; then Signal(SIGTERM) the server, Wait() for
// it, and make one ProcessRecord from both outcomes and the samples (the load
// generator's report as the metric, the samples as counters). A stop request
// reaches it through context.stop and the executor, which kills both children.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cpu_sets.h"
#include "executor.h"
#include "result_model.h"
#include "run_options.h"
#include "runner_settings.h"
#include "stop_token.h"

namespace benchctl {

// What a mode needs while it runs a job's processes.
struct ModeContext {
  Executor& executor;
  const RunnerSettings& settings;
  const StopToken& stop;  // The run's; the executor watches the same token.
};

// One execution mode. Modes are stateless: one object serves every job.
class ExecutionMode {
 public:
  virtual ~ExecutionMode() = default;

  // The manifest's `mode` value that selects it.
  virtual std::string Name() const = 0;

  // Planning: adds what this mode's children need to `job.env` (recorded); `cpus` is where
  // they will run.
  virtual void AddChildEnvironment(JobSpec& job, const RunOptions& options,
                                   const CpuPlan& cpus) const;

  // The request for one process of `job`; start from BaseRequest.
  virtual RunRequest MakeRequest(const JobSpec& job, const RunnerSettings& settings) const = 0;

  // Runs before a job's first recorded process; nothing of it is recorded.
  virtual void WarmUp(const JobSpec& job, const ModeContext& context) const;

  // Runs one recorded process of `job` and interprets it; nullopt if a stop
  // request ended it (not the workload's fault: not recorded). By default one
  // executor.Run of MakeRequest, then Interpret.
  virtual std::optional<ProcessRecord> RunProcess(const JobSpec& job,
                                                  const ModeContext& context) const;

  // How one child's outcome becomes a verified (or failed) process record:
  // which numbers are the sample, what the verification value is, what failed.
  virtual ProcessRecord Interpret(const JobSpec& job, const RunOutcome& outcome) const = 0;

  // One instruction count of `job` under callgrind (`run --instructions`),
  // from `base` (MakeRequest's request); `index` only names the files, `extra`
  // is the extra timed iterations for modes that can set them.
  virtual InstructionRecord MeasureInstructions(const JobSpec& job, const RunRequest& base,
                                                Executor& executor,
                                                const CallgrindSettings& settings, int index,
                                                std::int64_t extra) const = 0;
};

// What every mode's request starts from: the job's argv and environment, the
// settings' CPUs and timeout, a label; no protocol pipe.
RunRequest BaseRequest(const JobSpec& job, const RunnerSettings& settings);

}  // namespace benchctl
