// spsc/cpp-reorder: the hand-written ring with a producer that breaks the order, so the shared
// driver's checks must fail the run. throughput: items 4096 and 4097 are pushed swapped, and
// the consumer reports "expected item 4096, got 4097"; latency: the consumer echoes 1001 for
// round trip 1000, and the producer reports "round trip 1000: sent 1000, got 1001 back".
#include <cstdint>

#include "benchlib.h"
#include "spsc/shared/cpp/driver.h"
#include "spsc/shared/cpp/ring.h"

namespace {

constexpr std::uint64_t kSwapped = 4096;    // pushed after kSwapped + 1
constexpr std::uint64_t kWrongEcho = 1000;  // echoed as kWrongEcho + 1

// A ring whose push holds item kSwapped back until kSwapped + 1 has gone.
class SwappingRing {
 public:
  explicit SwappingRing(std::uint64_t capacity) : ring_(capacity) {}

  void push(std::uint64_t v) {
    if (v == kSwapped) return;
    ring_.push(v);
    if (v == kSwapped + 1) ring_.push(kSwapped);
  }

  std::uint64_t pop() { return ring_.pop(); }

 private:
  spsc::Ring ring_;
};

// Two rings whose consumer echoes one value wrong.
class WrongEchoLink : public spsc::QueueLatency<spsc::Ring> {
 public:
  using QueueLatency::QueueLatency;

  void SendBack(std::uint64_t v) { QueueLatency::SendBack(v == kWrongEcho ? v + 1 : v); }
};

}  // namespace

int main() {
  return benchlib::Run([](benchlib::Session& session) {
    const spsc::Params params = spsc::ReadParams(session);
    // Too few items or trips and the fault never happens: refuse rather than pass.
    if (params.items <= kSwapped + 1 || params.round_trips <= kWrongEcho) {
      throw benchlib::Error("cpp-reorder needs ITEMS > 4097 and ROUND_TRIPS > 1000");
    }
    const spsc::CpuPair cpus = spsc::ProcessCpuPair();
    spsc::PinCurrentThread(cpus.producer, "producer");
    if (params.operation == spsc::Operation::kThroughput) {
      spsc::QueueThroughput<SwappingRing> op(params.capacity);
      spsc::MeasureThroughput(session, params, cpus, op);
    } else {
      WrongEchoLink link(params.capacity);
      spsc::MeasureLatency(session, params, cpus, link);
    }
  });
}
