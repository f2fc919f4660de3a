#include "compare_render.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "escape.h"
#include "job_summary.h"
#include "units.h"

namespace benchctl {
namespace {

using nlohmann::json;

// How a renderer makes a string from a result file (or a file name) safe for its output.
using Escape = std::string (*)(std::string_view);

std::string TerminalText(std::string_view s) { return ForTerminal(s); }

// One rendered line of a metric table.
struct Cells {
  std::string name, base, candidate, change, p, verdict;
  Verdict kind = Verdict::kNoChange;
};

// fmt pads by code points, so widths count them too ("µs" is one column, two bytes).
std::size_t Columns(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}

std::string Percent(double ratio) { return fmt::format("{:+.1f}%", (ratio - 1) * 100); }

std::string PValue(double p) { return p < 1e-4 ? "<0.0001" : fmt::format("{:.4f}", p); }

std::string ShowVerdict(Verdict v) {
  std::string name(VerdictName(v));
  std::replace(name.begin(), name.end(), '_', ' ');
  return name;
}

// A metric's table title; the direction is said where it is not the usual "lower".
std::string TitleOf(const MetricSpec& metric) {
  return metric.better == Better::kHigher ? metric.title + " (higher is better)" : metric.title;
}

std::string Interval(const Summary& s, const MetricSpec& metric) {
  return fmt::format("{} [{}, {}]", FormatMetricValue(metric, s.median),
                     FormatMetricValue(metric, s.ci_low), FormatMetricValue(metric, s.ci_high));
}

// The first row of each metric, in row order.
std::vector<const MetricSpec*> MetricsInOrder(const Comparison& c) {
  std::vector<const MetricSpec*> out;
  for (const auto& label : c.MetricLabels()) {
    for (const auto& r : c.rows) {
      if (r.metric.label == label) {
        out.push_back(&r.metric);
        break;
      }
    }
  }
  return out;
}

// The rows of one metric; `escape` makes the benchmark name safe for the output format.
std::vector<Cells> MetricCells(const Comparison& c, const MetricSpec& metric, Escape escape,
                               Escape text) {
  // Values print with benchctl's own units; any other unit came from a file and is escaped.
  bool own_unit = IsOwnUnit(metric.unit);
  auto cell = [&](const std::string& s) { return own_unit ? s : text(s); };
  std::vector<Cells> out;
  for (const auto& r : c.rows) {
    if (r.metric.label != metric.label) continue;
    out.push_back({escape(JobKeyName(r.key)), cell(Interval(r.base, metric)),
                   cell(Interval(r.candidate, metric)),
                   fmt::format("{} [{}, {}]", Percent(r.ratio.estimate), Percent(r.ratio.ci_low),
                               Percent(r.ratio.ci_high)),
                   fmt::format("{} ({})", PValue(r.p_value), PValue(r.adjusted_p)),
                   ShowVerdict(r.verdict), r.verdict});
  }
  return out;
}

const char* Colour(Verdict v) {
  switch (v) {
    case Verdict::kRegression:
      return "\033[1;31m";
    case Verdict::kImprovement:
      return "\033[32m";
    case Verdict::kInconclusive:
      return "\033[33m";
    case Verdict::kNoChange:
      break;
  }
  return "";
}

// ", instructions ±1.0%" for each gated metric besides time and peak RSS.
std::string OtherThresholds(const Comparison& c, Escape escape) {
  std::string out;
  for (const MetricSpec* m : MetricsInOrder(c)) {
    if (m->label == "time" || m->label == "peak_rss") continue;
    out += fmt::format(", {} ±{:.1f}%", escape(m->label), c.ThresholdOf(*m) * 100);
  }
  return out;
}

std::string Header(const CompareReport& r, Escape escape) {
  const CompareOptions& o = r.comparison.options;
  return fmt::format(
      "base:      {}\ncandidate: {}\nnoise threshold ±{:.1f}% (peak RSS ±{:.1f}%{}) · alpha {} "
      "with Holm over {} tests · a verdict needs {} verified processes per side\n"
      "change = Hodges–Lehmann ratio of candidate to base on log values, with its 95% CI; "
      "p = two-sided Mann–Whitney over per-process values (Holm-adjusted)\n",
      escape(r.base_source), escape(r.candidate_source), o.threshold * 100,
      o.memory_threshold * 100, OtherThresholds(r.comparison, escape), o.alpha,
      r.comparison.rows.size(), o.min_processes);
}

std::string Totals(const Comparison& c) {
  std::size_t broken = static_cast<std::size_t>(
      std::count_if(c.uncompared.begin(), c.uncompared.end(), [](const UncomparedJob& u) {
        return u.candidate_status == "failed" || u.candidate_status == "incomplete";
      }));
  std::string note;
  if (c.underpowered > 0) {
    note = fmt::format(
        "note: {} of {} rows cannot reach significance with this few processes (or instruction "
        "counts) per side under Holm over {} tests: run more to get verdicts for them\n",
        c.underpowered, c.rows.size(), c.rows.size());
  }
  return fmt::format(
      "{} regressions, {} improvements, {} no change, {} inconclusive; {} not compared ({} "
      "failed or unfinished in the candidate); {} only in base, {} only in candidate\n{}{}\n",
      CountVerdicts(c, Verdict::kRegression), CountVerdicts(c, Verdict::kImprovement),
      CountVerdicts(c, Verdict::kNoChange), CountVerdicts(c, Verdict::kInconclusive),
      c.uncompared.size(), broken, c.only_base.size(), c.only_candidate.size(), note,
      HasRegression(c) ? "result: REGRESSION" : "result: no regression");
}

// Lists of one-sided, uncompared jobs and warnings, as "- item" lines under a heading; every
// item holds names or values from the files, so each goes through `escape`.
std::string Lists(const CompareReport& r, const char* bullet, const char* heading_prefix,
                  Escape escape) {
  std::string out;
  auto list = [&](const char* heading, const std::vector<std::string>& items) {
    if (items.empty()) return;
    out += fmt::format("\n{}{} ({})\n", heading_prefix, heading, items.size());
    for (const auto& item : items) out += fmt::format("{}{}\n", bullet, escape(item));
  };
  auto names = [](const std::vector<JobKey>& keys) {
    std::vector<std::string> v;
    for (const auto& k : keys) v.push_back(JobKeyName(k));
    return v;
  };
  std::vector<std::string> uncompared, warnings;
  for (const auto& u : r.comparison.uncompared) {
    uncompared.push_back(fmt::format("{}: {}", JobKeyName(u.key), u.reason));
  }
  for (const auto& w : r.warnings) warnings.push_back(w.Message());
  list("not compared", uncompared);
  list("only in base", names(r.comparison.only_base));
  list("only in candidate", names(r.comparison.only_candidate));
  list("comparability warnings", warnings);
  return out;
}

}  // namespace

std::string RenderCompareTable(const CompareReport& report, bool color) {
  const Comparison& c = report.comparison;
  std::string out = Header(report, TerminalText);
  for (const MetricSpec* metric : MetricsInOrder(c)) {
    std::vector<Cells> rows = MetricCells(c, *metric, TerminalText, TerminalText);
    Cells head{ForTerminal(TitleOf(*metric)),
               "base median [95% CI]",
               "candidate median [95% CI]",
               "change [95% CI]",
               "p (Holm)",
               "verdict"};
    std::size_t w[5] = {};
    rows.insert(rows.begin(), head);
    for (const auto& r : rows) {
      w[0] = std::max(w[0], Columns(r.name));
      w[1] = std::max(w[1], Columns(r.base));
      w[2] = std::max(w[2], Columns(r.candidate));
      w[3] = std::max(w[3], Columns(r.change));
      w[4] = std::max(w[4], Columns(r.p));
    }
    out += "\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const Cells& r = rows[i];
      bool paint = color && i > 0 && *Colour(r.kind) != '\0';
      out += fmt::format("{:<{}}  {:<{}}  {:<{}}  {:<{}}  {:<{}}  {}{}{}\n", r.name, w[0], r.base,
                         w[1], r.candidate, w[2], r.change, w[3], r.p, w[4],
                         paint ? Colour(r.kind) : "", r.verdict, paint ? "\033[0m" : "");
    }
    if (auto g = c.Geomean(metric->label)) {
      out += fmt::format("{:<{}}  {:<{}}  {:<{}}  {}\n", "geometric mean of ratios", w[0], "", w[1],
                         "", w[2], Percent(*g));
    }
  }
  out += Lists(report, "  ", "", TerminalText);
  out += "\n" + Totals(c);
  return out;
}

std::string RenderCompareMarkdown(const CompareReport& report) {
  const Comparison& c = report.comparison;
  std::string out = "## benchctl compare\n\n";
  std::string header = Header(report, ForMarkdown);
  for (std::size_t pos = 0; (pos = header.find('\n', pos)) != std::string::npos; pos += 3) {
    header.replace(pos, 1, "  \n");  // Markdown line breaks.
  }
  out += header;
  for (const MetricSpec* metric : MetricsInOrder(c)) {
    std::vector<Cells> rows = MetricCells(c, *metric, ForMarkdownCode, ForMarkdown);
    out += fmt::format(
        "\n### {}\n\n| benchmark | base median [95% CI] | candidate median [95% CI] | change "
        "[95% CI] | p (Holm) | verdict |\n|---|---|---|---|---|---|\n",
        ForMarkdown(TitleOf(*metric)));
    for (const auto& r : rows) {
      bool bold = r.kind == Verdict::kRegression || r.kind == Verdict::kImprovement;
      out += fmt::format("| {} | {} | {} | {} | {} | {}{}{} |\n", r.name, r.base, r.candidate,
                         r.change, r.p, bold ? "**" : "", r.verdict, bold ? "**" : "");
    }
    if (auto g = c.Geomean(metric->label)) {
      out += fmt::format("| *geometric mean of ratios* | | | {} | | |\n", Percent(*g));
    }
  }
  out += Lists(report, "- ", "### ", ForMarkdown);
  out += "\n" + Totals(c);
  return out;
}

namespace {

json KeyJson(const JobKey& k) {
  return json{{"benchmark", JobKeyName(k)},  {"suite", k.suite}, {"operation", k.operation},
              {"language", k.language},      {"impl", k.impl},   {"input", k.input},
              {"build_label", k.build_label}};
}

json RowJson(const CompareRow& r) {
  json j = KeyJson(r.key);
  j["metric"] = r.metric.label;
  j["metric_name"] = r.metric.name;
  j["unit"] = r.metric.unit;
  j["better"] = BetterName(r.metric.better);
  j["base"] = SummaryToJson(r.base);
  j["candidate"] = SummaryToJson(r.candidate);
  j["median_ratio"] = r.median_ratio;
  j["ratio"] = {{"estimate", r.ratio.estimate},
                {"ci_low", r.ratio.ci_low},
                {"ci_high", r.ratio.ci_high},
                {"confidence", r.ratio.confidence}};
  j["p_value"] = r.p_value;
  j["adjusted_p"] = r.adjusted_p;
  j["verdict"] = VerdictName(r.verdict);
  return j;
}

}  // namespace

json CompareReportToJson(const CompareReport& report) {
  const Comparison& c = report.comparison;
  json rows = json::array();
  for (const auto& r : c.rows) rows.push_back(RowJson(r));
  json uncompared = json::array(), only_base = json::array(), only_cand = json::array();
  for (const auto& u : c.uncompared) {
    json j = KeyJson(u.key);
    j.update({{"base_status", u.base_status},
              {"candidate_status", u.candidate_status},
              {"reason", u.reason}});
    uncompared.push_back(std::move(j));
  }
  for (const auto& k : c.only_base) only_base.push_back(KeyJson(k));
  for (const auto& k : c.only_candidate) only_cand.push_back(KeyJson(k));
  json warnings = json::array();
  for (const auto& w : report.warnings) {
    warnings.push_back(
        {{"what", w.what}, {"base", w.base}, {"candidate", w.candidate}, {"message", w.Message()}});
  }
  json geomean = json::object();
  for (const auto& label : c.MetricLabels()) geomean[label] = *c.Geomean(label);
  return {{"base", report.base_source},
          {"candidate", report.candidate_source},
          {"options",
           {{"threshold", c.options.threshold},
            {"memory_threshold", c.options.memory_threshold},
            {"instruction_threshold", c.options.instruction_threshold},
            {"alpha", c.options.alpha},
            {"min_processes", c.options.min_processes},
            {"correction", "holm"},
            {"ratio_method", "hodges-lehmann-log"}}},
          {"rows", std::move(rows)},
          {"geomean", std::move(geomean)},
          {"uncompared", std::move(uncompared)},
          {"only_base", std::move(only_base)},
          {"only_candidate", std::move(only_cand)},
          {"warnings", std::move(warnings)},
          {"counts",
           {{"regression", CountVerdicts(c, Verdict::kRegression)},
            {"improvement", CountVerdicts(c, Verdict::kImprovement)},
            {"no_change", CountVerdicts(c, Verdict::kNoChange)},
            {"inconclusive", CountVerdicts(c, Verdict::kInconclusive)},
            {"underpowered", c.underpowered}}},
          {"regression", HasRegression(c)}};
}

bool UseColor(const std::string& mode, bool terminal) {
  if (mode != "auto") return mode == "always";
  const char* no_color = std::getenv("NO_COLOR");
  return terminal && (no_color == nullptr || *no_color == '\0');
}

}  // namespace benchctl
