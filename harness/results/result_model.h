// The in-memory form of a run and its result file (results/SCHEMA.md).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "metric.h"
#include "run_config.h"
#include "run_environment.h"

namespace benchctl {

// The result file format version, independent of benchctl's own version.
// 2: each job has "metrics" (results/SCHEMA.md); files of version 1 are converted on read.
inline constexpr int kResultSchemaVersion = 2;

// An input document a job reads.
struct InputInfo {
  std::string name;    // "twitter-1MB" or the user's file name.
  std::string path;    // Where the child reads it.
  std::string sha256;  // Of the bytes the child reads.
  std::string shape;   // Generator shape, or "user".
  std::uint64_t seed = 0;
  std::uint64_t bytes = 0;
};

// A suite's own check of a reported verification value: "" when it is right,
// else the reason. Jobs without one compare the value with `expected`.
using VerificationCheck = std::function<std::string(const nlohmann::json& value)>;
// A suite's check of a verified process's counters (spsc: its threads sat on two distinct
// CPUs): "" when they are right, else the reason, which fails the process.
using CounterCheck = std::function<std::string(const nlohmann::json& counters)>;

// One workload × operation × input: what runs in each of its processes.
struct JobSpec {
  std::string id;  // "json/rust-serde/parse-dom/twitter-1MB": unique within a run.
  std::string suite, impl, language, variant, operation, mode;
  std::string library, library_version, validation;
  std::string build_label;  // "" normally; "base"/"candidate" in A/B runs.
  std::optional<InputInfo> input;
  std::vector<std::string> argv;              // Binary and arguments.
  std::map<std::string, std::string> env;     // Everything benchctl sets for the child.
  std::map<std::string, std::string> params;  // The suite's parameters it ran with (--param).
  nlohmann::json expected;                    // Reference verification value.
  std::string verify = "equal";               // How: "equal", or the name of the suite's own check.
  VerificationCheck check;                    // The suite's own check (not stored in files).
  CounterCheck check_counters;                // Optional; not stored in files either.
  double bytes_per_op = 0;                    // For throughput; 0 if not meaningful.
  double items_per_op = 0;                    // For items_per_s (spsc); 0 if not meaningful.
  // Operations in one iteration of the workload's body: an spsc throughput iteration moves
  // 2^20 items, and its time per operation is per item. Samples are divided by it.
  std::int64_t ops_per_iteration = 1;
  std::string op_unit = "op";               // What one operation is: "op", "item", "round trip".
  bool reference = false;                   // A reference row (Manifest::reference).
  std::vector<MetricSpec> counter_metrics;  // Counters its suite declares (Suite::Metrics).
  // Mode `server` only: how the server is loaded (generator, connections, pipelining depth,
  // durations; results/SCHEMA.md); null otherwise.
  nlohmann::json load;
  nlohmann::json artifact = nlohmann::json::object();  // Binary, sizes, build key.
  std::string setup_failure;  // Non-empty: failed before running (build, input).
};

// One child process of a job.
struct ProcessRecord {
  int round = 0;     // Which round of the interleaved order.
  int position = 0;  // Position within that round.
  bool ok = false;
  std::string failure;  // Why not ok.
  double wall_seconds = 0, user_seconds = 0, system_seconds = 0;
  long peak_rss_kb = 0;
  std::optional<long> baseline_rss_kb;  // After setup (inprocess mode).
  // Page faults of the whole process (wait4's ru_minflt, ru_majflt); absent in older files.
  std::optional<long> minor_faults, major_faults;
  std::int64_t iterations = 0;
  std::vector<double> samples_ns;  // Per operation.
  std::vector<double> warmup_ns;   // Per operation, discarded.
  double median_ns = 0;            // Of samples_ns (inprocess) or wall time (process mode).
  nlohmann::json verification;
  nlohmann::json counters = nlohmann::json::object();
  std::string stderr_tail;
};

// One instruction count of a job under callgrind (`run --instructions N`): a second metric that
// the machine's noise does not move, for regression gates. In inprocess mode two runs differ
// only in their timed iterations, so setup, self-check and process start cancel out.
struct InstructionRecord {
  bool ok = false;
  std::string failure;                // Why not ok.
  double per_op = 0;                  // Instructions per operation.
  std::uint64_t short_total = 0;      // Ir of the run with 1 timed iteration (inprocess).
  std::uint64_t long_total = 0;       // Ir of the run with 1 + extra_iterations (or the process).
  std::int64_t extra_iterations = 0;  // 0 in process mode, where per_op = long_total.
};

// A job and every process it ran.
struct JobResult {
  JobSpec spec;
  std::vector<ProcessRecord> processes;
  // "ok" (all processes verified), "failed", or "incomplete" (run stopped early).
  std::string status = "incomplete";
  std::string failure;
  std::vector<InstructionRecord> instructions;  // Empty unless `run --instructions`.
  // The metrics a schema-2 file stored; empty during a run, where they are computed from the
  // records (MetricsOf in job_summary.h).
  std::vector<Metric> stored_metrics;
};

// A whole run: what the result file holds.
struct RunResult {
  std::string run_id;          // Unique per run (NewRunId); "" in files from before it existed.
  nlohmann::json benchctl;     // version, git commit, dirty flag.
  RunEnvironment environment;  // System info, noise warnings, CPU sets.
  nlohmann::json toolchains;   // Per language: path, version, policy, flags.
  RunConfig config;            // Suite, seed, order, counts, timeouts, the suite's options.
  std::string started_utc, finished_utc;
  bool complete = false;
  std::string stop_reason;  // "", "interrupted by SIGINT", ...
  std::vector<JobResult> jobs;
};

}  // namespace benchctl
