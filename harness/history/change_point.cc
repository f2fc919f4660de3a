#include "change_point.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "splitmix64.h"

namespace benchctl {
namespace {

struct Segment {
  std::size_t begin = 0, end = 0;  // [begin, end) of the series.
  ChangePoint best;                // Its best split (index relative to the series).
};

// The permutation p-value of `observed` for the segment's values: how often a shuffled
// segment's best split is at least as divergent (counting the observed order once).
double PermutationPValue(std::vector<double> values, double observed,
                         const ChangePointOptions& options, SplitMix64& rng) {
  int as_large = 0;
  for (int r = 0; r < options.permutations; ++r) {
    for (std::size_t i = values.size() - 1; i > 0; --i) {
      std::swap(values[i], values[rng.Below(i + 1)]);
    }
    if (BestSplit(values, options.min_segment).energy >= observed) ++as_large;
  }
  return (1.0 + as_large) / (1.0 + options.permutations);
}

}  // namespace

ChangePoint BestSplit(std::span<const double> x, std::size_t min_segment) {
  ChangePoint best{0, 1, 0};
  const std::size_t n = x.size();
  min_segment = std::max<std::size_t>(min_segment, 1);
  if (n < 2 * min_segment) return best;
  // before[t] = Σ_{i<t} |x_i − x_t|, after[t] = Σ_{j>t} |x_t − x_j|: moving point t from the
  // right side to the left changes each of the three distance sums by one of them, so every
  // split is scored in O(n²) overall.
  std::vector<double> before(n, 0), after(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      double d = std::fabs(x[i] - x[j]);
      after[i] += d;
      before[j] += d;
    }
  }
  double within_left = 0, within_right = 0, between = 0;
  for (std::size_t t = 0; t < n; ++t) within_right += after[t];
  for (std::size_t t = 0; t + 1 < n; ++t) {
    within_left += before[t];
    within_right -= after[t];
    between += after[t] - before[t];
    const double nl = static_cast<double>(t + 1), nr = static_cast<double>(n - t - 1);
    if (t + 1 < min_segment || n - t - 1 < min_segment) continue;
    // Ê = 2/(nl·nr) Σ|X−Y| − Σ_{i<k}|X_i−X_k| / C(nl,2) − Σ_{j<k}|Y_j−Y_k| / C(nr,2);
    // Q = nl·nr/(nl+nr) · Ê (Matteson & James 2014, eq. 5–6).
    double e = 2 * between / (nl * nr);
    if (nl > 1) e -= within_left / (nl * (nl - 1) / 2);
    if (nr > 1) e -= within_right / (nr * (nr - 1) / 2);
    double q = nl * nr / (nl + nr) * e;
    if (q > best.energy || best.index == 0) best = ChangePoint{t + 1, 1, q};
  }
  return best;
}

std::vector<ChangePoint> DetectChangePoints(std::span<const double> values,
                                            const ChangePointOptions& options) {
  SplitMix64 rng(options.seed);
  auto scored = [&](std::size_t begin, std::size_t end) {
    Segment s{begin, end, BestSplit(values.subspan(begin, end - begin), options.min_segment)};
    if (s.best.index != 0) s.best.index += begin;
    return s;
  };
  std::vector<Segment> segments = {scored(0, values.size())};
  std::vector<ChangePoint> found;
  while (true) {
    // The segment whose best split is the most divergent is tested next (the paper's order).
    auto next =
        std::max_element(segments.begin(), segments.end(), [](const auto& a, const auto& b) {
          return (a.best.index == 0 ? -1.0 : a.best.energy) <
                 (b.best.index == 0 ? -1.0 : b.best.energy);
        });
    if (next == segments.end() || next->best.index == 0) break;
    Segment segment = *next;
    std::vector<double> own(values.begin() + static_cast<std::ptrdiff_t>(segment.begin),
                            values.begin() + static_cast<std::ptrdiff_t>(segment.end));
    segment.best.p_value = PermutationPValue(std::move(own), segment.best.energy, options, rng);
    if (segment.best.p_value > options.alpha) break;
    found.push_back(segment.best);
    segments.erase(next);
    segments.push_back(scored(segment.begin, segment.best.index));
    segments.push_back(scored(segment.best.index, segment.end));
  }
  std::sort(found.begin(), found.end(),
            [](const ChangePoint& a, const ChangePoint& b) { return a.index < b.index; });
  return found;
}

}  // namespace benchctl
