// Options of `benchctl run`, validated once and then passed by const&.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "paths.h"
#include "shard.h"
#include "suite_params.h"

namespace benchctl {

// Everything that shapes a run; recorded in the result's `config`.
struct RunOptions {
  std::string suite;
  std::vector<std::string> languages, impls, operations;
  // Values of the suite's own options (SuiteOption in suite.h) by option name: {"shape":
  // {"twitter"}}. Checked before the run starts: only the run's suite's options have values.
  std::map<std::string, std::vector<std::string>, std::less<>> suite_options;
  GivenParams params;  // --param values by name (checked against Suite::Parameters).
  // While a suite plans jobs: the one value of each declared parameter for these jobs.
  std::map<std::string, std::string> param_values;
  int processes = 0;          // 0: the suite's default.
  int samples = 5;            // Timed samples per process (inprocess mode).
  int warmup = 2;             // Warm-up samples per process (or warm-up runs, process mode).
  double min_sample_ms = 20;  // Calibration target per sample.
  double timeout_seconds = 300;
  std::uint64_t seed = 0;        // Interleaving order (and startup's argument).
  std::uint64_t input_seed = 1;  // Generated inputs: fixed by default so runs compare.
  bool quick = false;
  std::optional<ShardSpec> shard;    // --shard I/N: only this shard's jobs (results/shard.h).
  int instructions = 0;              // Callgrind counts per job (--instructions); 0 = off.
  std::string cpus;                  // "" = automatic; else a CPU list like "1" or "2-3".
  std::filesystem::path out;         // "" = results/<stamp>-<suite>-<host>.json.
  std::vector<std::string> command;  // The benchctl invocation, recorded as config.command.

  // The value of declared parameter `name` for the jobs being planned.
  const std::string& Param(const std::string& name) const { return param_values.at(name); }

  // The values given for the suite option `name` (empty when it was not given).
  const std::vector<std::string>& SuiteOptionValues(std::string_view name) const {
    static const std::vector<std::string> kNone;
    auto it = suite_options.find(name);
    return it == suite_options.end() ? kNone : it->second;
  }
};

}  // namespace benchctl
