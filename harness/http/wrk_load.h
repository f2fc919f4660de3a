// Driving wrk, the load generator: the Lua script benchctl gives it (requests
// pipelined or not, and a `done` hook that prints the totals and latency
// percentiles as one JSON line), its command line, and reading its report.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace benchctl {

// The line prefix of the `done` hook's report.
inline constexpr std::string_view kWrkReportPrefix = "BENCHCTL_WRK ";

// The Lua script: `depth` > 1 writes that many requests at once per round trip.
std::string WrkScript(int depth, const std::string& path);

// One wrk run's command line: one thread (one load CPU), `connections`
// connections, `seconds` long (wrk takes whole seconds), against 127.0.0.1:`port`.
std::vector<std::string> WrkArgv(const std::string& wrk, const std::string& script_path, int port,
                                 int connections, int seconds, const std::string& path);

// What one wrk run reported.
struct WrkReport {
  double duration_seconds = 0;
  double requests = 0;  // Responses received (with pipelining, each one counts).
  double bytes = 0;
  double connect_errors = 0, read_errors = 0, write_errors = 0, timeouts = 0;
  double non_2xx = 0;  // Responses with a status outside 200-399 (wrk's `status`).
  // Latency of each round trip in µs: p50, p90, p99, p99.9, mean, max.
  double p50_us = 0, p90_us = 0, p99_us = 0, p999_us = 0, mean_us = 0, max_us = 0;

  double RequestsPerSecond() const {
    return duration_seconds > 0 ? requests / duration_seconds : 0;
  }
  // "" when there were no errors, else them in words.
  std::string Errors() const;
};

// The report in wrk's stdout, or nullopt (and `problem` set) when it has none
// or a malformed one.
std::optional<WrkReport> ParseWrkReport(const std::string& stdout_text, std::string& problem);

}  // namespace benchctl
