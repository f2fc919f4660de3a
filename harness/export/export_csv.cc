// CSV with RFC 4180 quoting (a field holding a comma or quote is quoted, quotes doubled) and LF
// line ends, which CSV readers accept; one row per timed sample, for spreadsheets and pandas. A
// process without samples (failed, or process mode) still gets one row with the sample columns
// empty, so every process appears. Names go through ForCsv (escape.h): control characters and
// line breaks become visible escapes, and a leading = + - @ gets a ' so no spreadsheet runs it.
#include <fmt/format.h>

#include "escape.h"
#include "exporters.h"

namespace benchctl {
namespace {

constexpr const char* kHeader =
    "suite,operation,impl,language,input,build_label,process_index,round,sample_index,"
    "ns_per_op,wall_seconds,user_seconds,system_seconds,peak_rss_kb,baseline_rss_kb,ok\n";

}  // namespace

std::string ExportCsv(const RunResult& run) {
  std::string out = kHeader;
  for (const auto& job : run.jobs) {
    const JobSpec& s = job.spec;
    std::string prefix = fmt::format("{},{},{},{},{},{}", ForCsv(s.suite), ForCsv(s.operation),
                                     ForCsv(s.impl), ForCsv(s.language),
                                     ForCsv(s.input ? s.input->name : ""), ForCsv(s.build_label));
    for (std::size_t i = 0; i < job.processes.size(); ++i) {
      const ProcessRecord& p = job.processes[i];
      std::string tail = fmt::format(
          "{},{},{},{},{},{}\n", p.wall_seconds, p.user_seconds, p.system_seconds, p.peak_rss_kb,
          p.baseline_rss_kb ? std::to_string(*p.baseline_rss_kb) : "", p.ok ? "true" : "false");
      if (p.samples_ns.empty()) {
        out += fmt::format("{},{},{},,,{}", prefix, i, p.round, tail);
      }
      for (std::size_t k = 0; k < p.samples_ns.size(); ++k) {
        out += fmt::format("{},{},{},{},{},{}", prefix, i, p.round, k, p.samples_ns[k], tail);
      }
    }
  }
  return out;
}

}  // namespace benchctl
