// Summary statistics of one job over its processes (the unit of replication).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "result_model.h"
#include "statistics.h"

namespace benchctl {

// A job's statistics over its verified processes.
struct JobSummary {
  std::size_t processes = 0;               // Verified processes summarised.
  std::optional<Summary> time_ns;          // Per-process medians, ns per operation.
  std::optional<Summary> peak_rss_kb;      // ru_maxrss per process.
  std::optional<Summary> baseline_rss_kb;  // After setup (inprocess mode only).
  std::optional<Summary> rss_increase_kb;  // Peak minus baseline, per process.
  std::optional<Summary> cpu_ns;           // User + system CPU per process (process mode).
  std::optional<Summary> instructions;     // Per operation, one value per callgrind count.
};

// Summarises the verified processes of a job that did not fail; a failed job
// has no numbers (an unverified measurement is not a result).
JobSummary ComputeJobSummary(const JobResult& job);

// The per-process values a summary is built from (verified processes only).
std::vector<double> ProcessTimes(const JobResult& job);

// Instructions per operation of each verified callgrind count.
std::vector<double> InstructionCounts(const JobResult& job);

// A Summary as JSON.
nlohmann::json SummaryToJson(const Summary& summary);

// The "summary" object stored in result files, with throughput when the job
// has bytes per operation.
nlohmann::json SummarizeJob(const JobResult& job);

}  // namespace benchctl
