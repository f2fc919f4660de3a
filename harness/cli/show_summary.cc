#include "show_summary.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <nlohmann/json.hpp>
#include <vector>

#include "error.h"
#include "escape.h"
#include "interval_coverage.h"
#include "job_summary.h"

namespace benchctl {
namespace {

const std::vector<std::string> kColumns = {
    "id",     "suite", "operation", "input",  "params",  "implementation", "language",
    "metric", "unit",  "median",    "ci_low", "ci_high", "coverage",       "n"};

// "capacity=64,producers=2": the parameters the job ran with, in name order.
std::string ParamsText(const JobSpec& spec) {
  std::vector<std::string> parts;
  for (const auto& [name, value] : spec.params) parts.push_back(name + "=" + value);
  return fmt::format("{}", fmt::join(parts, ","));
}

std::vector<std::string> NameFields(const JobSpec& s, const MetricSpec& m) {
  return {s.id,       s.suite, s.operation, s.input ? s.input->name : "", ParamsText(s), s.impl,
          s.language, m.name,  m.unit};
}

// The numbers, as text: shortest round-trip form, so nothing is lost to formatting.
std::vector<std::string> NumberFields(const Metric& m) {
  const Summary& s = m.summary;
  return {fmt::format("{}", s.median), fmt::format("{}", s.ci_low), fmt::format("{}", s.ci_high),
          fmt::format("{}", MedianIntervalCoverage(m.values.size())),
          fmt::format("{}", m.values.size())};
}

}  // namespace

std::string RenderSummaryRows(const RunResult& run, const std::string& format) {
  if (format != "md" && format != "csv" && format != "json") {
    throw Error(
        fmt::format("show: unknown format '{}'; use text, md, csv or json", ForTerminal(format)));
  }
  std::string out;
  nlohmann::json rows = nlohmann::json::array();
  if (format == "csv") out += fmt::format("{}\n", fmt::join(kColumns, ","));
  if (format == "md") {
    out += fmt::format("| {} |\n", fmt::join(kColumns, " | "));
    // Names left-aligned, numbers (median onwards) right-aligned.
    out += "|";
    for (std::size_t i = 0; i < kColumns.size(); ++i) out += i < 9 ? " --- |" : " ---: |";
    out += "\n";
  }
  for (const auto& job : run.jobs) {
    for (const Metric& m : MetricsOf(job)) {
      std::vector<std::string> names = NameFields(job.spec, m.spec);
      std::vector<std::string> numbers = NumberFields(m);
      if (format == "json") {
        nlohmann::json row;
        for (std::size_t i = 0; i < names.size(); ++i) row[kColumns[i]] = names[i];
        const Summary& s = m.summary;
        row["median"] = s.median;
        row["ci_low"] = s.ci_low;
        row["ci_high"] = s.ci_high;
        row["coverage"] = MedianIntervalCoverage(m.values.size());
        row["n"] = m.values.size();
        rows.push_back(std::move(row));
        continue;
      }
      std::vector<std::string> fields;
      for (const auto& name : names) {
        fields.push_back(format == "csv" ? ForCsv(name) : ForMarkdown(name));
      }
      fields.insert(fields.end(), numbers.begin(), numbers.end());
      out += format == "csv" ? fmt::format("{}\n", fmt::join(fields, ","))
                             : fmt::format("| {} |\n", fmt::join(fields, " | "));
    }
  }
  // nlohmann escapes control characters; DEL, C1 and bidi overrides are escaped for the
  // terminal as the same JSON strings.
  if (format == "json") out = ForTerminalJson(rows.dump(2)) + "\n";
  return out;
}

}  // namespace benchctl
