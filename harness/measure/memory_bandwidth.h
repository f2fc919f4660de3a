// Two machine calibrations recorded next to the results: how fast one core streams
// memory, and how fast its clock runs. They turn times into "bytes per second" and
// "cycles per byte" on machines where cycle counters cannot be read.
#pragma once

#include <cstddef>

namespace benchctl {

// One mebibyte, for buffer sizes.
inline constexpr std::size_t kMiB = std::size_t{1} << 20;

// Single-core sequential read bandwidth in bytes per second, the best of `repeats`
// passes over a `buffer_bytes` buffer (which should exceed the last-level cache to
// measure DRAM). Throws Error if the buffer cannot be allocated.
double MeasureSequentialReadBandwidth(std::size_t buffer_bytes = 256 * kMiB, int repeats = 5);

// The core clock in Hz, estimated by timing a chain of dependent integer adds (one
// cycle each). Within a few percent on an idle core in an optimised build; see the .cc.
double EstimateCpuFrequencyHz();

}  // namespace benchctl
