// spsc suite (workloads/spsc/SPEC.md) with boost::lockfree::spsc_queue (Debian's Boost 1.81),
// spinning with the pause hint while it is full or empty.
#include <boost/lockfree/spsc_queue.hpp>
#include <cstdint>

#include "spsc/shared/cpp/driver.h"

namespace {

// In a 128-byte-aligned block of its own, so nothing else shares its lines; its inside is
// Boost's (both indices 64 bytes apart, no cached copy of the other side's).
class alignas(128) BoostQueue {
 public:
  // Boost 1.81's runtime-sized queue allocates capacity + 1 slots and holds `capacity` items.
  explicit BoostQueue(std::uint64_t capacity) : queue_(capacity) {}

  void push(std::uint64_t v) {
    while (!queue_.push(v)) __builtin_ia32_pause();
  }

  std::uint64_t pop() {
    std::uint64_t v;
    while (!queue_.pop(v)) __builtin_ia32_pause();
    return v;
  }

 private:
  boost::lockfree::spsc_queue<std::uint64_t> queue_;
};

}  // namespace

int main() { return spsc::QueueMain<BoostQueue>(); }
