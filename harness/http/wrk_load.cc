#include "wrk_load.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <sstream>

namespace benchctl {

std::string WrkScript(int depth, const std::string& path) {
  std::string script =
      "-- Written by benchctl for one wrk run (workloads/http/SPEC.md).\n"
      "-- done: the totals and the latency percentiles as one JSON line.\n";
  if (depth > 1) {
    script += fmt::format(
        "-- {} requests written at once per round trip (HTTP/1.1 pipelining).\n"
        "init = function(args)\n"
        "  local batch = {{}}\n"
        "  for i = 1, {} do batch[i] = wrk.format(nil, \"{}\") end\n"
        "  pipelined = table.concat(batch)\n"
        "end\n"
        "request = function() return pipelined end\n",
        depth, depth, path);
  }
  script +=
      "done = function(summary, latency, requests)\n"
      "  local e = summary.errors\n"
      "  io.write(string.format('BENCHCTL_WRK {\"duration_us\":%d,\"requests\":%d,\"bytes\":%d,'"
      " ..\n"
      "    '\"connect\":%d,\"read\":%d,\"write\":%d,\"status\":%d,\"timeout\":%d,' ..\n"
      "    '\"p50_us\":%d,\"p90_us\":%d,\"p99_us\":%d,\"p999_us\":%d,\"mean_us\":%.1f,"
      "\"max_us\":%d}\\n',\n"
      "    summary.duration, summary.requests, summary.bytes, e.connect, e.read, e.write,\n"
      "    e.status, e.timeout, latency:percentile(50), latency:percentile(90),\n"
      "    latency:percentile(99), latency:percentile(99.9), latency.mean, latency.max))\n"
      "end\n";
  return script;
}

std::vector<std::string> WrkArgv(const std::string& wrk, const std::string& script_path, int port,
                                 int connections, int seconds, const std::string& path) {
  return {wrk,
          "--threads",
          "1",
          "--connections",
          std::to_string(connections),
          "--duration",
          fmt::format("{}s", seconds),
          "--script",
          script_path,
          "--latency",
          fmt::format("http://127.0.0.1:{}{}", port, path)};
}

std::string WrkReport::Errors() const {
  std::vector<std::string> parts;
  auto add = [&parts](double n, const char* what) {
    if (n > 0) parts.push_back(fmt::format("{:.0f} {}", n, what));
  };
  add(connect_errors, "connect errors");
  add(read_errors, "read errors");
  add(write_errors, "write errors");
  add(timeouts, "timeouts");
  add(non_2xx, "non-2xx/3xx responses");
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::optional<WrkReport> ParseWrkReport(const std::string& stdout_text, std::string& problem) {
  std::istringstream lines(stdout_text);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.starts_with(kWrkReportPrefix)) continue;
    nlohmann::json j = nlohmann::json::parse(line.substr(kWrkReportPrefix.size()), nullptr, false);
    if (!j.is_object()) {
      problem = "wrk's report line is not JSON: " + line.substr(0, 120);
      return std::nullopt;
    }
    WrkReport r;
    try {
      r.duration_seconds = j.at("duration_us").get<double>() / 1e6;
      r.requests = j.at("requests").get<double>();
      r.bytes = j.at("bytes").get<double>();
      r.connect_errors = j.at("connect").get<double>();
      r.read_errors = j.at("read").get<double>();
      r.write_errors = j.at("write").get<double>();
      r.non_2xx = j.at("status").get<double>();
      r.timeouts = j.at("timeout").get<double>();
      r.p50_us = j.at("p50_us").get<double>();
      r.p90_us = j.at("p90_us").get<double>();
      r.p99_us = j.at("p99_us").get<double>();
      r.p999_us = j.at("p999_us").get<double>();
      r.mean_us = j.at("mean_us").get<double>();
      r.max_us = j.at("max_us").get<double>();
    } catch (const nlohmann::json::exception& e) {
      problem = fmt::format("wrk's report line lacks a number: {}", e.what());
      return std::nullopt;
    }
    return r;
  }
  problem = "wrk printed no report (its script's done hook did not run)";
  return std::nullopt;
}

}  // namespace benchctl
