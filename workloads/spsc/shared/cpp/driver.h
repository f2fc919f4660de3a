// The spsc suite's driver (workloads/spsc/SPEC.md), shared by every C++ variant: parameters,
// pinning, the consumer thread, the throughput and latency iterations with their checks, the
// round-trip histogram and the counters. A variant supplies a queue,
//
//   int main() { return spsc::QueueMain<MyQueue>(); }
//
// where MyQueue(capacity) holds `capacity` items, `push(v)` waits while it is full and
// `pop()` waits while it is empty (and a blocking queue adds `Close()`, see QueueClosed), or,
// like the floor, its own throughput and latency operations for spsc::Main.
#pragma once

#include <chrono>
#include <concepts>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "benchlib.h"
#include "spsc/shared/cpp/consumer.h"
#include "spsc/shared/cpp/histogram.h"
#include "spsc/shared/cpp/params.h"
#include "spsc/shared/cpp/pinning.h"

namespace spsc {

// What a queue variant supplies.
template <class Q>
concept Queue = std::constructible_from<Q, std::uint64_t> && requires(Q q, std::uint64_t v) {
  q.push(v);
  { q.pop() } -> std::same_as<std::uint64_t>;
};

// A body's result and verification value: the items (or round trips) of one iteration and the
// sum of what was received, mod 2^64.
struct Moved {
  std::uint64_t count = 0;
  std::uint64_t sum = 0;
  bool operator==(const Moved&) const = default;
};

// throughput through one queue: the producer pushes 0 ... items-1, the consumer pops and checks.
template <Queue Q>
class QueueThroughput {
 public:
  explicit QueueThroughput(std::uint64_t capacity) : queue_(capacity) {}

  void Produce(std::uint64_t items) {
    for (std::uint64_t i = 0; i < items; ++i) queue_.push(i);
  }

  ConsumerReport Consume(std::uint64_t items) {
    ConsumerReport report;
    for (std::uint64_t i = 0; i < items; ++i) report.Receive(i, queue_.pop());
    return report;
  }

  void Wake() {
    if constexpr (requires { queue_.Close(); }) queue_.Close();
  }

 private:
  Q queue_;
};

// latency's link through two queues: forward carries i to the consumer, back carries it home.
template <Queue Q>
class QueueLatency {
 public:
  explicit QueueLatency(std::uint64_t capacity) : forward_(capacity), back_(capacity) {}

  void Send(std::uint64_t i) { forward_.push(i); }     // producer
  std::uint64_t ReceiveBack() { return back_.pop(); }  // producer
  std::uint64_t Receive() { return forward_.pop(); }   // consumer
  void SendBack(std::uint64_t v) { back_.push(v); }    // consumer

  void Wake() {
    if constexpr (requires { forward_.Close(); }) {
      forward_.Close();
      back_.Close();
    }
  }

 private:
  Q forward_;
  Q back_;
};

// The producer's side of one latency iteration.
struct RoundTrips {
  std::uint64_t count = 0;  // trips completed
  std::uint64_t sum = 0;    // of the values received back, mod 2^64
  bool wrong = false;
  std::uint64_t trip = 0;  // the first trip whose value came back changed
  std::uint64_t got = 0;

  // Records a wrong echo inline, for the reason given at ConsumerReport::Receive.
  void Receive(std::uint64_t i, std::uint64_t got_back) {
    if (got_back != i && !wrong) [[unlikely]] {
      wrong = true;
      trip = i;
      got = got_back;
    }
    sum += got_back;
    ++count;
  }
};

// The producer's part of a latency iteration over `link` (Send, ReceiveBack): `trips` round
// trips, each timed by one clock read after it (one before the first) and recorded into
// `histogram` unless it is null.
template <class Link>
RoundTrips ProduceRoundTrips(Link& link, std::uint64_t trips, Histogram* histogram) {
  RoundTrips result;
  auto last = std::chrono::steady_clock::now();
  for (std::uint64_t i = 0; i < trips; ++i) {
    link.Send(i);
    const std::uint64_t got_back = link.ReceiveBack();
    const auto now = std::chrono::steady_clock::now();
    if (histogram != nullptr) {
      histogram->Record(static_cast<std::uint64_t>(
          std::chrono::duration_cast<std::chrono::nanoseconds>(now - last).count()));
    }
    last = now;
    result.Receive(i, got_back);
  }
  return result;
}

// The consumer's part of a latency iteration over `link` (Receive, SendBack): echoes each value
// at once and checks it after, off the round trip's path.
template <class Link>
ConsumerReport EchoRoundTrips(Link& link, std::uint64_t trips) {
  ConsumerReport report;
  for (std::uint64_t i = 0; i < trips; ++i) {
    const std::uint64_t v = link.Receive();
    link.SendBack(v);
    report.Receive(i, v);
  }
  return report;
}

namespace internal {

// The operation's Wake as the consumer's wake, or none if it cannot block.
template <class Op>
std::function<void()> WakeOf(Op& op) {
  if constexpr (requires { op.Wake(); }) {
    return [&op] { op.Wake(); };
  } else {
    return {};
  }
}

inline benchlib::Counters Placement(const CpuPair& cpus) {
  return {{"producer_cpu", cpus.producer}, {"consumer_cpu", cpus.consumer}};
}

}  // namespace internal

// Measures throughput with `op` (Produce(items), Consume(items) returning the ConsumerReport,
// optional Wake()).
template <class Op>
void MeasureThroughput(benchlib::Session& session, const Params& params, const CpuPair& cpus,
                       Op& op) {
  const std::uint64_t items = params.items;
  Consumer consumer(
      cpus.consumer, [&op, items] { return op.Consume(items); }, internal::WakeOf(op));
  session.Measure(
      [&] {
        const auto [k, report] = consumer.Run([&] { op.Produce(items); });
        if (report.out_of_order) throw SequenceError(k, report);
        return Moved{report.count, report.sum};
      },
      [](const Moved& m) {
        return nlohmann::json{{"items", m.count}, {"sum", m.sum}};
      },
      internal::Placement(cpus));
  consumer.Stop();
}

// Measures latency over `link` (Send, ReceiveBack, Receive, SendBack, optional Wake()), with
// the histogram of the timed samples' round trips.
template <class Link>
void MeasureLatency(benchlib::Session& session, const Params& params, const CpuPair& cpus,
                    Link& link) {
  const std::uint64_t trips = params.round_trips;
  Histogram histogram;
  Consumer consumer(
      cpus.consumer, [&link, trips] { return EchoRoundTrips(link, trips); },
      internal::WakeOf(link));
  session.Measure(
      [&] {
        Histogram* record = session.timing() ? &histogram : nullptr;
        RoundTrips produced;
        const auto [k, report] =
            consumer.Run([&] { produced = ProduceRoundTrips(link, trips, record); });
        if (report.out_of_order) throw SequenceError(k, report);
        if (produced.wrong) {
          throw benchlib::Error("round trip " + std::to_string(produced.trip) + ": sent " +
                                std::to_string(produced.trip) + ", got " +
                                std::to_string(produced.got) + " back");
        }
        return Moved{produced.count, produced.sum};
      },
      [](const Moved& m) {
        return nlohmann::json{{"round_trips", m.count}, {"sum", m.sum}};
      },
      internal::Placement(cpus),
      {.before = [&] { histogram.Clear(); }, .after = [&] { return histogram.Counters(); }});
  consumer.Stop();
}

// The whole workload: parameters, the producer pinned, then `Throughput` or `Latency`
// (constructed from CAPACITY after pinning, so their memory is touched from the producer's
// CPU) measured. Returns main's exit status.
template <class Throughput, class Latency>
int Main() {
  return benchlib::Run([](benchlib::Session& session) {
    const Params params = ReadParams(session);
    const CpuPair cpus = ProcessCpuPair();
    PinCurrentThread(cpus.producer, "producer");
    if (params.operation == Operation::kThroughput) {
      const auto op = std::make_unique<Throughput>(params.capacity);
      MeasureThroughput(session, params, cpus, *op);
    } else {
      const auto link = std::make_unique<Latency>(params.capacity);
      MeasureLatency(session, params, cpus, *link);
    }
  });
}

// The workload for a queue type.
template <Queue Q>
int QueueMain() {
  return Main<QueueThroughput<Q>, QueueLatency<Q>>();
}

}  // namespace spsc
