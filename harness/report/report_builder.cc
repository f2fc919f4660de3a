#include "report_builder.h"

#include <fmt/format.h>

#include <algorithm>

#include "comparability.h"
#include "compare.h"
#include "error.h"
#include "job_summary.h"
#include "ratio_pairs.h"
#include "report_comparison.h"
#include "report_groups.h"
#include "report_provenance.h"

namespace benchctl {
namespace {

// The fewest verified processes of any job with a time, or 0.
std::size_t FewestProcesses(const RunResult& run) {
  std::size_t fewest = 0;
  for (const auto& job : run.jobs) {
    std::size_t n = ProcessTimes(job).size();
    if (n > 0 && (fewest == 0 || n < fewest)) fewest = n;
  }
  return fewest;
}

std::size_t LargestSample(const RunResult& run) {
  std::size_t most = 0;
  for (const auto& job : run.jobs) {
    most = std::max({most, ProcessTimes(job).size(), InstructionCounts(job).size()});
  }
  return most;
}

// What a reader must know before reading any number of `run`.
void AddBanners(const RunResult& run, const std::string& name, ReportDocument& doc) {
  if (run.config.quick) {
    doc.banners.push_back(
        {BannerKind::kWarning, name + " is a quick run (--quick): few processes and short samples; "
                                      "not for citing."});
  }
  if (!run.complete) {
    std::size_t ran = 0;
    for (const auto& job : run.jobs) ran += job.processes.size();
    const std::size_t planned = run.config.PlannedProcesses();
    doc.banners.push_back(
        {BannerKind::kWarning,
         fmt::format("{} is INCOMPLETE ({}): {}; its groups show what finished.", name,
                     run.stop_reason.empty() ? "stopped without recording why" : run.stop_reason,
                     planned > 0 ? fmt::format("{} of {} planned processes ran", ran, planned)
                                 : fmt::format("{} processes ran", ran))});
  }
  const std::size_t fewest = FewestProcesses(run);
  if (fewest > 0 && fewest < 6) {
    doc.banners.push_back(
        {BannerKind::kWarning,
         fmt::format("Some jobs of {} have only {} verified process{}: their intervals cover "
                     "less than 95% and are labelled with their exact coverage.",
                     name, fewest, fewest == 1 ? "" : "es")});
  }
  if (!run.environment.noise_warnings.empty()) {
    doc.banners.push_back(
        {BannerKind::kInfo, fmt::format("{} recorded {} noise warnings (listed under "
                                        "provenance).",
                                        name, run.environment.noise_warnings.size())});
  }
}

void AddLegend(const LanguageColours& colours, ReportDocument& doc) {
  for (const auto& [lang, colour] : colours) doc.legend.emplace_back(lang, colour);
}

void AddRunSections(const RunResult& run, const LanguageColours& colours, ReportDocument& doc) {
  for (ReportSection& s : GroupSections(run, colours)) doc.sections.push_back(std::move(s));
  if (auto languages = LanguageSummarySection(run)) doc.sections.push_back(std::move(*languages));
}

}  // namespace

ReportDocument BuildRunReport(const RunResult& run, const std::string& source) {
  ReportDocument doc;
  doc.title = fmt::format("benchctl report: {}", run.config.suite.value_or("run"));
  doc.subtitle = fmt::format("{}, started {}{}", source, run.started_utc,
                             run.finished_utc.empty() ? "" : ", finished " + run.finished_utc);
  AddBanners(run, source, doc);
  const LanguageColours colours = AssignLanguageColours({&run});
  AddLegend(colours, doc);
  if (run.config.against) {
    const bool has_ab = std::any_of(run.jobs.begin(), run.jobs.end(), [](const JobResult& j) {
      return j.spec.build_label == "candidate";
    });
    if (has_ab) {
      Comparison comparison = CompareBuilds(run);
      doc.sections.push_back(ComparisonSection(comparison, CheckBuildsComparable(run),
                                               "base build (" + run.config.against->rev + ")",
                                               "the working tree's build"));
    }
  }
  AddRunSections(run, colours, doc);
  doc.sections.push_back(ProvenanceSection(run, source, "Provenance"));
  return doc;
}

ReportDocument BuildComparisonReport(const RunResult& base, const std::string& base_source,
                                     const RunResult& candidate,
                                     const std::string& candidate_source) {
  const std::string files = base_source + " and " + candidate_source;
  if (LargestSample(base) * LargestSample(candidate) > kMaxRatioPairs) {
    throw Error(
        fmt::format("{}: a job has too many processes to pair: at most {} base × new "
                    "value pairs fit in memory",
                    files, kMaxRatioPairs));
  }
  Comparison comparison;
  try {
    comparison = CompareRuns(base, candidate);
  } catch (const Error& e) {
    RethrowWithContext(e, files);
  }
  if (comparison.rows.empty() && comparison.uncompared.empty()) {
    throw Error(fmt::format(
        "{} share no benchmark (suites {} and {}; a benchmark is suite, operation, language, "
        "implementation and input): nothing to compare; give two runs of the same suite",
        files, base.config.suite.value_or("?"), candidate.config.suite.value_or("?")));
  }
  ReportDocument doc;
  doc.title = fmt::format("benchctl report: {} against {}", candidate_source, base_source);
  doc.subtitle = fmt::format("base {} ({}), new {} ({})", base_source, base.started_utc,
                             candidate_source, candidate.started_utc);
  AddBanners(base, base_source, doc);
  AddBanners(candidate, candidate_source, doc);
  const std::vector<ComparabilityWarning> warnings = CheckRunsComparable(base, candidate);
  if (!warnings.empty()) {
    doc.banners.push_back(
        {BannerKind::kWarning,
         fmt::format("The runs differ in {} ways that can move numbers (listed under Changes): "
                     "the changes may measure the setup, not the code.",
                     warnings.size())});
  }
  const LanguageColours colours = AssignLanguageColours({&base, &candidate});
  AddLegend(colours, doc);
  doc.sections.push_back(ComparisonSection(comparison, warnings, base_source, candidate_source));
  AddRunSections(candidate, colours, doc);
  doc.sections.push_back(ProvenanceSection(base, base_source, "Provenance of the base"));
  doc.sections.push_back(
      ProvenanceSection(candidate, candidate_source, "Provenance of the new run"));
  return doc;
}

}  // namespace benchctl
