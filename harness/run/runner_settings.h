// How the runner runs children: shared by the runner and the execution modes.
#pragma once

#include <vector>

#include "instruction_counts.h"

namespace benchctl {

class ExecutionModes;

// How children are run.
struct RunnerSettings {
  std::vector<int> child_cpus;   // Every child is pinned to this set.
  double timeout_seconds = 300;  // Per child.
  int process_mode_warmup = 3;   // Discarded runs before a process-mode job's first.
  CallgrindSettings callgrind;   // Instruction counts after the timed rounds, if on.
  // The modes jobs may name (mode_registry.h); nullptr: BuiltinModes().
  const ExecutionModes* modes = nullptr;
  // A load generator's CPUs (CpuPlan::load): where mode `server` runs it.
  std::vector<int> load_cpus;
};

}  // namespace benchctl
