// Small RunResults built in code, with fixed numbers, for the compare and exporter tests: no
// process is started and nothing depends on timing.
#pragma once

#include <string>
#include <vector>

#include "result_model.h"

namespace benchctl::testing {

// What a fixture job looks like; the defaults make an in-process JSON job.
struct JobShape {
  std::string suite = "json", operation = "parse-dom", impl = "rust-serde", language = "rust";
  std::string input = "twitter-1MB";  // "" for a job without input.
  std::string input_sha256 = "aa11";
  std::string build_label;
  std::string mode = "inprocess";
  double bytes_per_op = 0;
  long peak_rss_kb = 4000;
};

// A verified job whose process i has median `times_ns[i]`, three samples around it, and a
// peak RSS of shape.peak_rss_kb + (i % 3) kB.
inline JobResult MakeJob(const JobShape& shape, const std::vector<double>& times_ns) {
  JobResult job;
  JobSpec& s = job.spec;
  s.suite = shape.suite;
  s.operation = shape.operation;
  s.impl = shape.impl;
  s.language = shape.language;
  s.variant = shape.impl.substr(shape.impl.find('-') + 1);
  s.mode = shape.mode;
  s.build_label = shape.build_label;
  s.bytes_per_op = shape.bytes_per_op;
  s.id = shape.suite + "/" + shape.impl + "/" + shape.operation +
         (shape.input.empty() ? "" : "/" + shape.input) +
         (shape.build_label.empty() ? "" : "@" + shape.build_label);
  s.env = {{"GOMAXPROCS", "1"}};
  if (!shape.input.empty()) {
    s.input = InputInfo{
        shape.input, "/tmp/" + shape.input + ".json", shape.input_sha256, "twitter", 1, 1048576};
  }
  for (std::size_t i = 0; i < times_ns.size(); ++i) {
    ProcessRecord p;
    p.round = static_cast<int>(i);
    p.ok = true;
    p.median_ns = times_ns[i];
    p.peak_rss_kb = shape.peak_rss_kb + static_cast<long>(i % 3);
    if (shape.mode == "process") {
      p.samples_ns = {times_ns[i]};
      p.iterations = 1;
      p.wall_seconds = times_ns[i] / 1e9;
    } else {
      p.samples_ns = {times_ns[i] * 0.99, times_ns[i], times_ns[i] * 1.01};
      p.iterations = 100;
      p.baseline_rss_kb = shape.peak_rss_kb / 2;
      p.wall_seconds = 0.5;
    }
    p.user_seconds = p.wall_seconds * 0.75;
    p.system_seconds = p.wall_seconds * 0.25;
    job.processes.push_back(std::move(p));
  }
  job.status = "ok";
  return job;
}

// `n` per-process medians around `center` with a deterministic ±0.5% spread.
inline std::vector<double> Times(double center, std::size_t n) {
  std::vector<double> v;
  for (std::size_t i = 0; i < n; ++i) {
    v.push_back(center * (1.0 + 0.001 * static_cast<double>((i * 7) % 11) - 0.005));
  }
  return v;
}

// A job that failed verification: its processes ran but are not results.
inline JobResult MakeFailedJob(const JobShape& shape, const std::string& failure) {
  JobResult job = MakeJob(shape, {1000, 1100});
  job.status = "failed";
  job.failure = failure;
  job.processes[1].ok = false;
  job.processes[1].failure = failure;
  return job;
}

// A complete run on a fixed machine with the given jobs.
inline RunResult MakeRun(std::vector<JobResult> jobs) {
  RunResult run;
  run.benchctl = {{"version", "0.1.0"}, {"git_commit", "0123456789abcdef"}, {"git_dirty", false}};
  run.environment.child_cpus = {1};
  run.environment.system.cpu_model = "Test CPU @ 3.00GHz";
  run.environment.system.logical_cpus = 2;
  run.environment.system.extra = {{"hostname", "testhost"},
                                  {"load_average", {0.5, 0.25, 0.125}},
                                  {"governors", {{"performance", {0, 1}}}}};
  run.toolchains = {{"rust",
                     {{"version", "rustc 1.90.0"},
                      {"build_argv", {"cargo", "build", "--release"}},
                      {"build_env", nlohmann::json::object()},
                      {"policy", {{"optimisation", "opt-level=3"}}}}}};
  run.config.suite = "json";
  run.config.seed = 7;
  run.config.processes = 10;
  run.started_utc = "2026-01-02T03:04:05Z";
  run.finished_utc = "2026-01-02T03:14:05Z";
  run.complete = true;
  run.jobs = std::move(jobs);
  return run;
}

}  // namespace benchctl::testing
