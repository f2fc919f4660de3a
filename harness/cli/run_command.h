// `benchctl run` as a function, for the commands that run a suite the same way (`reproduce`):
// one code path from options to the result file.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "commands.h"
#include "run_options.h"
#include "suite.h"

namespace benchctl {

// The command line of a run, before ResolveOptions checks and completes it.
struct RunArgs {
  RunOptions options;
  ProjectOptions project;
  std::string against;
  std::string seed_text, input_seed_text;  // Parsed exactly (ParseSeedOption).
  std::string shard_text;                  // --shard I/N (ParseShardSpec).
  bool processes_given = false;
  std::vector<std::string> param_arguments;  // --param NAME=V1,V2 (parsed in ResolveOptions).
};

// What a caller may add to the run.
struct RunHooks {
  // Called once the suite has prepared its inputs, before anything is built; may throw
  // benchctl::Error to refuse the run (reproduce: an input whose sha256 changed).
  std::function<void(const Suite&)> prepared;
};

// How a run ended: its exit status (as `run` returns it) and its result file ("" when nothing
// ran, e.g. interrupted while building).
struct FinishedRun {
  int exit_code = kExitOk;
  std::filesystem::path out;
};

// Runs `args` exactly as `benchctl run` does, printing what `run` prints.
FinishedRun RunWith(RunArgs& args, const RunHooks& hooks);

}  // namespace benchctl
