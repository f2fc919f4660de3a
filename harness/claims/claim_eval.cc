#include "claim_eval.h"

#include <fmt/format.h>

#include <algorithm>

#include "comparison.h"
#include "error.h"
#include "json_lookup.h"
#include "ratio_pairs.h"
#include "statistics.h"

namespace benchctl {
namespace {

bool AllPositive(const std::vector<double>& values) {
  return std::all_of(values.begin(), values.end(), [](double v) { return v > 0; });
}

// Why numbers from this job and run are not for citing.
void AddCaveats(const Selection& s, std::vector<std::string>& caveats) {
  auto add = [&caveats](std::string text) {
    if (std::find(caveats.begin(), caveats.end(), text) == caveats.end()) {
      caveats.push_back(std::move(text));
    }
  };
  if (s.run->run.config.quick) add(s.run->source + " is a --quick run: not for citing");
  if (!s.run->run.complete) add(s.run->source + " is an incomplete run");
  for (const ProcessRecord& p : s.job->processes) {
    if (p.ok && NumberAt(p.counters, "load_generator_bound", 0) > 0) {
      add(s.job->spec.id + " was load-generator bound: its rate measures the client too");
      break;
    }
  }
}

// A ratio of two jobs' values, as `show` computes a time ratio: the Hodges–Lehmann ratio of
// the per-process values with its 95% interval (LogRatio). nullopt: no interval possible.
std::optional<ClaimMeasurement> Ratio(const std::vector<double>& num,
                                      const std::vector<double>& den, bool exact,
                                      std::string& why) {
  if (!AllPositive(num) || !AllPositive(den)) {
    why = "a value is zero or negative: a ratio has no interval";
    return std::nullopt;
  }
  if (exact) {
    const double r = num.front() / den.front();
    return ClaimMeasurement{r, r, r, true, 0, 1};
  }
  if (num.size() < 2 || den.size() < 2) {
    why = "fewer than 2 processes on a side: no interval";
    return std::nullopt;
  }
  if (num.size() * den.size() > kMaxRatioPairs) {
    why = "too many processes for a ratio interval";
    return std::nullopt;
  }
  ShiftEstimate r = LogRatio(den, num);
  return ClaimMeasurement{r.estimate,  r.ci_low, r.ci_high, false, std::min(num.size(), den.size()),
                          r.confidence};
}

std::optional<ClaimMeasurement> Single(const std::vector<double>& values, bool exact,
                                       std::string& why) {
  if (exact) return ClaimMeasurement{values.front(), values.front(), values.front(), true, 0, 1};
  if (values.size() < 2) {
    why = "one process: no interval";
    return std::nullopt;
  }
  Summary s = Summarize(values);
  return ClaimMeasurement{s.median, s.ci_low, s.ci_high, false, s.n, s.ci_confidence};
}

ClaimVerdict Evaluate(const Claim& claim, const std::vector<LoadedRun>& runs) {
  ClaimVerdict v;
  v.claim = claim;
  if (claim.kind == MeasureKind::kUnmeasured) {
    v.why = claim.needs;
    return v;
  }
  const bool ratio = claim.kind == MeasureKind::kRatio;
  const JobSelector& first = ratio ? claim.numerator : claim.of;
  v.command = MeasureCommand(first, ratio ? &claim.denominator : nullptr);
  Selection a = SelectJob(first, claim.metric, runs);
  Selection b = ratio ? SelectJob(claim.denominator, claim.metric, runs) : Selection{};
  if (a.job == nullptr || (ratio && b.job == nullptr)) {
    v.why = a.job == nullptr ? a.why : b.why;
    if (ratio && a.job == nullptr && b.job == nullptr && a.why != b.why) v.why += "; " + b.why;
    return v;
  }
  v.numerator_job = a.job->spec.id;
  AddCaveats(a, v.caveats);
  if (ratio) {
    v.denominator_job = b.job->spec.id;
    AddCaveats(b, v.caveats);
    if (a.run != b.run) v.caveats.push_back("the two sides come from different runs");
  }
  const bool exact = IsExactMetric(claim.metric);
  const std::vector<double> num = MetricValuesForClaim(*a.job, claim.metric);
  v.measured = ratio ? Ratio(num, MetricValuesForClaim(*b.job, claim.metric), exact, v.why)
                     : Single(num, exact, v.why);
  if (!v.measured) {
    v.outcome = ClaimOutcome::kInconclusive;
    return v;
  }
  if (!exact && v.measured->processes < kCitableProcesses) {
    // With so few processes the interval is [min, max] and covers less than 95%: the verdict
    // is read on a narrower interval than the claim deserves.
    v.caveats.push_back(
        fmt::format("interval from {} processes (fewer than {}; {:.0f}% coverage): not for citing",
                    v.measured->processes, kCitableProcesses, 100 * v.measured->coverage));
  }
  v.outcome = Judge(claim.test, v.measured->low, v.measured->high);
  if (v.outcome == ClaimOutcome::kInconclusive) v.why = "the interval straddles a bound";
  return v;
}

}  // namespace

std::string_view OutcomeName(ClaimOutcome outcome) {
  switch (outcome) {
    case ClaimOutcome::kHolds:
      return "holds";
    case ClaimOutcome::kDoesNotHold:
      return "does not hold";
    case ClaimOutcome::kInconclusive:
      return "inconclusive";
    case ClaimOutcome::kNotMeasured:
      return "not measured";
  }
  return "";
}

ClaimOutcome Judge(const ClaimTest& test, double low, double high) {
  BENCHCTL_CHECK(low <= high);
  bool all_pass = false, none_pass = false;
  switch (test.kind) {
    case ClaimTest::Kind::kBetween:
      all_pass = low >= test.low && high <= test.high;
      none_pass = high < test.low || low > test.high;
      break;
    case ClaimTest::Kind::kBelow:
      all_pass = high < test.high;
      none_pass = low >= test.high;
      break;
    case ClaimTest::Kind::kAbove:
      all_pass = low > test.low;
      none_pass = high <= test.low;
      break;
  }
  return all_pass    ? ClaimOutcome::kHolds
         : none_pass ? ClaimOutcome::kDoesNotHold
                     : ClaimOutcome::kInconclusive;
}

std::vector<ClaimVerdict> EvaluateClaims(const std::vector<Claim>& claims,
                                         const std::vector<LoadedRun>& runs) {
  std::vector<ClaimVerdict> out;
  out.reserve(claims.size());
  for (const Claim& claim : claims) out.push_back(Evaluate(claim, runs));
  return out;
}

}  // namespace benchctl
