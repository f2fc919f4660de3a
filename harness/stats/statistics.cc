#include "statistics.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "error.h"

namespace benchctl {
namespace {

// Median of an already sorted, non-empty vector.
double SortedMedian(const std::vector<double>& sorted) {
  const std::size_t n = sorted.size();
  const std::size_t mid = n / 2;
  return n % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
}

// Rejects levels for which no interval is meaningful (NaN included, hence the negated test).
void CheckConfidence(double confidence) {
  if (!(confidence > 0.0 && confidence < 1.0)) {
    throw Error("confidence level must be strictly between 0 and 1, got " +
                std::to_string(confidence));
  }
}

}  // namespace

double Median(std::vector<double> values) {
  if (values.empty()) throw Error("cannot take the median of an empty sample");
  // nth_element is O(n); for even n the lower middle is the largest of the left half.
  const std::size_t mid = values.size() / 2;
  const auto mid_it = values.begin() + static_cast<std::ptrdiff_t>(mid);
  std::nth_element(values.begin(), mid_it, values.end());
  if (values.size() % 2 == 1) return *mid_it;
  const double lower = *std::max_element(values.begin(), mid_it);
  return 0.5 * (lower + *mid_it);
}

double MedianAbsoluteDeviation(std::span<const double> values) {
  if (values.empty()) throw Error("cannot take the MAD of an empty sample");
  const double median = Median(std::vector<double>(values.begin(), values.end()));
  std::vector<double> deviations;
  deviations.reserve(values.size());
  for (double v : values) deviations.push_back(std::fabs(v - median));
  return Median(std::move(deviations));
}

double ScaledMedianAbsoluteDeviation(std::span<const double> values) {
  return kMadNormalScale * MedianAbsoluteDeviation(values);
}

// Distribution-free CI for the median (Conover, "Practical Nonparametric Statistics", 3rd ed.,
// §3.2; Hahn & Meeker, "Statistical Intervals", 1991, §5.2): the number B of values below the
// true median is Binomial(n, 1/2), so P(X(r) <= median <= X(n+1-r)) = 1 - 2 P(B <= r - 1),
// exactly, for any continuous distribution. We take the largest r that keeps this >= confidence.
OrderStatisticInterval MedianIntervalRanks(std::size_t n, double confidence) {
  if (n == 0) throw Error("cannot build a median interval for an empty sample");
  CheckConfidence(confidence);
  const double dn = static_cast<double>(n);
  // Binomial(n, 1/2) pmf in log space so that large n does not underflow 0.5^n.
  double log_pmf = -dn * std::log(2.0);
  double cdf = std::exp(log_pmf);  // P(B <= 0), the tail excluded by r = 1.
  OrderStatisticInterval best{1, n, 1.0 - 2.0 * cdf};
  for (std::size_t r = 2; 2 * r <= n + 1; ++r) {
    const double j = static_cast<double>(r - 2);  // Step pmf(j) -> pmf(j + 1).
    log_pmf += std::log(dn - j) - std::log(j + 1.0);
    cdf += std::exp(log_pmf);  // Now P(B <= r - 1).
    const double coverage = 1.0 - 2.0 * cdf;
    if (coverage < confidence) break;
    best = {r, n + 1 - r, coverage};
  }
  // When even [X(1), X(n)] falls short (n < 6 at 95%) we still return it, with its true,
  // lower coverage, so the report never claims more confidence than it has.
  return best;
}

// Modified z-score of Iglewicz & Hoaglin, "How to Detect and Handle Outliers" (ASQC, 1993),
// M = 0.6745 (x - median) / MAD with the recommended cut-off |M| > 3.5. hyperfine uses the same
// score (src/outlier_detection.rs) with a looser 10-sigma cut-off; we follow the paper.
std::vector<std::size_t> FlagOutliers(std::span<const double> values) {
  std::vector<std::size_t> outliers;
  if (values.empty()) return outliers;
  const double median = Median(std::vector<double>(values.begin(), values.end()));
  const double mad = MedianAbsoluteDeviation(values);
  // With MAD = 0 (over half the values identical) every other value would score infinity;
  // flagging them all says nothing useful, so we flag none.
  if (mad == 0.0) return outliers;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double score = 0.6745 * (values[i] - median) / mad;
    if (std::fabs(score) > kOutlierModifiedZ) outliers.push_back(i);
  }
  return outliers;
}

Summary Summarize(std::span<const double> values, double confidence) {
  if (values.empty()) throw Error("cannot summarise an empty sample");
  CheckConfidence(confidence);
  for (double v : values) {
    if (!std::isfinite(v)) throw Error("cannot summarise a sample holding a non-finite value");
  }
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());

  Summary s;
  s.n = sorted.size();
  s.median = SortedMedian(sorted);
  s.min = sorted.front();
  s.max = sorted.back();
  const OrderStatisticInterval ci = MedianIntervalRanks(s.n, confidence);
  s.ci_low = sorted[ci.lower_rank - 1];
  s.ci_high = sorted[ci.upper_rank - 1];
  s.ci_confidence = ci.coverage;
  s.mad = MedianAbsoluteDeviation(values);

  const double dn = static_cast<double>(s.n);
  s.mean = std::accumulate(sorted.begin(), sorted.end(), 0.0) / dn;
  // Two-pass variance: subtracting the mean first avoids the cancellation of sum-of-squares.
  double squares = 0.0;
  for (double v : sorted) squares += (v - s.mean) * (v - s.mean);
  s.stddev = s.n > 1 ? std::sqrt(squares / (dn - 1.0)) : 0.0;

  s.outliers = FlagOutliers(values);
  return s;
}

}  // namespace benchctl
