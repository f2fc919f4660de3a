// Options of `benchctl run`, validated once and then passed by const&.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "paths.h"

namespace benchctl {

// Everything that shapes a run; recorded in the result's `config`.
struct RunOptions {
  std::string suite;
  std::vector<std::string> languages, impls, operations, shapes, sizes, inputs;
  int processes = 0;          // 0: the suite's default.
  int samples = 5;            // Timed samples per process (inprocess mode).
  int warmup = 2;             // Warm-up samples per process (or warm-up runs, process mode).
  double min_sample_ms = 20;  // Calibration target per sample.
  double timeout_seconds = 300;
  std::uint64_t seed = 0;        // Interleaving order (and startup's argument).
  std::uint64_t input_seed = 1;  // Generated inputs: fixed by default so runs compare.
  bool quick = false;
  int instructions = 0;       // Callgrind counts per job (--instructions); 0 = off.
  std::string cpus;           // "" = automatic; else a CPU list like "1" or "2-3".
  std::filesystem::path out;  // "" = results/<stamp>-<suite>-<host>.json.
};

}  // namespace benchctl
