// Finding the job a claim's selector means in loaded result files, and the values of the
// claim's metric for it.
#pragma once

#include <string>
#include <vector>

#include "claim.h"
#include "result_model.h"

namespace benchctl {

// A loaded result file and the name it is reported by.
struct LoadedRun {
  std::string source;  // The file as the user named it.
  RunResult run;
};

// The job one selector found, or why none was.
struct Selection {
  const JobResult* job = nullptr;  // Null when nothing (or nothing unambiguous) matched.
  const LoadedRun* run = nullptr;
  std::string why;  // When job is null: what is missing, in words (unescaped).
};

// The job of `runs` that `selector` means, with values of `metric`. A job with a build label
// (an A/B run's base or candidate) is never selected; a reference row only when named by
// impl; "fastest_of_language" takes the non-reference job of that language with the lowest
// median time. More than one match (two files, or a parameter the selector leaves open) is
// no selection: the claim must say which.
Selection SelectJob(const JobSelector& selector, const std::string& metric,
                    const std::vector<LoadedRun>& runs);

// Values of `metric` for `job`, one per verified process: "time_ns" the per-process times;
// "items_per_s" and "throughput_mb_s" derived from them with the job's items_per_op or
// bytes_per_op as `show` does; "binary_size_bytes" the artifact's size (one exact value);
// any other name the job's stored or computed metric. Empty when the job has none.
std::vector<double> MetricValuesForClaim(const JobResult& job, const std::string& metric);

// Whether `metric` is recorded once, exactly (no sampling interval): the binary's size.
bool IsExactMetric(const std::string& metric);

// The `benchctl run` command that measures both sides (one side when `second` is null).
std::string MeasureCommand(const JobSelector& first, const JobSelector* second);

}  // namespace benchctl
