#include "comparison.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "error.h"

namespace benchctl {
namespace {

// Rejects samples a rank test cannot use: empty, or holding NaN/inf that would break sorting.
void CheckSample(std::span<const double> values, const char* what) {
  if (values.empty()) throw Error(std::string("the ") + what + " sample is empty");
  for (double v : values) {
    if (!std::isfinite(v)) {
      throw Error(std::string("the ") + what + " sample holds a non-finite value");
    }
  }
}

// Standard normal CDF.
double NormalCdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

// Null distribution of U for sizes (m, n) as counts of the C(m+n, m) equally likely orderings:
// counts[u] = #orderings with U = u. Recurrence of Mann & Whitney (1947): the largest pooled
// value belongs to the first sample (adding n to U) or to the second, so
// f(i, j, u) = f(i-1, j, u-j) + f(i, j-1, u). Counts stay below C(40, 20) ~ 1.4e11 for sizes
// <= 20, exact in a double.
std::vector<double> ExactUCounts(std::size_t m, std::size_t n) {
  // row[j] holds f(i, j, .) for the current i; start with i = 0, where U = 0 always.
  std::vector<std::vector<double>> row(n + 1, std::vector<double>{1.0});
  for (std::size_t i = 1; i <= m; ++i) {
    std::vector<std::vector<double>> next(n + 1);
    next[0] = {1.0};
    for (std::size_t j = 1; j <= n; ++j) {
      std::vector<double>& f = next[j];
      f.assign(i * j + 1, 0.0);
      for (std::size_t u = 0; u < row[j].size(); ++u) f[u + j] += row[j][u];
      for (std::size_t u = 0; u < next[j - 1].size(); ++u) f[u] += next[j - 1][u];
    }
    row = std::move(next);
  }
  return row[n];
}

// Lower-tail probabilities P(U <= u) for u = 0..mn, exact for small samples and otherwise the
// continuity-corrected normal approximation (no tie term: used for the interval, which assumes
// a continuous distribution).
std::vector<double> ULowerTail(std::size_t m, std::size_t n) {
  const std::size_t mn = m * n;
  std::vector<double> tail(mn + 1);
  if (m <= kExactMannWhitneyMaxN && n <= kExactMannWhitneyMaxN) {
    const std::vector<double> counts = ExactUCounts(m, n);
    const double total = std::accumulate(counts.begin(), counts.end(), 0.0);
    double sum = 0.0;
    for (std::size_t u = 0; u <= mn; ++u) tail[u] = (sum += counts[u]) / total;
    return tail;
  }
  const double dm = static_cast<double>(m), dn = static_cast<double>(n);
  const double mean = dm * dn / 2.0;
  const double sigma = std::sqrt(dm * dn * (dm + dn + 1.0) / 12.0);
  for (std::size_t u = 0; u <= mn; ++u) {
    tail[u] = NormalCdf((static_cast<double>(u) + 0.5 - mean) / sigma);
  }
  return tail;
}

}  // namespace

// Mann & Whitney (1947); normal approximation with the tie-corrected variance and a 0.5
// continuity correction as in Hollander, Wolfe & Chicken, "Nonparametric Statistical Methods",
// 3rd ed., §4.1 (the same formulas as scipy.stats.mannwhitneyu, method="asymptotic").
MannWhitneyResult MannWhitneyU(std::span<const double> a, std::span<const double> b) {
  CheckSample(a, "first");
  CheckSample(b, "second");
  const std::size_t m = a.size(), n = b.size();

  // Midranks of the pooled sample; U_a = R_a - m(m+1)/2. Also collect tie-group sizes.
  std::vector<std::pair<double, bool>> pooled;  // (value, is from a)
  pooled.reserve(m + n);
  for (double v : a) pooled.emplace_back(v, true);
  for (double v : b) pooled.emplace_back(v, false);
  std::sort(pooled.begin(), pooled.end());
  double rank_sum_a = 0.0, tie_term = 0.0;
  for (std::size_t i = 0; i < pooled.size();) {
    std::size_t j = i;
    while (j < pooled.size() && pooled[j].first == pooled[i].first) ++j;
    const double t = static_cast<double>(j - i);
    const double midrank = static_cast<double>(i + j + 1) / 2.0;  // Ranks i+1..j averaged.
    for (std::size_t k = i; k < j; ++k) {
      if (pooled[k].second) rank_sum_a += midrank;
    }
    tie_term += t * t * t - t;
    i = j;
  }
  const double dm = static_cast<double>(m), dn = static_cast<double>(n);
  MannWhitneyResult result;
  result.u = rank_sum_a - dm * (dm + 1.0) / 2.0;

  if (m <= kExactMannWhitneyMaxN && n <= kExactMannWhitneyMaxN && tie_term == 0.0) {
    // No ties: U is an integer. Two-sided p doubles the smaller tail (the null is symmetric).
    const std::vector<double> tail = ULowerTail(m, n);
    const auto u = static_cast<std::size_t>(std::llround(result.u));
    const double lower = tail[u];
    const double upper = u == 0 ? 1.0 : 1.0 - tail[u - 1];
    result.p_value = std::min(1.0, 2.0 * std::min(lower, upper));
    result.exact = true;
    return result;
  }
  const double total = dm + dn;
  const double variance = dm * dn / 12.0 * ((total + 1.0) - tie_term / (total * (total - 1.0)));
  if (variance <= 0.0) {
    result.p_value = 1.0;  // Every value is identical: no evidence of any difference.
    return result;
  }
  const double z = (std::fabs(result.u - dm * dn / 2.0) - 0.5) / std::sqrt(variance);
  result.p_value = std::clamp(std::erfc(z / std::sqrt(2.0)), 0.0, 1.0);  // 2 (1 - Φ(z)).
  return result;
}

double MannWhitneyUPValue(std::span<const double> a, std::span<const double> b) {
  return MannWhitneyU(a, b).p_value;
}

// Hodges & Lehmann (1963) estimate; interval of Bauer (1972), "Constructing confidence sets
// using rank statistics", JASA 67, and Hollander, Wolfe & Chicken §4.3: with D(1) <= ... <=
// D(mn) the sorted differences, P(D(k) <= Δ <= D(mn+1-k)) = 1 - 2 P(U <= k-1) under the null
// distribution of U. We take the largest k keeping this >= confidence.
ShiftEstimate HodgesLehmannShift(std::span<const double> base, std::span<const double> candidate,
                                 double confidence) {
  CheckSample(base, "base");
  CheckSample(candidate, "candidate");
  if (!(confidence > 0.0 && confidence < 1.0)) {
    throw Error("confidence level must be strictly between 0 and 1, got " +
                std::to_string(confidence));
  }
  const std::size_t m = base.size(), n = candidate.size(), mn = m * n;
  std::vector<double> diffs;
  diffs.reserve(mn);
  for (double b : base) {
    for (double c : candidate) diffs.push_back(c - b);
  }
  std::sort(diffs.begin(), diffs.end());

  ShiftEstimate shift;
  shift.estimate = mn % 2 == 1 ? diffs[mn / 2] : 0.5 * (diffs[mn / 2 - 1] + diffs[mn / 2]);
  const std::vector<double> tail = ULowerTail(m, n);
  std::size_t k = 1;
  shift.confidence = 1.0 - 2.0 * tail[0];
  for (std::size_t next = 2; 2 * next <= mn + 1; ++next) {
    const double coverage = 1.0 - 2.0 * tail[next - 1];
    if (coverage < confidence) break;
    k = next;
    shift.confidence = coverage;
  }
  shift.ci_low = diffs[k - 1];
  shift.ci_high = diffs[mn - k];
  return shift;
}

// The shift of log(time) is the log of a ratio, so exponentiating the estimate and both ends
// gives a ratio and its interval (monotone transform: coverage is unchanged).
ShiftEstimate LogRatio(std::span<const double> base, std::span<const double> candidate,
                       double confidence) {
  auto to_logs = [](std::span<const double> values, const char* what) {
    std::vector<double> logs;
    logs.reserve(values.size());
    for (double v : values) {
      if (!(std::isfinite(v) && v > 0.0)) {
        throw Error(std::string("a ratio needs positive, finite values; the ") + what +
                    " sample holds " + std::to_string(v));
      }
      logs.push_back(std::log(v));
    }
    return logs;
  };
  const std::vector<double> log_base = to_logs(base, "base");
  const std::vector<double> log_candidate = to_logs(candidate, "candidate");
  ShiftEstimate shift = HodgesLehmannShift(log_base, log_candidate, confidence);
  shift.estimate = std::exp(shift.estimate);
  shift.ci_low = std::exp(shift.ci_low);
  shift.ci_high = std::exp(shift.ci_high);
  return shift;
}

// Holm (1979), "A simple sequentially rejective multiple test procedure", Scand. J. Statist.
// 6:65-70: with p(1) <= ... <= p(m), adjusted p(i) = max_{j <= i} min(1, (m - j + 1) p(j)).
std::vector<double> HolmAdjust(std::span<const double> p_values) {
  const std::size_t count = p_values.size();
  for (double p : p_values) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw Error("a p-value must lie in [0, 1], got " + std::to_string(p));
    }
  }
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return p_values[x] < p_values[y]; });
  std::vector<double> adjusted(count);
  double running_max = 0.0;
  for (std::size_t rank = 0; rank < count; ++rank) {
    const double factor = static_cast<double>(count - rank);
    running_max = std::max(running_max, std::min(1.0, factor * p_values[order[rank]]));
    adjusted[order[rank]] = running_max;
  }
  return adjusted;
}

double GeometricMean(std::span<const double> values) {
  if (values.empty()) throw Error("cannot take the geometric mean of an empty sample");
  double log_sum = 0.0;
  for (double v : values) {
    if (!(std::isfinite(v) && v > 0.0)) {
      throw Error("a geometric mean needs positive, finite values, got " + std::to_string(v));
    }
    log_sum += std::log(v);  // Summing logs avoids overflow of the running product.
  }
  return std::exp(log_sum / static_cast<double>(values.size()));
}

// "Significant and beyond the noise" (criterion; benchstat): a verdict needs both the test and
// the effect-size interval. See comparison.h for the full rule.
Verdict Decide(const ShiftEstimate& change, double adjusted_p, double alpha, double threshold,
               Better better, std::size_t n_base, std::size_t n_cand, std::size_t min_n) {
  if (!(alpha > 0.0 && alpha < 1.0)) {
    throw Error("alpha must be strictly between 0 and 1, got " + std::to_string(alpha));
  }
  if (!(threshold >= 0.0 && std::isfinite(threshold))) {
    throw Error("the noise threshold must be a finite value >= 0, got " +
                std::to_string(threshold));
  }
  if (!(adjusted_p >= 0.0 && adjusted_p <= 1.0)) {
    throw Error("a p-value must lie in [0, 1], got " + std::to_string(adjusted_p));
  }
  if (!(change.ci_low > 0.0 && change.ci_low <= change.ci_high && std::isfinite(change.ci_high))) {
    throw Error("a ratio interval must be positive and ordered, got [" +
                std::to_string(change.ci_low) + ", " + std::to_string(change.ci_high) + "]");
  }
  // Decided as "how much worse": for a higher-is-better metric that is base/candidate.
  const ShiftEstimate ratio = better == Better::kLower
                                  ? change
                                  : ShiftEstimate{1.0 / change.estimate, 1.0 / change.ci_high,
                                                  1.0 / change.ci_low, change.confidence};
  const double band_high = 1.0 + threshold;
  const double band_low = 1.0 / band_high;
  const bool inside_band = ratio.ci_low >= band_low && ratio.ci_high <= band_high;
  // Equivalence needs no significant difference: an interval inside the band rules out any
  // change that matters even when too few values keep the test from significance (a handful
  // of instruction counts that agree to 0.001%).
  if (n_base < min_n || n_cand < min_n) {
    return inside_band ? Verdict::kNoChange : Verdict::kInconclusive;
  }
  if (adjusted_p < alpha) {
    if (ratio.ci_low > band_high) return Verdict::kRegression;
    if (ratio.ci_high < band_low) return Verdict::kImprovement;
    if (inside_band) return Verdict::kNoChange;
    return Verdict::kInconclusive;
  }
  // Not significant: call it "no change" only if the interval rules out any change beyond the
  // doubled band, i.e. the data were precise enough that a real regression would have shown.
  const double wide_high = 1.0 + 2.0 * threshold;
  const double wide_low = 1.0 / wide_high;
  if (ratio.ci_low >= wide_low && ratio.ci_high <= wide_high) return Verdict::kNoChange;
  return Verdict::kInconclusive;
}

std::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kRegression:
      return "regression";
    case Verdict::kImprovement:
      return "improvement";
    case Verdict::kNoChange:
      return "no_change";
    case Verdict::kInconclusive:
      return "inconclusive";
  }
  BENCHCTL_CHECK(false && "unknown Verdict");
  return "";
}

}  // namespace benchctl
