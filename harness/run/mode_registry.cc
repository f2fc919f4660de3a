#include "mode_registry.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "error.h"
#include "inprocess_mode.h"
#include "process_mode.h"
#include "server_mode.h"

namespace benchctl {

void ExecutionModes::Add(std::unique_ptr<ExecutionMode> mode) {
  BENCHCTL_CHECK(mode != nullptr);
  for (const auto& m : modes_) BENCHCTL_CHECK(m->Name() != mode->Name());
  modes_.push_back(std::move(mode));
}

const ExecutionMode& ExecutionModes::Find(const std::string& name) const {
  for (const auto& m : modes_) {
    if (m->Name() == name) return *m;
  }
  throw Error(fmt::format("unknown execution mode \"{}\"; known modes: {}", name,
                          fmt::join(Names(), ", ")));
}

const ExecutionMode& ExecutionModes::ForJob(const JobSpec& job) const {
  try {
    return Find(job.mode);
  } catch (const Error& e) {
    RethrowWithContext(e, fmt::format("job {}", job.id));
  }
}

std::vector<std::string> ExecutionModes::Names() const {
  std::vector<std::string> names;
  for (const auto& m : modes_) names.push_back(m->Name());
  std::sort(names.begin(), names.end());
  return names;
}

ExecutionModes MakeBuiltinModes() {
  // The built-in modes: adding a mode is one line here (and its file in modes/).
  ExecutionModes modes;
  modes.Add(MakeInprocessMode());
  modes.Add(MakeProcessMode());
  modes.Add(MakeServerMode());
  return modes;
}

const ExecutionModes& BuiltinModes() {
  static const ExecutionModes modes = MakeBuiltinModes();
  return modes;
}

}  // namespace benchctl
