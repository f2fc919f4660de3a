#include "interpret.h"

#include <fmt/format.h>

#include <cmath>
#include <csignal>
#include <cstring>

#include "error.h"
#include "protocol.h"
#include "statistics.h"

namespace benchctl {
namespace {

std::string Shorten(const std::string& s, std::size_t max = 600) {
  return s.size() <= max ? s : s.substr(0, max) + "...";
}

std::string DescribeExit(const RunOutcome& o) {
  if (o.interrupted) return "interrupted (benchctl was asked to stop)";
  if (o.timed_out) return "timed out: killed with its process group";
  if (o.term_signal != 0) {
    return fmt::format("killed by signal {} ({})", o.term_signal, strsignal(o.term_signal));
  }
  if (o.exit_code != 0) return fmt::format("exited with status {}", o.exit_code);
  return "";
}

}  // namespace

std::string CheckVerification(const JobSpec& job, const nlohmann::json& value) {
  if (job.check) return job.check(value);
  if (value != job.expected) {
    return fmt::format("wrong verification value: expected {} got {}", Shorten(job.expected.dump()),
                       Shorten(value.dump()));
  }
  return "";
}

ProcessRecord InterpretOutcome(const JobSpec& job, const RunOutcome& o) {
  ProcessRecord p;
  p.wall_seconds = o.wall_seconds;
  p.user_seconds = o.user_seconds;
  p.system_seconds = o.system_seconds;
  p.peak_rss_kb = o.peak_rss_kb;
  p.stderr_tail = o.stderr_tail;
  std::string exit_problem = DescribeExit(o);

  if (job.mode == "process") {
    std::string out = o.stdout_text;
    while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back()))) out.pop_back();
    p.verification = out;
    p.median_ns = std::round(o.wall_seconds * 1e9);  // Whole ns: the clock's resolution.
    p.samples_ns = {p.median_ns};
    p.iterations = 1;
    p.failure = !exit_problem.empty() ? exit_problem : CheckVerification(job, p.verification);
    p.ok = p.failure.empty();
    return p;
  }

  ProtocolReport report = ParseProtocol(o.protocol_lines);
  p.baseline_rss_kb = report.setup_rss_kb;
  if (report.result) {
    const ResultMessage& r = *report.result;
    auto per_op = [&r](const std::vector<double>& v) {
      std::vector<double> out;
      for (double x : v) out.push_back(x / static_cast<double>(r.iterations));
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
  if (!exit_problem.empty() && !(report.error_message && o.exited)) {
    p.failure = exit_problem;
  } else if (!o.protocol_violation.empty()) {
    p.failure = "protocol violation: " + o.protocol_violation;
  } else if (!report.violation.empty()) {
    p.failure = "protocol violation: " + report.violation;
  } else if (report.error_message) {
    p.failure = "workload reported an error: " + *report.error_message;
  } else if (!report.result) {
    p.failure = "the workload exited without sending its result message";
  } else if (report.result->mismatches != 0) {
    p.failure = fmt::format("{} timed iterations computed a result different from the self-check",
                            report.result->mismatches);
  } else {
    p.failure = CheckVerification(job, p.verification);
  }
  p.ok = p.failure.empty();
  return p;
}

}  // namespace benchctl
