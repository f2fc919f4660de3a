// The numbers of one measured interval of a server under load, from wrk's
// report, the server's /proc samples and both programs' CPU time: what a
// server-mode process records besides its requests per second.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "wrk_load.h"

namespace benchctl {

// One look at the server during the measured interval.
struct UsageSample {
  double t_seconds = 0;    // Since the interval began.
  long rss_kb = 0;         // VmRSS.
  double cpu_seconds = 0;  // user + system so far.
};

// A process is load-generator bound when the generator used at least this
// share of its CPUs while the server used less than it of its own.
inline constexpr double kSaturated = 0.90;

struct LoadFigures {
  double requests_per_second = 0;
  double ns_per_request = 0;
  double rss_idle_kb = 0;
  double rss_load_kb = 0;              // Median VmRSS over the interval's samples.
  double memory_per_connection_b = 0;  // (rss_load - rss_idle) / connections, in bytes.
  double server_cpu_util = 0;          // CPU-seconds per second (1 = one CPU busy).
  double server_cpu_ns_per_request = 0;
  double load_cpu_util = 0;
  bool load_generator_bound = false;
};

// `samples` cover the interval: the first at its start, the last at its end.
// `load_cpu_seconds` and `load_wall_seconds` are wrk's own (from wait4).
LoadFigures ComputeLoadFigures(const WrkReport& wrk, const std::vector<UsageSample>& samples,
                               long rss_idle_kb, int connections, double load_cpu_seconds,
                               double load_wall_seconds, int job_cpus, int load_cpus);

// The figures and wrk's latencies as a process's counters (numbers only, for
// the metrics), plus the timeline as [[t_ms, rss_kb, cpu_ms], ...]. Latencies
// only without pipelining (`depth` 1): wrk times a pipelined batch as one
// round trip, and its correction for late responses then assumes the wrong
// interval (workloads/http/SPEC.md).
nlohmann::json LoadCounters(const LoadFigures& f, const WrkReport& wrk,
                            const std::vector<UsageSample>& samples, int connections, int depth);

}  // namespace benchctl
