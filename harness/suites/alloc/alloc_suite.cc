#include "alloc_suite.h"

#include <fmt/format.h>

#include "alloc_reference.h"
#include "suite_params.h"
#include "system_info.h"

namespace benchctl {
namespace {

// Tails and GC pauses move more than medians from process to process on a shared machine.
constexpr double kTailNoiseThreshold = 0.10;

ParameterSpec Whole(std::string name, std::string what, std::uint64_t low, std::uint64_t high,
                    std::string default_value, std::string quick_value) {
  std::string allowed = fmt::format("a whole number from {} to {} ({})", low, high, what);
  return {std::move(name), std::move(allowed), std::move(default_value), std::move(quick_value),
          [low, high](const std::string& v) { return CheckWholeNumber(v, low, high); }};
}

std::vector<ParameterSpec> AllocParameters() {
  return {
      Whole("depth", "binary-trees max depth", 6, 24, "16", "10"),
      Whole("live", "churn live-set slots", 1, 1'000'000, "10000", "1000"),
      Whole("ops", "churn operations per iteration", 1, 1'000'000'000, "200000", "20000"),
      Whole("requests", "request-arena requests per iteration", 1, 1'000'000, "200", "20"),
      Whole("nodes", "request-arena nodes per request", 1, 1'000'000, "2000", "500"),
      Whole("seed", "the random stream's seed", 0, ~std::uint64_t{0}, "42", ""),
  };
}

MetricSpec PerIteration(MetricSpec spec) {
  spec.per_iteration = true;
  return spec;
}

std::uint64_t ParamU64(const RunOptions& options, const std::string& name) {
  return std::stoull(options.Param(name));
}

class AllocSuite : public Suite {
 public:
  std::vector<std::string> Operations() const override {
    return {"binary-trees", "churn", "request-arena"};
  }
  std::vector<ParameterSpec> Parameters() const override { return AllocParameters(); }

  // Every operation's estimated peak must fit in half of the memory available now.
  std::string CheckParamCombination(const std::map<std::string, std::string>& v) const override {
    return CheckPeakFits(std::stoi(v.at("depth")), std::stoull(v.at("live")),
                         std::stoull(v.at("nodes")), ReadMemAvailableBytes());
  }

  std::vector<MetricSpec> Metrics() const override {
    return {
        PerIteration(CounterMetric("cpu_per_iteration_ns", "ns", Better::kLower, 0.05, true,
                                   "CPU time (user + system) per operation")),
        CounterMetric("churn_batch_p50_ns", "ns", Better::kLower, kDefaultNoiseThreshold, false,
                      "churn: 8-operation batch p50"),
        CounterMetric("churn_batch_p99_ns", "ns", Better::kLower, kTailNoiseThreshold, true,
                      "churn: 8-operation batch p99"),
        CounterMetric("churn_batch_p999_ns", "ns", Better::kLower, kTailNoiseThreshold, true,
                      "churn: 8-operation batch p99.9"),
        CounterMetric("churn_batch_max_ns", "ns", Better::kLower, kTailNoiseThreshold, false,
                      "churn: 8-operation batch max"),
        CounterMetric("gc_pause_count", "pauses", Better::kLower, kTailNoiseThreshold, false,
                      "Go GC pauses in the timed samples"),
        CounterMetric("gc_pause_total_ns", "ns", Better::kLower, kTailNoiseThreshold, true,
                      "Go GC pause total in the timed samples"),
        CounterMetric("gc_pause_p50_ns", "ns", Better::kLower, kTailNoiseThreshold, false,
                      "Go GC pause p50"),
        CounterMetric("gc_pause_p99_ns", "ns", Better::kLower, kTailNoiseThreshold, false,
                      "Go GC pause p99"),
        CounterMetric("gc_pause_max_ns", "ns", Better::kLower, kTailNoiseThreshold, false,
                      "Go GC pause max"),
    };
  }
  int DefaultProcesses() const override { return 10; }
  void Prepare(const RunOptions&, const Paths&) override {}

  std::vector<JobSpec> PlanJobs(const Manifest& m, const std::string& binary,
                                const RunOptions& options, const Paths&) const override {
    std::vector<JobSpec> jobs;
    const std::uint64_t seed = ParamU64(options, "seed");
    for (const auto& op : m.operations) {
      JobSpec job = BaseJob(m, op, binary);
      job.env["BENCHCTL_PARAM_OP"] = op;
      if (op == "binary-trees") {
        job.expected = BinaryTreesValue(std::stoi(options.Param("depth")));
        job.op_unit = "program run";
      } else if (op == "churn") {
        const std::uint64_t ops = ParamU64(options, "ops");
        job.expected = ChurnValue(ParamU64(options, "live"), ops, seed);
        job.ops_per_iteration = static_cast<std::int64_t>(ops);
        job.op_unit = "operation";
      } else {
        const std::uint64_t requests = ParamU64(options, "requests");
        job.expected = RequestArenaValue(requests, ParamU64(options, "nodes"), seed);
        job.ops_per_iteration = static_cast<std::int64_t>(requests);
        job.op_unit = "request";
      }
      jobs.push_back(std::move(job));
    }
    return jobs;
  }

  nlohmann::json Describe() const override { return {{"reference_language", "cpp"}}; }
};

}  // namespace

std::unique_ptr<Suite> MakeAllocSuite() { return std::make_unique<AllocSuite>(); }

}  // namespace benchctl
