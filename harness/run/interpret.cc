#include "interpret.h"

#include <fmt/format.h>

#include <cstring>

#include "mode_registry.h"

namespace benchctl {
namespace {

std::string Shorten(const std::string& s, std::size_t max = 600) {
  return s.size() <= max ? s : s.substr(0, max) + "...";
}

}  // namespace

std::string DescribeExit(const RunOutcome& o) {
  if (o.interrupted) return "interrupted (benchctl was asked to stop)";
  if (o.timed_out) return "timed out: killed with its process group";
  if (o.term_signal != 0) {
    return fmt::format("killed by signal {} ({})", o.term_signal, strsignal(o.term_signal));
  }
  if (o.exit_code != 0) return fmt::format("exited with status {}", o.exit_code);
  return "";
}

std::string CheckVerification(const JobSpec& job, const nlohmann::json& value,
                              const nlohmann::json& counters) {
  if (job.check) {
    if (std::string problem = job.check(value); !problem.empty()) return problem;
  } else if (value != job.expected) {
    return fmt::format("wrong verification value: expected {} got {}", Shorten(job.expected.dump()),
                       Shorten(value.dump()));
  }
  return job.check_counters ? job.check_counters(counters) : "";
}

ProcessRecord MeasuredRecord(const RunOutcome& o) {
  ProcessRecord p;
  p.wall_seconds = o.wall_seconds;
  p.user_seconds = o.user_seconds;
  p.system_seconds = o.system_seconds;
  p.peak_rss_kb = o.peak_rss_kb;
  if (o.minor_faults >= 0) p.minor_faults = o.minor_faults;
  if (o.major_faults >= 0) p.major_faults = o.major_faults;
  p.stderr_tail = o.stderr_tail;
  return p;
}

ProcessRecord InterpretOutcome(const JobSpec& job, const RunOutcome& outcome) {
  return BuiltinModes().Find(job.mode).Interpret(job, outcome);
}

}  // namespace benchctl
