// `benchctl reproduce FILE`: the run options a result file recorded, read back field by field,
// and the check that the prepared inputs are the recorded ones (same name, same sha256).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "result_model.h"
#include "run_options.h"

namespace benchctl {

// The configuration of a recorded run, ready to run again.
struct RecordedRun {
  RunOptions options;          // Every recorded option; processes is the count the run used.
  std::string against;         // The base commit of an A/B run (config.against.commit), else "".
  bool cpus_recorded = false;  // Whether config.cpus was there (older files lack it).
};

// Reads `run.config` into options. `source` (the file, escaped for the terminal) names the
// file in errors. A benchctl::Error names the key and what to do when the file cannot be
// reproduced: no or an unknown suite, options not recorded, a suite option or parameter that
// is not a list of strings, user inputs that do not match the recorded inputs, an A/B run
// without its commit.
RecordedRun OptionsFromResult(const RunResult& run, const std::string& source);

// Checks the inputs a suite prepared (`prepared`: its Describe()) against those the file
// recorded (`recorded`: config.suite_details): every recorded input must exist with the same
// sha256, and no other input may appear. A benchctl::Error names the input, both hashes and
// what to do.
void CheckInputsMatch(const nlohmann::json& recorded, const nlohmann::json& prepared,
                      const std::string& source);

}  // namespace benchctl
