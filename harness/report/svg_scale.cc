#include "svg_scale.h"

#include <algorithm>
#include <cmath>

#include "error.h"

namespace benchctl {
namespace {

// The 1-2-5 step nearest to `raw`.
double NiceStep(double raw) {
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double fraction = raw / magnitude;
  const double nice = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10;
  return nice * magnitude;
}

}  // namespace

bool WantsLogScale(double low, double high) { return low > 0 && high / low > kLogScaleSpan; }

std::vector<double> LinearTicks(double low, double high, int target) {
  BENCHCTL_CHECK(std::isfinite(low) && std::isfinite(high) && low <= high && target > 0);
  if (high == low) {
    // One value: a range around it that still shows it (zero gets [0, 1]).
    const double pad = low == 0 ? 1 : std::abs(low) * 0.1;
    low -= low == 0 ? 0 : pad;
    high += pad;
  }
  const double step = NiceStep((high - low) / target);
  std::vector<double> ticks;
  const double first = std::floor(low / step + 1e-9);
  const double last = std::ceil(high / step - 1e-9);
  for (double k = first; k <= last; ++k) {
    // Multiplying (not accumulating) keeps 0.1 steps free of drift; -0 prints as 0.
    ticks.push_back(k * step + 0.0);
  }
  return ticks;
}

std::vector<double> LogTicks(double low, double high) {
  BENCHCTL_CHECK(low > 0 && high >= low && std::isfinite(high));
  const int first = static_cast<int>(std::floor(std::log10(low) + 1e-9));
  const int last = static_cast<int>(std::ceil(std::log10(high) - 1e-9));
  const bool fine = last - first < 3;
  std::vector<double> ticks;
  for (int e = first; e <= last; ++e) {
    const double decade = std::pow(10.0, e);
    for (double m : {1.0, 2.0, 5.0}) {
      if (m != 1 && (!fine || e == last)) continue;
      ticks.push_back(m * decade);
    }
  }
  // Trim ticks outside the range, keeping one on each side of it.
  while (ticks.size() > 2 && ticks[1] <= low * (1 + 1e-9)) ticks.erase(ticks.begin());
  while (ticks.size() > 2 && ticks[ticks.size() - 2] >= high * (1 - 1e-9)) ticks.pop_back();
  if (ticks.size() == 1) ticks.push_back(ticks.front() * 10);
  return ticks;
}

Scale Scale::Linear(double low, double high, double pixel_low, double pixel_high,
                    double tick_unit) {
  Scale s;
  // Few enough for labels to fit under a 260 px axis; nice in the unit the labels show.
  s.ticks_ = LinearTicks(low / tick_unit, high / tick_unit, 3);
  for (double& tick : s.ticks_) tick *= tick_unit;
  s.low_ = s.ticks_.front();
  s.high_ = s.ticks_.back();
  s.pixel_low_ = pixel_low;
  s.pixel_high_ = pixel_high;
  return s;
}

Scale Scale::Log(double low, double high, double pixel_low, double pixel_high) {
  Scale s;
  s.log_ = true;
  s.ticks_ = LogTicks(low, high);
  s.low_ = s.ticks_.front();
  s.high_ = s.ticks_.back();
  s.pixel_low_ = pixel_low;
  s.pixel_high_ = pixel_high;
  return s;
}

Scale Scale::For(double low, double high, double pixel_low, double pixel_high) {
  return WantsLogScale(low, high) ? Log(low, high, pixel_low, pixel_high)
                                  : Linear(low, high, pixel_low, pixel_high);
}

double Scale::operator()(double value) const {
  value = std::clamp(value, low_, high_);
  double t =
      log_ ? std::log(value / low_) / std::log(high_ / low_) : (value - low_) / (high_ - low_);
  return pixel_low_ + t * (pixel_high_ - pixel_low_);
}

}  // namespace benchctl
