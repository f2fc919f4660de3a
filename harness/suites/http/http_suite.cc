#include "http_suite.h"

#include <fmt/format.h>

#include <fstream>

#include "error.h"
#include "plaintext_checks.h"
#include "subprocess.h"
#include "suite_params.h"
#include "wrk_load.h"

namespace benchctl {
namespace {

// Requests written at once on a connection in the pipelined operation (TechEmpower's depth).
constexpr int kPipelineDepth = 16;
constexpr std::string_view kPath = "/plaintext";
// Latency tails and memory move more from process to process than throughput.
constexpr double kTailNoiseThreshold = 0.10;

std::vector<ParameterSpec> HttpParameters() {
  return {
      {"connections",
       "whole numbers from 1 to 10000 (concurrent connections; each value is a level)", "16,64,256",
       "16", [](const std::string& v) { return CheckWholeNumber(v, 1, 10000); }},
      {"duration", "a whole number of seconds from 1 to 3600 (the measured interval)", "5", "1",
       [](const std::string& v) { return CheckWholeNumber(v, 1, 3600); }},
      {"warmup", "a whole number of seconds from 0 to 600 (load before the measured interval)", "2",
       "0", [](const std::string& v) { return CheckWholeNumber(v, 0, 600); }},
      {"port",
       "0 (a free port per server, chosen by benchctl) or a port from 1024 to 65535 on "
       "127.0.0.1",
       "0", "",
       [](const std::string& v) {
         if (v == "0") return std::string();
         return CheckWholeNumber(v, 1024, 65535);
       }},
  };
}

class HttpSuite : public Suite {
 public:
  std::vector<std::string> Operations() const override { return {"plaintext", "pipelined"}; }
  std::vector<ParameterSpec> Parameters() const override { return HttpParameters(); }

  std::vector<MetricSpec> Metrics() const override {
    return {
        CounterMetric("latency_p50_ns", "ns", Better::kLower, kTailNoiseThreshold, false,
                      "latency p50 (wrk, closed loop)"),
        CounterMetric("latency_p90_ns", "ns", Better::kLower, kTailNoiseThreshold, false,
                      "latency p90 (wrk, closed loop)"),
        CounterMetric("latency_p99_ns", "ns", Better::kLower, kTailNoiseThreshold, true,
                      "latency p99 (wrk, closed loop)"),
        CounterMetric("latency_p999_ns", "ns", Better::kLower, kTailNoiseThreshold, false,
                      "latency p99.9 (wrk, closed loop)"),
        CounterMetric("server_rss_idle_kb", "kB", Better::kLower, kTailNoiseThreshold, false,
                      "server RSS idle"),
        CounterMetric("server_rss_load_kb", "kB", Better::kLower, kTailNoiseThreshold, true,
                      "server RSS under load"),
        CounterMetric("memory_per_connection_b", "B", Better::kLower, kTailNoiseThreshold, false,
                      "memory per connection"),
        CounterMetric("server_cpu_per_request_ns", "ns", Better::kLower, kTailNoiseThreshold, false,
                      "server CPU time per request"),
        CounterMetric("server_cpu_util", "CPUs", Better::kLower, kTailNoiseThreshold, false,
                      "server CPU use"),
        CounterMetric("load_cpu_util", "CPUs", Better::kLower, kTailNoiseThreshold, false,
                      "load generator CPU use"),
    };
  }

  // The server on one CPU, wrk on another: on two CPUs benchctl shares wrk's.
  CpuNeeds CpuNeedsPerJob() const override { return {.job = 1, .load = 1}; }
  int DefaultProcesses() const override { return 3; }

  void Prepare(const RunOptions&, const Paths& paths) override {
    auto wrk = FindExecutable("wrk");
    if (!wrk) {
      throw Error(
          "the http suite needs wrk, the load generator, and it is not on PATH: run "
          "scripts/setup.sh (it installs Debian's wrk) or apt-get install wrk");
    }
    wrk_ = wrk->string();
    SpawnSpec spec;
    spec.argv = {wrk_, "-v"};
    CommandResult r = RunCommand(spec, std::chrono::seconds(10));
    wrk_version_ = r.output.substr(0, r.output.find('\n'));  // "wrk 4.1.0 [epoll] ...".
    const std::filesystem::path dir = paths.scratch.empty() ? paths.build : paths.scratch;
    std::filesystem::create_directories(dir);
    for (const auto& op : Operations()) {
      const std::filesystem::path script = dir / fmt::format("wrk-{}.lua", op);
      std::ofstream out(script);
      out << WrkScript(op == "pipelined" ? kPipelineDepth : 1, std::string(kPath));
      if (!out) throw Error(fmt::format("cannot write wrk's script {}", script.string()));
      scripts_[op] = script.string();
    }
  }

  std::vector<JobSpec> PlanJobs(const Manifest& m, const std::string& binary,
                                const RunOptions& options, const Paths&) const override {
    std::vector<JobSpec> jobs;
    for (const auto& op : m.operations) {
      JobSpec job = BaseJob(m, op, binary);
      job.expected = ExpectedPlaintextValue();
      job.op_unit = "request";
      job.items_per_op = 1;  // items_per_s is requests per second.
      const int depth = op == "pipelined" ? kPipelineDepth : 1;
      job.load = {{"generator", wrk_},
                  {"generator_version", wrk_version_},
                  {"script", scripts_.at(op)},
                  {"path", kPath},
                  {"connections", std::stoi(options.Param("connections"))},
                  {"depth", depth},
                  {"primer_s", 1},
                  {"primer_connections", 8},
                  {"warmup_s", std::stoi(options.Param("warmup"))},
                  {"duration_s", std::stoi(options.Param("duration"))},
                  {"port", std::stoi(options.Param("port"))},
                  {"threads_per_generator", 1}};
      jobs.push_back(std::move(job));
    }
    return jobs;
  }

  nlohmann::json Describe() const override {
    return {{"reference_language", "c"},
            {"reference_row", "c-floor"},
            {"load_generator", wrk_version_},
            {"pipeline_depth", kPipelineDepth},
            {"latency_note",
             "wrk is closed-loop: its latency percentiles omit the requests a stalled "
             "connection never sent (coordinated omission), so they understate tails"}};
  }

 private:
  std::string wrk_, wrk_version_;
  std::map<std::string, std::string> scripts_;  // Operation -> wrk's Lua script.
};

}  // namespace

std::unique_ptr<Suite> MakeHttpSuite() { return std::make_unique<HttpSuite>(); }

}  // namespace benchctl
