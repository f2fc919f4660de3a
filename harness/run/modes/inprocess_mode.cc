// Mode `inprocess`: the workload times its own samples and reports them, its
// memory after setup and its verification value as protocol messages on fd 3
// (workloads/PROTOCOL.md); benchctl divides the samples per operation.
#include "inprocess_mode.h"

#include <fmt/format.h>

#include "interpret.h"
#include "protocol.h"
#include "statistics.h"

namespace benchctl {
namespace {

// The process record's numbers from the protocol's result message.
void RecordResult(const JobSpec& job, const ResultMessage& r, ProcessRecord& p) {
  // An iteration may hold several operations (an spsc iteration moves 2^20 items).
  const double ops = static_cast<double>(r.iterations) * static_cast<double>(job.ops_per_iteration);
  auto per_op = [ops](const std::vector<double>& v) {
    std::vector<double> out;
    for (double x : v) out.push_back(x / ops);
    return out;
  };
  p.iterations = r.iterations;
  p.samples_ns = per_op(r.samples_ns);
  p.warmup_ns = per_op(r.warmup_ns);
  p.median_ns = Median(p.samples_ns);
  p.verification = r.verification;
  p.counters = r.counters;
}

// The first problem found is the reason; order: how it ended, then what it said.
std::string FirstFailure(const JobSpec& job, const RunOutcome& o, const ProtocolReport& report,
                         const ProcessRecord& p) {
  const std::string exit_problem = DescribeExit(o);
  if (!exit_problem.empty() && !(report.error_message && o.exited)) return exit_problem;
  if (!o.protocol_violation.empty()) return "protocol violation: " + o.protocol_violation;
  if (!report.violation.empty()) return "protocol violation: " + report.violation;
  if (report.error_message) return "workload reported an error: " + *report.error_message;
  if (!report.result) return "the workload exited without sending its result message";
  if (report.result->mismatches != 0) {
    return fmt::format("{} timed iterations computed a result different from the self-check",
                       report.result->mismatches);
  }
  return CheckVerification(job, p.verification, p.counters);
}

// `request` asking for exactly `timed_iterations` timed iterations, one per
// sample, without warm-up.
RunRequest WithTimedIterations(RunRequest request, std::int64_t timed_iterations) {
  request.env["BENCHCTL_WARMUP"] = "0";
  request.env["BENCHCTL_ITERATIONS"] = "1";
  request.env["BENCHCTL_SAMPLES"] = std::to_string(timed_iterations);
  return request;
}

class InprocessMode : public ExecutionMode {
 public:
  std::string Name() const override { return "inprocess"; }

  void AddChildEnvironment(JobSpec& job, const RunOptions& options, const CpuPlan&) const override {
    job.env["BENCHCTL_PROTOCOL"] = "1";
    job.env["BENCHCTL_FD"] = std::to_string(kProtocolFd);
    job.env["BENCHCTL_WARMUP"] = std::to_string(options.warmup);
    job.env["BENCHCTL_SAMPLES"] = std::to_string(options.samples);
    job.env["BENCHCTL_ITERATIONS"] = "0";
    job.env["BENCHCTL_MIN_SAMPLE_NS"] =
        std::to_string(static_cast<long long>(options.min_sample_ms * 1e6));
  }

  RunRequest MakeRequest(const JobSpec& job, const RunnerSettings& settings) const override {
    RunRequest request = BaseRequest(job, settings);
    request.protocol = true;
    return request;
  }

  ProcessRecord Interpret(const JobSpec& job, const RunOutcome& o) const override {
    ProcessRecord p = MeasuredRecord(o);
    ProtocolReport report = ParseProtocol(o.protocol_lines);
    p.baseline_rss_kb = report.setup_rss_kb;
    if (report.result) RecordResult(job, *report.result, p);
    p.failure = FirstFailure(job, o, report, p);
    p.ok = p.failure.empty();
    return p;
  }

  // Two runs that differ only in their timed iterations: setup, self-check and
  // process start cancel out of the difference.
  InstructionRecord MeasureInstructions(const JobSpec& job, const RunRequest& base,
                                        Executor& executor, const CallgrindSettings& settings,
                                        int index, std::int64_t extra) const override {
    const std::string stem = CallgrindStem(job, settings, index).string();
    auto count = [&](const std::string& file, std::int64_t timed_iterations) {
      RunRequest request =
          WithTimedIterations(CallgrindRequest(base, job, settings, file), timed_iterations);
      return CountUnderCallgrind(*this, job, request, executor, file);
    };
    InstructionRecord record;
    record.extra_iterations = extra;
    CountedRun short_run = count(stem + "-short.out", 1);
    CountedRun long_run =
        short_run.failure.empty() ? count(stem + "-long.out", 1 + extra) : CountedRun{};
    record.failure = !short_run.failure.empty() ? short_run.failure : long_run.failure;
    record.short_total = short_run.total;
    record.long_total = long_run.total;
    if (record.failure.empty() && long_run.total <= short_run.total) {
      record.failure =
          fmt::format("{} more timed iterations did not execute more instructions ({} vs {})",
                      extra, long_run.total, short_run.total);
    } else if (record.failure.empty()) {
      record.per_op = static_cast<double>(long_run.total - short_run.total) /
                      (static_cast<double>(extra) * static_cast<double>(job.ops_per_iteration));
    }
    record.ok = record.failure.empty();
    return record;
  }
};

}  // namespace

std::unique_ptr<ExecutionMode> MakeInprocessMode() { return std::make_unique<InprocessMode>(); }

}  // namespace benchctl
