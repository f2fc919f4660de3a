#include "claim_select.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

#include "job_summary.h"
#include "json_lookup.h"

namespace benchctl {
namespace {

bool ParamsMatch(const JobSelector& selector, const JobSpec& spec) {
  for (const auto& [name, value] : selector.params) {
    auto it = spec.params.find(name);
    if (it == spec.params.end() || it->second != value) return false;
  }
  return true;
}

std::string Describe(const JobSelector& s) {
  std::string what = s.impl.empty() ? "the fastest " + s.fastest_of_language + " job" : s.impl;
  std::string text = fmt::format("{} {}/{}", what, s.suite, s.operation);
  if (!s.input.empty()) text += " on " + s.input;
  for (const auto& [name, value] : s.params) text += fmt::format(" {}={}", name, value);
  return text;
}

double MedianTime(const JobResult& job) {
  JobSummary s = ComputeJobSummary(job);
  return s.time_ns ? s.time_ns->median : 1e300;
}

}  // namespace

bool IsExactMetric(const std::string& metric) { return metric == "binary_size_bytes"; }

std::vector<double> MetricValuesForClaim(const JobResult& job, const std::string& metric) {
  if (metric == "binary_size_bytes") {
    const double size = NumberAt(job.spec.artifact, "size_bytes", 0);
    if (size <= 0 || job.status == "failed") return {};
    return {size};
  }
  if (metric == "time_ns" || metric == "items_per_s" || metric == "throughput_mb_s") {
    std::vector<double> times = ProcessTimes(job);
    if (metric == "time_ns") return times;
    // As `show` prints rates: items (or bytes) per operation over the time per operation.
    const double per_op =
        metric == "items_per_s" ? job.spec.items_per_op * 1e9 : job.spec.bytes_per_op * 1e3;
    if (per_op <= 0) return {};
    std::vector<double> rates;
    for (double t : times) {
      if (t <= 0) return {};  // A zero time has no rate.
      rates.push_back(per_op / t);
    }
    return rates;
  }
  return MetricValues(job, metric);
}

Selection SelectJob(const JobSelector& selector, const std::string& metric,
                    const std::vector<LoadedRun>& runs) {
  Selection out;
  struct Candidate {
    const JobResult* job;
    const LoadedRun* run;
  };
  std::vector<Candidate> found;
  bool suite_seen = false, job_seen = false;
  for (const LoadedRun& loaded : runs) {
    for (const JobResult& job : loaded.run.jobs) {
      const JobSpec& s = job.spec;
      if (s.suite != selector.suite) continue;
      suite_seen = true;
      if (s.operation != selector.operation || !s.build_label.empty()) continue;
      if (!selector.input.empty() && (!s.input || s.input->name != selector.input)) continue;
      if (!ParamsMatch(selector, s)) continue;
      if (!selector.impl.empty() ? s.impl != selector.impl
                                 : (s.language != selector.fastest_of_language || s.reference)) {
        continue;
      }
      job_seen = true;
      if (MetricValuesForClaim(job, metric).empty()) continue;
      found.push_back({&job, &loaded});
    }
  }
  if (found.empty()) {
    out.why = !suite_seen ? fmt::format("no {} run in the given files", selector.suite)
              : !job_seen ? fmt::format("no job {} in the given files", Describe(selector))
                          : fmt::format(
                                "{}: no verified values of {} (failed, or not "
                                "recorded by this suite)",
                                Describe(selector), metric);
    return out;
  }
  // Jobs of one implementation must be one job; the fastest of a language is taken among
  // jobs of one file with one input and one set of parameters.
  std::set<std::string> settings;
  std::vector<std::string> ids;
  for (const Candidate& c : found) {
    std::string key = c.run->source + "|" + (c.job->spec.input ? c.job->spec.input->name : "");
    for (const auto& [name, value] : c.job->spec.params) key += "|" + name + "=" + value;
    settings.insert(key);
    if (ids.size() < 4) ids.push_back(c.job->spec.id);
  }
  if (settings.size() > 1 || (!selector.impl.empty() && found.size() > 1)) {
    out.why = fmt::format(
        "{} jobs match {} ({}{}): give the claim's input or params, or pass one result file",
        found.size(), Describe(selector), fmt::join(ids, ", "),
        found.size() > ids.size() ? ", …" : "");
    return out;
  }
  const Candidate* best = &found.front();
  for (const Candidate& c : found) {
    if (MedianTime(*c.job) < MedianTime(*best->job)) best = &c;
  }
  out.job = best->job;
  out.run = best->run;
  return out;
}

std::string MeasureCommand(const JobSelector& first, const JobSelector* second) {
  std::vector<const JobSelector*> sides = {&first};
  if (second != nullptr) sides.push_back(second);
  std::set<std::string> ops, impls, langs, params;
  for (const JobSelector* s : sides) {
    ops.insert(s->operation);
    if (!s->impl.empty()) impls.insert(s->impl);
    if (!s->fastest_of_language.empty()) langs.insert(s->fastest_of_language);
    for (const auto& [name, value] : s->params) params.insert(name + "=" + value);
  }
  if (second != nullptr && second->suite != first.suite) {
    // Two suites are two runs.
    return MeasureCommand(first, nullptr) + " && " + MeasureCommand(*second, nullptr);
  }
  std::string cmd = "benchctl run --suite " + first.suite;
  for (const std::string& op : ops) cmd += " --op " + op;
  if (!langs.empty()) {
    // A language's fastest needs all of its implementations; --lang and --impl would both
    // filter, so a named implementation joins by its language (manifests name it
    // <language>-<variant>).
    for (const std::string& impl : impls) langs.insert(impl.substr(0, impl.find('-')));
    for (const std::string& lang : langs) cmd += " --lang " + lang;
  } else {
    for (const std::string& impl : impls) cmd += " --impl " + impl;
  }
  for (const std::string& p : params) cmd += " --param " + p;
  for (const JobSelector* s : sides) {
    if (s == &first || s->run_args != first.run_args) {
      for (const std::string& arg : s->run_args) cmd += " " + arg;
    }
  }
  return cmd;
}

}  // namespace benchctl
