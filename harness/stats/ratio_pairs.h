// The limit on the work a ratio between two samples may take.
#pragma once

#include <cstddef>

namespace benchctl {

// Most base × candidate value pairs a ratio's Hodges–Lehmann interval (comparison.h) may be
// computed over: it sorts every pair, so time and memory grow with their product. 10^7 pairs
// take about 160 MB and a second; the A/B default of 120 processes per side is 14,400. A
// 22 MB file of two 40,000-process jobs took 12 GB in `show` before this limit.
inline constexpr std::size_t kMaxRatioPairs = 10'000'000;

}  // namespace benchctl
