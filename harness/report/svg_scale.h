// Scales and tick positions for charts: a value range mapped onto pixels, linear or
// logarithmic, with "nice" ticks (1, 2, 5 × 10^k). Pure functions; used by every chart kind
// (report's dot and interval charts, and any later trend chart).
#pragma once

#include <vector>

namespace benchctl {

// Values spanning more than this factor are drawn on a log axis: on a linear one the small
// ones would sit on top of each other at zero.
inline constexpr double kLogScaleSpan = 20;

// Whether [low, high] should be drawn on a log axis (positive and spanning > kLogScaleSpan).
bool WantsLogScale(double low, double high);

// Maps values in [low, high] onto pixels [pixel_low, pixel_high] (pixel_high may be smaller:
// a y axis grows upwards).
class Scale {
 public:
  // A linear scale over [low, high] widened to nice tick values; a zero-width range is widened.
  // `tick_unit` is the unit the labels show values in (1024 for kB labelled as MiB), so ticks
  // are nice numbers of it.
  static Scale Linear(double low, double high, double pixel_low, double pixel_high,
                      double tick_unit = 1);
  // A log scale over [low, high] (both > 0) widened to powers of ten, or to 1-2-5 steps when
  // the range spans less than a decade on each side.
  static Scale Log(double low, double high, double pixel_low, double pixel_high);
  // Linear or Log as WantsLogScale decides.
  static Scale For(double low, double high, double pixel_low, double pixel_high);

  double operator()(double value) const;  // The pixel of `value` (clamped to the range).
  const std::vector<double>& Ticks() const { return ticks_; }
  bool IsLog() const { return log_; }
  double Low() const { return low_; }
  double High() const { return high_; }

 private:
  bool log_ = false;
  double low_ = 0, high_ = 1, pixel_low_ = 0, pixel_high_ = 1;
  std::vector<double> ticks_;
};

// Ticks at multiples of a 1-2-5 step covering [low, high] with about `target` intervals; the
// first is <= low and the last >= high.
std::vector<double> LinearTicks(double low, double high, int target = 5);

// Ticks for a log axis covering [low, high] (both > 0): powers of ten, with 2 and 5 between
// them when there are fewer than three decades; the first is <= low and the last >= high.
std::vector<double> LogTicks(double low, double high);

}  // namespace benchctl
