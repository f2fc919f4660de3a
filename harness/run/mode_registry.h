// The execution modes a manifest may name, and the one way to find a mode by
// name. The built-in table is in mode_registry.cc.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "execution_mode.h"

namespace benchctl {

// A set of modes by name. The runner uses RunnerSettings::modes, else
// BuiltinModes(); a test adds its own mode to a copy of the built-in table.
class ExecutionModes {
 public:
  // Adds `mode`; its name must not be taken (a bug otherwise).
  void Add(std::unique_ptr<ExecutionMode> mode);
  // The mode called `name`; an unknown name is a benchctl::Error naming it and
  // the known modes.
  const ExecutionMode& Find(const std::string& name) const;
  // The mode `job.mode` names; unknown: as Find, with the job's id in front.
  const ExecutionMode& ForJob(const JobSpec& job) const;
  // The names of all modes, sorted: the allowed values of a manifest's `mode`.
  std::vector<std::string> Names() const;

 private:
  std::vector<std::unique_ptr<ExecutionMode>> modes_;
};

// A new set holding the built-in modes (`inprocess`, `process`).
ExecutionModes MakeBuiltinModes();

// The built-in modes, made once: what benchctl itself runs with.
const ExecutionModes& BuiltinModes();

}  // namespace benchctl
