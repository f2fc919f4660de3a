#include "memory_bandwidth.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <new>
#include <string>

#include "error.h"

namespace benchctl {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// Sums the buffer with independent accumulators so that the adds never limit the
// loop and the loads (the memory system) do. Eight covers two loads per cycle at
// a few cycles' latency on current cores.
std::uint64_t SumWords(const std::uint64_t* data, std::size_t words) {
  std::uint64_t a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
  std::size_t i = 0;
  for (; i + 8 <= words; i += 8) {
    a0 += data[i];
    a1 += data[i + 1];
    a2 += data[i + 2];
    a3 += data[i + 3];
    a4 += data[i + 4];
    a5 += data[i + 5];
    a6 += data[i + 6];
    a7 += data[i + 7];
  }
  for (; i < words; ++i) a0 += data[i];
  return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
}

constexpr int kAddsPerBlock = 256;

// One block of kAddsPerBlock dependent adds. The inline assembly fixes the
// instructions, so the chain is the same at every optimisation level and the
// compiler cannot fold it into one add. The addend is a register, not an immediate:
// Golden Cove-class cores (this VM's Xeon included) fold `add reg, imm` chains in the
// renamer and ran them at 5-8 adds per ns here, against ~1.2 for `add reg, reg` and
// for a 3-cycle imul chain / 3.
[[gnu::always_inline]] inline void AddChainBlock(std::uint64_t& x, std::uint64_t one) {
#if defined(__x86_64__)
  asm volatile(".rept 256\n\taddq %1, %0\n\t.endr" : "+r"(x) : "r"(one) : "memory");
#elif defined(__aarch64__)
  asm volatile(".rept 256\n\tadd %0, %0, %1\n\t.endr" : "+r"(x) : "r"(one) : "memory");
#else
  // The empty asm hides x from the optimiser after each add; at -O0 x lives in
  // memory and the estimate comes out several times too low.
  for (int i = 0; i < kAddsPerBlock; ++i) {
    x += one;
    asm volatile("" : "+r"(x));
  }
#endif
}

}  // namespace

double MeasureSequentialReadBandwidth(std::size_t buffer_bytes, int repeats) {
  const std::size_t words = buffer_bytes / sizeof(std::uint64_t);
  BENCHCTL_CHECK(words >= 8 && repeats >= 1);
  std::unique_ptr<std::uint64_t[]> buffer;
  try {
    buffer.reset(new std::uint64_t[words]);
  } catch (const std::bad_alloc&) {
    throw Error("cannot allocate " + std::to_string(buffer_bytes / kMiB) +
                " MiB for the memory bandwidth measurement: free memory or pass a smaller "
                "buffer");
  }
  // Writing every word faults every page in now, so no pass pays for page faults.
  for (std::size_t i = 0; i < words; ++i) buffer[i] = i;
  const std::uint64_t expected = words % 2 == 0 ? words / 2 * (words - 1) : (words - 1) / 2 * words;

  // Best of, not mean or median: disturbances (preemption, steal, a neighbour's
  // traffic) only ever slow a pass down, so the fastest pass is the least disturbed
  // and the closest to what the hardware can do.
  double best_seconds = 0.0;
  for (int r = 0; r < repeats; ++r) {
    const std::uint64_t* data = buffer.get();
    // Tell the compiler the buffer may have changed: otherwise it could compute the
    // (loop-invariant) sum once and reuse it for every pass.
    asm volatile("" : "+r"(data) : : "memory");
    const auto start = Clock::now();
    const std::uint64_t sum = SumWords(data, words);
    asm volatile("" : : "r"(sum) : "memory");  // The sum must exist before the clock is read.
    const double seconds = Seconds(Clock::now() - start);
    // Consuming the result: a wrong sum means the read did not happen as written.
    BENCHCTL_CHECK(sum == expected);
    if (r == 0 || seconds < best_seconds) best_seconds = seconds;
  }
  return static_cast<double>(words * sizeof(std::uint64_t)) / best_seconds;
}

// Accuracy: a register-register add has one cycle of latency on every x86-64 and
// AArch64 core in service, so the chain runs at one add per cycle and the estimate is
// the clock the core actually ran at, turbo included; not the nominal frequency. On
// an idle core it is within about 1-2% (timer overhead is negligible at ~4 ms per
// try). Preemption, steal time and frequency ramp-up only lower it, hence the best of
// many short tries (short, so that some fit between preemptions); on a loaded or
// oversubscribed VM it can still read low. The clock under wide-vector (AVX-512) or
// all-core load may be lower than this scalar one-core figure, and a future core
// that folds reg-reg add chains would read high. Cycles per byte derived from it
// carry the same error.
double EstimateCpuFrequencyHz() {
  constexpr int kTries = 25;
  constexpr int kBlocks = 50'000;  // 12.8 M adds: ~4 ms at 3 GHz.
  std::uint64_t one = 1;
  asm volatile("" : "+r"(one));  // Unknown to the compiler, so it stays a register operand.
  double best_seconds = 0.0;
  std::uint64_t x = 0;
  for (int t = 0; t < kTries; ++t) {
    const auto start = Clock::now();
    for (int b = 0; b < kBlocks; ++b) AddChainBlock(x, one);
    const double seconds = Seconds(Clock::now() - start);
    if (t == 0 || seconds < best_seconds) best_seconds = seconds;
  }
  BENCHCTL_CHECK(x == std::uint64_t{kTries} * kBlocks * kAddsPerBlock);
  return static_cast<double>(kBlocks) * kAddsPerBlock / best_seconds;
}

}  // namespace benchctl
