#include "spsc_suite.h"

#include "spsc_reference.h"
#include "suite_params.h"

namespace benchctl {
namespace {

// Tail latencies move more than medians from process to process on a shared machine.
constexpr double kTailNoiseThreshold = 0.10;

std::vector<ParameterSpec> SpscParameters() {
  return {
      {"capacity", "a power of two from 2 to 16777216 (slots per queue)", "1024", "",
       CheckCapacity},
      {"items",
       "a whole number from 2 to 2^40 that is a multiple of capacity/2 (items per "
       "throughput iteration)",
       "1048576", "65536",
       [](const std::string& v) { return CheckWholeNumber(v, 2, std::uint64_t{1} << 40); }},
      {"round_trips", "a whole number from 1 to 100000000 (round trips per latency iteration)",
       "10000", "2000", [](const std::string& v) { return CheckWholeNumber(v, 1, 100'000'000); }},
  };
}

class SpscSuite : public Suite {
 public:
  std::vector<std::string> Operations() const override { return {"throughput", "latency"}; }
  std::vector<ParameterSpec> Parameters() const override { return SpscParameters(); }
  std::string CheckParamCombination(
      const std::map<std::string, std::string>& values) const override {
    return CheckItemsFitCapacity(std::stoull(values.at("items")),
                                 std::stoull(values.at("capacity")));
  }
  std::vector<MetricSpec> Metrics() const override {
    return {
        CounterMetric("rtt_p50_ns", "ns", Better::kLower, kDefaultNoiseThreshold, false,
                      "round trip p50 (individually timed)"),
        CounterMetric("rtt_p99_ns", "ns", Better::kLower, kTailNoiseThreshold, true,
                      "round trip p99 (individually timed)"),
        CounterMetric("rtt_p999_ns", "ns", Better::kLower, kTailNoiseThreshold, true,
                      "round trip p99.9 (individually timed)"),
    };
  }
  // The producer and the consumer each on a CPU of their own.
  CpuNeeds CpuNeedsPerJob() const override { return {.job = 2}; }
  int DefaultProcesses() const override { return 10; }
  void Prepare(const RunOptions&, const Paths&) override {}

  std::vector<JobSpec> PlanJobs(const Manifest& m, const std::string& binary,
                                const RunOptions& options, const Paths&) const override {
    std::vector<JobSpec> jobs;
    for (const auto& op : m.operations) {
      JobSpec job = BaseJob(m, op, binary);
      job.env["BENCHCTL_PARAM_OP"] = op;
      if (op == "throughput") {
        const std::uint64_t items = std::stoull(options.Param("items"));
        job.expected = ExpectedThroughputValue(items);
        job.ops_per_iteration = static_cast<std::int64_t>(items);
        job.op_unit = "item";
        job.items_per_op = 1;
      } else {
        const std::uint64_t trips = std::stoull(options.Param("round_trips"));
        job.expected = ExpectedLatencyValue(trips);
        job.ops_per_iteration = static_cast<std::int64_t>(trips);
        job.op_unit = "round trip";
      }
      job.check_counters = CheckPlacementCounters;
      jobs.push_back(std::move(job));
    }
    return jobs;
  }

  // Rows are shown against the suite's reference row (the floor), not a language.
  nlohmann::json Describe() const override {
    return {{"reference_language", "cpp"}, {"reference_row", "cpp-floor"}};
  }
};

}  // namespace

std::unique_ptr<Suite> MakeSpscSuite() { return std::make_unique<SpscSuite>(); }

}  // namespace benchctl
