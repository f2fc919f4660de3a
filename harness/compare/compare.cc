#include "compare.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <span>

#include "error.h"
#include "job_summary.h"

namespace benchctl {
namespace {

constexpr const char* kBaseLabel = "base";
constexpr const char* kCandidateLabel = "candidate";
constexpr const char* kAbsent = "absent";

// Jobs of one side by key, plus the keys in file order so reports follow the run's layout.
struct Side {
  std::map<JobKey, const JobResult*> jobs;
  std::vector<JobKey> order;
};

void Add(Side& side, const JobResult& job, bool with_label, const char* side_name) {
  JobKey key = JobKeyOf(job.spec, with_label);
  if (!side.jobs.emplace(key, &job).second) {
    throw Error(fmt::format(
        "the {} holds two jobs for {} ({} and {}), so they cannot be paired: compare files "
        "recorded with the same kind of run (both A/B runs, or neither)",
        side_name, JobKeyName(key), side.jobs[key]->spec.id, job.spec.id));
  }
  side.order.push_back(std::move(key));
}

bool IsAbRun(const RunResult& run) {
  return std::any_of(run.jobs.begin(), run.jobs.end(),
                     [](const JobResult& j) { return !j.spec.build_label.empty(); });
}

std::string StatusReason(const JobResult& job, const char* side) {
  std::string what = job.status == "incomplete" ? "did not finish" : job.status;
  std::string failure = job.failure;
  // One line, so the reason fits a table cell or a list item.
  std::replace_if(
      failure.begin(), failure.end(), [](char ch) { return ch == '\n' || ch == '\r'; }, ' ');
  return fmt::format("{} in the {}{}", what, side, failure.empty() ? "" : ": " + failure);
}

// Ratios are taken on log values, so every value must be finite and positive.
bool Positive(std::span<const double> values) {
  return std::all_of(values.begin(), values.end(),
                     [](double v) { return std::isfinite(v) && v > 0; });
}

// Fills everything but the Holm-adjusted p-value and the verdict.
std::optional<CompareRow> MakeRow(const JobKey& key, const MetricSpec& metric,
                                  const std::vector<double>& b, const std::vector<double>& c,
                                  Comparison& out) {
  auto uncompared = [&](const std::string& reason) {
    out.uncompared.push_back({key, "ok", "ok", metric.label + ": " + reason});
    return std::nullopt;
  };
  if (b.empty() || c.empty()) return uncompared("no verified processes on one side");
  if (!Positive(b) || !Positive(c)) return uncompared("a value is zero or negative");
  CompareRow row;
  row.key = key;
  row.metric = metric;
  row.base = Summarize(b);
  row.candidate = Summarize(c);
  row.median_ratio = row.candidate.median / row.base.median;
  // Hodges–Lehmann on log values (Hodges & Lehmann 1963; Bauer 1972 for the interval): the
  // median of all pairwise log-ratios, so a change reads as a ratio, is robust to the outliers
  // process timings have, and its interval is distribution-free — the same rank statistics as
  // the Mann–Whitney test, so the interval and the test agree.
  row.ratio = LogRatio(b, c);
  row.p_value = MannWhitneyUPValue(b, c);
  return row;
}

// The rows of every gated metric of a pair of ok jobs. A metric on one side only (counted in
// one run, not the other) is reported, not a failure.
std::vector<CompareRow> CompareMetrics(const JobKey& key, const JobResult& b, const JobResult& c,
                                       Comparison& out) {
  std::vector<CompareRow> rows;
  std::vector<Metric> base_metrics = MetricsOf(b), cand_metrics = MetricsOf(c);
  for (const Metric& bm : base_metrics) {
    if (!bm.spec.compared) continue;
    const Metric* cm = FindMetric(cand_metrics, bm.spec.name);
    if (cm == nullptr) {
      out.uncompared.push_back(
          {key, "ok", "ok", bm.spec.label + ": not measured in the candidate"});
      continue;
    }
    if (auto row = MakeRow(key, bm.spec, bm.values, cm->values, out))
      rows.push_back(std::move(*row));
  }
  for (const Metric& cm : cand_metrics) {
    if (cm.spec.compared && FindMetric(base_metrics, cm.spec.name) == nullptr) {
      out.uncompared.push_back({key, "ok", "ok", cm.spec.label + ": not measured in the base"});
    }
  }
  return rows;
}

// The smallest p-value the test can give for m and n distinct values: complete separation.
double SmallestPValue(std::size_t m, std::size_t n) {
  std::vector<double> low(m), high(n);
  std::iota(low.begin(), low.end(), 1.0);
  std::iota(high.begin(), high.end(), static_cast<double>(m) + 1.0);
  return MannWhitneyUPValue(low, high);
}

void Validate(const CompareOptions& o) {
  if (!(o.alpha > 0 && o.alpha < 1)) {
    throw Error(fmt::format("--alpha must be between 0 and 1 (exclusive), got {}", o.alpha));
  }
  for (double t : {o.threshold, o.memory_threshold, o.instruction_threshold}) {
    if (!(std::isfinite(t) && t >= 0)) {
      throw Error(fmt::format("a noise threshold must be a finite value >= 0, got {}", t));
    }
  }
}

Comparison ComparePaired(const Side& base, const Side& cand, const CompareOptions& options) {
  Validate(options);
  Comparison out;
  out.options = options;
  // Rows grouped by metric, the groups in the order metrics first appear.
  std::vector<std::string> labels;
  std::map<std::string, std::vector<CompareRow>> by_label;
  for (const JobKey& key : base.order) {
    auto it = cand.jobs.find(key);
    if (it == cand.jobs.end()) {
      out.only_base.push_back(key);
      continue;
    }
    const JobResult& b = *base.jobs.at(key);
    const JobResult& c = *it->second;
    if (b.status != "ok" || c.status != "ok") {
      std::string reason = b.status != "ok" ? StatusReason(b, "base") : "";
      if (c.status != "ok") reason += (reason.empty() ? "" : "; ") + StatusReason(c, "candidate");
      out.uncompared.push_back({key, b.status, c.status, reason});
      continue;
    }
    for (auto& row : CompareMetrics(key, b, c, out)) {
      if (!by_label.contains(row.metric.label)) labels.push_back(row.metric.label);
      by_label[row.metric.label].push_back(std::move(row));
    }
  }
  for (const JobKey& key : cand.order) {
    if (!base.jobs.contains(key)) out.only_candidate.push_back(key);
  }
  for (const auto& label : labels) {
    for (auto& row : by_label[label]) out.rows.push_back(std::move(row));
  }
  // One family for Holm: every test whose verdict can fail the gate, whatever its metric.
  std::vector<double> p;
  for (const auto& r : out.rows) p.push_back(r.p_value);
  std::vector<double> adjusted = HolmAdjust(p);
  for (std::size_t i = 0; i < out.rows.size(); ++i) {
    CompareRow& r = out.rows[i];
    r.adjusted_p = adjusted[i];
    if (SmallestPValue(r.base.n, r.candidate.n) * static_cast<double>(out.rows.size()) >=
        options.alpha) {
      ++out.underpowered;
    }
    r.verdict = Decide(r.ratio, r.adjusted_p, options.alpha, out.ThresholdOf(r.metric),
                       r.metric.better, r.base.n, r.candidate.n, options.min_processes);
  }
  return out;
}

}  // namespace

JobKey JobKeyOf(const JobSpec& spec, bool with_label) {
  return {spec.suite,
          spec.operation,
          spec.language,
          spec.impl,
          spec.input ? spec.input->name : "",
          with_label ? spec.build_label : ""};
}

std::string JobKeyName(const JobKey& key) {
  std::string name = fmt::format("{}/{}/{}", key.suite, key.operation, key.impl);
  if (!key.input.empty()) name += "/" + key.input;
  if (!key.build_label.empty()) name += "@" + key.build_label;
  return name;
}

std::optional<double> Comparison::Geomean(std::string_view label) const {
  std::vector<double> ratios;
  for (const auto& r : rows) {
    if (r.metric.label == label) ratios.push_back(r.ratio.estimate);
  }
  if (ratios.empty()) return std::nullopt;
  return GeometricMean(ratios);
}

double Comparison::ThresholdOf(const MetricSpec& metric) const {
  if (metric.label == "time") return options.threshold;
  if (metric.label == "peak_rss") return options.memory_threshold;
  if (metric.label == "instructions") return options.instruction_threshold;
  return metric.noise_threshold;
}

std::vector<std::string> Comparison::MetricLabels() const {
  std::vector<std::string> labels;
  for (const auto& r : rows) {
    if (std::find(labels.begin(), labels.end(), r.metric.label) == labels.end()) {
      labels.push_back(r.metric.label);
    }
  }
  return labels;
}

Comparison CompareRuns(const RunResult& base, const RunResult& candidate,
                       const CompareOptions& options) {
  // Two A/B runs pair base with base and candidate with candidate; otherwise labels are noise.
  bool with_label = IsAbRun(base) && IsAbRun(candidate);
  Side b, c;
  for (const auto& job : base.jobs) Add(b, job, with_label, "base run");
  for (const auto& job : candidate.jobs) Add(c, job, with_label, "candidate run");
  return ComparePaired(b, c, options);
}

Comparison CompareBuilds(const RunResult& run, const CompareOptions& options) {
  if (!IsAbRun(run)) {
    throw Error(
        "the run holds no A/B jobs (build_label \"base\"/\"candidate\"): give two result files, "
        "or record both builds in one run with `benchctl run --against REV`");
  }
  Side b, c;
  std::vector<const JobResult*> other;
  for (const auto& job : run.jobs) {
    if (job.spec.build_label == kBaseLabel) {
      Add(b, job, false, "base build");
    } else if (job.spec.build_label == kCandidateLabel) {
      Add(c, job, false, "candidate build");
    } else {
      other.push_back(&job);
    }
  }
  Comparison out = ComparePaired(b, c, options);
  for (const JobResult* job : other) {
    out.uncompared.push_back({JobKeyOf(job->spec, true), job->status, kAbsent,
                              fmt::format("build label \"{}\" is neither \"{}\" nor \"{}\"",
                                          job->spec.build_label, kBaseLabel, kCandidateLabel)});
  }
  return out;
}

std::vector<CompareRow> CompareWithinRun(const RunResult& run) { return CompareBuilds(run).rows; }

bool HasRegression(const Comparison& comparison) {
  return CountVerdicts(comparison, Verdict::kRegression) > 0 ||
         std::any_of(comparison.uncompared.begin(), comparison.uncompared.end(),
                     [](const UncomparedJob& u) {
                       return u.candidate_status == "failed" || u.candidate_status == "incomplete";
                     });
}

std::size_t CountVerdicts(const Comparison& comparison, Verdict verdict) {
  return static_cast<std::size_t>(
      std::count_if(comparison.rows.begin(), comparison.rows.end(),
                    [verdict](const CompareRow& r) { return r.verdict == verdict; }));
}

}  // namespace benchctl
