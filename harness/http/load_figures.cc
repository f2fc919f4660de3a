#include "load_figures.h"

#include <algorithm>
#include <cmath>

namespace benchctl {

LoadFigures ComputeLoadFigures(const WrkReport& wrk, const std::vector<UsageSample>& samples,
                               long rss_idle_kb, int connections, double load_cpu_seconds,
                               double load_wall_seconds, int job_cpus, int load_cpus) {
  LoadFigures f;
  f.requests_per_second = wrk.RequestsPerSecond();
  f.ns_per_request = wrk.requests > 0 ? wrk.duration_seconds * 1e9 / wrk.requests : 0;
  f.rss_idle_kb = static_cast<double>(rss_idle_kb);
  if (!samples.empty()) {
    std::vector<long> rss;
    for (const auto& s : samples) rss.push_back(s.rss_kb);
    std::sort(rss.begin(), rss.end());
    const std::size_t n = rss.size();
    f.rss_load_kb =
        n % 2 == 1 ? static_cast<double>(rss[n / 2])
                   : (static_cast<double>(rss[n / 2 - 1]) + static_cast<double>(rss[n / 2])) / 2.0;
    const double span = samples.back().t_seconds - samples.front().t_seconds;
    const double cpu = samples.back().cpu_seconds - samples.front().cpu_seconds;
    if (span > 0) f.server_cpu_util = cpu / span;
    // CPU per request over the sampled span, scaled to the requests in it.
    if (wrk.requests > 0 && span > 0 && wrk.duration_seconds > 0) {
      f.server_cpu_ns_per_request = cpu * 1e9 / (wrk.requests * span / wrk.duration_seconds);
    }
  }
  if (connections > 0) {
    f.memory_per_connection_b = (f.rss_load_kb - f.rss_idle_kb) * 1024.0 / connections;
  }
  if (load_wall_seconds > 0) f.load_cpu_util = load_cpu_seconds / load_wall_seconds;
  f.load_generator_bound =
      f.load_cpu_util >= kSaturated * load_cpus && f.server_cpu_util < kSaturated * job_cpus;
  return f;
}

nlohmann::json LoadCounters(const LoadFigures& f, const WrkReport& wrk,
                            const std::vector<UsageSample>& samples, int connections, int depth) {
  nlohmann::json timeline = nlohmann::json::array();
  for (const auto& s : samples) {
    timeline.push_back(
        {std::lround(s.t_seconds * 1000), s.rss_kb, std::lround(s.cpu_seconds * 1000)});
  }
  nlohmann::json counters = {
      {"requests_per_s", f.requests_per_second},
      {"requests", wrk.requests},
      {"connections", connections},
      {"errors",
       wrk.connect_errors + wrk.read_errors + wrk.write_errors + wrk.timeouts + wrk.non_2xx},
      {"server_rss_idle_kb", f.rss_idle_kb},
      {"server_rss_load_kb", f.rss_load_kb},
      {"memory_per_connection_b", f.memory_per_connection_b},
      {"server_cpu_util", f.server_cpu_util},
      {"server_cpu_per_request_ns", f.server_cpu_ns_per_request},
      {"load_cpu_util", f.load_cpu_util},
      {"load_generator_bound", f.load_generator_bound ? 1 : 0},
      // [ms since the interval began, VmRSS kB, server CPU ms so far].
      {"server_timeline", timeline},
  };
  if (depth == 1) {
    counters["latency_p50_ns"] = wrk.p50_us * 1000;
    counters["latency_p90_ns"] = wrk.p90_us * 1000;
    counters["latency_p99_ns"] = wrk.p99_us * 1000;
    counters["latency_p999_ns"] = wrk.p999_us * 1000;
    counters["latency_max_ns"] = wrk.max_us * 1000;
  }
  return counters;
}

}  // namespace benchctl
