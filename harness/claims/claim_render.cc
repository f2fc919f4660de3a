#include "claim_render.h"

#include <fmt/format.h>

#include <map>

#include "escape.h"

namespace benchctl {
namespace {

bool IsRatio(const ClaimVerdict& v) { return v.claim.kind == MeasureKind::kRatio; }

}  // namespace

std::string ClaimMeasuredText(const ClaimVerdict& v) {
  if (!v.measured) return "-";
  const ClaimMeasurement& m = *v.measured;
  const bool ratio = IsRatio(v);
  if (m.exact) return FormatClaimValue(m.estimate, v.claim.metric, ratio) + " (exact)";
  // As `show` prints a ratio: "1.84× [1.79, 1.90]".
  if (ratio) return fmt::format("{:.2f}× [{:.2f}, {:.2f}]", m.estimate, m.low, m.high);
  return fmt::format("{} [{}, {}]", FormatClaimValue(m.estimate, v.claim.metric, ratio),
                     FormatClaimValue(m.low, v.claim.metric, ratio),
                     FormatClaimValue(m.high, v.claim.metric, ratio));
}

std::string ClaimTestText(const ClaimVerdict& v) {
  if (v.claim.kind == MeasureKind::kUnmeasured) return "-";
  return DescribeTest(v.claim.test, v.claim.metric, IsRatio(v));
}

namespace {

// "items_per_s of A ÷ B", "time_ns of A".
std::string JobsText(const ClaimVerdict& v) {
  if (v.numerator_job.empty()) return "";
  if (IsRatio(v)) {
    return fmt::format("{} of {} ÷ {}", v.claim.metric, v.numerator_job, v.denominator_job);
  }
  return fmt::format("{} of {}", v.claim.metric, v.numerator_job);
}

std::string SourceText(const ClaimSource& s) {
  return s.url.empty() ? fmt::format("{} ({})", s.title, s.year)
                       : fmt::format("{} ({}) {}", s.title, s.year, s.url);
}

std::string CountsLine(const std::vector<ClaimVerdict>& verdicts) {
  std::map<ClaimOutcome, int> counts;
  for (const ClaimVerdict& v : verdicts) ++counts[v.outcome];
  return fmt::format("{} claims: {} hold, {} do not hold, {} inconclusive, {} not measured",
                     verdicts.size(), counts[ClaimOutcome::kHolds],
                     counts[ClaimOutcome::kDoesNotHold], counts[ClaimOutcome::kInconclusive],
                     counts[ClaimOutcome::kNotMeasured]);
}

std::string SourcesLine(const std::vector<std::string>& sources) {
  if (sources.empty()) return "no result files: every claim is listed as not measured";
  std::string line = "result files:";
  for (const std::string& s : sources) line += " " + s;
  return line;
}

}  // namespace

std::string RenderClaimsText(const std::vector<ClaimVerdict>& verdicts,
                             const std::vector<std::string>& sources) {
  std::string out = ForTerminal(SourcesLine(sources)) + "\n" + CountsLine(verdicts) + "\n";
  for (const ClaimVerdict& v : verdicts) {
    const Claim& c = v.claim;
    out += fmt::format("\n{:<6} {:<14} {}   test: {}\n", ForTerminal(c.id), OutcomeName(v.outcome),
                       ClaimMeasuredText(v), ForTerminal(ClaimTestText(v)));
    out += fmt::format("       claim: {}\n", ForTerminal(c.text));
    out += fmt::format("       source: {}\n", ForTerminal(SourceText(c.source)));
    if (!v.numerator_job.empty())
      out += fmt::format("       measured: {}\n", ForTerminal(JobsText(v)));
    if (!v.why.empty()) {
      out += fmt::format("       {}: {}\n",
                         c.kind == MeasureKind::kUnmeasured ? "would be measured by" : "why",
                         ForTerminal(v.why));
    }
    if (!v.command.empty()) out += fmt::format("       measure with: {}\n", ForTerminal(v.command));
    for (const std::string& caveat : v.caveats) {
      out += fmt::format("       caveat: {}\n", ForTerminal(caveat));
    }
    if (!c.notes.empty()) out += fmt::format("       notes: {}\n", ForTerminal(c.notes));
  }
  return out;
}

std::string RenderClaimsMarkdown(const std::vector<ClaimVerdict>& verdicts,
                                 const std::vector<std::string>& sources) {
  std::string out = ForMarkdown(SourcesLine(sources)) + "; " + CountsLine(verdicts) + ".\n\n";
  out += "| Claim | Source | Measured [95% CI] | Test | Verdict | Measure with |\n";
  out += "|---|---|---|---|---|---|\n";
  for (const ClaimVerdict& v : verdicts) {
    const Claim& c = v.claim;
    std::string source = ForMarkdown(fmt::format("{} ({})", c.source.title, c.source.year));
    if (!c.source.url.empty()) source += " " + ForMarkdownCode(c.source.url);
    out += fmt::format("| **{}** {} | {} | {} | {} | {} | {} |\n", ForMarkdown(c.id),
                       ForMarkdown(c.text), source, ForMarkdown(ClaimMeasuredText(v)),
                       ForMarkdown(ClaimTestText(v)), OutcomeName(v.outcome),
                       v.command.empty() ? "-" : ForMarkdownCode(v.command));
  }
  std::string notes;
  for (const ClaimVerdict& v : verdicts) {
    std::string parts;
    if (!v.numerator_job.empty()) parts += " Measured: " + ForMarkdown(JobsText(v)) + ".";
    if (!v.why.empty()) {
      parts += (v.claim.kind == MeasureKind::kUnmeasured ? " Would be measured by: " : " Why: ") +
               ForMarkdown(v.why) + ".";
    }
    for (const std::string& caveat : v.caveats) parts += " Caveat: " + ForMarkdown(caveat) + ".";
    if (!v.claim.notes.empty()) parts += " " + ForMarkdown(v.claim.notes);
    if (!parts.empty()) notes += fmt::format("- **{}**{}\n", ForMarkdown(v.claim.id), parts);
  }
  if (!notes.empty()) out += "\n" + notes;
  return out;
}

}  // namespace benchctl
