// Whether two measurements may be compared at all: a regression verdict between runs on
// different CPUs, compilers, flags or inputs measures the setup, not the code. Pure functions.
#pragma once

#include <string>
#include <vector>

#include "result_model.h"

namespace benchctl {

// One difference between the base and the candidate, with both values.
struct ComparabilityWarning {
  std::string what;       // "CPU model", "go toolchain version", "input twitter-1MB sha256"...
  std::string base;       // The base's value ("(not recorded)" when missing).
  std::string candidate;  // The candidate's value.

  // "CPU model differs: base 'X', candidate 'Y'".
  std::string Message() const;
};

// Differences between two runs that make their numbers hard to compare: suite, CPU model,
// benchctl version, each shared language's toolchain version, build command, build environment
// and policy, and the sha256 of same-named inputs. (Both runs have schema_version
// kResultSchemaVersion: LoadRunResult accepts no other.)
std::vector<ComparabilityWarning> CheckRunsComparable(const RunResult& base,
                                                      const RunResult& candidate);

// Differences between the "base" and "candidate" builds of one A/B run: the sha256 of
// same-named inputs (machine and toolchains are shared by construction).
std::vector<ComparabilityWarning> CheckBuildsComparable(const RunResult& run);

}  // namespace benchctl
