#include "report_groups.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <iterator>
#include <set>

#include "job_groups.h"
#include "job_summary.h"
#include "json_lookup.h"
#include "ratio_pairs.h"
#include "report_charts.h"
#include "units.h"

namespace benchctl {
namespace {

// Okabe & Ito's palette without its yellow, which is unreadable on white.
constexpr const char* kPalette[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                    "#E69F00", "#56B4E9", "#000000"};

bool AllPositive(const std::vector<double>& v) {
  return std::all_of(v.begin(), v.end(), [](double x) { return x > 0; });
}

// A job with its metrics, computed once.
struct Row {
  const JobResult* job;
  std::vector<Metric> metrics;
  const Metric* Find(std::string_view name) const { return FindMetric(metrics, name); }
  double Time() const {
    const Metric* t = Find("time_ns");
    return t != nullptr ? t->summary.median : 1e300;
  }
};

std::string Colour(const LanguageColours& colours, const std::string& language) {
  auto it = colours.find(language);
  return it != colours.end() ? it->second : "#555555";
}

// "1.23 µs [1.20, 1.25]".
std::string ValueCell(const Metric& m) {
  const Summary& s = m.summary;
  if (s.n < 2 || s.ci_confidence <= 0) return FormatMetricValue(m.spec, s.median);
  return fmt::format("{} [{}, {}]", FormatMetricValue(m.spec, s.median),
                     FormatMetricValue(m.spec, s.ci_low), FormatMetricValue(m.spec, s.ci_high));
}

std::string RatioCell(const ShiftEstimate& r) {
  std::string cell = fmt::format("{:.2f}× [{:.2f}, {:.2f}]", r.estimate, r.ci_low, r.ci_high);
  if (r.confidence < 0.95) cell += fmt::format(" ({})", IntervalLabel(r.confidence, 2));
  return cell;
}

// A dot chart of metric `name` over the rows that have it; nullopt when none has.
std::optional<ReportChart> MetricChart(const std::vector<Row>& rows, const std::string& name,
                                       const LanguageColours& colours) {
  DotChartSpec spec;
  std::set<std::string> coverages;
  for (const Row& row : rows) {
    const Metric* m = row.Find(name);
    if (m == nullptr) continue;
    if (spec.rows.empty()) spec.metric = m->spec;
    spec.rows.push_back(
        {RowName(row.job->spec), Colour(colours, row.job->spec.language), m->values, m->summary});
    coverages.insert(IntervalLabel(m->summary.ci_confidence, m->summary.n));
  }
  if (spec.rows.empty()) return std::nullopt;
  spec.title = spec.metric.title;
  std::string caption =
      fmt::format("{}: each dot is one process; the tick is the median, the bar its {}.",
                  spec.metric.title, fmt::join(coverages, " / "));
  return ReportChart{caption, DotChart(spec)};
}

// The ratio of each ranked row's time to the fastest's, as a chart and cells by job id.
std::optional<ReportChart> RatioChart(const std::vector<Row>& rows, const Row& fastest,
                                      const LanguageColours& colours,
                                      std::map<std::string, std::string>& cells) {
  IntervalChartSpec spec;
  spec.title = "time ÷ the fastest";
  spec.axis_title = "ratio to the fastest (log scale; < 1 would be faster)";
  for (const Row& row : rows) {
    if (row.job == fastest.job) {
      cells[row.job->spec.id] = "1.00× (fastest)";
      continue;
    }
    std::optional<ShiftEstimate> r = TimeRatio(*row.job, *fastest.job);
    if (!r) continue;
    cells[row.job->spec.id] = RatioCell(*r);
    spec.rows.push_back({RowName(row.job->spec), Colour(colours, row.job->spec.language),
                         r->estimate, r->ci_low, r->ci_high,
                         row.job->spec.reference ? "reference" : ""});
  }
  if (spec.rows.empty()) return std::nullopt;
  return ReportChart{
      fmt::format("Each implementation's time over the fastest's ({}): the point is the "
                  "Hodges–Lehmann ratio, the bar its interval (95%, unless the table names a lower "
                  "coverage).",
                  RowName(fastest.job->spec)),
      IntervalChart(spec)};
}

// Every metric of every row: median, interval and its real coverage.
ReportTable MetricsTable(const std::vector<Row>& rows) {
  ReportTable t{"Every metric, with its unit and interval",
                {"implementation", "metric", "median [interval]", "interval", "processes"},
                {}};
  for (const Row& row : rows) {
    for (const Metric& m : row.metrics) {
      t.rows.push_back({RowName(row.job->spec), m.spec.title, ValueCell(m),
                        IntervalLabel(m.summary.ci_confidence, m.summary.n),
                        std::to_string(m.summary.n)});
    }
  }
  return t;
}

ReportSection GroupSection(const JobGroup& group, const LanguageColours& colours,
                           std::size_t index) {
  ReportSection section;
  section.title = group.key;
  section.anchor = AnchorFor(group.key, index);
  std::vector<Row> rows;
  for (const JobResult* job : group.jobs) rows.push_back({job, MetricsOf(*job)});
  std::stable_sort(rows.begin(), rows.end(),
                   [](const Row& a, const Row& b) { return a.Time() < b.Time(); });
  const JobSpec& first = group.jobs.front()->spec;
  if (first.input) {
    section.notes.push_back(fmt::format("Input {}: {}, sha256 {}", first.input->name,
                                        FormatBytes(static_cast<double>(first.input->bytes)),
                                        first.input->sha256));
  }
  if (first.load.is_object()) section.notes.push_back("Load: " + first.load.dump());
  const Row* fastest = nullptr;
  for (const Row& row : rows) {
    if (row.job->spec.reference || row.Find("time_ns") == nullptr) continue;
    if (fastest == nullptr) fastest = &row;
  }
  for (const Row& row : rows) {
    if (row.job->status == "ok") continue;
    section.notes.push_back(
        fmt::format("{} {}: {}", RowName(row.job->spec), row.job->status,
                    row.job->failure.empty() ? "no reason recorded" : row.job->failure));
  }
  if (auto chart = MetricChart(rows, "time_ns", colours)) section.charts.push_back(*chart);
  if (auto chart = MetricChart(rows, "peak_rss_kb", colours)) section.charts.push_back(*chart);
  std::map<std::string, std::string> ratio_cells;
  if (fastest != nullptr) {
    if (auto chart = RatioChart(rows, *fastest, colours, ratio_cells)) {
      section.charts.push_back(*chart);
    }
  }
  // The suite's declared counters (and page faults) get a small chart each.
  std::vector<std::string> counters;
  for (const Row& row : rows) {
    for (const Metric& m : row.metrics) {
      if (FindBuiltinMetric(m.spec.name) != nullptr && m.spec.unit != "faults") continue;
      if (std::find(counters.begin(), counters.end(), m.spec.name) == counters.end()) {
        counters.push_back(m.spec.name);
      }
    }
  }
  for (const auto& name : counters) {
    if (auto chart = MetricChart(rows, name, colours)) section.charts.push_back(*chart);
  }
  ReportTable main{"Time and memory",
                   {"implementation", "language", "time [interval]", "interval",
                    "ratio to fastest [95% CI]", "peak RSS [interval]", "processes", "status"},
                   {}};
  for (const Row& row : rows) {
    const Metric* t = row.Find("time_ns");
    const Metric* rss = row.Find("peak_rss_kb");
    std::string ratio =
        ratio_cells.contains(row.job->spec.id) ? ratio_cells[row.job->spec.id] : "-";
    if (row.job->spec.reference) ratio += " (reference, not ranked)";
    main.rows.push_back({RowName(row.job->spec), row.job->spec.language, t ? ValueCell(*t) : "-",
                         t ? IntervalLabel(t->summary.ci_confidence, t->summary.n) : "-", ratio,
                         rss ? ValueCell(*rss) : "-", t ? std::to_string(t->summary.n) : "0",
                         row.job->status});
  }
  section.tables.push_back(std::move(main));
  section.tables.push_back(MetricsTable(rows));
  return section;
}

}  // namespace

LanguageColours AssignLanguageColours(const std::vector<const RunResult*>& runs) {
  std::set<std::string> languages;
  for (const RunResult* run : runs) {
    for (const auto& job : run->jobs) languages.insert(job.spec.language);
  }
  LanguageColours colours;
  std::size_t i = 0;
  for (const auto& lang : languages) colours[lang] = kPalette[i++ % std::size(kPalette)];
  return colours;
}

std::optional<ShiftEstimate> TimeRatio(const JobResult& row, const JobResult& base) {
  std::vector<double> a = ProcessTimes(base), b = ProcessTimes(row);
  // A ratio is taken on logs: a zero time (which the loader accepts) has none.
  if (a.size() < 2 || b.size() < 2 || !AllPositive(a) || !AllPositive(b)) return std::nullopt;
  if (a.size() * b.size() > kMaxRatioPairs) return std::nullopt;
  return LogRatio(a, b);
}

std::string RowName(const JobSpec& spec) {
  return spec.build_label.empty() ? spec.impl : spec.impl + "@" + spec.build_label;
}

std::vector<ReportSection> GroupSections(const RunResult& run, const LanguageColours& colours) {
  std::vector<ReportSection> sections;
  for (const JobGroup& group : GroupJobs(run)) {
    sections.push_back(GroupSection(group, colours, sections.size()));
  }
  return sections;
}

std::optional<ReportSection> LanguageSummarySection(const RunResult& run) {
  const nlohmann::json& named = At(run.config.suite_details, "reference_language");
  const std::string ref = named.is_string() ? named.get<std::string>() : "cpp";
  ReportTable table{"",
                    {"group", "language", "fastest implementation", "time [interval]",
                     fmt::format("÷ fastest {} [95% CI]", ref)},
                    {}};
  for (const JobGroup& group : GroupJobs(run)) {
    std::map<std::string, const JobResult*> fastest;
    std::map<std::string, double> best_time;
    for (const JobResult* job : group.jobs) {
      const std::vector<Metric> metrics = MetricsOf(*job);
      const Metric* t = FindMetric(metrics, "time_ns");
      if (job->spec.reference || t == nullptr) continue;
      auto it = best_time.find(job->spec.language);
      if (it == best_time.end() || t->summary.median < it->second) {
        best_time[job->spec.language] = t->summary.median;
        fastest[job->spec.language] = job;
      }
    }
    if (fastest.size() < 2) continue;
    for (const auto& [lang, job] : fastest) {
      std::string ratio = "-";
      if (lang == ref) {
        ratio = "1.00×";
      } else if (fastest.contains(ref)) {
        if (auto r = TimeRatio(*job, *fastest[ref])) ratio = RatioCell(*r);
      }
      const std::vector<Metric> metrics = MetricsOf(*job);
      table.rows.push_back(
          {group.key, lang, RowName(job->spec), ValueCell(*FindMetric(metrics, "time_ns")), ratio});
    }
  }
  if (table.rows.empty()) return std::nullopt;
  ReportSection section;
  section.title = "Languages: each one's fastest";
  section.anchor = "languages";
  section.notes.push_back(fmt::format(
      "Per group, each language's fastest implementation (reference rows excluded) and its time "
      "over the fastest {} one's; < 1 is faster.",
      ref));
  section.tables.push_back(std::move(table));
  return section;
}

}  // namespace benchctl
